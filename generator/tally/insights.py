"""Insights: the numbers behind the board's Insights page, as plain data.

``compute(board, settings)`` is pure, like the tally.  It counts visible ideas
only (hidden ones stay out of every number), and each vote once: a duplicate's
votes are already in the idea it merged into, so only entries that did not
merge into another (``canonical is None``) contribute votes.  The site draws
the charts from this data.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.config import Settings
from generator.model import Board, Entry, Voters
from generator.model import statuses as st
from generator.tally.shipped import shipped_on


@dataclass(frozen=True)
class ShipTime:
    """How long one idea took from proposal to shipped."""

    slug: str
    title: str
    proposed: dt.date  # the idea's ``created`` date
    shipped: dt.date  # the history date on which it reached the completed category
    days: int


@dataclass(frozen=True)
class Insights:
    """The Insights page's numbers."""

    #: (category, visible ideas) for every category, in ``statuses.CATEGORIES`` order.
    funnel: tuple[tuple[str, int], ...]
    #: (status, visible ideas) for every configured status, in board order.
    funnel_by_status: tuple[tuple[str, int], ...]
    #: ("YYYY-MM", new votes) for every month from the first vote to the last, gaps as 0.
    votes_per_month: tuple[tuple[str, int], ...]
    #: Every visible shipped idea with a ``shipped_on`` date, by that date, then slug.
    time_to_ship: tuple[ShipTime, ...]
    median_days_to_ship: float | None  # None when nothing shipped yet
    mean_days_to_ship: float | None  # rounded to one decimal
    #: (proposer login, shipped ideas), most first, then by login.
    shipped_proposers: tuple[tuple[str, int], ...]
    ideas: int  # visible ideas
    votes: int  # distinct votes on visible ideas (duplicates counted once, in their canonical)
    voters: int  # distinct people who voted on any visible idea


def compute(board: Board, settings: Settings) -> Insights:
    """The insights of ``board``: funnel, votes per month, time to ship, shipped proposers."""
    visible = board.visible
    # Duplicates' votes are already in their canonical idea's voters.
    counted = [e for e in visible if e.canonical is None]
    shipped = [e for e in visible if e.category == st.COMPLETED]
    times = _ship_times(shipped, settings)
    days = [t.days for t in times]
    return Insights(
        funnel=_count_in_order(st.CATEGORIES, (e.category for e in visible)),
        funnel_by_status=_count_in_order(settings.statuses, (e.idea.status for e in visible)),
        votes_per_month=_votes_per_month(counted),
        time_to_ship=times,
        median_days_to_ship=round(float(statistics.median(days)), 1) if days else None,
        mean_days_to_ship=round(statistics.fmean(days), 1) if days else None,
        shipped_proposers=_shipped_proposers(shipped),
        ideas=len(visible),
        votes=sum(e.votes for e in counted),
        voters=len({login.lower() for e in counted for login in _logins(e)}),
    )


def _logins(entry: Entry) -> list[str]:
    voters = entry.voters
    return voters.logins() if isinstance(voters, Voters) else [v.login for v in voters]


def _count_in_order(keys: Iterable[str], values: Iterable[str]) -> tuple[tuple[str, int], ...]:
    counts = Counter(values)
    return tuple((key, counts.get(key, 0)) for key in keys)


def _votes_per_month(entries: list[Entry]) -> tuple[tuple[str, int], ...]:
    """New votes per calendar month (UTC), every month from the first to the last."""
    counts: Counter[str] = Counter()
    for entry in entries:
        for day, n in entry.votes_per_day:
            counts[_month(day)] += n
    if not counts:
        return ()
    first, last = min(counts), max(counts)
    months = []
    year, month = int(first[:4]), int(first[5:])
    while (key := f"{year:04d}-{month:02d}") <= last:
        months.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _ship_times(shipped: list[Entry], settings: Settings) -> tuple[ShipTime, ...]:
    times = []
    for entry in shipped:
        day = shipped_on(entry, settings)
        if day is None:
            continue
        idea = entry.idea
        # A history date before ``created`` is a data error; count it as same-day.
        days = max(0, (day - idea.created).days)
        times.append(ShipTime(idea.slug, idea.title, idea.created, day, days))
    return tuple(sorted(times, key=lambda t: (t.shipped, t.slug)))


def _shipped_proposers(shipped: list[Entry]) -> tuple[tuple[str, int], ...]:
    """Who proposed the shipped ideas: the issue authors, bots and deleted accounts left out."""
    counts = Counter(
        e.proposer.login
        for e in shipped
        if e.proposer is not None and e.proposer.login and not e.proposer.is_bot
    )
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0].lower(), item[0])))
