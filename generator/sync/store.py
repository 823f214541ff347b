"""The vote snapshot: what the last good sync saw on GitHub, as plain data.

The snapshot is one JSON file (format below).  It is the only thing the build
needs from GitHub, so the board builds offline from the last good one.

Format, version 2 (version 1 files, without ``cursors`` and ``checked_at``, read as well)::

    {
      "format": "ideaboard-snapshot",
      "version": 2,
      "repo": "owner/name",
      "synced_at": "2026-11-20T12:00:00Z",          # an input to the build, never now()
      "complete": true,                             # false: a partial sync merged in
      "cursors": {"full": "Y3Vy..."},               # where listings go on: "full" (a full
                                                    # sync not done yet), "open", "closed"
      "rate_limit": {"limit": 5000, "remaining": 4811, "reset_at": "2026-11-20T13:00:00Z"},
      "issues": [                                   # sorted by number
        {"number": 12, "title": "...", "body": "...", "url": "https://github.com/o/n/issues/12",
         "state": "open", "state_reason": null,   # closed: completed|not_planned|duplicate
         "author": {"login": "alice", "type": "User"},   # null for a deleted account
         "created_at": "...", "updated_at": "...", "closed_at": null,
         "labels": ["idea"], "locked": false, "comments": 4,
         "comment_times": ["..."],                  # creation times of the latest comments (<= 100)
         "reactions": {"+1": 3, "-1": 0, "laugh": 0, "hooray": 0,
                       "confused": 0, "heart": 1, "rocket": 0, "eyes": 0},
         "voters": [["bob", "..."], ["ci[bot]", "...", "Bot"]],  # every 👍: login, time, type
         "checked_at": "..."}                       # only when older than synced_at
      ],
      "missing": [{"number": 7, "reason": "deleted", "moved_to": null}]   # named by YAML, not found
    }

Times are UTC, ISO 8601 with a ``Z``.  A voter is ``[login, time]``, with the
account type as a third item when it is not ``User``; the login is null when
GitHub returned a reaction without a user (a deleted account).  Voters are
sorted by (time, login).

The file is written one issue per line, so a diff shows which issues changed,
and voters are arrays rather than objects: a board of 10,000 ideas carries a
million votes, and this keeps the file and the memory needed to read it small.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from generator.errors import SnapshotError
from generator.files import write_atomic
from generator.model.compact import pack, to_micros
from generator.model.snapshot import (
    REACTIONS,
    Actor,
    Issue,
    Missing,
    RateLimit,
    Snapshot,
    Vote,  # noqa: F401 - the store's callers name votes through it
    Votes,
    vote_order,
)

FORMAT = "ideaboard-snapshot"
VERSION = 2
READABLE = (1, 2)


# --- JSON ------------------------------------------------------------------


def to_json(snapshot: Snapshot) -> str:
    """The snapshot as deterministic JSON text (sorted keys, issues by number)."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "repo": snapshot.repo,
        "synced_at": _time_out(snapshot.synced_at),
        "complete": snapshot.complete,
        "cursors": dict(snapshot.cursors),
        "rate_limit": None
        if snapshot.rate_limit is None
        else {
            "limit": snapshot.rate_limit.limit,
            "remaining": snapshot.rate_limit.remaining,
            "reset_at": _time_out(snapshot.rate_limit.reset_at),
        },
        "missing": [
            {"number": m.number, "reason": m.reason, "moved_to": m.moved_to}
            for _, m in sorted(snapshot.missing.items())
        ],
    }
    head = _dumps(data)
    issues = ",\n".join(
        _dumps(_issue_out(snapshot.issues[n], snapshot.synced_at)) for n in sorted(snapshot.issues)
    )
    text = f'{head[:-1]},\n"issues":[\n{issues}\n]}}\n'
    # GitHub's JSON can carry a lone surrogate ("\\ud800"), which UTF-8 cannot hold: pair the
    # pairs and turn each lone one into U+FFFD, so one odd title can never stop a sync.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def from_json(text: str, source: str = "snapshot") -> Snapshot:
    """Parse snapshot JSON; a clear ``SnapshotError`` for anything unexpected."""
    # A file as ``to_json`` writes it is read an issue at a time, so the parsed JSON of
    # every issue is never in memory at once; anything else is parsed whole.
    snapshot = _from_lines(_lines(text), source)
    if snapshot is not None:
        return snapshot
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SnapshotError(
            f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}. "
            "Delete the file and run 'ideaboard sync --full' to fetch it again."
        ) from None
    _check_head(data, source)
    return _snapshot(data, data.get("issues"), source)


def _check_head(data: object, source: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SnapshotError(
            f"{source}: not an ideaboard snapshot: expected a JSON object with "
            f'"format": "{FORMAT}". Run \'ideaboard sync --full\' to write one.'
        )
    version = data.get("version")
    if version not in READABLE:
        raise SnapshotError(
            f"{source}: snapshot format version {version!r} is not supported: expected "
            f"version {' or '.join(map(str, READABLE))}. "
            "Run 'ideaboard sync --full' to rewrite it in the current format."
        )


def _snapshot(data: dict[str, Any], records: Any, source: str) -> Snapshot:
    """The snapshot of a checked head and its issue records (a list, or an iterator)."""
    try:
        if records is None:
            raise KeyError("issues")
        rate = data.get("rate_limit")
        synced_at = _time_in(data.get("synced_at"))
        return Snapshot(
            repo=data["repo"],
            synced_at=synced_at,
            complete=bool(data.get("complete", True)),
            cursors={str(k): str(v) for k, v in (data.get("cursors") or {}).items()},
            rate_limit=None
            if rate is None
            else RateLimit(rate["limit"], rate["remaining"], _time_in(rate.get("reset_at"))),
            issues=_issues_in(records, synced_at),
            missing={
                m["number"]: Missing(m["number"], m["reason"], m.get("moved_to"))
                for m in data.get("missing", [])
            },
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SnapshotError(
            f"{source}: snapshot is damaged ({type(exc).__name__}: {exc}). "
            "Run 'ideaboard sync --full' to fetch it again."
        ) from None


class _NotLines(Exception):
    """The text is not in ``to_json``'s layout of one issue a line."""


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, one at a time (no list of them all)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _from_lines(lines: Iterable[str], source: str) -> Snapshot | None:
    """The snapshot in ``to_json``'s layout, parsed an issue at a time; ``None`` when the
    text is laid out otherwise (it is then parsed whole, with the usual messages)."""
    lines = iter(lines)
    try:
        head = json.loads(next(lines).rstrip("\n").removesuffix(",") + "}")
        if next(lines).rstrip("\n") != '"issues":[':
            return None
    except (StopIteration, ValueError):
        return None
    if not isinstance(head, dict) or "issues" in head:
        return None
    _check_head(head, source)
    ended = []

    def records() -> Iterator[Any]:
        for raw in lines:
            line = raw.rstrip("\n")
            if line == "]}":
                ended.append(True)
                break
            if line:
                try:
                    yield json.loads(line.removesuffix(","))
                except ValueError:
                    raise _NotLines from None
        if any(line.strip() for line in lines):
            raise _NotLines

    try:
        snapshot = _snapshot(head, records(), source)
    except _NotLines:
        return None
    return snapshot if ended else None


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _issue_out(issue: Issue, synced_at: dt.datetime | None) -> dict[str, Any]:
    checked = {} if issue.checked_at in (None, synced_at) else {"checked_at": issue.checked_at}
    return {
        **{key: _time_out(value) for key, value in checked.items()},
        "number": issue.number,
        "title": issue.title,
        "body": issue.body,
        "url": issue.url,
        "state": issue.state,
        "state_reason": issue.state_reason,
        "author": None
        if issue.author is None
        else {"login": issue.author.login, "type": issue.author.type},
        "created_at": _time_out(issue.created_at),
        "updated_at": _time_out(issue.updated_at),
        "closed_at": _time_out(issue.closed_at),
        "labels": list(issue.labels),
        "locked": issue.locked,
        "comments": issue.comments,
        "comment_times": [_time_out(t) for t in issue.comment_times],
        "reactions": {key: issue.reactions.get(key, 0) for key in REACTIONS},
        "voters": [
            [v.voter.login, _time_out(v.at)]
            if v.voter.type == "User"
            else [v.voter.login, _time_out(v.at), v.voter.type]
            for v in sorted(issue.voters, key=vote_order)
        ],
    }


def _issues_in(records: Any, synced_at: dt.datetime | None) -> dict[int, Issue]:
    # Each record is dropped as soon as it is converted, and one Actor is shared by all
    # the votes of an account, which are kept compact (``Votes``: 12 bytes a vote).
    actors = _Actors()
    issues = {}
    for record in _each(records):
        issue = _issue_in(record, actors, synced_at)
        issues[issue.number] = issue
    return issues


def _each(records: Any) -> Iterator[Any]:
    """The records in order; a list is emptied as it goes, so each one can be freed."""
    if isinstance(records, list):
        records.reverse()
        while records:
            yield records.pop()
    else:
        yield from records


class _Actors:
    """The accounts of one snapshot: one ``Actor`` each, and their numbers for ``Votes``."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str | None, str], Actor] = {}
        self.numbers: dict[Actor, int] = {}
        self.table: list[Actor] = []

    def actor(self, login: str | None, kind: str = "User") -> Actor:
        key = (login, kind)
        found = self.by_key.get(key)
        if found is None:
            found = self.by_key[key] = Actor(login, kind)
        return found

    def votes(self, records: list[list[Any]]) -> Votes:
        """``[login, time]`` or ``[login, time, type]`` records as compact ``Votes``."""
        actor = self.actor
        pairs = (
            (to_micros(dt.datetime.fromisoformat(v[1])), actor(v[0], *v[2:3])) for v in records
        )
        ids, times = pack(pairs, self.numbers, self.table)
        return Votes(self.table, ids, times)


def _issue_in(
    data: Mapping[str, Any],
    actors: _Actors,
    synced_at: dt.datetime | None,
) -> Issue:
    actor = actors.actor
    author = data.get("author")
    return Issue(
        number=data["number"],
        title=data["title"],
        body=data.get("body") or "",
        url=data["url"],
        state=data["state"],
        state_reason=data.get("state_reason"),
        author=None if author is None else actor(author.get("login"), author.get("type", "User")),
        created_at=_time_in(data["created_at"]),
        updated_at=_time_in(data["updated_at"]),
        closed_at=_time_in(data.get("closed_at")),
        labels=tuple(data.get("labels", ())),
        locked=bool(data.get("locked", False)),
        comments=int(data.get("comments", 0)),
        comment_times=tuple(_time_in(t) for t in data.get("comment_times", ())),
        reactions={key: int(data.get("reactions", {}).get(key, 0)) for key in REACTIONS},
        voters=actors.votes(data.get("voters", ())),
        checked_at=_time_in(data.get("checked_at")) or synced_at,
    )


def _time_out(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _time_in(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


# --- the store ---------------------------------------------------------------


def load(path: Path) -> Snapshot:
    """Read the snapshot at ``path``; ``SnapshotError`` if it is missing or unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SnapshotError(
            f"{path}: no snapshot yet. Run 'ideaboard sync' with GITHUB_TOKEN set to fetch votes."
        ) from None
    except UnicodeDecodeError as exc:
        raise SnapshotError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}).") from None
    return from_json(text, source=str(path))


def load_or_empty(path: Path, repo: str = "") -> Snapshot:
    """The snapshot at ``path``, or an empty one if there is none yet."""
    return load(path) if path.exists() else Snapshot.empty(repo)


def backup_path(path: Path) -> Path:
    """Where the previous good snapshot is kept when a new one replaces it."""
    return path.with_name(path.name + ".prev")


def save(path: Path, snapshot: Snapshot) -> None:
    """Write ``snapshot`` atomically: a temporary file in the same folder, then a rename.

    The snapshot it replaces is kept beside it (``backup_path``), so a bad sync
    that still parsed can be rolled back by hand.
    """
    write_atomic(path, to_json(snapshot), backup=backup_path(path))
