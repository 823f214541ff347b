"""The sample site's digest: one ``sha256  path`` line per file of the built sample board.

``tests/cross/test_sample_digest.py`` builds the sample board and compares it with
``tests/data/sample-site.sha256``, so a change that alters the output, by a byte, is
seen.  When a change is meant to alter the output, regenerate the digest on purpose:

    python tests/data/site_digest.py
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIGEST = ROOT / "tests" / "data" / "sample-site.sha256"


def build_sample(site_dir: Path) -> None:
    """Build the repository's sample board, offline, into ``site_dir``."""
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from generator.cli import main; main(prog_name='ideaboard')",
            "build",
            "--offline",
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def digest(site_dir: Path) -> str:
    """``sha256  path`` for every file under ``site_dir``, sorted by path."""
    lines = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{sha}  {path.relative_to(site_dir).as_posix()}")
    return "\n".join(lines) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        build_sample(Path(tmp) / "site")
        DIGEST.write_text(digest(Path(tmp) / "site"), encoding="utf-8")
    print(f"wrote {DIGEST.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
