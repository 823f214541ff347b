"""``ideaboard doctor``: every kind of drift, one exact line each, and the exit code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.model.snapshot import Issue, Missing, Snapshot
from generator.sync import store as snapshot
from tests.helpers import cli, make_board

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def idea(status, issue, extra=""):
    return (
        f"title: An idea\nsummary: A summary.\nstatus: {status}\nissue: {issue}\n"
        f"created: 2026-01-05\n{extra}history:\n  - date: 2026-01-05\n    status: {status}\n"
    )


IDEAS = {
    "backlinks": idea("planned", 30),
    "dark-mode": idea("shipped", 12),
    "declined": idea("declined", 13),
    "deleted": idea("proposed", 40),
    "dup": idea("duplicate", 14, "duplicate_of: backlinks\n"),
    "moved": idea("proposed", 41),
    "unsynced": idea("proposed", 42),
}

EXPECTED = [
    "ideas/dark-mode.yaml:3: state: status 'shipped' wants issue #12 closed as completed, "
    "but it is open; fix: run 'ideaboard feedback --apply', or change the status in the file.",
    "ideas/dark-mode.yaml:3: labels: status 'shipped' wants issue #12 labelled "
    '"status: shipped", but it has no status label; '
    "fix: run 'ideaboard feedback --apply', or change the status in the file.",
    "ideas/declined.yaml:3: labels: status 'declined' wants issue #13 labelled "
    '"status: declined", but it has "status: declined", "status: proposed"; '
    "fix: run 'ideaboard feedback --apply', or change the status in the file.",
    "ideas/deleted.yaml:4: deleted: issue #40 was deleted; fix: set 'issue:' to the idea's issue "
    "now, or remove it (issue: 40)",
    "ideas/dup.yaml:3: state: status 'duplicate' wants issue #14 closed as duplicate, but it is "
    "closed as completed (no reason given); fix: run 'ideaboard feedback --apply', or change the "
    "status in the file.",
    "ideas/moved.yaml:4: transferred: issue #41 was moved to "
    "https://github.com/lumen-notes/elsewhere/issues/1; fix: set 'issue:' to the idea's issue now, "
    "or remove it (issue: 41)",
    "ideas/unsynced.yaml:4: unsynced: issue #42 is not in the snapshot; fix: run 'ideaboard sync', "
    "or 'ideaboard doctor --live'.",
    "#50: untriaged: idea issue 'Sync [31mcolours' has had no file in ideas/ for 20 days "
    "(stale_days: 14); fix: run 'ideaboard intake' and merge the new file, or close issue #50.",
]


def issue(number, state="open", reason=None, labels=("idea",), created=NOW, title=None):
    return Issue(
        number=number,
        title=title or f"Issue {number}",
        url=f"https://github.com/lumen-notes/lumen/issues/{number}",
        state=state,
        state_reason=reason,
        created_at=created,
        updated_at=created,
        labels=labels,
    )


def drifting_snapshot() -> Snapshot:
    days = dt.timedelta(days=1)
    return Snapshot(
        repo="lumen-notes/lumen",
        synced_at=NOW,
        issues={
            i.number: i
            for i in (
                issue(30, labels=("idea", "status: planned")),
                issue(12),
                issue(
                    13, "closed", "not_planned", ("idea", "status: declined", "status: proposed")
                ),
                issue(14, "closed", None, ("status: duplicate",)),
                issue(50, created=NOW - 20 * days, title="Sync \x1b[31mcolours"),
                issue(51, created=NOW - 5 * days),  # not stale yet
                issue(52, "closed", "not_planned", created=NOW - 90 * days),  # dealt with
                issue(53, labels=("bug",), created=NOW - 90 * days),  # not an idea
            )
        },
        missing={
            40: Missing(40, "deleted"),
            41: Missing(41, "transferred", "https://github.com/lumen-notes/elsewhere/issues/1"),
        },
    )


def offline_board(tmp_path: Path, snap: Snapshot | None) -> Path:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - ideaboard:\n      repo: lumen-notes/lumen\n", encoding="utf-8"
    )
    (tmp_path / "ideas").mkdir()
    for slug, text in IDEAS.items():
        (tmp_path / "ideas" / f"{slug}.yaml").write_text(text, encoding="utf-8")
    if snap is not None:
        snapshot.save(tmp_path / "ideas" / "snapshot.json", snap)
    return tmp_path / "mkdocs.yml"


def test_doctor_reports_each_kind_of_drift(tmp_path):
    config = offline_board(tmp_path, drifting_snapshot())
    result = CliRunner().invoke(main, ["-f", str(config), "doctor"])
    assert result.exit_code == 1
    assert result.stdout == "".join(line + "\n" for line in EXPECTED)
    assert result.stderr == "8 drift(s) found.\n"


def test_no_drift_exits_zero(tmp_path):
    snap = Snapshot(
        "lumen-notes/lumen",
        NOW,
        {30: issue(30, labels=("idea", "status: planned")), 51: issue(51)},
    )
    config = offline_board(tmp_path, snap)
    for slug in list(IDEAS):
        if slug != "backlinks":
            (tmp_path / "ideas" / f"{slug}.yaml").unlink()
    result = CliRunner().invoke(main, ["-f", str(config), "doctor"])
    assert result.exit_code == 0
    assert result.output == "No drift: 1 idea(s) match their issues.\n"


def test_stale_days_is_a_setting(tmp_path):
    config = offline_board(tmp_path, drifting_snapshot())
    config.write_text(config.read_text() + "      stale_days: 30\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["-f", str(config), "doctor"])
    assert not any(line.startswith("#50") for line in result.stdout.splitlines())


def test_doctor_needs_a_snapshot_or_a_token(tmp_path):
    config = offline_board(tmp_path, None)
    result = CliRunner().invoke(main, ["-f", str(config), "doctor"], env={"GITHUB_TOKEN": ""})
    assert result.exit_code == 1
    assert result.output == (
        "Error: ideas/snapshot.json: no snapshot yet, and no GitHub token in GITHUB_TOKEN: "
        "doctor compares the ideas with their issues, so it needs one of them. Set GITHUB_TOKEN "
        "to a token that can read the issues (doctor then reads GitHub now, as --live does), or "
        "run doctor where a sync has written the snapshot: in a workflow job, after 'ideaboard "
        "sync' (publish.yml keeps ideas/snapshot.json in its Actions cache).\n"
    )


@pytest.fixture
def live_board(tmp_path, fake_github, fast_writes):
    fake = fake_github
    fake.add_issue(30, labels=("idea", "status: planned"))
    fake.add_issue(12)
    fake.add_issue(13, state="closed", state_reason="not_planned")
    fake.add_issue(14, state="closed", state_reason="completed", labels=("status: duplicate",))
    fake.add_issue(40)
    fake.delete_issue(40)
    fake.add_issue(41)
    fake.transfer_issue(41, "lumen-notes/elsewhere", 1)
    fake.add_issue(42, labels=("idea", "status: proposed"))
    old = fake.now - dt.timedelta(days=20)
    fake.add_issue(50, "Sync colours", created_at=old)
    config = make_board(tmp_path, fake, IDEAS)
    return config, fake


def test_doctor_live_reads_github_now(live_board):
    config, fake = live_board
    result = cli(config, "doctor", "--live")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == EXPECTED[0]
    assert "ideas/moved.yaml:4: transferred: issue #41 was moved to " in result.stdout
    assert "ideas/deleted.yaml:4: deleted: issue #40 was deleted" in result.stdout
    assert lines[-1].startswith("#50: untriaged: idea issue 'Sync colours' has had no file")
    assert fake.writes == []


def test_feedback_fixes_what_doctor_finds(live_board):
    config, _fake = live_board
    assert cli(config, "feedback", "--apply").exit_code == 0
    result = cli(config, "doctor", "--live")
    kinds = [line.split(": ")[1] for line in result.stdout.splitlines()]
    assert kinds == ["deleted", "transferred", "untriaged"]


def test_without_a_snapshot_doctor_reads_github(tmp_path, fake_github, fast_writes):
    fake_github.add_issue(12, labels=("idea", "status: proposed"))
    config = make_board(tmp_path, fake_github, {"dark-mode": idea("proposed", 12)})
    result = cli(config, "doctor")
    assert result.output == "No drift: 1 idea(s) match their issues.\n"


def test_live_without_a_token_says_so(tmp_path):
    config = offline_board(tmp_path, drifting_snapshot())
    result = CliRunner().invoke(
        main, ["-f", str(config), "doctor", "--live"], env={"GITHUB_TOKEN": ""}
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: --live reads GitHub now: expected a GitHub token in GITHUB_TOKEN.\n"
    )
