"""Atom feeds: status changes (board, per idea, per person) and new ideas.

Ids and dates come from the ideas alone, so two builds give the same bytes.

An entry's id (RFC 4287 §4.2.6) names what the entry is, never where it sits:
``tag:<host>,2026:<repo>:ideas/<slug>/<date>/<status>``, with ``/2``, ``/3``... for
a second or third change to the same status on the same day (counted in the
history's order).  Inserting a back-dated entry or editing a note leaves every
other id as it was.  An entry is ``published`` at midnight UTC of its date; its
``updated`` adds a number of seconds (under a day) taken from a hash of its note,
so an edited note shows as an update of the same entry.  ElementTree escapes
the text; HTML content is the sanitizer's output, escaped once more as Atom
``type="html"`` requires.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from generator.model import Entry, HistoryEntry
from generator.render.text import human_date, iso, plain, sort_entries, status_title
from generator.render.view import Renderer

ATOM = "http://www.w3.org/2005/Atom"
#: Entries per feed; feed readers only look at the newest ones.
LIMIT = 200
#: Entries in one idea's or one person's feed.
SMALL_LIMIT = 20
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(value: str) -> str:
    return _XML_INVALID.sub("", plain(value))


def _stamp(day: dt.date, seconds: int = 0) -> str:
    moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return iso(moment + dt.timedelta(seconds=seconds)) or ""


def _base(r: Renderer) -> str:
    site = r.settings.site_url or "/"
    return site if site.endswith("/") else site + "/"


def tag_prefix(r: Renderer) -> str:
    """A tag URI prefix (RFC 4151) for ids: stable even if the site moves path."""
    host = urlsplit(r.settings.site_url).hostname or "ideaboard.invalid"
    repo = r.settings.repo or "board"
    return f"tag:{host},2026:{repo}"


def change_ids(prefix: str, slug: str, history: Iterable[HistoryEntry]) -> list[str]:
    """The id of each history entry: its idea, date and status, and a count for repeats."""
    seen: Counter[tuple[dt.date, str]] = Counter()
    ids = []
    for h in history:
        seen[(h.date, h.status)] += 1
        n = seen[(h.date, h.status)]
        ids.append(
            f"{prefix}:ideas/{slug}/{h.date.isoformat()}/{h.status}" + (f"/{n}" if n > 1 else "")
        )
    return ids


def _note_seconds(note: str) -> int:
    """Seconds after midnight for a note's ``updated``: a change of note changes them."""
    if not note:
        return 0
    digest = hashlib.sha256(note.encode("utf-8", "surrogatepass")).digest()
    return 1 + int.from_bytes(digest[:4], "big") % 86_399


def _changes(r: Renderer, entries: Iterable[Entry], limit: int) -> list[dict]:
    """Feed entries for every status change of ``entries``, newest first."""
    base, prefix = _base(r), tag_prefix(r)
    rows = []
    for e in entries:
        history = e.idea.history
        since = None  # the date the idea entered its current category
        for i, (h, entry_id) in enumerate(
            zip(history, change_ids(prefix, e.slug, history), strict=True)
        ):
            category = r.settings.statuses.get(h.status)
            repeat = i > 0 and category == r.settings.statuses.get(history[i - 1].status)
            since = since if repeat else h.date
            rows.append((h.date, e.slug, i, e, h, entry_id, since if repeat else None))
    rows.sort(key=lambda row: (-row[0].toordinal(), row[1], -row[2]))
    return [_change(r, base, *row[3:]) for row in rows[:limit]]


def _change(r: Renderer, base: str, e: Entry, h: HistoryEntry, entry_id: str, since) -> dict:
    """One status change; a repeat of the category is an update, dated from its first."""
    title = _clean(e.idea.title)
    status = status_title(h.status)
    if since is None:
        headline, summary = f"{title}: {status}", f"{title} is now {status.lower()}."
    else:
        headline = f"{title}: {status} (update)"
        summary = f"An update on {title}, {status.lower()} since {human_date(since)}."
    return {
        "id": entry_id,
        "title": headline,
        "published": _stamp(h.date),
        "updated": _stamp(h.date, _note_seconds(h.note)),
        "link": f"{base}ideas/{e.slug}/",
        "summary": summary,
        "html": str(r.markdown(h.note)),
    }


def _feed(r: Renderer, name: str, title: str, entries: list[dict], alternate: str = "") -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    base = _base(r)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{tag_prefix(r)}:feeds/{name}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _clean(f"{r.settings.site_name}: {title}")
    updated = max((e["updated"] for e in entries), default=None) or iso(r.board.synced_at)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated or "2000-01-01T00:00:00Z"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base}feeds/{name}")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base + alternate)
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "ideaboard"
    # Atom wants an author on the feed when entries have none.
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = _clean(r.settings.site_name)
    for item in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = item["id"]
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item["title"]
        if item.get("published"):
            ET.SubElement(entry, f"{{{ATOM}}}published").text = item["published"]
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = item["updated"]
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=item["link"])
        if item.get("author"):
            author = ET.SubElement(entry, f"{{{ATOM}}}author")
            ET.SubElement(author, f"{{{ATOM}}}name").text = item["author"]
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = item["summary"]
        if item.get("html"):
            content = ET.SubElement(entry, f"{{{ATOM}}}content", type="html")
            content.text = _XML_INVALID.sub("", item["html"])
    ET.indent(feed, space=" ")
    # ASCII with character references: valid UTF-8, and compact in memory.
    body = ET.tostring(feed, encoding="us-ascii", xml_declaration=False).decode("ascii")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def changes(r: Renderer) -> str:
    """``feeds/changes.xml``: one entry per status change, newest first."""
    return _feed(r, "changes.xml", "status changes", _changes(r, r.visible, LIMIT))


def idea_feed(r: Renderer, e: Entry) -> str:
    """``feeds/ideas/<slug>.xml``: one idea's status changes, newest first."""
    entries = _changes(r, [e], SMALL_LIMIT)
    title = f"{e.idea.title} (status changes)"
    return _feed(r, f"ideas/{e.slug}.xml", title, entries, f"ideas/{e.slug}/")


def person_feed(r: Renderer, name: str, login: str, entries: Iterable[Entry]) -> str:
    """``feeds/people/<login>.xml``: the changes of what ``login`` proposed or voted for."""
    items = _changes(r, entries, SMALL_LIMIT)
    title = f"ideas @{login} proposed or voted for"
    return _feed(r, f"people/{name}.xml", title, items, f"people/{name}/")


def new_ideas(r: Renderer) -> str:
    """``feeds/new.xml``: the newest ideas on the board, newest first."""
    base, prefix = _base(r), tag_prefix(r)
    newest = sort_entries(r.visible, "newest")[:LIMIT]
    entries = [
        {
            "id": f"{prefix}:ideas/{e.slug}",
            "title": _clean(e.idea.title),
            "updated": _stamp(e.idea.created),
            "link": f"{base}ideas/{e.slug}/",
            "author": _clean(e.proposer.login) if e.proposer and e.proposer.login else None,
            "summary": _clean(e.idea.summary),
        }
        for e in newest
    ]
    return _feed(r, "new.xml", "new ideas", entries)
