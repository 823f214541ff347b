"""Site search with Pagefind: the index is built from the searchable part of each page.

Material's search (lunr) sends the whole index to every visitor who opens the search
box (8 MB at 10,000 ideas).  Pagefind splits its index into fragments and a query
loads only the ones it needs.  The header's search box (``partials/search.html``)
queries it through ``ideaboard-search.js``; Material's search plugin stays on only because
Material's header shows its search box with it, and it indexes no generated page.

Pagefind parses every page it indexes, and its index lists every page (a few bytes
each, which every query downloads), so it is not run over the site.  As mkdocs writes a
page marked ``data-pagefind-body`` (``main.html``, for pages whose meta has
``ib_search``: idea and static pages), ``SearchIndex.add`` keeps only that part in a
scratch folder: a static page at its own path, and idea pages ``GROUP`` to a scratch
page (``_ideas/<k>/``), each under a heading whose id is its slug.  Pagefind returns a
match inside such a page as a sub-result with that id, and ``ideaboard-search.js`` links it
to ``ideas/<slug>.html``.  ``SearchIndex.start`` indexes the folder into ``site/pagefind``
while the plugin writes the rest of the site, and ``wait`` waits for it.
A board of 150,000 ideas is then 7,500 pages to Pagefind, not 150,000.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

try:  # peak memory in the log (Unix); the benchmark reads it
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None

log = logging.getLogger("mkdocs.plugins.ideaboard")

#: The folder of the search bundle in the site, as ``partials/search.html`` expects.
FOLDER = "pagefind"
BODY = "<div data-pagefind-body>"
END = "</article>"
#: Parts of an idea page that are not what people search for.
IGNORE = (
    ".ib-vote,.ib-progress,.ib-facts,.ib-notice,.ib-sparkline,.ib-milestones,"
    ".ib-voters-section,.ib-follow"  # names and the same words on every idea
)
#: Idea pages to one page of the index.
GROUP = 20
#: The folder of the grouped idea pages, as ``ideaboard-search.js`` expects.
GROUPED = "_ideas"
_IDEA_URL = re.compile(r"ideas/([^/]+)\.html")
_HEADING_ID = re.compile(r"(<h[1-6])\s+id=\"[^\"]*\"")
_H1 = re.compile(r"<h1>(.*?)</h1>", re.S)


class SearchIndex:
    """The searchable part of each written page, then Pagefind over them."""

    def __init__(self) -> None:
        # In memory where the system has it: a big board writes 100,000s of small files.
        shm = Path("/dev/shm")  # noqa: S108 - mkdtemp makes a private (0700) folder in it
        where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
        self.scratch = Path(tempfile.mkdtemp(prefix="ideaboard-search-", dir=where))
        self.pages = 0
        self.group: list[str] = []
        self.groups = 0
        self.lang = "en"
        self.process: subprocess.Popen | None = None
        #: Names the grouped pages of one of the two writing processes apart (``halves``).
        self.part = ""

    def add(self, url: str, html: str, lang: str) -> None:
        """Keep the part of the page at ``url`` (a site-relative URL) marked for search."""
        start = html.find(BODY)
        if start < 0:
            return
        end = html.find(END, start)
        body = html[start + len(BODY) : end if end > 0 else len(html)]
        body = body[: body.rfind("</div>")]  # the close of BODY (main.html)
        self.lang = lang
        idea = _IDEA_URL.fullmatch(url)
        if idea is None:
            self._write(url or "", body, lang)
            return
        # Only the idea's own heading has an id: it names the idea in the results.
        body = _H1.sub(
            lambda m: f'<h2 id="{idea[1]}">{m[1]}</h2>', _HEADING_ID.sub(r"\1", body), count=1
        )
        self.group.append(f"<section>{body}</section>")
        if len(self.group) >= GROUP:
            self.flush()

    def second_part(self) -> None:
        """In the forked writer (``halves``): name its groups of pages apart, and leave the
        group that was open at the fork to the parent, which writes it."""
        self.part, self.group = "b", []

    def flush(self) -> None:
        """Write the group of idea pages kept so far (a part's last, or before a fork)."""
        if self.group:
            self._write(f"{GROUPED}/{self.part}{self.groups}/", "".join(self.group), self.lang)
            self.groups += 1
            self.group = []

    def _write(self, url: str, body: str, lang: str) -> None:
        path = self.scratch / url / "index.html" if url.endswith("/") or not url else None
        path = path or self.scratch / url
        path.parent.mkdir(parents=True, exist_ok=True)
        page = f'<!doctype html><html lang="{lang}"><body>{BODY}{body}</div></body></html>'
        path.write_text(page, "utf-8")
        self.pages += 1

    def start(self, site_dir: Path) -> None:
        """Start indexing the kept pages into ``site_dir/pagefind``, in a process of its
        own: the plugin writes the rest of the site on the other core meanwhile."""
        self.flush()
        # The binary comes from the pagefind_bin_extended wheel; ``python -m pagefind``
        # finds it.  It runs offline and writes only the bundle.
        cmd = [sys.executable, "-m", "pagefind", "--site", str(self.scratch),
               "--output-path", str(site_dir / FOLDER), "--exclude-selectors", IGNORE,
               "--silent"]  # fmt: skip
        self.started = time.perf_counter()
        # What Pagefind says goes to a file: a pipe nobody reads until the end could fill.
        self.output = tempfile.TemporaryFile()  # noqa: SIM115 - closed in wait()
        self.process = subprocess.Popen(cmd, stdout=self.output, stderr=subprocess.STDOUT)  # noqa: S603

    def wait(self) -> None:
        """Wait for the index (``start``); the scratch folder goes."""
        try:
            code = self.process.wait()
            self.output.seek(0)
            said = self.output.read().decode("utf-8", "replace")
        finally:
            self.output.close()
            shutil.rmtree(self.scratch, ignore_errors=True)
        if resource is not None:
            peaks = [resource.getrusage(w).ru_maxrss // 1024 for w in
                     (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]  # fmt: skip
            log.info(
                "ideaboard: Pagefind indexed %d pages in %.1f s; peak memory: "
                "build %d MiB, Pagefind %d MiB",
                self.pages, time.perf_counter() - self.started, *peaks,
            )  # fmt: skip
        if code != 0:
            raise PluginError(
                f"ideaboard: Pagefind could not index the site (exit {code}): "
                f"{said.strip()[-2000:]}"
            )

    def discard(self) -> None:
        """Stop indexing and drop the scratch folder (a build that failed)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.scratch, ignore_errors=True)
