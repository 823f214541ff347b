"""``ideaboard doctor --setup``: the GitHub side of a board, each problem with its fix."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from tests.fakegithub import settings as repo_settings
from tests.helpers import REPO, cli, journal, make_board
from tests.paths import ROOT

WEB = "https://github.com/lumen-notes/lumen"
FORM = (ROOT / ".github" / "ISSUE_TEMPLATE" / "idea.yml").read_text(encoding="utf-8")


def board(tmp_path, fake, form: str | None = FORM):
    config = make_board(tmp_path, fake, {})
    if form is not None:
        (tmp_path / ".github" / "ISSUE_TEMPLATE").mkdir(parents=True)
        (tmp_path / ".github" / "ISSUE_TEMPLATE" / "idea.yml").write_text(form, encoding="utf-8")
    return config


def test_a_board_set_up_is_all_green(tmp_path, fake_github, fast_writes):
    fake_github.add_label("idea", "a2eeef")
    result = cli(board(tmp_path, fake_github), "doctor", "--setup")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "ok: label: the label 'idea' exists\n"
        "ok: pages: GitHub Pages builds from GitHub Actions (https://lumen-notes.github.io/lumen/)\n"
        "ok: pull requests: GitHub Actions may create pull requests\n"
        "ok: issue form: .github/ISSUE_TEMPLATE/idea.yml:8 applies the label 'idea'\n"
        "ok: token: issues: the token can read the issues\n"
        "ok: token: comments: the token's account can triage or write, so its comments count "
        "as the board's\n"
        "0 problem(s), 0 not checked, of 6 checks.\n"
    )
    assert fake_github.writes == []


def test_each_problem_is_named_with_its_fix(tmp_path, fake_github, fast_writes):
    state = repo_settings.of(fake_github)
    state.pages = None
    state.can_create_prs = False
    form = FORM.replace("labels: [idea]", "labels: [enhancement]")
    result = cli(board(tmp_path, fake_github, form), "doctor", "--setup")
    assert result.exit_code == 1
    assert result.output == (
        "problem: label: the label 'idea' does not exist, so the issue form cannot apply it; "
        f"fix: run 'ideaboard doctor --setup --fix', or create it at {WEB}/labels\n"
        "problem: pages: GitHub Pages is off; "
        f"fix: {WEB}/settings/pages: under Build and deployment, set Source to 'GitHub Actions'\n"
        "problem: pull requests: GitHub Actions may not create pull requests, and intake opens "
        f"one for each new idea; fix: {WEB}/settings/actions: under Workflow permissions, tick "
        "'Allow GitHub Actions to create and approve pull requests' (in an organization, allow "
        "it there first)\n"
        "problem: issue form: .github/ISSUE_TEMPLATE/idea.yml:8 applies ['enhancement'], not the "
        "board's label 'idea'; fix: set labels: [idea] in .github/ISSUE_TEMPLATE/idea.yml\n"
        "ok: token: issues: the token can read the issues\n"
        "ok: token: comments: the token's account can triage or write, so its comments count "
        "as the board's\n"
        "4 problem(s), 0 not checked, of 6 checks.\n"
    )
    assert fake_github.writes == []


def test_pages_from_a_branch_and_a_read_only_token(tmp_path, fake_github, fast_writes):
    fake_github.add_label("idea")
    state = repo_settings.of(fake_github)
    state.pages = "legacy"
    state.permissions = {"admin": False, "maintain": False, "push": False, "triage": False}
    state.permissions["pull"] = True
    state.workflow_readable = False
    lines = cli(board(tmp_path, fake_github), "doctor", "--setup").output.splitlines()
    assert lines[1] == (
        "problem: pages: GitHub Pages builds from a branch (legacy), not from GitHub Actions, so "
        f"the publish workflow cannot deploy; fix: {WEB}/settings/pages: under Build and "
        "deployment, set Source to 'GitHub Actions'"
    )
    assert lines[2].startswith(
        "not checked: pull requests: GitHub did not show this to the token (403: Resource not "
        "accessible by integration); reading it needs a repository admin; fix: check it by hand "
        f"at {WEB}/settings/actions"
    )
    assert lines[5] == (
        "problem: token: comments: the token's account may only read: its comments would count "
        "as a passer-by's, so feedback would post them again on every run; fix: use the "
        "workflow's GITHUB_TOKEN (permissions: issues: write), or a token of a collaborator "
        "with Triage or Write access"
    )
    assert lines[-1] == "2 problem(s), 1 not checked, of 6 checks."


def test_fix_creates_the_label_with_a_colour_and_a_description(tmp_path, fake_github, fast_writes):
    config = board(tmp_path, fake_github)
    result = cli(config, "doctor", "--setup", "--fix")
    assert result.output.splitlines()[0] == "fixed: label: created the label 'idea' (colour a2eeef)"
    assert result.exit_code == 0, result.output
    assert journal(fake_github) == [
        (
            "POST",
            f"{REPO}/labels",
            {
                "name": "idea",
                "color": "a2eeef",
                "description": "An idea for the idea board: vote for it with a 👍 reaction",
            },
        )
    ]
    again = cli(config, "doctor", "--setup", "--fix")
    assert again.output.splitlines()[0] == "ok: label: the label 'idea' exists"
    assert fake_github.writes == []


def test_without_a_token_the_local_files_are_checked_and_the_rest_is_said(tmp_path, fake_github):
    config = board(tmp_path, fake_github, form=None)
    result = CliRunner().invoke(
        main, ["-f", str(config), "doctor", "--setup"], env={"GITHUB_TOKEN": ""}
    )
    needs = "needs a GitHub token in GITHUB_TOKEN (then run 'ideaboard doctor --setup')"
    assert result.exit_code == 1
    assert result.output == (
        f"not checked: label: {needs}\n"
        f"not checked: pages: {needs}\n"
        f"not checked: pull requests: {needs}\n"
        "problem: issue form: .github/ISSUE_TEMPLATE/idea.yml not found; fix: add the issue "
        "form there, with labels: [idea]\n"
        f"not checked: token: issues: {needs}\n"
        f"not checked: token: comments: {needs}\n"
        "1 problem(s), 5 not checked, of 6 checks.\n"
    )
    assert fake_github.requests == 0


def test_fix_goes_with_setup(tmp_path, fake_github):
    result = cli(board(tmp_path, fake_github), "doctor", "--fix")
    assert result.exit_code == 2
    assert "--fix goes with --setup: expected 'doctor --setup --fix'." in result.output
