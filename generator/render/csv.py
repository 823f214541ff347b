"""``api/ideas.csv``: one row per visible idea, for a spreadsheet (RFC 4180).

Rows end in CRLF, every field that holds a comma, a quote or a line break is
quoted, and quotes are doubled (Python's ``csv`` module with ``excel`` rules).
A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would run as a formula in Excel, LibreOffice or Google Sheets: it gets a leading
``'``, which the spreadsheets show as text (OWASP's CSV injection advice).
Numbers the board computes (votes, ICE) are written as they are.
"""

from __future__ import annotations

import csv
import io

from generator.model import page_path
from generator.render.text import plain, sort_entries
from generator.render.view import Renderer

COLUMNS = (
    "slug",
    "title",
    "status",
    "category",
    "votes",
    "comments",
    "ice",
    "created",
    "last_changed",
    "issue_url",
    "tags",
    "page_url",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(value: str) -> str:
    """Untrusted text as a cell that no spreadsheet runs as a formula."""
    value = plain(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def ideas_csv(r: Renderer) -> str:
    """Every visible idea as a CSV row, most voted first, then by slug."""
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    site = r.settings.site_url.rstrip("/")
    for e in sort_entries(r.visible, "top"):
        idea = e.idea
        writer.writerow(
            (
                guard(idea.slug),
                guard(idea.title),
                idea.status,
                e.category,
                e.votes,
                e.comments,
                idea.score.ice if idea.score else "",
                idea.created.isoformat(),
                idea.last_changed.isoformat(),
                guard(r.issue_url(e) or ""),
                guard("; ".join(idea.tags)),
                guard(f"{site}/{page_path(idea.slug)}" if site else page_path(idea.slug)),
            )
        )
    return out.getvalue()
