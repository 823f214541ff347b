"""The mkdocs plugin, through a REAL mkdocs build of a small fixture board.

``write_board`` writes the fixture board (mkdocs.yml, ideas/, snapshot) into a
folder; ``mkdocs_build`` builds it with mkdocs' Python API.  The build tests
(``test_build.py``) use both too.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from generator import plugin as plugin_module
from generator import snapshot as snap
from generator.plugin import IdeaboardPlugin
from tests.browser_support import broken_links
from tests.conftest import ROOT

HOSTILE_TITLE = "<script>alert(1)</script>{ onclick=x } </title><img src=x onerror=alert(2)>"

MKDOCS_YML = """\
site_name: Fixture ideas
site_url: https://example.org/board/
docs_dir: {root}/site_theme/pages
theme:
  name: material
  custom_dir: {root}/site_theme/overrides
  font: false
  features: [navigation.tabs]
extra_css: [assets/stylesheets/ideaboard.css]
extra_javascript: [assets/javascripts/ideaboard.js]
nav:
  - Board: index.md
  - Roadmap: roadmap.md
  - Shipped: shipped.md
  - New proposals: proposals.md
  - Tags: tags/index.md
  - Insights: insights.md
  - About: about.md
plugins:
  - search
  - ideaboard:
      repo: acme/widgets
"""

IDEAS = {
    "dark-mode": """\
        title: Dark mode
        summary: A dark theme for late nights.
        description: |
          Easier on the eyes. The word **zeppelin** is only here.
        status: planned
        issue: 1
        tags: [ui]
        created: 2026-01-05
        history:
          - {date: 2026-01-05, status: proposed, note: Open for votes.}
          - {date: 2026-02-01, status: planned, note: Planned for 2.0.}
        """,
    "pdf-export": """\
        title: PDF export
        summary: Export a note to PDF.
        status: shipped
        issue: 2
        tags: [export]
        created: 2025-06-01
        shipped_in: {release: "2.0"}
        history:
          - {date: 2025-06-01, status: proposed}
          - {date: 2026-10-01, status: shipped, note: Shipped in 2.0.}
        """,
    "hostile": f"""\
        title: {json.dumps(HOSTILE_TITLE)}
        summary: "[x](javascript:alert(3)) {{{{ 7*7 }}}} --8<-- \\"/etc/passwd\\""
        description: |
          --8<-- "/etc/passwd"

          [click](javascript:alert(4)) {{ onclick=alert(5) }}
        status: proposed
        issue: 3
        created: 2026-03-01
        """,
    "secret": """\
        title: SECRET-HIDDEN
        summary: Moderated away.
        status: proposed
        issue: 4
        created: 2026-03-02
        hidden: true
        """,
}

SYNCED = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def _issue(number: int, votes: int, author: str = "alice") -> snap.Issue:
    start = dt.datetime(2026, 1, 6, tzinfo=dt.UTC)
    return snap.Issue(
        number=number,
        title=f"Issue {number}",
        url=f"https://github.com/acme/widgets/issues/{number}",
        state="open",
        created_at=start,
        updated_at=start,
        author=snap.Actor(author),
        labels=("idea",),
        comments=3,
        reactions={"+1": votes},
        voters=tuple(
            snap.Vote(snap.Actor(f"voter{i}"), start + dt.timedelta(days=i)) for i in range(votes)
        ),
    )


def write_board(root: Path) -> Path:
    """Write the fixture board into ``root``; return its mkdocs.yml."""
    (root / "ideas").mkdir(parents=True, exist_ok=True)
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(root=ROOT), encoding="utf-8")
    for slug, text in IDEAS.items():
        (root / "ideas" / f"{slug}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    issues = {n: _issue(n, v) for n, v in ((1, 12), (2, 30), (3, 1), (4, 5))}
    issues[9] = _issue(9, 2, author="<b>mallory</b>")  # an idea-labelled issue with no file
    snap.save(
        root / "ideas" / "snapshot.json",
        snap.Snapshot(repo="acme/widgets", synced_at=SYNCED, issues=issues),
    )
    return config


def mkdocs_build(config_file: Path, site_dir: Path) -> Path:
    """Build with mkdocs' Python API, as ``mkdocs build`` does."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


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
        "ideas/dark-mode/index.html",
        "ideas/hostile/index.html",
        "api/ideas.json",
        "api/ideas.schema.json",
        "api/board.json",
        "feeds/changes.xml",
        "feeds/new.xml",
        "schema/idea.schema.json",
        "search/search_index.json",
        "assets/stylesheets/ideaboard.css",
        "assets/javascripts/ideaboard.js",
    ):
        assert (built / path).is_file(), path


def test_hidden_ideas_are_nowhere(built):
    assert not (built / "ideas" / "secret").exists()
    for file in built.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".json", ".xml"}:
            assert "SECRET-HIDDEN" not in file.read_text(encoding="utf-8"), file


def _primary_nav(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--primary')
    return html[start : html.index("</nav>", start)]


def test_idea_pages_stay_out_of_the_nav(built):
    for page in ("index.html", "ideas/dark-mode/index.html", "tags/ui/index.html"):
        html = read(built, page)
        nav = _primary_nav(html)
        assert "ideas/" not in nav, page
        assert "status/" not in nav, page
        assert "Roadmap" in nav
        assert "Insights" in nav
    tabs = read(built, "index.html").split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
    assert "ideas/" not in tabs


def test_internal_links_resolve(built):
    assert broken_links(built, base="/board/") == []


def test_generated_pages_carry_the_pre_rendered_body(built):
    html = read(built, "ideas/dark-mode/index.html")
    assert "<title>Dark mode - Fixture ideas</title>" in html
    assert 'href="https://github.com/acme/widgets/issues/1"' in html
    assert 'Votes as of <time datetime="2026-11-20T12:00:00Z">' in html
    assert "<strong>zeppelin</strong>" in html
    assert "Planned for 2.0." in html


def test_untrusted_text_never_meets_the_site_markdown(built):
    html = read(built, "ideas/hostile/index.html")
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


def test_search_index_has_ideas_not_lists_and_stays_small(built):
    index = json.loads(read(built, "search/search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "ideas/dark-mode/" in locations
    assert "" not in locations
    assert "roadmap/" not in locations
    dark = [d for d in index["docs"] if d["location"].startswith("ideas/dark-mode/")]
    assert len(dark) == 1
    assert "zeppelin" in dark[0]["text"]
    assert "Vote with" not in dark[0]["text"]  # the page chrome is not indexed
    for doc in index["docs"]:
        if doc["location"].startswith("ideas/"):
            assert len(json.dumps(doc)) < 1024, doc["location"]
            assert "<script" not in doc["text"] + doc["title"]


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


def test_shared_chrome_is_what_material_would_write(built, tmp_path, monkeypatch):
    # The plugin renders Material's nav, tabs and header once per folder for pages
    # outside the nav; the pages must be byte-identical to rendering each one.
    monkeypatch.setattr(IdeaboardPlugin, "share_chrome", False)
    plain = mkdocs_build(write_board(tmp_path), tmp_path / "site")
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        assert (built / page).read_bytes() == (plain / page).read_bytes(), page


def test_big_boards_render_idea_pages_lazily_with_the_same_result(built, tmp_path, monkeypatch):
    # From LAZY_IDEAS ideas on, idea pages are rendered when mkdocs writes them.
    monkeypatch.setattr(plugin_module, "LAZY_IDEAS", 0)
    lazy = mkdocs_build(write_board(tmp_path), tmp_path / "site")
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file())
    for file in files:
        assert (built / file).read_bytes() == (lazy / file).read_bytes(), file
