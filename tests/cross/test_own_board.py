"""The README's "Your own board, live on GitHub Pages", followed from a fresh repository.

The section's command step is run as written (``ideaboard init``, then a commit) in a
new git repository whose remote is on GitHub; the board then meets the fake GitHub as
a customer and the workflows would: an idea issue through intake, a sync, a strict
build. The other steps name settings switches: the files ``init`` wrote must be the
ones that need them, and nothing may need a secret.
"""

from __future__ import annotations

import re
import shlex
import subprocess

import pytest

from tests.fakegithub import TOKEN, FakeGitHub
from tests.helpers import cli
from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
OWNER_REPO = "acme/widget"
FORM_BODY = (
    "### The problem\n\nI cannot read the app at night.\n\n"
    "### Proposed solution\n\nA dark theme.\n\n"
    "### Who benefits\n\nEveryone who works late.\n\n"
    "### Before you submit\n\n- [X] I searched the board for similar ideas"
)


def section(title: str) -> str:
    """The README's section under the heading ``## title``, up to the next ``## ``."""
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end]


OWN_BOARD = section("Your own board, live on GitHub Pages")
STEPS = re.findall(r"(?m)^(\d)\. (.+(?:\n(?!\d\. |\S).*)*)", OWN_BOARD.split("\n### ")[0])


def git(folder, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True, timeout=30
    )
    return done.stdout


def run(folder, *args: str) -> str:
    """``ideaboard ARGS`` on the board in ``folder``, with the fake's token; its output."""
    result = cli(folder / "mkdocs.yml", *args)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_section_has_at_most_three_steps_each_a_command_or_one_setting():
    assert [number for number, _ in STEPS] == ["1", "2", "3"]
    *settings, command = (text for _, text in STEPS)
    assert "```sh\n   ideaboard init" in command
    for text in settings:
        assert text.startswith("**Settings → "), text  # one named switch
        assert "```" not in text
    assert "No secret is needed" in OWN_BOARD
    assert "ideaboard doctor --setup --fix" in OWN_BOARD


def first_step_commands() -> list[list[str]]:
    block = re.search(r"```sh\n\s*(.+?)\n\s*```", STEPS[2][1], re.S).group(1)
    return [shlex.split(part) for part in block.split("&&")]


@pytest.fixture
def board(tmp_path, fast_writes):
    """A fresh repository with a GitHub remote, after the section's command step."""
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "maintainer@example.com")
    git(tmp_path, "config", "user.name", "Maintainer")
    git(tmp_path, "config", "commit.gpgsign", "false")
    git(tmp_path, "remote", "add", "origin", f"https://github.com/{OWNER_REPO}.git")
    for command in first_step_commands():
        if command[:2] == ["git", "push"]:
            continue  # nowhere to push to; the settings steps are checked below
        if command[0] == "ideaboard":
            output = run(tmp_path, *command[1:])
            assert (
                "Board for Widget (acme/widget), published at https://acme.github.io/widget/"
                in output
            )
        else:
            git(tmp_path, *command[1:])
    return tmp_path


def test_the_command_step_commits_a_board_and_leaves_nothing_out(board):
    committed = set(git(board, "ls-files").split())
    for path in (
        "mkdocs.yml",
        ".github/workflows/publish.yml",
        ".github/workflows/intake.yml",
        ".github/workflows/feedback.yml",
        ".github/workflows/validate.yml",
        ".github/ISSUE_TEMPLATE/idea.yml",
        ".github/ISSUE_TEMPLATE/config.yml",
        "site_theme/pages/about.md",
        "requirements.txt",
        ".gitignore",
    ):
        assert path in committed
    assert git(board, "status", "--porcelain") == ""


def test_the_settings_steps_are_what_the_written_workflows_need_and_no_secret(board):
    workflows = {p.name: p.read_text(encoding="utf-8") for p in board.glob(".github/workflows/*")}
    # Step 1 (Pages from GitHub Actions): publish deploys with the Pages action.
    assert "actions/deploy-pages@" in workflows["publish.yml"]
    assert "Source: GitHub Actions" in STEPS[0][1]
    # Step 2 (Actions may create pull requests): intake opens one with the workflow token.
    assert "gh pr create" in workflows["intake.yml"]
    assert "create and approve pull requests" in " ".join(STEPS[1][1].split())
    for name, text in workflows.items():
        # The only secrets: a bigger sync token's, off by default (see test_workflows.py).
        found = re.findall(r"secrets\.\w+", text)
        bigger = ["secrets.IDEABOARD_APP_KEY", "secrets.IDEABOARD_TOKEN"]
        assert found == (bigger if name == "publish.yml" else []), name
        assert "python -m pip install -r requirements.txt" in text, name
    assert "ideaboard build --offline --strict" in workflows["publish.yml"]


def test_the_new_board_takes_an_idea_syncs_and_builds_against_github(board):
    config = board / "mkdocs.yml"
    with FakeGitHub(OWNER_REPO, token=TOKEN) as fake:
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                f"repo: {OWNER_REPO}\n", f"repo: {OWNER_REPO}\n      api_url: {fake.api_url}\n"
            ),
            encoding="utf-8",
        )
        fake.add_issue(1, "[Idea]: Night theme", author="carol", body=FORM_BODY)
        fake.react(1, "dave")

        assert "wrote ideas/night-theme.yaml (from #1)" in run(board, "intake", "--issue", "1")
        assert [path for method, path, _ in fake.writes if method == "POST"] == [
            f"/repos/{OWNER_REPO}/issues/1/comments"
        ]
        assert "Synced 1 issues" in run(board, "sync")
        run(board, "validate")
        run(board, "build", "--offline", "--strict")
        assert fake.invalid_queries == []

    page = (board / "site" / "ideas" / "night-theme.html").read_text(encoding="utf-8")
    assert f"https://github.com/{OWNER_REPO}/issues/1" in page
    site_text = "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in (board / "site").rglob("*.html")
    )
    assert "lumen" not in site_text.lower()
