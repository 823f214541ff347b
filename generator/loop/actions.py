"""The writes feedback plans, one small frozen type per kind, and carrying them out.

``Action`` is a closed union: every kind is a dataclass below with its own
``line()``, and ``apply`` is the one place that turns each kind into a call
on the GitHub client (a ``match`` over the union).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from generator.loop.markers import Commenter, post_once
from generator.loop.pace import Pace, Stopped
from generator.model import RemoteIssue


@dataclass(frozen=True)
class CreateLabel:
    """Create a repository label."""

    label: str
    color: str
    description: str

    def line(self) -> str:
        """One stable line for the plan and the log."""
        return f'create label "{self.label}" (colour {self.color})'


@dataclass(frozen=True)
class _OnIssue:
    """A write to one idea's issue; ``line()`` is ``#number slug: `` and what it does."""

    number: int
    slug: str

    def line(self) -> str:
        """One stable line for the plan and the log."""
        return f"#{self.number} {self.slug}: {self.doing()}"

    def doing(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class _Labelling(_OnIssue):
    label: str
    verb: ClassVar[str]

    def doing(self) -> str:
        return f'{self.verb} label "{self.label}"'


@dataclass(frozen=True)
class AddLabel(_Labelling):
    """Add a label to an idea's issue."""

    verb = "add"


@dataclass(frozen=True)
class RemoveLabel(_Labelling):
    """Remove a label from an idea's issue."""

    verb = "remove"


@dataclass(frozen=True)
class Reopen(_OnIssue):
    """Reopen an idea's issue."""

    def doing(self) -> str:
        return "reopen"


@dataclass(frozen=True)
class Close(_OnIssue):
    """Close an idea's issue: ``reason`` is completed, not_planned or duplicate."""

    reason: str

    def doing(self) -> str:
        return f"close as {self.reason.replace('_', ' ')}"


@dataclass(frozen=True)
class Comment(_OnIssue):
    """Post a comment once: ``key`` is its marker's key; ``what`` says what it is about.

    ``mentions`` is how many voters it mentions (0 for status and milestone news).
    """

    body: str
    key: str
    what: str
    mentions: int = 0

    def doing(self) -> str:
        return f"comment on {self.what}"


@dataclass(frozen=True)
class Skip(_OnIssue):
    """An idea whose issue cannot be written to, and why: reported, never carried out."""

    reason: str

    def doing(self) -> str:
        return f"skipped: {self.reason}"


Action = CreateLabel | AddLabel | RemoveLabel | Reopen | Close | Comment | Skip


def writes(action: Action) -> bool:
    """Whether carrying ``action`` out writes to GitHub (a skip is only reported)."""
    return not isinstance(action, Skip)


def number_of(action: Action) -> int | None:
    """The issue ``action`` writes to (``None`` for a repository label)."""
    return None if isinstance(action, CreateLabel) else action.number


class Client(Commenter, Protocol):
    """What feedback needs from ``github.GitHubClient``."""

    def issue(self, number: int) -> RemoteIssue: ...
    def labels(self) -> dict[str, str]: ...
    def create_label(self, name: str, color: str, description: str = "") -> None: ...
    def add_labels(self, number: int, names: list[str]) -> None: ...
    def remove_label(self, number: int, name: str) -> None: ...
    def set_state(self, number: int, state: str, reason: str | None = None) -> None: ...


@dataclass
class Outcome:
    """What ``apply`` did: the actions carried out, those already done, and why it stopped."""

    done: list[Action] = field(default_factory=list)
    already: list[Action] = field(default_factory=list)
    stopped: str | None = None


def apply(
    actions: Iterable[Action],
    client: Client,
    pace: Pace,
    echo: Callable[[str], None] = lambda _: None,
) -> Outcome:
    """Carry out the plan, in order, each write paced to GitHub's limits.

    A write that timed out may still have gone through; so a comment is looked
    for right before it is posted, and again after a failed post
    (``post_once``).  Labels and states are idempotent on GitHub's side (adding
    a label twice, closing a closed issue), so they need no such check.  When
    the pace says the hour's budget is spent, ``apply`` stops: the markers let
    the next run pick up where this one stopped.
    """
    outcome = Outcome()
    for action in actions:
        if not writes(action):
            continue
        try:
            pace.wait()
        except Stopped as stop:
            outcome.stopped = str(stop)
            break
        if _carry_out(action, client):
            pace.spend()
            outcome.done.append(action)
            echo(action.line())
        else:
            outcome.already.append(action)
            echo(f"{action.line()} (already there)")
    return outcome


def _carry_out(action: Action, client: Client) -> bool:
    """The one dispatch over the kinds; ``False`` if the comment was already there."""
    match action:
        case Comment(number=number, body=body, key=key):
            return post_once(client, number, body, key)
        case CreateLabel(label=label, color=color, description=description):
            client.create_label(label, color, description)
        case AddLabel(number=number, label=label):
            client.add_labels(number, [label])
        case RemoveLabel(number=number, label=label):
            client.remove_label(number, label)
        case Reopen(number=number):
            client.set_state(number, "open", "reopened")
        case Close(number=number, reason=reason):
            client.set_state(number, "closed", reason)
        case Skip():
            return False
    return True
