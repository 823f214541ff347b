"""The Atom feeds: well-formed, one entry per status change, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.builders import HOSTILE, render_board

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
    dates = [e.findtext(f"{A}updated") for e in items]
    assert dates == sorted(dates, reverse=True)
    assert root.findtext(f"{A}updated") == dates[0] == "2026-10-01T00:00:00Z"
    first = items[0]
    assert first.findtext(f"{A}title") == "Export notes to PDF: Shipped"
    assert first.find(f"{A}link").get("href") == "https://example.org/ideas/ideas/pdf-export/"
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
