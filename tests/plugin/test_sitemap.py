"""The sitemap lists every page, the ones written from a shell too, and splits at the limit."""

from __future__ import annotations

import gzip
import re

from generator.plugin import sitemap
from tests.helpers import mkdocs_build, write_board

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def test_an_entry_is_written_as_mkdocs_writes_it():
    assert sitemap.entry("https://example.org/b/ideas/a&b/", "2026-11-20") == (
        "\n    <url>\n         <loc>https://example.org/b/ideas/a&amp;b/</loc>\n"
        "         <lastmod>2026-11-20</lastmod>\n    </url>"
    )


def test_up_to_the_limit_the_sitemap_is_one_file_with_the_added_pages():
    written = sitemap.sitemaps("", [sitemap.entry("https://e.org/a/", "2026-01-02")], "")
    mkdocs_own = written["sitemap.xml"]
    added = sitemap.sitemaps(
        mkdocs_own, [sitemap.entry("https://e.org/b/", None)], "https://e.org/"
    )
    assert list(added) == ["sitemap.xml"]
    assert re.findall(r"<loc>(.*?)</loc>", added["sitemap.xml"]) == [
        "https://e.org/a/",
        "https://e.org/b/",
    ]
    assert added["sitemap.xml"].startswith(f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS}>')
    assert added["sitemap.xml"].endswith("</url>\n</urlset>")


def test_above_the_limit_the_sitemap_is_an_index_of_parts(tmp_path, monkeypatch):
    # Built for real, with the limit at 3 URLs a file: the fixture board has about 30 pages.
    monkeypatch.setattr(sitemap, "MAX_URLS", 3)
    site = mkdocs_build(write_board(tmp_path), tmp_path / "site")
    index = (site / "sitemap.xml").read_text("utf-8")
    assert index.startswith(f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex {NS}>')
    parts = re.findall(r"<loc>https://example\.org/board/(sitemaps/\d+\.xml)</loc>", index)
    assert len(parts) > 3
    pages = []
    for part in parts:
        locs = re.findall(r"<loc>(.*?)</loc>", (site / part).read_text("utf-8"))
        assert 1 <= len(locs) <= 3
        pages += locs
    assert len(pages) == len(set(pages))
    assert "https://example.org/board/ideas/dark-mode.html" in pages
    assert "https://example.org/board/" in pages
    for loc in pages:  # every listed page is there, and every idea page is listed
        path = site / loc.removeprefix("https://example.org/board/")
        assert (path if loc.endswith(".html") else path / "index.html").is_file()
    ideas = list((site / "ideas").glob("*.html"))
    assert ideas
    for idea in ideas:
        assert f"https://example.org/board/ideas/{idea.name}" in pages
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == index
