# ruff: noqa: E501  (the expected output is kept one problem per line, as printed)
"""``ideaboard validate``: the exact output on the good and the broken boards."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.paths import DATA, ROOT

BOARDS = DATA / "boards"

# 20 planted problems in 10 files: tests/data/boards/broken/ideas/.
BROKEN_OUTPUT = """\
ideas/Wrong_Name.yaml:0:0: expected a file name of lowercase letters, digits and hyphens (at most 80), such as 'dark-mode.yaml', but received: 'Wrong_Name.yaml'
ideas/Wrong_Name.yaml:4:8: issue: expected a whole number but received text: '12' (remove the quotes)
ideas/bad-status.yaml:3:9: status: expected one of the configured statuses: ['proposed', 'under-review', 'planned', 'in-progress', 'shipped', 'declined', 'duplicate'] but received: 'wip'
ideas/bad-status.yaml:7:13: history.0.status: expected one of the configured statuses: ['proposed', 'under-review', 'planned', 'in-progress', 'shipped', 'declined', 'duplicate'] but received: 'wip'
ideas/dup-a.yaml:4:8: issue: expected a unique issue number but received: 40, which ideas/dup-b.yaml also uses
ideas/dup-a.yaml:6:15: duplicate_of: duplicates form a cycle: dup-a -> dup-b -> dup-a; point each duplicate at the one idea that stays open
ideas/dup-b.yaml:4:8: issue: expected a unique issue number but received: 40, which ideas/dup-a.yaml also uses
ideas/dup-b.yaml:6:15: duplicate_of: duplicates form a cycle: dup-b -> dup-a -> dup-b; point each duplicate at the one idea that stays open
ideas/duplicate-keys.yaml:5:1: summary: duplicate key 'summary' (first set on line 2): YAML keeps only the last value silently; remove one of them
ideas/duplicate-keys.yaml:7:11: score.impact: expected a whole number from 1 to 10 but received: 11
ideas/history.yaml:3:9: status: expected 'planned', the status of the last history entry (line 8), but received: 'shipped'; add a history entry for the change
ideas/history.yaml:4:10: created: expected a date on or before the first history entry (2026-02-01) but received: 2026-03-01
ideas/history.yaml:8:11: history.1.date: expected a date on or after 2026-02-01 (the entry above) but received: 2026-01-15; history lists changes oldest first
ideas/not-utf8.yaml:1:10: expected UTF-8 text but received the byte 0xe8 (byte 10 of the file), which is not UTF-8: save the file as UTF-8
ideas/tab-indent.yaml:6:1: a tab character in the indentation: YAML indents with spaces only; replace the tab with spaces
ideas/types.yaml:4:10: created: expected a valid date as YYYY-MM-DD but received: '2026-13-01'
ideas/types.yaml:5:9: hidden: expected true or false but received text: 'yes'
ideas/types.yaml:8:10: links.0.url: expected an http(s) URL with no spaces but received: 'javascript:alert(1)'
ideas/typo-keys.yaml:4:1: tag: unknown field 'tag': did you mean 'tags'?
ideas/typo-keys.yaml:6:1: ower: unknown field 'ower': did you mean 'owner'?
20 problems in 10 files (0 ideas OK)
"""


def _validate(board: str, *args: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(BOARDS / board)
    return CliRunner().invoke(main, ["--config-file", "mkdocs.yml", "validate", *args])


def test_good_board(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _validate("good", monkeypatch=monkeypatch)
    assert (result.exit_code, result.output) == (0, "6 ideas OK\n")


def test_broken_board_lists_all_20_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _validate("broken", monkeypatch=monkeypatch)
    assert result.output == BROKEN_OUTPUT
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 21


def test_broken_board_as_github_annotations(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _validate("broken", "--format", "github", monkeypatch=monkeypatch)
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert len(lines) == 21
    assert lines[0] == (
        "::error file=ideas/Wrong_Name.yaml::expected a file name of lowercase letters, "
        "digits and hyphens (at most 80), such as 'dark-mode.yaml', but received: 'Wrong_Name.yaml'"
    )
    assert lines[-4] == (
        "::error file=ideas/types.yaml,line=8,col=10::links.0.url: expected an http(s) URL "
        "with no spaces but received: 'javascript:alert(1)'"
    )
    assert lines[-1] == "20 problems in 10 files (0 ideas OK)"


def test_one_file(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _validate("broken", "ideas/history.yaml", monkeypatch=monkeypatch)
    assert result.exit_code == 1
    assert result.output == (
        "ideas/history.yaml:3:9: status: expected 'planned', the status of the last history entry (line 8), but received: 'shipped'; add a history entry for the change\n"
        "ideas/history.yaml:4:10: created: expected a date on or before the first history entry (2026-02-01) but received: 2026-03-01\n"
        "ideas/history.yaml:8:11: history.1.date: expected a date on or after 2026-02-01 (the entry above) but received: 2026-01-15; history lists changes oldest first\n"
        "3 problems in 1 file (0 ideas OK)\n"
    )
    result = _validate("good", "ideas/dark-mode.yaml", monkeypatch=monkeypatch)
    assert (result.exit_code, result.output) == (0, "1 idea OK\n")


def test_a_folder_argument_and_paths_relative_to_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BOARDS)
    result = CliRunner().invoke(
        main, ["-f", "broken/mkdocs.yml", "validate", "broken/ideas/../ideas"]
    )
    assert result.exit_code == 1
    assert result.output.splitlines()[1] == (
        "broken/ideas/Wrong_Name.yaml:4:8: issue: expected a whole number but received text: '12' (remove the quotes)"
    )


def test_a_missing_path(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _validate("good", "nope", monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "Path 'nope' does not exist." in result.output


def test_a_missing_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: mkdocs.yml: no such file. Run ideaboard from the board's folder, or pass --config-file.\n"
    )


def test_the_sample_board(monkeypatch: pytest.MonkeyPatch) -> None:
    if not (ROOT / "mkdocs.yml").exists() or not any((ROOT / "ideas").glob("*.yaml")):
        pytest.skip("no sample board yet")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(" ideas OK\n")


def test_help_explains_the_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    for command in ("validate", "schema", "new"):
        assert f"  {command} " in result.output
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert "FILE:LINE:COL: FIELD: MESSAGE" in result.output
    assert "--format [text|github]" in result.output
