"""The board in, pages and assets out: templates, API, feeds and charts. Pure; no mkdocs."""

from generator.render.site import (
    LazyIdeaPage,
    Page,
    Site,
    build_date,
    human_date,
    human_time,
    render_site,
)

__all__ = ["LazyIdeaPage", "Page", "Site", "build_date", "human_date", "human_time", "render_site"]
