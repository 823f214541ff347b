"""Atom feeds: status changes (one entry per history entry) and new ideas.

Ids and dates come from the ideas alone, so two builds give the same bytes:
an entry's ``updated`` is its history date (or the idea's creation date) at
midnight UTC, and the feed's ``updated`` is its newest entry's.  ElementTree
escapes the text; HTML content is the sanitizer's output, escaped once more
as Atom ``type="html"`` requires.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from generator import i18n
from generator.i18n import N_, _

if TYPE_CHECKING:
    from generator.render.site import Renderer

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
#: Entries per feed; feed readers only look at the newest ones.
LIMIT = 200
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(value: str) -> str:
    from generator.render.site import plain

    return _XML_INVALID.sub("", plain(value))


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _base(r: Renderer) -> str:
    site = r.settings.site_url or "/"
    return site if site.endswith("/") else site + "/"


def _tag_prefix(r: Renderer) -> str:
    """A tag URI prefix (RFC 4151) for entry ids: stable even if the site moves path."""
    host = urlsplit(r.settings.site_url).hostname or "ideaboard.invalid"
    repo = r.settings.repo or "board"
    return f"tag:{host},2026:{repo}"


def _feed(r: Renderer, name: str, title: str, entries: list[dict]) -> str:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": i18n.current().tag})
    base = _base(r)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{_tag_prefix(r)}:feeds/{name}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _clean(
        _("%(board)s: %(feed)s") % {"board": r.settings.site_name, "feed": _(title)}
    )
    from generator.render.site import iso

    updated = max((e["updated"] for e in entries), default=None) or iso(r.board.synced_at)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated or "2000-01-01T00:00:00Z"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base}feeds/{name}")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base)
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "ideaboard"
    # Atom wants an author on the feed when entries have none.
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = _clean(r.settings.site_name)
    for item in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = item["id"]
        ET.SubElement(entry, f"{{{ATOM}}}title").text = item["title"]
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = item["updated"]
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=item["link"])
        if item.get("author"):
            author = ET.SubElement(entry, f"{{{ATOM}}}author")
            ET.SubElement(author, f"{{{ATOM}}}name").text = item["author"]
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary")
        summary.text = item["summary"]
        if item.get("html"):
            content = ET.SubElement(entry, f"{{{ATOM}}}content", type="html")
            content.text = _XML_INVALID.sub("", item["html"])
    ET.indent(feed, space=" ")
    # ASCII with character references: valid UTF-8, and compact in memory.
    body = ET.tostring(feed, encoding="us-ascii", xml_declaration=False).decode("ascii")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def changes(r: Renderer) -> str:
    """``feeds/changes.xml``: one entry per status change, newest first."""
    from generator.render.site import status_title

    base, prefix = _base(r), _tag_prefix(r)
    rows = []
    for e in r.visible:
        for i, h in enumerate(e.idea.history):
            rows.append((h.date, e.slug, i, e, h))
    rows.sort(key=lambda row: (-row[0].toordinal(), row[1], -row[2]))
    entries = []
    for day, slug, i, e, h in rows[:LIMIT]:
        title = _clean(e.idea.title)
        entries.append(
            {
                "id": f"{prefix}:ideas/{slug}/history/{i + 1}",
                "title": _("%(title)s: %(status)s")
                % {"title": title, "status": status_title(h.status, r.settings)},
                "updated": _stamp(day),
                "link": f"{base}ideas/{slug}/",
                "summary": _("%(title)s: the status changed to %(status)s.")
                % {"title": title, "status": status_title(h.status, r.settings)},
                "html": str(r.markdown(h.note)),
            }
        )
    return _feed(r, "changes.xml", N_("status changes"), entries)


def new_ideas(r: Renderer) -> str:
    """``feeds/new.xml``: the newest ideas on the board, newest first."""
    from generator.render.site import sort_entries

    base, prefix = _base(r), _tag_prefix(r)
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
    return _feed(r, "new.xml", N_("new ideas"), entries)
