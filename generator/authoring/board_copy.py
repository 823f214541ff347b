"""The board's idea files, and a check of one edit against a copy of the whole board."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path

from generator.config import Settings
from generator.errors import Problem
from generator.load import list_files, load_board


def validate_with(settings: Settings, path: Path, new_text: str) -> tuple[Problem, ...]:
    """The problems the loader finds on the board with ``path`` holding ``new_text``.

    The board is copied (folders too) to a temporary one with the new text in
    place; the real files are not touched until it passes.
    """
    with tempfile.TemporaryDirectory(prefix="ideaboard-status-") as tmp:
        copy = Path(tmp) / settings.ideas_dir.name
        for other in idea_files(settings):
            target = copy / other.relative_to(settings.ideas_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            if other != path:
                shutil.copyfile(other, target)
        edited = copy / path.relative_to(settings.ideas_dir)
        edited.parent.mkdir(parents=True, exist_ok=True)
        edited.write_text(new_text, encoding="utf-8", newline="")
        _ideas, problems = load_board(dataclasses.replace(settings, ideas_dir=copy))
        shown = Path(edited).as_posix()
    return tuple(
        dataclasses.replace(p, path=rel(settings, path)) for p in problems if p.path == shown
    )


def idea_files(settings: Settings) -> list[Path]:
    """Every idea file of the board, in its folders (as the loader finds them)."""
    return list_files(settings.ideas_dir, lambda p: p.as_posix())[0]


def rel(settings: Settings, path: Path) -> str:
    """``path`` as messages show it: relative to the board's root when it is inside."""
    try:
        return path.resolve().relative_to(settings.root).as_posix()
    except ValueError:
        return path.as_posix()
