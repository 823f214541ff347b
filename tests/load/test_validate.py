"""The validation rules: one fixture file per rule, each with its exact message.

``tests/data/boards/rules/ideas/`` holds one file per rule (and ``ok.yaml``,
the one valid idea).  Its ``mkdocs.yml`` sets a tag allow-list and a small
``max_file_size``, so that ``oversize.yaml`` stays small.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator import halves
from generator.config import default_settings, load_settings
from generator.errors import Problem
from generator.load import MAX_PROBLEMS_PER_FILE, load_board, load_tree, validate_tree
from generator.load import board as board_module
from tests.paths import DATA, ROOT

RULES_BOARD = DATA / "boards" / "rules"

# file -> its exact problems, as "LINE:COL: field: message".
RULES = {
    "Bad_Name.yaml": [
        (
            "0:0: expected a file name of lowercase letters, digits and hyphens (at "
            "most 80), such as 'dark-mode.yaml', but received: 'Bad_Name.yaml'"
        ),
    ],
    "bad-date.yaml": [
        ("4:10: created: expected a valid date as YYYY-MM-DD but received: '2026-02-30'"),
    ],
    "bad-indent.yaml": [
        (
            "7:12: malformed YAML: a ':' where no new key can start; check this "
            "line's indentation, or quote a value that contains ': '"
        ),
    ],
    "bad-status.yaml": [
        (
            "3:9: status: expected one of the configured statuses: ['proposed', "
            "'under-review', 'planned', 'in-progress', 'shipped', 'declined', "
            "'duplicate'] but received: 'wip'"
        ),
    ],
    "bomb.yaml": [
        (
            "2:14: YAML aliases (*a) are not allowed in idea files: aliases can "
            "expand exponentially (a 'YAML bomb'); write the value out in full"
        ),
    ],
    "created-late.yaml": [
        (
            "4:10: created: expected a date on or before the first history entry "
            "(2026-01-05) but received: 2026-02-01"
        ),
    ],
    "cycle-a.yaml": [
        (
            "5:15: duplicate_of: duplicates form a cycle: cycle-a -> cycle-b -> "
            "cycle-a; point each duplicate at the one idea that stays open"
        ),
    ],
    "cycle-b.yaml": [
        (
            "5:15: duplicate_of: duplicates form a cycle: cycle-b -> cycle-a -> "
            "cycle-b; point each duplicate at the one idea that stays open"
        ),
    ],
    "deep.yaml": [
        (
            "5:17: links.0.0.0.0.0.0.0.0.0: nested more than 10 levels deep; an "
            "idea file needs three (the file, a list such as history, one entry)"
        ),
    ],
    "duplicate-issue-2.yaml": [
        (
            "4:8: issue: expected a unique issue number but received: 7, which "
            "ideas/duplicate-issue.yaml also uses"
        ),
    ],
    "duplicate-issue.yaml": [
        (
            "4:8: issue: expected a unique issue number but received: 7, which "
            "ideas/duplicate-issue-2.yaml also uses"
        ),
    ],
    "duplicate-keys.yaml": [
        (
            "5:1: title: duplicate key 'title' (first set on line 1): YAML keeps "
            "only the last value silently; remove one of them"
        ),
    ],
    "duplicate-without-target.yaml": [
        (
            "3:9: duplicate_of: missing: status 'duplicate' needs duplicate_of, the "
            "slug of the idea this one duplicates"
        ),
    ],
    "escape.yaml": [
        "0:0: symlink to a file outside ideas/ refused (it points to ../mkdocs.yml): "
        "copy the file in instead",
    ],
    "empty.yaml": [
        (
            "1:1: the file is empty: expected a mapping of fields (title, summary, "
            "status, created, ...); run 'ideaboard new' for a template"
        ),
    ],
    "history-last.yaml": [
        (
            "3:9: status: expected 'planned', the status of the last history entry "
            "(line 8), but received: 'shipped'; add a history entry for the change"
        ),
    ],
    "history-order.yaml": [
        (
            "8:11: history.1.date: expected a date on or after 2026-03-01 (the "
            "entry above) but received: 2026-02-01; history lists changes oldest "
            "first"
        ),
    ],
    "list.yaml": [
        (
            "1:1: expected a mapping of fields (title: ..., summary: ..., status: "
            "...) but received a list"
        ),
    ],
    "missing-target.yaml": [
        (
            "5:15: duplicate_of: expected the slug of an existing idea but "
            "received: 'okay' (there is no ideas/okay.yaml); did you mean 'ok'?"
        ),
    ],
    "multi-line-summary.yaml": [
        ("2:10: summary: expected one line but received 2 lines; put the rest in description"),
    ],
    "not-utf8.yaml": [
        (
            "1:11: expected UTF-8 text but received the byte 0xe9 (byte 11 of the "
            "file), which is not UTF-8: save the file as UTF-8"
        ),
    ],
    "old.yml": [
        ("0:0: expected the extension .yaml but received .yml: rename it to old.yaml"),
    ],
    "oversize.yaml": [
        (
            "0:0: the file is 3,286 bytes, over the limit of 2,048 bytes: shorten "
            "it, or raise plugins.ideaboard.max_file_size in mkdocs.yml"
        ),
    ],
    "scalar.yaml": [
        (
            "1:1: expected a mapping of fields (title: ..., summary: ..., status: "
            "...) but received a single value: 'just some text'"
        ),
    ],
    "tab.yaml": [
        (
            "6:1: a tab character in the indentation: YAML indents with spaces "
            "only; replace the tab with spaces"
        ),
    ],
    "tag-not-allowed.yaml": [
        (
            "4:16: tags.1: expected one of the allowed tags: ['editor', 'sync', "
            "'mobile'] but received: 'desktop'"
        ),
    ],
    "target-without-duplicate.yaml": [
        (
            "5:15: duplicate_of: expected no duplicate_of with status 'proposed' "
            "(only a duplicate status such as 'duplicate' has one) but received: "
            "'ok'"
        ),
    ],
    "two-documents.yaml": [
        ("5:1: expected a single YAML document but found a second one (a '---' line)"),
    ],
    "unclosed-quote.yaml": [
        ("1:8: malformed YAML: a quoted value that is never closed; add the closing quote"),
    ],
    "unknown-key.yaml": [
        "3:1: stauts: unknown field 'stauts': did you mean 'status'?",
    ],
    "yaml-boolean.yaml": [
        (
            "3:9: status: expected text but received a boolean: false (YAML reads "
            "an unquoted yes, no, on, off, true or false as a boolean; quote the "
            "value)"
        ),
    ],
}


@pytest.fixture(scope="module")
def rules_problems() -> dict[str, list[str]]:
    settings = load_settings(RULES_BOARD / "mkdocs.yml")
    ideas, problems = load_tree(settings.ideas_dir, settings, relative_to=RULES_BOARD)
    assert [idea.slug for idea in ideas] == ["ok"]
    found: dict[str, list[str]] = {}
    for problem in problems:
        name = problem.path.removeprefix("ideas/")
        found.setdefault(name, []).append(problem.format().split(":", 1)[1])
    return found


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule(rules_problems: dict[str, list[str]], name: str) -> None:
    assert rules_problems.get(name) == RULES[name]


def test_every_rule_file_is_listed(rules_problems: dict[str, list[str]]) -> None:
    files = {p.name for p in (RULES_BOARD / "ideas").iterdir() if not p.name.startswith(".")}
    assert set(rules_problems) == set(RULES) == files - {"ok.yaml"}


def test_dotfiles_are_ignored(rules_problems: dict[str, list[str]]) -> None:
    assert (RULES_BOARD / "ideas" / ".hidden.yaml").exists()
    assert ".hidden.yaml" not in rules_problems


def _board(tmp_path: Path, files: dict[str, str]) -> Path:
    ideas = tmp_path / "ideas"
    ideas.mkdir()
    for name, text in files.items():
        (ideas / name).write_text(text, encoding="utf-8")
    return ideas


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    ideas = _board(tmp_path, files)
    _, problems = load_tree(ideas, default_settings(tmp_path), relative_to=tmp_path)
    return [problem.format() for problem in problems]


IDEA = "title: T\nsummary: S\nstatus: proposed\ncreated: 2026-01-05\n"


def test_title_of_10000_characters(tmp_path: Path) -> None:
    text = IDEA.replace("title: T", "title: " + "x" * 10_000)
    assert _problems(tmp_path, {"long.yaml": text}) == [
        "ideas/long.yaml:1:8: title: expected at most 200 characters but received 10,000"
    ]


def test_10000_tags(tmp_path: Path) -> None:
    text = IDEA + "tags:\n" + "".join(f"  - tag-{i}\n" for i in range(10_000))
    assert _problems(tmp_path, {"many-tags.yaml": text}) == [
        "ideas/many-tags.yaml:6:3: tags: expected at most 20 items but received 10,000"
    ]


def test_10000_bad_tags_are_capped(tmp_path: Path) -> None:
    text = IDEA + "tags:\n" + "".join(f"  - Tag {i}\n" for i in range(10_000))
    problems = _problems(tmp_path, {"bad-tags.yaml": text})
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    assert problems[0] == "ideas/bad-tags.yaml:0:0: 9,981 more problems like these are not listed"
    assert (
        problems[1]
        == "ideas/bad-tags.yaml:6:3: tags: expected at most 20 items but received 10,000"
    )
    assert problems[2] == (
        "ideas/bad-tags.yaml:6:5: tags.0: expected a slug of lowercase letters, digits and "
        "hyphens, such as 'dark-mode' but received: 'Tag 0'"
    )


def test_unknown_key_without_a_close_match(tmp_path: Path) -> None:
    assert _problems(tmp_path, {"x.yaml": IDEA + "colour: red\n"}) == [
        "ideas/x.yaml:5:1: colour: unknown field 'colour': expected one of: ['title', "
        "'summary', 'description', 'status', 'issue', 'tags', 'created', 'owner', "
        "'history', 'duplicate_of', 'shipped_in', 'links', 'score', 'hidden']"
    ]


def test_unknown_key_in_a_history_entry(tmp_path: Path) -> None:
    text = IDEA + "history:\n  - date: 2026-01-05\n    status: proposed\n    nota: hi\n"
    assert _problems(tmp_path, {"x.yaml": text}) == [
        "ideas/x.yaml:8:5: history.0.nota: unknown field 'nota': did you mean 'note'?"
    ]


def test_missing_required_fields(tmp_path: Path) -> None:
    text = "title: T\nhistory:\n  - date: 2026-01-05\n"
    assert _problems(tmp_path, {"x.yaml": text}) == [
        "ideas/x.yaml:1:1: created: missing: this field is required",
        "ideas/x.yaml:1:1: status: missing: this field is required",
        "ideas/x.yaml:1:1: summary: missing: this field is required",
        "ideas/x.yaml:3:5: history.0.status: missing: this field is required",
    ]


def test_datetime_is_not_a_date(tmp_path: Path) -> None:
    text = IDEA.replace("2026-01-05", "2026-01-05 10:00:00")
    assert _problems(tmp_path, {"x.yaml": text}) == [
        "ideas/x.yaml:4:10: created: expected a valid date as YYYY-MM-DD but received: "
        "'2026-01-05 10:00:00'"
    ]


def test_quoted_dates_are_fine(tmp_path: Path) -> None:
    text = IDEA.replace("2026-01-05", '"2026-01-05"')
    ideas = _board(tmp_path, {"x.yaml": text})
    loaded, problems = load_tree(ideas, default_settings(tmp_path))
    assert problems == ()
    assert loaded[0].created == dt.date(2026, 1, 5)


def test_history_status_not_configured_and_duplicate_cycle_of_one(tmp_path: Path) -> None:
    text = (
        "title: T\nsummary: S\nstatus: duplicate\ncreated: 2026-01-05\nduplicate_of: x\n"
        "history:\n  - date: 2026-01-05\n    status: dup\n  - date: 2026-01-06\n"
        "    status: duplicate\n"
    )
    assert _problems(tmp_path, {"x.yaml": text}) == [
        "ideas/x.yaml:5:15: duplicate_of: expected the slug of another idea but received: "
        "'x', this idea itself",
        "ideas/x.yaml:8:13: history.0.status: expected one of the configured statuses: "
        "['proposed', 'under-review', 'planned', 'in-progress', 'shipped', 'declined', "
        "'duplicate'] but received: 'dup'",
    ]


def test_cycle_of_three(tmp_path: Path) -> None:
    dup = "title: T\nsummary: S\nstatus: duplicate\ncreated: 2026-01-05\nduplicate_of: {}\n"
    problems = _problems(
        tmp_path,
        {"a.yaml": dup.format("b"), "b.yaml": dup.format("c"), "c.yaml": dup.format("a")},
    )
    assert [p.split(": ", 2)[2].split(";")[0] for p in problems] == [
        "duplicates form a cycle: a -> b -> c -> a",
        "duplicates form a cycle: b -> c -> a -> b",
        "duplicates form a cycle: c -> a -> b -> c",
    ]


def test_a_chain_of_duplicates_is_fine(tmp_path: Path) -> None:
    dup = "title: T\nsummary: S\nstatus: duplicate\ncreated: 2026-01-05\nduplicate_of: {}\n"
    assert (
        _problems(tmp_path, {"a.yaml": dup.format("b"), "b.yaml": dup.format("c"), "c.yaml": IDEA})
        == []
    )


def test_three_files_share_an_issue(tmp_path: Path) -> None:
    text = IDEA + "issue: 5\n"
    problems = _problems(tmp_path, {"a.yaml": text, "b.yaml": text, "c.yaml": text})
    assert problems[0] == (
        "ideas/a.yaml:5:8: issue: expected a unique issue number but received: 5, "
        "which ideas/b.yaml, ideas/c.yaml also use"
    )
    assert len(problems) == 3


def test_custom_statuses(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "plugins:\n  - ideaboard:\n      statuses: {new: open, done: completed, dupe: duplicate}\n"
        "      initial_status: new\n"
    )
    ideas = _board(tmp_path, {"a.yaml": IDEA.replace("proposed", "new"), "b.yaml": IDEA})
    settings = load_settings(tmp_path / "mkdocs.yml")
    loaded, problems = load_tree(ideas, settings, relative_to=tmp_path)
    assert [idea.slug for idea in loaded] == ["a"]
    assert [p.format() for p in problems] == [
        "ideas/b.yaml:3:9: status: expected one of the configured statuses: "
        "['new', 'done', 'dupe'] but received: 'proposed'"
    ]


def test_validate_tree_of_one_file_keeps_cross_file_context(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    dup = "title: T\nsummary: S\nstatus: duplicate\ncreated: 2026-01-05\nduplicate_of: b\n"
    ideas = _board(tmp_path, {"a.yaml": dup, "b.yaml": IDEA, "c.yaml": "- x\n"})
    assert validate_tree(ideas / "a.yaml", default_settings(tmp_path)) == ()
    assert validate_tree(ideas / "c.yaml", default_settings(tmp_path)) == (
        Problem(
            "ideas/c.yaml",
            1,
            1,
            "",
            "expected a mapping of fields (title: ..., summary: ..., status: ...) "
            "but received a list",
        ),
    )


def test_load_board_on_the_good_board() -> None:
    settings = load_settings(DATA / "boards" / "good" / "mkdocs.yml")
    ideas, problems = load_board(settings)
    assert problems == ()
    assert [idea.slug for idea in ideas] == [
        "dark-mode",
        "night-theme",
        "offline-sync",
        "pdf-export",
        "team-spaces",
        "widgets",
    ]
    dark = ideas[0]
    assert dark.path == "ideas/dark-mode.yaml"
    assert dark.score is not None
    assert dark.score.ice == 8 * 9 * 6
    assert dark.history[-1].date == dt.date(2026, 4, 20)
    assert dark.lines["history.3.status"] == 22
    assert dark.lines["shipped_in.url"] == 26


def test_the_sample_board_validates() -> None:
    if not any((ROOT / "ideas").glob("*.yaml")):
        pytest.skip("no sample ideas yet")
    ideas, problems = load_board(load_settings(ROOT / "mkdocs.yml"))
    assert [p.format() for p in problems] == []
    assert 15 <= len(ideas) <= 25


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("issue: 0", "5:8: issue: expected a whole number from 1 to 2147483647 but received: 0"),
        ("issue: true", "5:8: issue: expected a whole number but received a boolean: true"),
        ("issue: 1.5", "5:8: issue: expected a whole number but received a number: 1.5"),
        ("owner:", "5:7: owner: expected text but received nothing (an empty value)"),
        ('owner: ""', "5:8: owner: expected some text but received an empty value"),
        (
            "tags: [ux, ux, a, a]",
            "5:7: tags: expected each item once but received 'a', 'ux' more than once",
        ),
        (
            "score: {impact: 11, confidence: 0, ease: 5}",
            "5:17: score.impact: expected a whole number from 1 to 10 but received: 11",
        ),
        ("links: {title: x}", "5:8: links: expected a list but received a mapping"),
        ("shipped_in: {}", "5:13: shipped_in.release: missing: this field is required"),
        (
            "shipped_in: {release: '2.4', url: 'ftp://x'}",
            "5:35: shipped_in.url: expected an http(s) URL with no spaces but received: 'ftp://x'",
        ),
        (
            "duplicate_of: Dark Mode",
            "5:15: duplicate_of: expected a slug of lowercase letters, digits and hyphens, "
            "such as 'dark-mode' but received: 'Dark Mode'",
        ),
    ],
)
def test_schema_messages(tmp_path: Path, line: str, expected: str) -> None:
    problems = _problems(tmp_path, {"x.yaml": IDEA + line + "\n"})
    assert problems[0] == "ideas/x.yaml:" + expected


def test_a_big_board_read_in_two_processes_is_the_same_board(tmp_path, monkeypatch):
    # A big board is read in two processes (generator/halves.py, every other file in a
    # fork): the same ideas, the same problems in the same order, clashes across the
    # two halves included.
    ideas = tmp_path / "ideas"
    for folder in ("2025", "2026"):
        (ideas / folder).mkdir(parents=True)
    for k in range(7):
        (ideas / "2025" / f"idea-{k}.yaml").write_text(IDEA, encoding="utf-8")
    (ideas / "2026" / "idea-3.yaml").write_text(IDEA, encoding="utf-8")  # a clash
    (ideas / "2026" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    settings = default_settings(tmp_path)
    one = load_tree(ideas, settings, relative_to=tmp_path)
    pids = tmp_path / "pids"
    read = board_module.read_document

    def reading(*args, **kwargs):
        with pids.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return read(*args, **kwargs)

    monkeypatch.setattr(board_module, "read_document", reading)
    monkeypatch.setattr(halves, "MIN_ITEMS", 0)
    two = load_tree(ideas, settings, relative_to=tmp_path, fork=True)
    assert len(set(pids.read_text().split())) == 2  # two processes read the files
    assert two == one
    assert [idea.slug for idea in one[0]] == [f"idea-{k}" for k in range(7) if k != 3]
    assert [p.format().split(": ", 1)[0] for p in one[1]] == [
        "ideas/2025/idea-3.yaml:0:0",  # the file name: no line of its own
        "ideas/2026/broken.yaml:1:8",
        "ideas/2026/idea-3.yaml:0:0",
    ]
