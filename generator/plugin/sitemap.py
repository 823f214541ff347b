"""The sitemap: mkdocs' own, with the pages the plugin writes itself, split at the limit.

mkdocs writes ``sitemap.xml`` before it writes the pages, from the pages it knows; the
pages written from a shell (``shell.py``) are added here, in mkdocs' own format.  The
sitemap protocol allows 50,000 URLs a file: a bigger site gets an index
(``sitemap.xml``) of ``sitemaps/<n>.xml`` files.
"""

from __future__ import annotations

import gzip
import io
from html import escape

#: The sitemap protocol's limit of URLs in one file (https://www.sitemaps.org/protocol.html).
MAX_URLS = 50_000
#: The folder of the parts of a split sitemap.
FOLDER = "sitemaps"
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_OPEN, _CLOSE = "<url>", "</url>"


def entry(loc: str, lastmod: str | None) -> str:
    """A page's entry, as mkdocs' sitemap template writes it."""
    date = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    return f"\n    <url>\n         <loc>{escape(loc)}</loc>\n         {date}\n    </url>"


def sitemaps(written: str, entries: list[str], site_url: str) -> dict[str, str]:
    """The sitemap files by path: mkdocs' ``sitemap.xml`` (``written``) with ``entries``
    added, and above 50,000 URLs (with a ``site_url``) an index and its parts."""
    urls = _entries(written) + entries
    if len(urls) <= MAX_URLS or not site_url:
        return {"sitemap.xml": _urlset(urls)}
    files = {}
    for n, start in enumerate(range(0, len(urls), MAX_URLS), 1):
        files[f"{FOLDER}/{n}.xml"] = _urlset(urls[start : start + MAX_URLS])
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    index = "".join(
        f"\n    <sitemap>\n         <loc>{escape(base + path)}</loc>\n    </sitemap>"
        for path in files
    )
    files["sitemap.xml"] = f'{_HEAD}<sitemapindex xmlns="{_NS}">{index}\n</sitemapindex>'
    return files


def gzipped(text: str, filename: str, mtime: int) -> bytes:
    """``sitemap.xml.gz`` as mkdocs writes it (``mtime``: the build's timestamp)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=filename, mode="wb", mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def gzip_mtime(data: bytes) -> int:
    """The timestamp in a gzip file's header (mkdocs stamps the build's)."""
    return int.from_bytes(data[4:8], "little") if len(data) >= 8 else 0


def _entries(written: str) -> list[str]:
    """The entries of mkdocs' sitemap, each as ``entry`` writes it."""
    urls = []
    for part in written.split(_OPEN)[1:]:
        end = part.find(_CLOSE)
        if end >= 0:
            urls.append(f"\n    {_OPEN}{part[: end + len(_CLOSE)]}")
    return urls


def _urlset(urls: list[str]) -> str:
    return f'{_HEAD}<urlset xmlns="{_NS}">{"".join(urls)}\n</urlset>'
