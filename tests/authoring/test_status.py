"""``ideaboard status``: a round-trip edit that keeps the maintainer's file as written."""

from __future__ import annotations

import datetime as dt
import io
import textwrap

import pytest
from click.testing import CliRunner

from generator.authoring.status import Change, _load_round_trip, apply_change
from generator.cli import main
from generator.model.statuses import DEFAULT_STATUSES
from tests.paths import ROOT

MKDOCS = "site_name: Test\nsite_url: https://example.org/board/\nplugins:\n  - ideaboard\n"

DARK = """\
# A maintainer's comment at the top.
title: Dark mode   # short!
summary: "A dark theme for the editor."
status: under-review
issue: 12
tags: [ui, themes]
created: 2026-01-05
owner: mara
history:
  - date: 2026-01-05
    status: proposed
    note: Open for votes.
  # review started after the survey
  - date: 2026-02-01
    status: under-review
    note: >-
      We are looking at the contrast of every
      colour in the theme.
links:
  - title: Survey
    url: https://example.org/survey
"""

LIGHT = """\
title: Light mode
summary: A light theme.
status: proposed
created: 2026-01-05
"""


@pytest.fixture
def board(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    (tmp_path / "ideas").mkdir()
    (tmp_path / "ideas" / "dark-mode.yaml").write_text(DARK, encoding="utf-8")
    (tmp_path / "ideas" / "light-mode.yaml").write_text(LIGHT, encoding="utf-8")
    return tmp_path


def run(board, *args):
    return CliRunner().invoke(main, ["-f", str(board / "mkdocs.yml"), "status", *args])


def refused(board, *args) -> str:
    """Run ``ideaboard status ARGS``, which must fail with exit code 1; return its output."""
    result = run(board, *args)
    assert result.exit_code == 1
    return result.output


def read(board, slug="dark-mode"):
    return (board / "ideas" / f"{slug}.yaml").read_text(encoding="utf-8")


def test_status_appends_history_and_keeps_everything_else(board):
    result = run(
        board, "dark-mode", "planned", "--note", "Planned for 3.3.", "--date", "2026-03-01"
    )
    assert result.exit_code == 0, result.output
    assert result.output == "ideas/dark-mode.yaml: status planned, history entry dated 2026-03-01\n"
    assert read(board) == DARK.replace(
        "status: under-review\nissue", "status: planned\nissue"
    ).replace(
        "links:",
        "  - date: 2026-03-01\n    status: planned\n    note: Planned for 3.3.\nlinks:",
    )


def test_status_defaults_to_today(board):
    assert run(board, "light-mode", "under-review", "-m", "Looking at it.").exit_code == 0
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert read(board, "light-mode") == LIGHT.replace("proposed", "under-review") + (
        f"history:\n  - date: {today}\n    status: under-review\n    note: Looking at it.\n"
    )


def test_a_long_note_is_folded_and_a_multiline_one_kept(board):
    note = "We are not going to build this, and here is why: " + "it would break the files " * 3
    run(board, "dark-mode", "declined", "--note", note.strip(), "--date", "2026-03-01")
    assert read(board).endswith(
        "  - date: 2026-03-01\n    status: declined\n    note: >-\n"
        "      We are not going to build this, and here is why: it would break the\n"
        "      files it would break the files it would break the files\n"
        "links:\n  - title: Survey\n    url: https://example.org/survey\n"
    )
    run(
        board,
        "light-mode",
        "planned",
        "--note",
        "Line one.\nLine two:\n- a",
        "--date",
        "2026-03-01",
    )
    assert read(board, "light-mode").endswith(
        "    note: |-\n      Line one.\n      Line two:\n      - a\n"
    )


def test_notes_with_yaml_syntax_stay_text(board):
    note = '#1: "quoted" {not: a map} & *not-an-alias'
    assert (
        run(board, "light-mode", "planned", "--note", note, "--date", "2026-03-01").exit_code == 0
    )
    from generator.config import load_settings
    from generator.load import load_board

    ideas, problems = load_board(load_settings(board / "mkdocs.yml"))
    assert problems == ()
    assert ideas[1].history[-1].note == note


def test_duplicate_needs_duplicate_of(board):
    assert refused(board, "light-mode", "duplicate", "--note", "Same.") == (
        "Error: --duplicate-of: status 'duplicate' needs the slug of the idea this one "
        "duplicates: expected --duplicate-of SLUG but received nothing.\n"
    )


def test_duplicate_sets_duplicate_of_and_leaving_it_clears_it(board):
    args = ["--note", "Same as dark mode.", "--date", "2026-03-01", "--duplicate-of", "dark-mode"]
    assert run(board, "light-mode", "duplicate", *args).exit_code == 0
    assert read(board, "light-mode") == LIGHT.replace("proposed", "duplicate") + (
        "duplicate_of: dark-mode\nhistory:\n  - date: 2026-03-01\n    status: duplicate\n"
        "    note: Same as dark mode.\n"
    )
    assert (
        run(
            board, "light-mode", "proposed", "-m", "Not the same.", "--date", "2026-03-02"
        ).exit_code
        == 0
    )
    assert "duplicate_of" not in read(board, "light-mode")


def test_duplicate_of_an_unknown_idea(board):
    result = run(board, "light-mode", "duplicate", "-m", "x", "--duplicate-of", "dark-mod")
    assert result.output == (
        "Error: ideas/dark-mod.yaml: no such idea: expected the slug of a file in ideas/ "
        "but received: 'dark-mod'. Did you mean: 'dark-mode'?\n"
    )


def test_shipped_sets_the_release(board):
    args = ["-m", "Shipped!", "--date", "2026-03-01", "--release", "3.3"]
    args += ["--release-url", "https://example.org/releases/3.3"]
    assert run(board, "dark-mode", "shipped", *args).exit_code == 0
    text = read(board)
    assert (
        "    note: Shipped!\nshipped_in:\n  release: '3.3'\n  url: https://example.org/releases/3.3\nlinks:"
        in text
    )


def test_release_only_for_a_completed_status(board):
    assert run(board, "dark-mode", "planned", "-m", "x", "--release", "3.3").output == (
        "Error: --release: only a status in the completed category (['shipped']) takes "
        "--release, but received status 'planned'.\n"
    )


def test_unknown_status(board):
    assert refused(board, "dark-mode", "wip", "--note", "x") == (
        "Error: status: expected one of the configured statuses: "
        f"{list(DEFAULT_STATUSES)} but received: 'wip'\n"
    )
    assert read(board) == DARK


def test_a_status_typo_on_the_command_line_gets_a_suggestion(board):
    assert refused(board, "dark-mode", "Planed", "--note", "x") == (
        "Error: status: expected one of the configured statuses: "
        f"{list(DEFAULT_STATUSES)} but received: 'Planed'; did you mean 'planned'?\n"
    )


def test_unknown_slug(board):
    assert refused(board, "dark", "planned", "--note", "x") == (
        "Error: ideas/dark.yaml: no such idea: expected the slug of a file in ideas/ "
        "but received: 'dark'. Did you mean: 'dark-mode'?\n"
    )


def test_a_path_is_not_a_slug(board):
    assert "no such idea" in refused(board, "../mkdocs", "planned", "--note", "x")


def test_an_invalid_result_is_not_written(board):
    output = refused(board, "dark-mode", "planned", "--note", "x", "--date", "2025-01-01")
    assert output.startswith(
        "Error: ideas/dark-mode.yaml: the change would make the board invalid, so the file "
        "was left as it was:\nideas/dark-mode.yaml:"
    )
    assert "expected a date on or after 2026-02-01" in output
    assert read(board) == DARK


def test_the_same_status_twice_on_one_day(board):
    result = run(board, "dark-mode", "under-review", "--note", "Again", "--date", "2026-02-01")
    assert result.output == (
        "Error: history: already has an entry for status 'under-review' on 2026-02-01: "
        "expected a new status or another --date. Edit that entry's note by hand instead.\n"
    )


def test_an_empty_note_is_refused(board):
    assert run(board, "dark-mode", "planned", "--note", "  ").output == (
        "Error: --note: expected the public note customers will read (why the status "
        "changed) but received an empty one.\n"
    )


def test_other_indentation_styles_are_kept():
    text = textwrap.dedent(
        """\
        title: X
        summary: Y
        status: proposed
        created: 2026-01-05
        history:
        - date: 2026-01-05
          status: proposed
        """
    )
    change = Change("planned", "Go.", dt.date(2026, 2, 1))
    assert (
        apply_change(text, change, DEFAULT_STATUSES)
        == text.replace("status: proposed\ncreated", "status: planned\ncreated")
        + "- date: 2026-02-01\n  status: planned\n  note: Go.\n"
    )


def test_crlf_files_stay_crlf(board):
    path = board / "ideas" / "light-mode.yaml"
    path.write_bytes(LIGHT.replace("\n", "\r\n").encode())
    assert run(board, "light-mode", "planned", "-m", "Go.", "--date", "2026-03-01").exit_code == 0
    data = path.read_bytes()
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize("path", sorted((ROOT / "ideas").glob("*.yaml")), ids=lambda p: p.name)
def test_every_sample_idea_round_trips_unchanged(path):
    text = path.read_text(encoding="utf-8")
    yaml, data = _load_round_trip(text)
    out = io.StringIO()
    yaml.dump(data, out)
    assert out.getvalue() == text


def test_comments_below_the_last_entry_stay_below_the_new_one():
    text = DARK.replace("links:", "# more to come\nlinks:")
    change = Change("planned", "Go.", dt.date(2026, 3, 1))
    assert apply_change(text, change, DEFAULT_STATUSES) == text.replace(
        "status: under-review\nissue", "status: planned\nissue"
    ).replace(
        "# more to come\n",
        "  - date: 2026-03-01\n    status: planned\n    note: Go.\n# more to come\n",
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "2026-02-30: that day does not exist (February 2026 has 28 days)"),
        ("2026-13-01", "2026-13-01: there is no month 13; months go from 01 to 12"),
        (
            "30.02.2026",
            "expected a date as YYYY-MM-DD, such as 2026-03-01, but received: '30.02.2026'",
        ),
    ],
)
def test_a_date_that_does_not_exist_is_told_apart_from_a_bad_format(board, value, message):
    result = run(board, "dark-mode", "planned", "-m", "x", "--date", value)
    assert result.exit_code == 2
    assert result.output.endswith(f"Error: Invalid value for '--date': {message}\n")
    assert read(board) == DARK
