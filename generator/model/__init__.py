"""Plain data, no I/O: statuses, ideas, snapshot types, the board, remote issues."""

from generator.model import statuses
from generator.model.board import Board, Entry, Milestone, Voter, Voters
from generator.model.idea import (
    SLUG_MAX_LENGTH,
    SLUG_PATTERN,
    SLUG_RE,
    HistoryEntry,
    Idea,
    Link,
    Score,
    ShippedIn,
    page_path,
)
from generator.model.remote import RemoteComment, RemoteIssue
from generator.model.snapshot import (
    REACTIONS,
    Actor,
    Issue,
    Missing,
    RateLimit,
    Snapshot,
    Vote,
    Votes,
    vote_order,
)

__all__ = [
    "REACTIONS",
    "SLUG_MAX_LENGTH",
    "SLUG_PATTERN",
    "SLUG_RE",
    "Actor",
    "Board",
    "Entry",
    "HistoryEntry",
    "Idea",
    "Issue",
    "Link",
    "Milestone",
    "Missing",
    "RateLimit",
    "RemoteComment",
    "RemoteIssue",
    "Score",
    "ShippedIn",
    "Snapshot",
    "Vote",
    "Voter",
    "Voters",
    "Votes",
    "page_path",
    "statuses",
    "vote_order",
]
