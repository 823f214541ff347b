"""A board bigger than one page of cards, in Debian's Chromium: paging, filters and counts.

The sample board fits on one page, so "Show more" and the no-JavaScript cut-off never
show there.  This builds a synthetic board of 150 ideas (the benchmark's generator,
with the repository's own mkdocs.yml and theme) once per session.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from generator.model import statuses as st
from tests.benchmarks import sites, synthetic
from tests.browser import ROOT, base_path, build_site, serve

# The shared browser fixtures: browser, sample_site, sample_url, page, watcher.

N = 150
BOARD = "[data-ib-board]"
CARDS = "[data-ib-cards] .ib-card"
#: The cards holder while the board's script fetches a page of the index.
IDLE = "[data-ib-cards]:not([aria-busy])"


@pytest.fixture(scope="module")
def big_ideas() -> list[dict]:
    return synthetic.synthetic_ideas(N, seed=7)


@pytest.fixture(scope="module")
def big_url(tmp_path_factory, big_ideas, browser):
    if not (ROOT / "mkdocs.yml").exists():
        pytest.skip("mkdocs.yml does not exist yet: there is no site to build")
    work = tmp_path_factory.mktemp("big-board")
    config = sites.write_board(work / "board", big_ideas)
    site = build_site(config, work / "site")
    with serve(site, base_path(config)) as url:
        yield url


def category(idea: dict) -> str:
    return st.DEFAULT_STATUSES[idea["status"]]


def count_text(page) -> tuple[int, int]:
    """("Showing X of Y ideas") as (X, Y)."""
    text = page.inner_text("[data-ib-count]")
    match = re.search(r"(\d+)\D+(\d+)", text)
    assert match, text
    return int(match[1]), int(match[2])


def show_all(page) -> int:
    """Click "Show more" until it goes away; return how many clicks it took."""
    clicks = 0
    more = page.locator("[data-ib-more]")
    while more.is_visible():
        more.click()
        page.wait_for_selector(IDLE)
        clicks += 1
        assert clicks < 50, "Show more never ends"
    return clicks


def slugs(page) -> list[str]:
    return page.eval_on_selector_all(CARDS, "cs => cs.map(c => c.dataset.slug)")


def test_show_more_pages_through_every_idea(big_url, big_ideas, page, watcher):
    on_board = {i["slug"] for i in big_ideas if category(i) != st.DUPLICATE}
    assert len(on_board) > 60, "the synthetic board must be bigger than one page"
    page.goto(big_url, wait_until="load")
    page.wait_for_selector(f"{BOARD}:not([hidden])")
    first = slugs(page)
    assert count_text(page) == (len(first), len(on_board))
    assert len(first) < len(on_board), "every card is shown at once"
    assert show_all(page) >= 1
    everything = slugs(page)
    assert everything[: len(first)] == first, "show more reordered the cards already shown"
    assert len(everything) == len(set(everything))
    assert set(everything) == on_board
    assert count_text(page) == (len(on_board), len(on_board))
    assert not watcher.problems(), "\n".join(watcher.problems())


def test_filters_count_every_match_not_just_the_first_page(big_url, big_ideas, page):
    page.goto(big_url, wait_until="load")
    page.wait_for_selector(f"{BOARD}:not([hidden])")
    by_category = Counter(category(i) for i in big_ideas)
    for cat in (st.OPEN, st.COMPLETED, st.DUPLICATE):
        page.select_option(f"{BOARD} select[name=category]", cat)
        page.wait_for_selector(IDLE)
        shown, total = count_text(page)
        assert total == by_category[cat], cat
        page_size = int(page.get_attribute(BOARD, "data-page") or 0)
        assert shown == min(total, page_size), cat
        show_all(page)
        found = slugs(page)
        assert sorted(found) == sorted(i["slug"] for i in big_ideas if category(i) == cat)


def test_without_javascript_the_board_points_to_the_status_pages(big_url, big_ideas, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(big_url, wait_until="load")
        cards = slugs(page)
        assert 0 < len(cards) < N
        link = page.locator("[data-ib-nojs] a")
        assert link.is_visible(), "no way to reach the other ideas without JavaScript"
        link.click()
        page.wait_for_load_state("load")
        assert "/status/" in page.url
        assert page.locator(".ib-card").count() > 0
    finally:
        context.close()
