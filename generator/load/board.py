"""Load a whole board: find the files, read each safely, check it, then check across files.

Two front doors: ``load_board(settings)`` for the build (the valid ideas and
every problem), and ``check_path`` for ``ideaboard validate``, which also reports
markdown over the renderer's budget: the build shows such a text as plain
paragraphs rather than fail, so only ``validate`` can tell the author.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.errors import Problem
from generator.halves import in_halves
from generator.load.folder import list_files
from generator.load.reader import Document, read_document
from generator.load.rules import BOARD_FIELDS, check_board
from generator.load.validate import check_document
from generator.model import Idea
from generator.sanitize import MAX_EMPHASIS, MAX_NESTING, normalized, overrun

#: A file as the checks across files see it, and its idea if it has no problem of its own.
Read = tuple[Document, Idea | None]


def load_board(
    settings: Settings, *, fork: bool = False
) -> tuple[tuple[Idea, ...], tuple[Problem, ...]]:
    """Load and validate every idea of the board in ``settings.ideas_dir``.

    Returns the valid ideas sorted by slug and every problem found, sorted by
    path, line and column; never raises on a bad file.  Paths in messages are
    relative to the folder of ``mkdocs.yml`` (``ideas/x.yaml``).
    """
    return load_tree(settings.ideas_dir, settings, relative_to=settings.root, fork=fork)


def validate_tree(path: Path, settings: Settings) -> tuple[Problem, ...]:
    """Every problem in a folder of ideas, or in one idea file (checked against its folder).

    Paths in messages are relative to the current directory when possible.
    """
    return check_path(path, settings)[1]


def check_path(
    path: Path, settings: Settings, *, budgets: bool = True, fork: bool = False
) -> tuple[tuple[Idea, ...], tuple[Problem, ...]]:
    """``load_tree`` for a folder or a single file; paths relative to the current directory.

    ``budgets=False`` (the build) leaves out markdown over the renderer's budget: the
    site shows such a text as escaped paragraphs, so it must not stop a publish.
    ``fork``: as ``load_tree``.
    """
    if path.is_dir():
        return load_tree(path, settings, budgets=budgets, fork=fork)
    # A file is checked against its whole board (slugs are unique across folders).
    inside = path.resolve().is_relative_to(settings.ideas_dir)
    ideas, problems = load_tree(
        settings.ideas_dir if inside else path.parent, settings, budgets=budgets, fork=fork
    )
    shown = _display_for(None)(path)
    return (
        tuple(idea for idea in ideas if idea.path == shown),
        tuple(p for p in problems if p.path == shown),
    )


def load_tree(
    directory: Path,
    settings: Settings,
    relative_to: Path | None = None,
    *,
    budgets: bool = False,
    fork: bool = False,
) -> tuple[tuple[Idea, ...], tuple[Problem, ...]]:
    """Load and validate every ``*.yaml`` in ``directory``.

    Returns the ideas without problems, sorted by slug, and every problem,
    sorted by path, line and column.  Paths in messages are relative to
    ``relative_to`` (default: the current directory) when the file is under it.
    With ``budgets``, markdown over the renderer's budget is a problem too
    (the idea is still loaded: the site shows that text as plain paragraphs).
    With ``fork`` (a process without threads), a big board is read in two processes.
    """
    display = _display_for(relative_to)
    files, problems = list_files(directory, display)

    def read_half(half: Sequence[Path], _k: int) -> tuple[list[Read], list[Problem]]:
        # One file at a time: read, check, make its idea, and keep only what the checks
        # across files need (a whole parsed file and its line maps are about 10 KB).
        read: list[Read] = []
        found: list[Problem] = []
        for path in half:
            doc = read_document(path, display(path), settings.max_file_size)
            check_document(doc, settings)
            idea = None
            if not doc.problems and isinstance(doc.data, dict):
                lines = {key: line for key, (line, _col) in doc.keys.items() if key}
                idea = Idea.from_mapping(doc.slug, doc.display, doc.data, lines)
            if budgets and isinstance(doc.data, dict):
                found.extend(markdown_problems(doc, doc.data))
            read.append((doc.only(BOARD_FIELDS), idea))
        return read, found

    # A big board is read in two processes (``halves``: every other file in a fork).
    halves = in_halves(files, read_half, fork=fork)
    read = [
        r for pair in itertools.zip_longest(*(h[0] for h in halves)) for r in pair if r is not None
    ]
    for _read, found in halves:
        problems.extend(found)
    check_board([doc for doc, _idea in read], {path.stem for path in files})
    ideas = []
    for doc, idea in read:
        problems.extend(doc.problems)
        if idea is not None and not doc.problems:  # a problem across files drops it
            ideas.append(idea)
    ideas.sort(key=lambda idea: idea.slug)
    return tuple(ideas), tuple(sorted(set(problems)))


def _display_for(relative_to: Path | None) -> Callable[[Path], str]:
    base = os.path.abspath(relative_to or os.getcwd())

    def display(path: Path) -> str:
        full = os.path.abspath(path)
        if full == base or full.startswith(base.rstrip(os.sep) + os.sep):
            return Path(os.path.relpath(full, base)).as_posix()
        return Path(full).as_posix()

    return display


def markdown_problems(doc: Document, data: dict[str, Any]) -> list[Problem]:
    """The markdown fields of one file that the site would show as plain text, and why."""
    fields: list[tuple[str, Any]] = [("description", data.get("description"))]
    history = data.get("history")
    for index, entry in enumerate(history if isinstance(history, list) else []):
        if isinstance(entry, dict):
            fields.append((f"history.{index}.note", entry.get("note")))
    problems = []
    for field, value in fields:
        over = overrun(normalized(value)) if isinstance(value, str) else None
        if over is None:
            continue
        line = doc.values.get(field, (1, 1))[0] + over.line - 1 + (field in doc.blocks)
        problems.append(
            Problem(
                doc.display,
                line,
                1,
                field,
                f"expected markdown the site can render in a moment (at most {MAX_NESTING} "
                f"nested lists or quotes, {MAX_EMPHASIS} open emphasis runs) but received "
                f"{over.reason} (line {over.line} of the text); the site shows it as plain "
                "text: flatten the nesting, or split the text into paragraphs",
            )
        )
    return problems
