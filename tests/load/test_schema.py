"""The JSON Schema of an idea file: valid, documented, strict, and printed exactly."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from generator.authoring.idea_file import new_idea_text
from generator.cli import main
from generator.load import iso_dates
from generator.load.schema import (
    SCHEMA_PATH,
    known_fields,
    schema,
    schema_text,
    schema_url,
    schema_url_for,
    validator,
)
from generator.model import statuses as st
from tests.paths import ROOT


def _objects(node: dict[str, Any], path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = [(path, node)]
    for name, child in node.get("properties", {}).items():
        found += _objects(child, f"{path}.{name}" if path else name)
    if "items" in node:
        found += _objects(node["items"], f"{path}.N")
    return found


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_field_has_a_description() -> None:
    missing = [path for path, node in _objects(schema()) if not node.get("description")]
    assert missing == []


def test_every_object_refuses_unknown_fields() -> None:
    objects = [path for path, node in _objects(schema()) if node.get("type") == "object"]
    assert objects == ["", "history.N", "shipped_in", "links.N", "score"]
    assert all(
        node.get("additionalProperties") is False
        for _, node in _objects(schema())
        if node.get("type") == "object"
    )


def test_fields() -> None:
    assert known_fields() == (
        "title",
        "summary",
        "description",
        "status",
        "issue",
        "tags",
        "created",
        "owner",
        "history",
        "duplicate_of",
        "shipped_in",
        "links",
        "score",
        "hidden",
    )
    assert schema()["required"] == ["title", "summary", "status", "created"]
    assert schema()["properties"]["status"]["examples"] == list(st.DEFAULT_STATUSES)


def test_id_is_the_published_url() -> None:
    assert schema()["$id"] == schema_url
    assert schema_url.endswith("/" + SCHEMA_PATH)
    assert schema_url_for("https://ideas.example.com/") == (
        "https://ideas.example.com/schema/idea.schema.json"
    )
    assert schema_url_for("") == schema_url


def test_cli_prints_the_schema_exactly() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.output == schema_text()
    assert result.output == (ROOT / "generator" / "load" / "idea.schema.json").read_text()
    assert json.loads(result.output) == schema()


def test_a_new_idea_file_passes_the_schema() -> None:
    text = new_idea_text(
        "Dark mode: yes!",
        "A 'dark' #theme",
        status="proposed",
        created=dt.date(2026, 11, 23),
        description="Line 1\n\n- item\n",
        issue=5,
        tags=["ui"],
        owner="mara",
        note="Thanks",
    )
    data = yaml.safe_load(text)
    assert list(validator().iter_errors(iso_dates(data))) == []


def test_format_checker_refuses_impossible_dates() -> None:
    data = {"title": "T", "summary": "S", "status": "proposed", "created": "2026-02-30"}
    assert [e.validator for e in validator().iter_errors(data)] == ["format"]
