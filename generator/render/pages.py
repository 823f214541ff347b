"""The board's list pages: home, roadmap, shipped, proposals, tags, statuses, insights."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from markupsafe import Markup

from generator import sanitize as _sanitize
from generator.model import Entry
from generator.model import statuses as st
from generator.render import charts
from generator.render.text import (
    CATEGORY_TITLES,
    SORT_TITLES,
    build_date,
    human_date,
    iso,
    status_title,
    text,
)
from generator.render.view import Page, Renderer
from generator.tally import shipped_on

#: Cards shown on the home page without JavaScript; the script shows the rest.
HOME_CARDS = 60


def home(r: Renderer) -> Page:
    """The home page: the board's cards, trending first, with its filters."""
    non_dup = [e for e in r.visible if e.category != st.DUPLICATE]
    counts = Counter(e.category for e in r.visible)
    status_counts = Counter(e.idea.status for e in r.visible)
    body = r.render(
        "board.html",
        "",
        cards_html=r.cards_html(non_dup[:HOME_CARDS], "", "Ideas"),
        total=len(non_dup),
        shown=min(len(non_dup), HOME_CARDS),
        categories=[(c, CATEGORY_TITLES[c], counts.get(c, 0)) for c in st.CATEGORIES],
        statuses=[(s, status_title(s), status_counts.get(s, 0)) for s in r.settings.statuses],
        tags=r.tag_links(),
        sorts=SORT_TITLES,
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
        title = status_title(status)
        columns.append(
            (status, title, st.ACTIVE, len(entries), r.cards_html(entries, "../", title))
        )
    shipped_now = recently_shipped(r)
    title = "Recently shipped"
    cards = r.cards_html(shipped_now, "../", title)
    columns.append(("recently-shipped", title, st.COMPLETED, len(shipped_now), cards))
    body = r.render(
        "roadmap.html", "../", columns=columns, recent_days=r.settings.recently_shipped_days
    )
    return Page(Markup("Roadmap"), body, search=False)


def shipped(r: Renderer) -> Page:
    """Every shipped idea, grouped by release (or month), newest first."""
    done = [(shipped_on(e, r.settings), e) for e in r.visible if e.category == st.COMPLETED]
    done.sort(key=_newest_first)
    groups: dict[str, dict[str, Any]] = {}
    for day, e in done:
        if e.idea.shipped_in is not None:
            key = "r:" + e.idea.shipped_in.release
            title = text(e.idea.shipped_in.release)
            url = _sanitize.url(e.idea.shipped_in.url) if e.idea.shipped_in.url else None
        elif day is not None:
            key = f"m:{day:%Y-%m}"
            title = text(f"{day:%B %Y}")
            url = None
        else:
            key, title, url = "m:", Markup("Date not recorded"), None
        group = groups.setdefault(
            key, {"title": title, "url": url, "date": human_date(day), "items": []}
        )
        group["items"].append(
            {
                "card": r.cards[e.slug],
                "date": human_date(day),
                "day": day,
                "proposer": r.person(e.proposer.login if e.proposer else None, "../"),
            }
        )
    body = r.render("shipped.html", "../", groups=list(groups.values()), total=len(done))
    return Page(Markup("Shipped"), body, search=False)


def proposals(r: Renderer) -> Page:
    """Idea issues that no file names yet."""
    items = []
    for issue in r.board.proposals:
        voters = {v.voter.login for v in issue.voters if not v.voter.is_bot}
        items.append(
            {
                "number": issue.number,
                "title": text(issue.title),
                "url": _sanitize.url(issue.url) or r.number_url(issue.number),
                "author": r.person(issue.author.login if issue.author else None, "../"),
                "created": human_date(issue.created_at.astimezone(dt.UTC).date()),
                "created_iso": iso(issue.created_at),
                "votes": len(voters) if issue.voters else issue.thumbs_up,
                "comments": issue.comments,
            }
        )
    body = r.render("proposals.html", "../", items=items)
    return Page(Markup("New proposals"), body, search=False)


def tag_index(r: Renderer) -> Page:
    """The list of tags."""
    return Page(Markup("Tags"), r.render("tags.html", "../", tags=r.tag_links()), search=False)


def tag(r: Renderer, name: str, entries: list[Entry]) -> Page:
    """The ideas with one tag."""
    body = r.render(
        "list.html",
        "../../",
        heading=Markup("Ideas tagged ") + Markup("<q>") + text(name) + Markup("</q>"),
        lead=None,
        count=len(entries),
        cards_html=r.cards_html(entries, "../../", "Ideas"),
        back=("tags/", "All tags"),
    )
    return Page(Markup("Tag: ") + text(name), body, search=False)


def status(r: Renderer, name: str) -> Page:
    """The ideas with one status."""
    entries = [e for e in r.visible if e.idea.status == name]
    title = status_title(name)
    body = r.render(
        "list.html",
        "../../",
        heading=Markup("{} ideas").format(title),
        lead=Markup("Every idea with the status <em>{}</em>, trending first.").format(title),
        count=len(entries),
        cards_html=r.cards_html(entries, "../../", "Ideas"),
        back=("", "The board"),
    )
    return Page(Markup("Status: {}").format(title), body, search=False)


def insights(r: Renderer) -> Page:
    """The charts: the funnel, votes per month and time to ship."""
    data = charts.insights_view(r.insights, CATEGORY_TITLES)
    people = [
        {"person": r.person(login, "../"), "count": count} for login, count in data["proposers"]
    ]
    funnel = charts.bar_chart(data["funnel"], title="Ideas per status category")
    months = charts.column_chart(data["months"], title="New votes per month")
    ship = charts.column_chart(data["ship"], title="Ideas by months from proposal to shipped")
    # Every chart is a figure with its numbers in a table for screen readers.
    body = r.render(
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
