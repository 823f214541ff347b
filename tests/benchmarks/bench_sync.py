"""The sync against the fake GitHub, which charges points as GitHub does (a script, not a test).

    python tests/benchmarks/bench_sync.py                   # sizes: N = 100, 1,000, 10,000
    python tests/benchmarks/bench_sync.py sizes 100 1000    # some sizes only
    python tests/benchmarks/bench_sync.py popular           # further 👍 pages: before/after
    python tests/benchmarks/bench_sync.py hourly            # 150,000 issues, 48 hourly runs
    python tests/benchmarks/bench_sync.py hourly 20000 --limit 5000 --runs 24 --votes 400
    python tests/benchmarks/bench_sync.py hourly 30000 --limit 200 --votes 80 --full-at 25
    python tests/benchmarks/bench_sync.py hourly --help     # its options

``sizes``: for each N, N idea issues with 0-20 👍 each (seeded): the first
full sync, an unchanged re-sync (the cheap count pass), a re-sync after one
new 👍 that left ``updatedAt`` alone, and the plain PyGithub way (list the
issues, then ``get_reactions()`` on each, its throttle off; its default
0.25 s between requests would add ``requests * 0.25`` s, shown apart).

``popular``: the first sync of 736 idea issues, 8 of them with more than
100 👍 (the largest 2,209): requests one page at a time (before: the sum of
the further pages) and batched (after), and the floor (the deepest issue).

``hourly``: ``N`` idea issues, 15 % open (the open and active ideas), the
rest closed, 40 popular ones with 150 to 2,500 👍; the fake's GraphQL limit
is ``--limit`` points an hour, reset before each simulated hour.  Before each
run, ``--votes`` new 👍 arrive at random, half on open and half on closed
issues.  Each run is one incremental sync (the first ones go on with the
first full sync until it is done), merged as ``ideaboard sync`` merges it.
Per run: points spent and the budget; once the first full sync is done,
the worst staleness (now - when an issue was last checked, its
``checked_at``) of an open idea and of any idea; the ideas
whose total is not GitHub's count at the time they were last checked
("wrong as of check", goal 0); the voter lists the sync knows are short
("partial"); and the ideas whose total is behind GitHub's now (votes since
their last check).  After ``--runs`` runs the votes stop, and quiet runs go
on until every total equals GitHub's (at most one rotation,
``sync.rotation_hours`` runs).  A table of the goals, met or not, ends it.
``--full-at N`` starts a full sync at run N, as ``publish.yml`` does every
Monday; on a big board it goes on over the next runs (marked "full").

Requests and points are counted by the fake.  Wall time includes the fake's
own work, so it is an upper bound for the client's share.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from github import Auth, Github  # the baseline; generator code never does this

from generator.github import GitHubClient, queries
from generator.model.snapshot import Snapshot
from generator.sync.run import merge
from generator.sync.tiers import hot_numbers
from tests.fakegithub import TOKEN, FakeGitHub, fake_settings
from tests.fakegithub.state import EPOCH, Reaction


def plain_pygithub(fake: FakeGitHub) -> int:
    """The baseline: every issue, then every issue's reactions, through PyGithub."""
    gh = Github(
        auth=Auth.Token(TOKEN),
        base_url=fake.api_url,
        per_page=100,
        seconds_between_requests=None,
        seconds_between_writes=None,
    )
    repo = gh.get_repo(f"{fake.repo.owner}/{fake.repo.name}")
    votes = 0
    # (Asking ``issue.pull_request`` would fetch each issue again: PyGithub completes
    # objects lazily.  The generated board has no pull requests, so it is left out.)
    for issue in repo.get_issues(state="all", labels=["idea"]):
        votes += sum(1 for r in issue.get_reactions() if r.content == "+1")
    return votes


def measure(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def row(count: int, what: str, requests: int, goal: str, seconds: float) -> str:
    return f"| {count:,} | {what} | {requests:,} | {goal} | {seconds:.1f} s | |"


def run(count: int) -> list[str]:
    rows = []
    with FakeGitHub(token=TOKEN, fast=True) as fake, tempfile.TemporaryDirectory() as tmp:
        fake.generate(count, max_votes=20, max_comments=2)
        expected = sum(i.count("+1") for i in fake.repo.issues.values())
        settings = fake_settings(fake, tmp)

        def client():
            return GitHubClient(settings, TOKEN, sleep=lambda s: None)

        fake.reset_counts()
        first, seconds = measure(lambda: client().fetch(Snapshot.empty(), full=True))
        assert first.total_votes() == expected
        goal = math.ceil(count / 100) + 3
        rows.append(
            f"| {count:,} | first full sync | {fake.requests:,} | ≤ {goal:,} | {seconds:.1f} s | |"
        )

        fake.reset_counts()
        again, seconds = measure(lambda: client().fetch(first, full=False))
        assert again.total_votes() == first.total_votes()
        goal = "≤ 110" if count == 10_000 else ""
        rows.append(
            f"| {count:,} | unchanged re-sync | {fake.requests:,} | {goal} | {seconds:.1f} s | |"
        )

        fake.react(count // 2, "newcomer")
        fake.reset_counts()
        later, seconds = measure(lambda: client().fetch(first, full=False))
        assert later.total_votes() == expected + 1
        rows.append(
            f"| {count:,} | re-sync after one new 👍 | {fake.requests:,} | | {seconds:.1f} s | |"
        )

        fake.reset_counts()
        votes, seconds = measure(lambda: plain_pygithub(fake))
        assert votes == expected + 1
        throttle = fake.requests * 0.25
        rows.append(
            f"| {count:,} | plain PyGithub (issues, then get_reactions() each) | "
            f"{fake.requests:,} | | {seconds:.1f} s | +{throttle:,.0f} s |"
        )
    return rows


def start_of(count: int) -> dt.datetime:
    """The first simulated hour: 45 days after the last idea was proposed (``generate``
    proposes one every 7 minutes), so only the new votes make ideas recent."""
    return EPOCH + dt.timedelta(minutes=7 * count, days=45)


def board(fake: FakeGitHub, count: int, rng: random.Random) -> None:
    """``count`` idea issues: 15 % open, a few dozen popular ones."""
    fake.generate(count, max_votes=4, max_comments=1)
    for issue in fake.repo.issues.values():
        open_ = rng.random() < 0.15
        issue.state = "open" if open_ else "closed"
        issue.state_reason = None if open_ else "completed"
        issue.closed_at = None if open_ else issue.created_at + dt.timedelta(days=3)
        issue.updated_at = issue.closed_at or issue.created_at
    for number in rng.sample(range(1, count + 1), 40):
        for i in range(rng.randint(150, 2_500)):
            fake.react(number, f"fan{i}", at=start_of(count) - dt.timedelta(days=40, minutes=i))
    fake.changed()


def new_votes(fake: FakeGitHub, rng: random.Random, now: dt.datetime, votes: int, serial: list):
    """``votes`` new 👍 in the hour before ``now``, half on open and half on closed issues."""
    issues = fake.repo.issues
    opened = [n for n, i in issues.items() if i.state == "open"]
    closed = [n for n, i in issues.items() if i.state == "closed"]
    for k in range(votes):
        number = rng.choice(opened if k % 2 else closed)
        serial[0] += 1
        at = now - dt.timedelta(minutes=rng.randint(1, 59))
        user = fake.repo.user(f"newcomer{serial[0]}")
        issues[number].reactions.append(Reaction(fake.repo.new_id(), "+1", user, at))
    fake.changed()


def truth(fake: FakeGitHub) -> dict[int, int]:
    """GitHub's 👍 count of every issue now."""
    return {
        n: sum(1 for r in i.reactions if r.content == "+1") for n, i in fake.repo.issues.items()
    }


def checked_at(snap: Snapshot, number: int) -> dt.datetime:
    """When ``snap`` last checked issue ``number`` (``Snapshot.checked``)."""
    return snap.issues[number].checked_at or snap.synced_at


def wrong_as_of_check(fake: FakeGitHub, snap: Snapshot) -> list[int]:
    """Issues whose total is not GitHub's 👍 count at the time the snapshot last checked them.

    The simulation only adds votes (each with a time before the run that first
    could see it), so GitHub's count at time ``t`` is the 👍 created up to ``t``.
    """
    issues = fake.repo.issues
    wrong = []
    for number, issue in snap.issues.items():
        if len(issue.voters) < issue.thumbs_up:
            continue  # known to be short (counted by ``partial``): the next run fetches it again
        at = checked_at(snap, number)
        then = sum(1 for r in issues[number].reactions if r.content == "+1" and r.created_at <= at)
        if len(issue.voters) != then:
            wrong.append(number)
    return wrong


def partial(snap: Snapshot) -> set[int]:
    """Issues whose voter list the sync knows is short of GitHub's 👍 count (the site says
    "partial"; the list keeps every vote it had, and the next run fetches it again first)."""
    return {n for n, issue in snap.issues.items() if len(issue.voters) < issue.thumbs_up}


def staleness(snap: Snapshot, now: dt.datetime, open_only: bool) -> float:
    """The oldest check, in hours before ``now``, of the open ideas or of every idea."""
    ages = [
        (now - checked_at(snap, n)).total_seconds() / 3600
        for n, issue in snap.issues.items()
        if not open_only or issue.state == "open"
    ]
    return max(ages, default=0.0)


def popular() -> None:
    """Further 👍 pages of the popular issues: one query per page (before), or batched (after)."""
    with FakeGitHub(token=TOKEN, fast=True) as fake, tempfile.TemporaryDirectory() as tmp:
        fake.generate(728, max_votes=20)
        counts = [2_209, 1_050, 640, 420, 333, 250, 180, 101]
        for number, count in zip(range(729, 737), counts, strict=True):
            fake.add_issue(number)
            for i in range(count):
                fake.react(number, f"fan{i}")
        sent = {}
        for batch in (1, queries.VOTE_BATCH):  # 1: what the sync sent before batching
            kept, queries.VOTE_BATCH = queries.VOTE_BATCH, batch
            try:
                fake.reset_counts()
                snap = GitHubClient(fake_settings(fake, tmp), TOKEN, sleep=lambda s: None).fetch(
                    Snapshot.empty()
                )
            finally:
                queries.VOTE_BATCH = kept
            assert {n: len(i.voters) for n, i in snap.issues.items()} == truth(fake)
            sent[batch] = fake.requests
        listing = math.ceil(736 / 100)
        extra = [math.ceil(c / 100) - 1 for c in counts]
        assert sent[1] == listing + sum(extra)
        print("| first sync of 736 issues, 8 with > 100 👍 | requests |")
        print("|---|---:|")
        print(f"| before: each further page its own query | {sent[1]} |")
        print(f"| after: further pages of up to 100 issues in one query | {sent[100]} |")
        print(f"| floor: listing + the deepest issue's further pages | {listing + max(extra)} |")


def hourly(argv: list[str]) -> None:
    """Hourly runs on a big board against a token's hourly limit (see the module's docstring)."""
    parser = argparse.ArgumentParser(prog="bench_sync.py hourly", description=hourly.__doc__)
    parser.add_argument("count", type=int, nargs="?", default=150_000, help="idea issues")
    parser.add_argument("--limit", type=int, default=1_000, help="GraphQL points an hour")
    parser.add_argument("--runs", type=int, default=48, help="hourly runs with new votes")
    parser.add_argument("--votes", type=int, default=400, help="new 👍 before each run")
    parser.add_argument(
        "--full-at",
        type=int,
        default=None,
        help="start a full sync at this run, as publish.yml "
        "does weekly (it goes on over the next runs)",
    )
    args = parser.parse_args(argv)
    rng = random.Random(1)
    started = time.perf_counter()
    with FakeGitHub(token=TOKEN, fast=True) as fake, tempfile.TemporaryDirectory() as tmp:
        fake.graphql_limit = args.limit
        board(fake, args.count, rng)
        settings = fake_settings(fake, tmp)
        lap = settings.sync.rotation_hours
        print(f"board of {args.count:,} issues made in {time.perf_counter() - started:.0f} s")
        print(
            "| run | points | budget | requests | worst open (h) | worst any (h) "
            "| wrong as of check | partial | behind GitHub now | wall |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        start = start_of(args.count)
        snap, serial = Snapshot.empty(settings.repo), [0]
        spent: list[tuple[int, int]] = []  # (points, budget) of each run
        synced, worst_open, worst_any, wrong_ever, short_after = None, 0.0, 0.0, 0, 0
        short_before, short_twice = set(), set()
        at_end: dict[str, int] = {}
        quiet_runs = None
        for hour in range(1, args.runs + lap + 1):
            quiet = hour > args.runs
            now = start + dt.timedelta(hours=hour)
            if not quiet:
                new_votes(fake, rng, now, args.votes, serial)
            fake.reset_rate()
            before, tick = fake.points_spent, time.perf_counter()
            client = GitHubClient(settings, TOKEN, sleep=lambda s: None, clock=lambda at=now: at)
            hot = hot_numbers(settings, (), snap, now)
            fetched = client.fetch(snap, hot=hot, full=hour == args.full_at)
            snap = merge(snap, fetched)
            spent.append((fake.points_spent - before, client.budget.points))
            # From the end of the first full sync on (a later one, --full-at, included).
            synced = synced or (hour if "full" not in snap.cursors else None)
            done, full_on = synced is not None, "full" in snap.cursors
            nan = float("nan")
            stale_open = staleness(snap, now, True) if done else nan
            stale_any = staleness(snap, now, False) if done else nan
            if done and not quiet:
                worst_open, worst_any = max(worst_open, stale_open), max(worst_any, stale_any)
            wrong, short = len(wrong_as_of_check(fake, snap)), partial(snap)
            wrong_ever += wrong
            if done and not quiet:
                short_after = max(short_after, len(short))
                short_twice |= short & short_before
            short_before = short
            real = truth(fake)
            behind = sum(
                1
                for n, votes in real.items()
                if n not in snap.issues or len(snap.issues[n].voters) != votes
            )
            print(
                f"| {hour}{' (quiet)' if quiet else ''}{' (full)' if full_on else ''} "
                f"| {spent[-1][0]} | {spent[-1][1]} | "
                f"{client.requests} | {stale_open:.1f} | {stale_any:.1f} | {wrong} | "
                f"{len(short)} | {behind:,} | "
                f"{time.perf_counter() - tick:.1f} s |",
                flush=True,
            )
            if hour == args.runs:
                at_end = {"wrong": wrong, "behind": behind}
            if quiet and behind == 0:
                quiet_runs = hour - args.runs
                break
        points = [p for p, _ in spent]
        over = sum(p > b for p, b in spent)
        budget = max(b for _, b in spent)
        print()
        print(f"first full sync done at run {synced}")
        goals = [
            (
                "points per run",
                f"max {max(points)}, mean {sum(points) / len(points):.0f} "
                f"in {len(points)} runs; {over} over budget",
                f"≤ budget ({budget})",
                over == 0,
            ),
            (
                f"worst staleness of an open idea, runs {synced}-{args.runs}",
                f"{worst_open:.1f} h",
                "≤ 1 h",
                worst_open <= 1,
            ),
            (
                f"worst staleness of any idea, runs {synced}-{args.runs}",
                f"{worst_any:.1f} h",
                "≤ 24 h",
                worst_any <= 24,
            ),
            (
                "every total equal to GitHub's count when it was last checked, every run",
                f"{wrong_ever} wrong",
                "0",
                wrong_ever == 0,
            ),
            (
                f"voter lists known to be short (partial), runs {synced}-{args.runs}",
                f"at most {short_after} in a run; {len(short_twice)} short two runs in a row",
                "each complete by the next run",
                not short_twice,
            ),
            (
                f"totals equal to GitHub's now, after run {args.runs}",
                f"{at_end.get('behind', 0):,} ideas behind (votes the rotation has not reached)",
                "",
                at_end.get("behind") == 0,
            ),
            (
                "totals equal to GitHub's now, once votes stop",
                f"after {quiet_runs} quiet runs" if quiet_runs is not None else "not exact",
                f"≤ {lap} runs (one rotation)",
                quiet_runs is not None,
            ),
        ]
        print("| measure | result | goal | met |")
        print("|---|---|---|---|")
        for what, result, goal, met in goals:
            print(f"| {what} | {result} | {goal} | {'yes' if met else 'no'} |")
        print(
            f"invalid queries: {len(fake.invalid_queries)}; "
            f"wall {time.perf_counter() - started:.0f} s"
        )


def main(argv: list[str]) -> None:
    if argv[:1] in (["-h"], ["--help"], ["help"]):
        print(__doc__)
        return
    mode = argv[0] if argv and not argv[0].isdigit() else "sizes"
    rest = argv[1:] if argv and not argv[0].isdigit() else argv
    if mode == "hourly":
        hourly(rest)
    elif mode == "popular":
        popular()
    else:
        sizes = [int(a) for a in rest] or [100, 1_000, 10_000]
        print("| N ideas | what | requests | goal | wall time | + PyGithub's default throttle |")
        print("|---:|---|---:|---|---:|---:|")
        for count in sizes:
            for line in run(count):
                print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
