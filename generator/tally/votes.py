"""The tally: ideas and the vote snapshot in, the board out.

``tally(ideas, snapshot, settings)`` is a pure function: no I/O, no clock.  "Now"
is the snapshot's ``synced_at`` (or, for a snapshot without one, the latest time
seen in its data).  The same inputs always give an equal ``Board``.

How votes are counted (``.readme/tally.md`` says the same for people):

- A vote is a 👍 reaction on the idea's GitHub issue.  Each person counts once
  per idea, at the time of their earliest 👍.  Logins are compared without regard
  to case, as GitHub does.
- Bots are left out: accounts of type ``Bot``, and logins ending in ``[bot]``.
- Reactions whose user is null (deleted accounts, shown as "ghost") are left
  out: they cannot be told apart, so they cannot be deduplicated.
- With ``author_votes`` (the default), the issue's author counts as a voter at
  the issue's creation time, as on Fider and Canny.  A bot author does not.
- A duplicate (an idea whose status is in the ``duplicate`` category and whose
  ``duplicate_of`` names another idea) merges its votes into the idea at the end
  of its ``duplicate_of`` chain, the canonical idea.  Someone who voted on both
  counts once.  The duplicate keeps its own votes for display, and its entry's
  ``canonical`` names the idea it merged into.  Hidden duplicates merge too:
  votes are never lost.  A chain that loops (a validation error) merges nothing.
- An idea with no issue, or whose issue is not in the snapshot, has no votes of
  its own (and no author vote); it still gets the votes of its duplicates.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

from generator.config import Settings
from generator.model import Board, Entry, Idea, Issue, Milestone, Snapshot, Voters, Votes
from generator.model import statuses as st
from generator.model.compact import DAY, DayCounts, day_of, pack, to_micros

#: Trending weights and decay, after Fider (see ``trending_score``).
VOTE_WEIGHT = 5
COMMENT_WEIGHT = 3
AGE_OFFSET_DAYS = 2.0
GRAVITY = 1.4
#: Trending scores are rounded to this many significant digits, so the output is
#: the same on every platform and small scores of old ideas still order correctly.
TRENDING_DIGITS = 6

# One vote, while tallying: (time of the 👍 in microseconds since the epoch, login as
# GitHub spells it).  Tuples sort by time, then login.
_Vote = tuple[int, str]


def tally(ideas: Sequence[Idea], snapshot: Snapshot, settings: Settings) -> Board:
    """Join every idea with its votes: the board the renderer draws.

    Every idea gets an entry, hidden ones included (the renderer hides them);
    entries are sorted by slug.  See the module docstring for the rules.
    """
    # A big board makes millions of small objects here, none of them cyclic;
    # Python's cycle collector would rescan the whole snapshot again and again
    # (40% of the time at 10,000 ideas), so it is paused while tallying.
    with paused_gc():
        return _tally(ideas, snapshot, settings)


def _tally(ideas: Sequence[Idea], snapshot: Snapshot, settings: Settings) -> Board:
    by_slug = {idea.slug: idea for idea in ideas}
    canonical = _resolve_duplicates(by_slug, settings)
    merged: dict[str, list[Idea]] = {}
    for slug in sorted(canonical):
        merged.setdefault(canonical[slug], []).append(by_slug[slug])

    issues = {slug: _issue_of(idea, snapshot) for slug, idea in by_slug.items()}
    now = _now(snapshot)
    cut = None if now is None else now - dt.timedelta(days=settings.trending_days)
    cutoff = None if cut is None else to_micros(cut)
    # Every entry's voters share one table of logins (``Voters``: 16 bytes a vote).
    numbers: dict[str, int] = {}
    reached = _Milestones()
    logins: list[str] = []

    entries = []
    for slug in sorted(by_slug):
        idea = by_slug[slug]
        issue = issues[slug]
        duplicates = tuple(merged.get(slug, ()))
        # A duplicate's votes count in its own entry and in its canonical's: each issue's
        # votes are read when needed, not kept for the whole board.
        votes = _votes(issue, settings.author_votes)
        for d in duplicates:
            votes += _votes(issues[d.slug], settings.author_votes)
        ordered = _distinct(votes)
        del votes
        if slug in canonical or now is None:
            # A duplicate's activity counts toward the idea it merged into.
            trending = 0.0
        else:
            activity = [issue, *(issues[d.slug] for d in duplicates)]
            trending = trending_score(
                len(ordered) - bisect.bisect_left(ordered, (cutoff,)),
                sum(1 for t in _comment_times(activity) if t >= cut),
                _created_at(idea, issue),
                now,
            )
        ids, times = pack(ordered, numbers, logins)
        entries.append(
            Entry(
                idea=idea,
                category=settings.statuses.get(idea.status, st.OPEN),
                issue=issue,
                proposer=issue.author if issue is not None else None,
                votes=len(ordered),
                voters=Voters(logins, ids, times),
                comments=issue.comments if issue is not None else 0,
                trending=trending,
                milestones=tuple(reached(m, ordered) for m in settings.milestones),
                votes_per_day=_votes_per_day(ordered),
                duplicates=duplicates,
                canonical=canonical.get(slug),
            )
        )
    return Board(
        entries=tuple(entries),
        proposals=_proposals(ideas, snapshot, settings),
        synced_at=snapshot.synced_at,
        complete=snapshot.complete,
    )


def trending_score(
    recent_votes: int, recent_comments: int, created: dt.datetime, now: dt.datetime
) -> float:
    """A Fider-style trending score: recent activity, decaying with the idea's age.

    ``score = (5 x recent votes + 3 x recent comments) / (age in days + 2) ** 1.4``

    "Recent" means in the last ``trending_days`` days (30) before ``now``, the
    sync time; the tally counts them, across the idea and its duplicates.  The
    age runs from the issue's creation (or the idea's ``created`` date when it
    has no issue) to ``now``.  Fider weighs votes 5 and comments 3 and divides by
    ``(age in hours + 2) ** 1.4``; ideaboard counts the age in days, because a
    product board moves in days: in hours, any idea proposed in the last few
    hours would outrank one that got fifty votes this week.  With no recent
    activity the score is 0 (Fider subtracts 1 from the points; ideaboard does
    not, so "no activity" is exactly 0).  The score is rounded to
    ``TRENDING_DIGITS`` significant digits, so it prints the same everywhere.
    """
    points = VOTE_WEIGHT * recent_votes + COMMENT_WEIGHT * recent_comments
    if points <= 0:
        return 0.0
    age_days = max(0.0, (now - created).total_seconds() / 86400)
    score = points / (age_days + AGE_OFFSET_DAYS) ** GRAVITY
    return float(f"{score:.{TRENDING_DIGITS}g}")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector: loading and tallying make millions of objects and
    no cycles, and each collection would rescan them all (reference counting still frees)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- duplicates ----------------------------------------------------------------


def _resolve_duplicates(by_slug: Mapping[str, Idea], settings: Settings) -> dict[str, str]:
    """Map each merged duplicate's slug to the slug at the end of its chain.

    Linear: every slug is walked once; later walks stop at a slug already known.
    """

    def target(slug: str) -> str | None:
        idea = by_slug[slug]
        points_to = idea.duplicate_of
        if (
            points_to
            and points_to != slug
            and points_to in by_slug
            and settings.statuses.get(idea.status) == st.DUPLICATE
        ):
            return points_to
        return None

    # The end of each slug's chain: itself when it is no duplicate, None in a loop.
    ends: dict[str, str | None] = {}
    for start in sorted(by_slug):
        path: list[str] = []
        on_path: set[str] = set()
        node = start
        while True:
            if node in ends:
                end = ends[node]
                break
            if node in on_path:
                end = None  # a loop: a validation error; merge nothing
                break
            path.append(node)
            on_path.add(node)
            following = target(node)
            if following is None:
                end = node
                break
            node = following
        for slug in path:
            ends[slug] = end
    return {slug: end for slug, end in ends.items() if end is not None and end != slug}


# --- votes ---------------------------------------------------------------------


def _issue_of(idea: Idea, snapshot: Snapshot) -> Issue | None:
    return snapshot.issues.get(idea.issue) if idea.issue is not None else None


def _votes(issue: Issue | None, author_votes: bool) -> list[_Vote]:
    """The human votes on one issue (a person may appear more than once)."""
    if issue is None:
        return []
    voters = issue.voters
    # The hot loop of the tally (millions of votes on a big board): Actor.is_bot inlined,
    # and compact votes read without making a Vote each.
    if isinstance(voters, Votes):
        votes = [
            (micros, login)
            for micros, actor in voters.pairs()
            if (login := actor.login) and actor.type != "Bot" and not login.endswith("[bot]")
        ]
    else:
        votes = [
            (to_micros(vote.at), login)
            for vote in voters
            if (login := vote.voter.login)
            and vote.voter.type != "Bot"
            and not login.endswith("[bot]")
        ]
    author = issue.author
    if author_votes and author is not None and author.login and not author.is_bot:
        votes.append((to_micros(issue.created_at), author.login))
    return votes


def _distinct(votes: list[_Vote]) -> list[_Vote]:
    """Each person once, at their earliest vote, sorted by time then login.

    Logins are compared in lower case, as GitHub compares them.
    """
    votes.sort()  # snapshots keep voters sorted, so this is nearly free
    # Walking backwards, a person's earliest vote is the one left in the dict.
    first = {login.lower(): (at, login) for at, login in reversed(votes)}
    return votes if len(first) == len(votes) else sorted(first.values())


class _Milestones:
    """Each milestone an entry reached, or not yet: one shared object for each milestone
    and day (a big board has a million of them and about a thousand distinct ones)."""

    def __init__(self) -> None:
        self.made: dict[tuple[int, int | None], Milestone] = {}

    def __call__(self, votes: int, ordered: Sequence[_Vote]) -> Milestone:
        """Milestone ``votes`` for voters ``ordered`` by time: reached on the day of the
        ``votes``-th vote."""
        day = ordered[votes - 1][0] // DAY if len(ordered) >= votes else None
        made = self.made.get((votes, day))
        if made is None:
            reached_on = None if day is None else day_of(day * DAY)
            made = self.made[(votes, day)] = Milestone(votes, reached_on)
        return made


def _votes_per_day(ordered: Sequence[_Vote]) -> DayCounts:
    """New votes per UTC day, days with votes only, for votes sorted by time."""
    # Sorted by time, so the days come out in order; Counter keeps that order.
    return DayCounts(Counter(micros // DAY for micros, _ in ordered).items())


# --- trending inputs -------------------------------------------------------------


def _now(snapshot: Snapshot) -> dt.datetime | None:
    """The sync time; for a snapshot without one, the latest time in its data."""
    if snapshot.synced_at is not None:
        return snapshot.synced_at
    times = [
        t
        for issue in snapshot.issues.values()
        for t in (
            issue.created_at,
            issue.updated_at,
            issue.closed_at,
            *issue.comment_times,
            *(v.at for v in issue.voters),
        )
        if t is not None
    ]
    return max(times, default=None)


def _comment_times(issues: Iterable[Issue | None]) -> list[dt.datetime]:
    return [t for issue in issues if issue is not None for t in issue.comment_times]


def _created_at(idea: Idea, issue: Issue | None) -> dt.datetime:
    if issue is not None:
        return issue.created_at
    return dt.datetime.combine(idea.created, dt.time(), tzinfo=dt.UTC)


# --- proposals -------------------------------------------------------------------


def _proposals(ideas: Sequence[Idea], snapshot: Snapshot, settings: Settings) -> tuple[Issue, ...]:
    """Open idea-labelled issues that no idea file names: awaiting triage, newest first.

    GitHub compares label names without regard to case, and so does this.
    """
    named = {idea.issue for idea in ideas if idea.issue is not None}
    label = settings.label.casefold()
    waiting = [
        issue
        for number, issue in snapshot.issues.items()
        if number not in named
        and issue.state == "open"
        and any(name.casefold() == label for name in issue.labels)
    ]
    return tuple(sorted(waiting, key=lambda i: (i.created_at, i.number), reverse=True))
