"""The layering rule (DESIGN.md, "The house"), checked on the real import graph.

import-linter reads every import in ``generator/``, those inside functions too, and
checks the contracts in ``pyproject.toml``: each stage imports only the stages below
it, only ``github/`` imports PyGithub, and the core does not import mkdocs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.paths import ROOT


def lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` with the contracts of ``cwd/pyproject.toml`` on ``cwd/generator``."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_every_contract_is_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_an_import_of_a_higher_stage_breaks_the_suite(tmp_path):
    # The tally is pure and sits below render: importing render from it is forbidden.
    root = _copy(tmp_path)
    votes = root / "generator" / "tally" / "votes.py"
    votes.write_text(votes.read_text() + "\nfrom generator.render import render_site  # noqa\n")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "Each stage imports only the stages below it BROKEN" in result.stdout
    assert "generator.tally.votes -> generator.render" in result.stdout


def test_an_import_inside_a_function_counts_too(tmp_path):
    root = _copy(tmp_path)
    form = root / "generator" / "model" / "board.py"
    form.write_text(
        form.read_text()
        + textwrap.dedent("""
        def _late():
            from generator.sync import store  # noqa
            return store
        """)
    )
    result = lint_imports(root)
    assert result.returncode == 1
    assert "generator.model.board -> generator.sync" in result.stdout


def test_pygithub_outside_github_breaks_the_suite(tmp_path):
    root = _copy(tmp_path)
    render = root / "generator" / "render" / "feeds.py"
    render.write_text(render.read_text() + "\nimport github  # noqa\n")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "Only github/ imports PyGithub BROKEN" in result.stdout
