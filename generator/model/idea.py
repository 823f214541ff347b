"""An idea as maintainers write it: one YAML file in ``ideas/``, as frozen dataclasses.

``Idea.from_mapping`` builds an idea from a mapping that already passed the JSON
Schema (``schema.py``); it does not validate again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: A slug is the file name without ``.yaml``: lowercase letters, digits and single hyphens.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)
SLUG_MAX_LENGTH = 80


def page_path(slug: str) -> str:
    """Where an idea's page is on the site, from its root: ``ideas/<slug>.html``.

    A file rather than a folder (``ideas/<slug>/index.html``): on a board of 150,000
    ideas the folders alone would be 0.6 GB of the 1 GB that GitHub Pages publishes.
    """
    return f"ideas/{slug}.html"


@dataclass(frozen=True)
class HistoryEntry:
    """One status change: when, to what, and the public note that explains it."""

    date: dt.date
    status: str
    note: str = ""


@dataclass(frozen=True)
class ShippedIn:
    """The release an idea shipped in, and where its release notes are."""

    release: str
    url: str | None = None


@dataclass(frozen=True)
class Link:
    """A related link: a spec, a discussion, a pull request, a doc page."""

    title: str
    url: str


@dataclass(frozen=True)
class Score:
    """The ICE model: impact, confidence and ease, each 1-10."""

    impact: int
    confidence: int
    ease: int

    @property
    def ice(self) -> int:
        """The ICE score, impact x confidence x ease (1-1000)."""
        return self.impact * self.confidence * self.ease


@dataclass(frozen=True)
class Idea:
    """One idea on the board."""

    slug: str
    path: str  # as given to the loader, for messages: "ideas/dark-mode.yaml"
    title: str
    summary: str
    status: str
    created: dt.date
    description: str = ""
    issue: int | None = None
    tags: tuple[str, ...] = ()
    owner: str | None = None
    history: tuple[HistoryEntry, ...] = ()
    duplicate_of: str | None = None
    shipped_in: ShippedIn | None = None
    links: tuple[Link, ...] = ()
    score: Score | None = None
    hidden: bool = False
    #: 1-based line of each top-level key and of nested ones ("history.2.date"), for messages.
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def last_changed(self) -> dt.date:
        """The date of the last status change, or the creation date."""
        return self.history[-1].date if self.history else self.created

    @classmethod
    def from_mapping(
        cls, slug: str, path: str, data: Mapping[str, Any], lines: Mapping[str, int] | None = None
    ) -> Idea:
        """Build an idea from a mapping that passed the schema."""
        shipped = data.get("shipped_in")
        score = data.get("score")
        return cls(
            slug=slug,
            path=path,
            title=data["title"],
            summary=data["summary"],
            status=data["status"],
            created=_date(data["created"]),
            description=data.get("description") or "",
            issue=data.get("issue"),
            tags=tuple(data.get("tags") or ()),
            owner=data.get("owner"),
            history=tuple(
                HistoryEntry(_date(h["date"]), h["status"], h.get("note") or "")
                for h in data.get("history") or ()
            ),
            duplicate_of=data.get("duplicate_of"),
            shipped_in=ShippedIn(shipped["release"], shipped.get("url")) if shipped else None,
            links=tuple(Link(link["title"], link["url"]) for link in data.get("links") or ()),
            score=Score(score["impact"], score["confidence"], score["ease"]) if score else None,
            hidden=bool(data.get("hidden", False)),
            lines=dict(lines or {}),
        )


def _date(value: dt.date | str) -> dt.date:
    # YAML gives a date for `2026-01-05` but a str for `"2026-01-05"`; the schema allows both.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
