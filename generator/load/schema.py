"""The JSON Schema of one idea file, shipped in the package as ``idea.schema.json``.

The schema checks one file on its own.  Rules that need the configuration
(statuses, the tag allow-list) or other files (unique issue numbers, duplicate
targets) live in ``validate.py``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

#: Where the site publishes the schema, relative to the site's root.
SCHEMA_PATH = "schema/idea.schema.json"

#: The schema's ``$id``: the sample board's published copy.  Editors fetch the
#: URL in a file's ``# yaml-language-server: $schema=...`` line; a board with a
#: ``site_url`` points at its own copy instead (``schema_url_for``).
schema_url = "https://lumen-notes.github.io/lumen/" + SCHEMA_PATH


def schema_text() -> str:
    """The schema exactly as shipped: what ``ideaboard schema`` prints."""
    return resources.files(__package__).joinpath("idea.schema.json").read_text(encoding="utf-8")


@cache
def schema() -> dict[str, Any]:
    """The schema as a dict (cached; do not mutate it)."""
    return json.loads(schema_text())


@cache
def validator() -> Draft202012Validator:
    """A validator built once, with the ``date`` format checked."""
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def known_fields() -> tuple[str, ...]:
    """The top-level fields of an idea file, in schema order."""
    return tuple(schema()["properties"])


def schema_url_for(site_url: str = "") -> str:
    """The schema's URL on a board's own site, or ``schema_url`` without one."""
    if site_url:
        return site_url.rstrip("/") + "/" + SCHEMA_PATH
    return schema_url
