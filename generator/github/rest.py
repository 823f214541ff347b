"""The REST side, through PyGithub's objects: issues and comments as they are now, and writes.

Feedback, intake and doctor use it.  Every write is idempotent or checks
first (a retried POST must not post twice), and every answer is plain data:
``RemoteIssue`` and ``RemoteComment``.
"""

from __future__ import annotations

from typing import Any

from github import GithubException
from github.Repository import Repository

from generator.errors import GitHubError
from generator.github.nodes import same_repo
from generator.github.transport import Transport
from generator.model import RemoteComment, RemoteIssue


class Rest:
    """Issues, comments and labels of the board's repository, read and written over REST."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        self.settings = transport.settings
        self._repo: Repository | None = None
        self._repo_checked = False

    def repo(self) -> Repository:
        """PyGithub's repository object (on the write client), fetched lazily once."""
        if self._repo is None:
            self._repo = self.transport.writer.get_repo(self.settings.repo)
        return self._repo

    def issue(self, number: int) -> RemoteIssue:
        """Issue ``number`` as GitHub has it now.

        Never None: a deleted, transferred or unknown issue (or a pull request)
        comes back with ``missing`` set, and ``moved_to`` for a transferred one.
        """
        requester = self.transport.writer.requester
        path = f"/repos/{self.settings.repo}/issues/{int(number)}"
        try:
            _headers, data = self.transport.call(lambda: requester.requestJsonAndCheck("GET", path))
        except GitHubError as exc:
            status = getattr(exc, "status", None)
            if status == 410:
                return RemoteIssue(number, missing="deleted")
            if status == 404:
                if not self._repo_checked:
                    self._check_repo()
                    self._repo_checked = True
                return RemoteIssue(number, missing="not_found")
            raise
        return _remote_issue(number, data, self.settings.repo)

    def _check_repo(self) -> None:
        """Raise the "check `repo`" error if the repository itself is not there."""
        requester = self.transport.writer.requester
        path = f"/repos/{self.settings.repo}"
        self.transport.call(lambda: requester.requestJsonAndCheck("GET", path))

    def comments(self, number: int) -> list[RemoteComment]:
        """Every comment on issue ``number``, oldest first."""

        def read() -> list[RemoteComment]:
            return [_remote_comment(c) for c in self.repo().get_issue(number).get_comments()]

        return self.transport.call(read)

    def labels(self) -> dict[str, str]:
        """The repository's labels: name -> colour."""
        return self.transport.call(
            lambda: {lab.name: lab.color for lab in self.repo().get_labels()}
        )

    def create_label(self, name: str, color: str, description: str = "") -> None:
        """Create a repository label (one that exists already is left alone)."""

        def create() -> None:
            try:
                self.repo().create_label(name, color.lstrip("#"), description)
            except GithubException as exc:
                errors = exc.data.get("errors", []) if isinstance(exc.data, dict) else []
                if exc.status != 422 or not any(
                    isinstance(e, dict) and e.get("code") == "already_exists" for e in errors
                ):
                    raise

        self.transport.call(create, idempotent_write=True)

    def add_labels(self, number: int, names: list[str]) -> None:
        """Add labels to an issue (adding one it has is a no-op on GitHub)."""
        if names:
            self.transport.call(
                lambda: self.repo().get_issue(number).add_to_labels(*names), idempotent_write=True
            )

    def remove_label(self, number: int, name: str) -> None:
        """Remove a label from an issue (one it does not have is fine)."""

        def remove() -> None:
            try:
                self.repo().get_issue(number).remove_from_labels(name)
            except GithubException as exc:
                if exc.status != 404:
                    raise

        self.transport.call(remove, idempotent_write=True)

    def comment(self, number: int, body: str) -> None:
        """Post a comment, once: after a failed attempt, look before posting again.

        (A POST that timed out, or whose answer was cut off, may have gone through.)
        """
        tried = False

        def post() -> None:
            nonlocal tried
            if tried and any(c.body == body for c in self.comments(number)):
                return
            tried = True
            self.repo().get_issue(number).create_comment(body)

        self.transport.call(post, idempotent_write=True)

    def set_state(self, number: int, state: str, reason: str | None = None) -> None:
        """Open or close an issue; ``reason``: completed, not_planned, duplicate or reopened."""
        if state not in ("open", "closed"):
            raise ValueError(f"Expected one of: ['open', 'closed'] but received: {state!r}")
        options: dict[str, Any] = {"state": state}
        if reason:
            options["state_reason"] = reason
        self.transport.call(
            lambda: self.repo().get_issue(number).edit(**options), idempotent_write=True
        )


def _remote_issue(number: int, data: dict[str, Any], repo: str) -> RemoteIssue:
    url = data.get("html_url", "")
    moved = not same_repo(url, repo)
    is_pull_request = "pull_request" in data  # REST lists pull requests as issues too
    return RemoteIssue(
        number=number,
        title=data.get("title") or "",
        url=url,
        state=data.get("state", "open"),
        state_reason=data.get("state_reason"),
        labels=tuple(lab["name"] if isinstance(lab, dict) else lab for lab in data["labels"]),
        locked=bool(data.get("locked")),
        is_pull_request=is_pull_request,
        missing="transferred" if moved else ("not_found" if is_pull_request else None),
        moved_to=url if moved else None,
    )


def _remote_comment(c: Any) -> RemoteComment:
    return RemoteComment(
        id=c.id,
        body=c.body or "",
        author=c.user.login if c.user else None,
        author_type=c.user.type if c.user else "User",
        created_at=c.created_at,
        author_association=c.author_association or "NONE",
    )
