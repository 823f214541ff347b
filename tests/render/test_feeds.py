"""The Atom feeds: well-formed, one entry per status change, deterministic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from generator.model import HistoryEntry
from generator.render.feeds import change_ids
from tests.atom import atom_problems
from tests.builders import HOSTILE, make_board, render_board, settings

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site():
    return render_board()


def entries(xml: str):
    root = ET.fromstring(xml)
    assert root.tag == f"{A}feed"
    return root, root.findall(f"{A}entry")


def test_changes_feed_has_one_entry_per_history_entry(site):
    root, items = entries(site.assets["feeds/changes.xml"])
    # pdf-export 3, crypto 1, hostile 1, pdf-printing 1; the hidden idea has none.
    assert len(items) == 6
    ids = [e.findtext(f"{A}id") for e in items]
    assert len(set(ids)) == len(ids)
    dates = [e.findtext(f"{A}published") for e in items]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == "2026-10-01T00:00:00Z"
    # An entry is updated on its own day: midnight plus seconds from its note.
    updated = [e.findtext(f"{A}updated") for e in items]
    assert [u[:10] for u in updated] == [d[:10] for d in dates]
    assert root.findtext(f"{A}updated") == max(updated)
    first = items[0]
    assert first.findtext(f"{A}title") == "Export notes to PDF: Shipped"
    assert (
        first.findtext(f"{A}id")
        == "tag:example.org,2026:lumen-notes/lumen:ideas/pdf-export/2026-10-01/shipped"
    )
    assert first.find(f"{A}link").get("href") == "https://example.org/ideas/ideas/pdf-export.html"
    assert root.find(f"{A}author/{A}name").text == "Lumen ideas"


def test_new_ideas_feed_is_newest_first_and_credits_proposers(site):
    _root, items = entries(site.assets["feeds/new.xml"])
    assert len(items) == 7  # every visible idea
    created = [e.findtext(f"{A}updated") for e in items]
    assert created == sorted(created, reverse=True)
    assert "alice" in [e.findtext(f"{A}author/{A}name") for e in items]


def test_hostile_text_stays_text_in_feeds(site):
    for name in ("feeds/changes.xml", "feeds/new.xml"):
        xml = site.assets[name]
        assert "<script" not in xml
        _root, items = entries(xml)
        titles = [e.findtext(f"{A}title") for e in items]
        assert any(t.startswith(HOSTILE) for t in titles), name
    _root, items = entries(site.assets["feeds/changes.xml"])
    notes = [e.findtext(f"{A}content") or "" for e in items]
    assert all("<script" not in n for n in notes)


def test_feeds_are_deterministic():
    assert render_board().assets["feeds/changes.xml"] == render_board().assets["feeds/changes.xml"]


# --- RFC 4287 structure -------------------------------------------------------------


def test_every_feed_follows_rfc_4287(site):
    feeds = [path for path in site.assets if path.endswith(".xml")]
    assert {"feeds/changes.xml", "feeds/new.xml", "feeds/ideas/pdf-export.xml",
            "feeds/people/alice.xml"} <= set(feeds)  # fmt: skip
    for path in feeds:
        assert atom_problems(site.assets[path]) == [], path


def test_the_structure_check_finds_what_breaks_rfc_4287():
    bad = (
        f'<feed xmlns="{A[1:-1]}"><title>t</title><title>u</title><updated>yesterday</updated>'
        "<entry><id>x</id><title>a</title><updated>2026-01-01T00:00:00Z</updated></entry>"
        "<entry><id>x</id><title>b</title><updated>2026-01-01T00:00:00Z</updated>"
        '<link href="h"/></entry></feed>'
    )
    assert atom_problems(bad) == [
        "feed: more than one atom:title",
        "feed: no atom:id",
        "feed: atom:updated 'yesterday' is not an RFC 3339 date",
        "entry 1: neither atom:content nor an alternate link",
        "entry 1: no atom:author, and the feed has none",
        "entry 2: no atom:author, and the feed has none",
        "two entries share an id",
    ]


# --- stable ids (RFC 4287 §4.2.6) ------------------------------------------------------


def _ids_and_updated(board, s) -> dict[str, str]:
    xml = render_board(board, s).assets["feeds/changes.xml"]
    return {e.findtext(f"{A}id"): e.findtext(f"{A}updated") for e in entries(xml)[1]}


def _with_history(board, slug: str, history) -> object:
    old = board.entry(slug)
    new = dataclasses.replace(old, idea=dataclasses.replace(old.idea, history=tuple(history)))
    return dataclasses.replace(
        board, entries=tuple(new if e.slug == slug else e for e in board.entries)
    )


def test_a_back_dated_entry_and_an_edited_note_keep_every_other_id():
    s = settings()
    board = make_board(s)
    before = _ids_and_updated(board, s)
    history = list(board.entry("pdf-export").idea.history)
    # Back-dated: a review between the proposal and the plan; and the plan's note edited.
    history.insert(1, HistoryEntry(dt.date(2025, 2, 1), "under-review", "Looking at it."))
    planned = history[2]
    history[2] = dataclasses.replace(planned, note="Planned for **3.1**.")
    after = _ids_and_updated(_with_history(board, "pdf-export", history), s)
    prefix = "tag:example.org,2026:lumen-notes/lumen:ideas/pdf-export/"
    added = prefix + "2025-02-01/under-review"
    edited = prefix + "2025-03-10/planned"
    assert set(after) == set(before) | {added}
    for entry_id, updated in before.items():
        if entry_id == edited:
            assert after[entry_id] != updated
            assert after[entry_id][:10] == updated[:10] == "2025-03-10"
        else:
            assert after[entry_id] == updated, entry_id


def test_repeats_of_a_status_on_one_day_are_counted_in_history_order():
    prefix = "p"
    day = dt.date(2026, 5, 1)
    history = [
        HistoryEntry(day, "shipped", "Shipped."),
        HistoryEntry(day, "shipped", "Release notes."),
        HistoryEntry(day, "planned", ""),
    ]
    assert change_ids(prefix, "x", history) == [
        "p:ideas/x/2026-05-01/shipped",
        "p:ideas/x/2026-05-01/shipped/2",
        "p:ideas/x/2026-05-01/planned",
    ]


def test_an_idea_feed_holds_only_its_own_changes(site):
    root, items = entries(site.assets["feeds/ideas/pdf-export.xml"])
    assert len(items) == 3
    assert all(":ideas/pdf-export/" in e.findtext(f"{A}id") for e in items)
    assert root.find(f"{A}link[@rel='self']").get("href") == (
        "https://example.org/ideas/feeds/ideas/pdf-export.xml"
    )


def test_a_person_feed_holds_the_changes_of_what_they_proposed_or_voted_for(site):
    # alice proposed pdf-export (3 changes); the voters of pdf-export see its changes too.
    _root, items = entries(site.assets["feeds/people/alice.xml"])
    slugs = {e.findtext(f"{A}id").split(":ideas/")[1].split("/")[0] for e in items}
    assert "pdf-export" in slugs
