"""The renderer's shared state: the board's cards, links and templates, built once.

``Renderer`` holds what several pages need (the visible entries in trending order,
each card, rendered markdown, the people who have a page) so a big board renders
each piece once.  The pages themselves live in ``pages``, ``idea_page`` and
``people``; they take a ``Renderer`` and return a ``Page``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import i18n
from generator import sanitize as _sanitize
from generator.config import Settings
from generator.model import Board, Entry, page_path
from generator.render.text import (
    human_time,
    iso,
    person_name,
    safe_name,
    sort_entries,
    status_title,
    text,
)

TEMPLATES = Path(__file__).parent / "templates"

_ = i18n.gettext
#: A message's form per CLDR plural category, for a client script (``extract`` knows the name).
plurals = i18n.plural_table

#: Text that markdown would only wrap in paragraphs: lines of words and plain punctuation,
#: each starting with a letter and not ending in a space, paragraphs split by blank lines.
_PLAIN_LINE = r"[A-Za-z](?:[A-Za-z0-9 ,.;?!()'’-]*[A-Za-z0-9,.;?!()'’-])?"
PLAIN_NOTE = re.compile(rf"{_PLAIN_LINE}(?:\n{{1,2}}{_PLAIN_LINE})*\n?")
PLAIN_LIMIT = 20_000


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=False,
)
i18n.install(_ENV)
_ENV.globals["idea_page"] = page_path


def search_words(language: str) -> dict[str, Any]:
    """The header search's words in the board language (``ideaboard-search.js`` reads them)."""
    with i18n.using(language):
        return {
            "lang": i18n.current().tag,
            "found": plurals("%(num)s matching idea", "%(num)s matching ideas"),
            "none": _("No matching ideas"),
            "failed": _("Search is not available"),
        }


def environment() -> jinja2.Environment:
    """The template environment: autoescaped, compiled once per process."""
    return _ENV


class Renderer:
    """Turns a board into pages; holds the per-idea views so each is built once."""

    def __init__(self, board: Board, insights: Any, settings: Settings) -> None:
        self.board = board
        self.insights = insights
        self.settings = settings
        self._markdown: dict[str, Markup] = {}
        #: Each voter's login, escaped, and its people page name (``idea_page.voters``):
        #: a voter votes for many ideas.  Kept here, so it goes with the board.
        self.shown_logins: dict[str, tuple[Markup, str | None]] = {}
        self.visible = sort_entries(board.visible, "trending")
        self.by_slug = {e.slug: e for e in self.visible}
        self.cards = {e.slug: self._card(e) for e in self.visible}
        self.tags = self._tags()
        self.env = environment()
        self.synced = {
            "iso": iso(board.synced_at),
            "human": human_time(board.synced_at),
            "never": board.synced_at is None,
            "complete": board.complete,
            "stale_days": settings.stale_days,
        }
        #: Who has a people page (lower-cased login -> the login as written), if enabled.
        self.people: dict[str, str] = self._people() if settings.people_pages else {}
        # Pieces that are the same on many pages are rendered once: a big board has
        # thousands of pages, and each card shows up on several of them.
        self.macros = self.env.get_template("_macros.html").make_module()
        self.synced_time = self.macros.synced_time(self.synced)
        self.synced_note = self.macros.synced_note(self.synced)
        self.propose_html = self.macros.propose(self.propose_url(), self.settings.repo)
        self._card_html: dict[tuple[str, str], Markup] = {}
        self._meta_html: dict[str, Markup] = {}
        self._checked_html: dict[Any, Markup] = {}

    def markdown(self, source: str, *, keep: bool = True) -> Markup:
        """Sanitized markdown, rendered once per distinct text (pages, API and feeds share it).

        ``keep=False`` for text only one page shows (a description): it is not cached,
        so a big board's descriptions are not all held until the build ends.
        """
        if not source:
            return Markup("")
        html = self._markdown.get(source)
        if html is None:
            if len(source) <= PLAIN_LIMIT and PLAIN_NOTE.fullmatch(source):
                # Plain paragraphs render as paragraphs of escaped text; skipping the
                # markdown pipeline for them keeps big boards fast.
                html = Markup("\n").join(
                    Markup("<p>{}</p>").format(Markup("\n").join(map(text, para.split("\n"))))
                    for para in source.strip("\n").split("\n\n")
                )
            else:
                html = _sanitize.markdown(source)
            if keep:
                self._markdown[source] = html
        return html

    # -- views ------------------------------------------------------------------------

    def _card(self, e: Entry) -> dict[str, Any]:
        idea = e.idea
        return {
            "slug": idea.slug,
            "title": text(idea.title),
            "summary": text(idea.summary),
            "status": idea.status,
            "status_title": status_title(idea.status, self.settings),
            "category": e.category,
            "votes": e.votes,
            "comments": e.comments,
            "tags": [(text(t), safe_name(t)) for t in idea.tags],
            "release": text(idea.shipped_in.release) if idea.shipped_in else None,
            "canonical": e.canonical if e.canonical in self.by_slug else None,
        }

    def _tags(self) -> dict[str, list[Entry]]:
        tags: dict[str, list[Entry]] = defaultdict(list)
        for e in self.visible:  # already in trending order
            for t in dict.fromkeys(e.idea.tags):
                tags[t].append(e)
        return dict(sorted(tags.items()))

    def _people(self) -> dict[str, str]:
        people: dict[str, str] = {}
        for e in self.visible:
            if e.proposer is not None and e.proposer.login and not e.proposer.is_bot:
                self._add_person(people, e.proposer.login)
            for v in e.voters:
                self._add_person(people, v.login)
        return people

    @staticmethod
    def _add_person(people: dict[str, str], login: str) -> None:
        name = person_name(login)
        if name is not None:
            people.setdefault(name, login)

    def issue_url(self, e: Entry) -> str | None:
        """The idea's issue on GitHub: the synced URL, else one built from the number."""
        if e.issue is not None:
            url = _sanitize.url(e.issue.url)
            if url:
                return url
        return self.number_url(e.idea.issue)

    def number_url(self, number: int | None) -> str | None:
        """The URL of issue ``number`` in the board's repository, if both are known."""
        if number and self.settings.repo:
            return f"{self.settings.issue_base_url}/{int(number)}"
        return None

    def propose_url(self) -> str | None:
        """The idea issue form of the board's repository, if it has one."""
        if not self.settings.repo:
            return None
        return f"{self.settings.issue_base_url}/new?template=idea.yml"

    def person(self, login: str | None, base: str = "") -> dict[str, Any] | None:
        """A GitHub account for crediting: escaped login, profile link and people page."""
        if not login:
            return None
        href = None
        name = person_name(login)
        if name is not None and self.settings.repo:
            host = self.settings.issue_base_url.removesuffix(f"/{self.settings.repo}/issues")
            href = f"{host}/{login}"
        page = f"{base}people/{name}/" if name is not None and name in self.people else None
        return {"login": text(login), "href": href, "page": page}

    def checked_time(self, e: Entry) -> Markup:
        """When the idea's votes were read: its issue's last check, else the board's sync.

        A tiered sync checks quiet ideas in rotation, so an idea's votes can be older
        than the sync; its page says so.  Rendered once per distinct time.
        """
        at = e.issue.checked_at if e.issue is not None else None
        if at is None or self.board.synced_at is None:
            return self.synced_time
        html = self._checked_html.get(at)
        if html is None:
            moment = {"iso": iso(at), "human": human_time(at), "never": False}
            html = self._checked_html[at] = self.macros.synced_time(moment)
        return html

    def card_html(self, slug: str, base: str) -> Markup:
        """One card, rendered once per page folder (its links are relative)."""
        key = (slug, base)
        html = self._card_html.get(key)
        if html is None:
            html = self._card_html[key] = self.macros.card(self.cards[slug], base)
        return html

    def cards_html(self, entries: Iterable[Entry], base: str, label: str) -> Markup:
        """A list of cards, or a line saying there are none."""
        items = [self.card_html(e.slug, base) for e in entries]
        if not items:
            return Markup('<p class="ib-empty">No ideas here yet.</p>')
        return (
            Markup('<ol class="ib-cards" aria-label="{}">').format(label)
            + Markup("").join(items)
            + Markup("</ol>")
        )

    def meta_html(self, slug: str) -> Markup:
        """A card's status badge, votes and comments."""
        html = self._meta_html.get(slug)
        if html is None:
            html = self._meta_html[slug] = self.macros.meta(self.cards[slug])
        return html

    def tag_links(self) -> list[tuple[Markup, str, int]]:
        """Each tag as (escaped name, page name, number of ideas), by name."""
        return [(text(t), safe_name(t), len(es)) for t, es in self.tags.items()]

    def render(self, template: str, base: str, **context: Any) -> Markup:
        """A template's output, with what every page shows (sync time, site name)."""
        tpl = self.env.get_template(template)
        # The template is autoescaped and receives only sanitized values.
        return Markup(  # noqa: S704
            tpl.render(
                base=base,
                synced=self.synced,
                synced_time=self.synced_time,
                synced_note=self.synced_note,
                propose=self.propose_html,
                settings=self.settings,
                site_name=text(self.settings.site_name),
                **context,
            )
        )
