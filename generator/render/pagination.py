"""Long lists of cards in pages: ``status/<s>/``, ``status/<s>/2/`` ... and the same for tags.

A status page of a big board lists tens of thousands of ideas; written as one page it
would be tens of megabytes.  Without JavaScript those pages are how a visitor reaches
every idea, so they are cut into pages of ``PER_PAGE`` cards (about 100 KB of HTML)
with links to the previous and next page and the page count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from markupsafe import Markup

from generator.i18n import _

#: Cards on one page of a list: about 500 bytes each.
PER_PAGE = 200

T = TypeVar("T")
P = TypeVar("P")


def page_path(stem: str, number: int) -> str:
    """The source path of page ``number`` (from 1) of the list at ``stem``."""
    return f"{stem}.md" if number == 1 else f"{stem}/{number}.md"


def page_base(stem: str, number: int) -> str:
    """The relative path from page ``number`` of ``stem`` up to the site's root."""
    depth = stem.count("/") + 1 + (number > 1)
    return "../" * depth


def pager(stem: str, number: int, pages: int) -> Markup:
    """Links to the previous and next pages, relative to page ``number`` (none if one page)."""
    if pages <= 1:
        return Markup("")
    up = page_base(stem, number)

    def href(k: int) -> str:
        return f"{up}{stem}/" if k == 1 else f"{up}{stem}/{k}/"

    parts = [Markup('<nav class="ib-pager" aria-label="{}">').format(_("Pages"))]
    if number > 1:
        parts.append(
            Markup('<a href="{}" rel="prev">{}</a> ').format(href(number - 1), _("Previous page"))
        )
    page_of = _("Page %(number)s of %(pages)s") % {"number": number, "pages": pages}
    parts.append(Markup("<span>{}</span>").format(page_of))
    if number < pages:
        parts.append(
            Markup(' <a href="{}" rel="next">{}</a>').format(href(number + 1), _("Next page"))
        )
    parts.append(Markup("</nav>"))
    return Markup("").join(parts)


def paginate(
    stem: str, items: Sequence[T], page: Callable[[Sequence[T], str, Markup], P]
) -> dict[str, P]:
    """The pages of a list: ``page(chunk, base, pager)`` for each, by source path."""
    pages = max(1, -(-len(items) // PER_PAGE))
    return {
        page_path(stem, k): page(
            items[(k - 1) * PER_PAGE : k * PER_PAGE], page_base(stem, k), pager(stem, k, pages)
        )
        for k in range(1, pages + 1)
    }
