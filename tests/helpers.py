"""Helpers shared by several test modules and benchmarks (not a test module itself).

- ``make_board``, ``cli``, ``journal``: a board in a tmp folder talking to the fake GitHub,
  the ``ideaboard`` CLI run against it, and the fake's journal of writes.
- ``BOARD_AUTHORS``: comment authors whose markers count as the board's own.
- ``voted_issue``: an open idea issue with N 👍 votes.
- ``run_ideaboard``: the CLI in a child process.
- ``best``: the best wall and CPU time of a few runs (the benchmarks).

The ``fast_writes`` fixture lives in ``tests/conftest.py``.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.snapshot import Actor, Issue, Vote
from tests.fakegithub import TOKEN

REPO = "/repos/lumen-notes/lumen"  # the REST paths of the fake's repository
IDEABOARD = (sys.executable, "-c", "from generator.cli import main; main(prog_name='ideaboard')")

MKDOCS = """\
site_name: Test ideas
site_url: https://ex.org/board/
plugins:
  - ideaboard:
      repo: lumen-notes/lumen
      api_url: {api_url}
"""

# Comment authors a marker is honoured from: a bot, or the repository's maintainers.
BOARD_AUTHORS = [
    ("github-actions", {"user_type": "Bot"}),
    ("octo-owner", {"association": "OWNER"}),
    ("octo-member", {"association": "MEMBER"}),
    ("octo-collaborator", {"association": "COLLABORATOR"}),
]


def make_board(tmp_path: Path, fake, ideas: dict[str, str], **options) -> Path:
    """A board in ``tmp_path`` talking to ``fake``; returns its mkdocs.yml."""
    extra = "".join(f"      {key}: {value}\n" for key, value in options.items())
    (tmp_path / "mkdocs.yml").write_text(
        MKDOCS.format(api_url=fake.api_url) + extra, encoding="utf-8"
    )
    (tmp_path / "ideas").mkdir(exist_ok=True)
    for slug, text in ideas.items():
        (tmp_path / "ideas" / f"{slug}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def cli(config: Path, *args: str):
    return CliRunner().invoke(main, ["-f", str(config), *args], env={"GITHUB_TOKEN": TOKEN})


def journal(fake) -> list:
    """The writes since the last call, then forget them."""
    writes = list(fake.writes)
    fake.writes.clear()
    return writes


def voted_issue(votes: int, at: dt.datetime, number: int = 12, title: str = "Dark mode") -> Issue:
    """An open issue labelled ``idea`` with ``votes`` 👍 (from user0, user1, ...) at ``at``."""
    return Issue(
        number=number,
        title=title,
        url=f"https://github.com/lumen-notes/lumen/issues/{number}",
        state="open",
        created_at=at,
        updated_at=at,
        labels=("idea",),
        voters=tuple(Vote(Actor(f"user{n}"), at) for n in range(votes)),
    )


def run_ideaboard(
    config: Path, *args: str, env: dict[str, str], timeout: int, preexec_fn=None
) -> subprocess.CompletedProcess:
    """``ideaboard --config-file CONFIG ARGS`` in a child process, in the board's folder."""
    return subprocess.run(
        [*IDEABOARD, "--config-file", str(config), *args],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=preexec_fn,
    )


def best(fn, repeat: int) -> tuple[object, float, float]:
    """``fn()``'s result, and its best wall and CPU time over ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return result, min(walls), min(cpus)
