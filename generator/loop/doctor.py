"""Find drift between the idea files and their GitHub issues.

Projects that keep metadata files beside their issues drift: an issue gets
closed by hand, a label is removed, an issue is deleted or transferred, a new
proposal waits for weeks with no file.  ``check`` is a pure function of the
ideas, a snapshot of the issues and the settings, and returns one ``Drift``
per thing that is wrong, each with a fix.  "Now" is the snapshot's
``synced_at``, not the clock, so the same snapshot always gives the same report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.config import Settings
from generator.errors import IdeaboardError
from generator.github import GitHubClient
from generator.model import Idea, Snapshot
from generator.model import statuses as st
from generator.sync import load_or_empty

FEEDBACK_FIX = "run 'ideaboard feedback --apply', or change the status in the file."


@dataclass(frozen=True, order=True)
class Drift:
    """One thing that does not match: where (a file and line, or an issue), what, and a fix."""

    where: str  # "ideas/dark-mode.yaml:4" or "#45"
    kind: str  # state | labels | deleted | transferred | not-found | unsynced | untriaged
    message: str
    fix: str

    def line(self) -> str:
        """``where: kind: message; fix: ...``, one line."""
        return f"{self.where}: {self.kind}: {self.message}; fix: {self.fix}"


def examine(
    ideas: Sequence[Idea], settings: Settings, client: GitHubClient | None, *, live: bool
) -> list[Drift]:
    """The drift report: from the last snapshot, or from GitHub now (``live``).

    ``client`` is ``None`` without a token.  With no snapshot yet, GitHub is
    read now if it can be; if it cannot, the error says what doctor needs.
    """
    snapshot = load_or_empty(settings.snapshot, settings.repo)
    if snapshot.synced_at is None and not live:
        if client is None:
            raise IdeaboardError(no_data_message(settings))
        live = True  # nothing to read offline, but GitHub can be read now
    if live:
        if client is None:
            raise IdeaboardError(
                f"--live reads GitHub now: expected a GitHub token in {settings.token_env}."
            )
        numbers = {idea.issue for idea in ideas if idea.issue is not None}
        snapshot = client.fetch(snapshot, numbers)
    return check(ideas, snapshot, settings)


def no_data_message(settings: Settings) -> str:
    """What doctor needs when it has neither a snapshot nor a token (no circle through sync)."""
    try:
        snapshot = settings.snapshot.relative_to(settings.root).as_posix()
    except ValueError:
        snapshot = str(settings.snapshot)
    env = settings.token_env
    return (
        f"{snapshot}: no snapshot yet, and no GitHub token in {env}: doctor compares the "
        f"ideas with their issues, so it needs one of them. Set {env} to a token that can "
        "read the issues (doctor then reads GitHub now, as --live does), or run doctor where "
        "a sync has written the snapshot: in a workflow job, after 'ideaboard sync' "
        f"(publish.yml keeps {snapshot} in its Actions cache)."
    )


def check(ideas: Sequence[Idea], snapshot: Snapshot, settings: Settings) -> list[Drift]:
    """Every drift between ``ideas`` and the issues in ``snapshot``, files first."""
    drifts: list[Drift] = []
    named: set[int] = set()
    for idea in sorted(ideas, key=lambda i: i.slug):
        if idea.issue is None:
            continue
        named.add(idea.issue)
        drifts.extend(_check_idea(idea, idea.issue, snapshot, settings))
    drifts.extend(_untriaged(snapshot, settings, named))
    return drifts


def _check_idea(idea: Idea, number: int, snapshot: Snapshot, settings: Settings) -> list[Drift]:
    where = f"{idea.path}:{idea.lines.get('issue', 0)}"
    missing = snapshot.missing.get(number)
    if missing is not None:
        unlink = f"set 'issue:' to the idea's issue now, or remove it (issue: {number})"
        if missing.reason == "transferred":
            to = f" to {missing.moved_to}" if missing.moved_to else " to another repository"
            return [Drift(where, "transferred", f"issue #{number} was moved{to}", unlink)]
        if missing.reason == "deleted":
            return [Drift(where, "deleted", f"issue #{number} was deleted", unlink)]
        return [Drift(where, "not-found", f"issue #{number} does not exist", unlink)]
    issue = snapshot.issues.get(number)
    if issue is None:
        return [
            Drift(
                where,
                "unsynced",
                f"issue #{number} is not in the snapshot",
                "run 'ideaboard sync', or 'ideaboard doctor --live'.",
            )
        ]
    if idea.status not in settings.statuses:
        return []  # validate reports it
    drifts = []
    at = f"{idea.path}:{idea.lines.get('status', 0)}"
    category = settings.category(idea.status)
    want_state, want_reason = st.ISSUE_STATE[category]
    if issue.state != want_state or (want_state == "closed" and issue.state_reason != want_reason):
        drifts.append(
            Drift(
                at,
                "state",
                f"status {idea.status!r} wants issue #{number} {_state(want_state, want_reason)}, "
                f"but it is {_state(issue.state, issue.state_reason)}",
                FEEDBACK_FIX,
            )
        )
    want = settings.status_label(idea.status)
    status_labels = {settings.status_label(s).casefold() for s in settings.statuses}
    have = sorted(name for name in issue.labels if name.casefold() in status_labels)
    if [name.casefold() for name in have] != [want.casefold()]:
        found = ", ".join(f'"{name}"' for name in have) or "no status label"
        drifts.append(
            Drift(
                at,
                "labels",
                f'status {idea.status!r} wants issue #{number} labelled "{want}", '
                f"but it has {found}",
                FEEDBACK_FIX,
            )
        )
    return drifts


def _untriaged(snapshot: Snapshot, settings: Settings, named: set[int]) -> list[Drift]:
    now = snapshot.synced_at
    if now is None:
        return []
    label = settings.label.casefold()
    drifts = []
    for number in sorted(snapshot.issues):
        issue = snapshot.issues[number]
        if number in named or issue.state != "open":
            continue
        if label not in {name.casefold() for name in issue.labels}:
            continue
        age = (now - issue.created_at) // dt.timedelta(days=1)
        if age > settings.stale_days:
            title = " ".join("".join(ch for ch in issue.title if ch.isprintable()).split())
            drifts.append(
                Drift(
                    f"#{number}",
                    "untriaged",
                    f"idea issue {title!r} has had no file in ideas/ for {age} days "
                    f"(stale_days: {settings.stale_days})",
                    f"run 'ideaboard intake' and merge the new file, or close issue #{number}.",
                )
            )
    return drifts


def _state(state: str, reason: str | None) -> str:
    if state != "closed":
        return "open"
    return f"closed as {(reason or 'completed (no reason given)').replace('_', ' ')}"
