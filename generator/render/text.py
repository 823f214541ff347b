"""Text, dates and orders shared by every page, feed and export of the board.

Untrusted text reaches HTML only through ``text`` (the one sanitizer, escaped)
and reaches JSON, XML and CSV only through ``plain`` (control characters gone).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from generator import i18n
from generator import sanitize as _sanitize
from generator.model import SLUG_RE, Board, Entry

#: A GitHub login: letters, digits and single hyphens, at most 39 characters.
LOGIN_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")


def category_title(category: str) -> str:
    """A status category's title in the board language (``completed`` -> ``Shipped``)."""
    return i18n.category_title(category)


def text(value: Any) -> Markup:
    """Escaped plain text, through the one sanitizer."""
    return _sanitize.text("" if value is None else value)


def plain(value: Any) -> str:
    """Cleaned plain text (control characters gone) for JSON, XML and CSV."""
    return _sanitize.clean("" if value is None else value)


def status_title(status: str, settings: Any = None) -> str:
    """A status's title in the board language (``under-review`` -> ``Under review``).

    The settings' ``status_titles`` come first, then the catalogs, then the name.
    """
    return i18n.status_title(status, settings.status_titles if settings else None)


def safe_name(value: str) -> str:
    """A file-name-safe slug for a tag or login: itself when it is a slug, else a hash."""
    if SLUG_RE.match(value) and len(value) <= 80:
        return value
    return "t-" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def person_name(login: str) -> str | None:
    """The path segment of a person's page: the lower-cased login, if it is a valid login."""
    return login.lower() if LOGIN_RE.match(login) else None


def iso(value: dt.datetime | None) -> str | None:
    """UTC ISO 8601 with a ``Z``."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def human_time(value: dt.datetime | None) -> str:
    """``20 November 2026, 12:00 UTC`` in the board language (CLDR, through Babel)."""
    if value is None:
        return i18n.pgettext("synced", "never")
    return i18n.format_datetime(value)


def human_date(value: dt.date | None) -> str:
    """``5 January 2026`` in the board language (CLDR, through Babel; cached by language)."""
    return i18n.format_date(value)


def human_month(value: dt.date) -> str:
    """``January 2026`` in the board language."""
    return i18n.format_month(value, "yMMMM")


def today(board: Board) -> dt.date | None:
    """The board's "today": the sync day.  Never the clock."""
    return board.synced_at.astimezone(dt.UTC).date() if board.synced_at else None


def build_date(board: Board) -> dt.date:
    """The date stamped on every page (sitemap): the sync day, else the last change."""
    day = today(board)
    if day is not None:
        return day
    dates = [e.idea.last_changed for e in board.entries]
    return max(dates) if dates else dt.date(2000, 1, 1)


SORTS = {
    "trending": lambda e: (-e.trending, -e.votes, e.slug),
    "top": lambda e: (-e.votes, -e.trending, e.slug),
    "newest": lambda e: (-e.idea.created.toordinal(), e.slug),
    "changed": lambda e: (-e.idea.last_changed.toordinal(), e.slug),
}
#: The orders' names, marked for translation; shown through ``sort_title``.
SORT_TITLES = {
    "trending": i18n.N_("Trending"),
    "top": i18n.N_("Top voted"),
    "newest": i18n.N_("Newest"),
    "changed": i18n.N_("Recently changed"),
}


def sort_titles() -> dict[str, str]:
    """Each order's name in the board language, in the board's order of sorts."""
    return {key: i18n.gettext(title) for key, title in SORT_TITLES.items()}


def sort_entries(entries: Iterable[Entry], order: str = "trending") -> list[Entry]:
    """Entries in one of the board's orders, with the slug as the final tie-break."""
    return sorted(entries, key=SORTS[order])


_SCHEMA_ID_RE = re.compile(r'^(  "\$id": )"[^"\n]*"', re.MULTILINE)


def with_site_id(schema: str, site_url: str, path: str) -> str:
    """A published JSON Schema whose ``$id`` is its address on this board's site.

    The shipped schemas name the sample board's site; a board of one's own must not.
    Without a ``site_url`` the ``$id`` is the path alone, relative to the site.
    """
    address = (site_url.rstrip("/") + "/" + path) if site_url else path
    return _SCHEMA_ID_RE.sub(lambda m: m.group(1) + json.dumps(address), schema, count=1)
