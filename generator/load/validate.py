"""Validate one idea file: its name, the JSON Schema, and the rules that need the config.

Every problem is reported, one per line, with the file, line, column and field,
and with what was expected and what was received, in the style of mkdocs'
``config_options``: ``status: expected one of the configured statuses:
['proposed', ...] but received: 'wip'``.

``board.py`` runs this on every file, then the rules across files (``rules.py``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import Any

from jsonschema import ValidationError

from generator.config import Settings
from generator.errors import Problem
from generator.load.names import is_name, taken
from generator.load.reader import Document, iso_dates
from generator.load.schema import validator
from generator.model import SLUG_MAX_LENGTH
from generator.model import statuses as st
from generator.sanitize import shown

#: At most this many schema problems are listed for one file (think 10,000 bad tags).
MAX_PROBLEMS_PER_FILE = 20

_DATE = "a valid date as YYYY-MM-DD"
_PATTERNS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$(?!\n)": "a slug of lowercase letters, digits and hyphens, such as "
    "'dark-mode'",
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$(?!\n)": _DATE,
    r"^https?://[^\s]+$(?!\n)": "an http(s) URL with no spaces",
}
_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
}


def check_document(doc: Document, settings: Settings) -> None:
    """Check one file on its own: its name, the schema, and the rules that need the config."""
    if not is_name(doc.slug, SLUG_MAX_LENGTH):
        doc.add(
            0,
            0,
            "",
            "expected a file name of lowercase letters, digits and hyphens (at most "
            f"{SLUG_MAX_LENGTH}), such as 'dark-mode.yaml', but received: {doc.path.name!r}",
        )
    elif reason := taken(doc.slug):
        doc.add(
            0,
            0,
            "",
            f"expected a file name free for an idea but received {doc.path.name!r}: "
            f"{reason}; rename the file (say, to {doc.slug}-idea.yaml)",
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
            message = f"expected {_PATTERNS.get(value, value)} but received: {shown(instance)}"
    elif kind == "format":
        message = f"expected {_DATE} but received: {shown(instance)}"
    elif kind in ("minimum", "maximum"):
        low = error.schema.get("minimum")
        high = error.schema.get("maximum")
        expected = f"from {low} to {high}" if high is not None else f"of at least {low}"
        message = f"expected a whole number {expected} but received: {instance!r}"
    elif kind == "uniqueItems":
        repeated = sorted({shown(v) for v in instance if instance.count(v) > 1})
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
        return f"text: {shown(value)}"
    if isinstance(value, int):
        return f"a whole number: {value}"
    if isinstance(value, float):
        return f"a number: {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


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
    status = data.get("status")
    known = _check_status(doc, "status", status, settings)
    history = data.get("history")
    entries = history if isinstance(history, list) else []
    last_known = _check_history(doc, entries, settings)
    last = entries[-1] if entries and isinstance(entries[-1], dict) else None
    last_status = last.get("status") if last else None
    # An unknown status already has its message: a second one would point elsewhere.
    if known and last_known and isinstance(last_status, str) and last_status != status:
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
    _check_tags(doc, data.get("tags"), settings)


def _check_status(doc: Document, field: str, status: Any, settings: Settings) -> bool:
    """Whether ``status`` is configured; if it is text but not, say so (and what was meant)."""
    if not isinstance(status, str) or not status:
        return False
    if status in settings.statuses:
        return True
    doc.problems.append(doc.problem(field, unknown_status(status, settings)))
    return False


def unknown_status(status: str, settings: Settings) -> str:
    """The message for a status that is not configured, with the closest one suggested."""
    configured = list(settings.statuses)
    close = difflib.get_close_matches(status.casefold(), configured, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"expected one of the configured statuses: {configured} but received: {status!r}{hint}"


def _check_history(doc: Document, entries: list[Any], settings: Settings) -> bool:
    """Statuses and the order of dates in the history; whether the last status is known."""
    previous: dt.date | None = None
    known = True
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        field = f"history.{index}"
        known = _check_status(doc, f"{field}.status", entry.get("status"), settings)
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
    return known


def _check_tags(doc: Document, tags: Any, settings: Settings) -> None:
    for index, tag in enumerate(tags if isinstance(tags, list) else []):
        if not isinstance(tag, str):
            continue
        if settings.tags and tag not in settings.tags:
            doc.problems.append(
                doc.problem(
                    f"tags.{index}",
                    f"expected one of the allowed tags: {list(settings.tags)} "
                    f"but received: {tag!r}",
                )
            )
        elif reason := taken(tag, tag=True):
            doc.problems.append(
                doc.problem(
                    f"tags.{index}", f"expected a tag free for a page but received {reason}"
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
                f"such as {examples[0]!r} has one) but received: {shown(target)}",
            )
        )
