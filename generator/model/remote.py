"""An issue and its comments as GitHub has them now, for the feedback writer, intake and doctor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RemoteIssue:
    """An issue as GitHub has it now, for the feedback writer and ``doctor``.

    ``missing`` is None for an issue that exists here, else ``deleted``,
    ``transferred`` (``moved_to`` is its new URL) or ``not_found``.
    """

    number: int
    title: str = ""
    url: str = ""
    state: str = "open"
    state_reason: str | None = None
    labels: tuple[str, ...] = ()
    locked: bool = False
    is_pull_request: bool = False
    missing: str | None = None
    moved_to: str | None = None


@dataclass(frozen=True)
class RemoteComment:
    """One comment on an issue.

    ``author_type`` is the account's type (``User``, ``Bot``, ...) and
    ``author_association`` how the author is associated with the repository
    (``OWNER``, ``MEMBER``, ``COLLABORATOR``, ``CONTRIBUTOR``, ``NONE``, ...):
    feedback and intake trust a comment's hidden marker only from a bot or a
    maintainer.
    """

    id: int
    body: str
    author: str | None
    author_type: str = "User"
    created_at: dt.datetime | None = None
    author_association: str = "NONE"
