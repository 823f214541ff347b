"""``ideaboard build`` end to end: the sample board, offline; determinism; validation."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.config import load_settings
from generator.plugin.search import GROUP
from tests.browser import (
    base_path,
    broken_links,
    serve,
    site_pages,
)
from tests.helpers import mkdocs_build, write_board
from tests.paths import ROOT

# The session's browser fixtures (one Chromium shared with the other browser tests).

IDEABOARD = (sys.executable, "-c", "from generator.cli import main; main()")


def offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def ideaboard_build(config: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*IDEABOARD, "-f", str(config), "build", "-d", str(site), *extra],
        capture_output=True,
        text=True,
        env=offline_env(),
        cwd=config.parent,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The sample board (the repository's mkdocs.yml), built once with ``ideaboard build``."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = ideaboard_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site, result


def test_build_says_it_uses_the_snapshot_when_there_is_no_token(sample):
    _site, result = sample
    lines = [line for line in result.stderr.splitlines() if "snapshot" in line]
    assert lines == [
        "INFO    -  No GITHUB_TOKEN set: sync skipped; "
        "using the snapshot from 2026-11-20T12:00:00Z."
    ]


def test_sample_board_has_every_page_type(sample):
    site, _ = sample
    ideas = sorted(p.stem for p in (site / "ideas").glob("*.html"))
    assert len(ideas) >= 10
    for path in (
        "index.html",
        "roadmap/index.html",
        "shipped/index.html",
        "proposals/index.html",
        "insights/index.html",
        "tags/index.html",
        "about/index.html",
        "api/ideas.json",
        "feeds/changes.xml",
        "schema/idea.schema.json",
    ):
        assert (site / path).is_file(), path
    api = json.loads((site / "api/ideas.json").read_text(encoding="utf-8"))
    assert sorted(api["ideas"]) == ideas


def test_sample_board_links_resolve(sample):
    site, _ = sample
    assert broken_links(site, base="/lumen/") == []


def test_sample_board_stays_within_the_size_budgets(sample):
    site, _ = sample
    pages = list((site / "ideas").glob("*.html"))
    average = sum(p.stat().st_size for p in pages) / len(pages)
    assert average < 40 * 1024
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    # Idea pages GROUP to a page of the index (generator/plugin/search.py), and About.
    assert entry["languages"]["en"]["page_count"] == -(-len(pages) // GROUP) + 1
    shards = sum(p.stat().st_size for p in (site / "api/board").rglob("*.json"))
    assert shards / len(pages) < 4 * 1024


def test_two_builds_are_byte_identical(tmp_path, sample):
    first, _ = sample
    second = tmp_path / "again"
    result = ideaboard_build(ROOT / "mkdocs.yml", second)
    assert result.returncode == 0, result.stderr
    files_a = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(p) for p in files_a if (first / p).read_bytes() != (second / p).read_bytes()]
    assert different == []


def test_fixture_builds_are_byte_identical_too(tmp_path):
    config = write_board(tmp_path)
    a = mkdocs_build(config, tmp_path / "a")
    b = mkdocs_build(config, tmp_path / "b")
    for file in a.rglob("*"):
        if file.is_file():
            assert file.read_bytes() == (b / file.relative_to(a)).read_bytes(), file


def test_build_validates_first_and_reports_like_validate(tmp_path):
    config = write_board(tmp_path)
    (tmp_path / "ideas" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["-f", str(config), "build", "-d", "site"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("ideas/broken.yaml:1:8: malformed YAML")
    assert lines[-1].startswith("1 problem in 1 file")
    assert not (tmp_path / "site").exists()


def test_offline_flag_skips_the_sync(tmp_path):
    config = write_board(tmp_path)
    env_token = {"GITHUB_TOKEN": "ghp_" + "not_used_because_offline"}
    result = subprocess.run(
        [*IDEABOARD, "-f", str(config), "build", "--offline"],
        capture_output=True,
        text=True,
        env={**offline_env(), **env_token},
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "--offline: sync skipped; building from the snapshot synced 20 November 2026, 12:00 UTC"
        in result.stderr
    )
    assert (tmp_path / "site" / "index.html").is_file()


# --- the sample board, as a reader sees it ------------------------------------------


def sample_ideas() -> dict[str, dict]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "ideas").glob("*.yaml"))
    }


def test_the_sample_uses_every_status_and_ships_recently(sample):
    site, _ = sample
    settings = load_settings(ROOT / "mkdocs.yml")
    ideas = sample_ideas()
    assert {i["status"] for i in ideas.values()} == set(settings.statuses)
    # The roadmap's "Recently shipped" column is not empty on the sample board.
    html = (site / "roadmap/index.html").read_text(encoding="utf-8")
    column = html.split('id="col-recently-shipped"', 1)[1].split("</section>", 1)[0]
    assert "No ideas here yet" not in column
    shipped = re.findall(r'data-slug="([^"]+)"', column)
    assert shipped
    assert all(ideas[s]["status"] == "shipped" for s in shipped)


def test_no_page_shows_an_empty_primary_sidebar(sample):
    # Every page is alone in its nav section (tabs carry the nav), so the primary sidebar
    # would list only the page itself: it is hidden everywhere, generated pages and About.
    site, _ = sample
    for path in site_pages(site):
        file = site / path.strip("/") / "index.html" if not path.endswith(".html") else site / path
        if not file.is_file():
            continue
        html = file.read_text(encoding="utf-8")
        sidebar = re.search(r'data-md-type="navigation"( hidden)?>', html)
        assert sidebar is None or sidebar.group(1), path
    about = (site / "about/index.html").read_text(encoding="utf-8")
    assert re.search(r'data-md-type="toc" *>', about)  # its table of contents stays


def test_duplicate_pages_send_voters_to_the_canonical_issue(sample):
    site, _ = sample
    ideas = sample_ideas()
    base = load_settings(ROOT / "mkdocs.yml").issue_base_url
    duplicates = [s for s, i in ideas.items() if i.get("duplicate_of") and i.get("issue")]
    assert duplicates
    for slug in duplicates:
        canonical = ideas[slug]["duplicate_of"]
        html = (site / "ideas" / f"{slug}.html").read_text(encoding="utf-8")
        # No vote button: a sentence sends voters to the canonical idea's issue.
        assert 'class="md-button' not in html, slug
        state = re.search(r'<section class="ib-state ib-state--duplicate".*?</section>', html)
        assert f'href="{base}/{ideas[canonical]["issue"]}"' in state.group(0), slug
        assert f'href="{base}/{ideas[slug]["issue"]}"' in html  # the discussion


@pytest.fixture(scope="module")
def sample_served(sample, browser):
    # The session's one Chromium (tests.browser): Playwright's sync API allows
    # only one running instance per thread.
    site, _ = sample
    with serve(site, base_path(ROOT / "mkdocs.yml")) as url:
        yield browser, url


def open_page(browser, url: str, width: int, height: int = 740):
    phone = width < 600
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page


CHART_TEXT_JS = """() => [...document.querySelectorAll('svg.ib-chart')].map(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')]
    .filter(t => getComputedStyle(t).display !== 'none');
  return {
    sizes: texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale),
    labels: texts.filter(t => t.classList.contains('ib-chart__label'))
      .filter(() => !svg.classList.contains('ib-chart--bars'))
      .map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right]; }),
    box: [box.left, box.right],
  };
})"""


@pytest.mark.parametrize("width", [360, 1280])
def test_chart_text_is_readable_and_labels_fit(sample_served, width):
    browser, url = sample_served
    context, page = open_page(browser, url + "insights/", width)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        charts = page.evaluate(CHART_TEXT_JS)
        assert len(charts) == 3
        for chart in charts:
            assert min(chart["sizes"]) >= 10.5, chart["sizes"]
            left, right = chart["box"]
            labels = sorted(chart["labels"])  # the x axis of a column chart
            if not labels:
                continue
            assert labels[0][0] >= left - 0.5
            assert labels[-1][1] <= right + 0.5
            for a, b in itertools.pairwise(labels):
                assert a[1] <= b[0], labels  # not overlapping
    finally:
        context.close()


def test_chart_tables_are_visually_hidden_but_read_by_screen_readers(sample_served):
    browser, url = sample_served
    context, page = open_page(browser, url + "insights/", 1280)
    try:
        tables = page.locator("figure.ib-figure .ib-sr-only:has(table)")
        assert tables.count() == 3
        for i in range(3):
            box = tables.nth(i).bounding_box()
            assert box is not None
            assert box["width"] <= 1
            assert box["height"] <= 1
        # Still in the accessibility tree, by their captions; the SVGs are not.
        for name in ("Ideas per status category", "New votes per month"):
            assert page.get_by_role("table", name=name).count() == 1
        assert page.locator("figure.ib-figure").get_by_role("img").count() == 0
    finally:
        context.close()


def test_phone_board_shows_a_card_above_the_fold_and_the_controls_work(sample_served):
    browser, url = sample_served
    context, page = open_page(browser, url, 360, 740)
    try:
        page.wait_for_selector("form[data-ib-board]:not([hidden])")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        card = page.locator("[data-ib-cards] .ib-card").first.bounding_box()
        assert card["y"] + 120 <= 740, card  # the first card's title and summary show
        for name in ("sort", "category", "tag"):
            select = page.locator(f"form[data-ib-board] select[name={name}]")
            box = select.bounding_box()
            assert box["height"] >= 24, (name, box)
            assert box["x"] + box["width"] <= 360, (name, box)
        page.select_option("form[data-ib-board] select[name=category]", "completed")
        page.wait_for_selector("[data-ib-cards]:not([aria-busy])")  # the page of the index
        statuses = page.eval_on_selector_all(
            "[data-ib-cards] .ib-badge", "bs => bs.map(b => b.dataset.status)"
        )
        assert statuses
        assert set(statuses) == {"shipped"}
    finally:
        context.close()


def test_tag_index_has_pills_without_bullets(sample_served):
    browser, url = sample_served
    context, page = open_page(browser, url + "tags/", 1280)
    try:
        styles = page.eval_on_selector_all(
            "ul.ib-tagindex > li", "lis => lis.map(li => getComputedStyle(li).listStyleType)"
        )
        assert styles
        assert set(styles) == {"none"}
    finally:
        context.close()
