"""``ideaboard feedback``: the pure plan, and its effect on a fake GitHub through the journal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.config import default_settings
from generator.loop import actions as act
from generator.loop import markers as mk
from generator.loop.comments import status_comment
from generator.loop.feedback import plan_actions
from generator.loop.pace import Pace
from generator.loop.remote import RemoteState
from generator.model import Board, RemoteComment, RemoteIssue
from generator.model.idea import HistoryEntry, Idea, ShippedIn
from generator.model.snapshot import Snapshot
from generator.tally.votes import tally
from tests.fakegithub import TOKEN
from tests.helpers import BOARD_AUTHORS, REPO, cli, journal, make_board, voted_issue

SETTINGS = dataclasses.replace(
    default_settings(Path("/board")), repo="lumen-notes/lumen", site_url="https://ex.org/board/"
)
D = dt.date


def idea(slug="dark-mode", status="proposed", issue=12, history=(), **fields) -> Idea:
    history = tuple(HistoryEntry(D(*d), s, n) for d, s, n in history) or (
        HistoryEntry(D(2026, 1, 5), "proposed", "Open for votes."),
    )
    return Idea(
        slug=slug,
        path=f"ideas/{slug}.yaml",
        title=slug.replace("-", " ").capitalize(),
        summary="A summary.",
        status=status,
        created=D(2026, 1, 5),
        issue=issue,
        history=history,
        **fields,
    )


PLANNED = idea(
    status="planned",
    history=[
        ((2026, 1, 5), "proposed", "Open for votes."),
        ((2026, 2, 1), "under-review", "Looking at it."),
        ((2026, 3, 1), "planned", "Planned for 3.3."),
    ],
)


def remote(number=12, **fields) -> dict[int, RemoteState]:
    return {number: RemoteState(number, **fields)}


def told(*bodies: str) -> tuple[mk.Marker, ...]:
    """The markers of comments the board wrote with these bodies."""
    return tuple(m for body in bodies for m in mk.read(body))


def plan(ideas, state, settings, *, board: Board | None = None, **options):
    """``plan_actions`` for some ideas (tallied with no votes unless a board is given)."""
    board = board or tally(ideas, Snapshot.empty(), settings)
    return plan_actions(board, state, settings, **options)


def lines(actions):
    return [a.line() for a in actions]


# --- the plan ----------------------------------------------------------------------


def test_a_new_issue_gets_its_label_and_only_the_latest_news():
    actions = plan([PLANNED], remote(labels=("idea",)), SETTINGS)
    assert lines(actions) == [
        'create label "status: planned" (colour fbca04)',
        '#12 dark-mode: add label "status: planned"',
        "#12 dark-mode: comment on status planned (2026-03-01)",
    ]
    assert actions[0] == act.CreateLabel("status: planned", "fbca04", "Idea board status (active)")


def test_every_entry_after_the_last_announced_one():
    markers = told(mk.marker("status", slug="x", status="proposed", date="2026-01-05"))
    actions = plan([PLANNED], remote(labels=("status: planned",), markers=markers), SETTINGS)
    assert lines(actions) == [
        "#12 dark-mode: comment on status under-review (2026-02-01)",
        "#12 dark-mode: comment on status planned (2026-03-01)",
    ]


def test_a_status_label_without_a_marker_counts_as_told():
    # Feedback labelled the issue "proposed" (nothing to say then); two changes since.
    state = remote(labels=("status: proposed",))
    assert lines(plan([PLANNED], state, SETTINGS, repo_labels=["status: planned"])) == [
        '#12 dark-mode: remove label "status: proposed"',
        '#12 dark-mode: add label "status: planned"',
        "#12 dark-mode: comment on status under-review (2026-02-01)",
        "#12 dark-mode: comment on status planned (2026-03-01)",
    ]
    # An issue already labelled with the current status has nothing new to hear.
    assert plan([PLANNED], remote(labels=("status: planned",)), SETTINGS) == []


def test_nothing_to_do_when_everything_matches():
    markers = told(status_comment(PLANNED, PLANNED.history[-1], SETTINGS, {}))
    state = remote(labels=("idea", "Status: Planned"), markers=markers)
    assert plan([PLANNED], state, SETTINGS, repo_labels=["status: planned"]) == []


def test_a_just_proposed_idea_gets_no_comment():
    actions = plan([idea()], remote(), SETTINGS, repo_labels=["status: proposed"])
    assert lines(actions) == ['#12 dark-mode: add label "status: proposed"']


def test_the_old_status_label_goes():
    state = remote(labels=("status: proposed", "status: under-review", "bug"))
    actions = plan([PLANNED], state, SETTINGS, repo_labels=["status: planned"])
    assert lines(actions)[:3] == [
        '#12 dark-mode: remove label "status: proposed"',
        '#12 dark-mode: remove label "status: under-review"',
        '#12 dark-mode: add label "status: planned"',
    ]


def test_shipped_comments_then_closes_as_completed():
    shipped = dataclasses.replace(
        PLANNED,
        status="shipped",
        history=(*PLANNED.history, HistoryEntry(D(2026, 4, 1), "shipped", "In 3.3.")),
        shipped_in=ShippedIn("3.3", "https://ex.org/3.3"),
    )
    actions = plan([shipped], remote(labels=("status: planned",)), SETTINGS)
    assert lines(actions)[-2:] == [
        "#12 dark-mode: comment on status shipped (2026-04-01)",
        "#12 dark-mode: close as completed",
    ]
    assert actions[-2].body == (
        "<!-- ideaboard:status slug=dark-mode status=shipped date=2026-04-01 -->\n"
        "This idea has **shipped** in 3\\.3. Release notes: <https://ex.org/3.3>\n\n"
        "> In 3.3.\n\n"
        "Follow it on the idea board: [Dark mode](https://ex.org/board/ideas/dark-mode.html)\n"
    )


def test_closed_with_another_reason_is_closed_again():
    declined = idea(status="declined", history=[((2026, 1, 5), "declined", "No.")])
    state = remote(state="closed", state_reason="completed", labels=("status: declined",))
    markers = told(status_comment(declined, declined.history[0], SETTINGS, {}))
    state = {12: dataclasses.replace(state[12], markers=markers)}
    assert lines(plan([declined], state, SETTINGS)) == ["#12 dark-mode: close as not planned"]


def test_back_to_an_open_status_reopens_before_the_comment():
    back = dataclasses.replace(
        PLANNED,
        history=(
            *PLANNED.history[:2],
            HistoryEntry(D(2026, 2, 2), "declined", "No."),
            HistoryEntry(D(2026, 3, 1), "planned", "Yes after all."),
        ),
    )
    state = remote(state="closed", state_reason="not_planned", labels=("status: declined",))
    actions = plan([back], state, SETTINGS, repo_labels=["status: planned"])
    assert lines(actions) == [
        '#12 dark-mode: remove label "status: declined"',
        '#12 dark-mode: add label "status: planned"',
        "#12 dark-mode: reopen",
        "#12 dark-mode: comment on status planned (2026-03-01)",
    ]
    assert "This idea is open again: it is now **planned**." in actions[-1].body


def test_duplicate_links_the_canonical_idea_and_its_issue():
    canonical = idea("backlinks-panel", status="planned", issue=30)
    middle = idea("links", status="duplicate", issue=31, duplicate_of="backlinks-panel")
    dup = idea(
        "see-mentions",
        status="duplicate",
        issue=58,
        duplicate_of="links",
        history=[((2026, 1, 5), "proposed", ""), ((2026, 2, 1), "duplicate", "Merged.")],
    )
    state = {58: RemoteState(58, labels=("status: proposed",))}
    actions = plan(
        [canonical, middle, dup], state, SETTINGS, repo_labels=["x"], only=["see-mentions"]
    )
    assert lines(actions) == [
        'create label "status: duplicate" (colour cfd3d7)',
        '#58 see-mentions: remove label "status: proposed"',
        '#58 see-mentions: add label "status: duplicate"',
        "#58 see-mentions: comment on status duplicate (2026-02-01)",
        "#58 see-mentions: close as duplicate",
    ]
    assert actions[3].body == (
        "<!-- ideaboard:status slug=see-mentions status=duplicate date=2026-02-01 -->\n"
        "This idea is a **duplicate** of [Backlinks panel](https://ex.org/board/ideas/"
        "backlinks-panel.html) (#30). Your 👍 counts there too; follow that idea for updates.\n\n"
        "> Merged.\n\n"
        "Follow it on the idea board: [See mentions](https://ex.org/board/ideas/see-mentions.html)\n\n"
        "Duplicate of #30\n"
    )


def test_declined_comment_quotes_every_line_of_the_note():
    declined = idea(
        status="declined", history=[((2026, 1, 5), "declined", "No, because:\n\n- reason")]
    )
    body = status_comment(
        declined, declined.history[0], dataclasses.replace(SETTINGS, site_url=""), {}
    )
    assert body == (
        "<!-- ideaboard:status slug=dark-mode status=declined date=2026-01-05 -->\n"
        "We have decided not to do this idea: it is now **declined**.\n\n"
        "> No, because:\n>\n> - reason\n"
    )


def test_gone_issues_are_skipped_and_reported():
    state = {12: RemoteState(12, gone="transferred", moved_to="https://github.com/o/x/issues/1")}
    (action,) = plan([idea()], state, SETTINGS)
    assert action.line() == (
        "#12 dark-mode: skipped: issue was transferred to https://github.com/o/x/issues/1 "
        "(run 'ideaboard doctor')"
    )
    assert not act.writes(action)


def test_ideas_without_an_issue_are_left_alone():
    assert plan([idea(issue=None)], {}, SETTINGS) == []


def test_a_renamed_idea_does_not_announce_again():
    markers = told(mk.marker("status", slug="old-name", status="planned", date="2026-03-01"))
    state = remote(labels=("status: planned",), markers=markers)
    assert plan([PLANNED], state, SETTINGS, repo_labels=["status: planned"]) == []


def test_milestone_comments_once_for_the_highest_reached():
    settings = dataclasses.replace(SETTINGS, milestone_comments=True)
    at = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    issue = voted_issue(27, at)
    snapshot = Snapshot("lumen-notes/lumen", at, {12: issue})
    ideas = [idea()]
    board = tally(ideas, snapshot, settings)
    state = remote(labels=("status: proposed",))
    (action,) = plan(ideas, state, settings, board=board)
    assert action.line() == "#12 dark-mode: comment on reaching 25 votes"
    assert action.body == (
        "<!-- ideaboard:milestone slug=dark-mode votes=25 -->\n"
        "🎉 This idea has reached **25 votes** on the idea board. "
        "Thank you to everyone who voted!\n"
        "Follow it on the idea board: [Dark mode](https://ex.org/board/ideas/dark-mode.html)"
    )
    after = {12: dataclasses.replace(state[12], markers=told(action.body))}
    assert plan(ideas, after, settings, board=board) == []
    assert plan(ideas, state, SETTINGS, board=board) == []  # milestone_comments is off


# --- apply: each comment is looked for before it is posted --------------------------


class StubClient:
    """Records writes; ``lose_answers`` makes a comment post fail after it went through."""

    def __init__(self, lose_answers=False):
        self.bodies: list[str] = []
        self.writes: list[tuple] = []
        self.lose_answers = lose_answers

    def issue(self, number: int) -> RemoteIssue:
        return RemoteIssue(number)

    def comments(self, number: int) -> list[RemoteComment]:
        # Posted with the workflow's GITHUB_TOKEN: GitHub shows github-actions[bot].
        return [
            RemoteComment(i, body, "github-actions[bot]", "Bot")
            for i, body in enumerate(self.bodies)
        ]

    def comment(self, number: int, body: str) -> None:
        self.bodies.append(body)
        self.writes.append(("comment", number))
        if self.lose_answers:
            raise TimeoutError("the answer was lost")

    def labels(self) -> dict[str, str]:
        return {}

    def create_label(self, name: str, color: str, description: str = "") -> None:
        self.writes.append(("create", name))

    def add_labels(self, number: int, names: list[str]) -> None:
        self.writes.append(("add", number, tuple(names)))

    def remove_label(self, number: int, name: str) -> None:
        self.writes.append(("remove", number, name))

    def set_state(self, number: int, state: str, reason: str | None = None) -> None:
        self.writes.append(("state", number, state, reason))


def test_apply_skips_a_comment_that_is_already_there():
    client = StubClient()
    actions = [a for a in plan([PLANNED], remote(), SETTINGS) if isinstance(a, act.Comment)]
    act.apply(actions, client, Pace())
    outcome = act.apply(actions, client, Pace())
    assert client.writes == [("comment", 12)]
    assert [a.line() for a in outcome.already] == [
        "#12 dark-mode: comment on status planned (2026-03-01)"
    ]


def test_apply_treats_a_lost_answer_as_posted_when_the_comment_is_there():
    client = StubClient(lose_answers=True)
    actions = plan([PLANNED], remote(labels=()), SETTINGS, repo_labels=["status: planned"])
    outcome = act.apply(actions, client, Pace())
    assert client.writes == [("add", 12, ("status: planned",)), ("comment", 12)]
    assert len(outcome.done) == 2


# --- against the fake GitHub: the CLI, and the journal of writes ------------------------

DARK = """\
title: Dark mode
summary: A dark theme for the editor.
status: proposed
issue: 12
created: 2026-01-05
history:
  - date: 2026-01-05
    status: proposed
    note: Open for votes.
"""

BACKLINKS = """\
title: Backlinks panel
summary: Show which notes link here.
status: planned
issue: 30
created: 2026-01-05
history:
  - date: 2026-01-05
    status: planned
    note: Planned.
"""


@pytest.fixture
def board(tmp_path, fake_github, fast_writes):
    fake_github.add_issue(12, "[Idea]: Dark mode")
    fake_github.add_issue(30, "Backlinks panel")
    fake_github.add_label("status: planned", "fbca04")
    config = make_board(tmp_path, fake_github, {"dark-mode": DARK, "backlinks-panel": BACKLINKS})
    return config, fake_github


def test_dry_run_prints_the_plan_and_writes_nothing(board):
    config, fake = board
    result = cli(config, "feedback")
    assert result.exit_code == 0, result.output
    assert result.output == (
        'create label "status: proposed" (colour c5def5)\n'
        '#30 backlinks-panel: add label "status: planned"\n'
        "#30 backlinks-panel: comment on status planned (2026-01-05)\n"
        '#12 dark-mode: add label "status: proposed"\n'
        "Dry run: 4 action(s) on 2 issue(s); nothing was changed. "
        "Run with --apply to carry them out.\n"
    )
    assert fake.writes == []


def test_apply_then_a_second_apply_writes_nothing(board):
    config, fake = board
    result = cli(config, "feedback", "--apply")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("Done: 4 action(s) on 2 issue(s).\n")
    assert [(m, p) for m, p, _ in journal(fake)] == [
        ("POST", f"{REPO}/labels"),
        ("POST", f"{REPO}/issues/30/labels"),
        ("POST", f"{REPO}/issues/30/comments"),
        ("POST", f"{REPO}/issues/12/labels"),
    ]
    again = cli(config, "feedback", "--apply")
    assert again.output == "Nothing to do: every issue matches its idea.\n"
    assert fake.writes == []


def test_feedback_for_some_slugs_only(board):
    config, _fake = board
    result = cli(config, "feedback", "--apply", "dark-mode")
    assert result.output == (
        'create label "status: proposed" (colour c5def5)\n'
        '#12 dark-mode: add label "status: proposed"\n'
        "Done: 2 action(s) on 1 issue(s).\n"
    )
    assert cli(config, "feedback", "nope").output == (
        "Error: expected the slugs of ideas on the board but received: ['nope']\n"
    )


def test_feedback_refuses_a_board_with_problems(board, tmp_path):
    config, fake = board
    (tmp_path / "ideas" / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    result = cli(config, "feedback", "--apply")
    assert result.exit_code == 1
    assert "fix them first ('ideaboard validate' lists them)" in result.output
    assert fake.writes == []


def test_feedback_needs_a_token(board):
    config, _fake = board
    result = CliRunner().invoke(main, ["-f", str(config), "feedback"], env={"GITHUB_TOKEN": ""})
    assert result.output == (
        "Error: no GitHub token: expected one in the environment variable GITHUB_TOKEN "
        "(in GitHub Actions: env: GITHUB_TOKEN: ${{ github.token }}).\n"
    )


def _status(config, *args):
    result = cli(config, "status", "dark-mode", *args)
    assert result.exit_code == 0, result.output


def _comment(fake, number=12):
    return fake.issue(number).comments[-1].body


def test_each_status_transition_through_the_journal(board):
    config, fake = board
    issue = f"{REPO}/issues/12"
    labels = f"{REPO}/issues/12/labels"

    def step(status, note, date, *extra):
        _status(config, status, "--note", note, "--date", date, *extra)
        result = cli(config, "feedback", "--apply", "dark-mode")
        assert result.exit_code == 0, result.output
        writes = journal(fake)
        assert cli(config, "feedback", "--apply").exit_code == 0
        assert [w for w in journal(fake) if "/issues/12" in w[1]] == [], "a re-run writes nothing"
        return [(m, p.replace("%20", " ").replace("%3A", ":"), b) for m, p, b in writes]

    assert [w[:2] for w in step("under-review", "Looking at it.", "2026-02-01")] == [
        ("POST", f"{REPO}/labels"),
        ("POST", labels),
        ("POST", f"{issue}/comments"),
    ]
    assert _comment(fake) == (
        "<!-- ideaboard:status slug=dark-mode status=under-review date=2026-02-01 -->\n"
        "This idea is now **under review**.\n\n> Looking at it.\n\n"
        "Follow it on the idea board: [Dark mode](https://ex.org/board/ideas/dark-mode.html)\n"
    )
    assert fake.issue(12).labels == ["idea", "status: under-review"]

    assert step("planned", "Planned for 3.3.", "2026-03-01") == [
        ("DELETE", f"{labels}/status: under-review", None),
        ("POST", labels, ["status: planned"]),
        ("POST", f"{issue}/comments", {"body": _comment(fake)}),
    ]
    assert [w[:2] for w in step("in-progress", "Started.", "2026-04-01")] == [
        ("POST", f"{REPO}/labels"),
        ("DELETE", f"{labels}/status: planned"),
        ("POST", labels),
        ("POST", f"{issue}/comments"),
    ]

    shipped = step("shipped", "In 3.3.", "2026-05-01", "--release", "3.3")
    assert [w[:2] for w in shipped[-2:]] == [("POST", f"{issue}/comments"), ("PATCH", issue)]
    assert shipped[-1][2] == {"state": "closed", "state_reason": "completed"}
    assert "This idea has **shipped** in 3\\.3." in _comment(fake)
    assert (fake.issue(12).state, fake.issue(12).state_reason) == ("closed", "completed")

    back = step("planned", "A regression: back to work.", "2026-05-02")
    assert [w[:2] for w in back] == [
        ("DELETE", f"{labels}/status: shipped"),
        ("POST", labels),
        ("PATCH", issue),
        ("POST", f"{issue}/comments"),
    ]
    assert back[2][2] == {"state": "open", "state_reason": "reopened"}
    assert "This idea is open again: it is now **planned**." in _comment(fake)

    declined = step("declined", "Not after all.", "2026-05-03")
    assert declined[-1] == ("PATCH", issue, {"state": "closed", "state_reason": "not_planned"})
    assert (fake.issue(12).state, fake.issue(12).state_reason) == ("closed", "not_planned")

    reopened = step("proposed", "Open for votes again.", "2026-05-04")
    assert ("PATCH", issue, {"state": "open", "state_reason": "reopened"}) in reopened
    assert fake.issue(12).state == "open"

    dup = step("duplicate", "Same as backlinks.", "2026-05-05", "--duplicate-of", "backlinks-panel")
    assert dup[-1] == ("PATCH", issue, {"state": "closed", "state_reason": "duplicate"})
    assert _comment(fake).endswith("\n\nDuplicate of #30\n")
    assert "[Backlinks panel](https://ex.org/board/ideas/backlinks-panel.html) (#30)" in _comment(
        fake
    )
    assert fake.issue(12).labels == ["idea", "status: duplicate"]
    comments = [c.body.split("\n")[0] for c in fake.issue(12).comments]
    assert len(comments) == len(set(comments)) == 8, "exactly one comment per status change"


def test_milestone_comments_from_the_snapshot(tmp_path, fake_github, fast_writes):
    from generator.sync import store as snapshot

    fake_github.add_issue(12, "Dark mode", labels=("idea", "status: proposed"))
    config = make_board(tmp_path, fake_github, {"dark-mode": DARK}, milestone_comments="true")
    at = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    issue = voted_issue(12, at)
    snapshot.save(
        tmp_path / "ideas" / "snapshot.json", Snapshot("lumen-notes/lumen", at, {12: issue})
    )
    assert cli(config, "feedback", "--apply").output == (
        "#12 dark-mode: comment on reaching 10 votes\nDone: 1 action(s) on 1 issue(s).\n"
    )
    assert cli(config, "feedback").output == "Nothing to do: every issue matches its idea.\n"


def test_two_changes_between_runs_get_two_comments(board):
    config, fake = board
    assert cli(config, "feedback", "--apply", "dark-mode").exit_code == 0  # label only
    assert fake.issue(12).comments == []
    _status(config, "under-review", "--note", "Looking.", "--date", "2026-02-01")
    _status(config, "planned", "--note", "Planned.", "--date", "2026-03-01")
    result = cli(config, "feedback", "--apply", "dark-mode")
    assert result.output == (
        '#12 dark-mode: remove label "status: proposed"\n'
        '#12 dark-mode: add label "status: planned"\n'
        "#12 dark-mode: comment on status under-review (2026-02-01)\n"
        "#12 dark-mode: comment on status planned (2026-03-01)\n"
        "Done: 4 action(s) on 1 issue(s).\n"
    )
    assert [c.body.split("\n")[0] for c in fake.issue(12).comments] == [
        "<!-- ideaboard:status slug=dark-mode status=under-review date=2026-02-01 -->",
        "<!-- ideaboard:status slug=dark-mode status=planned date=2026-03-01 -->",
    ]


def test_a_comment_whose_answer_is_lost_is_not_posted_twice(board):
    config, fake = board
    before = mk.marker("status", slug="dark-mode", status="proposed", date="2026-01-05")
    fake.add_comment(12, "ideaboard-bot", before, user_type="Bot")
    fake.issue(12).labels.append("status: planned")  # a maintainer labelled it early
    fake.add_label("status: planned")
    _status(config, "planned", "--note", "Planned.", "--date", "2026-03-01")
    fake.fail_next("truncated", path="POST")  # the comment is made, the answer cut short
    result = cli(config, "feedback", "--apply", "dark-mode")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "#12 dark-mode: comment on status planned (2026-03-01)\nDone: 1 action(s) on 1 issue(s).\n"
    )
    assert [(m, p) for m, p, _ in fake.writes] == [("POST", f"{REPO}/issues/12/comments")]
    assert len(fake.issue(12).comments) == 2


# --- only the board's own markers count (anyone can comment on a public issue) ----------

BACKLINKS_TOLD = mk.marker("status", slug="backlinks-panel", status="planned", date="2026-01-05")
ANNOUNCE_30 = ("POST", f"{REPO}/issues/30/comments")


@pytest.mark.parametrize(
    ("comment", "trusted"),
    [
        ({"author": "github-actions[bot]", "author_type": "Bot"}, True),
        ({"author": "renovate[bot]"}, True),  # a [bot] login is always an app
        ({"author": "some-app", "author_type": "Bot"}, True),
        ({"author": "maintainer", "author_association": "OWNER"}, True),
        ({"author": "teammate", "author_association": "MEMBER"}, True),
        ({"author": "helper", "author_association": "COLLABORATOR"}, True),
        ({"author": "helper", "author_association": "collaborator"}, True),
        ({"author": "mallory", "author_association": "NONE"}, False),
        ({"author": "mallory", "author_association": "CONTRIBUTOR"}, False),
        ({"author": "mallory", "author_association": "FIRST_TIME_CONTRIBUTOR"}, False),
        ({"author": "mallory", "author_association": "FIRST_TIMER"}, False),
        ({"author": "mallory", "author_association": "MANNEQUIN"}, False),
        ({"author": "bot-lover", "author_type": "User"}, False),  # "bot" in a name is not a bot
        ({"author": None, "author_type": "User"}, False),  # a deleted account
        ({}, False),  # a comment that does not say who wrote it
    ],
)
def test_only_a_bot_or_a_maintainer_writes_for_the_board(comment, trusted):
    as_remote = RemoteComment(1, BACKLINKS_TOLD, **{"author": None, **comment})
    assert mk.by_the_board(as_remote) is trusted
    expected = ["status planned 2026-01-05"] if trusted else []
    assert [m.key for m in mk.board_markers([as_remote])] == expected


def test_only_a_marker_that_opens_the_comment_counts():
    quoted = f"As the bot said:\n\n> {BACKLINKS_TOLD}\n"
    assert mk.markers_in([quoted]) == frozenset()
    assert mk.markers_in([f"Text {BACKLINKS_TOLD}"]) == frozenset()
    two = f"\r\n  {BACKLINKS_TOLD}\n{mk.marker('milestone', slug='x', votes=50)}\nHi"
    assert mk.markers_in([two]) == {"status planned 2026-01-05", "milestone 50"}
    # A title that smuggles a marker into the board's own comment is only text.
    sneaky = dataclasses.replace(PLANNED, title=f"Dark {BACKLINKS_TOLD} mode")
    body = status_comment(sneaky, sneaky.history[-1], SETTINGS, {})
    assert mk.markers_in([body]) == {"status planned 2026-03-01"}


@pytest.mark.parametrize("association", ["NONE", "CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR"])
def test_a_marker_planted_by_the_public_does_not_silence_the_news(board, association):
    config, fake = board
    fake.add_comment(30, "mallory", BACKLINKS_TOLD, association=association)
    fake.add_comment(30, "mallory", f"{BACKLINKS_TOLD}\nnothing to see", association=association)
    fake.add_comment(12, "mallory", mk.marker("status", status="proposed", date="2026-01-05"))
    result = cli(config, "feedback", "--apply")
    assert result.exit_code == 0, result.output
    assert "#30 backlinks-panel: comment on status planned (2026-01-05)\n" in result.output
    writes = journal(fake)
    assert [(m, p) for m, p, _ in writes].count(ANNOUNCE_30) == 1
    assert [p for m, p, _ in writes if p.endswith("/comments")] == [f"{REPO}/issues/30/comments"]
    posted = fake.issue(30).comments[-1]
    assert posted.user.login == "ideaboard-bot[bot]"
    assert posted.body.startswith(BACKLINKS_TOLD + "\n")
    # The board's own comment is honoured: the second run writes nothing at all.
    again = cli(config, "feedback", "--apply")
    assert again.output == "Nothing to do: every issue matches its idea.\n"
    assert fake.writes == []


@pytest.mark.parametrize(("login", "options"), BOARD_AUTHORS)
def test_a_marker_from_a_bot_or_a_maintainer_is_honoured(board, login, options):
    config, fake = board
    fake.add_comment(30, login, BACKLINKS_TOLD + "\nThis idea is now **planned**.", **options)
    result = cli(config, "feedback", "--apply")
    assert result.exit_code == 0, result.output
    assert "comment on status planned" not in result.output
    assert ANNOUNCE_30 not in [(m, p) for m, p, _ in journal(fake)]
    again = cli(config, "feedback", "--apply")
    assert again.output == "Nothing to do: every issue matches its idea.\n"
    assert fake.writes == []


def test_a_maintainers_own_token_is_honoured_on_the_next_run(tmp_path, fast_writes):
    from tests.fakegithub import REPO as FULL_NAME
    from tests.fakegithub import FakeGitHub

    maintainer = {"token_login": "octo-owner", "token_user_type": "User"}
    with FakeGitHub(FULL_NAME, token=TOKEN, token_association="OWNER", **maintainer) as fake:
        fake.add_issue(30, "Backlinks panel")
        fake.add_label("status: planned", "fbca04")
        config = make_board(tmp_path, fake, {"backlinks-panel": BACKLINKS})
        assert cli(config, "feedback", "--apply").exit_code == 0
        assert [(m, p) for m, p, _ in journal(fake)].count(ANNOUNCE_30) == 1
        posted = fake.issue(30).comments[-1]
        assert (posted.user.login, posted.user.type, posted.association) == (
            "octo-owner",
            "User",
            "OWNER",
        )
        again = cli(config, "feedback", "--apply")
        assert again.output == "Nothing to do: every issue matches its idea.\n"
        assert fake.writes == []
        assert fake.invalid_queries == []


def test_the_real_client_has_every_method_feedback_types_against():
    import inspect
    import typing

    from generator.github import GitHubClient

    for name in ("issue", "comments", "comment", "labels", "create_label", "add_labels"):
        assert name in dir(act.Client)
    for name in [n for n in dir(act.Client) if not n.startswith("_")]:
        want = inspect.signature(getattr(act.Client, name))
        have = inspect.signature(getattr(GitHubClient, name))
        assert list(want.parameters) == list(have.parameters), name
        hints = typing.get_type_hints(getattr(GitHubClient, name))
        assert hints["return"] == typing.get_type_hints(getattr(act.Client, name))["return"], name
