"""What a sync saw on GitHub, as plain data: actors, votes, issues and the snapshot.

These are the snapshot's types; ``sync.store`` reads and writes them as one JSON
file (its docstring gives the format).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from generator.model.compact import _Compact, from_micros

REACTIONS = ("+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes")


@dataclass(frozen=True, slots=True)
class Actor:
    """A GitHub account: ``type`` is ``User``, ``Bot``, ``Organization`` or ``Mannequin``."""

    login: str | None
    type: str = "User"

    @property
    def is_bot(self) -> bool:
        """Bots are left out of votes: REST says ``type: Bot``, logins end in ``[bot]``."""
        return self.type == "Bot" or (self.login or "").endswith("[bot]")


@dataclass(frozen=True, slots=True)
class Vote:
    """One 👍 reaction: who, and when."""

    voter: Actor
    at: dt.datetime


class Votes(_Compact):
    """An issue's 👍, compact (``model.compact``): a sequence of ``Vote``.

    ``names`` is the snapshot's table of ``Actor``s, shared by all its issues.
    """

    __slots__ = ()

    def _make(self, actor: Actor, micros: int) -> Vote:
        return Vote(actor, from_micros(micros))


def vote_order(vote: Vote) -> tuple[dt.datetime, str]:
    """The order voters are kept in: by time, then by login."""
    return (vote.at, vote.voter.login or "")


@dataclass(frozen=True, slots=True)
class Issue:
    """One GitHub issue, as the last sync saw it."""

    number: int
    title: str
    url: str
    state: str
    created_at: dt.datetime
    updated_at: dt.datetime
    body: str = ""
    state_reason: str | None = None
    author: Actor | None = None
    closed_at: dt.datetime | None = None
    labels: tuple[str, ...] = ()
    locked: bool = False
    comments: int = 0
    comment_times: tuple[dt.datetime, ...] = ()
    reactions: Mapping[str, int] = field(default_factory=dict)
    voters: Sequence[Vote] = ()  # a tuple, or ``Votes`` (compact) from the store
    # When a sync last saw this issue's counts on GitHub: the time its votes are "as of".
    checked_at: dt.datetime | None = None

    @property
    def thumbs_up(self) -> int:
        """GitHub's own 👍 count (bots and duplicates included)."""
        return self.reactions.get("+1", 0)


@dataclass(frozen=True, slots=True)
class Missing:
    """An issue a YAML file names that the sync could not find."""

    number: int
    reason: str  # "deleted" | "transferred" | "not_found"
    moved_to: str | None = None


@dataclass(frozen=True, slots=True)
class RateLimit:
    """GitHub's rate limit as the sync left it."""

    limit: int
    remaining: int
    reset_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the build needs from GitHub."""

    repo: str
    synced_at: dt.datetime | None
    issues: Mapping[int, Issue] = field(default_factory=dict)
    missing: Mapping[int, Missing] = field(default_factory=dict)
    complete: bool = True
    rate_limit: RateLimit | None = None
    # Where listings go on next run: "full" (a full sync not finished yet: the
    # snapshot is partial), "open" and "closed" (the tiers of an incremental sync).
    cursors: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def empty(cls, repo: str = "") -> Snapshot:
        """The snapshot of a board that has never synced."""
        return cls(repo=repo, synced_at=None)

    @property
    def partial(self) -> bool:
        """Whether the site must say the votes are partial (a fault, or a full sync under way)."""
        return not self.complete or "full" in self.cursors

    def checked(self, number: int) -> dt.datetime | None:
        """When issue ``number``'s votes were last checked (``synced_at`` for older files)."""
        issue = self.issues.get(number)
        return (issue.checked_at if issue else None) or self.synced_at

    def total_votes(self) -> int:
        """Every 👍 recorded, for the "never publish fewer votes" check."""
        return sum(len(issue.voters) for issue in self.issues.values())

    def with_issues(self, issues: Mapping[int, Issue], **changes: Any) -> Snapshot:
        """A copy with ``issues`` merged over this snapshot's."""
        return replace(self, issues={**self.issues, **issues}, **changes)
