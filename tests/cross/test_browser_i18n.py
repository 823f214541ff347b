"""The sample board in Arabic (right to left) and Japanese, walked in Debian's Chromium.

Each language's board is built once per session from the repository's own board, with
``theme.language`` set, into a temporary folder.  The board, an idea page and the
roadmap get the checks: direction, no horizontal scroll at 360 px, axe clean, the client
script's words, and the mirrored timeline, notices and progress bar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import (
    ROOT,
    axe_violations,
    base_path,
    build_site,
    format_violations,
    serve,
)

RTL_CSS = "assets/stylesheets/ideaboard-rtl.css"
LANGUAGES = ("ar", "ja")
PAGES = {"board": "", "idea": "ideas/real-time-collaboration.html", "roadmap": "roadmap/"}


def board_config(lang: str, folder: Path) -> Path:
    """The sample board's mkdocs.yml in ``folder``, in ``lang``, with the RTL stylesheet."""
    for name in ("site_theme", "ideas"):
        (folder / name).symlink_to(ROOT / name)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^  language: \S+$", f"  language: {lang}", text)
    assert count == 1, "mkdocs.yml sets theme.language once"
    if RTL_CSS not in text:
        text = text.replace(
            "  - assets/stylesheets/ideaboard.css\n",
            f"  - assets/stylesheets/ideaboard.css\n  - {RTL_CSS}\n",
        )
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture(scope="session", params=LANGUAGES)
def localized(request, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(language, base URL) of the sample board built in that language and served."""
    lang = request.param
    folder = tmp_path_factory.mktemp(f"board-{lang}")
    config = board_config(lang, folder)
    site = build_site(config, folder / "site")
    with serve(site, base_path(config)) as url:
        yield lang, url


@pytest.mark.parametrize("kind", list(PAGES))
def test_lang_and_direction_are_set(localized, page, kind):
    lang, url = localized
    page.goto(url + PAGES[kind], wait_until="load")
    assert page.locator("html").get_attribute("lang") == lang
    # Material puts the direction of theme.language on <body>.
    assert page.locator("body").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.evaluate("getComputedStyle(document.body).direction") == (
        "rtl" if lang == "ar" else "ltr"
    )


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_serious_accessibility_violation(localized, page, watcher, kind):
    _lang, url = localized
    page.goto(url + PAGES[kind], wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, format_violations(violations, "/" + PAGES[kind])
    assert not watcher.problems(), "\n".join(watcher.problems())


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_horizontal_scroll_at_360px(localized, browser, kind):
    _lang, url = localized
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(url + PAGES[kind], wait_until="networkidle")
        widths = page.evaluate(
            """() => ({
                doc: document.documentElement.scrollWidth,
                body: document.body.scrollWidth,
                view: window.innerWidth,
                out: [...document.querySelectorAll('body *')]
                    .filter(e => e.offsetParent !== null
                                 && getComputedStyle(e).position !== 'fixed'
                                 && (e.getBoundingClientRect().right > window.innerWidth + 1
                                     || e.getBoundingClientRect().left < -1))
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className),
            })"""
        )
        assert widths["doc"] <= widths["view"], widths
        assert widths["body"] <= widths["view"], widths
    finally:
        context.close()


SHOWING = {"ar": "الأكثر تصويتًا أولًا", "ja": "投票の多い順"}


def test_the_client_script_speaks_the_board_language(localized, page, watcher):
    lang, url = localized
    page.goto(url, wait_until="networkidle")
    page.select_option("select[name=sort]", "top")
    counter = page.locator("[data-ib-count]")
    # The new order's first page is fetched (api/board/), then the counter is rewritten.
    expect(counter).to_contain_text(SHOWING[lang])
    assert not re.search(r"\b(Showing|ideas|most votes)\b", counter.inner_text())
    badge_words = page.locator(".ib-card .ib-count--votes .md-visually-hidden").first
    assert badge_words.inner_text().strip() in {"صوت", "صوتان", "أصوات", "صوتًا", "票"}
    assert not watcher.problems(), "\n".join(watcher.problems())


ENGLISH = re.compile(r"\b(Sort|Status|Votes as of|Show more ideas|Roadmap|Proposed by|vote)\b")


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_board_text_is_not_english(localized, page, kind):
    _lang, url = localized
    page.goto(url + PAGES[kind], wait_until="networkidle")
    # The board's own text: everything in the article but what people wrote.
    text = page.evaluate(
        """() => {
            const a = document.querySelector('article').cloneNode(true);
            a.querySelectorAll('.ib-card__title, .ib-card__summary, .ib-idea__summary, '
                + '.ib-idea__description, .ib-timeline__note, .ib-tag, #idea, .ib-links, '
                + '.ib-facts dd a, bdi, .ib-release h2, script')
                .forEach(e => e.remove());
            return a.innerText;
        }"""
    )
    assert not ENGLISH.findall(text), text


def test_arabic_mirrors_the_timeline_notices_and_progress_bar(localized, page):
    lang, url = localized
    if lang != "ar":
        pytest.skip("the mirroring checks are for the right-to-left board")
    page.goto(url + PAGES["idea"], wait_until="networkidle")
    style = page.evaluate(
        """() => {
            const rail = getComputedStyle(document.querySelector('ol.ib-timeline'));
            const item = document.querySelector('.ib-timeline__item');
            const dot = item.getBoundingClientRect();
            const before = getComputedStyle(item, '::before');
            const bar = document.querySelector('.ib-progress progress');
            const spark = document.querySelector('.ib-sparkline svg');
            return {
                railRight: rail.borderRightWidth, railLeft: rail.borderLeftWidth,
                dotRight: before.right, dotLeft: before.left,
                bar: bar ? getComputedStyle(bar).direction : null,
                spark: spark ? getComputedStyle(spark).direction : null,
                label: document.querySelector('.ib-sparkline__label')?.innerText,
                itemRight: dot.right,
            };
        }"""
    )
    assert style["railRight"] == "2px", style
    assert style["railLeft"] == "0px", style
    assert style["dotLeft"] == "auto" or style["dotRight"] != "auto", style
    assert style["bar"] in {"rtl", None}, style
    # Time runs left to right in the sparkline, and the page says so.
    assert style["spark"] in {"ltr", None}, style
    if style["label"]:
        assert "الأقدم على اليسار" in style["label"]


#: A word of each language's "N matching ideas".
FOUND = {"ar": "مطابق", "ja": "一致するアイデア"}


def test_the_header_search_reports_its_results_in_the_board_language(localized, page, watcher):
    lang, url = localized
    page.goto(url, wait_until="networkidle")
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("collaboration", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    status = page.locator(".md-search-result__meta")
    expect(status).to_contain_text(FOUND[lang])
    assert not re.search(r"matching|ideas?\b", status.inner_text()), status.inner_text()
    assert not watcher.problems(), "\n".join(watcher.problems())
