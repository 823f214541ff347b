"""The sync at scale: 48 simulated hourly runs against the fake GitHub (a script, not a test).

    python tests/benchmarks/bench_sync_scale.py                  # 150,000 issues, 1,000 points
    python tests/benchmarks/bench_sync_scale.py 20000 --limit 5000 --runs 24

The fake charges GraphQL points by GitHub's formula (tests/fakegithub/cost.py)
and its rate limit is reset before each simulated hour.  The board: ``N`` idea
issues, 15 % open (the open and active ideas), the rest closed; a few dozen
popular ones with 150 to 2,500 👍.  Before each run, new 👍 arrive at random
(``--votes`` an hour, half on open and half on closed issues).  Each run is
one incremental sync (the first ones continue the first full sync until it
is done), merged as ``ideaboard sync`` merges it.

Reported per run: points spent and the budget, and after the first full sync
the worst staleness (now - the time an issue was last checked, which is what
the page's "votes as of" shows) of an open idea and of any idea; at the end,
whether every vote total in the snapshot equals GitHub's, and after how many
extra quiet runs it does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.github import GitHubClient
from generator.model.snapshot import Snapshot
from generator.sync.run import merge
from generator.sync.tiers import hot_numbers
from tests.fakegithub import TOKEN, FakeGitHub, fake_settings
from tests.fakegithub.state import EPOCH, Reaction

START = EPOCH + dt.timedelta(days=400)


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
            fake.react(number, f"fan{i}", at=START - dt.timedelta(days=60, minutes=i))
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
    return {
        n: sum(1 for r in i.reactions if r.content == "+1") for n, i in fake.repo.issues.items()
    }


def staleness(snap: Snapshot, now: dt.datetime, open_only: bool) -> float:
    ages = [
        (now - (issue.checked_at or snap.synced_at)).total_seconds() / 3600
        for issue in snap.issues.values()
        if not open_only or issue.state == "open"
    ]
    return max(ages, default=0.0)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int, nargs="?", default=150_000)
    parser.add_argument("--limit", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=48)
    parser.add_argument("--votes", type=int, default=400)
    args = parser.parse_args(argv)
    rng = random.Random(1)
    started = time.perf_counter()
    with FakeGitHub(token=TOKEN, fast=True) as fake, tempfile.TemporaryDirectory() as tmp:
        fake.graphql_limit = args.limit
        board(fake, args.count, rng)
        settings = fake_settings(fake, tmp)
        print(f"board of {args.count:,} issues made in {time.perf_counter() - started:.0f} s")
        print("| run | points | budget | requests | worst open (h) | worst any (h) | wall |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        snap, serial, now = Snapshot.empty(settings.repo), [0], START
        synced, over, worst_open, worst_any = None, 0, 0.0, 0.0
        for hour in range(1, args.runs + 1 + 48):
            quiet = hour > args.runs
            now = START + dt.timedelta(hours=hour)
            if not quiet:
                new_votes(fake, rng, now, args.votes, serial)
            fake.reset_rate()
            before, tick = fake.points_spent, time.perf_counter()
            client = GitHubClient(settings, TOKEN, sleep=lambda s: None, clock=lambda: now)
            fetched = client.fetch(snap, hot=hot_numbers(settings, (), snap, now))
            snap = merge(snap, fetched)
            points, budget = fake.points_spent - before, client.budget.points
            over += points > budget
            done = "full" not in snap.cursors
            synced = synced or (hour if done else None)
            stale_open = staleness(snap, now, True) if done else float("nan")
            stale_any = staleness(snap, now, False) if done else float("nan")
            if done and not quiet:
                worst_open, worst_any = max(worst_open, stale_open), max(worst_any, stale_any)
            exact = {n: len(i.voters) for n, i in snap.issues.items()} == truth(fake)
            if not quiet or exact:
                print(
                    f"| {hour}{' (quiet)' if quiet else ''} | {points} | {budget} | "
                    f"{client.requests} | {stale_open:.1f} | {stale_any:.1f} | "
                    f"{time.perf_counter() - tick:.1f} s |",
                    flush=True,
                )
            if hour == args.runs:
                print(f"exact after run {hour}: {exact}")
            if quiet and exact:
                print(f"exact after {hour - args.runs} quiet runs")
                break
        print(f"first full sync done at run {synced}; runs over budget: {over}")
        print(f"worst staleness after it: open {worst_open:.1f} h, any {worst_any:.1f} h")
        print(
            f"invalid queries: {len(fake.invalid_queries)}; wall {time.perf_counter() - started:.0f} s"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
