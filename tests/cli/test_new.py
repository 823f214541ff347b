"""``ideaboard new``: a valid file with a unique slug and today's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.schema import schema_url


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Ideas\nplugins:\n  - ideaboard:\n      tags: [editor, sync]\n"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _new(board: Path, path: str, *args: str) -> str:
    """Run ``ideaboard new ARGS``; it must print ``path``; return the file it wrote."""
    result = _run("new", *args)
    assert (result.exit_code, result.output) == (0, f"{path}\n")
    return (board / path).read_text()


def test_new_writes_a_valid_file(board: Path) -> None:
    text = _new(board, "ideas/dark-mode.yaml", "Dark mode")
    today = dt.date.today().isoformat()
    assert text == (
        f"# yaml-language-server: $schema={schema_url}\n"
        "title: Dark mode\n"
        "summary: Dark mode\n"
        "status: proposed\n"
        f"created: {today}\n"
        "history:\n"
        f"  - date: {today}\n"
        "    status: proposed\n"
    )
    result = _run("validate")
    assert (result.exit_code, result.output) == (0, "1 idea OK\n")


def test_new_with_every_option(board: Path) -> None:
    text = _new(
        board,
        "ideas/sync-offline-1.yaml",
        'Sync: "offline" #1',
        "--summary",
        "Edit without a connection.",
        "--description",
        "Line one.\n\n- a list\n",
        "--tag",
        "sync",
        "--tag",
        "editor",
        "--issue",
        "12",
        "--owner",
        "mara",
    )
    today = dt.date.today().isoformat()
    assert text == (
        f"# yaml-language-server: $schema={schema_url}\n"
        "title: 'Sync: \"offline\" #1'\n"
        "summary: Edit without a connection.\n"
        "description: |\n"
        "  Line one.\n"
        "\n"
        "  - a list\n"
        "status: proposed\n"
        "issue: 12\n"
        "tags: [sync, editor]\n"
        f"created: {today}\n"
        "owner: mara\n"
        "history:\n"
        f"  - date: {today}\n"
        "    status: proposed\n"
    )
    assert _run("validate").exit_code == 0


def test_slugs_are_unique(board: Path) -> None:
    assert _run("new", "Dark mode").output == "ideas/dark-mode.yaml\n"
    assert _run("new", "Dark mode").output == "ideas/dark-mode-2.yaml\n"
    assert _run("new", "Dark  Mode!").output == "ideas/dark-mode-3.yaml\n"
    assert _run("validate").output == "3 ideas OK\n"


def test_non_latin_titles(board: Path) -> None:
    assert _run("new", "深色模式").output == "ideas/idea-94d2bd01.yaml\n"
    assert _run("new", "Тёмная тема").output == "ideas/temnaya-tema.yaml\n"
    assert _run("new", "🌙").output == "ideas/idea-cf086beb.yaml\n"
    assert _run("validate").output == "3 ideas OK\n"


def test_a_tag_outside_the_allow_list(board: Path) -> None:
    result = _run("new", "Dark mode", "--tag", "ui")
    assert result.exit_code == 2
    assert result.output.endswith(
        "Error: Invalid value for '--tag': expected one of the allowed tags: "
        "['editor', 'sync'] but received: 'ui'\n"
    )
    assert not (board / "ideas").exists()


def test_an_invalid_idea_is_not_written(board: Path) -> None:
    result = _run("new", "x" * 10_000)
    assert result.exit_code == 1
    assert result.output == (
        "Error: the new idea would not be valid, so it was not written:\n"
        f"ideas/{'x' * 60}.yaml:2:8: title: expected at most 200 characters but received 10,000\n"
        f"ideas/{'x' * 60}.yaml:3:10: summary: expected at most 300 characters but received "
        "10,000\n"
    )
    assert not (board / "ideas").exists()


def test_the_schema_line_points_at_the_site(board: Path) -> None:
    (board / "mkdocs.yml").write_text("site_name: x\nsite_url: https://ideas.example.com/\n")
    assert _run("new", "Dark mode").exit_code == 0
    assert (
        (board / "ideas" / "dark-mode.yaml")
        .read_text()
        .startswith(
            "# yaml-language-server: $schema=https://ideas.example.com/schema/idea.schema.json\n"
        )
    )


def test_new_writes_into_the_year_folder_and_keeps_slugs_unique_across_folders(
    board: Path,
) -> None:
    (board / "mkdocs.yml").write_text(
        "site_name: Ideas\nplugins:\n  - ideaboard:\n      layout: year\n"
    )
    (board / "ideas" / "2020").mkdir(parents=True)
    (board / "ideas" / "2020" / "dark-mode.yaml").write_text("title: old\n")
    year = dt.date.today().year
    _new(board, f"ideas/{year}/dark-mode-2.yaml", "Dark mode")
    assert _run("new", "Index").output == f"ideas/{year}/index-idea.yaml\n"


def test_a_tag_that_would_take_the_tag_index_page(board: Path) -> None:
    (board / "mkdocs.yml").write_text("site_name: Ideas\nplugins:\n  - ideaboard\n")
    result = _run("new", "Dark mode", "--tag", "index")
    assert result.exit_code == 2
    assert result.output.endswith(
        "Error: Invalid value for '--tag': expected a tag free for a page but received "
        "'index' is the name of a page or folder the board generates\n"
    )
