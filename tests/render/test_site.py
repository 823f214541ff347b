"""Render units: each page type's key content, escaping, hidden ideas, determinism.

The board here is built by hand (no loader, no tally), so these tests pin what
the renderer does with a given board.  ``make_board`` is shared with the
feeds, API and charts tests.
"""

from __future__ import annotations

import dataclasses
import html as html_module
import re

import pytest

from generator import sanitize
from generator.config import default_settings
from generator.model import Snapshot
from generator.model.board import Board
from generator.render import site as render
from generator.tally import insights, tally
from tests.builders import (
    make_board,
    make_idea,
    render_board,
    settings,
)


@pytest.fixture(scope="module")
def site() -> render.Site:
    return render_board()


def body(site: render.Site, path: str) -> str:
    return str(site.pages[path].body)


# --- every page type ---------------------------------------------------------------


def test_pages_and_assets_are_generated(site):
    assert {
        "index.md",
        "roadmap.md",
        "shipped.md",
        "proposals.md",
        "insights.md",
        "tags/index.md",
        "tags/editor.md",
        "status/planned.md",
        "status/duplicate.md",
        "ideas/pdf-export.md",
        "ideas/pdf-printing.md",
    } <= set(site.pages)
    assert {
        "api/ideas.json",
        "api/ideas.schema.json",
        "feeds/changes.xml",
        "feeds/new.xml",
        "feeds/ideas/pdf-export.xml",
        "feeds/people/alice.xml",
        "people/alice/index.html",
        "api/ideas.csv",
        "schema/idea.schema.json",
    } <= set(site.assets)


def test_home_lists_cards_in_trending_order_without_duplicates(site):
    html = body(site, "index.md")
    slugs = re.findall(r'data-slug="([^"]+)"', html)
    assert slugs[:2] == ["dark-mode", "pdf-export"]
    assert "pdf-printing" not in slugs  # merged: its votes count on pdf-export
    assert 'href="ideas/pdf-export.html"' in html
    assert 'class="ib-badge ib-badge--completed" data-status="shipped">Shipped<' in html
    assert '30<span class="md-visually-hidden"> votes</span>' in html
    assert 'href="tags/export/"' in html
    assert 'href="status/planned/"' in html
    assert 'data-shards="api/board/"' in html
    assert "20 November 2026, 12:00 UTC" in html
    assert not site.pages["index.md"].search


def test_idea_page_has_everything_issue_3_lists(site):
    html = body(site, "ideas/pdf-export.md")
    assert 'href="https://github.com/lumen-notes/lumen/issues/9"' in html
    # Shipped: the release first, the votes and milestones reached, and no vote call.
    assert html.index("Shipped in <a") < html.index('class="ib-idea__summary"')
    assert 'class="md-button' not in html
    assert "to the next milestone" not in html
    assert "10 votes</span> reached on" in html
    assert "25 votes</span> reached on" in html
    assert 'href="../people/alice/"><bdi>@alice</bdi></a>' in html  # the proposer, credited
    assert "<strong>styling</strong>" in html  # the description, as sanitized markdown
    assert "Planned for <strong>3.0</strong>." in html  # a timeline note
    assert html.index("Shipped in 3.0.") < html.index("Open for votes.")  # newest first
    assert "Print to PDF" in html
    assert "issues/12" in html
    assert 'href="../tags/export/"' in html
    assert "releases/v3" in html
    assert ">3.0</a>" in html
    assert ">324 <" in html  # ICE = 6 * 9 * 6
    assert 'href="https://example.com/spec"' in html
    assert "javascript:" not in html  # the bad link is dropped
    assert "21 comments on GitHub" in html
    assert '<svg class="ib-sparkline"' in html
    assert 'Votes as of <time datetime="2026-11-20T12:00:00Z">' in html
    assert 'data-stale-days="14"' in html  # the script shows it when votes get old
    assert site.pages["ideas/pdf-export.md"].search


def test_duplicate_page_points_to_the_canonical_idea(site):
    html = body(site, "ideas/pdf-printing.md")
    assert 'Merged into <a href="../ideas/pdf-export.html">Export notes to PDF</a>' in html
    # The duplicate's issue (#12) is closed: it sends voters to the canonical's issue (#9)
    # with a link, not a vote button; its own issue stays linked as its discussion.
    assert (
        'To vote, add a thumbs-up reaction to <a href="https://github.com/lumen-notes/lumen/'
        'issues/9" rel="nofollow noopener">that idea\'s issue #9</a>.'
    ) in html
    assert 'class="md-button' not in html
    discussion = '<a href="https://github.com/lumen-notes/lumen/issues/12" rel="nofollow noopener">'
    assert discussion + "2 comments" in html
    assert "(issue #12, closed as a duplicate)" in html
    assert "to the next milestone" not in html  # its votes count on the canonical idea
    assert "Every vote milestone reached" not in html


def test_an_ideas_own_vote_button_points_to_its_own_issue(site):
    html = body(site, "ideas/dark-mode.md")
    vote = re.search(r'<a class="md-button md-button--primary" href="([^"]+)"[^>]*>(.+?)</a>', html)
    # The thumb is the theme's SVG icon (a CSS mask), not an emoji that needs a font.
    assert vote.groups() == (
        "https://github.com/lumen-notes/lumen/issues/3",
        '<span class="ib-icon ib-icon--votes" aria-hidden="true"></span>Vote on GitHub',
    )
    assert "12 of 25 votes to the next milestone" in html


def test_idea_without_issue_says_how_voting_opens(site):
    html = body(site, "ideas/no-issue.md")
    assert "Voting opens when this idea has a GitHub issue" in html
    assert "Vote with" not in html


def test_closed_idea_without_issue_does_not_promise_voting():
    s = settings()
    board = make_board(s)
    shipped = next(e for e in board.entries if e.slug == "no-issue")
    shipped = dataclasses.replace(
        shipped,
        idea=dataclasses.replace(shipped.idea, status="shipped"),
        category="completed",
    )
    board = dataclasses.replace(
        board, entries=tuple(shipped if e.slug == "no-issue" else e for e in board.entries)
    )
    html = body(render_board(board, s), "ideas/no-issue.md")
    assert "Voting opens" not in html
    assert "This idea has no GitHub issue, so it was not open for votes." in html
    assert "to the next milestone" not in html  # nothing to vote on
    assert "Proposed by</dt><dd>the maintainers on" in html


def test_roadmap_has_a_column_per_active_status_and_recently_shipped(site):
    html = body(site, "roadmap.md")
    titles = re.findall(r'<h2 id="col-[^"]+">([^<]+) <', html)
    assert titles == ["Planned", "In progress", "Recently shipped"]
    assert html.index("dark-mode") < html.index("tables") < html.index("pdf-export")


def test_shipped_groups_by_release_and_credits_proposers(site):
    html = body(site, "shipped.md")
    assert ">3.0</a>" in html
    assert 'Proposed by <a href="../people/alice/"><bdi>@alice</bdi></a>' in html


def test_proposals_page_lists_issues_awaiting_triage(site):
    html = body(site, "proposals.md")
    assert "issues/40" in html
    assert "@bob" in html
    assert '1<span class="md-visually-hidden"> vote</span>' in html  # the bot is not counted


def test_tag_and_status_pages(site):
    assert "dark-mode" in body(site, "tags/editor.md")
    assert "tables" in body(site, "tags/editor.md")
    assert 'href="../tags/editor/"' in body(site, "tags/index.md")
    planned = body(site, "status/planned.md")
    assert "dark-mode" in planned
    assert "tables" not in planned


def test_insights_has_charts_and_people(site):
    html = body(site, "insights.md")
    assert html.count("<svg") == 3
    assert "@alice" in html


def test_every_chart_is_a_figure_with_a_table_for_screen_readers(site):
    html = body(site, "insights.md")
    figures = re.findall(r'<figure class="ib-figure">(.*?)</figure>', html, re.S)
    assert len(figures) == 3
    for figure in figures:
        assert figure.startswith("<svg")
        assert 'aria-hidden="true"' in figure.split(">", 1)[0]
        assert figure.count('<div class="ib-sr-only"><table class="ib-data"><caption>') == 1
    assert html.count("<table") == 3  # no table outside a figure, so all look the same
    assert '<th scope="row">Shipped</th><td>1</td>' in html
    assert "<caption>New votes per month</caption>" in html
    assert ">January 2026</th>" in html
    assert ">Jan ’26</text>" in html


# --- untrusted text -------------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere(site):
    for path, page in site.pages.items():
        html = str(page.body) + str(page.title)
        assert "<script>alert" not in html, path
        assert "onerror=alert" not in html, path
        assert "{{ 7*7 }}" not in html, path
        assert "{ onclick=x }" not in html, path
        assert "<img" not in html, path
        assert 'href="javascript' not in html, path
    page = site.pages["ideas/hostile.md"]
    assert "<" not in str(page.title)
    assert html_module.unescape(str(page.title)).startswith("<script>alert(1)</script>")


def test_hidden_ideas_appear_nowhere(site):
    for path, page in site.pages.items():
        assert "secret-idea" not in path
        assert "SECRET-HIDDEN-TITLE" not in str(page.body), path
    for path, text in site.assets.items():
        assert "secret-idea" not in text, path
        assert "SECRET-HIDDEN-TITLE" not in text, path


def test_unsafe_tag_names_get_safe_file_names():
    assert render.safe_name("editor") == "editor"
    name = render.safe_name("../../etc/passwd")
    assert re.fullmatch(r"t-[0-9a-f]{12}", name)


# --- notices and determinism -------------------------------------------------------------


def test_partial_and_never_synced_notices():
    s = settings()
    partial = render_board(make_board(s, complete=False), s)
    assert "The last sync from GitHub was partial" in body(partial, "ideas/pdf-export.md")
    never = render_board(make_board(s, synced=None), s)
    assert "Votes have not been synced from GitHub yet." in body(never, "index.md")
    # A board that was never synced says so once, and never "Votes as of never".
    for path in ("index.md", "roadmap.md", "ideas/pdf-export.md", "status/proposed.md"):
        assert "as of never" not in body(never, path).lower(), path


def test_a_new_board_reads_well_before_it_has_data():
    # A new board: ideas with issues, and no snapshot yet (nothing synced, no proposer known).
    s = settings()
    ideas = [make_idea("dark-mode", issue=1), make_idea("offline-mode", issue=2, status="planned")]
    site = render_board(tally(ideas, Snapshot(repo="lumen-notes/lumen", synced_at=None), s), s)
    pages = {path: body(site, path) for path in site.pages}
    assert "Votes have not been synced from GitHub yet." in pages["index.md"]
    assert not [p for p, html in pages.items() if "as of never" in html.lower()]
    assert not [p for p, html in pages.items() if "unknown" in html]
    # The date alone where the proposer is not known yet.
    assert "<dt>Proposed</dt><dd><time" in pages["ideas/dark-mode.md"]
    # Ideas exist but none shipped: no invitation to "propose the first".
    assert "No idea has shipped yet." in pages["insights.md"]
    assert not [p for p, html in pages.items() if "propose the first" in html]


def test_rendering_is_deterministic():
    a, b = render_board(), render_board()
    assert {p: str(x.body) for p, x in a.pages.items()} == {
        p: str(x.body) for p, x in b.pages.items()
    }
    assert a.assets == b.assets


def test_render_site_gives_page_bodies_and_assets_by_path():
    s = settings()
    board = make_board(s)
    site = render.render_site(board, insights.compute(board, s), s)
    assert str(site.pages["ideas/pdf-export.md"].body).count("Export notes to PDF") >= 1
    assert site.assets["api/ideas.json"].startswith("{")


def test_default_settings_render_an_offline_board(tmp_path):
    s = default_settings(tmp_path)
    board = make_board(s)
    site = render_board(board, s)
    html = body(site, "ideas/no-issue.md")
    assert "Voting opens" in html
    # With no repo there is no GitHub to link to, except the synced issue's own URL.
    assert "github.com/alice" not in body(site, "ideas/pdf-export.md")


@pytest.mark.parametrize(
    "note",
    [
        "Open for votes.",
        "Planned for 3.0 (desktop first)!",
        "It's here; we're done?",
        "a - b",
        "Two lines,\none paragraph.\n\nAnd a second paragraph.\n",
    ],
)
def test_plain_notes_skip_the_pipeline_with_the_same_result(note):
    r = render.Renderer(make_board(), None, settings())
    assert render.PLAIN_NOTE.fullmatch(note)
    fast = html_module.unescape(str(r.markdown(note)))
    assert fast == html_module.unescape(str(sanitize.markdown(note)))


@pytest.mark.parametrize(
    "note",
    ["**bold**", "1. first", "- item", "see <b>", "x\n- y", "[a](b)", "a  \nb", "a\n\n\n    code"],
)
def test_notes_with_markup_go_through_the_pipeline(note):
    assert not render.PLAIN_NOTE.fullmatch(note)


def test_an_empty_never_synced_board_renders(tmp_path):
    s = default_settings(tmp_path)
    board = Board(entries=(), proposals=(), synced_at=None, complete=True)
    site = render.render_site(board, insights.compute(board, s), s)
    assert "No ideas here yet." in body(site, "index.md")
    assert "Nothing shipped yet." in body(site, "shipped.md")
    assert "<entry>" not in site.assets["feeds/new.xml"]
