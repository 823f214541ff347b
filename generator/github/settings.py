"""The repository's settings a board depends on, read (and one written) through PyGithub.

``doctor --setup`` asks: does the idea label exist, does Pages build from
GitHub Actions, may Actions open pull requests, and what may the token do?
Each function takes PyGithub's ``Repository`` (``GitHubClient.repo()``) and
returns plain data; ``None`` means GitHub answered 404 (not there, or not
visible to this token), and ``Unreadable`` that it refused to say (403).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from github import GithubException, UnknownObjectException

T = TypeVar("T")


class Unreadable(Exception):
    """GitHub refused to show a setting to this token (``status`` 403), or could not be reached
    (``status`` 0)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class LabelInfo:
    """A repository label."""

    name: str
    color: str
    description: str | None


@dataclass(frozen=True)
class PagesInfo:
    """How GitHub Pages is set up: ``build_type`` is ``workflow`` or ``legacy`` (a branch)."""

    build_type: str | None
    html_url: str | None


@dataclass(frozen=True)
class WorkflowPermissions:
    """Settings > Actions > General > Workflow permissions."""

    default: str  # "read" or "write": what GITHUB_TOKEN gets without a permissions: block
    can_create_pull_requests: bool  # "Allow GitHub Actions to create and approve pull requests"


@dataclass(frozen=True)
class TokenAccess:
    """What GitHub says the token's account may do in the repository (``None``: not said)."""

    pull: bool | None
    triage: bool | None
    push: bool | None


def web_url(repo: Any) -> str | None:
    """The repository's page on the web (``https://github.com/owner/name``)."""
    return _call(lambda: repo.html_url)


def label(repo: Any, name: str) -> LabelInfo | None:
    """The label ``name`` (GitHub matches names case-insensitively), or ``None``."""
    # The client is lazy: the request goes out when a field is read, so read them inside.
    return _call(lambda: _label_info(repo.get_label(name)))


def create_label(repo: Any, name: str, color: str, description: str) -> LabelInfo:
    """Create the label ``name``."""
    made = _call(lambda: _label_info(repo.create_label(name, color.lstrip("#"), description)))
    if made is None:
        raise Unreadable(404, f"could not create the label {name!r}")
    return made


def _label_info(found: Any) -> LabelInfo:
    color = found.color  # first: it makes a lazy label load, and then its name is GitHub's
    return LabelInfo(found.name, color, found.description)


def pages(repo: Any) -> PagesInfo | None:
    """How Pages is set up, or ``None`` when Pages is off."""
    data = _get(repo, "pages")
    return None if data is None else PagesInfo(data.get("build_type"), data.get("html_url"))


def workflow_permissions(repo: Any) -> WorkflowPermissions | None:
    """The repository's workflow permissions (reading them needs admin rights)."""
    data = _get(repo, "actions/permissions/workflow")
    if data is None:
        return None
    return WorkflowPermissions(
        str(data.get("default_workflow_permissions")),
        bool(data.get("can_approve_pull_request_reviews")),
    )


def token_access(repo: Any) -> TokenAccess:
    """The ``permissions`` GitHub reports for the token's account on the repository."""
    found = _call(lambda: _access(repo.permissions))
    return found or TokenAccess(None, None, None)


def _access(found: Any) -> TokenAccess:
    if found is None:
        return TokenAccess(None, None, None)
    return TokenAccess(found.pull, found.triage, found.push)


def _get(repo: Any, path: str) -> dict[str, Any] | None:
    found = _call(lambda: repo.requester.requestJsonAndCheck("GET", f"{repo.url}/{path}"))
    return None if found is None else (found[1] if isinstance(found[1], dict) else {})


def _call(read: Callable[[], T]) -> T | None:
    """``read()``; ``None`` for a 404; ``Unreadable`` for any other refusal or a lost line."""
    try:
        return read()
    except UnknownObjectException:
        return None
    except GithubException as exc:
        message = exc.data.get("message", "") if isinstance(exc.data, dict) else ""
        raise Unreadable(exc.status, str(message)[:200]) from None
    except requests.exceptions.RequestException as exc:
        raise Unreadable(0, f"could not reach GitHub ({type(exc).__name__})") from None


def issues_readable(repo: Any) -> bool:
    """Whether the token can list the repository's issues (one page of one)."""
    try:
        found = _call(lambda: repo.get_issues(state="all").get_page(0))
    except Unreadable:
        return False
    return found is not None
