"""Site search with Pagefind: the index is built from the searchable part of each page.

Material's search (lunr) sends the whole index to every visitor who opens the search
box (8 MB at 10,000 ideas).  Pagefind splits its index into fragments and a query
loads only the ones it needs.  The header's search box (``partials/search.html``)
queries it through ``ideaboard.js``; Material's search plugin stays on only because
Material's header shows its search box with it, and it indexes no generated page.

Pagefind parses every page it indexes, which is most of a big board's build time, so
it is not run over the site: as mkdocs writes a page marked ``data-pagefind-body``
(``main.html``, for pages whose meta has ``ib_search``: idea and static pages),
``SearchIndex.add`` keeps only that part, as a small page at the same path in a
scratch folder, and ``SearchIndex.build`` indexes that folder into ``site/pagefind``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

#: The folder of the search bundle in the site, as ``partials/search.html`` expects.
FOLDER = "pagefind"
BODY = "<div data-pagefind-body>"
END = "</article>"
#: Parts of an idea page that are not what people search for.
IGNORE = ".ib-vote,.ib-progress,.ib-facts,.ib-notice,.ib-sparkline,.ib-milestones"


class SearchIndex:
    """The searchable part of each written page, then Pagefind over them."""

    def __init__(self) -> None:
        # In memory where the system has it: a big board writes 100,000s of small files.
        shm = Path("/dev/shm")  # noqa: S108 - mkdtemp makes a private (0700) folder in it
        where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
        self.scratch = Path(tempfile.mkdtemp(prefix="ideaboard-search-", dir=where))
        self.pages = 0

    def add(self, url: str, html: str, lang: str) -> None:
        """Keep the part of the page at ``url`` (a site-relative URL) marked for search."""
        start = html.find(BODY)
        if start < 0:
            return
        end = html.find(END, start)
        body = html[start : end if end > 0 else len(html)]
        path = self.scratch / url / "index.html" if url.endswith("/") or not url else None
        if path is None:
            path = self.scratch / url
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'<!doctype html><html lang="{lang}"><body>{body}</body></html>', "utf-8")
        self.pages += 1

    def build(self, site_dir: Path) -> None:
        """Index the kept pages into ``site_dir/pagefind``; the scratch folder goes."""
        # The binary comes from the pagefind_bin_extended wheel; ``python -m pagefind``
        # finds it.  It runs offline and writes only the bundle.
        cmd = [sys.executable, "-m", "pagefind", "--site", str(self.scratch),
               "--output-path", str(site_dir / FOLDER), "--exclude-selectors", IGNORE,
               "--silent"]  # fmt: skip
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)
        if done.returncode != 0:
            raise PluginError(
                f"ideaboard: Pagefind could not index the site (exit {done.returncode}): "
                f"{(done.stderr or done.stdout).strip()[-2000:]}"
            )

    def discard(self) -> None:
        """Drop the scratch folder (a build that failed)."""
        shutil.rmtree(self.scratch, ignore_errors=True)
