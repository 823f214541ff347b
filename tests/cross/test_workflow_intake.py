"""The intake workflow's real steps, against the fake GitHub and a local bare git remote.

Issue 12, item 3: once a pull request's branch exists, no later run rewrites
it; an edited issue is reported on the pull request instead.  The step's
script runs unchanged under bash; ``ideaboard`` is this checkout's command,
and only ``gh`` (the next step) is not run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.fakegithub import TOKEN
from tests.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "intake.yml"
BODY = "### The problem\n\nI lose notes offline.\n\n### Before you submit\n\n- [X] I searched"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")


def _step(name: str) -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return next(s for s in data["jobs"]["intake"]["steps"] if s.get("id") == name)


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Mara", "-c", "user.email=m@x", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture
def world(tmp_path: Path, fake_github):
    """A bare remote holding a board on main, and a way to run the step in a fresh checkout."""
    remote = tmp_path / "acme" / "board.git"
    remote.parent.mkdir()
    _git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    seed = tmp_path / "seed"
    _git(tmp_path, "clone", "-q", str(remote), str(seed))
    (seed / "ideas").mkdir()
    (seed / "ideas" / ".keep").write_text("")
    (seed / "mkdocs.yml").write_text(
        textwrap.dedent(f"""\
            site_name: Test ideas
            site_url: https://ex.org/board/
            plugins:
              - ideaboard:
                  repo: lumen-notes/lumen
                  api_url: {fake_github.api_url}
            """)
    )
    _git(seed, "add", ".")
    _git(seed, "commit", "-qm", "board")
    _git(seed, "push", "-q", "origin", "HEAD:main")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "ideaboard"
    shim.write_text(
        f"#!/bin/sh\nexec {sys.executable} -c "
        "'import sys; from generator.cli import main; sys.exit(main())' \"$@\"\n"
    )
    shim.chmod(0o755)
    runs = iter(range(100))

    def run(*, rewrite: bool = False) -> str:
        work = tmp_path / f"checkout-{next(runs)}"
        _git(tmp_path, "clone", "-q", str(remote), str(work))
        output = tmp_path / "output"
        output.write_text("")
        env = {
            "PATH": f"{bin_dir}:/usr/bin:/bin",
            "PYTHONPATH": str(ROOT),
            "HOME": str(tmp_path),
            "GITHUB_TOKEN": TOKEN,
            "ISSUE_NUMBER": "40",
            "REWRITE": "true" if rewrite else "false",
            "REPOSITORY": "acme/board",
            "SERVER_URL": f"file://{tmp_path}",
            "SOURCE_FILE": str(tmp_path / "source"),
            "GITHUB_OUTPUT": str(output),
        }
        result = subprocess.run(
            ["bash", "-e", "-c", _step("intake")["run"]],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout + output.read_text()

    fake_github.add_issue(40, "[Idea]: Offline editing", body=BODY)
    return remote, run, fake_github


def _branch(remote: Path) -> list[str]:
    return _git(remote, "log", "--format=%an: %s", "ideaboard/intake-40").splitlines()


def test_the_first_run_writes_the_branch_and_records_its_source(world) -> None:
    remote, run, _fake = world
    out = run()
    assert "wrote ideas/offline-editing.yaml (from #40)" in out
    assert out.endswith("branch=ideaboard/intake-40\n")
    assert _branch(remote) == ["github-actions[bot]: Add the idea from #40", "Mara: board"]
    message = _git(remote, "log", "-1", "--format=%B", "ideaboard/intake-40")
    assert message.startswith("Add the idea from #40\n\nIdeaboard-Source: ")


def test_a_later_run_never_rewrites_the_reviewed_branch(world) -> None:
    remote, run, fake = world
    run()
    # A maintainer reviews: a commit of their own on the branch, and the pull request #41.
    review = remote.parent / "review"
    _git(remote.parent, "clone", "-q", "-b", "ideaboard/intake-40", str(remote), str(review))
    path = review / "ideas" / "offline-editing.yaml"
    path.write_text(path.read_text().replace("status: proposed", "status: proposed\ntags: [sync]"))
    _git(review, "commit", "-qam", "Add a tag")
    _git(review, "push", "-q", "origin", "HEAD:ideaboard/intake-40")
    head = _git(remote, "rev-parse", "ideaboard/intake-40")
    _git(remote, "update-ref", "refs/pull/41/head", head)
    fake.add_issue(41, "Add the idea from #40", labels=(), pull_request=True)

    out = run()  # another label event, nothing edited
    assert out == "#40: its pull request already holds this text: branch left alone\n"

    fake.issue(40).body = BODY + "\n\nAnd now a different text, after review."
    out = run()
    assert out == (
        "#40: the issue changed since review: said so on #41\n"
        "#40: the issue changed since #41 was opened: branch left alone\n"
    )
    out = run()  # said once only
    assert out == "#40: the issue changed since #41 was opened: branch left alone\n"
    assert _git(remote, "rev-parse", "ideaboard/intake-40") == head
    assert _branch(remote)[0] == "Mara: Add a tag"
    (comment,) = list(fake.issue(41).comments)
    assert re.match(
        r"<!-- ideaboard:intake-changed source=[0-9a-f]{16} -->\nThe title", comment.body
    )
    fake.issue(40).body = BODY + "\n\nEdited once more."
    assert run().startswith("#40: the issue changed since review: said so on #41\n")
    assert len(fake.issue(41).comments) == 2


def test_only_the_explicit_rewrite_writes_the_branch_again(world) -> None:
    remote, run, fake = world
    run()
    fake.issue(40).body = BODY + "\n\nEdited."
    out = run(rewrite=True)
    assert out.endswith("branch=ideaboard/intake-40\n")
    text = _git(remote, "show", "ideaboard/intake-40:ideas/offline-editing.yaml")
    assert "Edited." in text
