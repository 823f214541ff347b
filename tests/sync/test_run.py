"""Sync: the pure merge (never fewer votes), the snapshot file, and ``ideaboard sync``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import SnapshotError
from generator.github import GitHubClient
from generator.model.snapshot import Actor, Issue, Missing, Snapshot, Vote
from generator.sync import run as syncing
from generator.sync import store
from generator.sync.progress import Bar, Lines, Silent, for_terminal
from tests.fakegithub import TOKEN, fake_settings

T = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def vote(login, minutes=0):
    return Vote(Actor(login), T + dt.timedelta(minutes=minutes))


def issue(number=1, voters=(), thumbs=None, **changes):
    thumbs = len(voters) if thumbs is None else thumbs
    return Issue(
        number=number,
        title=f"Idea {number}",
        url=f"https://github.com/o/n/issues/{number}",
        state="open",
        created_at=T,
        updated_at=T,
        reactions={"+1": thumbs},
        voters=tuple(voters),
        **changes,
    )


def snap(*issues, complete=True, missing=None):
    return Snapshot(
        "o/n", T, {i.number: i for i in issues}, complete=complete, missing=missing or {}
    )


# --- the pure merge ---------------------------------------------------------------


def test_merge_takes_a_complete_fetch_as_is_so_unvotes_show():
    previous = snap(issue(1, [vote("a"), vote("b")]))
    fetched = snap(issue(1, [vote("b")]))
    assert syncing.merge(previous, fetched) == fetched


def test_merge_keeps_old_voters_when_a_voter_list_falls_short_of_the_count():
    previous = snap(issue(1, [vote("a"), vote("b")]))
    fetched = snap(issue(1, [vote("b"), vote("c", 5)], thumbs=3))

    merged = syncing.merge(previous, fetched)

    assert [v.voter.login for v in merged.issues[1].voters] == ["a", "b", "c"]
    assert not merged.complete


def test_merge_keeps_issues_an_incomplete_listing_did_not_return():
    previous = snap(issue(1, [vote("a")]), issue(2, [vote("b")]))
    fetched = snap(issue(1, [vote("a")]), complete=False)

    merged = syncing.merge(previous, fetched)

    assert sorted(merged.issues) == [1, 2]
    assert not merged.complete


def test_merge_drops_an_issue_a_complete_listing_no_longer_has():
    previous = snap(issue(1, [vote("a")]), issue(2, [vote("b")]))  # 2 lost the idea label
    fetched = snap(issue(1, [vote("a")]))
    assert sorted(syncing.merge(previous, fetched).issues) == [1]


def test_merge_drops_an_issue_github_confirmed_missing():
    previous = snap(issue(1, [vote("a")]), issue(2, [vote("b")]))
    fetched = snap(issue(1, [vote("a")]), missing={2: Missing(2, "deleted")})

    merged = syncing.merge(previous, fetched)

    assert sorted(merged.issues) == [1]
    assert merged.missing == {2: Missing(2, "deleted")}


def test_merge_keeps_deleted_accounts_votes_apart():
    ghosts = [Vote(Actor(None), T), Vote(Actor(None), T + dt.timedelta(minutes=1))]
    previous = snap(issue(1, ghosts))
    fetched = snap(issue(1, [], thumbs=2))
    assert syncing.merge(previous, fetched).issues[1].voters == tuple(ghosts)


# --- sync: the file ------------------------------------------------------------------


@pytest.fixture
def board(tmp_path, fake_github):
    fake = fake_github
    fake.add_issue(1, "Dark mode")
    fake.react(1, "bob")
    fake.react(1, "carol")
    fake.add_issue(2, "Offline")
    fake.react(2, "dave")
    return fake_settings(fake, tmp_path)


def client(settings, **options):
    return GitHubClient(
        settings, TOKEN, sleep=lambda s: None, timeout=1, backoff=0.01, write_pause=0, **options
    )


def test_sync_writes_the_snapshot_and_keeps_the_previous_one(board, fake_github):
    first = syncing.sync(board, TOKEN, client=client(board))
    assert store.load(board.snapshot) == first.snapshot
    assert first.snapshot.total_votes() == 3
    assert first.votes_delta == 3
    assert first.changed == (1, 2)
    fake_github.react(2, "erin")

    second = syncing.sync(board, TOKEN, client=client(board))

    assert second.changed == (2,)
    assert second.votes_delta == 1
    assert store.load(store.backup_path(board.snapshot)) == first.snapshot


FAULTS = [
    ("timeout", {"delay": 1.5}),
    ("5xx", {}),
    ("5xx", {"status": 500}),
    ("truncated", {}),
    ("partial", {}),
    ("rate_limited", {"reset_in": 0}),
    ("primary", {"reset_in": 0}),
    ("primary", {"reset_in": 0, "status": 429}),
    ("secondary", {"retry_after": 2}),
    ("secondary", {"retry_after": 2, "status": 429}),
]


@pytest.mark.parametrize(("kind", "options"), FAULTS, ids=[f"{k}{o}" for k, o in FAULTS])
def test_a_passing_fault_is_retried(board, fake_github, kind, options):
    fake_github.fail_next(kind, path="/graphql", **options)
    slept: list[float] = []
    result = syncing.sync(
        board, TOKEN, client=GitHubClient(board, TOKEN, sleep=slept.append, timeout=1, backoff=0.01)
    )
    assert result.snapshot.total_votes() == 3
    assert fake_github.requests == 2
    if kind == "secondary":
        assert slept == [2]  # Retry-After, honoured


def test_a_primary_rate_limit_within_max_wait_is_waited_for(board, fake_github):
    fake_github.fail_next("primary", path="/graphql", reset_in=30)
    slept: list[float] = []
    syncing.sync(board, TOKEN, client=GitHubClient(board, TOKEN, sleep=slept.append))
    assert len(slept) == 1
    assert 29 <= slept[0] <= 32


LIMIT = (
    ", longer than max_rate_limit_wait (300 s): stopped. Run it again later, or raise "
    "max_rate_limit_wait in mkdocs.yml plugins.ideaboard."
)
STUCK = [
    ("timeout", {"delay": 1.5}, "GitHub did not answer within 1 s, 4 times in a row, at {api}; "
     "try again later (or check `api_url` in mkdocs.yml plugins.ideaboard)."),
    ("5xx", {}, "GitHub answered 502 Server Error 4 times in a row at {api}; try again later."),
    ("truncated", {}, "GitHub sent a truncated or malformed response 4 times in a row; "
     "try again later."),
    ("partial", {}, "GitHub answered with errors: Something went wrong while executing your "
     "query. This may be the result of a timeout, or it could be a GitHub bug. 4 times in a "
     "row; try again later."),
    ("rate_limited", {"reset_in": 3600}, "GitHub's rate limit is used up for 36?? s more" + LIMIT),
    ("primary", {"reset_in": 3600}, "GitHub's rate limit is used up for 36?? s more" + LIMIT),
    ("primary", {"reset_in": 3600, "status": 429}, "GitHub's rate limit is used up for 36?? s more"
     + LIMIT),
    ("secondary", {"retry_after": 900}, "GitHub asked to wait 900 s (a secondary rate limit)"
     + LIMIT),
    ("401", {}, "GitHub refused the token (401 Bad credentials): check the token in "
     "$GITHUB_TOKEN (setting token_env)."),
    ("404", {}, "GitHub has no repository 'lumen-notes/lumen' that this token can see (404): "
     "check `repo` in mkdocs.yml plugins.ideaboard (and `api_url` for GitHub Enterprise "
     "Server), and that the token in $GITHUB_TOKEN can read it."),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "options", "message"), STUCK, ids=[s[0] for s in STUCK])
def test_a_lasting_fault_stops_the_sync_and_keeps_the_snapshot(
    board, fake_github, kind, options, message
):
    first = syncing.sync(board, TOKEN, client=client(board))
    before = board.snapshot.read_bytes()
    fake_github.react(1, "newcomer")
    fake_github.unreact(1, "bob")
    fake_github.fail_next(kind, count=99, **options)
    attempts = 2 if kind == "timeout" else 4

    with pytest.raises(syncing.IdeaboardError) as caught:
        syncing.sync(board, TOKEN, client=client(board, attempts=attempts))

    text = str(caught.value).replace(fake_github.api_url, "{api}")
    expected = message.replace("4 times", f"{attempts} times")
    if "36??" in expected:
        head, tail = expected.split("36??")
        assert text.startswith(head)
        assert text.endswith(tail)
        assert text[len(head) : len(head) + 2] == "36"
    else:
        assert text == expected
    assert board.snapshot.read_bytes() == before  # untouched: no vote lost
    assert store.load(board.snapshot).total_votes() == first.snapshot.total_votes()


def test_a_silently_short_answer_never_loses_votes(board, fake_github):
    first = syncing.sync(board, TOKEN, client=client(board))
    for name in ("erin", "frank", "gina"):
        fake_github.react(2, name)
    fake_github.fail_next("short", count=99, path="/graphql")

    short = syncing.sync(board, TOKEN, full=True, client=client(board))

    assert not short.snapshot.complete
    assert short.snapshot.total_votes() >= first.snapshot.total_votes()
    for number, issue in first.snapshot.issues.items():
        old = {v.voter.login for v in issue.voters}
        assert old <= {v.voter.login for v in short.snapshot.issues[number].voters}
    fake_github.faults.clear()

    clean = syncing.sync(board, TOKEN, client=client(board))

    assert clean.snapshot.complete
    assert clean.snapshot.total_votes() == 6


def test_a_wrong_token_names_the_variable(board, fake_github):
    settings = replace(board, token_env="IDEABOARD_TOKEN")
    with pytest.raises(syncing.IdeaboardError, match=r"check the token in \$IDEABOARD_TOKEN"):
        syncing.sync(settings, "ghp_wrong", client=GitHubClient(settings, "ghp_wrong"))


def test_a_wrong_repo_is_a_clear_error(tmp_path, fake_github):
    settings = fake_settings(fake_github, tmp_path, repo="lumen-notes/nope")
    with pytest.raises(syncing.IdeaboardError, match="no repository 'lumen-notes/nope'"):
        syncing.sync(settings, TOKEN, client=client(settings))


def test_an_unreachable_server_names_api_url(tmp_path, fake_github):
    settings = fake_settings(fake_github, tmp_path, api_url="http://127.0.0.1:9")
    with pytest.raises(syncing.IdeaboardError) as caught:
        syncing.sync(settings, TOKEN, client=client(settings, attempts=1))
    assert str(caught.value) == (
        "Could not connect to GitHub at http://127.0.0.1:9: check `api_url` in mkdocs.yml "
        "plugins.ideaboard (for GitHub Enterprise Server: https://HOST/api/v3)."
    )


def test_an_old_snapshot_format_is_a_clear_message_and_full_rewrites_it(board):
    board.snapshot.write_text('{"format": "ideaboard-snapshot", "version": 0}', encoding="utf-8")
    with pytest.raises(SnapshotError, match="snapshot format version 0 is not supported"):
        syncing.sync(board, TOKEN, client=client(board))

    result = syncing.sync(board, TOKEN, full=True, client=client(board))

    assert store.load(board.snapshot) == result.snapshot


def test_full_fetches_everything_again(board, fake_github):
    syncing.sync(board, TOKEN, client=client(board))
    fake_github.reset_counts()
    syncing.sync(board, TOKEN, full=True, client=client(board))
    assert "IdeaFull" in fake_github.queries[-1][0]


def idea_yaml(title, issue=None):
    text = f"title: {title}\nsummary: {title}.\nstatus: proposed\ncreated: 2026-01-05\n"
    return text + (f"issue: {issue}\n" if issue else "")


def test_issue_numbers_come_from_the_loader(tmp_path, fake_github):
    settings = fake_settings(fake_github, tmp_path)
    ideas = settings.ideas_dir
    ideas.mkdir()
    (ideas / "a.yaml").write_text(idea_yaml("A", 12), encoding="utf-8")
    (ideas / "b.yaml").write_text(idea_yaml("B"), encoding="utf-8")
    (ideas / "c.yaml").write_text(idea_yaml("C", 7), encoding="utf-8")
    assert syncing.issue_numbers(settings) == {7, 12}


# --- the token never leaks ----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["401", "5xx", "truncated", "404"])
def test_the_token_never_appears(board, fake_github, kind, caplog, capsys):
    import logging
    import traceback

    caplog.set_level(logging.DEBUG)
    syncing.sync(board, TOKEN, client=client(board))
    fake_github.fail_next(kind, count=99)
    the_client = client(board)
    with pytest.raises(syncing.IdeaboardError) as caught:
        syncing.sync(board, TOKEN, client=the_client)
    shown = [
        str(caught.value),
        repr(caught.value),
        "".join(traceback.format_exception(caught.value)),
        repr(the_client),
        caplog.text,
        board.snapshot.read_text(encoding="utf-8"),
        *capsys.readouterr(),
    ]
    assert not [text for text in shown if TOKEN in text]


# --- sync_if_configured, for the build --------------------------------------------------------


def test_sync_if_configured_skips_without_a_token(board, monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    lines: list[str] = []
    outcome = syncing.sync_if_configured(board, lines.append)
    assert lines == [
        "No GITHUB_TOKEN set: sync skipped; no snapshot yet, so the board shows no votes."
    ]
    assert (outcome.synced, outcome.ok) == (False, True)


def test_sync_if_configured_skips_without_a_repo(board, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    lines: list[str] = []
    syncing.sync_if_configured(replace(board, repo=""), lines.append)
    assert lines == [
        "No repo set in mkdocs.yml (plugins.ideaboard.repo): sync skipped; no snapshot yet, "
        "so the board shows no votes."
    ]


def test_sync_if_configured_syncs_and_warns_on_failure(board, fake_github, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    lines: list[str] = []
    outcome = syncing.sync_if_configured(board, lines.append, client=client(board))
    assert outcome.synced
    assert outcome.ok
    assert outcome.snapshot.total_votes() == 3
    assert lines[0].startswith(
        "Synced 2 issues from lumen-notes/lumen in 1 requests, 3 of 3000 points: 3 votes (+3)"
    )
    fake_github.fail_next("401")

    outcome = syncing.sync_if_configured(board, lines.append, client=client(board))

    assert (outcome.synced, outcome.ok) == (False, False)
    assert lines[1] == (
        "warning: sync failed: GitHub refused the token (401 Bad credentials): check the token "
        "in $GITHUB_TOKEN (setting token_env). The snapshot snapshot.json was left as it was "
        "(using the snapshot from 2026-11-20T12:00:00Z)."
    ).replace("2026-11-20T12:00:00Z", store._time_out(outcome.snapshot.synced_at))
    assert outcome.snapshot.total_votes() == 3


# --- the command ------------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path, fake_github):
    fake_github.add_issue(1, "Dark mode")
    fake_github.react(1, "bob")
    fake_github.add_issue(5, "Named by YAML", labels=[])
    (tmp_path / "ideas").mkdir()
    (tmp_path / "ideas" / "named.yaml").write_text(idea_yaml("Named", 5), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Ideas\nplugins:\n  - ideaboard:\n      repo: lumen-notes/lumen\n"
        f"      api_url: {fake_github.api_url}\n      snapshot: snapshot.json\n",
        encoding="utf-8",
    )
    return tmp_path


def run(site, *args, env=None):
    return CliRunner().invoke(
        main, ["--config-file", str(site / "mkdocs.yml"), "sync", *args], env=env or {}
    )


def test_cli_without_a_token_skips_with_one_line(site):
    result = run(site, env={"GITHUB_TOKEN": ""})
    assert result.exit_code == 0
    assert result.output == (
        "No GITHUB_TOKEN set: sync skipped; no snapshot yet, so the board shows no votes.\n"
    )


def test_cli_names_the_configured_variable_and_the_snapshot_time(site):
    store.save(site / "snapshot.json", Snapshot("lumen-notes/lumen", T))
    text = (site / "mkdocs.yml").read_text(encoding="utf-8") + "      token_env: BOARD_TOKEN\n"
    (site / "mkdocs.yml").write_text(text, encoding="utf-8")
    result = run(site, env={"BOARD_TOKEN": "", "GITHUB_TOKEN": TOKEN})
    assert result.output == (
        "No BOARD_TOKEN set: sync skipped; using the snapshot from 2026-11-20T12:00:00Z.\n"
    )


def test_cli_syncs(site, fake_github):
    result = run(site, env={"GITHUB_TOKEN": TOKEN, "CI": "true"})
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Synced 2 issues from lumen-notes/lumen in 2 requests, 4 of 3000 points: 1 votes (+1), "
        "2 issues changed; rate limit 4996/5000 left.\n"
    )
    assert result.stderr.splitlines()[0] == "sync: 1/2 issues, 1 requests, rate limit 4997 left"
    assert sorted(store.load(site / "snapshot.json").issues) == [1, 5]
    assert TOKEN not in result.output


def test_cli_fails_with_a_clear_message(site, fake_github):
    run(site, env={"GITHUB_TOKEN": TOKEN, "CI": "true"})
    before = (site / "snapshot.json").read_bytes()
    synced = store._time_out(store.load(site / "snapshot.json").synced_at)

    result = run(site, "--full", env={"GITHUB_TOKEN": "ghp_wrong", "CI": "true"})

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: sync failed: GitHub refused the token (401 Bad credentials): check the token in "
        "$GITHUB_TOKEN (setting token_env). The snapshot snapshot.json was left as it was "
        f"(using the snapshot from {synced}).\n"
    )
    assert (site / "snapshot.json").read_bytes() == before


def test_cli_never_shows_the_token(site, fake_github):
    fake_github.fail_next("401", count=9)
    result = run(site, env={"GITHUB_TOKEN": TOKEN, "CI": "true"})
    assert result.exit_code == 1
    assert "check the token in $GITHUB_TOKEN" in result.stderr
    assert TOKEN not in result.output
    assert not (site / "snapshot.json").exists()


def test_cli_help_documents_full(site):
    result = CliRunner().invoke(main, ["sync", "--help"])
    assert "--full" in result.output
    assert "GITHUB_TOKEN" in result.output


# --- progress -------------------------------------------------------------------------------


class Tty:
    def __init__(self, tty):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_progress_is_a_bar_on_a_terminal_and_lines_in_ci():
    assert isinstance(for_terminal(Tty(True), {}), Bar)
    assert isinstance(for_terminal(Tty(True), {"CI": "true"}), Lines)
    assert isinstance(for_terminal(Tty(False), {}), Lines)
    assert isinstance(Silent(), Silent)


def test_progress_bar_and_lines_text():
    tty = Tty(True)
    bar = Bar(tty)
    bar.update(50, 100, 3, 4990)
    bar.close()
    assert tty.text == (
        "\rsync [###############---------------] 50/100 issues, 3 requests, "
        "rate limit 4990 left\x1b[K\n"
    )
    log = Tty(False)
    lines = Lines(log, every=3600)
    lines.update(1, 10, 1, None)
    lines.update(5, 10, 2, 4000)  # held back: too soon
    lines.update(10, 10, 3, 3999)
    lines.close()
    assert log.text == (
        "sync: 1/10 issues, 1 requests, rate limit ? left\n"
        "sync: 10/10 issues, 3 requests, rate limit 3999 left\n"
    )
