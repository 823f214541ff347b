"""The tally and the insights on a big synthetic board (a script, not a test).

    python tests/benchmarks/bench_tally.py            # 10,000 ideas, best of 5
    python tests/benchmarks/bench_tally.py 1000 --repeat 3

The board is ``tests.test_tally.synthetic_board(N)``: N ideas, each with an issue
with 100 👍 voters (from 50,000 different logins) plus its author, and 10 comments.
It is built in memory, so reading the snapshot JSON is not included.  Also a chain
of 3,000 duplicates (each idea a duplicate of the next one), which a quadratic walk
would take minutes over.  Times are CPU time (``time.process_time``) and wall time,
best of ``--repeat``.  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.tally.insights import compute
from generator.tally.votes import tally
from tests.builders import (
    NO_AUTHOR,
    SETTINGS,
    ago,
    make_idea,
    make_issue,
    snap,
    synthetic_board,
    vote,
)
from tests.helpers import best


def duplicate_chain(n: int):
    ideas = [
        make_idea(f"i{k:05d}", k, status="duplicate", duplicate_of=f"i{k + 1:05d}")
        for k in range(n)
    ]
    ideas.append(make_idea(f"i{n:05d}", n))
    return ideas, snap(*(make_issue(k, vote(f"u{k}", ago(1))) for k in range(n + 1)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=10_000, help="ideas (10,000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per step; best is shown")
    args = parser.parse_args()

    ideas, snapshot = synthetic_board(args.size)
    board, wall, cpu = best(lambda: tally(ideas, snapshot, SETTINGS), args.repeat)
    votes = sum(e.votes for e in board.entries)
    _, insights_wall, insights_cpu = best(lambda: compute(board, SETTINGS), args.repeat)
    chain_ideas, chain_snapshot = duplicate_chain(3000)
    chain, chain_wall, chain_cpu = best(
        lambda: tally(chain_ideas, chain_snapshot, NO_AUTHOR), args.repeat
    )
    assert chain.entry("i03000").votes == 3001

    print(
        f"{args.size:,} ideas, {votes:,} votes; best of {args.repeat}; "
        f"Python {platform.python_version()}, {platform.machine()}\n"
    )
    print("| step | board | CPU | wall |")
    print("|---|---|---:|---:|")
    print(f"| `tally()` | {args.size:,} ideas, {votes:,} votes | {cpu:.2f} s | {wall:.2f} s |")
    print(
        f"| `insights.compute()` | the same board | {insights_cpu:.2f} s | {insights_wall:.2f} s |"
    )
    print(f"| `tally()` | a chain of 3,000 duplicates | {chain_cpu:.3f} s | {chain_wall:.3f} s |")


if __name__ == "__main__":
    main()
