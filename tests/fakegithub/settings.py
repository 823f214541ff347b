"""The fake GitHub's repository settings: Pages, Actions' workflow permissions, one label.

What ``ideaboard doctor --setup`` reads.  The state lives on the fake as
``settings.of(fake)`` (created on first use), all set up by default::

    from tests.fakegithub import settings
    state = settings.of(fake)
    state.pages = None                 # Pages off: GET /pages answers 404
    state.pages = "legacy"             # Pages builds from a branch
    state.can_create_prs = False       # "Allow GitHub Actions to create ... pull requests" off
    state.workflow_readable = False    # the token may not read Actions settings: 403
    state.permissions = None           # GET /repos/{owner}/{repo} without "permissions"

Bodies are shaped after ``tests/data/github/openapi.json`` (``page``,
``actions-get-default-workflow-permissions``, ``label``, ``full-repository``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.fakegithub import rest

#: The routes this module answers (``server.py`` adds them to its own).
ROUTES = [
    ("GET", "/repos/{owner}/{repo}/pages"),
    ("GET", "/repos/{owner}/{repo}/actions/permissions/workflow"),
    ("GET", "/repos/{owner}/{repo}/labels/{name}"),
]
_TEMPLATES = {template for _method, template in ROUTES}


@dataclass
class RepoSettings:
    """How the repository is set up; the defaults are a board ready to go."""

    pages: str | None = "workflow"  # build_type: "workflow", "legacy"; None: Pages off
    default_permissions: str = "read"
    can_create_prs: bool = True
    workflow_readable: bool = True
    permissions: dict[str, bool] | None = field(
        default_factory=lambda: {
            "admin": True,
            "maintain": True,
            "push": True,
            "triage": True,
            "pull": True,
        }
    )


def of(fake: Any) -> RepoSettings:
    """The settings of ``fake``'s repository (made on first use)."""
    with fake.lock:
        if not hasattr(fake, "repo_settings"):
            fake.repo_settings = RepoSettings()
        return fake.repo_settings


def answer(fake: Any, method: str, template: str, params: dict[str, str]):
    """``(status, body, headers)`` for a route of this module; ``None`` for any other."""
    state = of(fake)
    repo = fake.repo
    base = f"{fake.api_url}/repos/{repo.full_name}"
    if method == "GET" and template == "/repos/{owner}/{repo}" and state.permissions:
        owner = repo.user(repo.owner, "Organization")
        body = rest.repository(fake.api_url, fake.web_url, repo, owner)
        return 200, {**body, "permissions": dict(state.permissions)}, {}
    if template not in _TEMPLATES:
        return None
    if template.endswith("/pages"):
        if state.pages is None:
            return 404, rest.error("Not Found", 404), {}
        return 200, _page(fake, base, state.pages), {}
    if template.endswith("/permissions/workflow"):
        if not state.workflow_readable:
            return 403, rest.error("Resource not accessible by integration", 403), {}
        body = {
            "default_workflow_permissions": state.default_permissions,
            "can_approve_pull_request_reviews": state.can_create_prs,
        }
        return 200, body, {}
    found = [lab for lab in repo.labels.values() if lab.name.lower() == params["name"].lower()]
    if not found:
        return 404, rest.error("Not Found", 404), {}
    return 200, rest.label(fake.api_url, repo, found[0]), {}


def _page(fake: Any, base: str, build_type: str) -> dict[str, Any]:
    owner, name = fake.repo.owner.lower(), fake.repo.name
    return {
        "url": f"{base}/pages",
        "status": "built",
        "cname": None,
        "custom_404": False,
        "html_url": f"https://{owner}.github.io/{name}/",
        "build_type": build_type,
        "source": {"branch": "gh-pages", "path": "/"},
        "public": True,
        "https_enforced": True,
    }
