"""What an idea's issue looks like on GitHub now, reduced to what feedback compares."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.loop.actions import Client
from generator.loop.markers import Marker, board_markers
from generator.model import Idea


@dataclass(frozen=True)
class RemoteState:
    """One issue as GitHub has it now, reduced to what feedback compares."""

    number: int
    state: str = "open"
    state_reason: str | None = None
    labels: tuple[str, ...] = ()
    #: The markers in the comments the board wrote (``markers.board_markers``).
    markers: tuple[Marker, ...] = ()
    #: ``"deleted"``, ``"transferred"`` or ``"not_found"`` when the issue is not here.
    gone: str | None = None
    moved_to: str | None = None

    @property
    def keys(self) -> frozenset[str]:
        """The keys of its markers: the news the issue has been told."""
        return frozenset(m.key for m in self.markers)


def read_remote(client: Client, ideas: Iterable[Idea]) -> dict[int, RemoteState]:
    """Read the issue and comments of every idea that has an issue."""
    remote: dict[int, RemoteState] = {}
    for idea in ideas:
        if idea.issue is not None and idea.issue not in remote:
            remote[idea.issue] = remote_state(client, idea.issue)
    return remote


def remote_state(client: Client, number: int) -> RemoteState:
    """One issue's ``RemoteState``, read through the client."""
    issue = client.issue(number)
    if issue.missing:
        return RemoteState(number, gone=issue.missing, moved_to=issue.moved_to)
    return RemoteState(
        number=number,
        state=issue.state,
        state_reason=issue.state_reason,
        labels=issue.labels,
        markers=board_markers(client.comments(number)),
    )
