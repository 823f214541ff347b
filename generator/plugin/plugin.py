"""The ``ideaboard`` mkdocs plugin: wires mkdocs events to load, tally and render.

The work lives in ``generator/``; this file only connects it to mkdocs:

- ``on_config``: read the ``ideaboard`` options into ``Settings``;
- ``on_files``: load the ideas, tally them with the snapshot, render the pages
  and assets, and add them to the site as generated files;
- ``on_page_markdown`` / ``on_page_content``: every generated page is a tiny
  placeholder for Python-Markdown; its escaped title goes into ``page.meta``
  and its pre-rendered, sanitized body replaces the HTML when the page is written
  (``on_page_context``), so untrusted text never meets the site's markdown
  extensions, and only one generated body at a time is in memory.  Material's search
  (lunr) indexes no generated page; ``ib_search`` marks the pages Pagefind indexes;
- ``on_nav``: tab titles left at the scaffold's English defaults follow the board
  language (``i18n.chrome_title``), as the palette toggles do in ``on_config``;
- ``on_files``, ``on_page_context``, ``on_post_page``: of the generated pages outside the
  nav, mkdocs writes the first of each folder, with marks for its title, URL and body;
  that page is the folder's shell (``shell.py``), and the plugin writes the folder's
  other pages from it (``writer.py``, in ``on_post_build``): Material runs once a folder;
- ``on_post_page``: slim every page (``slim.py``: icons from one sprite, no indentation);
- ``on_post_build``: write the pages from the shells, the feeds, the board index and
  the people pages, half of them in a forked child on a big board (``halves.py``); add
  the pages to the sitemap (``sitemap.py``); write the icon sprite and the shared
  scripts, and build the Pagefind index (``search.py``);
- ``on_serve``: watch ``ideas/`` and the snapshot, so editing a YAML file
  rebuilds and reloads the page.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import logging
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator import halves, i18n, render
from generator.config import IdeaboardConfig, Settings, settings_from
from generator.errors import IdeaboardError
from generator.files import write_atomic
from generator.model import page_path
from generator.pipeline import BuiltBoard, build_board, without_votes
from generator.plugin.search import SearchIndex
from generator.plugin.slim import SPRITE, Slimmer
from generator.plugin.writer import ShellPages

log = logging.getLogger("mkdocs.plugins.ideaboard")

# The markdown mkdocs sees for a generated page: nothing for its extensions to act on.
PLACEHOLDER = "\n"
# From this many ideas on, idea pages and lists of cards are rendered lazily (on_files).
LAZY_IDEAS = 2000
# Generated pages that the nav in mkdocs.yml may list; the rest stay out of it.
NAV_PAGES = frozenset(
    {"index.md", "roadmap.md", "shipped.md", "proposals.md", "insights.md", "tags/index.md"}
)


def release_memory() -> None:
    """Collect what is no longer used and hand the freed memory back to the system
    (glibc keeps it for the process otherwise; elsewhere only the collection runs)."""
    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the collection is all
        pass


class IdeaboardPlugin(BasePlugin[IdeaboardConfig]):
    """Generate the idea board's pages during ``mkdocs build`` and ``mkdocs serve``."""

    #: Write the generated pages outside the nav from their folder's shell (tests turn it
    #: off to check those pages are what Material writes when it renders each one).
    share_chrome = True

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.site: render.Site | None = None
        self.date: str | None = None
        self.slimmer = Slimmer()
        #: The pages written from a folder's shell, and the writing (``writer.py``).
        self.writer = ShellPages(self.slimmer, self._marked)
        #: Whether to write a big board's pages in two processes (``on_startup``).
        self.fork = False
        self.search: SearchIndex | None = None
        #: A board that ``ideaboard build`` already built for this run (it validated and
        #: synced first); used once, so ``mkdocs serve`` rebuilds from the files.
        self.prebuilt: BuiltBoard | None = None
        #: The opening of the box that marks generated bodies with the board's own language.
        self.own_language: str | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.settings = settings_from(
            self.config,
            root,
            site_url=config.site_url or "",
            site_name=config.site_name,
            language=config.theme.get("language"),
        )
        # Material marks pages with theme.language (<html lang>, <body dir>); a board
        # language of its own marks the generated bodies instead.
        try:
            board = i18n.resolve(self.settings.language)
        except IdeaboardError as exc:
            raise PluginError(str(exc)) from None
        theme = config.theme.get("language") or i18n.SOURCE
        self.own_language = None
        if board.tag != theme:
            self.own_language = f'<div lang="{escape(board.tag)}" dir="{board.direction}">'
        with i18n.using(self.settings.language):
            for option in config.theme.get("palette") or []:
                toggle = option.get("toggle") if isinstance(option, dict) else None
                if isinstance(toggle, dict) and isinstance(toggle.get("name"), str):
                    toggle["name"] = i18n.chrome_title(toggle["name"])
        if not config.use_directory_urls:
            # Links between generated pages are written for folder URLs (tags/<tag>/).
            raise PluginError("ideaboard: expected use_directory_urls: true but received false")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.search = SearchIndex()
        board, insights = self._tally()
        # On a big board, idea pages and lists are rendered when written and then dropped
        # (on_page_context, on_post_page, writer.py); a small board renders them at once.
        lazy = len(board.entries) >= LAZY_IDEAS
        self.site = render.render_site(board, insights, self.settings, lazy=lazy)
        # Pages carry the sync day as their date, so the sitemap is the same every time.
        self.date = render.build_date(board).isoformat()
        self.search.plan(sum(1 for path in self.site.pages if path.startswith("ideas/")))
        del board, insights  # the renderer keeps what the idea pages need
        self.writer = ShellPages(self.slimmer, self._marked)
        for path, page in self.site.pages.items():
            in_nav = path in NAV_PAGES
            file = self._add(files, config, path, PLACEHOLDER, in_nav=in_nav)
            if path.startswith("ideas/") and path.count("/") == 1:
                # An idea's page is a file, not a folder: ideas/<slug>.html.
                file.dest_uri = file.url = page_path(path.removeprefix("ideas/")[:-3])
            if not in_nav and self.share_chrome and self.writer.place(path, file, page):
                files.remove(file)  # written from its folder's shell (on_post_build)
        for path, content in self.site.assets.items():
            self._add(files, config, path, content, in_nav=False)
        # The board stays alive while mkdocs writes the pages (idea pages are rendered
        # then); keep the collector from walking it over and over.  Undone after the build.
        gc.freeze()
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if self.date:
            page.update_date = self.date
        generated = self._page(page)
        # Lunr indexes nothing generated; Pagefind indexes idea and static pages.
        excluded = (page.meta.get("search") or {}).get("exclude")
        page.meta["ib_search"] = not excluded if generated is None else generated.search
        if generated is None:
            return markdown
        # Material prints page titles without escaping: give it the escaped one.  (The
        # home page keeps its nav title, so its <title> is the site name alone.)
        if not page.is_homepage:
            page.meta["title"] = str(generated.title)
        # Tabs (desktop) and the drawer (phone) carry the nav; the cards want the width.
        page.meta["hide"] = ["navigation", "toc"]
        page.meta["search"] = {"exclude": True}
        return PLACEHOLDER

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # mkdocs converts every page before it writes any: a generated body is put in only
        # when its page is written (on_page_context) and dropped after (on_post_page), so
        # a big board's bodies (a gigabyte at 150,000 ideas) are never all in memory.
        return html if self._page(page) is None else ""

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        with i18n.using(self.settings.language):
            for item in nav.items:
                if isinstance(item.title, str):
                    item.title = i18n.chrome_title(item.title)
        return nav

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        generated = self._page(page)
        # The first page of its folder gets marks (its folder's shell); others their body.
        if generated is not None and not self.writer.mark(page):
            page.content = self._marked(generated.body)
        return context

    def _marked(self, body) -> str:
        """A generated body, in a ``lang``/``dir`` box when the board's language is its own."""
        return f"{self.own_language}{body}</div>" if self.own_language else str(body)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # mkdocs keeps every page's HTML until the build ends; a generated page's is not
        # needed once written, and a big board has hundreds of thousands of them.
        generated = self._page(page)
        if generated is not None:
            page.content = None
        # Icons into one sprite, no indentation: most of a page was Material's chrome.
        output = self.slimmer.slim(output, "../" * page.url.count("/"))
        if generated is not None:
            output = self.writer.made(page, output, generated)
        if page.meta.get("ib_search") and self.search is not None:
            self.search.add(page.url, output, config.theme.get("language") or "en")
        return output

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A build writes a big board's pages in two processes (halves.py); serve, whose
        # server runs threads, in one.
        self.fork = command in ("build", "gh-deploy")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        if self.site is not None:
            self._write_later(site_dir, config.theme.get("language") or "en")
            self.writer.add_to_sitemap(site_dir, config.site_url or "", self.date)
        gc.unfreeze()
        written = {SPRITE: self.slimmer.sprite(), **self.slimmer.scripts}
        for path, text in written.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
        # Let the board go before Pagefind starts: on a big board it and Pagefind are each
        # gigabytes, and only one of them is needed now (serve rebuilds from scratch).
        self.site, self.writer = None, ShellPages(self.slimmer, self._marked)
        release_memory()
        if self.search is not None:
            search, self.search = self.search, None
            search.start(site_dir)
            search.wait()

    def _write_later(self, site_dir: Path, language: str) -> None:
        """The pages from the shells, the feeds, the board index and the people pages, half
        in a fork (on_post_build lets the board go once this returns, with its locals)."""
        jobs: list = [*self.writer.later, *self.site.lazy_assets]
        write = functools.partial(
            self.writer.write_part, self.site, self.search, site_dir, language
        )
        try:
            done = halves.in_halves(jobs, write, fork=self.fork)
        except halves.HalfFailed as exc:
            raise PluginError(f"ideaboard: {exc}") from None
        for symbols, scripts, searched in done[1:]:
            self.slimmer.symbols.update(symbols)
            self.slimmer.scripts.update(scripts)
            if self.search is not None:
                self.search.pages += searched

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        if self.search is not None:
            self.search.discard()
            self.search = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        if self.settings is not None:
            for path in (self.settings.ideas_dir, self.settings.snapshot):
                if path.exists():
                    server.watch(str(path))
        return server

    # -- helpers --------------------------------------------------------------------

    def _tally(self):
        built, self.prebuilt = self.prebuilt, None
        if built is None:
            try:
                built = build_board(self.settings, fork=self.fork)
            except IdeaboardError as exc:
                raise PluginError(f"ideaboard: {exc}") from None
        return without_votes(built.board), built.insights

    def _page(self, page: Page) -> render.Page | render.LazyIdeaPage | None:
        if self.site is None or page.file.generated_by != "ideaboard":
            return None
        return self.site.pages.get(page.file.src_uri)

    @staticmethod
    def _add(files: Files, config: MkDocsConfig, path: str, content: str, in_nav: bool) -> File:
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning("ideaboard: %s is generated; the file in docs_dir is ignored", path)
            files.remove(existing)
        file = File.generated(
            config,
            path,
            content=content,
            inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV,
        )
        file.generated_by = "ideaboard"
        files.append(file)
        return file
