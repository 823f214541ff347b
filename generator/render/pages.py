"""The board's list pages: home, roadmap, shipped, proposals, tags, statuses, insights."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from generator import sanitize as _sanitize
from generator.i18n import _, markup
from generator.model import Entry
from generator.model import statuses as st
from generator.render import charts, pagination
from generator.render.page import LazyPage, Page
from generator.render.text import (
    build_date,
    category_title,
    human_date,
    human_month,
    iso,
    safe_name,
    sort_titles,
    status_title,
    text,
)
from generator.render.view import Renderer
from generator.tally import shipped_on

#: Cards shown on the home page without JavaScript; the script shows the rest.
HOME_CARDS = 60
#: Cards in a roadmap column; the status pages list every idea.
ROADMAP_CARDS = 60


def home(r: Renderer) -> Page:
    """The home page: the board's cards, trending first, with its filters."""
    non_dup = [e for e in r.visible if e.category != st.DUPLICATE]
    counts = Counter(e.category for e in r.visible)
    status_counts = Counter(e.idea.status for e in r.visible)
    body = r.render(
        "board.html",
        "",
        cards_html=r.cards_html(non_dup[:HOME_CARDS], "", _("Ideas")),
        total=len(non_dup),
        shown=min(len(non_dup), HOME_CARDS),
        categories=[(c, category_title(c), counts.get(c, 0)) for c in st.CATEGORIES],
        statuses=[
            (s, status_title(s, r.settings), status_counts.get(s, 0)) for s in r.settings.statuses
        ],
        tags=r.tag_links(),
        sorts=sort_titles(),
    )
    return Page(text(r.settings.site_name), body, search=False)


def recently_shipped(r: Renderer) -> list[Entry]:
    """Ideas shipped within ``recently_shipped_days`` of the build date, newest first."""
    horizon = build_date(r.board) - dt.timedelta(days=r.settings.recently_shipped_days)
    done = [(shipped_on(e, r.settings), e) for e in r.visible if e.category == st.COMPLETED]
    recent = [(day, e) for day, e in done if day is not None and day >= horizon]
    return [e for _, e in sorted(recent, key=lambda de: (-de[0].toordinal(), de[1].slug))]


def _newest_first(item: tuple[dt.date | None, Entry]) -> tuple[int, str]:
    """Shipped ideas newest first; those with no shipped date last."""
    day, e = item
    return (-day.toordinal() if day else 0, e.slug)


def roadmap(r: Renderer) -> Page:
    """A column per active status, and one of recently shipped ideas."""
    columns = []
    for status in r.settings.statuses_in(st.ACTIVE):
        entries = [e for e in r.visible if e.idea.status == status]
        title = status_title(status, r.settings)
        # A column shows the top of its list; the status pages list them all.
        cards = r.cards_html(entries[:ROADMAP_CARDS], "../", title)
        more = f"status/{status}/" if len(entries) > ROADMAP_CARDS else None
        columns.append((status, title, st.ACTIVE, len(entries), cards, more))
    shipped_now = recently_shipped(r)
    title = _("Recently shipped")
    cards = r.cards_html(shipped_now[:ROADMAP_CARDS], "../", title)
    more = "shipped/" if len(shipped_now) > ROADMAP_CARDS else None
    columns.append(("recently-shipped", title, st.COMPLETED, len(shipped_now), cards, more))
    body = r.render(
        "roadmap.html", "../", columns=columns, recent_days=r.settings.recently_shipped_days
    )
    return Page(text(_("Roadmap")), body, search=False)


def shipped(r: Renderer) -> dict[str, Page]:
    """Every shipped idea, grouped by release (or month), newest first, in pages."""
    done = [(shipped_on(e, r.settings), e) for e in r.visible if e.category == st.COMPLETED]
    done.sort(key=_newest_first)
    return pagination.paginate(
        "shipped", done, lambda chunk, base, pager: _shipped(r, chunk, base, pager, len(done))
    )


def _shipped(r: Renderer, done: Sequence, base: str, pager: Markup, total: int) -> Page:
    groups: dict[str, dict[str, Any]] = {}
    for day, e in done:
        if e.idea.shipped_in is not None:
            key = "r:" + e.idea.shipped_in.release
            title = text(e.idea.shipped_in.release)
            url = _sanitize.url(e.idea.shipped_in.url) if e.idea.shipped_in.url else None
        elif day is not None:
            key = f"m:{day:%Y-%m}"
            title = text(human_month(day))
            url = None
        else:
            key, title, url = "m:", text(_("Date not recorded")), None
        group = groups.setdefault(
            key, {"title": title, "url": url, "date": human_date(day), "items": []}
        )
        group["items"].append(
            {
                "card": r.cards[e.slug],
                "date": human_date(day),
                "day": day,
                "proposer": r.person(e.proposer.login if e.proposer else None, base),
            }
        )
    body = r.render("shipped.html", base, groups=list(groups.values()), total=total, pager=pager)
    return Page(text(_("Shipped")), body, search=False)


def proposals(r: Renderer) -> dict[str, Page]:
    """Idea issues that no file names yet, in pages."""
    return pagination.paginate(
        "proposals", r.board.proposals, lambda chunk, base, pager: _proposals(r, chunk, base, pager)
    )


def _proposals(r: Renderer, proposals: Sequence, base: str, pager: Markup) -> Page:
    items = []
    for issue in proposals:
        voters = {v.voter.login for v in issue.voters if not v.voter.is_bot}
        items.append(
            {
                "number": issue.number,
                "title": text(issue.title),
                "url": _sanitize.url(issue.url) or r.number_url(issue.number),
                "author": r.person(issue.author.login if issue.author else None, base),
                "created": human_date(issue.created_at.astimezone(dt.UTC).date()),
                "created_iso": iso(issue.created_at),
                "votes": len(voters) if issue.voters else issue.thumbs_up,
                "comments": issue.comments,
            }
        )
    body = r.render("proposals.html", base, items=items, pager=pager)
    return Page(text(_("New proposals")), body, search=False)


def tag_index(r: Renderer) -> Page:
    """The list of tags."""
    return Page(text(_("Tags")), r.render("tags.html", "../", tags=r.tag_links()), search=False)


def tag(r: Renderer, name: str, entries: list[Entry], *, lazy: bool = False) -> dict[str, Page]:
    """The ideas with one tag, in pages (``pagination``), by source path; ``lazy``: each
    page is rendered when it is written (``LazyPage``), as a big board's idea pages are."""
    title = markup("Tag: %(tag)s") % {"tag": text(name)}
    heading = markup("Ideas tagged <q>%(tag)s</q>") % {"tag": text(name)}
    return pagination.paginate(
        f"tags/{safe_name(name)}",
        entries,
        lambda chunk, base, pager: _list(
            r, title, heading, None, len(entries), chunk, base, pager, ("tags/", _("All tags")),
            lazy=lazy,
        ),
    )  # fmt: skip


def status(r: Renderer, name: str, *, lazy: bool = False) -> dict[str, Page]:
    """The ideas with one status, in pages (``pagination``), by source path; ``lazy`` as
    for ``tag``."""
    entries = [e for e in r.visible if e.idea.status == name]
    title = status_title(name, r.settings)
    lead = markup("Every idea with the status <em>%(status)s</em>, trending first.") % {
        "status": title
    }
    return pagination.paginate(
        f"status/{name}",
        entries,
        lambda chunk, base, pager: _list(
            r, markup("Status: %(status)s") % {"status": title},
            markup("%(status)s ideas") % {"status": title}, lead,
            len(entries), chunk, base, pager, ("", _("The board")), lazy=lazy,
        ),
    )  # fmt: skip


def _list(r: Renderer, title, heading, lead, count, chunk, base, pager, back, *, lazy=False):
    def body() -> Markup:
        return r.render(
            "list.html", base, heading=heading, lead=lead, count=count,
            cards_html=r.cards_html(chunk, base, _("Ideas")), pager=pager, back=back,
        )  # fmt: skip

    if lazy:
        return LazyPage(lambda: title, body, r.settings.language, search=False)
    return Page(title, body(), search=False)


def insights(r: Renderer) -> Page:
    """The charts: the funnel, votes per month and time to ship."""
    data = charts.insights_view(r.insights)
    people = [
        {"person": r.person(login, "../"), "count": count} for login, count in data["proposers"]
    ]
    funnel = charts.bar_chart(data["funnel"], title=_("Ideas per status category"))
    months = charts.column_chart(data["months"], title=_("New votes per month"))
    ship = charts.column_chart(data["ship"], title=_("Ideas by months from proposal to shipped"))
    # Every chart is a figure with its numbers in a table for screen readers.
    body = r.render(
        "insights.html",
        "../",
        funnel=charts.figure(
            funnel,
            [(label, value) for label, value, _ in data["funnel"]],
            _("Ideas per status category"),
            (_("Category"), _("Ideas")),
        ),
        months=charts.figure(
            months, data["months_table"], _("New votes per month"), (_("Month"), _("New votes"))
        ),
        has_months=bool(data["months"]),
        ship=charts.figure(
            ship,
            data["ship_table"],
            _("Ideas by time from proposal to shipped"),
            (_("Time to ship"), _("Ideas")),
        ),
        ship_median=data["ship_median"],
        people=people,
    )
    return Page(text(_("Insights")), body, search=False)
