"""The tiers of an incremental sync too big to check every issue each run (see ``fetcher``)."""

from __future__ import annotations

import math

from generator.github import nodes, queries
from generator.github.state import Lister as Fetcher
from generator.github.state import OutOfBudget, Run, checked


def open_issues(fetcher: Fetcher, run: Run) -> None:
    """Tier 1: every open idea issue, from where a listing too long for one run stopped."""
    end = fetcher.list(run, "open", run.previous.cursors.get("open"), ["OPEN"], cheap=True)
    if end is not None:
        run.cursors["open"] = end


def hot_issues(fetcher: Fetcher, run: Run) -> None:
    """``hot`` issues the open listing did not cover, by number, the longest unchecked first."""
    wanted = [n for n in run.hot - run.seen if n in run.previous.issues]
    wanted.sort(key=lambda n: checked(run.previous, n))
    keep = rotation_minimum(fetcher, run)  # the rotation's share comes before these
    for start in range(0, len(wanted), queries.PAGE):
        batch = wanted[start : start + queries.PAGE]
        try:
            data = fetcher.query(
                queries.by_number_query(batch, cheap=True),
                {},
                queries.CHEAP_POINTS,
                fetcher.reserve(run) + keep,
                allow_missing=True,
            )
        except OutOfBudget:
            return  # the rest keep their last check time, and go first next run
        for number in batch:
            node = data["repository"].get(f"i{number}")
            if node is None or not nodes.same_repo(node.get("url", ""), fetcher.settings.repo):
                run.stale.add(number)  # gone or moved: the full fetch says which
            else:
                fetcher.counted(run, node)
        fetcher.report(run)


def rotation(fetcher: Fetcher, run: Run) -> None:
    """Closed issues, from where the last run stopped: at least a ``rotation_hours`` share.

    The points left after the other tiers go to the rotation too (up to one
    whole round), so the oldest check is usually much younger than the goal.
    A round that reaches the last closed issue goes on from the first.
    """
    pages = _closed_pages(run)
    spare = fetcher.budget.left - fetcher.reserve(run) - 2 if fetcher.budget.known else 0
    quota = min(pages, max(rotation_minimum(fetcher, run), spare))
    cursor = run.previous.cursors.get("closed")
    spent = fetcher.budget.spent
    end = fetcher.list(run, "closed", cursor, ["CLOSED"], cheap=True, pages=quota)
    left = quota - (fetcher.budget.spent - spent) // queries.CHEAP_POINTS
    if end is None and cursor is not None and left > 0:
        end = fetcher.list(run, "closed", None, ["CLOSED"], cheap=True, pages=left)
    if end is not None:
        run.cursors["closed"] = end


def rotation_minimum(fetcher: Fetcher, run: Run) -> int:
    """Pages of closed issues this run must check to go round them all in ``rotation_hours``."""
    since = run.previous.synced_at
    hours = (run.now - since).total_seconds() / 3600 if since else 1.0
    share = min(1.0, max(hours, 0.1) / fetcher.settings.sync.rotation_hours)
    return math.ceil(_closed_pages(run) * share) + 1


def _closed_pages(run: Run) -> int:
    closed = sum(1 for i in run.previous.issues.values() if i.state == "closed")
    return math.ceil(closed / queries.PAGE) + 1
