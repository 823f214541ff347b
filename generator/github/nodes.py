"""GitHub's GraphQL answers turned into snapshot types (pure functions, no I/O)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.model import Actor, Issue, Vote

REACTION_NAMES = {
    "THUMBS_UP": "+1",
    "THUMBS_DOWN": "-1",
    "LAUGH": "laugh",
    "HOORAY": "hooray",
    "CONFUSED": "confused",
    "HEART": "heart",
    "ROCKET": "rocket",
    "EYES": "eyes",
}


def time(value: str | None) -> dt.datetime | None:
    """An ISO 8601 time from GitHub, always timezone-aware (None stays None)."""
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def actor(node: dict[str, Any] | None) -> Actor | None:
    """A GraphQL ``Actor``; a bot gets REST's ``[bot]`` suffix, so there is one spelling."""
    if node is None:
        return None
    kind = node.get("__typename") or "User"
    login = node.get("login")
    if kind == "Bot" and login and not login.endswith("[bot]"):
        login += "[bot]"
    return Actor(login, kind)


def votes(connection: dict[str, Any]) -> list[Vote]:
    """The 👍 of one page of ``reactions`` (a reaction without a user is a deleted account)."""
    return [
        Vote(actor(v.get("user")) or Actor(None), time(v["createdAt"]))
        for v in connection["nodes"]
        if v
    ]


def next_cursor(connection: dict[str, Any]) -> str | None:
    """The cursor of the next page of a connection, or None at its end."""
    page = connection["pageInfo"]
    return page["endCursor"] if page["hasNextPage"] and connection["nodes"] else None


def counts(groups: list[dict[str, Any]] | None) -> dict[str, int]:
    """Reaction counts by REST name (``+1``, ``heart``, ...) from ``reactionGroups``."""
    found = dict.fromkeys(REACTION_NAMES.values(), 0)
    for group in groups or ():
        name = REACTION_NAMES.get(group.get("content", ""))
        if name:
            reactors = group.get("reactors") or group.get("users") or {}
            found[name] = int(reactors.get("totalCount", 0))
    return found


def issue(node: dict[str, Any], checked_at: dt.datetime | None) -> Issue:
    """An ``IdeaFull`` node as a snapshot ``Issue`` (its first page of 👍 only)."""
    comments = node["comments"]
    return Issue(
        number=int(node["number"]),
        title=node["title"],
        body=node.get("body") or "",
        url=node["url"],
        state=node["state"].lower(),
        state_reason=_state_reason(node),
        author=actor(node.get("author")),
        created_at=time(node["createdAt"]),
        updated_at=time(node["updatedAt"]),
        closed_at=time(node.get("closedAt")),
        labels=tuple(sorted(lab["name"] for lab in node["labels"]["nodes"] if lab)),
        locked=bool(node["locked"]),
        comments=int(comments["totalCount"]),
        comment_times=tuple(time(c["createdAt"]) for c in comments["nodes"] if c),
        reactions=counts(node["reactionGroups"]),
        voters=tuple(votes(node["reactions"])),
        checked_at=checked_at,
    )


def changed(previous: Issue | None, node: dict[str, Any]) -> bool:
    """Whether an ``IdeaCounts`` node shows a change since ``previous`` (None: new issue)."""
    if previous is None:
        return True
    if previous.updated_at != time(node["updatedAt"]):
        return True
    if previous.state != str(node.get("state", previous.state.upper())).lower():
        return True
    if previous.comments != int(node["comments"]["totalCount"]):
        return True
    found = counts(node["reactionGroups"])
    if any(previous.reactions.get(k, 0) != v for k, v in found.items()):
        return True
    # A voter list kept from a faulty sync, or cut short: fetch it again.
    return len(previous.voters) != previous.reactions.get("+1", 0)


def _state_reason(node: dict[str, Any]) -> str | None:
    """``completed``/``not_planned``/``duplicate`` for a closed issue; None for an open one."""
    reason = node.get("stateReason")
    return reason.lower() if reason and node["state"] == "CLOSED" else None


def repo_not_found(error: dict[str, Any]) -> bool:
    """Whether a GraphQL error says the repository itself does not exist."""
    path = error.get("path") or ["repository"]
    return error.get("type") == "NOT_FOUND" and path == ["repository"]


def same_repo(url: str, repo: str) -> bool:
    """Whether an issue's ``url`` is in ``repo`` (a transferred issue's is not)."""
    return f"/{repo.lower()}/issues/" in url.lower()
