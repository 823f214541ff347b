"""The README documents every command, every option and every config setting,
and the code base stays ruff-clean (sqlite-utils style: walk the CLI, check the docs)."""

import shutil
import subprocess

import click
import pytest

from generator.cli import main
from generator.config import IdeaboardConfig
from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    ctx = click.Context(main)
    return [(name, main.get_command(ctx, name)) for name in main.list_commands(ctx)]


@pytest.mark.parametrize(("name", "command"), _commands(), ids=[n for n, _ in _commands()])
def test_every_command_is_documented(name, command):
    assert f"ideaboard {name}" in README, f"README.md does not mention 'ideaboard {name}'"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            longest = max(param.opts, key=len)
            assert longest in README, f"README.md does not document {name} {longest}"


def test_every_command_has_help():
    for name, command in _commands():
        assert command.help, f"'ideaboard {name}' has no help text"


@pytest.mark.parametrize("option", sorted(key for key, _ in IdeaboardConfig._schema))
def test_every_config_option_is_documented(option):
    assert f"`{option}`" in README, f"README.md does not document the '{option}' option"


def test_readme_links_security_policy():
    assert ".github/SECURITY.md" in README
    assert (ROOT / ".github" / "SECURITY.md").is_file()


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_is_clean():
    result = subprocess.run(
        ["ruff", "check", "generator", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
