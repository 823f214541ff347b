"""``doctor --setup``: is the GitHub side of the board set up, and how to fix what is not.

A board needs, besides its files: the idea label (issue forms can only apply
a label that exists), Pages building from GitHub Actions (``publish.yml``
deploys with ``actions/deploy-pages``), Actions allowed to open pull requests
(intake opens one per new idea), an issue form that applies the label, and a
token that can read issues and write comments that count as the board's.
``check`` returns one ``Check`` per question; without a repository (no token)
it checks the local files and says what it could not check.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.errors import IdeaboardError
from generator.github import repo_settings as gh
from generator.load import Document, parse_text

FORM = Path(".github/ISSUE_TEMPLATE/idea.yml")
#: The idea label's colour (GitHub's "enhancement" blue) and description, for ``--fix``.
LABEL_COLOR = "a2eeef"
LABEL_DESCRIPTION = "An idea for the idea board: vote for it with a 👍 reaction"

OK, FIXED, PROBLEM, UNCHECKED = "ok", "fixed", "problem", "not checked"


@dataclass(frozen=True)
class Check:
    """One answer: what was checked, how it stands, what was found, and the fix."""

    what: str
    status: str  # ok | fixed | problem | not checked
    detail: str
    fix: str = ""

    def line(self) -> str:
        """``status: what: detail; fix: ...``, one line."""
        return f"{self.status}: {self.what}: {self.detail}" + (
            f"; fix: {self.fix}" if self.fix else ""
        )


def check(settings: Settings, repo: Any | None, *, fix: bool = False) -> list[Check]:
    """Every setup check, in order; ``repo`` is ``GitHubClient.repo()`` (``None``: no token)."""
    if repo is None:
        why = f"needs a GitHub token in {settings.token_env} (then run 'ideaboard doctor --setup')"
        if not settings.repo:
            why = "needs the repository as 'owner/name' in plugins.ideaboard.repo, and a token"
        remote = [
            Check(what, UNCHECKED, why)
            for what in ("label", "pages", "pull requests", "token: issues", "token: comments")
        ]
        return [*remote[:3], issue_form(settings), *remote[3:]]
    try:
        web = gh.web_url(repo) or settings.issue_base_url.removesuffix("/issues")
    except gh.Unreadable as exc:
        raise IdeaboardError(
            f"plugins.ideaboard.repo: GitHub did not show {settings.repo!r} to the token in "
            f"{settings.token_env} ({exc.status}: {exc}); check the repo and the token."
        ) from None
    return [
        _label(settings, repo, web, fix),
        _pages(repo, web),
        _pull_requests(repo, web),
        issue_form(settings),
        *_token(settings, repo),
    ]


def issue_form(settings: Settings) -> Check:
    """Whether ``.github/ISSUE_TEMPLATE/idea.yml`` applies the board's label."""
    path = settings.root / FORM
    want = f"labels: [{settings.label}]"
    try:
        text = path.read_bytes()[: settings.max_file_size + 1].decode("utf-8", "replace")
    except OSError:
        return Check(
            "issue form", PROBLEM, f"{FORM} not found", f"add the issue form there, with {want}"
        )
    doc = Document(path, str(FORM))
    parse_text(doc, text)
    if doc.problems or not isinstance(doc.data, dict):
        first = doc.problems[0].format() if doc.problems else f"{FORM}: not a mapping"
        return Check("issue form", PROBLEM, first, "make it a valid issue form")
    labels = doc.data.get("labels") or []
    if isinstance(labels, str):
        labels = labels.split(",")
    names = [str(name).strip() for name in labels] if isinstance(labels, list) else []
    line = doc.keys.get("labels", (0, 0))[0]
    where = f"{FORM}:{line}" if line else str(FORM)
    if settings.label.casefold() in {name.casefold() for name in names}:
        return Check("issue form", OK, f"{where} applies the label {settings.label!r}")
    return Check(
        "issue form",
        PROBLEM,
        f"{where} applies {names!r}, not the board's label {settings.label!r}",
        f"set {want} in {FORM}",
    )


def _label(settings: Settings, repo: Any, web: str, fix: bool) -> Check:
    name = settings.label
    try:
        found = gh.label(repo, name)
        if found is not None:
            return Check("label", OK, f"the label {found.name!r} exists")
        if fix:
            gh.create_label(repo, name, LABEL_COLOR, LABEL_DESCRIPTION)
            return Check("label", FIXED, f"created the label {name!r} (colour {LABEL_COLOR})")
    except gh.Unreadable as exc:
        return _unreadable("label", exc, f"{web}/labels")
    return Check(
        "label",
        PROBLEM,
        f"the label {name!r} does not exist, so the issue form cannot apply it",
        f"run 'ideaboard doctor --setup --fix', or create it at {web}/labels",
    )


def _pages(repo: Any, web: str) -> Check:
    where = f"{web}/settings/pages: under Build and deployment, set Source to 'GitHub Actions'"
    try:
        found = gh.pages(repo)
    except gh.Unreadable as exc:
        return _unreadable("pages", exc, where)
    if found is None:
        return Check("pages", PROBLEM, "GitHub Pages is off", where)
    if found.build_type != "workflow":
        return Check(
            "pages",
            PROBLEM,
            f"GitHub Pages builds from a branch ({found.build_type}), not from GitHub Actions, "
            "so the publish workflow cannot deploy",
            where,
        )
    return Check("pages", OK, f"GitHub Pages builds from GitHub Actions ({found.html_url})")


def _pull_requests(repo: Any, web: str) -> Check:
    where = (
        f"{web}/settings/actions: under Workflow permissions, tick 'Allow GitHub Actions to "
        "create and approve pull requests' (in an organization, allow it there first)"
    )
    try:
        found = gh.workflow_permissions(repo)
    except gh.Unreadable as exc:
        return _unreadable("pull requests", exc, where)
    if found is None or not found.can_create_pull_requests:
        return Check(
            "pull requests",
            PROBLEM,
            "GitHub Actions may not create pull requests, and intake opens one for each new idea",
            where,
        )
    return Check("pull requests", OK, "GitHub Actions may create pull requests")


def _token(settings: Settings, repo: Any) -> list[Check]:
    reads = gh.issues_readable(repo)
    issues = (
        Check("token: issues", OK, "the token can read the issues")
        if reads
        else Check(
            "token: issues",
            PROBLEM,
            f"the token in {settings.token_env} cannot read the issues of {settings.repo}",
            "give it read access to issues (a workflow: permissions: issues: read)",
        )
    )
    try:
        access = gh.token_access(repo)
    except gh.Unreadable as exc:
        return [issues, _unreadable("token: comments", exc, "")]
    if access.push is None and access.triage is None:
        detail = (
            "GitHub does not say what this token may do (a workflow's GITHUB_TOKEN gets what its "
            "workflow asks for: feedback.yml and intake.yml ask for issues: write)"
        )
        return [issues, Check("token: comments", UNCHECKED, detail)]
    if access.push or access.triage:
        detail = "the token's account can triage or write, so its comments count as the board's"
        return [issues, Check("token: comments", OK, detail)]
    return [
        issues,
        Check(
            "token: comments",
            PROBLEM,
            "the token's account may only read: its comments would count as a passer-by's, "
            "so feedback would post them again on every run",
            "use the workflow's GITHUB_TOKEN (permissions: issues: write), or a token of a "
            "collaborator with Triage or Write access",
        ),
    ]


def _unreadable(what: str, exc: gh.Unreadable, where: str) -> Check:
    said = f" ({exc.status}: {exc})" if exc.status else f" ({exc})"
    detail = f"GitHub did not show this to the token{said}; reading it needs a repository admin"
    return Check(what, UNCHECKED, detail, f"check it by hand at {where}" if where else "")
