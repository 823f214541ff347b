"""Requests and wall time of a sync against the fake GitHub (a script, not a test).

    python tests/benchmarks/bench_sync.py                 # N = 100, 1,000, 10,000
    python tests/benchmarks/bench_sync.py 100 1000        # some sizes only

For each N it makes N idea issues with 0-20 👍 each (seeded), then measures:

- ideaboard's first full sync (GraphQL, 100 issues a query);
- an unchanged re-sync (the cheap count pass only);
- a re-sync after one new 👍 that left ``updatedAt`` alone;
- the plain PyGithub way: list the issues, then ``get_reactions()`` on each,
  with PyGithub's throttle off (its default 0.25 s between requests would add
  ``requests * 0.25`` s, shown in its own column).

Requests are counted by the fake server.  Wall time includes the fake's own
work (GraphQL execution in graphql-core), so it is an upper bound for the
client's share.  Prints a Markdown table.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from github import Auth, Github  # the baseline; generator code never does this

from generator.github import GitHubClient
from generator.model.snapshot import Snapshot
from tests.fakegithub import TOKEN, FakeGitHub, fake_settings


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
    with FakeGitHub(token=TOKEN) as fake, tempfile.TemporaryDirectory() as tmp:
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
        assert again.issues == first.issues
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


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 1_000, 10_000]
    print("| N ideas | what | requests | goal | wall time | + PyGithub's default throttle |")
    print("|---:|---|---:|---|---:|---:|")
    for count in sizes:
        for row in run(count):
            print(row, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
