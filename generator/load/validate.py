"""Validate a board: each file against the JSON Schema, then the rules across files.

Every problem is reported, one per line, with the file, line, column and field,
and with what was expected and what was received, in the style of mkdocs'
``config_options``: ``status: expected one of the configured statuses:
['proposed', ...] but received: 'wip'``.

``load_tree`` is the workhorse: it reads a folder with ``loader.py``, checks
every file, and returns the valid ideas and all problems.  ``loader.load_board``
and ``validate_tree`` are the two front doors.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jsonschema import ValidationError

from generator.config import Settings
from generator.errors import Problem
from generator.load.reader import Document, iso_dates, list_files, read_document
from generator.load.schema import validator
from generator.model import SLUG_MAX_LENGTH, SLUG_RE, Idea
from generator.model import statuses as st

#: At most this many schema problems are listed for one file (think 10,000 bad tags).
MAX_PROBLEMS_PER_FILE = 20

_DATE = "a valid date as YYYY-MM-DD"
_PATTERNS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "a slug of lowercase letters, digits and hyphens, such as "
    "'dark-mode'",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": _DATE,
    r"^https?://[^\s]+$": "an http(s) URL with no spaces",
}
_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
}


def validate_tree(path: Path, settings: Settings) -> tuple[Problem, ...]:
    """Every problem in a folder of ideas, or in one idea file (checked against its folder).

    Paths in messages are relative to the current directory when possible.
    """
    return check_path(path, settings)[1]


def check_path(path: Path, settings: Settings) -> tuple[tuple[Idea, ...], tuple[Problem, ...]]:
    """``load_tree`` for a folder or a single file; paths relative to the current directory."""
    if path.is_dir():
        return load_tree(path, settings)
    ideas, problems = load_tree(path.parent, settings)
    shown = _display_for(None)(path)
    return (
        tuple(idea for idea in ideas if idea.path == shown),
        tuple(p for p in problems if p.path == shown),
    )


def load_tree(
    directory: Path, settings: Settings, relative_to: Path | None = None
) -> tuple[tuple[Idea, ...], tuple[Problem, ...]]:
    """Load and validate every ``*.yaml`` in ``directory``.

    Returns the ideas without problems, sorted by slug, and every problem,
    sorted by path, line and column.  Paths in messages are relative to
    ``relative_to`` (default: the current directory) when the file is under it.
    """
    display = _display_for(relative_to)
    files, problems = list_files(directory, display)
    docs = [read_document(path, display(path), settings.max_file_size) for path in files]
    for doc in docs:
        check_document(doc, settings)
    check_board(docs, {path.stem for path in files})
    ideas = []
    for doc in docs:
        problems.extend(doc.problems)
        if not doc.problems and isinstance(doc.data, dict):
            lines = {key: line for key, (line, _col) in doc.keys.items() if key}
            ideas.append(Idea.from_mapping(doc.slug, doc.display, doc.data, lines))
    ideas.sort(key=lambda idea: idea.slug)
    return tuple(ideas), tuple(sorted(set(problems)))


def _display_for(relative_to: Path | None) -> Callable[[Path], str]:
    base = os.path.abspath(relative_to or os.getcwd())

    def display(path: Path) -> str:
        full = os.path.abspath(path)
        if full == base or full.startswith(base.rstrip(os.sep) + os.sep):
            return Path(os.path.relpath(full, base)).as_posix()
        return Path(full).as_posix()

    return display


def check_document(doc: Document, settings: Settings) -> None:
    """Check one file on its own: its name, the schema, and the rules that need the config."""
    if not SLUG_RE.match(doc.slug) or len(doc.slug) > SLUG_MAX_LENGTH:
        doc.add(
            0,
            0,
            "",
            "expected a file name of lowercase letters, digits and hyphens (at most "
            f"{SLUG_MAX_LENGTH}), such as 'dark-mode.yaml', but received: {doc.path.name!r}",
        )
    if not isinstance(doc.data, dict):
        return
    schema_problems = []
    for error in validator().iter_errors(iso_dates(doc.data)):
        schema_problems.extend(_schema_problems(doc, error))
    unique = sorted(set(schema_problems))
    if len(unique) > MAX_PROBLEMS_PER_FILE:
        rest = len(unique) - MAX_PROBLEMS_PER_FILE
        unique = unique[:MAX_PROBLEMS_PER_FILE]
        unique.append(
            Problem(doc.display, 0, 0, "", f"{rest:,} more problems like these are not listed")
        )
    doc.problems.extend(unique)
    _check_rules(doc, doc.data, settings)


def _schema_problems(doc: Document, error: ValidationError) -> Iterable[Problem]:
    """Turn one jsonschema error into problems that name the field and say what to fix."""
    path = ".".join(str(part) for part in error.absolute_path)
    prefix = f"{path}." if path else ""
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        for key in instance:
            if key not in known:
                yield doc.problem(prefix + str(key), _unknown(str(key), known), at="key")
        return
    if kind == "required":
        match = re.match(r"^'(.*)' is a required property", error.message)
        name = match.group(1) if match else str(value)
        yield doc.problem(prefix + name, "missing: this field is required", where=path)
        return
    if kind == "type":
        expected = _TYPES.get(value, str(value))
        message = f"expected {expected} but received {_describe(instance)}"
        if isinstance(instance, bool) and value == "string":
            message += (
                " (YAML reads an unquoted yes, no, on, off, true or false as a boolean; "
                "quote the value)"
            )
        elif isinstance(instance, str) and value == "integer" and instance.strip().isdigit():
            message += " (remove the quotes)"
    elif kind == "minLength":
        message = "expected some text but received an empty value"
    elif kind == "maxLength":
        message = f"expected at most {value:,} characters but received {len(instance):,}"
    elif kind == "pattern":
        if path == "summary":
            lines = len(instance.splitlines())
            message = f"expected one line but received {lines} lines; put the rest in description"
        else:
            message = f"expected {_PATTERNS.get(value, value)} but received: {_short(instance)}"
    elif kind == "format":
        message = f"expected {_DATE} but received: {_short(instance)}"
    elif kind in ("minimum", "maximum"):
        low = error.schema.get("minimum")
        high = error.schema.get("maximum")
        expected = f"from {low} to {high}" if high is not None else f"of at least {low}"
        message = f"expected a whole number {expected} but received: {instance!r}"
    elif kind == "uniqueItems":
        repeated = sorted({_short(v) for v in instance if instance.count(v) > 1})
        message = f"expected each item once but received {', '.join(repeated)} more than once"
    elif kind == "maxItems":
        message = f"expected at most {value:,} items but received {len(instance):,}"
    else:
        message = error.message
    yield doc.problem(path, message)


def _unknown(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return f"unknown field {key!r}: did you mean {close[0]!r}?"
    return f"unknown field {key!r}: expected one of: {known}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"a boolean: {str(value).lower()}"
    if isinstance(value, str):
        return f"text: {_short(value)}"
    if isinstance(value, int):
        return f"a whole number: {value}"
    if isinstance(value, float):
        return f"a number: {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else None
        except ValueError:
            return None
    return None


def _check_rules(doc: Document, data: dict[str, Any], settings: Settings) -> None:
    """The rules of one file that need the configuration: statuses, history, tags."""
    configured = list(settings.statuses)
    status = data.get("status")
    if isinstance(status, str) and status and status not in settings.statuses:
        doc.problems.append(
            doc.problem(
                "status",
                f"expected one of the configured statuses: {configured} but received: {status!r}",
            )
        )
    history = data.get("history")
    entries = history if isinstance(history, list) else []
    previous: dt.date | None = None
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        field = f"history.{index}"
        entry_status = entry.get("status")
        if isinstance(entry_status, str) and entry_status and entry_status not in settings.statuses:
            doc.problems.append(
                doc.problem(
                    f"{field}.status",
                    f"expected one of the configured statuses: {configured} "
                    f"but received: {entry_status!r}",
                )
            )
        day = _as_date(entry.get("date"))
        if day and previous and day < previous:
            doc.problems.append(
                doc.problem(
                    f"{field}.date",
                    f"expected a date on or after {previous} (the entry above) but received: "
                    f"{day}; history lists changes oldest first",
                )
            )
        previous = max(filter(None, (previous, day)), default=None)
    last = entries[-1] if entries and isinstance(entries[-1], dict) else None
    last_status = last.get("status") if last else None
    if isinstance(status, str) and isinstance(last_status, str) and last_status != status:
        line = doc.keys.get(f"history.{len(entries) - 1}", (0, 0))[0]
        doc.problems.append(
            doc.problem(
                "status",
                f"expected {last_status!r}, the status of the last history entry "
                f"(line {line}), but received: {status!r}; add a history entry for the change",
            )
        )
    created = _as_date(data.get("created"))
    first = entries[0] if entries and isinstance(entries[0], dict) else None
    first_day = _as_date(first.get("date")) if first else None
    if created and first_day and created > first_day:
        doc.problems.append(
            doc.problem(
                "created",
                f"expected a date on or before the first history entry ({first_day}) "
                f"but received: {created}",
            )
        )
    _check_duplicate_of(doc, data, settings)
    tags = data.get("tags")
    if settings.tags and isinstance(tags, list):
        for index, tag in enumerate(tags):
            if isinstance(tag, str) and tag not in settings.tags:
                doc.problems.append(
                    doc.problem(
                        f"tags.{index}",
                        f"expected one of the allowed tags: {list(settings.tags)} "
                        f"but received: {tag!r}",
                    )
                )


def _check_duplicate_of(doc: Document, data: dict[str, Any], settings: Settings) -> None:
    status = data.get("status")
    if not isinstance(status, str) or status not in settings.statuses:
        return
    target = data.get("duplicate_of")
    is_duplicate = settings.category(status) == st.DUPLICATE
    if is_duplicate and target is None:
        doc.problems.append(
            doc.problem(
                "duplicate_of",
                f"missing: status {status!r} needs duplicate_of, the slug of the idea "
                "this one duplicates",
                where="status",
            )
        )
    elif not is_duplicate and target is not None:
        examples = list(settings.statuses_in(st.DUPLICATE))
        doc.problems.append(
            doc.problem(
                "duplicate_of",
                f"expected no duplicate_of with status {status!r} (only a duplicate status "
                f"such as {examples[0]!r} has one) but received: {_short(target)}",
            )
        )


def check_board(docs: list[Document], slugs: set[str]) -> None:
    """The rules across files: unique issue numbers, duplicate targets, no cycles."""
    mappings = [doc for doc in docs if isinstance(doc.data, dict)]
    by_issue: dict[int, list[Document]] = defaultdict(list)
    for doc in mappings:
        issue = doc.data.get("issue")
        if isinstance(issue, int) and not isinstance(issue, bool):
            by_issue[issue].append(doc)
    for issue, group in by_issue.items():
        for doc in group if len(group) > 1 else ():
            others = ", ".join(sorted(other.display for other in group if other is not doc))
            doc.problems.append(
                doc.problem(
                    "issue",
                    f"expected a unique issue number but received: {issue}, which {others} "
                    f"also {'uses' if len(group) == 2 else 'use'}",
                )
            )
    targets: dict[str, str] = {}
    by_slug = {doc.slug: doc for doc in mappings}
    for doc in mappings:
        target = doc.data.get("duplicate_of")
        if not isinstance(target, str) or not SLUG_RE.match(target):
            continue
        if target == doc.slug:
            doc.problems.append(
                doc.problem(
                    "duplicate_of",
                    f"expected the slug of another idea but received: {target!r}, this idea itself",
                )
            )
        elif target not in slugs:
            close = difflib.get_close_matches(target, sorted(slugs), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            folder = Path(doc.display).parent.as_posix()
            doc.problems.append(
                doc.problem(
                    "duplicate_of",
                    "expected the slug of an existing idea but received: "
                    f"{target!r} (there is no {folder}/{target}.yaml){hint}",
                )
            )
        else:
            targets[doc.slug] = target
    for cycle in _cycles(targets):
        for start in range(len(cycle) - 1):
            doc = by_slug[cycle[start]]
            shown = cycle[start:-1] + cycle[:start] + [cycle[start]]
            doc.problems.append(
                doc.problem(
                    "duplicate_of",
                    f"duplicates form a cycle: {' -> '.join(shown)}; point each duplicate at "
                    "the one idea that stays open",
                )
            )


def _cycles(targets: dict[str, str]) -> list[list[str]]:
    """Each cycle of ``slug -> duplicate_of`` once, starting at its smallest slug."""
    cycles = []
    done: set[str] = set()
    for start in sorted(targets):
        chain: list[str] = []
        node = start
        while node in targets and node not in done and node not in chain:
            chain.append(node)
            node = targets[node]
        if node in chain:
            loop = chain[chain.index(node) :]
            smallest = loop.index(min(loop))
            loop = loop[smallest:] + loop[:smallest]
            cycles.append([*loop, loop[0]])
        done.update(chain)
    return cycles
