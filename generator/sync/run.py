"""Sync: fetch from GitHub, merge into the last good snapshot, write it atomically.

The rule this module keeps: **a sync never publishes fewer votes because of a
fault.**  A failed fetch writes nothing (the old snapshot stays as it was); a
fetch that came back incomplete keeps the last good data of every issue it
could not see, and a voter list shorter than GitHub's own 👍 count is merged
with the previous list instead of replacing it.  A real un-vote shows only
after a complete, consistent fetch of that issue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from generator.config import Settings
from generator.errors import IdeaboardError, SnapshotError
from generator.github import GitHubClient, Progress, planned, scrub, token_from_env
from generator.github.queries import FULL_POINTS, PAGE
from generator.load import load_board
from generator.model import Issue, Snapshot, Vote
from generator.sync import store
from generator.sync.tiers import IdeaNumbers, hot_numbers, unqueryable


@dataclass(frozen=True)
class SyncResult:
    """What one successful sync did."""

    snapshot: Snapshot
    previous: Snapshot
    requests: int
    changed: tuple[int, ...]  # issue numbers whose data changed
    points: int = 0  # GraphQL points spent
    budget: int = 0  # the points this run could spend
    skipped: tuple[int, ...] = ()  # issue numbers no query can carry (reported, not sent)

    @property
    def votes_delta(self) -> int:
        """Votes gained (or, after real un-votes, lost) since the previous snapshot."""
        return self.snapshot.total_votes() - self.previous.total_votes()


@dataclass(frozen=True)
class SyncOutcome:
    """What ``sync_if_configured`` did, for ``ideaboard build``.

    ``synced``: a sync ran and wrote a new snapshot.  ``ok``: False only when a
    sync was attempted and failed (the build then goes on with the last good
    snapshot).  ``message``: the one line that was logged.
    """

    synced: bool
    ok: bool
    message: str
    snapshot: Snapshot | None = None


# --- the pure merge --------------------------------------------------------------


def merge(previous: Snapshot, fetched: Snapshot) -> Snapshot:
    """``fetched`` over ``previous``, never losing votes to an incomplete fetch.

    - an issue whose voter list is as long as its 👍 count is taken as fetched
      (so real un-votes show);
    - a shorter voter list is merged with the previous one;
    - an issue the fetch did not return is kept as it was when the fetch was
      incomplete; after a complete fetch it is dropped (it lost the label, or
      GitHub confirmed it deleted or transferred: ``missing`` says which).
    """
    issues = {}
    complete = fetched.complete
    for number, new in fetched.issues.items():
        old = previous.issues.get(number)
        if len(new.voters) >= new.thumbs_up:
            issues[number] = new
        else:
            complete = False
            issues[number] = new if old is None else replace(new, voters=_union(old, new))
    for number, old in previous.issues.items():
        if number not in issues and not fetched.complete:
            issues[number] = old
    return replace(fetched, issues=issues, complete=complete)


def _union(old: Issue, new: Issue) -> tuple[Vote, ...]:
    """Every vote of either list, one per voter (anonymous votes told apart by time)."""
    votes: dict[object, Vote] = {}
    for vote in (*old.voters, *new.voters):
        key = vote.voter.login if vote.voter.login is not None else (None, vote.at)
        votes[key] = vote  # the newer fetch wins for the same voter
    return tuple(sorted(votes.values(), key=store.vote_order))


# --- the issues YAML files name -------------------------------------------------


def issue_numbers(settings: Settings) -> IdeaNumbers:
    """Issue numbers named by valid ``ideas/*.yaml`` files (with or without the idea label).

    A file with problems is left out, as the build leaves it out; ``ideaboard
    validate`` reports it.  ``.hot`` holds those in the ``sync.every_run`` categories.
    """
    ideas, _problems = load_board(settings)
    return IdeaNumbers.of(ideas, settings)


# --- the sync ---------------------------------------------------------------------


def load_previous(settings: Settings, *, full: bool = False) -> Snapshot:
    """The last good snapshot; with ``full``, an unreadable one is ignored (it is refetched)."""
    try:
        previous = store.load_or_empty(settings.snapshot, settings.repo)
    except SnapshotError:
        if not full:
            raise
        return Snapshot.empty(settings.repo)
    if previous.repo and previous.repo != settings.repo:
        return Snapshot.empty(settings.repo)  # the board moved: nothing to merge with
    return previous


def full_pass_cost(previous: Snapshot) -> int:
    """Points a full pass over the issues ``previous`` knows costs (3 a page of 100)."""
    return -(-len(previous.issues) // PAGE) * FULL_POINTS


def full_fits(settings: Settings, previous: Snapshot) -> str | None:
    """``None`` if a full pass fits one run's budget, else why it does not.

    Judged from the last sync's rate limit; with none known (a first sync), it fits.
    A full pass that spans runs pauses the rotation of quiet ideas, so on a big board a
    scheduled full pass would leave some unchecked for more than a day (``sync
    --full-if-it-fits`` in ``publish.yml``'s weekly run).
    """
    rate = previous.rate_limit
    if rate is None or not previous.issues:
        return None
    points = planned(settings.sync.budget, rate.limit, None)
    cost = full_pass_cost(previous)
    if cost <= points:
        return None
    return (
        f"sync: a full pass over {len(previous.issues):,} issues needs about {cost:,} points, "
        f"more than one run's budget of {points:,} (sync.budget {settings.sync.budget} of "
        f"{rate.limit:,}); syncing as usual instead, so the rotation keeps every idea within "
        "sync.rotation_hours. A bigger token makes it fit; 'ideaboard sync --full' forces it."
    )


def sync(
    settings: Settings,
    token: str,
    numbers: Iterable[int] = (),
    *,
    full: bool = False,
    progress: Progress | None = None,
    client: GitHubClient | None = None,
    previous: Snapshot | None = None,
) -> SyncResult:
    """Fetch, merge and write the snapshot; on any error raise and leave the file alone.

    ``previous`` is the snapshot ``load_previous`` returned, for a caller that
    has read it already; without it, it is read here.
    """
    if previous is None:
        previous = load_previous(settings, full=full)
    client = client or GitHubClient(settings, token)
    skipped = tuple(unqueryable(numbers))
    hot = hot_numbers(settings, numbers, previous, client.clock())
    wanted = set(numbers) - set(skipped)
    fetched = client.fetch(previous, wanted, full=full, progress=progress, hot=hot)
    merged = merge(previous, fetched)
    store.save(settings.snapshot, merged)
    changed = tuple(
        sorted(
            n for n, issue in merged.issues.items() if _votes_or_data(previous.issues.get(n), issue)
        )
    )
    budget = client.budget.points if client.budget else 0
    return SyncResult(merged, previous, client.requests, changed, client.points, budget, skipped)


def _votes_or_data(old: Issue | None, new: Issue) -> bool:
    """Whether an issue changed, apart from when it was last checked."""
    return old is None or replace(old, checked_at=new.checked_at) != new


# --- messages ---------------------------------------------------------------------


def when(snap: Snapshot) -> str:
    """``the snapshot from 2026-11-20T12:00:00Z``, or that there is none."""
    if snap.synced_at is None:
        return "no snapshot yet, so the board shows no votes"
    return f"using the snapshot from {store._time_out(snap.synced_at)}"


def skip_message(settings: Settings, previous: Snapshot) -> str | None:
    """The one line to show when sync cannot run here, or None when it can."""
    if not settings.repo:
        return (
            f"No repo set in mkdocs.yml (plugins.ideaboard.repo): sync skipped; {when(previous)}."
        )
    if token_from_env(settings) is None:
        return f"No {settings.token_env} set: sync skipped; {when(previous)}."
    return None


def summary(result: SyncResult, settings: Settings) -> str:
    """One line saying what a sync did."""
    snap = result.snapshot
    rate = snap.rate_limit
    left = f"; rate limit {rate.remaining}/{rate.limit} left" if rate else ""
    if "full" in snap.cursors:
        partial = " (partial: the full sync goes on next run; the last good votes are kept)"
    elif not snap.complete:
        partial = " (partial: kept the last good data where GitHub fell short)"
    else:
        partial = ""
    skipped = "".join(
        f"\nSkipped issue {n}: an issue number must be between 1 and 2147483647 (GitHub's "
        "GraphQL Int is 32-bit); fix `issue:` in the idea's YAML file."
        for n in result.skipped
    )
    spent = f", {result.points} of {result.budget} points" if result.budget else ""
    return (
        f"Synced {len(snap.issues)} issues from {settings.repo} in {result.requests} "
        f"requests{spent}: {snap.total_votes()} votes ({result.votes_delta:+d}), "
        f"{len(result.changed)} issues changed{left}{partial}.{skipped}"
    )


def failure_message(error: Exception, settings: Settings, previous: Snapshot) -> str:
    """Why a sync failed, and what the board shows instead."""
    token = token_from_env(settings)
    kept = (
        f"The snapshot {settings.snapshot.name} was left as it was ({when(previous)})."
        if previous.synced_at
        else "No snapshot was written."
    )
    return scrub(f"sync failed: {error} {kept}", token)


def sync_if_configured(
    settings: Settings,
    log: Callable[[str], None],
    *,
    client: GitHubClient | None = None,
) -> SyncOutcome:
    """For ``ideaboard build``: sync when a repo and a token are set, else skip with one line.

    On failure it logs a warning and returns ``ok=False``; the build goes on
    with the last good snapshot (and the site says how old its votes are).
    """
    try:
        previous = load_previous(settings)
    except SnapshotError as exc:
        message = f"warning: {exc}"
        log(message)
        return SyncOutcome(False, False, message)
    skip = skip_message(settings, previous)
    if skip:
        log(skip)
        return SyncOutcome(False, True, skip, previous)
    token = token_from_env(settings) or ""
    try:
        result = sync(settings, token, issue_numbers(settings), client=client, previous=previous)
    except IdeaboardError as exc:
        message = "warning: " + failure_message(exc, settings, previous)
        log(message)
        return SyncOutcome(False, False, message, previous)
    except Exception as exc:  # a sync bug must not stop the board from publishing
        # Only the type is shown: the text of an unexpected error may quote what GitHub sent.
        message = (
            f"warning: sync failed unexpectedly ({type(exc).__name__}); "
            "building from the last good snapshot. Run 'ideaboard sync' to see the error."
        )
        log(message)
        return SyncOutcome(False, False, message, previous)
    message = summary(result, settings)
    log(message)
    return SyncOutcome(True, True, message, result.snapshot)
