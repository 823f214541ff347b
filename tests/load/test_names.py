"""Names, ranges and folders: issue 12 items 4, 6 and 7; issue 13 item 6; issue 10 item 6."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import default_settings
from generator.load import check_path, load_tree

IDEA = "title: T\nsummary: S\nstatus: proposed\ncreated: 2026-01-05\n"


def _problems(tmp_path: Path, files: dict[str, str], *, validate: bool = False) -> list[str]:
    ideas = tmp_path / "ideas"
    for name, text in files.items():
        (ideas / name).parent.mkdir(parents=True, exist_ok=True)
        (ideas / name).write_text(text)
    settings = default_settings(tmp_path)
    if validate:
        _ideas, problems = check_path(ideas, settings)
    else:
        _ideas, problems = load_tree(ideas, settings, relative_to=tmp_path)
    return [problem.format() for problem in problems]


@pytest.mark.parametrize(
    ("issue", "message"),
    [
        ("2147483647", None),
        ("2147483648", "expected a whole number from 1 to 2147483647 but received: 2147483648"),
    ],
)
def test_issue_numbers_fit_graphql_int(tmp_path: Path, issue: str, message: str | None) -> None:
    problems = _problems(tmp_path, {"x.yaml": IDEA + f"issue: {issue}\n"})
    assert problems == ([f"ideas/x.yaml:5:8: issue: {message}"] if message else [])


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("tags", '["mobile\\n"]', "6:8: tags.0: expected a slug of lowercase letters"),
        ("duplicate_of", '"other\\n"', "5:15: duplicate_of: expected a slug of lowercase"),
        ("created", '"2026-01-05\\n"', "4:10: created: expected a valid date"),
    ],
)
def test_a_trailing_newline_is_not_a_slug_or_a_date(
    tmp_path: Path, field: str, value: str, expected: str
) -> None:
    text = IDEA.replace("created: 2026-01-05\n", "") + "created: 2026-01-05\n"
    if field == "created":
        text = IDEA.replace("created: 2026-01-05", f"created: {value}")
    else:
        text += f"{field}: {value}\n" if field != "tags" else f"\ntags: {value}\n"
    problems = _problems(tmp_path, {"x.yaml": text})
    assert any(p.startswith("ideas/x.yaml:" + expected) for p in problems), problems


def test_a_summary_ending_in_a_newline_is_two_lines(tmp_path: Path) -> None:
    text = IDEA.replace("summary: S", 'summary: "S\\n"')
    assert _problems(tmp_path, {"x.yaml": text}) == [
        "ideas/x.yaml:2:10: summary: expected one line but received 1 lines; put the rest in "
        "description"
    ]


def test_a_file_name_with_a_newline_is_refused(tmp_path: Path) -> None:
    assert _problems(tmp_path, {"mobile\n.yaml": IDEA}) == [
        "ideas/mobile\n.yaml:0:0: expected a file name of lowercase letters, digits and hyphens "
        "(at most 80), such as 'dark-mode.yaml', but received: 'mobile\\n.yaml'"
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("index", "'index' is the name of a page or folder the board generates"),
        ("feeds", "'feeds' is the name of a page or folder the board generates"),
        ("con", "'con' is a device name that Windows cannot use as a file name"),
        ("com1", "'com1' is a device name that Windows cannot use as a file name"),
    ],
)
def test_slugs_that_take_a_page_or_cannot_be_checked_out(
    tmp_path: Path, name: str, reason: str
) -> None:
    assert _problems(tmp_path, {f"{name}.yaml": IDEA}) == [
        f"ideas/{name}.yaml:0:0: expected a file name free for an idea but received "
        f"'{name}.yaml': {reason}; rename the file (say, to {name}-idea.yaml)"
    ]


def test_tag_index_is_refused_but_search_is_a_tag(tmp_path: Path) -> None:
    text = IDEA + "tags: [search, index, nul]\n"
    assert _problems(tmp_path, {"x.yaml": text}) == [
        "ideas/x.yaml:5:16: tags.1: expected a tag free for a page but received 'index' is "
        "the name of a page or folder the board generates",
        "ideas/x.yaml:5:23: tags.2: expected a tag free for a page but received 'nul' is a "
        "device name that Windows cannot use as a file name",
    ]


def test_ideas_in_year_folders_load_and_a_slug_clash_names_both_paths(tmp_path: Path) -> None:
    files = {"2025/dark-mode.yaml": IDEA, "2026/dark-mode.yaml": IDEA, "2026/other.yaml": IDEA}
    (tmp_path / "ideas").mkdir()
    (tmp_path / "ideas" / "snapshot.json").write_text("{}")
    assert _problems(tmp_path, files) == [
        "ideas/2025/dark-mode.yaml:0:0: expected a file name used once across the folders of "
        "ideas/ but received 'dark-mode', which ideas/2026/dark-mode.yaml also uses; rename one "
        "of them (the slug is the file name, whatever the folder)",
        "ideas/2026/dark-mode.yaml:0:0: expected a file name used once across the folders of "
        "ideas/ but received 'dark-mode', which ideas/2025/dark-mode.yaml also uses; rename one "
        "of them (the slug is the file name, whatever the folder)",
    ]
    ideas, _ = load_tree(tmp_path / "ideas", default_settings(tmp_path), relative_to=tmp_path)
    assert [(i.slug, i.path) for i in ideas] == [("other", "ideas/2026/other.yaml")]


def test_one_message_for_a_status_typo_with_a_suggestion(tmp_path: Path) -> None:
    text = IDEA.replace("status: proposed", "status: planed") + (
        "history:\n  - date: 2026-01-05\n    status: proposed\n"
    )
    assert _problems(tmp_path, {"x.yaml": text}) == [
        "ideas/x.yaml:3:9: status: expected one of the configured statuses: ['proposed', "
        "'under-review', 'planned', 'in-progress', 'shipped', 'declined', 'duplicate'] but "
        "received: 'planed'; did you mean 'planned'?"
    ]


def test_validate_reports_markdown_over_budget_with_its_line_and_the_build_keeps_the_idea(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # validate shows paths relative to where it runs
    text = IDEA + "description: |\n  Fine first line.\n\n  " + "+ " * 600 + "\n"
    assert _problems(tmp_path, {"x.yaml": text}, validate=True) == [
        "ideas/x.yaml:8:1: description: expected markdown the site can render in a moment (at "
        "most 16 nested lists or quotes, 32 open emphasis runs) but received lists or quotes "
        "nested 600 levels deep (line 3 of the text); the site shows it as plain text: flatten "
        "the nesting, or split the text into paragraphs"
    ]
    assert _problems(tmp_path, {}) == []


def test_validating_one_file_in_a_folder_checks_it_against_the_whole_board(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    files = {"2025/dark-mode.yaml": IDEA, "2026/dark-mode.yaml": IDEA, "2026/b.yaml": IDEA}
    ideas = tmp_path / "ideas"
    for name, text in files.items():
        (ideas / name).parent.mkdir(parents=True, exist_ok=True)
        (ideas / name).write_text(text)
    _ideas, problems = check_path(ideas / "2026" / "dark-mode.yaml", default_settings(tmp_path))
    assert [p.format() for p in problems] == [
        "ideas/2026/dark-mode.yaml:0:0: expected a file name used once across the folders of "
        "ideas/ but received 'dark-mode', which ideas/2025/dark-mode.yaml also uses; rename one "
        "of them (the slug is the file name, whatever the folder)"
    ]
