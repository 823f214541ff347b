"""Which ideas a sync checks on every run (the rest go in rotation: see ``github.fetcher``).

Every run checks the ideas in the categories ``sync.every_run`` names (open
and active by default), and any idea with a vote or a comment in the last
``sync.recent_days`` days.  Open issues are listed anyway; these numbers add
the closed ones that are still hot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.config import Settings
from generator.github import queryable
from generator.model import Idea, Issue, Snapshot


class IdeaNumbers(frozenset):
    """The issue numbers the YAML files name, and (``hot``) those checked on every run."""

    hot: frozenset[int] = frozenset()

    @classmethod
    def of(cls, ideas: Iterable[Idea], settings: Settings) -> IdeaNumbers:
        """The numbers of ``ideas`` that have an issue; ``hot``: those in ``every_run``."""
        ideas = [idea for idea in ideas if idea.issue is not None]
        numbers = cls(idea.issue for idea in ideas)
        every_run = set(settings.sync.every_run)
        numbers.hot = frozenset(
            idea.issue for idea in ideas if settings.statuses.get(idea.status) in every_run
        )
        return numbers


def hot_numbers(
    settings: Settings, numbers: Iterable[int], previous: Snapshot, now: dt.datetime
) -> set[int]:
    """The issues to check on this run: ``every_run`` ideas and recent activity."""
    cutoff = now - dt.timedelta(days=settings.sync.recent_days)
    hot = set(getattr(numbers, "hot", ()))
    hot.update(n for n, issue in previous.issues.items() if recent(issue, cutoff))
    return {n for n in hot if queryable(n)}


def recent(issue: Issue, cutoff: dt.datetime) -> bool:
    """Whether ``issue`` had a vote, a comment or any change since ``cutoff``."""
    if issue.updated_at >= cutoff:  # a comment bumps updated_at; a reaction does not
        return True
    if any(t >= cutoff for t in issue.comment_times):
        return True
    return bool(issue.voters) and max(v.at for v in issue.voters) >= cutoff


def unqueryable(numbers: Iterable[int]) -> list[int]:
    """The numbers no GraphQL query can carry (outside 1 .. 2^31-1): reported, not sent."""
    return sorted(n for n in numbers if not queryable(n))
