"""What a visitor downloads: each visitor action on a built board, bytes counted in Chromium.

``walk(url, slug, word, tag)`` opens the board served at ``url`` in Debian's Chromium
(through Playwright, offline) and does what a visitor does, in one browser context so
the cache works as it does for a person:

- ``home``: open the home page;
- ``sort``: sort by most votes; ``status``: show the completed ideas; ``tag``: filter by
  ``tag``; ``more``: show the next page of cards;
- ``search``: type ``word`` into the header search until idea ``slug`` is listed;
- ``idea``: open that idea's page;
- ``nojs``: open the first status page with JavaScript off (a fresh context).

Every response's body is counted once, the first time its URL is fetched (later uses
come from the cache).  Theme static files (``assets/stylesheets``, ``assets/javascripts``,
``assets/images``) are counted apart from HTML and data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.browser import launch_browser

STATIC = ("/assets/stylesheets/", "/assets/javascripts/", "/assets/images/")
ACTIONS = ("home", "sort", "status", "tag", "more", "search", "idea", "nojs")
CARDS = "[data-ib-cards] .ib-card"
#: The cards holder once the board's script has the page of the index it asked for.
IDLE = "[data-ib-cards]:not([aria-busy])"


@dataclass
class Counter:
    """Bytes of responses by action, each URL counted once (the cache serves repeats)."""

    seen: set[str] = field(default_factory=set)
    pending: list = field(default_factory=list)
    data: dict[str, int] = field(default_factory=dict)
    static: dict[str, int] = field(default_factory=dict)
    urls: dict[str, list[str]] = field(default_factory=dict)

    def attach(self, page) -> None:
        page.on("response", lambda response: self.pending.append(response))

    def settle(self, action: str) -> None:
        """Count what arrived since the last action as ``action``'s bytes."""
        data = static = 0
        urls = []
        for response in self.pending:
            url = response.url.split("#")[0]
            if url in self.seen or response.status >= 300:
                continue
            self.seen.add(url)
            try:
                size = len(response.body())
            except Exception:  # a body the browser dropped (a redirect)
                continue
            path = urlsplit(url).path
            if any(part in path for part in STATIC):
                static += size
            else:
                data += size
                urls.append(f"{path} {size}")
        self.pending.clear()
        self.data[action] = data
        self.static[action] = static
        self.urls[action] = urls


def _act(page, counter: Counter, action: str, do: Callable[[], None]) -> None:
    do()
    page.wait_for_load_state("networkidle")
    counter.settle(action)


def walk(url: str, slug: str, word: str, tag: str, status_page: str, browser=None) -> Counter:
    """Every visitor action on the board at ``url``; see the module's docstring.

    ``browser`` is a Playwright browser to use; without one, Chromium is started.
    """
    if browser is None:
        with launch_browser() as browser:
            return walk(url, slug, word, tag, status_page, browser)
    counter = Counter()
    context = browser.new_context()
    page = context.new_page()
    counter.attach(page)
    _act(page, counter, "home", lambda: page.goto(url))
    page.wait_for_selector("[data-ib-board]:not([hidden])")

    def choose(name: str, value: str) -> Callable[[], None]:
        def do() -> None:
            page.select_option(f"[data-ib-board] [name={name}]", value)
            page.wait_for_selector(IDLE)

        return do

    _act(page, counter, "sort", choose("sort", "top"))
    _act(page, counter, "status", choose("category", "completed"))
    _act(page, counter, "tag", choose("tag", tag))
    for name in ("category", "tag"):
        choose(name, "")()
    page.wait_for_load_state("networkidle")
    counter.settle("reset")

    def more() -> None:
        shown = page.locator(CARDS).count()
        page.click("[data-ib-more]")
        page.wait_for_function(f"n => document.querySelectorAll({CARDS!r}).length > n", arg=shown)

    _act(page, counter, "more", more)

    def search() -> None:
        page.fill(".md-search__input", word)
        page.wait_for_selector(f".md-search-result__list a[href*='ideas/{slug}.html']")

    _act(page, counter, "search", search)
    _act(page, counter, "idea", lambda: page.goto(f"{url}ideas/{slug}.html"))
    context.close()
    nojs = browser.new_context(java_script_enabled=False)
    page = nojs.new_page()
    counter.attach(page)
    _act(page, counter, "nojs", lambda: page.goto(f"{url}{status_page}"))
    nojs.close()
    return counter
