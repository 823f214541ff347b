"""What a visitor downloads, counted in Chromium: one page of the index per change, never all.

A synthetic board of 400 ideas (the benchmark's generator, the repository's own
``mkdocs.yml`` and theme) is built once and walked as a visitor does
(``tests/benchmarks/visitor.py``): open the board, sort, filter by status and by tag,
show more, search for a word only one idea has, open that idea, and open a status
page without JavaScript.  The byte budgets are those of a 150,000-idea board; the
benchmark measures them at every size.
"""

from __future__ import annotations

import pytest

from tests.benchmarks import sites, synthetic, visitor
from tests.browser import ROOT, base_path, build_site, serve

N = 400
KB = 1000


@pytest.fixture(scope="module")
def walked(tmp_path_factory, browser) -> visitor.Counter:
    if not (ROOT / "mkdocs.yml").exists():
        pytest.skip("mkdocs.yml does not exist yet: there is no site to build")
    ideas = synthetic.synthetic_ideas(N, seed=11)
    work = tmp_path_factory.mktemp("visitor")
    config = sites.write_board(work / "board", ideas)
    site = build_site(config, work / "site")
    target = ideas[N // 3]
    with serve(site, base_path(config)) as url:
        yield visitor.walk(
            url,
            target["slug"],
            synthetic.codename(target["issue"]),
            "sync",
            "status/proposed/",
            browser,
        )


def test_the_home_page_needs_no_index_at_first(walked):
    assert walked.data["home"] <= 150 * KB, walked.urls["home"]
    assert not any("/api/board/" in u and "meta.json" not in u for u in walked.urls["home"])


@pytest.mark.parametrize("action", ["sort", "status", "tag", "more"])
def test_each_change_fetches_one_page_of_the_index(walked, action):
    urls = walked.urls[action]
    assert len(urls) == 1, urls
    assert "/api/board/" in urls[0]
    assert walked.data[action] <= 200 * KB
    assert walked.static[action] == 0


def test_nothing_fetches_the_whole_board(walked):
    for action in visitor.ACTIONS:
        assert not any("api/board.json" in u or "api/ideas.json" in u for u in walked.urls[action])


def test_search_finds_one_idea_by_its_own_word_with_pagefind(walked):
    # The walk waited for the idea's link in the header's results.
    urls = walked.urls["search"]
    assert any("/pagefind/" in u for u in urls), urls
    assert not any("search_index.json" in u for u in urls)  # not Material's lunr
    assert walked.data["search"] <= 500 * KB


def test_a_status_page_without_javascript_is_one_page_of_cards(walked):
    assert walked.data["nojs"] <= 500 * KB
    assert walked.data["idea"] <= 150 * KB
