"""Machine-readable output: the public ``api/ideas.json`` (the board's script reads ``shards``).

``api/ideas.json`` is a stable public API, like python.org's ``api/peps.json``:
its shape is described by ``ideas-api.schema.json`` (published as
``api/ideas.schema.json``) and only changes with its ``version``.

Text is cleaned of control characters, and ``<``, ``>`` and ``&`` are written as
``\\u003c``-style escapes so that no output file holds markup from an issue.
Notes are published as sanitized HTML only; the description is on the idea's page
(version 1 carried it as ``description_html``: at 150,000 ideas that was 250 MB of a
site that GitHub Pages caps at 1 GB).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import sanitize as _sanitize
from generator.model import page_path
from generator.render.text import iso, plain

if TYPE_CHECKING:
    from generator.render.view import Renderer

FORMAT = "ideaboard-ideas"
#: 2: no ``description_html`` (the idea's page has it), ``milestones`` only those reached.
VERSION = 2
SCHEMA = Path(__file__).parent / "ideas-api.schema.json"
#: Longest title and summary in the board index; pages carry the full text.
INDEX_TITLE = 140
INDEX_SUMMARY = 200


def dumps(data: Any, indent: int | None = None) -> str:
    """Deterministic JSON, with ``<``, ``>`` and ``&`` escaped inside strings."""
    separators = (",", ":") if indent is None else (",", ": ")
    # ASCII only: a str with one emoji in it takes 4 bytes a character in memory, and the
    # escapes also cover U+2028/2029 (not valid inside JavaScript strings in old engines).
    out = json.dumps(data, ensure_ascii=True, indent=indent, separators=separators)
    return out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def schema_text() -> str:
    """The published JSON Schema of ``api/ideas.json``."""
    return SCHEMA.read_text(encoding="utf-8")


def _page_url(r: Renderer, slug: str) -> str:
    path = page_path(slug)
    site = r.settings.site_url
    return (site if site.endswith("/") else site + "/") + path if site else path


def _idea(r: Renderer, e: Any) -> dict[str, Any]:

    idea = e.idea
    shipped = None
    if idea.shipped_in is not None:
        shipped = {
            "release": plain(idea.shipped_in.release),
            "url": _sanitize.url(idea.shipped_in.url) if idea.shipped_in.url else None,
        }
    score = None
    if idea.score is not None:
        s = idea.score
        score = {"impact": s.impact, "confidence": s.confidence, "ease": s.ease, "ice": s.ice}
    return {
        "slug": idea.slug,
        "title": plain(idea.title),
        "summary": plain(idea.summary),
        "status": idea.status,
        "category": e.category,
        "created": idea.created.isoformat(),
        "last_changed": idea.last_changed.isoformat(),
        "url": _page_url(r, idea.slug),
        "issue": idea.issue,
        "issue_url": r.issue_url(e),
        "votes": e.votes,
        "comments": e.comments,
        "trending": round(e.trending, 4),
        "tags": [plain(t) for t in idea.tags],
        "proposer": plain(e.proposer.login) if e.proposer and e.proposer.login else None,
        "owner": plain(idea.owner) if idea.owner else None,
        "shipped_in": shipped,
        "duplicate_of": idea.duplicate_of if idea.duplicate_of in r.by_slug else None,
        "canonical": e.canonical if e.canonical in r.by_slug else None,
        "duplicates": sorted(d.slug for d in e.duplicates if d.slug in r.by_slug),
        "score": score,
        "milestones": [
            {
                "votes": m.votes,
                "reached_on": m.reached_on.isoformat(),
            }
            for m in e.milestones
            if m.reached_on is not None
        ],
        "history": [
            {
                "date": h.date.isoformat(),
                "status": h.status,
                "note_html": str(r.markdown(h.note)),
            }
            for h in idea.history
        ],
        "links": [
            {"title": plain(link.title), "url": url}
            for link in idea.links
            if (url := _sanitize.url(link.url))
        ],
    }


def ideas_json(r: Renderer) -> str:
    """``api/ideas.json``: every visible idea, keyed by slug (sorted).

    Written an idea at a time: the dict of every idea is never in memory at once.
    """
    head = {
        "$schema": "ideas.schema.json",
        "format": FORMAT,
        "version": VERSION,
        "site_name": plain(r.settings.site_name),
        "repo": r.settings.repo or None,
        "synced_at": iso(r.board.synced_at),
        "complete": r.board.complete,
        "statuses": dict(r.settings.statuses),
        "milestones": list(r.settings.milestones),
        "ideas": {},
    }
    ideas = ",".join(
        dumps(e.slug)[:-1] + ":" + dumps(_idea(r, e))[:-1]
        for e in sorted(r.visible, key=lambda e: e.slug)
    )
    text = dumps(head)
    return text[: -len("{}}\n")] + "{" + ideas + "}}\n"


def clip(value: str, limit: int) -> str:
    """``value`` cut to ``limit`` characters, with an ellipsis when cut."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
