"""Render the board: page bodies (HTML), the JSON API, the board index, feeds and CSV.

``render_site`` is a pure function of the board, the insights and the settings.
It returns every generated page as a ``Page`` (an escaped title and a sanitized
HTML body) and every generated asset as text.  The mkdocs plugin adds the pages
as tiny placeholders and swaps the bodies in after Python-Markdown has run, so
untrusted text never meets the site's markdown extensions.

Untrusted text (titles, summaries, descriptions, notes, logins, labels, tags)
reaches the templates only as the output of ``text.text``; the templates are
autoescaped on top of that.  Each kind of page has its module: ``pages`` (lists),
``idea_page``, ``people``; ``feeds``, ``api`` and ``csv`` write the assets.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from typing import Any

from generator import i18n
from generator.config import PEOPLE_PAGES_AUTO, Settings, people_pages_on
from generator.load import schema_text as idea_schema_text
from generator.model import SLUG_RE, Board, Voters
from generator.render import api, feeds, idea_page, pages, people, shards
from generator.render import csv as csv_export
from generator.render.page import LazyIdeaPage, LazyPage, Page, Site
from generator.render.text import (
    SORTS,
    build_date,
    human_date,
    human_time,
    iso,
    plain,
    safe_name,
    sort_entries,
    status_title,
    text,
    with_site_id,
)
from generator.render.view import PLAIN_NOTE, Renderer, search_words

#: Where the header search finds its words (``ideaboard-search.js`` knows the path).
SEARCH_WORDS = "assets/ideaboard-words.json"

# ``api`` still reads these names from this module; they live in ``text``, ``page`` and ``view``.
__all__ = [
    "PLAIN_NOTE",
    "LazyIdeaPage",
    "LazyPage",
    "Page",
    "Renderer",
    "Site",
    "build_date",
    "human_date",
    "human_time",
    "iso",
    "plain",
    "render_site",
    "safe_name",
    "sort_entries",
    "status_title",
    "text",
]


def render_site(board: Board, insights: Any, settings: Settings, *, lazy: bool = False) -> Site:
    """Every generated page and asset of the board, by path relative to ``docs_dir``.

    With ``lazy`` (a big board), idea pages and the tag and status lists are
    ``LazyPage``s, rendered when their body is read, and people pages, feeds and the
    board index are ``Site.lazy_assets``.  Everything
    renders in the board language (``settings.language``), lazy pages included.
    """
    # ``people_pages: auto``: a big board's people outnumber its ideas several times over.
    if settings.people_pages == "auto":
        people = _people_count(board, stop_after=PEOPLE_PAGES_AUTO)
        settings = dataclasses.replace(settings, people_pages=people_pages_on("auto", people))
    with i18n.using(settings.language):
        return _render_site(board, insights, settings, lazy=lazy)


def _render_site(board: Board, insights: Any, settings: Settings, *, lazy: bool) -> Site:
    r = Renderer(board, insights, settings)
    site = Site()
    site.pages["index.md"] = pages.home(r)
    site.pages["roadmap.md"] = pages.roadmap(r)
    site.pages.update(pages.shipped(r))
    site.pages.update(pages.proposals(r))
    site.pages["insights.md"] = pages.insights(r)
    site.pages["tags/index.md"] = pages.tag_index(r)
    # A big board's lists of cards are rendered as they are written, as its idea pages.
    for tag, entries in r.tags.items():
        site.pages.update(pages.tag(r, tag, entries, lazy=lazy))
    for status in settings.statuses:
        site.pages.update(pages.status(r, status, lazy=lazy))
    # On a big board the assets that grow with it (each idea's feed, the board index, the
    # API) are written when the plugin writes the site, one at a time, not kept.
    grown: dict[str, Callable[[], str]] = {}
    for e in r.visible:
        if SLUG_RE.match(e.slug):
            site.pages[f"ideas/{e.slug}.md"] = (
                idea_page.lazy_idea(r, e) if lazy else idea_page.idea(r, e)
            )
            grown[f"feeds/ideas/{e.slug}.xml"] = functools.partial(feeds.idea_feed, r, e)
    _people(r, site, lazy)
    # The API and the CSV stay mkdocs files: static pages link to them.
    site.assets["api/ideas.json"] = api.ideas_json(r)
    site.assets["api/ideas.schema.json"] = with_site_id(
        api.schema_text(), settings.site_url, "api/ideas.schema.json"
    )
    grown.update(shards.shard_makers(r, SORTS))  # what the board's script fetches
    for path, make in grown.items():
        if lazy:
            site.lazy_assets[path] = functools.partial(_in, settings.language, make)
        else:
            site.assets[path] = make()
    site.assets["api/ideas.csv"] = csv_export.ideas_csv(r)
    site.assets["schema/idea.schema.json"] = with_site_id(
        idea_schema_text(), settings.site_url, "schema/idea.schema.json"
    )
    # The header search's words in the board language (ideaboard-search.js loads them
    # with the first query, so no page carries them).
    site.assets[SEARCH_WORDS] = json.dumps(search_words(settings.language), sort_keys=True)
    site.assets["feeds/changes.xml"] = feeds.changes(r)
    site.assets["feeds/new.xml"] = feeds.new_ideas(r)
    return site


def _people_count(board: Board, stop_after: int) -> int:
    """The proposers and voters of the visible ideas (logins in lower case), counted until
    there are more than ``stop_after``."""
    seen: set[str] = set()
    for e in board.visible:
        if e.proposer is not None and e.proposer.login and not e.proposer.is_bot:
            seen.add(e.proposer.login.lower())
        logins = e.voters.logins() if isinstance(e.voters, Voters) else [v.login for v in e.voters]
        seen.update(login.lower() for login in logins)
        if len(seen) > stop_after:
            break
    return len(seen)


def _people(r: Renderer, site: Site, lazy: bool) -> None:
    """Each person's page and feed; on a big board, rendered when the plugin writes them."""
    view = people.PeopleView(r)
    for name, person in people.people(r).items():
        page, feed = f"people/{name}/index.html", f"feeds/people/{name}.xml"
        if lazy:
            lang = r.settings.language
            site.lazy_assets[page] = functools.partial(_in, lang, view.page, name, person)
            site.lazy_assets[feed] = functools.partial(_in, lang, view.feed, name, person)
        else:
            site.assets[page] = view.page(name, person)
            site.assets[feed] = view.feed(name, person)


def _in(language: str, render: Any, *args: Any) -> str:
    """``render(*args)`` in ``language`` (a lazy asset runs after ``render_site`` returns)."""
    with i18n.using(language):
        return render(*args)
