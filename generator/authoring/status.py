"""Change an idea's status in its YAML file: a round-trip edit, not a re-dump.

Maintainers write idea files by hand, with comments, their own key order and
folded notes.  ``ideaboard status`` must leave all of that as it was and only
set ``status``, append one ``history`` entry, and set or clear
``duplicate_of``/``shipped_in``.  ruamel.yaml's round-trip mode keeps comments,
key order and quoting; the file's own indentation is detected by trying the
common styles and keeping the one that reproduces the file exactly.

The edited text is validated with the loader (schema and cross-file rules)
before it replaces the file, so ``ideaboard status`` never writes a board that
``ideaboard validate`` would reject.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import io
import textwrap
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from generator.authoring.board_copy import idea_files, rel, validate_with
from generator.config import Settings
from generator.errors import IdeaboardError
from generator.files import write_atomic
from generator.load import is_name, unknown_status
from generator.model import SLUG_MAX_LENGTH
from generator.model import statuses as st

#: Notes longer than this are written as folded (``>-``) blocks, wrapped at this width.
FOLD_WIDTH = 72

# (mapping, sequence, offset): ideaboard's own style first, then the usual others.
_INDENTS = [(2, 4, 2), (2, 2, 0)] + [
    (m, s, o)
    for m in (2, 3, 4)
    for s in (2, 3, 4, 5, 6)
    for o in range(0, s - 1)
    if (m, s, o) not in {(2, 4, 2), (2, 2, 0)}
]

# Where a key goes when the file does not have it yet: before the first of these.
_KEY_BEFORE = {
    "duplicate_of": ("history", "shipped_in", "links", "score", "hidden"),
    "shipped_in": ("links", "score", "hidden"),
    "history": ("shipped_in", "links", "score", "hidden"),
}


@dataclasses.dataclass(frozen=True)
class Change:
    """One status change, as ``ideaboard status`` was asked for it."""

    status: str
    note: str
    date: dt.date
    duplicate_of: str | None = None
    release: str | None = None
    release_url: str | None = None


def idea_path(settings: Settings, slug: str) -> Path:
    """The file of the idea ``slug``; an ``IdeaboardError`` naming near misses if there is none."""
    path = settings.ideas_dir / f"{slug}.yaml"
    files = idea_files(settings)
    found = [p for p in files if p.stem == slug]
    if is_name(slug, SLUG_MAX_LENGTH) and found:
        return found[0]
    slugs = sorted(p.stem for p in files)
    close = difflib.get_close_matches(slug, slugs, n=3)
    hint = f" Did you mean: {', '.join(repr(s) for s in close)}?" if close else ""
    raise IdeaboardError(
        f"{rel(settings, path)}: no such idea: expected the slug of a file in "
        f"{rel(settings, settings.ideas_dir)}/ but received: {slug!r}.{hint}"
    )


def check_change(settings: Settings, slug: str, change: Change) -> None:
    """Refuse a change that cannot be right, before touching the file."""
    if change.status not in settings.statuses:
        raise IdeaboardError(f"status: {unknown_status(change.status, settings)}")
    category = settings.category(change.status)
    if category == st.DUPLICATE:
        if not change.duplicate_of:
            raise IdeaboardError(
                f"--duplicate-of: status {change.status!r} needs the slug of the idea this one "
                "duplicates: expected --duplicate-of SLUG but received nothing."
            )
        if change.duplicate_of == slug:
            raise IdeaboardError(
                f"--duplicate-of: expected the slug of another idea but received {slug!r}, "
                "the idea itself."
            )
        idea_path(settings, change.duplicate_of)
    elif change.duplicate_of:
        raise IdeaboardError(
            f"--duplicate-of: only a status in the duplicate category "
            f"({list(settings.statuses_in(st.DUPLICATE))}) takes --duplicate-of, "
            f"but received status {change.status!r}."
        )
    if (change.release or change.release_url) and category != st.COMPLETED:
        raise IdeaboardError(
            f"--release: only a status in the completed category "
            f"({list(settings.statuses_in(st.COMPLETED))}) takes --release, "
            f"but received status {change.status!r}."
        )
    if change.release_url and not change.release:
        raise IdeaboardError("--release-url: expected --release too, but received only the URL.")
    if not change.note.strip():
        raise IdeaboardError(
            "--note: expected the public note customers will read (why the status changed) "
            "but received an empty one."
        )


def apply_change(text: str, change: Change, categories: dict[str, str]) -> str:
    """The idea file ``text`` with ``change`` made, everything else as it was."""
    yaml, data = _load_round_trip(text)
    if not isinstance(data, CommentedMap):
        raise IdeaboardError("expected a mapping of fields at the top of the file")
    category = categories.get(change.status)
    data["status"] = change.status

    if category == st.DUPLICATE:
        _set_key(data, "duplicate_of", change.duplicate_of)
    elif "duplicate_of" in data:
        del data["duplicate_of"]

    if category == st.COMPLETED and change.release:
        shipped = CommentedMap([("release", change.release)])
        if change.release_url:
            shipped["url"] = change.release_url
        _set_key(data, "shipped_in", shipped)
    elif category != st.COMPLETED and "shipped_in" in data:
        del data["shipped_in"]

    history = data.get("history")
    if not isinstance(history, CommentedSeq):
        history = CommentedSeq()
        _set_key(data, "history", history)
    for entry in history:
        if (
            isinstance(entry, dict)
            and str(entry.get("date")) == change.date.isoformat()
            and entry.get("status") == change.status
        ):
            raise IdeaboardError(
                f"history: already has an entry for status {change.status!r} on "
                f"{change.date.isoformat()}: expected a new status or another --date. "
                "Edit that entry's note by hand instead."
            )
    entry = CommentedMap(
        [("date", change.date), ("status", change.status), ("note", _note(change.note))]
    )
    if history:
        _move_trailing_comments(history[-1], entry)
    history.append(entry)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def change_status(settings: Settings, slug: str, change: Change) -> Path:
    """Make ``change`` to the idea ``slug`` on disk, after validating the result."""
    check_change(settings, slug, change)
    path = idea_path(settings, slug)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IdeaboardError(f"{rel(settings, path)}: not UTF-8 (byte {exc.start}).") from None
    crlf = "\r\n" in text
    new_text = apply_change(text.replace("\r\n", "\n"), change, settings.statuses)
    if crlf:
        new_text = new_text.replace("\n", "\r\n")
    problems = validate_with(settings, path, new_text)
    if problems:
        raise IdeaboardError(
            f"{rel(settings, path)}: the change would make the board invalid, so the file "
            "was left as it was:\n" + "\n".join(p.format() for p in problems),
            problems,
        )
    write_atomic(path, new_text)
    return path


def _load_round_trip(text: str) -> tuple[YAML, Any]:
    first: tuple[YAML, Any] | None = None
    for mapping, sequence, offset in _INDENTS:
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096  # never re-wrap the maintainer's long lines
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        try:
            data = yaml.load(text)
        except YAMLError as exc:
            raise IdeaboardError(f"not valid YAML: {exc}") from None
        out = io.StringIO()
        yaml.dump(data, out)
        if out.getvalue() == text:
            return yaml, data
        if first is None:
            first = (yaml, data)
    assert first is not None
    return first  # no style reproduces the file exactly: use ideaboard's own


def _move_trailing_comments(previous: Any, entry: CommentedMap) -> None:
    """Keep comment lines that followed the last history entry after the new one.

    ruamel.yaml hangs the comment lines below a mapping on its last key, so
    without this they would end up between the old last entry and the new one.
    """
    if not isinstance(previous, CommentedMap) or not previous:
        return
    last = list(previous.keys())[-1]
    slot = previous.ca.items.get(last)
    token = slot[2] if slot and len(slot) > 2 else None
    if token is None or not isinstance(getattr(token, "value", None), str):
        return
    if isinstance(previous[last], (LiteralScalarString, FoldedScalarString)):
        own_line, below = "", token.value  # a block scalar ends its own line
    else:
        own_line, _newline, below = token.value.partition("\n")
    if not below.strip():
        return
    if own_line:
        token.value = own_line + "\n"
    else:
        slot[2] = None
    ends_line = isinstance(entry["note"], (LiteralScalarString, FoldedScalarString))
    value = below if ends_line else "\n" + below
    entry.ca.items["note"] = [None, None, CommentToken(value, CommentMark(0), None), None]


def _set_key(data: CommentedMap, key: str, value: Any) -> None:
    if key in data:
        data[key] = value
        return
    keys = list(data.keys())
    for before in _KEY_BEFORE.get(key, ()):
        if before in data:
            data.insert(keys.index(before), key, value)
            return
    data[key] = value


def _note(note: str) -> str:
    note = "\n".join(line.rstrip() for line in note.strip().replace("\r\n", "\n").split("\n"))
    if "\n" in note:
        return LiteralScalarString(note)
    if len(note) <= FOLD_WIDTH or " ".join(note.split()) != note:
        return note
    lines = textwrap.wrap(note, FOLD_WIDTH, break_long_words=False, break_on_hyphens=False)
    folded = FoldedScalarString(note)
    positions, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        positions.append(at)
        at += 1
    folded.fold_pos = positions
    return folded
