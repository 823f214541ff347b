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

Pagefind holds a whole index in memory while it builds it, about 29 KB an idea (4.4 GB
for 150,000).  So a board of more than ``PART`` ideas is indexed in parts, one after the
other: the grouped pages are dealt to the parts in turn, part 0 (with the static pages)
goes to ``pagefind/`` and part k to ``pagefind-<k>/``, and ``pagefind/parts.json`` lists
the others, which ``ideaboard-search.js`` merges into the first (Pagefind's
``mergeIndex``: one engine, the parts' metadata and word chunks).
"""

from __future__ import annotations

import json
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

from generator.files import write_atomic

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
#: Ideas to one Pagefind index at most (a part), and the file that lists the other parts.
PART = 50_000
PARTS = "parts.json"
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
        #: How many Pagefind indexes the grouped pages are dealt to (``plan``).
        self.parts = 1
        self._todo: list[tuple[Path, str]] = []

    def plan(self, ideas: int) -> None:
        """Make enough parts for ``ideas`` idea pages: at most ``PART`` to each."""
        self.parts = max(1, -(-ideas // PART))

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
            url = f"{GROUPED}/{self.part}{self.groups}/"
            self._write(url, "".join(self.group), self.lang, self.groups % self.parts)
            self.groups += 1
            self.group = []

    def _write(self, url: str, body: str, lang: str, part: int = 0) -> None:
        root = self.scratch / str(part)  # each part is a site of its own to Pagefind
        path = root / url / "index.html" if url.endswith("/") or not url else root / url
        path.parent.mkdir(parents=True, exist_ok=True)
        page = f'<!doctype html><html lang="{lang}"><body>{BODY}{body}</div></body></html>'
        path.write_text(page, "utf-8")
        self.pages += 1

    def start(self, site_dir: Path) -> None:
        """Start indexing the kept pages into ``site_dir/pagefind`` (and, for a board in
        parts, ``pagefind-<k>``), in a process of its own; ``wait`` runs the other parts."""
        self.flush()
        self.site_dir = site_dir
        parts = sorted(int(p.name) for p in self.scratch.iterdir() if p.name.isdigit())
        self._todo = [(self.scratch / str(k), FOLDER if k == 0 else f"{FOLDER}-{k}")
                      for k in parts or [0]]  # fmt: skip
        self.started = time.perf_counter()
        # What Pagefind says goes to a file: a pipe nobody reads until the end could fill.
        self.output = tempfile.TemporaryFile()  # noqa: SIM115 - closed in wait()
        self._next()

    def _next(self) -> None:
        """Start Pagefind on the next part."""
        source, folder = self._todo.pop(0)
        source.mkdir(parents=True, exist_ok=True)  # a board with no page to search
        # The binary comes from the pagefind_bin_extended wheel; ``python -m pagefind``
        # finds it.  It runs offline and writes only the bundle.
        cmd = [sys.executable, "-m", "pagefind", "--site", str(source),
               "--output-path", str(self.site_dir / folder), "--exclude-selectors", IGNORE,
               "--silent"]  # fmt: skip
        self.process = subprocess.Popen(cmd, stdout=self.output, stderr=subprocess.STDOUT)  # noqa: S603

    def wait(self) -> None:
        """Wait for the index (``start``), one part after another; the scratch goes."""
        more = [folder for _source, folder in self._todo]
        try:
            code = self.process.wait()
            while code == 0 and self._todo:
                self._next()
                code = self.process.wait()
            self.output.seek(0)
            said = self.output.read().decode("utf-8", "replace")
        finally:
            self.output.close()
            shutil.rmtree(self.scratch, ignore_errors=True)
        if code == 0:  # the other parts, for the search script to merge (site-relative)
            listed = json.dumps({"more": [f"{folder}/" for folder in more]})
            write_atomic(self.site_dir / FOLDER / PARTS, listed)
        if resource is not None:
            peaks = [resource.getrusage(w).ru_maxrss // 1024 for w in
                     (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]  # fmt: skip
            log.info(
                "ideaboard: Pagefind indexed %d pages in %d part(s) in %.1f s; peak "
                "memory: build %d MiB, Pagefind %d MiB",
                self.pages, len(more) + 1, time.perf_counter() - self.started, *peaks,
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
