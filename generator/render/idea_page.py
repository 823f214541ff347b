"""One idea's page: what its state asks of a reader, its voters, how to follow it."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from generator import sanitize as _sanitize
from generator.model import Entry
from generator.model import statuses as st
from generator.render import charts
from generator.render.page import LazyPage, Page
from generator.render.text import human_date, person_name, status_title, text, today
from generator.render.view import Renderer
from generator.tally import shipped_on

#: Voters shown as links before "and N more"; the rest are collapsed, up to the limit.
VOTERS_SHOWN = 10
VOTERS_LISTED = 90


def voters(r: Renderer, e: Entry, base: str) -> dict[str, Any]:
    """The idea's voters, first voters first: links to people pages where there are some.

    The lists are joined here, not in the template: an idea has up to 100 names listed,
    and a template loop over them was a fifth of an idea page's rendering."""
    people = [_voter(r, v.login) for v in e.voters[: VOTERS_SHOWN + VOTERS_LISTED]]
    return {
        "shown": _names(people[:VOTERS_SHOWN], base),
        "more": _names(people[VOTERS_SHOWN:], base),
        "folded": max(0, len(e.voters) - VOTERS_SHOWN),
        "unlisted": max(0, len(e.voters) - VOTERS_SHOWN - VOTERS_LISTED),
        "total": len(e.voters),
    }


def _names(people: list[tuple[Markup, str | None]], base: str) -> Markup:
    """``@login`` each, a link where the person has a page, separated by commas.  Logins
    come escaped (``text``); joined as strings, as ``Markup.format`` was most of the time."""
    return Markup(  # noqa: S704 - escaped parts
        ", ".join(
            f'<a href="{base}people/{escape(page)}/">@{login}</a>' if page else f"@{login}"
            for login, page in people
        )
    )


def _voter(r: Renderer, login: str) -> tuple[Markup, str | None]:
    known = r.shown_logins.get(login)
    if known is None:
        known = r.shown_logins[login] = (text(login), person_name(login))
    shown, name = known
    return shown, (name if name is not None and name in r.people else None)


def declined_reason(r: Renderer, e: Entry) -> Markup:
    """The note of the history entry that declined the idea (the public reason)."""
    for h in reversed(e.idea.history):
        if r.settings.statuses.get(h.status) == st.DECLINED:
            return r.markdown(h.note)
    return Markup("")


def _history(r: Renderer, e: Entry) -> list[dict[str, Any]]:
    return [
        {
            "date": h.date,
            "date_human": human_date(h.date),
            "status": h.status,
            "status_title": status_title(h.status, r.settings),
            "category": r.settings.statuses.get(h.status, st.OPEN),
            "note": r.markdown(h.note),
        }
        for h in e.idea.history
    ]


def _duplicates(r: Renderer, e: Entry) -> list[dict[str, Any]]:
    return [
        {
            "title": text(d.title),
            "slug": d.slug if d.slug in r.by_slug else None,
            "issue": d.issue,
            "issue_url": r.number_url(d.issue),
        }
        for d in sorted(e.duplicates, key=lambda d: d.slug)
        if not d.hidden
    ]


def _shipped(r: Renderer, e: Entry) -> dict[str, Any] | None:
    if e.category != st.COMPLETED:
        return None
    day = shipped_on(e, r.settings)
    release = e.idea.shipped_in
    return {
        "release": text(release.release) if release else None,
        "url": _sanitize.url(release.url) if release and release.url else None,
        "day": day,
        "date": human_date(day),
    }


#: From an idea's page (``page_path``: ``ideas/<slug>.html``) up to the site's root.
BASE = "../"


def idea(r: Renderer, e: Entry) -> Page:
    """One idea's page: its state's call, description, history, voters and links."""
    idea = e.idea
    reached = [m for m in e.milestones if m.reached_on is not None]
    canonical = r.by_slug.get(e.canonical) if e.canonical else None
    links = [
        {"title": text(link.title), "url": url}
        for link in idea.links
        if (url := _sanitize.url(link.url))
    ]
    body = r.render(
        "idea.html",
        BASE,
        card=r.cards[e.slug],
        meta=r.meta_html(e.slug),
        tags_html=r.macros.tags(r.cards[e.slug]["tags"], BASE),
        entry=e,
        idea=idea,
        description=r.markdown(idea.description, keep=False),
        issue_url=r.issue_url(e),
        proposer=r.person(e.proposer.login if e.proposer else None, BASE),
        owner=r.person(idea.owner, BASE),
        reached=[(m.votes, human_date(m.reached_on), m.reached_on) for m in reached],
        next_milestone=e.next_milestone,
        previous_milestone=reached[-1].votes if reached else 0,
        history=_history(r, e),
        duplicates=_duplicates(r, e),
        canonical=r.cards.get(canonical.slug) if canonical else None,
        canonical_issue_url=r.issue_url(canonical) if canonical else None,
        canonical_issue=canonical.idea.issue if canonical else None,
        declined=declined_reason(r, e) if e.category == st.DECLINED else None,
        links=links,
        shipped=_shipped(r, e),
        voters=voters(r, e, BASE),
        score=idea.score,
        sparkline=charts.sparkline(e.votes_per_day, today(r.board)),
        created=human_date(idea.created),
        checked_time=r.checked_time(e),
    )
    return Page(text(idea.title), body)


def lazy_idea(r: Renderer, e: Entry) -> LazyPage:
    """An idea page rendered when the plugin writes it."""
    return LazyPage(
        lambda: r.cards[e.slug]["title"],
        lambda: idea(r, e).body,
        r.settings.language,
    )
