"""The board in, pages and assets out: templates, API, feeds, CSV and charts. Pure; no mkdocs."""

from generator.render.site import render_site
from generator.render.text import build_date, human_date, human_time
from generator.render.view import LazyIdeaPage, LazyPage, Page, Site

__all__ = [
    "LazyIdeaPage",
    "LazyPage",
    "Page",
    "Site",
    "build_date",
    "human_date",
    "human_time",
    "render_site",
]
