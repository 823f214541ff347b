"""The board: ideas joined with their votes, as the tally (``tally.py``) makes it.

Everything the renderer shows is here, as plain frozen data.  The tally is a
pure function of the ideas, the snapshot and the settings, so the board is too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.model.compact import _Compact, from_micros
from generator.model.idea import Idea
from generator.model.snapshot import Actor, Issue


@dataclass(frozen=True, slots=True)
class Voter:
    """A distinct human voter, with the time of their first 👍 on the idea or a duplicate."""

    login: str
    at: dt.datetime


class Voters(_Compact):
    """An entry's voters, compact (``model.compact``): a sequence of ``Voter``.

    ``names`` is the board's table of logins, shared by all its entries; ``logins()``
    reads them without making a ``Voter`` each.
    """

    __slots__ = ()

    def _make(self, login: str, micros: int) -> Voter:
        return Voter(login, from_micros(micros))

    def logins(self) -> list[str]:
        """Each voter's login, in order."""
        names = self.names
        return [names[i] for i in self.ids]


@dataclass(frozen=True)
class Milestone:
    """A vote milestone and the day the idea reached it (``None``: not yet)."""

    votes: int
    reached_on: dt.date | None


@dataclass(frozen=True)
class Entry:
    """One idea on the board, with its tally."""

    idea: Idea
    category: str
    issue: Issue | None  # the idea's own issue from the snapshot, if it has one and it synced
    proposer: Actor | None  # the issue's author
    votes: int  # distinct human voters, across the idea and its duplicates
    voters: Sequence[Voter]  # sorted by (at, login): a tuple, or ``Voters`` from the tally
    comments: int  # on its own issue
    trending: float
    milestones: tuple[Milestone, ...]  # every configured milestone, reached or not
    # New votes per day, days with votes only: a tuple, or ``DayCounts`` from the tally.
    votes_per_day: Sequence[tuple[dt.date, int]]
    duplicates: tuple[Idea, ...]  # ideas merged into this one (status in the duplicate category)
    canonical: str | None  # for a duplicate: the slug at the end of its duplicate_of chain

    @property
    def slug(self) -> str:
        """The idea's slug."""
        return self.idea.slug

    @property
    def next_milestone(self) -> int | None:
        """The next milestone not yet reached, or ``None`` past the last one."""
        return next((m.votes for m in self.milestones if m.reached_on is None), None)


@dataclass(frozen=True)
class Board:
    """Every idea with its tally, the proposals awaiting triage, and when votes were synced."""

    entries: tuple[Entry, ...]  # every idea, hidden ones included, sorted by slug
    proposals: tuple[Issue, ...]  # idea-labelled issues with no YAML file, newest first
    synced_at: dt.datetime | None  # when the votes were fetched; None: never
    complete: bool  # False when the last sync was partial or failed and older votes are shown

    @property
    def visible(self) -> tuple[Entry, ...]:
        """The entries that are not hidden by moderation."""
        return tuple(e for e in self.entries if not e.idea.hidden)

    def entry(self, slug: str) -> Entry:
        """The entry for ``slug``."""
        for e in self.entries:
            if e.slug == slug:
                return e
        raise KeyError(slug)
