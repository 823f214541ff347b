"""Atom feeds: status changes (board, per idea, per person) and new ideas.

Ids and dates come from the ideas alone, so two builds give the same bytes.

An entry's id (RFC 4287 §4.2.6) names what the entry is, never where it sits:
``tag:<host>,2026:<repo>:ideas/<slug>/<date>/<status>``, with ``/2``, ``/3``... for
a second or third change to the same status on the same day (counted in the
history's order).  Inserting a back-dated entry or editing a note leaves every
other id as it was.  An entry is ``published`` at midnight UTC of its date; its
``updated`` adds a number of seconds (under a day) taken from a hash of its note,
so an edited note shows as an update of the same entry.  Every text is escaped
(``_text``, ``_attr``) and written as ASCII with character references; HTML
content is the sanitizer's output, escaped once more as Atom ``type="html"``
requires.  A personal feed carries no notes: its entries link to the idea page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from generator import i18n
from generator.i18n import N_, _
from generator.model import Entry, HistoryEntry, page_path
from generator.render.text import human_date, iso, plain, sort_entries, status_title
from generator.render.view import Renderer

ATOM = "http://www.w3.org/2005/Atom"
#: Entries per feed; feed readers only look at the newest ones.
LIMIT = 200
#: Entries in one idea's feed.
IDEA_LIMIT = 50
#: Entries in one person's feed: the newest changes, without their notes (the entry links
#: to the idea page).  A board has many more people than ideas, so these stay small.
PERSON_LIMIT = 10
#: The board-wide feeds' names (their titles are "<site name>: <name>").
STATUS_CHANGES = N_("status changes")
NEW_IDEAS = N_("new ideas")
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


def _rows(r: Renderer, e: Entry) -> list[tuple[dt.date, str, int, dict]]:
    """One idea's status changes as (date, slug, position, feed item), oldest first."""
    base, prefix = _base(r), tag_prefix(r)
    history = e.idea.history
    rows = []
    since = None  # the date the idea entered its current category
    for i, (h, entry_id) in enumerate(
        zip(history, change_ids(prefix, e.slug, history), strict=True)
    ):
        repeat = i > 0 and r.settings.statuses.get(h.status) == r.settings.statuses.get(
            history[i - 1].status
        )
        since = since if repeat else h.date
        rows.append(
            (h.date, e.slug, i, _change(r, base, e, h, entry_id, since if repeat else None))
        )
    return rows


def _newest(rows: Iterable[tuple[dt.date, str, int, object]], limit: int) -> list:
    """The newest ``limit`` rows: by date, then slug, the later change of a day first."""
    ordered = sorted(rows, key=lambda row: (-row[0].toordinal(), row[1], -row[2]))
    return [row[3] for row in ordered[:limit]]


def _change(r: Renderer, base: str, e: Entry, h: HistoryEntry, entry_id: str, since) -> dict:
    """One status change; a repeat of the category is an update, dated from its first."""
    title = _clean(e.idea.title)
    status = status_title(h.status, r.settings)
    values = {
        "title": title,
        "status": status,
        "state": i18n.status_in_sentence(h.status, r.settings.status_titles),
    }
    if since is None:
        headline = _("%(title)s: %(status)s") % values
        summary = _("%(title)s is now %(state)s.") % values
    else:
        headline = _("%(title)s: %(status)s (update)") % values
        summary = _("An update on %(title)s, %(state)s since %(day)s.") % {
            **values,
            "day": human_date(since),
        }
    return {
        "id": entry_id,
        "title": headline,
        "published": _stamp(h.date),
        "updated": _stamp(h.date, _note_seconds(h.note)),
        "link": base + page_path(e.slug),
        "summary": summary,
        "html": str(r.markdown(h.note)),
    }


def _text(value: str) -> str:
    """XML character data in ASCII, with character references beyond it."""
    return escape(_XML_INVALID.sub("", value)).encode("ascii", "xmlcharrefreplace").decode()


def _attr(value: str) -> str:
    return quoteattr(_XML_INVALID.sub("", value)).encode("ascii", "xmlcharrefreplace").decode()


def entry_xml(item: dict) -> str:
    """One ``<entry>``: id, title, dates, link, and an author, summary and content if any."""
    parts = [
        f" <entry>\n  <id>{_text(item['id'])}</id>\n  <title>{_text(item['title'])}</title>\n",
        f"  <published>{item['published']}</published>\n" if item.get("published") else "",
        f"  <updated>{item['updated']}</updated>\n",
        f'  <link rel="alternate" href={_attr(item["link"])}/>\n',
    ]
    if item.get("author"):
        parts.append(f"  <author>\n   <name>{_text(item['author'])}</name>\n  </author>\n")
    if item.get("summary"):
        parts.append(f"  <summary>{_text(item['summary'])}</summary>\n")
    if item.get("html"):
        parts.append(f'  <content type="html">{_text(item["html"])}</content>\n')
    parts.append(" </entry>\n")
    return "".join(parts)


def _feed(r: Renderer, name: str, title: str, entries: list[str], updated: str | None,
          alternate: str = "") -> str:  # fmt: skip
    """A feed around entries already written by ``entry_xml``, in the board language."""
    base = _base(r)
    heading = _("%(board)s: %(feed)s") % {"board": r.settings.site_name, "feed": title}
    updated = updated or iso(r.board.synced_at) or "2000-01-01T00:00:00Z"
    site = _text(_clean(r.settings.site_name))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="{ATOM}" xml:lang={_attr(i18n.current().tag)}>\n'
        f" <id>{_text(tag_prefix(r))}:feeds/{name}</id>\n"
        f" <title>{_text(_clean(heading))}</title>\n"
        f" <updated>{updated}</updated>\n"
        f' <link rel="self" href={_attr(f"{base}feeds/{name}")}/>\n'
        f' <link rel="alternate" href={_attr(base + alternate)}/>\n'
        " <generator>ideaboard</generator>\n"
        # Atom wants an author on the feed when entries have none.
        f" <author>\n  <name>{site}</name>\n </author>\n" + "".join(entries) + "</feed>\n"
    )


def _items_feed(r: Renderer, name: str, title: str, items: list[dict], alternate: str = "") -> str:
    updated = max((item["updated"] for item in items), default=None)
    return _feed(r, name, title, [entry_xml(item) for item in items], updated, alternate)


def changes(r: Renderer) -> str:
    """``feeds/changes.xml``: one entry per status change, newest first."""
    rows = (row for e in r.visible for row in _rows(r, e))
    return _items_feed(r, "changes.xml", _(STATUS_CHANGES), _newest(rows, LIMIT))


def idea_feed(r: Renderer, e: Entry) -> str:
    """``feeds/ideas/<slug>.xml``: one idea's status changes, newest first."""
    items = _newest(_rows(r, e), IDEA_LIMIT)
    title = _("%(title)s (status changes)") % {"title": e.idea.title}
    return _items_feed(r, f"ideas/{e.slug}.xml", title, items, page_path(e.slug))


class PersonFeeds:
    """Personal feeds, from each idea's changes written once (without notes).

    Many people follow the same ideas, so each idea's entries are written the first time
    a person's feed needs them and shared from then on.
    """

    def __init__(self, r: Renderer) -> None:
        self.r = r
        self._rows: dict[str, list[tuple[dt.date, str, int, tuple[str, str]]]] = {}

    def rows(self, e: Entry) -> list[tuple[dt.date, str, int, tuple[str, str]]]:
        """The idea's changes as (date, slug, position, (updated, entry XML))."""
        rows = self._rows.get(e.slug)
        if rows is None:
            rows = self._rows[e.slug] = [
                (day, slug, i, (item["updated"], entry_xml({**item, "html": ""})))
                for day, slug, i, item in _rows(self.r, e)
            ]
        return rows

    def feed(self, name: str, login: str, entries: Iterable[Entry]) -> str:
        """``feeds/people/<login>.xml``: the changes of what ``login`` proposed or voted for."""
        newest = _newest((row for e in entries for row in self.rows(e)), PERSON_LIMIT)
        updated = max((u for u, _ in newest), default=None)
        title = _("ideas @%(login)s proposed or voted for") % {"login": login}
        xml = [x for _, x in newest]
        return _feed(self.r, f"people/{name}.xml", title, xml, updated, f"people/{name}/")


def new_ideas(r: Renderer) -> str:
    """``feeds/new.xml``: the newest ideas on the board, newest first."""
    base, prefix = _base(r), tag_prefix(r)
    newest = sort_entries(r.visible, "newest")[:LIMIT]
    entries = [
        {
            "id": f"{prefix}:ideas/{e.slug}",
            "title": _clean(e.idea.title),
            "updated": _stamp(e.idea.created),
            "link": base + page_path(e.slug),
            "author": _clean(e.proposer.login) if e.proposer and e.proposer.login else None,
            "summary": _clean(e.idea.summary),
        }
        for e in newest
    ]
    return _items_feed(r, "new.xml", _(NEW_IDEAS), entries)
