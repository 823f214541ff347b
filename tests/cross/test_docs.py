"""The README documents every command, every option and every config setting,
and the code base stays ruff-clean (sqlite-utils style: walk the CLI, check the docs)."""

import re
import shutil
import subprocess

import click
import pytest

from generator.cli import main
from generator.config import IdeaboardConfig
from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CONTRIBUTING = (ROOT / ".github" / "CONTRIBUTING.md").read_text(encoding="utf-8")


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


def anchors(markdown: str) -> set[str]:
    """The ids GitHub gives the headings of ``markdown`` (outside code blocks)."""
    text = re.sub(r"(?ms)^```.*?^```", "", markdown)
    seen: dict[str, int] = {}
    for heading in re.findall(r"(?m)^#{1,6} (.+)$", text):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        if count:
            seen[f"{slug}-{count}"] = 1
    return set(seen)


@pytest.mark.parametrize(
    ("name", "text", "links"),
    [
        ("README.md", README, {"": README, ".github/CONTRIBUTING.md": CONTRIBUTING}),
        (".github/CONTRIBUTING.md", CONTRIBUTING, {"": CONTRIBUTING, "../README.md": README}),
    ],
    ids=["README", "CONTRIBUTING"],
)
def test_every_link_to_a_heading_finds_it(name, text, links):
    for target, fragment in re.findall(r"\]\(([^)#\s]*)#([^)\s]+)\)", text):
        if target in links:
            assert fragment in anchors(links[target]), f"{name}: no heading for {target}#{fragment}"


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_ruff_is_clean():
    result = subprocess.run(
        ["ruff", "check", "generator", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
