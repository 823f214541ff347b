"""REST bodies for the fake GitHub, shaped after ``@octokit/openapi`` (see openapi.json).

Each function returns the JSON object GitHub's REST API would: every property
the OpenAPI schema requires is present (``tests/test_fakegithub.py`` validates
them), the rest only where ideaboard or PyGithub reads it.
"""

from __future__ import annotations

from typing import Any

from tests.fakegithub.state import REACTION_ENUM, Comment, Issue, Label, Reaction, Repo, User, iso

DOCS = "https://docs.github.com/rest"


def user(api: str, web: str, account: User | None) -> dict[str, Any] | None:
    if account is None:
        return None
    base = f"{api}/users/{account.login}"
    return {
        "login": account.login,
        "id": account.id,
        "node_id": f"U_{account.id}",
        "avatar_url": f"https://avatars.githubusercontent.com/u/{account.id}?v=4",
        "gravatar_id": "",
        "url": base,
        "html_url": f"{web}/{account.login}",
        "followers_url": f"{base}/followers",
        "following_url": f"{base}/following{{/other_user}}",
        "gists_url": f"{base}/gists{{/gist_id}}",
        "starred_url": f"{base}/starred{{/owner}}{{/repo}}",
        "subscriptions_url": f"{base}/subscriptions",
        "organizations_url": f"{base}/orgs",
        "repos_url": f"{base}/repos",
        "events_url": f"{base}/events{{/privacy}}",
        "received_events_url": f"{base}/received_events",
        "type": account.type,
        "user_view_type": "public",
        "site_admin": False,
    }


def label(api: str, repo: Repo, item: Label) -> dict[str, Any]:
    return {
        "id": item.id,
        "node_id": f"LA_{item.id}",
        "url": f"{api}/repos/{repo.full_name}/labels/{item.name}",
        "name": item.name,
        "description": item.description,
        "color": item.color,
        "default": False,
    }


def issue(api: str, web: str, repo: Repo, item: Issue, full_name: str | None = None) -> dict:
    full_name = full_name or repo.full_name
    base = f"{api}/repos/{full_name}/issues/{item.number}"
    data: dict[str, Any] = {
        "id": 10_000_000 + item.number,
        "node_id": f"I_{item.number}",
        "url": base,
        "repository_url": f"{api}/repos/{full_name}",
        "labels_url": f"{base}/labels{{/name}}",
        "comments_url": f"{base}/comments",
        "events_url": f"{base}/events",
        "html_url": f"{web}/{full_name}/issues/{item.number}",
        "timeline_url": f"{base}/timeline",
        "number": item.number,
        "title": item.title,
        "body": item.body,
        "user": user(api, web, item.user),
        "labels": [label(api, repo, repo.label(name)) for name in item.labels],
        "state": item.state,
        "state_reason": item.state_reason,
        "locked": item.locked,
        "active_lock_reason": "resolved" if item.locked else None,
        "assignee": None,
        "assignees": [],
        "milestone": None,
        "comments": len(item.comments),
        "created_at": iso(item.created_at),
        "updated_at": iso(item.updated_at),
        "closed_at": iso(item.closed_at),
        "author_association": "NONE",
        "reactions": {
            "url": f"{base}/reactions",
            "total_count": len(item.reactions),
            **{content: item.count(content) for content in REACTION_ENUM},
        },
    }
    if item.pull_request:
        pulls = f"{api}/repos/{full_name}/pulls/{item.number}"
        data["pull_request"] = {
            "url": pulls,
            "html_url": f"{web}/{full_name}/pull/{item.number}",
            "diff_url": f"{web}/{full_name}/pull/{item.number}.diff",
            "patch_url": f"{web}/{full_name}/pull/{item.number}.patch",
            "merged_at": None,
        }
    return data


def comment(api: str, web: str, repo: Repo, number: int, item: Comment) -> dict[str, Any]:
    return {
        "id": item.id,
        "node_id": f"IC_{item.id}",
        "url": f"{api}/repos/{repo.full_name}/issues/comments/{item.id}",
        "html_url": f"{web}/{repo.full_name}/issues/{number}#issuecomment-{item.id}",
        "issue_url": f"{api}/repos/{repo.full_name}/issues/{number}",
        "body": item.body,
        "user": user(api, web, item.user),
        "created_at": iso(item.created_at),
        "updated_at": iso(item.updated_at),
        "author_association": item.association,
    }


def reaction(api: str, web: str, item: Reaction) -> dict[str, Any]:
    return {
        "id": item.id,
        "node_id": f"REA_{item.id}",
        "user": user(api, web, item.user),
        "content": item.content,
        "created_at": iso(item.created_at),
    }


def repository(api: str, web: str, repo: Repo, owner: User) -> dict[str, Any]:
    base = f"{api}/repos/{repo.full_name}"
    urls = {
        f"{name}_url": f"{base}/{path}"
        for name, path in {
            "archive": "{archive_format}{/ref}",
            "assignees": "assignees{/user}",
            "blobs": "git/blobs{/sha}",
            "branches": "branches{/branch}",
            "collaborators": "collaborators{/collaborator}",
            "comments": "comments{/number}",
            "commits": "commits{/sha}",
            "compare": "compare/{base}...{head}",
            "contents": "contents/{+path}",
            "contributors": "contributors",
            "deployments": "deployments",
            "downloads": "downloads",
            "events": "events",
            "forks": "forks",
            "git_commits": "git/commits{/sha}",
            "git_refs": "git/refs{/sha}",
            "git_tags": "git/tags{/sha}",
            "hooks": "hooks",
            "issue_comment": "issues/comments{/number}",
            "issue_events": "issues/events{/number}",
            "issues": "issues{/number}",
            "keys": "keys{/key_id}",
            "labels": "labels{/name}",
            "languages": "languages",
            "merges": "merges",
            "milestones": "milestones{/number}",
            "notifications": "notifications{?since,all,participating}",
            "pulls": "pulls{/number}",
            "releases": "releases{/id}",
            "stargazers": "stargazers",
            "statuses": "statuses/{sha}",
            "subscribers": "subscribers",
            "subscription": "subscription",
            "tags": "tags",
            "teams": "teams",
            "trees": "git/trees{/sha}",
        }.items()
    }
    open_issues = sum(1 for i in repo.issues.values() if i.state == "open" and i.visible)
    return {
        "id": repo.id,
        "node_id": f"R_{repo.id}",
        "name": repo.name,
        "full_name": repo.full_name,
        "owner": user(api, web, owner),
        "private": False,
        "html_url": f"{web}/{repo.full_name}",
        "description": "A fake repository",
        "fork": False,
        "url": base,
        **urls,
        "git_url": f"git://github.com/{repo.full_name}.git",
        "ssh_url": f"git@github.com:{repo.full_name}.git",
        "clone_url": f"{web}/{repo.full_name}.git",
        "svn_url": f"{web}/{repo.full_name}",
        "mirror_url": None,
        "homepage": None,
        "language": "Python",
        "forks": 0,
        "forks_count": 0,
        "stargazers_count": 0,
        "watchers": 0,
        "watchers_count": 0,
        "size": 1,
        "default_branch": "main",
        "open_issues": open_issues,
        "open_issues_count": open_issues,
        "has_issues": True,
        "has_projects": False,
        "has_wiki": False,
        "has_pages": False,
        "has_discussions": False,
        "archived": False,
        "disabled": False,
        "license": None,
        "pushed_at": "2026-01-01T00:00:00Z",
        "created_at": "2025-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "network_count": 0,
        "subscribers_count": 0,
    }


def rate_limit(core: tuple[int, int], graphql: tuple[int, int], reset: int) -> dict[str, Any]:
    """``GET /rate_limit``: ``core`` and ``graphql`` are (limit, remaining)."""

    def resource(limit: int, remaining: int) -> dict[str, int]:
        return {"limit": limit, "remaining": remaining, "reset": reset, "used": limit - remaining}

    return {
        "resources": {
            "core": resource(*core),
            "graphql": resource(*graphql),
            "search": {"limit": 30, "remaining": 30, "reset": reset, "used": 0},
        },
        "rate": resource(*core),
    }


def error(message: str, status: int) -> dict[str, Any]:
    return {"message": message, "documentation_url": DOCS, "status": str(status)}
