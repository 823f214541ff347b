"""Writing a file so that a reader never sees half of it: the board's one atomic write."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str, *, backup: Path | None = None) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    The text is written exactly as given (no newline translation) and flushed to disk
    before the rename.  The new file keeps the mode of the one it replaces (mkstemp's
    private 0600 would hide public data), or gets 0644.  With ``backup``, the file it
    replaces is copied there first; a copy, so there is a file at ``path`` at every moment.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if backup is not None and path.exists():
            shutil.copyfile(path, backup)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
