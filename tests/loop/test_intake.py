"""``ideaboard intake``: new form issues become valid idea files, with one comment each."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.config import default_settings, load_settings
from generator.load import load_board
from generator.loop import intake
from generator.model.snapshot import Issue, Snapshot
from generator.sync import store as snapshot
from tests.helpers import BOARD_AUTHORS, REPO, cli, make_board

AT = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
HEADER = (
    "# yaml-language-server: $schema=https://lumen-notes.github.io/lumen/schema/idea.schema.json\n"
)
HISTORY = (
    "history:\n  - date: 2026-03-02\n    status: proposed\n"
    "    note: Proposed on GitHub. Vote for it with a 👍 on the issue.\n"
)

FORM_BODY = (
    "### The problem\r\n\r\n"
    "I take meeting notes on the train and lose them when the signal drops. "
    "It happens every week.\r\n\r\n"
    "### Proposed solution\r\n\r\n"
    "Keep every note on the phone and sync when back online.\r\n\r\n"
    "### Who benefits\r\n\r\n"
    "_No response_\r\n\r\n"
    "### Before you submit\r\n\r\n"
    "- [X] I searched the board for similar ideas"
)

PDF = """\
title: Export notes as PDF
summary: Print a note or a whole notebook to a PDF file.
status: planned
issue: 9
created: 2026-01-05
history:
  - date: 2026-01-05
    status: planned
    note: Planned.
"""


@pytest.fixture
def board(tmp_path, fake_github, fast_writes):
    fake_github.add_issue(9, "Export notes as PDF", created_at=AT)
    config = make_board(tmp_path, fake_github, {"pdf-export": PDF})
    return config, fake_github


# The output of an intake run that finds the board's comment already on #40 and writes its file.
WROTE_40_WITHOUT_A_COMMENT = (
    "#40: comment already there\n"
    "wrote ideas/offline-editing-on-mobile.yaml (from #40)\n"
    "1 new idea(s) written, 0 comment(s) posted.\n"
)


def add(fake, number, title, body, **options):
    options.setdefault("created_at", AT)
    return fake.add_issue(number, title, body=body, **options)


def idea_file(config: Path, slug: str) -> str:
    return (config.parent / "ideas" / f"{slug}.yaml").read_text(encoding="utf-8")


def test_a_form_issue_becomes_an_idea_file_and_one_comment(board):
    config, fake = board
    add(fake, 40, "[Idea]: Offline editing on mobile", FORM_BODY)
    result = cli(config, "intake")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "#40: commented: similar ideas: none\n"
        "wrote ideas/offline-editing-on-mobile.yaml (from #40)\n"
        "1 new idea(s) written, 1 comment(s) posted.\n"
    )
    assert (
        idea_file(config, "offline-editing-on-mobile")
        == HEADER
        + (
            "title: Offline editing on mobile\n"
            "summary: I take meeting notes on the train and lose them when the signal drops.\n"
            "description: |\n"
            "  ### The problem\n\n"
            "  I take meeting notes on the train and lose them when the signal drops. "
            "It happens every week.\n\n"
            "  ### Proposed solution\n\n"
            "  Keep every note on the phone and sync when back online.\n"
            "status: proposed\n"
            "issue: 40\n"
            "created: 2026-03-02\n"
        )
        + HISTORY
    )
    assert fake.writes == [
        (
            "POST",
            f"{REPO}/issues/40/comments",
            {
                "body": "<!-- ideaboard:similar -->\n"
                "Thanks for the idea! A maintainer will read it and add it to the "
                "[idea board](https://ex.org/board/). Anyone can vote for it with a 👍 reaction "
                "on this issue, and we will post here whenever its status changes.\n"
            },
        )
    ]


def test_similar_ideas_are_listed_with_links(board):
    config, fake = board
    add(
        fake, 41, "PDF export of a notebook", "### The problem\n\nI need to print notebooks as PDF."
    )
    assert cli(config, "intake").exit_code == 0
    assert (
        fake.issue(41)
        .comments[0]
        .body.endswith(
            "These ideas already on the board look similar. If one of them is what you mean, "
            "add your 👍 there and say so here, and we will merge the two:\n\n"
            "- [Export notes as PDF](https://ex.org/board/ideas/pdf-export.html) (#9, Planned)\n"
        )
    )


def test_running_intake_again_changes_nothing(board):
    config, fake = board
    add(fake, 40, "Offline editing on mobile", FORM_BODY)
    assert cli(config, "intake").exit_code == 0
    files = {p.name: p.read_bytes() for p in (config.parent / "ideas").iterdir()}
    fake.writes.clear()
    result = cli(config, "intake")
    assert result.output == "Nothing to do: every idea issue has a file.\n"
    assert fake.writes == []
    assert {p.name: p.read_bytes() for p in (config.parent / "ideas").iterdir()} == files


def test_a_lost_file_is_written_again_without_a_second_comment(board):
    config, fake = board
    add(fake, 40, "Offline editing on mobile", FORM_BODY)
    assert cli(config, "intake", "--issue", "40").exit_code == 0
    (config.parent / "ideas" / "offline-editing-on-mobile.yaml").unlink()  # the PR was not merged
    fake.writes.clear()
    result = cli(config, "intake", "--issue", "40")
    assert result.output == WROTE_40_WITHOUT_A_COMMENT
    assert fake.writes == []


def test_a_failed_comment_writes_no_file(board):
    config, fake = board
    add(fake, 40, "Offline editing on mobile", FORM_BODY)
    fake.fail_next("401", path="/comments")
    result = cli(config, "intake")
    assert result.exit_code == 1
    assert not (config.parent / "ideas" / "offline-editing-on-mobile.yaml").exists()


GARBLED = [
    # (title, body, slug, expected fields after title)
    (
        "Dark mode",
        "",
        "dark-mode",
        "summary: Dark mode\n",
    ),
    (
        "[Idea]: Dark mode",
        "Please add a dark theme.\r\n\r\nMy eyes hurt at night.",
        "dark-mode",
        "summary: Please add a dark theme.\n"
        "description: |\n  Please add a dark theme.\n\n  My eyes hurt at night.\n",
    ),
    (
        "Dark mode",
        "<!-- Please fill in the form -->\n## Problem:\n\nToo bright\n\n"
        "## Alternatives\n\nSunglasses",
        "dark-mode",
        "summary: Too bright\n"
        "description: |\n  ### The problem\n\n  Too bright\n\n  ## Alternatives\n\n  Sunglasses\n",
    ),
    (
        "Dark mode",
        "### Who benefits\n\nNight owls\n\n### The problem\n\n_No response_",
        "dark-mode",
        "summary: Night owls\ndescription: |\n  ### Who benefits\n\n  Night owls\n",
    ),
    (
        'x"\nstatus: shipped\nissue: 1',
        "summary: injected\nstatus: shipped\n---\n!!python/object:os.system",
        "x-status-shipped-issue-1",
        "summary: 'summary: injected status: shipped --- !!python/object:os.system'\n"
        "description: |\n  summary: injected\n  status: shipped\n  ---\n"
        "  !!python/object:os.system\n",
    ),
    (
        "深色模式",
        "### The problem\n\n晚上太亮了。眼睛很累。",
        "idea-94d2bd01",
        "summary: 晚上太亮了。\ndescription: |\n  ### The problem\n\n  晚上太亮了。眼睛很累。\n",
    ),
    (
        "[Idea]: ",
        "### The problem\n\nThe sidebar is too wide.",
        "the-sidebar-is-too-wide",
        "summary: The sidebar is too wide.\n"
        "description: |\n  ### The problem\n\n  The sidebar is too wide.\n",
    ),
    (
        "Trailing spaces",
        "### The problem\n\nline one  \n\tindented with a tab\n",
        "trailing-spaces",
        "summary: line one indented with a tab\n"
        'description: "### The problem\\n\\nline one\\n\\tindented with a tab\\n"\n',
    ),
]


@pytest.mark.parametrize(("title", "body", "slug", "fields"), GARBLED, ids=[g[2] for g in GARBLED])
def test_edited_and_garbled_bodies_make_valid_files(board, title, body, slug, fields):
    config, fake = board
    add(fake, 50, title, body)
    result = cli(config, "intake", "--no-comment")
    assert result.exit_code == 0, result.output
    text = idea_file(config, slug)
    clean_title = intake.clean_title(title, intake.form.parse(body), 50)
    assert text.startswith(HEADER + "title: ")
    assert (
        text.split("\n", 2)[2]
        == fields + "status: proposed\nissue: 50\ncreated: 2026-03-02\n" + HISTORY
    )
    ideas, problems = load_board(load_settings(config))
    assert problems == ()
    (made,) = [i for i in ideas if i.slug == slug]
    assert made.title == clean_title
    assert made.issue == 50


def test_only_open_idea_issues_without_a_file(board):
    config, fake = board
    add(fake, 60, "Closed idea", "", state="closed", state_reason="not_planned")
    add(fake, 61, "A bug", "", labels=("bug",))
    add(fake, 62, "Named by a broken file", "")
    (config.parent / "ideas" / "broken.yaml").write_text("title: [\nissue: 62\n", encoding="utf-8")
    result = cli(config, "intake")
    assert result.output == "Nothing to do: every idea issue has a file.\n"


def test_the_same_title_twice_gets_two_slugs(board):
    config, fake = board
    add(fake, 70, "Dark mode", "")
    add(fake, 71, "Dark Mode!", "")
    result = cli(config, "intake", "--no-comment")
    assert result.output == (
        "wrote ideas/dark-mode.yaml (from #70)\n"
        "wrote ideas/dark-mode-2.yaml (from #71)\n"
        "2 new idea(s) written, 0 comment(s) posted.\n"
    )


def test_dry_run_writes_and_posts_nothing(board):
    config, fake = board
    add(fake, 40, "PDF export", "### The problem\n\nI want a PDF export of my notes.")
    result = cli(config, "intake", "--dry-run")
    assert result.output == (
        "would write ideas/pdf-export-2.yaml (from #40)\n"
        "#40: would comment: similar ideas: pdf-export\n"
        "Dry run: 1 new idea(s); nothing was written or posted.\n"
    )
    assert fake.writes == []
    assert sorted(p.name for p in (config.parent / "ideas").iterdir()) == ["pdf-export.yaml"]


def test_from_the_snapshot_offline(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - ideaboard:\n      repo: lumen-notes/lumen\n", encoding="utf-8"
    )
    (tmp_path / "ideas").mkdir()
    _snapshot_with_issue_5(tmp_path)
    result = cli(tmp_path / "mkdocs.yml", "intake", "--offline", "--no-comment")
    assert result.output == (
        "wrote ideas/dark-mode.yaml (from #5)\n1 new idea(s) written, 0 comment(s) posted.\n"
    )
    result = cli(tmp_path / "mkdocs.yml", "intake", "--offline", "--dry-run")
    assert result.output == "Nothing to do: every idea issue has a file.\n"


def test_comment_without_a_site_url():
    settings = dataclasses.replace(default_settings(Path("/b")), site_url="")
    assert intake.comment([], settings) == (
        "<!-- ideaboard:similar -->\nThanks for the idea! A maintainer will read it and add it "
        "to the idea board. Anyone can vote for it with a 👍 reaction on this issue, and we "
        "will post here whenever its status changes.\n"
    )


def test_a_very_long_issue_still_makes_a_valid_file(board):
    config, fake = board
    body = "### The problem\n\n" + ("word " * 300 + "\n\n") * 30
    add(fake, 80, "Long " * 100, body)
    assert cli(config, "intake", "--no-comment").exit_code == 0
    ideas, problems = load_board(load_settings(config))
    assert problems == ()
    (made,) = [i for i in ideas if i.issue == 80]
    assert len(made.title) <= 200
    assert len(made.summary) <= 300
    assert made.description.endswith("*(Cut short here: the full text is on issue #80.)*\n")


def test_without_a_token_intake_reads_the_snapshot(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - ideaboard:\n      repo: lumen-notes/lumen\n", encoding="utf-8"
    )
    (tmp_path / "ideas").mkdir()
    result = CliRunner().invoke(
        main, ["-f", str(tmp_path / "mkdocs.yml"), "intake", "--dry-run"], env={"GITHUB_TOKEN": ""}
    )
    assert result.output == "Nothing to do: every idea issue has a file.\n"
    _snapshot_with_issue_5(tmp_path)
    for args, why in (([], "offline, set GITHUB_TOKEN to post them"), (["--offline"], "--offline")):
        (tmp_path / "ideas" / "dark-mode.yaml").unlink(missing_ok=True)
        result = CliRunner().invoke(
            main, ["-f", str(tmp_path / "mkdocs.yml"), "intake", *args], env={"GITHUB_TOKEN": ""}
        )
        assert (result.exit_code, result.output) == (
            0,
            f"No comments posted ({why}).\n"
            "wrote ideas/dark-mode.yaml (from #5)\n"
            "1 new idea(s) written, 0 comment(s) posted.\n",
        )


def test_offline_with_a_token_still_reads_only_the_snapshot(tmp_path, fake_github):
    config = make_board(tmp_path, fake_github, {})
    fake_github.add_issue(6, "Not in the snapshot", created_at=AT)
    _snapshot_with_issue_5(config.parent)
    result = cli(config, "intake", "--offline")
    assert result.output == (
        "No comments posted (--offline).\n"
        "wrote ideas/dark-mode.yaml (from #5)\n"
        "1 new idea(s) written, 0 comment(s) posted.\n"
    )
    assert fake_github.requests == 0


def _snapshot_with_issue_5(root: Path) -> None:
    issue = Issue(
        number=5,
        title="Dark mode",
        url="https://github.com/lumen-notes/lumen/issues/5",
        state="open",
        created_at=AT,
        updated_at=AT,
        body="### The problem\n\nToo bright.",
        labels=("Idea",),
    )
    snapshot.save(root / "ideas" / "snapshot.json", Snapshot("lumen-notes/lumen", AT, {5: issue}))


# --- only the board's own marker counts (anyone can comment on the issue) ---------------

WELCOME = ("POST", f"{REPO}/issues/40/comments")


@pytest.mark.parametrize("association", ["NONE", "CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR"])
def test_a_planted_marker_does_not_silence_the_similar_ideas_comment(board, association):
    config, fake = board
    body = f"{intake.MARKER}\n{FORM_BODY}"  # in the body too: intake reads only comments
    add(fake, 40, "Offline editing on mobile", body)
    fake.add_comment(40, "alice", intake.MARKER, association=association)  # the proposer
    fake.add_comment(40, "mallory", f"{intake.MARKER}\nFirst!", association=association)
    result = cli(config, "intake")
    assert result.exit_code == 0, result.output
    assert "#40: commented: similar ideas: none\n" in result.output
    assert [(m, p) for m, p, _ in fake.writes] == [WELCOME]
    assert fake.issue(40).comments[-1].user.login == "ideaboard-bot[bot]"
    (config.parent / "ideas" / "offline-editing-on-mobile.yaml").unlink()  # PR not merged
    fake.writes.clear()
    again = cli(config, "intake")
    assert "#40: comment already there\n" in again.output  # its own comment is honoured
    assert fake.writes == []


@pytest.mark.parametrize(("login", "options"), BOARD_AUTHORS)
def test_a_marker_from_a_bot_or_a_maintainer_is_honoured(board, login, options):
    config, fake = board
    add(fake, 40, "Offline editing on mobile", FORM_BODY)
    fake.add_comment(40, login, f"{intake.MARKER}\nThanks for the idea!", **options)
    result = cli(config, "intake")
    assert result.exit_code == 0, result.output
    assert result.output == WROTE_40_WITHOUT_A_COMMENT
    assert fake.writes == []


def test_a_marker_quoted_by_a_maintainer_is_not_the_boards_comment(board):
    config, fake = board
    add(fake, 40, "Offline editing on mobile", FORM_BODY)
    quoted = f"Someone wrote:\n\n> {intake.MARKER}\n\nPlease don't."
    fake.add_comment(40, "octo-owner", quoted, association="OWNER")
    assert cli(config, "intake").exit_code == 0
    assert [(m, p) for m, p, _ in fake.writes] == [WELCOME]


def test_intake_writes_into_the_year_folder_and_sees_ideas_in_folders(tmp_path, fake_github):
    config = make_board(tmp_path, fake_github, {}, layout="year")
    (tmp_path / "ideas" / "2025").mkdir()
    (tmp_path / "ideas" / "2025" / "pdf-export.yaml").write_text(PDF, encoding="utf-8")
    add(fake_github, 9, "Export notes as PDF", "### The problem\n\nNo PDF.")
    add(fake_github, 40, "[Idea] - Offline editing on mobile", FORM_BODY)
    result = cli(config, "intake", "--no-comment")
    assert result.output == (
        "wrote ideas/2026/offline-editing-on-mobile.yaml (from #40)\n"
        "1 new idea(s) written, 0 comment(s) posted.\n"
    )


def test_one_issue_that_cannot_be_made_into_a_file_does_not_stop_the_others(board, monkeypatch):
    config, fake = board
    add(fake, 40, "Offline editing", FORM_BODY)
    add(fake, 41, "Dark mode", FORM_BODY)
    real = intake.idea_text

    def broken(issue, *args):
        if issue.number == 40:
            raise intake.IdeaboardError("issue #40: the idea file would not read back as written")
        return real(issue, *args)

    monkeypatch.setattr(intake, "idea_text", broken)
    result = cli(config, "intake", "--no-comment")
    assert result.output == (
        "#40: skipped: issue #40: the idea file would not read back as written\n"
        "wrote ideas/dark-mode.yaml (from #41)\n"
        "1 new idea(s) written, 0 comment(s) posted.\n"
    )


def test_a_failed_comment_on_one_issue_does_not_stop_the_others(board):
    config, fake = board
    add(fake, 40, "Offline editing on mobile", FORM_BODY)
    add(fake, 41, "Dark mode", FORM_BODY)
    fake.fail_next("404", path="/issues/40/comments")
    result = cli(config, "intake")
    assert result.exit_code == 1
    assert not (config.parent / "ideas" / "offline-editing-on-mobile.yaml").exists()
    assert (config.parent / "ideas" / "dark-mode.yaml").exists()
    gone = (
        "GitHub has no repository 'lumen-notes/lumen' that this token can see (404): check "
        "`repo` in mkdocs.yml plugins.ideaboard (and `api_url` for GitHub Enterprise Server), "
        "and that the token in $GITHUB_TOKEN can read it."
    )
    assert result.output == (
        f"#40: failed: {gone}\n"
        "#41: commented: similar ideas: none\n"
        "wrote ideas/dark-mode.yaml (from #41)\n"
        "1 new idea(s) written, 1 comment(s) posted.\n"
        f"Error: 1 of 2 new idea(s) failed; run intake again to retry them:\n#40: {gone}\n"
    )
