"""Builders for the tests: ideas, issues, votes, snapshots, settings and boards.

Every test module that needs an idea, an issue or a board takes it from here, so
that the shape of the sample data is written once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from generator.config import default_settings, validate_options
from generator.model import (
    Actor,
    Board,
    Entry,
    HistoryEntry,
    Idea,
    Issue,
    Link,
    Milestone,
    Score,
    ShippedIn,
    Snapshot,
    Vote,
    Voter,
)
from generator.render import site as render
from generator.tally import insights


def ago(days: float = 0, hours: float = 0) -> dt.datetime:
    return NOW - dt.timedelta(days=days, hours=hours)


SETTINGS = default_settings(Path("/board"))


NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def make_idea(slug: str, issue: int | None = None, status: str = "proposed", **fields) -> Idea:
    fields.setdefault("created", dt.date(2026, 1, 1))
    return Idea(
        slug=slug,
        path=f"ideas/{slug}.yaml",
        title=slug.replace("-", " ").title(),
        summary="A summary.",
        status=status,
        issue=issue,
        **fields,
    )


def vote(login: str | None, at: dt.datetime, type: str = "User") -> Vote:
    return Vote(Actor(login, type), at)


def make_issue(
    number: int,
    *votes: Vote,
    author: Actor | None = None,
    created: dt.datetime | None = None,
    **fields,
) -> Issue:
    fields.setdefault("labels", ("idea",))
    return Issue(
        number=number,
        title=f"Issue {number}",
        url=f"https://github.com/lumen-notes/lumen/issues/{number}",
        state=fields.pop("state", "open"),
        created_at=created or ago(days=200),
        updated_at=created or ago(days=200),
        author=author if author is not None else Actor(f"author{number}"),
        voters=votes,
        **fields,
    )


def snap(*issues: Issue, synced_at: dt.datetime | None = NOW, complete: bool = True) -> Snapshot:
    return Snapshot(
        repo="lumen-notes/lumen",
        synced_at=synced_at,
        issues={i.number: i for i in issues},
        complete=complete,
    )


NO_AUTHOR = dataclasses.replace(SETTINGS, author_votes=False)


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T10:00:00+00:00")


def issue(number: int, title: str = "t", author: str | None = "alice", **kw) -> Issue:
    return Issue(
        number=number,
        title=title,
        url=f"https://github.com/lumen-notes/lumen/issues/{number}",
        state=kw.pop("state", "open"),
        created_at=kw.pop("created_at", at("2026-01-05")),
        updated_at=at("2026-02-01"),
        author=Actor(author) if author else None,
        **kw,
    )


def idea(slug: str, **kw) -> Idea:
    data = {
        "title": kw.pop("title", slug.replace("-", " ").capitalize()),
        "summary": kw.pop("summary", f"Summary of {slug}."),
        "status": kw.pop("status", "proposed"),
        "created": kw.pop("created", dt.date(2026, 1, 5)),
    }
    return Idea(slug=slug, path=f"ideas/{slug}.yaml", **data, **kw)


def entry(i: Idea, s, votes: int = 0, **kw) -> Entry:
    voters = tuple(Voter(f"user{n}", at("2026-01-10") + dt.timedelta(days=n)) for n in range(votes))
    per_day: dict[dt.date, int] = {}
    for v in voters:
        per_day[v.at.date()] = per_day.get(v.at.date(), 0) + 1
    milestones = tuple(
        Milestone(m, voters[m - 1].at.date() if votes >= m else None) for m in s.milestones
    )
    return Entry(
        idea=i,
        category=s.category(i.status),
        issue=kw.pop("issue", issue(i.issue) if i.issue else None),
        proposer=kw.pop("proposer", Actor("alice") if i.issue else None),
        votes=votes,
        voters=voters,
        comments=kw.pop("comments", 2),
        trending=kw.pop("trending", float(votes)),
        milestones=milestones,
        votes_per_day=tuple(sorted(per_day.items())),
        duplicates=kw.pop("duplicates", ()),
        canonical=kw.pop("canonical", None),
    )


HOSTILE = "<script>alert(1)</script>{ onclick=x } </div>{{ 7*7 }}{% if %}"


SYNCED = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def settings(**options):
    base = {"repo": "lumen-notes/lumen", **options}
    return validate_options(
        base, Path("/tmp/board"), site_url="https://example.org/ideas/", site_name="Lumen ideas"
    )


def make_board(s=None, *, complete: bool = True, synced=SYNCED) -> Board:
    """A small board: every category, a duplicate, a hidden idea and a hostile one."""
    s = s or settings()
    dup = idea(
        "pdf-printing",
        title="Print to PDF",
        status="duplicate",
        duplicate_of="pdf-export",
        issue=12,
        history=(HistoryEntry(dt.date(2026, 2, 1), "duplicate", "Same as PDF export."),),
    )
    ideas = {
        "pdf-export": idea(
            "pdf-export",
            title="Export notes to PDF",
            summary="Clean, printable PDFs.",
            description="Printing loses **styling**.\n\n- keep tables\n- keep links",
            status="shipped",
            issue=9,
            tags=("export",),
            created=dt.date(2025, 1, 14),
            owner="devin",
            history=(
                HistoryEntry(dt.date(2025, 1, 14), "proposed", "Open for votes."),
                HistoryEntry(dt.date(2025, 3, 10), "planned", "Planned for **3.0**."),
                HistoryEntry(dt.date(2026, 10, 1), "shipped", "Shipped in 3.0."),
            ),
            shipped_in=ShippedIn("3.0", "https://github.com/lumen-notes/lumen/releases/v3"),
            links=(
                Link("Spec", "https://example.com/spec"),
                Link("Bad", "javascript:alert(1)"),
            ),
            score=Score(6, 9, 6),
        ),
        "dark-mode": idea("dark-mode", status="planned", issue=3, tags=("editor", "mobile")),
        "tables": idea("tables", status="in-progress", issue=4, tags=("editor",)),
        "no-issue": idea("no-issue", status="under-review"),
        "crypto": idea(
            "crypto",
            status="declined",
            issue=5,
            history=(HistoryEntry(dt.date(2026, 3, 1), "declined", "Not for us: **why**."),),
        ),
        "secret-idea": idea("secret-idea", title="SECRET-HIDDEN-TITLE", hidden=True, issue=6),
        "hostile": idea(
            "hostile",
            title=HOSTILE,
            summary=HOSTILE,
            description="[x](javascript:alert(1)) <img src=x onerror=alert(1)> " + HOSTILE,
            issue=7,
            tags=("evil",),
            links=(Link(HOSTILE, "https://example.com/?q=<b>"),),
            history=(HistoryEntry(dt.date(2026, 4, 1), "proposed", HOSTILE),),
        ),
        "pdf-printing": dup,
    }
    entries = [
        entry(ideas["pdf-export"], s, votes=30, duplicates=(dup,), comments=21),
        entry(ideas["dark-mode"], s, votes=12, trending=50.0),
        entry(ideas["tables"], s, votes=3),
        entry(ideas["no-issue"], s),
        entry(ideas["crypto"], s, votes=1),
        entry(ideas["secret-idea"], s, votes=99),
        entry(ideas["hostile"], s, votes=2, proposer=Actor('"><img src=x onerror=alert(1)>')),
        entry(ideas["pdf-printing"], s, votes=4, canonical="pdf-export"),
    ]
    proposals = (
        issue(
            40,
            title="Proposal " + HOSTILE,
            author="bob",
            created_at=at("2026-11-01"),
            voters=(Vote(Actor("bob"), at("2026-11-01")), Vote(Actor("x[bot]", "Bot"), SYNCED)),
            comments=1,
        ),
    )
    return Board(
        entries=tuple(sorted(entries, key=lambda e: e.slug)),
        proposals=proposals,
        synced_at=synced,
        complete=complete,
    )


def render_board(board: Board | None = None, s=None) -> render.Site:
    s = s or settings()
    board = board or make_board(s)
    return render.render_site(board, insights.compute(board, s), s)


IDEA = "title: T\nsummary: S\nstatus: proposed\ncreated: 2026-01-05\n"
