"""The pages and files the plugin writes itself, rather than mkdocs.

- Of the generated pages outside the nav, mkdocs writes the first of each folder with
  marks for its title, URL and body: that page is the folder's ``Shell``, and the
  folder's other pages are written from it (``ShellPages``).
- A big board's pages from shells, feeds, board shards and people pages are written by
  ``ShellPages.write_part``, in two processes where ``halves`` can fork.
- The pages written from shells go into mkdocs' sitemap (``ShellPages.add_to_sitemap``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator import render
from generator.plugin import sitemap
from generator.plugin.search import SearchIndex
from generator.plugin.shell import BODY, TITLE, URL, Shell, canonical_base
from generator.plugin.slim import Slimmer

#: A folder of pages that share a shell: its path and whether Pagefind indexes them.
Folder = tuple[str, bool]


class ShellPages:
    """Which generated pages come from a shell, the shells, and writing the site's files."""

    def __init__(self, slimmer: Slimmer, marked: Callable[[Any], str]) -> None:
        self.slimmer = slimmer
        self.marked = marked  # a body in the board language's box, if it has one
        self.shells: dict[Folder, Shell] = {}
        #: The page mkdocs writes to make each folder's shell, by its source path.
        self.prototypes: dict[str, Folder] = {}
        self.canonical: dict[Folder, str | None] = {}
        #: The pages written from a shell: (source path, URL, destination, folder).
        self.later: list[tuple[str, str, str, Folder]] = []
        #: The folders made in the site while writing (a big board writes 100,000s of files).
        self.folders: set[Path] = set()
        self._seen: set[Folder] = set()

    def place(self, path: str, file: File, page: render.Page | render.LazyPage) -> bool:
        """Whether the generated page ``path`` (outside the nav) is written from a shell;
        if not, mkdocs writes it and it makes its folder's shell."""
        folder = (posixpath.dirname(file.url.rstrip("/")), page.search)
        if folder not in self._seen:
            self._seen.add(folder)
            self.prototypes[path] = folder
            return False
        self.later.append((path, file.url, file.abs_dest_path, folder))
        return True

    def mark(self, page: Page) -> bool:
        """Put the marks into a folder's first page before Material renders it (False for
        any other page)."""
        folder = self.prototypes.get(page.file.src_uri)
        if folder is None:
            return False
        self.canonical[folder] = canonical_base(page.canonical_url, page.url)
        page.content = BODY  # the body goes in with its language box (fill)
        page.meta["title"] = TITLE
        if page.canonical_url:
            page.canonical_url = URL
        return True

    def made(self, page: Page, output: str, generated) -> str:
        """The slimmed ``output`` of a page; of a folder's first page, that makes the shell,
        and the page itself is written from it."""
        folder = self.prototypes.get(page.file.src_uri)
        if folder is None:
            return output
        self.shells[folder] = Shell(output, self.canonical[folder])
        return self.fill(folder, generated, page.url)

    def fill(self, folder: Folder, generated, url: str) -> str:
        """The generated page at ``url``, written into its folder's shell."""
        body = self.slimmer.slim_body(self.marked(generated.body), "../" * url.count("/"))
        return self.shells[folder].fill(str(generated.title), url, body)

    def write_part(
        self,
        site: render.Site,
        search: SearchIndex | None,
        site_dir: Path,
        language: str,
        jobs: Sequence[Any],
        part: int,
    ) -> tuple[dict, dict, int]:
        """Write ``jobs``: pages from a shell (tuples) and lazy assets (paths); ``part`` 1 is
        the forked child.  Returns the icons and scripts the pages used and the count of
        pages kept for search (what the parent needs from the child)."""
        if search is not None and part:
            search.second_part()
        searched = search.pages if search is not None else 0
        for job in jobs:
            if isinstance(job, str):  # a big board's feed, board shard or person page
                self.write(site_dir / job, site.lazy_assets[job]())
                continue
            path, url, dest, folder = job
            html = self.fill(folder, site.pages[path], url)
            self.write(Path(dest), html)
            if folder[1] and search is not None:
                search.add(url, html, language)
        if search is None:
            return self.slimmer.symbols, self.slimmer.scripts, 0
        search.flush()
        return self.slimmer.symbols, self.slimmer.scripts, search.pages - searched

    def add_to_sitemap(self, site_dir: Path, site_url: str, date: str | None) -> None:
        """Add the pages written from a shell to mkdocs' sitemap (split when too big)."""
        entries = []
        for _path, url, _dest, folder in self.later:
            base = self.shells[folder].site_url
            if base is not None:
                entries.append(sitemap.entry(f"{base}{url}", date))
        written = site_dir / "sitemap.xml"
        if entries and written.is_file():
            gz = written.with_suffix(".xml.gz")
            mtime = sitemap.gzip_mtime(gz.read_bytes()) if gz.is_file() else 0
            files = sitemap.sitemaps(written.read_text("utf-8"), entries, site_url)
            for path, text in files.items():
                self.write(site_dir / path, text)
            gz.write_bytes(sitemap.gzipped(files["sitemap.xml"], str(gz), mtime))

    def write(self, target: Path, text: str) -> None:
        """Write a page or asset of a big board (no fsync: there are 100,000s of them)."""
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        target.write_bytes(text.encode("utf-8"))
