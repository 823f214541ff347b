"""The board's index in shards: each sort and filter of the board, in pages of cards.

The board's script never downloads the whole board.  For every view (all ideas but
duplicates, each status category, each tag) and every sort, the ideas are written in
their order, ``PAGE`` cards to a file::

    api/board/meta.json                    statuses; tags as [page name, name]
    api/board/<view>/<sort>/<page>.json    {"total": T, "pages": P, "counts": {...},
                                            "ideas": [...]}

``<view>`` is ``all``, ``c-<category>`` or ``t-<tag page name>``.  A card is a list,
``[slug, title, summary, status, votes, comments, [tag numbers]]`` (tag numbers index
``meta.json``'s ``tags``); ``counts`` gives the view's ideas per status category.
Changing the sort, the status or the tag fetches one page of one view, whatever the
board's size.  A tag and a category together are filtered
in the browser from the tag's pages (see ``ideaboard.js``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from generator.model import statuses as st
from generator.render.api import INDEX_SUMMARY, INDEX_TITLE, clip, dumps
from generator.render.text import plain, safe_name, sort_entries, status_title

if TYPE_CHECKING:
    from generator.model import Entry
    from generator.render.view import Renderer

#: Cards a page of the index holds: the board shows as many at a time.
PAGE = 60
ROOT = "api/board"


def board_shards(r: Renderer, sorts: Iterable[str]) -> dict[str, str]:
    """Every file of the sharded index, by path relative to ``docs_dir``."""
    return {path: make() for path, make in shard_makers(r, sorts).items()}


def shard_makers(r: Renderer, sorts: Iterable[str]) -> dict[str, Callable[[], str]]:
    """Every file of the sharded index, each as a function that writes it.

    The views are put in order here (references to the cards); each page's JSON is
    written only when its function is called, so a big board's index (0.4 GB of text
    at 150,000 ideas) is never in memory at once.
    """
    shown = {safe_name(t): plain(t)[:60] for e in r.visible for t in e.idea.tags}
    tag_names = sorted(shown)
    tag_ids = {name: i for i, name in enumerate(tag_names)}
    statuses = {s: [status_title(s, r.settings), c] for s, c in r.settings.statuses.items()}

    def card(e: Entry) -> list[Any]:
        idea = e.idea
        tags = [tag_ids[safe_name(t)] for t in dict.fromkeys(idea.tags)][:8]
        title, summary = plain(idea.title), plain(idea.summary)
        return [idea.slug, clip(title, INDEX_TITLE), clip(summary, INDEX_SUMMARY),
                idea.status, e.votes, e.comments, tags]  # fmt: skip

    cards = {e.slug: card(e) for e in r.visible}
    views: dict[str, list[Entry]] = {"all": []}
    for c in st.CATEGORIES:
        views[f"c-{c}"] = []
    for name in tag_names:
        views[f"t-{name}"] = []
    for e in r.visible:
        if e.category != st.DUPLICATE:
            views["all"].append(e)
        views[f"c-{e.category}"].append(e)
        for name in dict.fromkeys(safe_name(t) for t in e.idea.tags):
            views[f"t-{name}"].append(e)
    counts = {
        view: {c: n for c in st.CATEGORIES if (n := sum(e.category == c for e in entries))}
        for view, entries in views.items()
    }
    meta = {"v": 1, "page": PAGE, "statuses": statuses,
            "tags": [[name, shown[name]] for name in tag_names]}  # fmt: skip
    out: dict[str, Callable[[], str]] = {f"{ROOT}/meta.json": functools.partial(dumps, meta)}
    for sort in sorts:
        for view, entries in views.items():
            ordered = [cards[e.slug] for e in sort_entries(entries, sort)]
            out.update(_pages(f"{ROOT}/{view}/{sort}", ordered, counts[view]))
    return out


def _pages(
    folder: str, ordered: list[list[Any]], counts: dict[str, int]
) -> dict[str, Callable[[], str]]:
    """One view in one order, in pages of ``PAGE`` cards (one empty page if none)."""
    pages = max(1, -(-len(ordered) // PAGE))
    return {
        f"{folder}/{k}.json": functools.partial(_page, ordered, k, pages, counts)
        for k in range(pages)
    }


def _page(ordered: list[list[Any]], k: int, pages: int, counts: dict[str, int]) -> str:
    return dumps(
        {
            "total": len(ordered),
            "pages": pages,
            "counts": counts,
            "ideas": ordered[k * PAGE : (k + 1) * PAGE],
        }
    )
