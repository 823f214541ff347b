"""Reads into the snapshot: one sync's fetch, planned within its points budget.

A **full** sync lists every idea issue with full data (3 points per 100).
One that does not fit in the budget stops at a page boundary and keeps the
cursor (``Snapshot.cursors["full"]``); the next run goes on from there.
Until it is done the snapshot says it is partial and keeps every issue's
last good data.

An **incremental** sync checks the counts of issues (1 point per 100) and
fetches full data only for those that changed.  When the counts of every
issue fit in the budget, it checks all of them (and sees an issue that lost
the label).  When they do not, it checks by tier:

1. every open idea issue (open and active ideas; ``Snapshot.cursors["open"]``
   resumes a listing too long for one run);
2. ``hot`` issues that are not open (a recent vote or comment, or a category
   the board checks every run), by number, the longest unchecked first;
3. closed issues in rotation (``cursors["closed"]``), enough pages each run
   to go round all of them within ``sync.rotation_hours``.

Further 👍 pages go in batches: one aliased query per round for up to 100
issues, so popular issues cost the deepest one's page count, not the sum.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator.errors import GitHubError
from generator.github import nodes, queries, tiers
from generator.github.budget import Budget, planned
from generator.github.state import OutOfBudget, Progress, Run
from generator.github.transport import Transport
from generator.model import Issue, Missing, RemoteIssue, Snapshot, Vote


class Fetcher:
    """The sync's reads, over one transport, within one budget."""

    def __init__(
        self,
        transport: Transport,
        budget: Budget,
        progress: Progress | None,
        rest_issue: Callable[[int], RemoteIssue],
    ) -> None:
        self.transport = transport
        self.rest_issue = rest_issue
        self.settings = transport.settings
        self.budget = budget
        self.progress = progress

    def fetch(self, run: Run) -> Snapshot:
        """List, fetch by number, page votes, explain what is missing: one snapshot."""
        try:
            if run.full:
                self._full(run)
            else:
                self._incremental(run)
            self._by_number(run, sorted(run.stale | (run.numbers - run.seen)))
            self._votes(run)
        except OutOfBudget:
            run.complete = False
        missing = self._missing(run)
        self.report(run)
        return Snapshot(
            repo=self.settings.repo,
            synced_at=run.now,
            issues=run.issues,
            missing=missing,
            complete=run.complete and "full" not in run.cursors,
            rate_limit=self.transport.rate_limit,
            cursors=run.cursors,
        )

    # --- one query within the budget ----------------------------------------------

    def query(self, query: str, variables: dict[str, Any], cost: int, reserve: int = 0, **kw):
        """Run ``query`` if ``cost`` (and ``reserve`` after it) fits, else raise OutOfBudget."""
        if not self.budget.allows(cost, reserve):
            raise OutOfBudget
        before = self.transport.points
        data = self.transport.graphql(query, variables, **kw)
        spent = self.transport.points - before or cost
        rate = self.transport.rate_limit
        if not self.budget.known:
            self.budget.start(rate.limit if rate else None, rate.remaining if rate else None, spent)
        self.budget.spend(spent)
        return data

    def reserve(self, run: Run) -> int:
        """Points to keep for the full data and 👍 pages of what has changed so far.

        Further 👍 pages go in rounds of up to 100 issues, one point each, so
        they need as many rounds as the deepest issue has pages left.
        """
        pending = len(run.stale) + len(run.numbers - run.seen)
        full_data = queries.by_number_points(pending) if pending else 0
        depth = max((_pages_left(run.issues[n]) for n in run.more_votes), default=0)
        known = (run.previous.issues.get(n) for n in run.stale)
        depth = max(depth, max((_pages_left(i, 1) for i in known if i), default=0))
        return full_data + depth

    # --- listings -----------------------------------------------------------------

    def _full(self, run: Run) -> None:
        """List with full data, from the cursor a previous partial full sync left."""
        cursor = run.previous.cursors.get("full")
        if cursor:
            run.issues.update(run.previous.issues)  # seen by the earlier runs of this sync
            self._refetch_short(run)
        if cursor or self._spans_runs(run):
            self._every_run_first(run)
        end = self.list(run, "full", cursor, queries.ALL_STATES, cheap=False)
        if end is not None:
            run.cursors["full"] = end

    def _spans_runs(self, run: Run) -> bool:
        """Whether a full sync of the ideas known so far takes more than this run's points."""
        pages = math.ceil(len(run.previous.issues) / queries.PAGE)
        return queries.FULL_POINTS * pages > self.planned(run)

    def _every_run_first(self, run: Run) -> None:
        """While a full sync spans runs, the open and hot ideas known so far are still checked
        every run, first, if that leaves a quarter of the points for the full sync."""
        opened = {n for n, i in run.previous.issues.items() if i.state == "open"}
        cost = math.ceil(len(opened) / queries.PAGE) + math.ceil(
            len(run.hot - opened) / queries.PAGE
        )
        if cost <= self.planned(run) * 3 // 4:
            tiers.open_issues(self, run)
            tiers.hot_issues(self, run)

    def planned(self, run: Run) -> int:
        """This run's points before GitHub has answered: for the limit the token had last time."""
        if self.budget.known:
            return self.budget.points
        last = run.previous.rate_limit
        return planned(self.budget.setting, last.limit if last else None, None)

    def _incremental(self, run: Run) -> None:
        run.issues.update(run.previous.issues)  # what is not checked keeps its last data
        every = math.ceil(max(len(run.previous.issues), 1) / queries.PAGE)
        if every + 10 <= self.planned(run):
            self.list(run, "all", None, queries.ALL_STATES, cheap=True)
            for number in set(run.previous.issues) - run.seen:
                if run.complete:
                    del run.issues[number]  # no longer an idea issue (or gone)
            return
        self._refetch_short(run)
        tiers.open_issues(self, run)
        tiers.hot_issues(self, run)
        tiers.rotation(self, run)

    def _refetch_short(self, run: Run) -> None:
        """Voter lists a budget or a fault cut short: fetch them again, before anything else."""
        run.stale.update(n for n, i in run.previous.issues.items() if len(i.voters) < i.thumbs_up)

    def list(self, run, tier, cursor, states, *, cheap, pages=None) -> str | None:
        """Page through a listing; the cursor to go on from, or None when it reached the end."""
        query = queries.LIST_CHEAP if cheap else queries.LIST_FULL
        cost = queries.CHEAP_POINTS if cheap else queries.FULL_POINTS
        listed, whole = 0, cursor is None and pages is None
        variables = {"label": self.settings.label, "states": states}
        while pages is None or pages > 0:
            try:
                # The page itself may turn up 100 changed issues: keep their full data's points.
                reserve = self.reserve(run) + (queries.FULL_POINTS if cheap else 0)
                data = self.query(query, {**variables, "cursor": cursor}, cost, reserve)
            except OutOfBudget:
                if tier == "all":
                    raise
                return cursor
            connection = data["repository"]["issues"]
            if run.expected is None and cursor is None:
                run.expected = int(connection["totalCount"])
            for node in filter(None, connection["nodes"]):
                listed += 1
                if cheap:
                    self.counted(run, node)
                else:
                    self._fetched(run, node)
            self.report(run)
            end = nodes.next_cursor(connection)
            if end is None:
                if whole and listed < (run.expected or 0):
                    run.complete = False  # GitHub's listing is shorter than its own count
                return None
            if end == cursor:
                raise GitHubError("GitHub returned the same page of issues twice; try again later.")
            cursor = end
            pages = None if pages is None else pages - 1
        return cursor

    def counted(self, run: Run, node: dict[str, Any]) -> None:
        """A counts node: copy the unchanged issue as checked now, or mark it for full data."""
        number = int(node["number"])
        run.seen.add(number)
        previous = run.previous.issues.get(number)
        if nodes.changed(previous, node):
            run.stale.add(number)
        else:
            run.issues[number] = replace(previous, checked_at=run.now)

    def _fetched(self, run: Run, node: dict[str, Any]) -> None:
        issue = nodes.issue(node, run.now)
        run.seen.add(issue.number)
        run.stale.discard(issue.number)
        cursor = nodes.next_cursor(node["reactions"])
        if cursor:
            run.more_votes[issue.number] = cursor
        run.issues[issue.number] = issue

    # --- by number, and further 👍 ---------------------------------------------------

    def _by_number(self, run: Run, wanted: list[int]) -> None:
        """Full data for issues by number; the ones not found go to ``run.gone``."""
        wanted = [n for n in wanted if queries.queryable(n)]
        for start in range(0, len(wanted), queries.PAGE):
            batch = wanted[start : start + queries.PAGE]
            data = self.query(
                queries.by_number_query(batch),
                {},
                queries.by_number_points(len(batch)),
                math.ceil(len(run.more_votes) / 50),
                allow_missing=True,
            )
            for number in batch:
                node = data["repository"].get(f"i{number}")
                run.seen.add(number)
                if node is None or not nodes.same_repo(node.get("url", ""), self.settings.repo):
                    run.stale.discard(number)
                    run.gone.append(number)
                else:
                    self._fetched(run, node)
            self.report(run)

    def _votes(self, run: Run) -> None:
        """Every further page of 👍, up to ``VOTE_BATCH`` issues per query."""
        extra: dict[int, list[Vote]] = {n: list(run.issues[n].voters) for n in run.more_votes}
        try:
            while run.more_votes:
                batch = sorted(run.more_votes.items())[: queries.VOTE_BATCH]
                data = self.query(queries.votes_query(batch), {}, 1, allow_missing=True)
                for number, _cursor in batch:
                    found = data["repository"].get(f"i{number}")
                    cursor = None
                    if found is not None:
                        extra[number].extend(nodes.votes(found["reactions"]))
                        cursor = nodes.next_cursor(found["reactions"])
                    if cursor:
                        run.more_votes[number] = cursor
                    else:
                        del run.more_votes[number]
        finally:
            for number, voters in extra.items():
                # An issue whose 👍 are not all in keeps its last check time.
                kept = run.previous.issues.get(number)
                when = (kept.checked_at if kept else None) if number in run.more_votes else run.now
                run.issues[number] = replace(
                    run.issues[number], voters=tuple(voters), checked_at=when
                )

    def _missing(self, run: Run) -> dict[int, Missing]:
        """Why each issue that could not be fetched is gone (REST knows; GraphQL does not)."""
        from_rest = self.rest_issue
        missing = {}
        for number in run.gone:
            if number in run.previous.missing and not run.full:
                missing[number] = run.previous.missing[number]  # known gone: don't ask again
            elif number not in run.numbers:
                # Listed a moment ago, gone now: deleted meanwhile, or GitHub faltered.
                # Either way the caller keeps its last known data.
                run.complete = False
            else:
                found = from_rest(number)
                if found.missing is None:
                    run.complete = False  # GraphQL missed an issue REST has: keep the old data
                else:
                    missing[number] = Missing(number, found.missing, found.moved_to)
        return missing

    def report(self, run: Run) -> None:
        """Tell ``progress`` how far the run is."""
        if self.progress is None:
            return
        rate = self.transport.rate_limit
        total = (run.expected or 0) + len(run.numbers - run.seen) + len(run.stale)
        done = len(run.seen) - len(run.stale)
        left = rate.remaining if rate else None
        self.progress.update(done, max(total, done), self.transport.requests, left)


def _pages_left(issue: Issue, fetched_pages: int | None = None) -> int:
    """Further 👍 pages ``issue`` still needs: after its voters so far, or ``fetched_pages``."""
    have = len(issue.voters) if fetched_pages is None else fetched_pages * queries.PAGE
    return max(0, math.ceil((issue.thumbs_up - have) / queries.PAGE))
