"""The hidden markers the board leaves in its comments, and posting a comment once.

Every comment the board writes opens with a hidden HTML comment, as VS Code's
triage bot does::

    <!-- ideaboard:status slug=dark-mode status=planned date=2026-11-23 -->

so that a second run can tell what the issue has already been told, and posts
nothing twice.  ``marker`` writes one; ``read`` finds them again.  Feedback
(status changes, milestones, voter mentions) and intake (similar ideas) use
the same two functions.

Anyone can comment on a public issue, so a marker counts only in a comment the
board itself could have written (``by_the_board``): one by a bot (the
workflow's ``GITHUB_TOKEN`` posts as ``github-actions[bot]``) or by an
``OWNER``, ``MEMBER`` or ``COLLABORATOR`` of the repository (a maintainer's
own token).  And only at the very start of the comment, where the board puts
it, so that text quoted further down (a title, a note) cannot carry one in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from generator.model import RemoteComment

#: The ``author_association`` values of people who can write to the repository.
TRUSTED_ASSOCIATIONS = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})

_MARKER_RE = re.compile(r"<!--\s*ideaboard:([a-z-]+)((?:\s+[a-z_]+=[^\s>]*)*)\s*-->")


@dataclass(frozen=True)
class Marker:
    """One marker as read back: its kind, its values, and when its comment was posted."""

    kind: str
    values: tuple[tuple[str, str], ...] = ()
    at: dt.datetime | None = None

    def get(self, name: str) -> str | None:
        """The value of ``name`` (``None`` if the marker has none)."""
        return dict(self.values).get(name)

    @property
    def key(self) -> str:
        """What makes two markers the same news (see ``marker_key``)."""
        return marker_key(self.kind, dict(self.values))


def marker(kind: str, **values: object) -> str:
    """The hidden HTML comment that marks a comment as ideaboard's."""
    attrs = "".join(f" {k}={v}" for k, v in values.items())
    return f"<!-- ideaboard:{kind}{attrs} -->"


def marker_key(kind: str, values: dict[str, str]) -> str:
    """What makes two markers the same news.

    A status marker is keyed by status and date, not by slug, so renaming an
    idea's file does not announce its latest change a second time.  A mention
    marker by the change it tells voters about and the logins it mentions.
    """
    if kind == "status":
        return f"status {values.get('status')} {values.get('date')}"
    if kind == "milestone":
        return f"milestone {values.get('votes')}"
    if kind == "mention":
        return f"mention {values.get('status')} {values.get('date')} {values.get('to')}"
    return kind


def read(body: str, at: dt.datetime | None = None) -> list[Marker]:
    """The markers that open a comment body (not one further down, in quoted text)."""
    found = []
    text = (body or "").lstrip()
    while match := _MARKER_RE.match(text):
        kind, attrs = match.groups()
        values = tuple((k, v) for k, _, v in (pair.partition("=") for pair in attrs.split()))
        found.append(Marker(kind, values, at))
        text = text[match.end() :].lstrip()
    return found


def markers_in(bodies: Iterable[str]) -> frozenset[str]:
    """The keys of the markers that open some comment bodies, whoever wrote them."""
    return frozenset(m.key for body in bodies for m in read(body))


def by_the_board(comment: RemoteComment) -> bool:
    """Whether a comment's markers count: its author is a bot or a maintainer.

    A bot is an account of type ``Bot`` or a login ending in ``[bot]`` (GitHub
    logins cannot hold brackets); a maintainer's ``author_association`` is
    ``OWNER``, ``MEMBER`` or ``COLLABORATOR``.  Anyone else, and a deleted
    account, is a member of the public.
    """
    author = comment.author or ""
    association = (comment.author_association or "NONE").upper()
    return (
        comment.author_type == "Bot"
        or author.endswith("[bot]")
        or association in TRUSTED_ASSOCIATIONS
    )


def board_markers(comments: Iterable[RemoteComment]) -> tuple[Marker, ...]:
    """The markers of the comments the board (a bot or a maintainer) wrote, oldest first."""
    return tuple(m for c in comments if by_the_board(c) for m in read(c.body, c.created_at))


class Commenter(Protocol):
    """What posting once needs from ``github.GitHubClient``."""

    def comments(self, number: int) -> list[RemoteComment]: ...
    def comment(self, number: int, body: str) -> None: ...


def post_once(client: Commenter, number: int, body: str, key: str) -> bool:
    """Post ``body`` on issue ``number`` unless the board already left marker ``key`` there.

    ``True`` if it was posted.  A post that failed may still have gone through
    before the connection broke, so the comments are read once more then.
    """
    if _has(client, number, key):
        return False
    try:
        client.comment(number, body)
    except Exception:
        if not _has(client, number, key):
            raise
    return True


def _has(client: Commenter, number: int, key: str) -> bool:
    return any(m.key == key for m in board_markers(client.comments(number)))
