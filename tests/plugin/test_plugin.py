"""The mkdocs plugin, through a REAL mkdocs build of a small fixture board.

``write_board`` writes the fixture board (mkdocs.yml, ideas/, snapshot) into a
folder; ``mkdocs_build`` builds it with mkdocs' Python API.  The build tests
(``test_build.py``) use both too.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from generator.plugin import plugin as plugin_module
from generator.plugin.plugin import IdeaboardPlugin
from generator.plugin.search import GROUP, SearchIndex
from tests.browser import broken_links
from tests.helpers import mkdocs_build, write_board


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("board")
    return mkdocs_build(write_board(root), root / "site")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_page_type_and_asset_is_built(built):
    for path in (
        "index.html",
        "roadmap/index.html",
        "shipped/index.html",
        "proposals/index.html",
        "insights/index.html",
        "tags/index.html",
        "tags/ui/index.html",
        "status/planned/index.html",
        "about/index.html",
        "ideas/dark-mode.html",
        "ideas/hostile.html",
        "api/ideas.json",
        "api/ideas.schema.json",
        "api/board/meta.json",
        "pagefind/pagefind.js",
        "feeds/changes.xml",
        "feeds/new.xml",
        "schema/idea.schema.json",
        "search/search_index.json",
        "assets/stylesheets/ideaboard.css",
        "assets/javascripts/ideaboard.js",
    ):
        assert (built / path).is_file(), path


def test_hidden_ideas_are_nowhere(built):
    assert not (built / "ideas" / "secret.html").exists()
    for file in built.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".json", ".xml"}:
            assert "SECRET-HIDDEN" not in file.read_text(encoding="utf-8"), file


def _navigation(html: str) -> str:
    """The page's navigation: the tabs, and the drawer where the page still has one."""
    tabs = html.split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
    start = html.find('<nav class="md-nav md-nav--primary')
    return tabs + (html[start : html.index("</nav>", start)] if start >= 0 else "")


def test_idea_pages_stay_out_of_the_nav(built):
    for page in ("index.html", "ideas/dark-mode.html", "tags/ui/index.html"):
        html = read(built, page)
        nav = _navigation(html)
        assert "ideas/" not in nav, page
        assert "status/" not in nav, page
        assert "Roadmap" in nav
        assert "Insights" in nav


def test_generated_pages_write_their_navigation_once(built):
    # The tabs serve phones too (ideaboard.css): no drawer repeating them, no button for it.
    for page in ("index.html", "ideas/dark-mode.html", "tags/ui/index.html"):
        html = read(built, page)
        assert html.count("md-tabs__link") == 7, page
        assert "md-nav--primary" not in html, page
        assert 'class="md-header__button md-icon" for="__drawer"' not in html, page
        assert '<body data-ib-nav="tabs" ' in html, page


def test_internal_links_resolve(built):
    assert broken_links(built, base="/board/") == []


def test_generated_pages_carry_the_pre_rendered_body(built):
    html = read(built, "ideas/dark-mode.html")
    assert "<title>Dark mode - Fixture ideas</title>" in html
    assert 'href="https://github.com/acme/widgets/issues/1"' in html
    assert 'Votes as of <time datetime="2026-11-20T12:00:00Z">' in html
    assert "<strong>zeppelin</strong>" in html
    assert "Planned for 2.0." in html


def test_untrusted_text_never_meets_the_site_markdown(built):
    html = read(built, "ideas/hostile.html")
    assert "<script>alert" not in html
    assert "onerror=alert" not in html
    assert "onclick=alert" not in html
    assert 'href="javascript' not in html
    assert "root:x:0:0" not in html  # snippets did not inline /etc/passwd
    assert "49" not in re.findall(r"<h1[^>]*>(.*?)</h1>", html)[0]  # {{ 7*7 }} stayed text
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<" not in title.replace("</title>", "")
    proposals = read(built, "proposals/index.html")
    assert "<b>mallory" not in proposals
    assert "mallory" in proposals


def test_lunr_indexes_no_generated_page(built):
    # Lunr's index goes whole to every visitor who searches; Pagefind searches the ideas.
    index = json.loads(read(built, "search/search_index.json"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert locations == {"about/"}


def test_pagefind_indexes_idea_and_static_pages_only(built):
    entry = json.loads(read(built, "pagefind/pagefind-entry.json"))
    ideas = len(list((built / "ideas").glob("*.html")))
    # Idea pages GROUP to a page of the index, and the About page on its own.
    assert entry["languages"]["en"]["page_count"] == -(-ideas // GROUP) + 1
    assert "data-pagefind-body" in read(built, "ideas/dark-mode.html")
    assert "data-pagefind-body" in read(built, "about/index.html")
    for page in ("index.html", "roadmap/index.html", "tags/ui/index.html"):
        assert "data-pagefind-body" not in read(built, page), page


def test_the_header_search_is_pagefind_not_lunr(built):
    html = read(built, "ideas/dark-mode.html")
    # The dialog is written by a script in its place (slim.py), with the site's root.
    scripts = [read(built, f"ideas/{src}") for src in re.findall(r'<script src="([^"]+)"', html)]
    dialogs = [code for code in scripts if '\\"md-search\\" role=\\"dialog\\"' in code]
    assert len(dialogs) == 1
    assert 'data-ib-search=\\"", "pagefind/\\"' in dialogs[0]
    for text in (html, *scripts):
        assert 'data-md-component="search"' not in text.replace("\\", "")  # lunr stays unbound


def test_the_board_index_is_sharded_by_view_sort_and_page(built):
    meta = json.loads(read(built, "api/board/meta.json"))
    assert meta["page"] == 60
    first = json.loads(read(built, "api/board/all/trending/0.json"))
    assert first["pages"] == 1
    slugs = [card[0] for card in first["ideas"]]
    assert "dark-mode" in slugs
    assert first["total"] == len(slugs)
    planned = json.loads(read(built, "api/board/c-active/top/0.json"))
    assert all(meta["statuses"][card[3]][1] == "active" for card in planned["ideas"])
    votes = [card[4] for card in planned["ideas"]]
    assert votes == sorted(votes, reverse=True)
    tag = json.loads(read(built, "api/board/t-ui/newest/0.json"))
    names = [name for name, _ in meta["tags"]]
    assert all(names.index("ui") in card[6] for card in tag["ideas"])


def test_pages_are_dated_by_the_sync_not_the_clock(built):
    sitemap = read(built, "sitemap.xml")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {"2026-11-20"}


def test_problems_in_the_ideas_stop_the_build(tmp_path, caplog):
    config = write_board(tmp_path)
    (tmp_path / "ideas" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    # The logger may not propagate to the root (``ideaboard build`` sets it up like mkdocs).
    logger = logging.getLogger("mkdocs")
    logger.addHandler(caplog.handler)
    try:
        with pytest.raises((PluginError, Abort)):
            mkdocs_build(config, tmp_path / "site")
    finally:
        logger.removeHandler(caplog.handler)
    assert "ideas/broken.yaml:1:8: malformed YAML" in caplog.text


def test_serving_watches_the_ideas_and_the_snapshot(tmp_path):
    config = load_config(config_file=str(write_board(tmp_path)))
    plugin = config.plugins["ideaboard"]
    assert isinstance(plugin, IdeaboardPlugin)
    plugin.on_config(config)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=config, builder=None)
    assert str(tmp_path / "ideas") in server.watched
    assert str(tmp_path / "ideas" / "snapshot.json") in server.watched


def _entries(sitemap: str) -> list[str]:
    return sorted(re.findall(r"<url>.*?</url>", sitemap, re.S))


@pytest.mark.parametrize("language", [None, "ar"])
def test_pages_from_a_shell_are_what_material_writes(tmp_path, monkeypatch, language):
    # The plugin writes the generated pages outside the nav from one page of their folder
    # that Material renders with marks in it (shell.py); every page must be byte-identical
    # to Material rendering each one (the hostile title too, and a board language of its
    # own), and the sitemap must list the same pages with the same dates.
    def board(name: str) -> Path:
        config = write_board(tmp_path / name)
        if language:
            text = config.read_text("utf-8").replace(
                "repo: acme/widgets", "repo: acme/widgets\n      language: ar"
            )
            config.write_text(text, "utf-8")
        return config

    shelled = mkdocs_build(board("shelled"), tmp_path / "shelled" / "site")
    monkeypatch.setattr(IdeaboardPlugin, "share_chrome", False)
    plain = mkdocs_build(board("plain"), tmp_path / "plain" / "site")
    pages = sorted(p.relative_to(shelled) for p in shelled.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    assert len([p for p in pages if p.parts[0] == "ideas"]) >= 3  # two from the shell
    for page in pages:
        assert (shelled / page).read_bytes() == (plain / page).read_bytes(), page
    sitemap = read(shelled, "sitemap.xml")
    assert _entries(sitemap) == _entries(read(plain, "sitemap.xml"))
    assert "<loc>https://example.org/board/ideas/dark-mode.html</loc>" in sitemap
    assert gzip.decompress((shelled / "sitemap.xml.gz").read_bytes()).decode() == sitemap


def test_big_boards_render_pages_lazily_with_the_same_result(built, tmp_path, monkeypatch):
    # From LAZY_IDEAS ideas on, idea pages and lists of cards are rendered when written.
    monkeypatch.setattr(plugin_module, "LAZY_IDEAS", 0)
    lazy = mkdocs_build(write_board(tmp_path), tmp_path / "site")
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    for file in files:
        assert (built / file).read_bytes() == (lazy / file).read_bytes(), file


def test_pages_use_one_icon_sprite_and_every_reference_resolves(built):
    sprite = read(built, "assets/images/ib-icons.svg")
    symbols = set(re.findall(r'<symbol id="([^"]+)"', sprite))
    for page in ("index.html", "ideas/dark-mode.html", "tags/ui/index.html"):
        html = read(built, page)
        assert '<svg xmlns="http://www.w3.org/2000/svg"' not in html, page
        used = set(re.findall(r'ib-icons\.svg#([^"]+)"', html))
        assert used, page
        assert used <= symbols, page
        assert "\n  " not in html.split("<article", 1)[0], page  # no indentation


def test_a_pagefind_failure_fails_the_build_with_its_words_and_leaves_no_scratch(tmp_path):
    index = SearchIndex()
    index.add("about/", "<div data-pagefind-body><h1>About</h1><p>Words.</p></div></article>", "en")
    scratch = index.scratch
    in_the_way = tmp_path / "site"
    in_the_way.write_text("a file where the site should be", "utf-8")
    index.start(in_the_way)  # Pagefind cannot write site/pagefind/
    with pytest.raises(
        PluginError, match=r"^ideaboard: Pagefind could not index the site \(exit \d+\): .+"
    ):
        index.wait()
    assert not scratch.exists()


def test_a_failed_build_stops_pagefind_and_drops_its_scratch(tmp_path):
    index = SearchIndex()
    index.add("about/", "<div data-pagefind-body><h1>About</h1></div></article>", "en")
    index.start(tmp_path / "site")
    index.discard()  # what on_build_error does
    assert index.process.returncode is not None
    assert not index.scratch.exists()
