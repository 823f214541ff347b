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
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from click.testing import CliRunner
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.cli import main
from generator.model.snapshot import Actor, Issue, Vote
from generator.sync import store as snap
from tests.fakegithub import TOKEN
from tests.paths import ROOT

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


HOSTILE_TITLE = "<script>alert(1)</script>{ onclick=x } </title><img src=x onerror=alert(2)>"


MKDOCS_YML = """\
site_name: Fixture ideas
site_url: https://example.org/board/
docs_dir: {root}/site_theme/pages
theme:
  name: material
  custom_dir: {root}/site_theme/overrides
  font: false
  features: [navigation.tabs]
extra_css: [assets/stylesheets/ideaboard.css]
extra_javascript: [assets/javascripts/ideaboard.js, assets/javascripts/ideaboard-search.js]
nav:
  - Board: index.md
  - Roadmap: roadmap.md
  - Shipped: shipped.md
  - New proposals: proposals.md
  - Tags: tags/index.md
  - Insights: insights.md
  - About: about.md
plugins:
  - search
  - ideaboard:
      repo: acme/widgets
"""


IDEAS = {
    "dark-mode": """\
        title: Dark mode
        summary: A dark theme for late nights.
        description: |
          Easier on the eyes. The word **zeppelin** is only here.
        status: planned
        issue: 1
        tags: [ui]
        created: 2026-01-05
        history:
          - {date: 2026-01-05, status: proposed, note: Open for votes.}
          - {date: 2026-02-01, status: planned, note: Planned for 2.0.}
        """,
    "pdf-export": """\
        title: PDF export
        summary: Export a note to PDF.
        status: shipped
        issue: 2
        tags: [export]
        created: 2025-06-01
        shipped_in: {release: "2.0"}
        history:
          - {date: 2025-06-01, status: proposed}
          - {date: 2026-10-01, status: shipped, note: Shipped in 2.0.}
        """,
    "hostile": f"""\
        title: {json.dumps(HOSTILE_TITLE)}
        summary: "[x](javascript:alert(3)) {{{{ 7*7 }}}} --8<-- \\"/etc/passwd\\""
        description: |
          --8<-- "/etc/passwd"

          [click](javascript:alert(4)) {{ onclick=alert(5) }}
        status: proposed
        issue: 3
        created: 2026-03-01
        """,
    "secret": """\
        title: SECRET-HIDDEN
        summary: Moderated away.
        status: proposed
        issue: 4
        created: 2026-03-02
        hidden: true
        """,
}


def _issue(number: int, votes: int, author: str = "alice") -> snap.Issue:
    start = dt.datetime(2026, 1, 6, tzinfo=dt.UTC)
    return snap.Issue(
        number=number,
        title=f"Issue {number}",
        url=f"https://github.com/acme/widgets/issues/{number}",
        state="open",
        created_at=start,
        updated_at=start,
        author=snap.Actor(author),
        labels=("idea",),
        comments=3,
        reactions={"+1": votes},
        voters=tuple(
            snap.Vote(snap.Actor(f"voter{i}"), start + dt.timedelta(days=i)) for i in range(votes)
        ),
    )


SYNCED = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def write_board(root: Path) -> Path:
    """Write the fixture board into ``root``; return its mkdocs.yml."""
    (root / "ideas").mkdir(parents=True, exist_ok=True)
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(root=ROOT), encoding="utf-8")
    for slug, text in IDEAS.items():
        (root / "ideas" / f"{slug}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    issues = {n: _issue(n, v) for n, v in ((1, 12), (2, 30), (3, 1), (4, 5))}
    issues[9] = _issue(9, 2, author="<b>mallory</b>")  # an idea-labelled issue with no file
    snap.save(
        root / "ideas" / "snapshot.json",
        snap.Snapshot(repo="acme/widgets", synced_at=SYNCED, issues=issues),
    )
    return config


def mkdocs_build(config_file: Path, site_dir: Path) -> Path:
    """Build with mkdocs' Python API, as ``mkdocs build`` does."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir
