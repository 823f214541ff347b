"""The state of one fetch as it goes, and what it reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from generator.config import Settings
from generator.github.budget import Budget
from generator.model import Issue, Snapshot


class Progress(Protocol):
    """What ``fetch`` reports as it goes (see ``generator.sync.progress``)."""

    def update(self, done: int, total: int, requests: int, rate_left: int | None) -> None: ...


class Lister(Protocol):
    """What the tiers need from the fetcher (``generator.github.fetcher.Fetcher``)."""

    settings: Settings
    budget: Budget

    def list(
        self,
        run: Run,
        tier: str,
        cursor: str | None,
        states: list[str],
        *,
        cheap: bool,
        pages: int | None = None,
    ) -> str | None: ...
    def counted(self, run: Run, node: dict[str, Any]) -> None: ...
    def query(
        self, query: str, variables: dict[str, Any], cost: int, reserve: int = 0, **kw: Any
    ) -> dict[str, Any]: ...
    def reserve(self, run: Run) -> int: ...
    def report(self, run: Run) -> None: ...


class OutOfBudget(Exception):
    """The next query would spend past this run's budget."""


@dataclass
class Run:
    """The state of one fetch as it goes."""

    previous: Snapshot
    numbers: set[int]
    hot: set[int]
    full: bool
    now: dt.datetime
    issues: dict[int, Issue] = field(default_factory=dict)
    more_votes: dict[int, str] = field(default_factory=dict)  # number -> reactions cursor
    stale: set[int] = field(default_factory=set)  # listed and changed: fetch in full
    seen: set[int] = field(default_factory=set)
    gone: list[int] = field(default_factory=list)  # asked for by number, not found
    cursors: dict[str, str] = field(default_factory=dict)
    expected: int | None = None  # GitHub's count of the issues listed
    complete: bool = True


def checked(previous: Snapshot, number: int) -> dt.datetime:
    """When ``previous`` last checked issue ``number`` (never: the oldest time)."""
    issue = previous.issues.get(number)
    found = issue.checked_at if issue else None
    return found or previous.synced_at or dt.datetime.min.replace(tzinfo=dt.UTC)
