"""People pages, personal feeds, the setting that turns them off, and the CSV export."""

from __future__ import annotations

import csv
import dataclasses
import io

from generator.config import options
from generator.model import Actor, Voter
from generator.pipeline import without_votes
from generator.render import csv as csv_export
from generator.render import render_site
from generator.render.page import LazyPage
from generator.tally import compute, tally
from tests.builders import (
    HOSTILE,
    ago,
    make_board,
    make_idea,
    make_issue,
    render_board,
    settings,
    snap,
    vote,
)


def body(site, path: str) -> str:
    return str(site.pages[path].body)


def test_everyone_who_proposed_or_voted_has_a_page_and_a_feed():
    site = render_board()
    people = {p for p in site.assets if p.startswith("people/")}
    # alice proposed; user0..user29 voted (pdf-export has 30 voters).
    assert {"people/alice/index.html", "people/user29/index.html"} <= people
    for p in people:
        assert "feeds/" + p.removesuffix("/index.html") + ".xml" in site.assets


def test_a_people_page_lists_what_they_proposed_voted_for_and_what_shipped():
    html = render_board().assets["people/alice/index.html"]
    assert html.startswith('<!doctype html>\n<html lang="en" dir="ltr">')
    assert "<title>@alice - Lumen ideas</title>" in html
    assert '<h1 id="person">@alice</h1>' in html
    assert 'href="../../ideas/pdf-export.html"' in html
    assert '<h2 id="shipped">Shipped <span class="ib-muted">1</span></h2>' in html
    assert 'href="../../feeds/people/alice.xml"' in html
    html = render_board().assets["people/user11/index.html"]
    assert "voted for 2" in html  # pdf-export and dark-mode
    assert '<h2 id="voted">Voted for' in html


def test_hostile_logins_are_escaped_and_get_no_page():
    s = settings()
    board = make_board(s)
    hostile = board.entry("hostile")
    voters = (Voter(HOSTILE, hostile.voters[0].at), Voter("Bob-Smith", hostile.voters[0].at))
    new = dataclasses.replace(hostile, voters=voters, proposer=Actor(HOSTILE))
    board = dataclasses.replace(
        board, entries=tuple(new if e.slug == "hostile" else e for e in board.entries)
    )
    site = render_board(board, s)
    assert not any("<" in p or "script" in p for p in [*site.pages, *site.assets])
    assert "people/bob-smith/index.html" in site.assets  # page names: lower-cased logins
    html = body(site, "ideas/hostile.md")
    assert "<script>alert(1)" not in html
    assert "@&#60;script&#62;alert&#40;1&#41;" in html  # listed as escaped text, no link
    assert '<a href="../people/bob-smith/">@Bob-Smith</a>' in html


def test_people_pages_can_be_turned_off():
    s = settings(people_pages=False)
    site = render_board(make_board(s), s)
    assert not any(p.startswith(("people/", "feeds/people/")) for p in site.assets)
    assert "people/" not in body(site, "ideas/pdf-export.md")


def test_people_pages_auto_are_left_out_of_a_board_over_the_size(monkeypatch):
    s = dataclasses.replace(settings(), people_pages="auto")
    board = make_board(s)
    assert "people/alice/index.html" in render_site(board, compute(board, s), s).assets
    assets = render_site(board, compute(board, s), s).assets
    people = {path.split("/")[1] for path in assets if path.startswith("people/")}
    monkeypatch.setattr(options, "PEOPLE_PAGES_AUTO", len(people) - 1)
    site = render_site(board, compute(board, s), s)
    assert not [p for p in site.assets if p.startswith(("people/", "feeds/people/"))]
    assert "people/" not in str(site.pages["ideas/dark-mode.md"].body)  # no links to them


def test_a_big_board_renders_pages_lists_and_feeds_when_written():
    s = settings()
    board = make_board(s)
    eager = render_site(board, compute(board, s), s)
    lazy = render_site(board, compute(board, s), s, lazy=True)
    people = {p for p in eager.assets if p.startswith(("people/", "feeds/people/"))}
    assert people <= set(lazy.lazy_assets)
    # The other assets that grow with the board (idea feeds, the index) too.
    assert {"api/board/meta.json", "feeds/ideas/dark-mode.xml"} <= set(lazy.lazy_assets)
    assert not set(lazy.lazy_assets) & set(lazy.assets)
    assert set(lazy.lazy_assets) | set(lazy.assets) == set(eager.assets)
    for path, make in lazy.lazy_assets.items():
        assert make() == eager.assets[path], path
    # Idea pages and the lists of cards are rendered when written, and come out the same.
    later = {p for p, page in lazy.pages.items() if isinstance(page, LazyPage)}
    assert {"ideas/dark-mode.md", "tags/editor.md", "status/proposed.md"} <= later
    assert {p for p in lazy.pages if p.startswith(("ideas/", "tags/", "status/"))} - later == {
        "tags/index.md"
    }
    for path, page in eager.pages.items():
        assert (str(lazy.pages[path].title), str(lazy.pages[path].body)) == (
            str(page.title), str(page.body)), path  # fmt: skip


def test_without_votes_keeps_voter_logins_in_order_and_shares_them():
    board = make_board()
    slim = without_votes(board)
    for before, after in zip(board.entries, slim.entries, strict=True):
        assert [v.login for v in after.voters] == [v.login for v in before.voters]
        assert after.issue is None or after.issue.voters == ()
    dark, pdf = slim.entry("dark-mode"), slim.entry("pdf-export")
    assert dark.voters[0] is pdf.voters[0]  # user0 voted on both: one object


def test_without_votes_drops_what_no_page_shows_and_the_site_is_the_same():
    s = settings()
    board = make_board(s)
    talked = [dataclasses.replace(e, issue=dataclasses.replace(
        e.issue, body="The issue's own text.", reactions={"+1": 30, "heart": 2},
        comment_times=(ago(3),))) if e.issue else e for e in board.entries]  # fmt: skip
    board = dataclasses.replace(board, entries=tuple(talked))
    slim = without_votes(board)
    issue = slim.entry("pdf-export").issue
    assert (issue.body, issue.labels, issue.comment_times, dict(issue.reactions)) == (
        "",
        (),
        (),
        {},
    )
    assert issue.url == board.entry("pdf-export").issue.url
    full, lean = (render_site(b, compute(board, s), s) for b in (board, slim))
    assert {p: str(page.body) for p, page in lean.pages.items()} == {
        p: str(page.body) for p, page in full.pages.items()
    }
    assert lean.assets == full.assets


def test_the_csv_has_one_row_per_visible_idea_per_rfc_4180():
    text = render_board().assets["api/ideas.csv"]
    assert text.startswith(
        "slug,title,status,category,votes,comments,ice,created,last_changed,issue_url,tags,"
        "page_url\r\n"
    )
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 1 + 7  # the hidden idea is left out
    assert rows[1][:7] == ["pdf-export", "Export notes to PDF", "shipped", "completed", "30",
                           "21", "324"]  # fmt: skip
    assert rows[1][9] == "https://github.com/lumen-notes/lumen/issues/9"
    assert rows[1][11] == "https://example.org/ideas/ideas/pdf-export.html"
    hostile = next(r for r in rows if r[0] == "hostile")
    assert hostile[1] == HOSTILE  # quoted as needed, read back whole


def test_cells_that_would_run_as_formulas_are_guarded():
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=x", "\r=x"):
        assert csv_export.guard(cell).startswith("'"), cell
    assert csv_export.guard("Plain, with a comma") == "Plain, with a comma"
    line = io.StringIO()
    csv.writer(line, lineterminator="\r\n").writerow([csv_export.guard('=HYPERLINK("x")')])
    assert line.getvalue() == '"\'=HYPERLINK(""x"")"\r\n'


def test_a_proposer_is_listed_under_proposed_not_again_under_voted():
    s = settings()
    ideas = [make_idea("mine", 1), make_idea("theirs", 2)]
    snapshot = snap(
        make_issue(1, vote("ann", ago(3)), author=Actor("ann")),
        make_issue(2, vote("ann", ago(2)), author=Actor("bo")),
    )
    board = tally(ideas, snapshot, s)
    html = render_site(board, compute(board, s), s).assets["people/ann/index.html"]
    assert "Proposed 1 idea and voted for 1 other; 0 of them shipped." in html
    assert html.count('href="../../ideas/mine.html"') == 1
    assert html.count('href="../../ideas/theirs.html"') == 1
