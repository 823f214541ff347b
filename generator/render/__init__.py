"""The board in, pages and assets out: templates, API, feeds, CSV and charts. Pure; no mkdocs."""

from generator.render.page import LazyIdeaPage, LazyPage, Page, Site
from generator.render.site import render_site
from generator.render.text import build_date, human_date, human_time

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
