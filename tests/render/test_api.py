"""``api/ideas.json`` against its published schema, and the board's compact index."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator.render import api
from tests.builders import HOSTILE, make_board, render_board, settings


@pytest.fixture(scope="module")
def site():
    return render_board()


def test_ideas_json_validates_against_its_published_schema(site):
    data = json.loads(site.assets["api/ideas.json"])
    schema = json.loads(site.assets["api/ideas.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)


def test_ideas_json_content(site):
    data = json.loads(site.assets["api/ideas.json"])
    assert data["format"] == "ideaboard-ideas"
    assert data["version"] == 2
    assert data["milestones"] == list(settings().milestones)
    assert data["synced_at"] == "2026-11-20T12:00:00Z"
    assert list(data["ideas"]) == sorted(data["ideas"])
    assert "secret-idea" not in data["ideas"]
    pdf = data["ideas"]["pdf-export"]
    assert pdf["votes"] == 30
    assert pdf["url"] == "https://example.org/ideas/ideas/pdf-export.html"
    assert pdf["issue_url"] == "https://github.com/lumen-notes/lumen/issues/9"
    assert pdf["duplicates"] == ["pdf-printing"]
    assert pdf["score"]["ice"] == 324
    assert pdf["shipped_in"]["release"] == "3.0"
    assert [link["title"] for link in pdf["links"]] == ["Spec"]  # the javascript: link is gone
    assert data["ideas"]["pdf-printing"]["canonical"] == "pdf-export"
    assert data["ideas"]["hostile"]["title"] == HOSTILE  # data, unchanged, once decoded


def test_ideas_json_lists_the_milestones_reached_and_leaves_the_description_to_the_page(site):
    # Version 2: at 150,000 ideas descriptions were a quarter of GitHub Pages' 1 GB.
    data = json.loads(site.assets["api/ideas.json"])
    for idea in data["ideas"].values():
        assert "description_html" not in idea
        reached = [m["votes"] for m in idea["milestones"]]
        assert reached == [m for m in data["milestones"] if m <= idea["votes"]]
        assert all(m["reached_on"] for m in idea["milestones"])


def test_json_outputs_hold_no_raw_markup(site):
    for path in ("api/ideas.json", "api/board/meta.json", "api/board/all/trending/0.json"):
        text = site.assets[path]
        assert "<" not in text, path
        assert ">" not in text, path
        assert "javascript:" not in text, path


def test_board_index_is_compact_and_in_trending_order():
    s = settings()
    site = render_board(make_board(s), s)
    meta = json.loads(site.assets["api/board/meta.json"])
    page = site.assets["api/board/all/trending/0.json"]
    slugs = [card[0] for card in json.loads(page)["ideas"]]
    assert slugs[:2] == ["dark-mode", "pdf-export"]
    assert meta["statuses"]["shipped"] == ["Shipped", "completed"]
    assert ["editor", "editor"] in meta["tags"]
    assert len(page.encode()) / len(slugs) < 1024


def test_the_board_index_is_only_the_shards():
    # The board's script reads api/board/; the old whole-board index is not written.
    s = settings()
    site = render_board(make_board(s), s)
    assert "api/board.json" not in site.assets


def test_index_clips_long_text():
    assert api.clip("x" * 500, 140) == "x" * 139 + "…"
    assert api.clip("short", 140) == "short"


def test_dumps_escapes_markup_and_line_separators():
    expected = '{"a":"\\u003cb\\u003e\\u0026\\u2028\\ud83d\\udc4d"}\n'
    assert api.dumps({"a": "<b>&\u2028👍"}) == expected
    assert json.loads(api.dumps({"a": "<b>&\u2028👍"})) == {"a": "<b>&\u2028👍"}
