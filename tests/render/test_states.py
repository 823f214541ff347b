"""Pages that match an idea's state, the propose action, and one shipped date everywhere."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import xml.etree.ElementTree as ET

from generator.model import Board, HistoryEntry
from generator.render import render_site
from generator.tally import compute, tally
from tests.builders import (
    ago,
    make_board,
    make_idea,
    make_issue,
    render_board,
    settings,
    snap,
    vote,
)

A = "{http://www.w3.org/2005/Atom}"
FORM = "https://github.com/lumen-notes/lumen/issues/new?template=idea.yml"


def body(site, path: str) -> str:
    return str(site.pages[path].body)


def test_the_propose_action_is_on_the_board_roadmap_status_and_tag_pages():
    site = render_board()
    for path in ("index.md", "roadmap.md", "status/planned.md", "tags/editor.md"):
        html = body(site, path)
        assert f'class="md-button md-button--primary ib-propose__button" href="{FORM}"' in html
        assert '<label class="ib-propose__search" for="__search">' in html, path


def test_the_empty_board_asks_for_the_first_idea(tmp_path):
    s = settings()
    board = Board(entries=(), proposals=(), synced_at=None, complete=True)
    html = body(render_site(board, compute(board, s), s), "index.md")
    assert "No ideas here yet." in html
    assert f'href="{FORM}"' in html


def test_without_a_repo_there_is_no_form_to_link_to(tmp_path):
    from generator.config import default_settings

    s = default_settings(tmp_path)
    html = body(render_board(make_board(s), s), "index.md")
    assert "ib-propose" not in html


def test_open_and_active_ideas_ask_for_votes():
    html = body(render_board(), "ideas/tables.md")
    assert ">Vote on GitHub</a>" in html
    assert "3 of 10 votes to the next milestone" in html


def test_a_declined_idea_gives_its_reason_first_and_no_vote_call():
    html = body(render_board(), "ideas/crypto.md")
    reason = html.index("Not for us&#58; <strong>why</strong>.")
    assert reason < html.index('class="ib-idea__summary"')
    assert 'class="md-button' not in html
    assert "to the next milestone" not in html
    assert "If it still matters to you, say why in a comment on" in html
    assert 'href="https://github.com/lumen-notes/lumen/issues/5"' in html


def test_cards_follow_the_state():
    html = body(render_board(), "status/duplicate.md")
    assert '<p class="ib-card__state"><a href="../../ideas/pdf-export.html">Merged into' in html
    html = body(render_board(), "roadmap.md")
    assert '<p class="ib-card__state">Shipped in 3.0</p>' in html


def test_every_idea_page_says_how_to_follow_it():
    html = body(render_board(), "ideas/dark-mode.md")
    assert 'href="../feeds/ideas/dark-mode.xml"' in html
    assert "press <em>Subscribe</em> on" in html
    assert "A thumbs-up alone does not subscribe you to the issue." in html


def test_the_voter_list_links_the_first_voters_and_collapses_the_rest():
    html = body(render_board(), "ideas/pdf-export.md")
    first = html.index('<a href="../people/user0/">@user0</a>')
    assert first < html.index("<summary>and 20 more</summary>")
    assert html.index('<a href="../people/user9/">@user9</a>') < html.index("<summary>")
    assert html.index("<summary>") < html.index('<a href="../people/user10/">@user10</a>')


def test_voters_are_listed_once_with_duplicates_voters_included():
    s = settings()
    ideas = [
        make_idea("canonical", 1),
        make_idea("copy", 2, status="duplicate", duplicate_of="canonical"),
    ]
    snapshot = snap(
        make_issue(1, vote("ann", ago(9)), vote("both", ago(8))),
        make_issue(2, vote("both", ago(7)), vote("dana", ago(6))),
    )
    board = tally(ideas, snapshot, s)
    html = body(render_site(board, compute(board, s), s), "ideas/canonical.md")
    voters = re.search(r'<p class="ib-voters">(.*?)</p>', html).group(1)
    # The issues' authors count as voters (author_votes); "both" is listed once.
    assert voters == (
        '<a href="../people/author1/">@author1</a>, '
        '<a href="../people/author2/">@author2</a>, <a href="../people/ann/">@ann</a>, '
        '<a href="../people/both/">@both</a>, <a href="../people/dana/">@dana</a>'
    )


def _shipped_twice():
    """pdf-export with a history that repeats the shipped status (a release note later)."""
    s = settings()
    board = make_board(s)
    old = board.entry("pdf-export")
    history = (
        *old.idea.history,
        HistoryEntry(dt.date(2026, 10, 20), "shipped", "Now on mobile too."),
    )
    new = dataclasses.replace(old, idea=dataclasses.replace(old.idea, history=history))
    board = dataclasses.replace(
        board, entries=tuple(new if e.slug == "pdf-export" else e for e in board.entries)
    )
    return board, s


def test_a_repeated_shipped_status_gives_one_date_on_every_page_feed_and_insights():
    board, s = _shipped_twice()
    insights = compute(board, s)
    site = render_site(board, insights, s)
    shipped = dt.date(2026, 10, 1)  # the first of the repeated entries, not the repeat
    assert [t.shipped for t in insights.time_to_ship if t.slug == "pdf-export"] == [shipped]
    assert 'Shipped in <a href="https://github.com/lumen-notes/lumen/releases/v3"' in body(
        site, "ideas/pdf-export.md"
    )
    assert '<time datetime="2026-10-01">1 October 2026</time>' in body(site, "ideas/pdf-export.md")
    assert '<span class="ib-muted">1 October 2026</span>' in body(site, "shipped.md")
    for feed in ("feeds/changes.xml", "feeds/ideas/pdf-export.xml"):
        root = ET.fromstring(site.assets[feed])
        items = root.findall(f"{A}entry")
        shipped_entries = [
            e.findtext(f"{A}published")
            for e in items
            if e.findtext(f"{A}title") == "Export notes to PDF: Shipped"
        ]
        assert shipped_entries == ["2026-10-01T00:00:00Z"], feed
        update = next(e for e in items if e.findtext(f"{A}title").endswith("(update)"))
        assert update.findtext(f"{A}summary") == (
            "An update on Export notes to PDF, shipped since 1 October 2026."
        )


def test_an_idea_checked_before_the_sync_says_when_its_votes_were_read():
    # A tiered sync checks a quiet idea in rotation: its page gives its own "votes as of".
    s = settings()
    board = make_board(s)
    checked = dt.datetime(2026, 11, 19, 7, 30, tzinfo=dt.UTC)
    entries = tuple(
        dataclasses.replace(e, issue=dataclasses.replace(e.issue, checked_at=checked))
        if e.slug == "dark-mode"
        else e
        for e in board.entries
    )
    site = render_board(dataclasses.replace(board, entries=entries), s)
    quiet = str(site.pages["ideas/dark-mode.md"].body)
    assert (
        'Votes as of <time datetime="2026-11-19T07:30:00Z">19 November 2026, 07:30 UTC</time>.'
        in quiet
    )
    other = str(site.pages["ideas/tables.md"].body)
    assert (
        'Votes as of <time datetime="2026-11-20T12:00:00Z">20 November 2026, 12:00 UTC</time>.'
        in other
    )
