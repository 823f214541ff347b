"""What the renderer hands the plugin: pages (rendered now or when written) and the site.

``Page`` is a rendered page; ``LazyPage`` renders its body when mkdocs writes it, in the
board language; ``Site`` is every page and asset by path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from generator import i18n


@dataclass(frozen=True)
class Page:
    """A generated page: its escaped title and its sanitized HTML body."""

    title: Markup
    body: Markup
    search: bool = True  # False: left out of the search index (lists of cards)


class LazyPage:
    """A page whose body is rendered when asked for, and not kept.

    A board of 10,000 ideas has about 80 MB of idea page bodies; the plugin renders
    each one when mkdocs writes the page, so they are never all in memory at once.
    It has the attributes of a ``Page``; Pagefind indexes the page mkdocs writes.
    """

    def __init__(
        self,
        title: Callable[[], Markup],
        body: Callable[[], Markup],
        language: str | None = None,
        *,
        search: bool = True,
    ) -> None:
        self._title, self._body = title, body
        self._language = language
        self.search = search

    @property
    def title(self) -> Markup:
        with i18n.using(self._language):
            return self._title()

    @property
    def body(self) -> Markup:
        with i18n.using(self._language):
            return self._body()


#: The plugin's name for a lazy page (idea pages were the first).
LazyIdeaPage = LazyPage


@dataclass
class Site:
    """Everything the plugin adds to the site, by path relative to ``docs_dir``.

    ``lazy_assets`` are files rendered when called (a big board's per-person feeds):
    the plugin writes each when the site is written and keeps none in memory.
    """

    pages: dict[str, Page | LazyPage] = field(default_factory=dict)
    assets: dict[str, str] = field(default_factory=dict)
    lazy_assets: dict[str, Callable[[], str]] = field(default_factory=dict)
