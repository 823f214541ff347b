"""The page around a generated body, written by Material once per folder and then filled.

Every generated page outside the nav in one folder (``ideas/``, ``tags/``...) comes out
of Material the same but for its title, its canonical URL and its body: the same
relative links, header, tabs, footer and scripts.  So mkdocs renders one page of each
folder (the folder's *first* page) with a mark in each of those three places, and the
plugin writes every other page of the folder by putting its own title, URL and body
where the marks are.  A board of 150,000 ideas then runs Material's templates, and
mkdocs' page machinery, a few hundred times instead of 170,000 times.

``test_plugin`` checks that every page written this way is byte-identical to the page
Material writes when it renders each one.
"""

from __future__ import annotations

import re

#: Stands for the page's title (Material prints ``page.meta.title`` as it is, twice).
TITLE = "\x00ideaboard-title\x00"
#: Stands for the page's canonical URL.
URL = "\x00ideaboard-url\x00"
#: Stands for the page's body.  It holds ``<h1`` so that Material adds no heading of
#: its own: every generated body starts with its own ``<h1>``.
BODY = "\x00ideaboard-body<h1\x00"
_MARKS = re.compile(f"({re.escape(TITLE)}|{re.escape(URL)}|{re.escape(BODY)})")


class Shell:
    """One folder's page with marks for the title, the canonical URL and the body."""

    def __init__(self, html: str, site_url: str | None) -> None:
        #: The page cut at the marks: odd parts are marks, even parts are the page.
        self.parts = _MARKS.split(html)
        if self.parts.count(BODY) != 1:
            raise ValueError("a shell has exactly one body")
        #: What leads to the site's root in a canonical URL ("https://host/board/").
        self.site_url = site_url

    def fill(self, title: str, url: str, body: str) -> str:
        """The page at site-relative ``url`` with its escaped ``title`` and slimmed ``body``."""
        values = {TITLE: title, URL: f"{self.site_url}{url}", BODY: body}
        out: list[str] = []
        for part in self.parts:
            text = values.get(part, part)
            # Slimming makes a run of white space that starts a line one newline
            # (slim.py); a run that spans a mark's edge is made so here.
            if out and out[-1].endswith("\n"):
                text = text.lstrip(" \t\r\n")
            if text:
                out.append(text)
        return "".join(out)


def canonical_base(canonical_url: str | None, url: str) -> str | None:
    """The part of a page's canonical URL before its site-relative ``url`` (mkdocs joins
    ``site_url`` and the URL), or None when pages have no canonical URL."""
    if not canonical_url or not canonical_url.endswith(url):
        return None
    return canonical_url[: len(canonical_url) - len(url)]
