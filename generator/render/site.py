"""Render the board: page bodies (HTML), the JSON API, the board index and the feeds.

``render_site`` is a pure function of the board, the insights and the settings.
It returns every generated page as a ``Page`` (an escaped title and a sanitized
HTML body) and every generated asset as text.  The mkdocs plugin adds the pages
as tiny placeholders and swaps the bodies in after Python-Markdown has run, so
untrusted text never meets the site's markdown extensions.

Untrusted text (titles, summaries, descriptions, notes, logins, labels, tags)
reaches the templates only as the output of ``sanitize.*``; the templates are
autoescaped on top of that.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import sanitize as _sanitize
from generator.config import Settings
from generator.load import schema_text as idea_schema_text
from generator.model import SLUG_RE, Board, Entry
from generator.model import statuses as st
from generator.render import api, charts, feeds, pagination, shards

TEMPLATES = Path(__file__).parent / "templates"

#: Cards shown on the home page without JavaScript; the script shows the rest.
HOME_CARDS = 60
#: Cards in a roadmap column; the status pages list every idea.
ROADMAP_CARDS = 60
#: Characters of a description indexed for search beyond title and summary.
SEARCH_EXCERPT = 600
#: Text that markdown would only wrap in paragraphs: lines of words and plain punctuation,
#: each starting with a letter and not ending in a space, paragraphs split by blank lines.
_PLAIN_LINE = r"[A-Za-z](?:[A-Za-z0-9 ,.;?!()'’-]*[A-Za-z0-9,.;?!()'’-])?"
PLAIN_NOTE = re.compile(rf"{_PLAIN_LINE}(?:\n{{1,2}}{_PLAIN_LINE})*\n?")
PLAIN_LIMIT = 20_000
LOGIN_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")

CATEGORY_TITLES = {
    st.OPEN: "Open",
    st.ACTIVE: "Active",
    st.COMPLETED: "Shipped",
    st.DECLINED: "Declined",
    st.DUPLICATE: "Duplicate",
}


@dataclass(frozen=True)
class Page:
    """A generated page: its escaped title and its sanitized HTML body."""

    title: Markup
    body: Markup
    search: bool = True  # False: left out of the search index (lists of cards)
    #: What the search index sees instead of the body: the title, summary and description.
    search_html: Markup | None = None


@dataclass
class Site:
    """Everything the plugin adds to the site, by path relative to ``docs_dir``."""

    pages: dict[str, Page | LazyIdeaPage] = field(default_factory=dict)
    assets: dict[str, str] = field(default_factory=dict)


# --- text helpers -------------------------------------------------------------


def text(value: Any) -> Markup:
    """Escaped plain text, through the one sanitizer."""
    return _sanitize.text("" if value is None else value)


def plain(value: Any) -> str:
    """Cleaned plain text (control characters gone) for JSON and XML."""
    return _sanitize.clean("" if value is None else value)


def status_title(status: str) -> str:
    """``under-review`` -> ``Under review`` (status names are validated slugs)."""
    return status.replace("-", " ").capitalize()


def safe_name(value: str) -> str:
    """A file-name-safe slug for a tag: the tag itself when it is a slug, else a hash."""
    if SLUG_RE.match(value) and len(value) <= 80:
        return value
    return "t-" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def iso(value: dt.datetime | None) -> str | None:
    """UTC ISO 8601 with a ``Z``."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def human_time(value: dt.datetime | None) -> str:
    """``20 November 2026, 12:00 UTC``."""
    if value is None:
        return "never"
    value = value.astimezone(dt.UTC)
    return f"{value.day} {value:%B %Y, %H:%M} UTC"


@functools.lru_cache(maxsize=4096)
def human_date(value: dt.date | None) -> str:
    """``5 January 2026``."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def shipped_on(entry: Entry, settings: Settings) -> dt.date:
    """When the idea moved into the completed category (its last change otherwise)."""
    for h in reversed(entry.idea.history):
        if settings.statuses.get(h.status) == st.COMPLETED:
            return h.date
    return entry.idea.last_changed


def today(board: Board) -> dt.date | None:
    """The board's "today": the sync day.  Never the clock."""
    return board.synced_at.astimezone(dt.UTC).date() if board.synced_at else None


def build_date(board: Board) -> dt.date:
    """The date stamped on every page (sitemap): the sync day, else the last change."""
    day = today(board)
    if day is not None:
        return day
    dates = [e.idea.last_changed for e in board.entries]
    return max(dates) if dates else dt.date(2000, 1, 1)


# --- sorting ---------------------------------------------------------------------

SORTS = {
    "trending": lambda e: (-e.trending, -e.votes, e.slug),
    "top": lambda e: (-e.votes, -e.trending, e.slug),
    "newest": lambda e: (-e.idea.created.toordinal(), e.slug),
    "changed": lambda e: (-e.idea.last_changed.toordinal(), e.slug),
}
SORT_TITLES = {
    "trending": "Trending",
    "top": "Top voted",
    "newest": "Newest",
    "changed": "Recently changed",
}


def sort_entries(entries: Iterable[Entry], order: str = "trending") -> list[Entry]:
    """Entries in one of the board's orders, with the slug as the final tie-break."""
    return sorted(entries, key=SORTS[order])


# --- the renderer ------------------------------------------------------------------


def environment() -> jinja2.Environment:
    """The template environment: autoescaped, compiled once per process."""
    return _ENV


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=False,
)


class Renderer:
    """Turns a board into pages; holds the per-idea views so each is built once."""

    def __init__(self, board: Board, insights: Any, settings: Settings) -> None:
        self.board = board
        self.insights = insights
        self.settings = settings
        self._markdown: dict[str, Markup] = {}
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
        # Pieces that are the same on many pages are rendered once: a big board has
        # thousands of pages, and each card shows up on several of them.
        self.macros = self.env.get_template("_macros.html").make_module()
        self.synced_time = self.macros.synced_time(self.synced)
        self.synced_note = self.macros.synced_note(self.synced)
        self._card_html: dict[tuple[str, str], Markup] = {}
        self._meta_html: dict[str, Markup] = {}

    def markdown(self, source: str) -> Markup:
        """Sanitized markdown, rendered once per distinct text (pages, API and feeds share it)."""
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
            "status_title": status_title(idea.status),
            "category": e.category,
            "votes": e.votes,
            "comments": e.comments,
            "tags": [(text(t), safe_name(t)) for t in idea.tags],
        }

    def _tags(self) -> dict[str, list[Entry]]:
        tags: dict[str, list[Entry]] = defaultdict(list)
        for e in self.visible:  # already in trending order
            for t in dict.fromkeys(e.idea.tags):
                tags[t].append(e)
        return dict(sorted(tags.items()))

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

    def person(self, login: str | None) -> dict[str, Any] | None:
        """A GitHub account for crediting: escaped login and a profile link when safe."""
        if not login:
            return None
        href = None
        if LOGIN_RE.match(login) and self.settings.repo:
            host = self.settings.issue_base_url.removesuffix(f"/{self.settings.repo}/issues")
            href = f"{host}/{login}"
        return {"login": text(login), "href": href}

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

    def _render(self, template: str, base: str, **context: Any) -> Markup:
        tpl = self.env.get_template(template)
        # The template is autoescaped and receives only sanitized values.
        return Markup(  # noqa: S704
            tpl.render(
                base=base,
                synced=self.synced,
                synced_time=self.synced_time,
                synced_note=self.synced_note,
                settings=self.settings,
                site_name=text(self.settings.site_name),
                **context,
            )
        )

    # -- pages --------------------------------------------------------------------------

    def home(self) -> Page:
        """The home page: the board's cards, trending first, with its filters."""
        non_dup = [e for e in self.visible if e.category != st.DUPLICATE]
        counts = Counter(e.category for e in self.visible)
        status_counts = Counter(e.idea.status for e in self.visible)
        body = self._render(
            "board.html",
            "",
            cards_html=self.cards_html(non_dup[:HOME_CARDS], "", "Ideas"),
            total=len(non_dup),
            shown=min(len(non_dup), HOME_CARDS),
            categories=[(c, CATEGORY_TITLES[c], counts.get(c, 0)) for c in st.CATEGORIES],
            statuses=[
                (s, status_title(s), status_counts.get(s, 0)) for s in self.settings.statuses
            ],
            tags=self.tag_links(),
            sorts=SORT_TITLES,
        )
        return Page(text(self.settings.site_name), body, search=False)

    def search_html(self, e: Entry) -> Markup:
        """What the search index sees of an idea page.

        The words people search for, and only those: the title, the summary and the
        description (an excerpt of a long one, to keep the index small).
        """
        card = self.cards[e.slug]
        description = self.markdown(e.idea.description)
        html = Markup('<h1 id="idea">{}</h1><p>{}</p>').format(card["title"], card["summary"])
        if len(e.idea.description) > SEARCH_EXCERPT:
            return html + Markup("<p>{}</p>").format(description.striptags()[:SEARCH_EXCERPT])
        return html + description

    def idea(self, e: Entry) -> Page:
        """One idea's page: its description, history, votes and links."""
        idea = e.idea
        description = self.markdown(idea.description)
        searchable = self.search_html(e)
        reached = [m for m in e.milestones if m.reached_on is not None]
        nxt = e.next_milestone
        previous = reached[-1].votes if reached else 0
        canonical = self.by_slug.get(e.canonical) if e.canonical else None
        history = [
            {
                "date": h.date,
                "date_human": human_date(h.date),
                "status": h.status,
                "status_title": status_title(h.status),
                "category": self.settings.statuses.get(h.status, st.OPEN),
                "note": self.markdown(h.note),
            }
            for h in idea.history
        ]
        duplicates = [
            {
                "title": text(d.title),
                "slug": d.slug if d.slug in self.by_slug else None,
                "issue": d.issue,
                "issue_url": self.number_url(d.issue),
            }
            for d in sorted(e.duplicates, key=lambda d: d.slug)
            if not d.hidden
        ]
        links = [
            {"title": text(link.title), "url": url}
            for link in idea.links
            if (url := _sanitize.url(link.url))
        ]
        shipped = None
        if idea.shipped_in is not None:
            shipped = {
                "release": text(idea.shipped_in.release),
                "url": _sanitize.url(idea.shipped_in.url) if idea.shipped_in.url else None,
            }
        body = self._render(
            "idea.html",
            "../../",
            card=self.cards[e.slug],
            meta=self.meta_html(e.slug),
            tags_html=self.macros.tags(self.cards[e.slug]["tags"], "../../"),
            entry=e,
            idea=idea,
            description=description,
            issue_url=self.issue_url(e),
            proposer=self.person(e.proposer.login if e.proposer else None),
            owner=self.person(idea.owner),
            reached=[(m.votes, human_date(m.reached_on), m.reached_on) for m in reached],
            next_milestone=nxt,
            previous_milestone=previous,
            history=history,
            duplicates=duplicates,
            canonical=self.cards.get(canonical.slug) if canonical else None,
            # A duplicate's issue is closed: its vote button goes to the canonical idea's.
            canonical_issue_url=self.issue_url(canonical) if canonical else None,
            canonical_issue=canonical.idea.issue if canonical else None,
            links=links,
            shipped=shipped,
            score=idea.score,
            sparkline=charts.sparkline(e.votes_per_day, today(self.board)),
            created=human_date(idea.created),
        )
        return Page(text(idea.title), body, search_html=searchable)

    def roadmap(self) -> Page:
        """A column per active status, and one of recently shipped ideas."""
        columns = []
        for status in self.settings.statuses_in(st.ACTIVE):
            entries = [e for e in self.visible if e.idea.status == status]
            title = status_title(status)
            # A column shows the top of its list; the status pages list them all.
            cards = self.cards_html(entries[:ROADMAP_CARDS], "../", title)
            more = f"status/{status}/" if len(entries) > ROADMAP_CARDS else None
            columns.append((status, title, st.ACTIVE, len(entries), cards, more))
        shipped = self.recently_shipped()
        columns.append(
            (
                "recently-shipped",
                "Recently shipped",
                st.COMPLETED,
                len(shipped),
                self.cards_html(shipped[:ROADMAP_CARDS], "../", "Recently shipped"),
                "shipped/" if len(shipped) > ROADMAP_CARDS else None,
            )
        )
        body = self._render(
            "roadmap.html",
            "../",
            columns=columns,
            recent_days=self.settings.recently_shipped_days,
        )
        return Page(Markup("Roadmap"), body, search=False)

    def recently_shipped(self) -> list[Entry]:
        """Ideas shipped within ``recently_shipped_days`` of the build date, newest first."""
        day = build_date(self.board)
        horizon = day - dt.timedelta(days=self.settings.recently_shipped_days)
        done = [
            e
            for e in self.visible
            if e.category == st.COMPLETED and shipped_on(e, self.settings) >= horizon
        ]
        return sorted(done, key=lambda e: (-shipped_on(e, self.settings).toordinal(), e.slug))

    def shipped(self) -> dict[str, Page]:
        """Every shipped idea, grouped by release (or month), newest first, in pages."""
        done = [e for e in self.visible if e.category == st.COMPLETED]
        done.sort(key=lambda e: (-shipped_on(e, self.settings).toordinal(), e.slug))
        return pagination.paginate(
            "shipped", done, lambda chunk, base, pager: self._shipped(chunk, base, pager, len(done))
        )

    def _shipped(self, done: Sequence[Entry], base: str, pager: Markup, total: int) -> Page:
        groups: dict[str, dict[str, Any]] = {}
        for e in done:
            day = shipped_on(e, self.settings)
            if e.idea.shipped_in is not None:
                key = "r:" + e.idea.shipped_in.release
                title = text(e.idea.shipped_in.release)
                url = _sanitize.url(e.idea.shipped_in.url) if e.idea.shipped_in.url else None
            else:
                key = f"m:{day:%Y-%m}"
                title = text(f"{day:%B %Y}")
                url = None
            group = groups.setdefault(
                key, {"title": title, "url": url, "date": human_date(day), "items": []}
            )
            group["items"].append(
                {
                    "card": self.cards[e.slug],
                    "date": human_date(day),
                    "proposer": self.person(e.proposer.login if e.proposer else None),
                }
            )
        body = self._render(
            "shipped.html", base, groups=list(groups.values()), total=total, pager=pager
        )
        return Page(Markup("Shipped"), body, search=False)

    def proposals(self) -> dict[str, Page]:
        """Idea issues that no file names yet, in pages."""
        return pagination.paginate("proposals", self.board.proposals, self._proposals)

    def _proposals(self, proposals: Sequence[Any], base: str, pager: Markup) -> Page:
        items = []
        for issue in proposals:
            voters = {v.voter.login for v in issue.voters if not v.voter.is_bot}
            items.append(
                {
                    "number": issue.number,
                    "title": text(issue.title),
                    "url": _sanitize.url(issue.url) or self.number_url(issue.number),
                    "author": self.person(issue.author.login if issue.author else None),
                    "created": human_date(issue.created_at.astimezone(dt.UTC).date()),
                    "created_iso": iso(issue.created_at),
                    "votes": len(voters) if issue.voters else issue.thumbs_up,
                    "comments": issue.comments,
                }
            )
        body = self._render("proposals.html", base, items=items, pager=pager)
        return Page(Markup("New proposals"), body, search=False)

    def tag_index(self) -> Page:
        """The list of tags."""
        body = self._render("tags.html", "../", tags=self.tag_links())
        return Page(Markup("Tags"), body, search=False)

    def tag(self, tag: str, entries: list[Entry]) -> dict[str, Page]:
        """The ideas with one tag, in pages (``pagination``), by source path."""
        title = Markup("Tag: ") + text(tag)
        heading = Markup("Ideas tagged ") + Markup("<q>") + text(tag) + Markup("</q>")
        return pagination.paginate(
            f"tags/{safe_name(tag)}",
            entries,
            lambda chunk, base, pager: self._list(
                title, heading, None, len(entries), chunk, base, pager, ("tags/", "All tags")
            ),
        )

    def status(self, status: str) -> dict[str, Page]:
        """The ideas with one status, in pages (``pagination``), by source path."""
        entries = [e for e in self.visible if e.idea.status == status]
        name = status_title(status)
        lead = Markup("Every idea with the status <em>{}</em>, trending first.").format(name)
        return pagination.paginate(
            f"status/{status}",
            entries,
            lambda chunk, base, pager: self._list(
                Markup("Status: {}").format(name), Markup("{} ideas").format(name), lead,
                len(entries), chunk, base, pager, ("", "The board"),
            ),
        )  # fmt: skip

    def _list(self, title, heading, lead, count, chunk, base, pager, back) -> Page:
        body = self._render(
            "list.html", base, heading=heading, lead=lead, count=count,
            cards_html=self.cards_html(chunk, base, "Ideas"), pager=pager, back=back,
        )  # fmt: skip
        return Page(title, body, search=False)

    def insights_page(self) -> Page:
        """The charts: the funnel, votes per month and time to ship."""
        data = charts.insights_view(self.insights, self.board, self.settings)
        people = [
            {"person": self.person(login), "count": count} for login, count in data["proposers"]
        ]
        funnel = charts.bar_chart(data["funnel"], title="Ideas per status category")
        months = charts.column_chart(data["months"], title="New votes per month")
        ship = charts.column_chart(data["ship"], title="Ideas by months from proposal to shipped")
        # Every chart is a figure with its numbers in a table for screen readers.
        body = self._render(
            "insights.html",
            "../",
            funnel=charts.figure(
                funnel,
                [(label, value) for label, value, _ in data["funnel"]],
                "Ideas per status category",
                ("Category", "Ideas"),
            ),
            months=charts.figure(
                months, data["months_table"], "New votes per month", ("Month", "New votes")
            ),
            has_months=bool(data["months"]),
            ship=charts.figure(
                ship,
                data["ship_table"],
                "Ideas by time from proposal to shipped",
                ("Time to ship", "Ideas"),
            ),
            ship_median=data["ship_median"],
            people=people,
        )
        return Page(Markup("Insights"), body, search=False)


class LazyIdeaPage:
    """An idea page whose body is rendered when asked for, and not kept.

    A board of 10,000 ideas has about 80 MB of idea page bodies; the plugin renders
    each one when mkdocs writes the page, so they are never all in memory at once.
    It has the attributes of a ``Page``.
    """

    search = True

    def __init__(self, renderer: Renderer, entry: Entry) -> None:
        self.renderer = renderer
        self.entry = entry

    @property
    def title(self) -> Markup:
        return self.renderer.cards[self.entry.slug]["title"]

    @property
    def search_html(self) -> Markup:
        return self.renderer.search_html(self.entry)

    @property
    def body(self) -> Markup:
        return self.renderer.idea(self.entry).body


def render_site(board: Board, insights: Any, settings: Settings, *, lazy: bool = False) -> Site:
    """Every generated page and asset of the board, by path relative to ``docs_dir``.

    With ``lazy``, idea pages are ``LazyIdeaPage``s, rendered when their body is read.
    """
    r = Renderer(board, insights, settings)
    site = Site()
    site.pages["index.md"] = r.home()
    site.pages["roadmap.md"] = r.roadmap()
    site.pages.update(r.shipped())
    site.pages.update(r.proposals())
    site.pages["insights.md"] = r.insights_page()
    site.pages["tags/index.md"] = r.tag_index()
    for tag, entries in r.tags.items():
        site.pages.update(r.tag(tag, entries))
    for status in settings.statuses:
        site.pages.update(r.status(status))
    for e in r.visible:
        if SLUG_RE.match(e.slug):
            site.pages[f"ideas/{e.slug}.md"] = LazyIdeaPage(r, e) if lazy else r.idea(e)
    site.assets["api/ideas.json"] = api.ideas_json(r)
    site.assets["api/ideas.schema.json"] = api.schema_text()
    site.assets["api/board.json"] = api.board_json(r)
    site.assets.update(shards.board_shards(r, SORTS))  # what the board's script fetches
    site.assets["schema/idea.schema.json"] = idea_schema_text()
    site.assets["feeds/changes.xml"] = feeds.changes(r)
    site.assets["feeds/new.xml"] = feeds.new_ideas(r)
    return site


def render(board: Board, insights: Any, settings: Settings) -> dict[str, str]:
    """Output path -> content: page bodies (HTML, under their ``.md`` path) and assets."""
    site = render_site(board, insights, settings)
    out: dict[str, str] = {path: str(page.body) for path, page in site.pages.items()}
    out.update(site.assets)
    return out
