"""Find the idea files: ``ideas/*.yaml``, and ``ideas/<folder>/*.yaml`` on a big board.

A board may keep its files flat or in subfolders (by year, say: ``layout: year``
in the config); the loader reads both, whatever the layout says, so a board can
move files at its own pace.  The slug is the file name, so it must be unique
across folders (``rules.py`` checks that).  Dotfiles and dot-folders, ``.json``
files (the snapshot) and anything else that is not YAML are ignored; symlinks
are followed only when they stay inside ``ideas/``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from generator.errors import Problem

#: How deep subfolders of ``ideas/`` are read (``ideas/2026/x.yaml`` is depth 1).
MAX_FOLDER_DEPTH = 2


def list_files(directory: Path, display: Callable[[Path], str]) -> tuple[list[Path], list[Problem]]:
    """The idea files under ``directory``, sorted, and problems with the other entries.

    ``display(path)`` gives the path to show in messages.  ``.yml`` files get a
    problem that suggests the rename.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    root = directory.resolve()
    folders = [(directory, 0)]
    while folders:
        folder, depth = folders.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError as exc:
            problems.append(
                Problem(display(folder), 0, 0, "", f"cannot read the folder: {exc.strerror}")
            )
            continue
        for path in entries:
            if path.name.startswith("."):
                continue
            if path.is_dir() and not path.is_symlink():
                if depth < MAX_FOLDER_DEPTH:
                    folders.append((path, depth + 1))
                continue
            problem = _refusal(path, root, directory, display)
            if problem:
                problems.append(problem)
            elif path.suffix == ".yaml" and path.is_file():
                files.append(path)
    files.sort()
    return files, problems


def _refusal(
    path: Path, root: Path, directory: Path, display: Callable[[Path], str]
) -> Problem | None:
    """Why ``path`` is not read as an idea file, when it looks like one."""
    suffix = path.suffix.lower()
    if suffix == ".yml":
        return _wrong_extension(display(path), path)
    if suffix != ".yaml":
        return None
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(root):
            return Problem(
                display(path),
                0,
                0,
                "",
                f"symlink to a file outside {directory.name}/ refused "
                f"(it points to {os.readlink(path)!s}): copy the file in instead",
            )
    if not path.exists():
        return Problem(display(path), 0, 0, "", "broken symlink: its target is missing")
    if not path.is_file():
        return None if path.is_dir() else Problem(display(path), 0, 0, "", "not a regular file")
    if path.suffix != ".yaml":
        return _wrong_extension(display(path), path)
    return None


def _wrong_extension(shown: str, path: Path) -> Problem:
    return Problem(
        shown,
        0,
        0,
        "",
        f"expected the extension .yaml but received {path.suffix}: rename it to {path.stem}.yaml",
    )
