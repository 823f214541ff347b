"""The safe loader: hostile and broken files are refused with a clear message.

Each case builds a small board in a temporary folder; symlinks, huge nesting
and big bombs are made at test time rather than kept in the repository.  How fast
loading is, is measured by ``tests/benchmarks/bench_loader.py``, not asserted here.
"""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from generator.config import default_settings
from generator.load import Document, list_files, load_tree, parse_text, read_document
from tests.builders import IDEA


def _load(tmp_path: Path, **settings_overrides) -> tuple[list[str], list[str]]:
    settings = default_settings(tmp_path)
    if settings_overrides:
        from dataclasses import replace

        settings = replace(settings, **settings_overrides)
    ideas, problems = load_tree(tmp_path / "ideas", settings, relative_to=tmp_path)
    return [idea.slug for idea in ideas], [problem.format() for problem in problems]


@pytest.fixture
def ideas(tmp_path: Path) -> Path:
    folder = tmp_path / "ideas"
    folder.mkdir()
    (folder / "fine.yaml").write_text(IDEA)
    return folder


def test_symlink_out_of_ideas_is_refused(tmp_path: Path, ideas: Path) -> None:
    (tmp_path / "secret.yaml").write_text(IDEA)
    (ideas / "escape.yaml").symlink_to("../secret.yaml")
    (ideas / "passwd.yaml").symlink_to("/etc/passwd")
    assert _load(tmp_path) == (
        ["fine"],
        [
            "ideas/escape.yaml:0:0: symlink to a file outside ideas/ refused (it points to "
            "../secret.yaml): copy the file in instead",
            "ideas/passwd.yaml:0:0: symlink to a file outside ideas/ refused (it points to "
            "/etc/passwd): copy the file in instead",
        ],
    )


def test_symlink_inside_ideas_is_followed(tmp_path: Path, ideas: Path) -> None:
    (ideas / "alias.yaml").symlink_to("fine.yaml")
    (ideas / "gone.yaml").symlink_to("missing.yaml")
    assert _load(tmp_path) == (
        ["alias", "fine"],
        ["ideas/gone.yaml:0:0: broken symlink: its target is missing"],
    )


def test_oversize_file_is_refused_before_parsing(tmp_path: Path, ideas: Path) -> None:
    (ideas / "big.yaml").write_text(IDEA + "description: " + "x" * 300_000 + "\n")
    assert _load(tmp_path) == (
        ["fine"],
        [
            "ideas/big.yaml:0:0: the file is 300,071 bytes, over the limit of 262,144 bytes: "
            "shorten it, or raise plugins.ideaboard.max_file_size in mkdocs.yml"
        ],
    )
    assert _load(tmp_path, max_file_size=400_000)[1] == [
        "ideas/big.yaml:5:14: description: expected at most 20,000 characters but received 300,000"
    ]


def test_not_utf8_names_line_column_and_byte(tmp_path: Path, ideas: Path) -> None:
    (ideas / "latin1.yaml").write_bytes(IDEA.encode() + b"owner: Jos\xe9\n")
    (ideas / "utf16.yaml").write_bytes(IDEA.encode("utf-16"))
    assert _load(tmp_path)[1] == [
        "ideas/latin1.yaml:5:11: expected UTF-8 text but received the byte 0xe9 (byte 68 "
        "of the file), which is not UTF-8: save the file as UTF-8",
        "ideas/utf16.yaml:1:1: expected UTF-8 text but received the byte 0xff (byte 1 "
        "of the file), which is not UTF-8: save the file as UTF-8",
    ]


def test_utf8_bom_is_fine(tmp_path: Path, ideas: Path) -> None:
    (ideas / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + IDEA.encode())
    assert _load(tmp_path) == (["bom", "fine"], [])


@pytest.mark.parametrize(
    ("text", "where"),
    [("", "1:1"), ("\n\n   \n", "1:1"), ("# only a comment\n", "1:1"), ("---\n", "1:1")],
)
def test_empty_files(tmp_path: Path, ideas: Path, text: str, where: str) -> None:
    (ideas / "empty.yaml").write_text(text)
    assert _load(tmp_path)[1] == [
        f"ideas/empty.yaml:{where}: the file is empty: expected a mapping of fields "
        "(title, summary, status, created, ...); run 'ideaboard new' for a template"
    ]


def _bomb(levels: int) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnopqrstuvwxyz"
    for index in range(1, levels):
        lines.append(
            f"{names[index]}: &{names[index]} [" + ", ".join([f"*{names[index - 1]}"] * 9) + "]"
        )
    return "\n".join(lines) + "\n"


def test_billion_laugh_bomb_is_refused_with_bounded_memory(tmp_path: Path, ideas: Path) -> None:
    (ideas / "bomb.yaml").write_text(_bomb(20))  # 9**20 strings if expanded
    tracemalloc.start()
    result = _load(tmp_path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result == (
        ["fine"],
        [
            "ideas/bomb.yaml:2:8: YAML aliases (*a) are not allowed in idea files: aliases can "
            "expand exponentially (a 'YAML bomb'); write the value out in full"
        ],
    )
    assert peak < 5_000_000  # refused at the first alias, never expanded


def test_recursive_alias_is_refused(tmp_path: Path, ideas: Path) -> None:
    (ideas / "loop.yaml").write_text("title: &t [*t]\n")
    assert _load(tmp_path)[1] == [
        "ideas/loop.yaml:1:12: YAML aliases (*t) are not allowed in idea files: aliases can "
        "expand exponentially (a 'YAML bomb'); write the value out in full"
    ]


def test_scalar_alias_is_refused(tmp_path: Path, ideas: Path) -> None:
    (ideas / "alias.yaml").write_text(IDEA + "owner: &o mara\ndescription: *o\n")
    assert _load(tmp_path)[1] == [
        "ideas/alias.yaml:6:14: YAML aliases (*o) are not allowed in idea files: aliases "
        "can expand exponentially (a 'YAML bomb'); write the value out in full"
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("title: T\nlinks: " + "[" * 100_000 + "]" * 100_000 + "\n", "2:17"),
        ("title: T\nlinks:\n  " + "- " * 100_000 + "x\n", "3:21"),
        ("title: T\nlinks: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "2:44"),
    ],
    ids=["flow-lists", "block-lists", "flow-mappings"],
)
def test_deep_nesting_is_refused_without_crashing(
    tmp_path: Path, ideas: Path, text: str, where: str
) -> None:
    # PyYAML's C composer recurses, and crashes the interpreter at this depth.
    (ideas / "deep.yaml").write_text(text)
    assert _load(tmp_path) == (
        ["fine"],
        [
            f"ideas/deep.yaml:{where}: nested more than 10 levels deep; an idea file needs "
            "three (the file, a list such as history, one entry)"
        ],
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: [a, b\n", "1:8: malformed YAML: a list or mapping in brackets that is never "),
        ("title: T\n  summary: S\n", "2:10: malformed YAML: a ':' where no new key can start; "),
        ("history:\n  - date: 1\n - status: x\n", "3:2: malformed YAML: bad indentation; "),
        ("title: 'a\n", "1:8: malformed YAML: a quoted value that is never closed; "),
        ("title: T\ntitle\n", "3:1: malformed YAML: expected 'key: value'; "),
        (
            "title: !!python/object:os.system x\n",
            "1:8: the YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed",
        ),
        ("title: \x07\n", "1:8: malformed YAML: the control character U+0007 is not allowed"),
        ("title: a\x00b\n", "1:9: malformed YAML: the control character U+0000 is not allowed"),
    ],
)
def test_malformed_yaml_has_a_line_and_a_hint(
    tmp_path: Path, ideas: Path, text: str, message: str
) -> None:
    (ideas / "bad.yaml").write_text(text)
    (problem,) = _load(tmp_path)[1]
    assert problem.startswith("ideas/bad.yaml:" + message), problem


def test_yml_suggests_a_rename_and_other_files_are_ignored(tmp_path: Path, ideas: Path) -> None:
    (ideas / "old.yml").write_text(IDEA)
    (ideas / "SHOUT.YAML").write_text(IDEA)
    (ideas / "snapshot.json").write_text("{}")
    (ideas / "README.md").write_text("# ideas")
    (ideas / ".draft.yaml").write_text("- not even a mapping")
    (ideas / "folder.yaml").mkdir()
    os.mkfifo(ideas / "pipe.yaml")
    assert _load(tmp_path) == (
        ["fine"],
        [
            "ideas/SHOUT.YAML:0:0: expected the extension .yaml but received .YAML: "
            "rename it to SHOUT.yaml",
            "ideas/old.yml:0:0: expected the extension .yaml but received .yml: "
            "rename it to old.yaml",
            "ideas/pipe.yaml:0:0: not a regular file",
        ],
    )


def test_missing_folder(tmp_path: Path) -> None:
    files, problems = list_files(tmp_path / "nope", lambda p: p.name)
    assert files == []
    assert [p.format() for p in problems] == [
        "nope:0:0: cannot read the folder: No such file or directory"
    ]


def test_positions_of_keys_and_values() -> None:
    doc = Document(Path("x.yaml"), "x.yaml")
    parse_text(
        doc,
        "title: T\nhistory:\n  - date: 2026-01-05\n    status: proposed\ntags: [a,  b]\n",
    )
    assert doc.problems == []
    assert doc.keys["title"] == (1, 1)
    assert doc.values["title"] == (1, 8)
    assert doc.keys["history.0"] == (3, 5)
    assert doc.keys["history.0.status"] == (4, 5)
    assert doc.values["history.0.status"] == (4, 13)
    assert doc.values["tags.1"] == (5, 12)


def test_duplicate_keys_everywhere_are_reported(tmp_path: Path, ideas: Path) -> None:
    (ideas / "dupes.yaml").write_text(
        IDEA + "status: planned\nscore: {impact: 1, ease: 2, impact: 3, confidence: 4}\n"
    )
    assert _load(tmp_path)[1] == [
        "ideas/dupes.yaml:5:1: status: duplicate key 'status' (first set on line 3): YAML "
        "keeps only the last value silently; remove one of them",
        "ideas/dupes.yaml:6:29: score.impact: duplicate key 'impact' (first set on line 6): "
        "YAML keeps only the last value silently; remove one of them",
    ]


def test_read_document_never_raises_on_unreadable_files(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    doc = read_document(path, "x.yaml", 1000)
    assert [p.format() for p in doc.problems] == [
        "x.yaml:0:0: cannot read the file: No such file or directory"
    ]


def test_ten_thousand_files_all_load_and_validate(tmp_path: Path) -> None:
    folder = tmp_path / "ideas"
    folder.mkdir()
    text = IDEA + (
        "tags: [editor, sync]\nhistory:\n  - date: 2026-01-05\n    status: proposed\n"
        "    note: Thanks for the idea.\n"
    )
    for index in range(10_000):
        (folder / f"idea-{index}.yaml").write_text(text.replace("title: T", f"title: Idea {index}"))
    slugs, problems = _load(tmp_path)
    assert problems == []
    assert len(slugs) == 10_000
    assert slugs == sorted(f"idea-{index}" for index in range(10_000))  # sorted by slug
