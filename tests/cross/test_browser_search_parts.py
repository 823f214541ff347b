"""A big board's search index in parts, searched in Chromium.

Pagefind holds a whole index in memory while it builds it, so a board of more than
``search.PART`` ideas is indexed in parts, one after the other, and the header's search
merges them (``generator/plugin/search.py``, ``ideaboard-search.js``).  Here a synthetic
board is built with parts of four ideas, and an idea of every part is found by the word
only its description has.
"""

from __future__ import annotations

import json

import pytest

from generator.plugin import search
from tests.benchmarks import sites, synthetic
from tests.browser import base_path, serve
from tests.helpers import mkdocs_build

N = 12


@pytest.fixture
def parted(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "PART", 4)  # 12 ideas: three parts
    monkeypatch.setattr(search, "GROUP", 1)  # one idea to a page of the index
    ideas = synthetic.synthetic_ideas(N, seed=5)
    config = sites.write_board(tmp_path / "board", ideas)
    site = mkdocs_build(config, tmp_path / "site")
    return ideas, config, site


def test_a_board_in_parts_has_one_pagefind_bundle_a_part_and_lists_the_others(parted):
    _ideas, _config, site = parted
    assert json.loads((site / "pagefind" / "parts.json").read_text("utf-8")) == {
        "more": ["pagefind-1/", "pagefind-2/"]
    }
    for folder in ("pagefind", "pagefind-1", "pagefind-2"):
        assert (site / folder / "pagefind-entry.json").is_file(), folder
        assert list((site / folder / "fragment").iterdir()), folder
    assert not (site / "pagefind-3").exists()


def test_the_header_search_finds_an_idea_of_every_part(parted, browser):
    ideas, config, site = parted
    found = {}
    with serve(site, base_path(config)) as url:
        context = browser.new_context()
        try:
            page = context.new_page()
            problems = []
            page.on("console", lambda m: m.type == "error" and problems.append(m.text))
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(url, wait_until="networkidle")
            for idea in ideas:
                page.fill(".md-search__input", synthetic.codename(idea["issue"]))
                link = f".md-search-result__list a[href*='ideas/{idea['slug']}.html']"
                page.wait_for_selector(link, timeout=10_000)
                found[idea["slug"]] = page.locator(".md-search-result__list li").count()
        finally:
            context.close()
    assert len(found) == N
    assert set(found.values()) == {1}  # each word is in one idea only
    assert not problems, problems
