"""The sync within a points budget: plans, tiers, resumable full syncs, batched 👍, big tokens.

Everything runs against the fake GitHub, which charges GraphQL points by
GitHub's formula and resets nothing by itself (``reset_rate`` is a new hour).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator.config import SyncSettings, validate_options
from generator.errors import IdeaboardError
from generator.github import GitHubClient, planned
from generator.model.snapshot import RateLimit, Snapshot
from generator.sync import run as syncing
from generator.sync import store
from tests.builders import make_issue
from tests.fakegithub import EPOCH, TOKEN, fake_settings

NOW = EPOCH + dt.timedelta(days=400)


def hourly(settings, hour: int) -> GitHubClient:
    at = NOW + dt.timedelta(hours=hour)
    return GitHubClient(settings, TOKEN, sleep=lambda s: None, clock=lambda: at, write_pause=0)


def votes_on(fake) -> dict[int, int]:
    return {n: sum(r.content == "+1" for r in i.reactions) for n, i in fake.repo.issues.items()}


def with_budget(fake, tmp_path, budget, **tiers):
    return fake_settings(fake, tmp_path, sync=SyncSettings(budget=budget, **tiers))


def first_full_sync(fake, settings, runs: int = 40) -> tuple[Snapshot, int]:
    """Hourly runs from hour 0 until the first full sync completes: its snapshot and hour."""
    snap = Snapshot.empty(settings.repo)
    for hour in range(runs):
        fake.reset_rate()
        snap = syncing.merge(snap, hourly(settings, hour).fetch(snap))
        if not snap.partial:
            return snap, hour
    raise AssertionError(f"the first full sync did not complete in {runs} runs")


# --- the plan -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "limit", "remaining", "points"),
    [
        ("60%", 1_000, None, 600),  # GITHUB_TOKEN
        ("60%", 5_000, None, 3_000),  # a personal token
        ("60%", 12_500, None, 7_500),  # a GitHub App installation, at its largest
        ("60%", 1_000, 250, 250),  # never past what GitHub says remains
        (700, 5_000, 4_000, 700),
        ("60%", None, None, 600),  # not known yet: planned for the smallest token
    ],
)
def test_the_budget_is_a_share_of_the_limit_the_token_reports(setting, limit, remaining, points):
    assert planned(setting, limit, remaining) == points


@pytest.mark.parametrize("limit", [1_000, 5_000, 12_500])
def test_the_budget_adapts_to_the_token_s_limit(fake_github, tmp_path, limit):
    fake_github.graphql_limit = fake_github.graphql_remaining = limit
    fake_github.generate(30)
    client = hourly(fake_settings(fake_github, tmp_path), 0)
    client.fetch(Snapshot.empty())
    assert client.budget.points == limit * 60 // 100


@pytest.mark.parametrize(
    ("limit", "points", "runs", "every_issue_every_run"),
    [
        # 1 % of 1,000: the first full sync (10 pages of 3 points) spans runs, the open
        # ideas seen so far checked first in each, and the counts of all 1,000 ideas
        # (10 points, plus 10 kept for changes) do not fit.
        (1_000, 10, 7, False),
        (5_000, 50, 1, True),  # a fine-grained personal token, or a small GitHub App
        (12_500, 125, 1, True),  # a GitHub App installation at its largest
    ],
)
def test_the_same_share_of_a_bigger_token_syncs_more_in_each_run(
    fake_github, tmp_path, limit, points, runs, every_issue_every_run
):
    fake = fake_github
    fake.graphql_limit = fake.graphql_remaining = limit
    fake.generate(1_000, max_votes=3)
    settings = with_budget(fake, tmp_path, "1%")
    snap, hour = Snapshot.empty(settings.repo), 0
    while hour == 0 or snap.partial:
        fake.reset_rate()
        before = fake.points_spent
        client = hourly(settings, hour)
        snap = syncing.merge(snap, client.fetch(snap))
        assert client.budget.points == points
        assert fake.points_spent - before <= points
        hour += 1
    assert hour == runs
    assert {n: len(i.voters) for n, i in snap.issues.items()} == votes_on(fake)
    fake.reset_rate()
    client = hourly(settings, hour)
    snap = syncing.merge(snap, client.fetch(snap))
    now = client.clock().replace(microsecond=0)
    checked_now = all(i.checked_at == now for i in snap.issues.values())
    assert checked_now is every_issue_every_run


def test_a_sync_never_spends_past_what_github_reports_remaining(fake_github, tmp_path):
    fake_github.generate(2_000, max_votes=3)
    fake_github.graphql_remaining = 10
    client = hourly(fake_settings(fake_github, tmp_path), 0)
    snap = client.fetch(Snapshot.empty())
    assert client.budget.points == 10
    assert fake_github.points_spent <= 10
    assert snap.partial
    assert "full" in snap.cursors


# --- resumable full syncs -----------------------------------------------------------


def test_a_full_sync_too_big_for_one_run_goes_on_next_run_and_never_publishes_lower(
    fake_github, tmp_path
):
    fake = fake_github
    fake.generate(1_000, max_votes=5)  # 10 pages of 3 points
    settings = with_budget(fake, tmp_path, 10)
    totals, hour = [], 0
    while True:
        fake.reset_rate()
        before = fake.points_spent
        result = syncing.sync(settings, TOKEN, client=hourly(settings, hour))
        assert fake.points_spent - before <= 10
        totals.append(result.snapshot.total_votes())
        saved = store.load(settings.snapshot)
        assert saved.partial == ("full" in saved.cursors)
        hour += 1
        if not saved.partial:
            break
        assert "partial: the full sync goes on next run" in syncing.summary(result, settings)
    # Run 1: 3 pages (9 points).  Then the open ideas seen so far are checked first
    # (1 point per 100, while that leaves a quarter of the 10 points), which leaves 1 or
    # 2 pages a run for the rest: 10 pages in 7 runs.
    assert hour == 7
    assert totals == sorted(totals)
    assert {n: len(i.voters) for n, i in saved.issues.items()} == votes_on(fake)


def test_a_voter_list_a_full_sync_cut_short_is_fetched_again_on_its_next_run(fake_github, tmp_path):
    fake = fake_github
    fake.generate(1_000, max_votes=3)  # 10 pages of 3 points
    for i in range(3_000):
        fake.react(350, f"fan{i}")  # on the 4th page, with 29 further pages of 👍
    fake.issue(350).state, fake.issue(350).state_reason = "closed", "completed"  # in no tier
    settings = with_budget(fake, tmp_path, 40)
    # Run 1: pages 1-4 (12 points); the 4th shows issue 350's 29 further pages, and
    # only 28 points are left for them.
    fake.reset_rate()
    first = syncing.sync(settings, TOKEN, client=hourly(settings, 0)).snapshot
    assert "full" in first.cursors
    assert len(first.issues[350].voters) == first.issues[350].thumbs_up - 100
    # Run 2 goes on with the full sync, and fetches issue 350 again before the next page.
    fake.reset_rate()
    second = syncing.sync(settings, TOKEN, client=hourly(settings, 1)).snapshot
    assert "full" in second.cursors
    assert len(second.issues[350].voters) == votes_on(fake)[350]
    assert second.total_votes() > first.total_votes()


# --- tiers ------------------------------------------------------------------------------


@pytest.fixture
def big_board(fake_github):
    """3,000 ideas, one in ten open: the counts of all (30 points) do not fit in 20."""
    fake = fake_github
    fake.generate(3_000, max_votes=2, max_comments=0)
    for number, issue in fake.repo.issues.items():
        issue.state = "open" if number % 10 == 0 else "closed"
        issue.state_reason = None if issue.state == "open" else "completed"
        issue.closed_at = None if issue.state == "open" else issue.created_at
        issue.updated_at = issue.created_at
    fake.changed()
    return fake


def test_open_and_recent_ideas_every_run_the_rest_in_rotation(big_board, tmp_path):
    fake = big_board
    settings = with_budget(fake, tmp_path, 20, rotation_hours=6)
    snap, hour = first_full_sync(fake, settings, 20)  # 30 pages of 3 points
    start = hour + 1
    fake.react(1, "closed-fan", at=NOW)  # a closed idea, in no tier yet
    fake.react(10, "open-fan", at=NOW)  # an open idea
    spent, first_seen = [], None
    for hour in range(start, start + 7):
        fake.reset_rate()
        before = fake.points_spent
        client = hourly(settings, hour)
        from_tiers = syncing.hot_numbers(settings, (), snap, client.clock())
        snap = syncing.merge(snap, client.fetch(snap, hot=from_tiers))
        spent.append(fake.points_spent - before)
        now = client.clock().replace(microsecond=0)
        assert all(i.checked_at == now for i in snap.issues.values() if i.state == "open")
        assert len(snap.issues[10].voters) == votes_on(fake)[10]
        if first_seen is None and len(snap.issues[1].voters) == votes_on(fake)[1]:
            first_seen = hour
        if first_seen is not None:
            assert snap.issues[1].checked_at == now  # a recent vote: checked every run now
    assert max(spent) <= 20
    assert first_seen is not None
    oldest = min(i.checked_at for i in snap.issues.values())
    assert now - oldest <= dt.timedelta(hours=6)
    assert {n: len(i.voters) for n, i in snap.issues.items()} == votes_on(fake)


def test_a_weekly_full_sync_too_big_for_one_run_still_checks_open_ideas_every_run(
    big_board, tmp_path
):
    fake = big_board
    settings = with_budget(fake, tmp_path, 20, rotation_hours=6)
    snap, hour = first_full_sync(fake, settings)
    fake.react(10, "open-fan")  # an open idea
    runs, full = 0, True
    for later in range(hour + 1, hour + 40):
        fake.reset_rate()
        before = fake.points_spent
        client = hourly(settings, later)
        snap = syncing.merge(snap, client.fetch(snap, full=full))  # `sync --full`, then resumed
        full, runs = False, runs + 1
        assert fake.points_spent - before <= 20
        now = client.clock().replace(microsecond=0)
        assert all(i.checked_at == now for i in snap.issues.values() if i.state == "open")
        assert len(snap.issues[10].voters) == votes_on(fake)[10]
        if not snap.partial:
            break
    # 90 points of full data: 5 pages (15 points) a run after the 300 open ideas (3 points).
    assert runs == 6
    assert {n: len(i.voters) for n, i in snap.issues.items()} == votes_on(fake)


def test_a_rotation_that_reaches_the_last_closed_idea_goes_on_from_the_first(big_board, tmp_path):
    fake = big_board
    settings = with_budget(fake, tmp_path, 20, rotation_hours=6)
    snap, hour = first_full_sync(fake, settings)
    spent, cursors, synced = [], [], hour
    for later in range(synced + 1, synced + 4):
        fake.reset_rate()
        before = fake.points_spent
        client = hourly(settings, later)
        snap = syncing.merge(snap, client.fetch(snap))
        spent.append(fake.points_spent - before)
        cursors.append(snap.cursors.get("closed"))
    # 300 open ideas (3 points), then 14 pages of the 27 of closed ones (the 20 points,
    # less 3 kept for a page that turns up 100 changed issues): a round ends in the
    # second run, which goes on from the first closed idea instead of leaving points.
    assert spent == [17, 17, 17]
    assert None not in cursors
    now = client.clock().replace(microsecond=0)
    assert snap.issues[1].checked_at == now - dt.timedelta(hours=1)  # the second run
    assert all(snap.issues[n].checked_at >= now - dt.timedelta(hours=2) for n in snap.issues)


def test_checked_at_is_kept_in_the_file_and_old_files_read(tmp_path):
    synced = NOW
    text = (
        '{"format":"ideaboard-snapshot","version":1,"repo":"o/n","synced_at":"2027-02-05T00:00:00Z",'
        '"complete":true,"rate_limit":null,"missing":[],"issues":[{"number":1,"title":"t",'
        '"url":"https://github.com/o/n/issues/1","state":"open","created_at":"2026-01-01T00:00:00Z",'
        '"updated_at":"2026-01-01T00:00:00Z","reactions":{},"voters":[]}]}'
    )
    old = store.from_json(text)
    assert old.issues[1].checked_at == old.synced_at == synced
    assert old.checked(1) == synced
    assert old.cursors == {}
    earlier = synced - dt.timedelta(hours=5)
    newer = dataclasses.replace(old, cursors={"closed": "abc"})
    newer = newer.with_issues({1: dataclasses.replace(old.issues[1], checked_at=earlier)})
    again = store.from_json(store.to_json(newer))
    assert again == newer
    assert again.issues[1].checked_at == earlier


# --- further 👍 in batches -------------------------------------------------------------


def test_further_pages_of_many_issues_go_in_one_query_per_round(fake_github, tmp_path):
    fake = fake_github
    for number, count in ((1, 250), (2, 120), (3, 450), (4, 99), (5, 101)):
        fake.add_issue(number)
        for i in range(count):
            fake.react(number, f"u{i}")
    client = hourly(fake_settings(fake, tmp_path), 0)
    snap = client.fetch(Snapshot.empty())
    # One listing, then rounds of further pages: issue 3 needs 4 more, so 4 rounds,
    # where one query per page per issue would take 1 + 2 + 1 + 4 + 1 = 8 more.
    assert fake.counts["graphql"] == 1 + 4
    assert {n: len(i.voters) for n, i in snap.issues.items()} == votes_on(fake)


# --- issue numbers GraphQL cannot carry ---------------------------------------------------


def test_an_issue_number_outside_graphql_int_is_reported_and_the_sync_goes_on(
    fake_github, tmp_path
):
    fake_github.add_issue(1, "Fine")
    fake_github.react(1, "bob")
    settings = fake_settings(fake_github, tmp_path)
    result = syncing.sync(settings, TOKEN, {1, 2**31, 0, -3}, client=hourly(settings, 0))
    assert result.skipped == (-3, 0, 2**31)
    assert sorted(result.snapshot.issues) == [1]
    assert all(str(2**31) not in query for query, _ in fake_github.queries)
    assert syncing.summary(result, settings).splitlines()[1:] == [
        f"Skipped issue {n}: an issue number must be between 1 and 2147483647 (GitHub's "
        "GraphQL Int is 32-bit); fix `issue:` in the idea's YAML file."
        for n in (-3, 0, 2**31)
    ]


# --- the settings -------------------------------------------------------------------------


def test_sync_settings_have_defaults_and_clear_errors(tmp_path):
    assert validate_options({}, tmp_path).sync == SyncSettings("60%", ("open", "active"), 30, 24)
    chosen = validate_options({"sync": {"budget": 400, "every_run": ["active"]}}, tmp_path)
    assert chosen.sync == SyncSettings(400, ("active",), 30, 24)
    with pytest.raises(IdeaboardError) as caught:
        validate_options({"sync": {"budget": "lots"}}, tmp_path)
    assert str(caught.value) == (
        "mkdocs.yml: plugins.ideaboard.sync: sync.budget: expected points per run (a whole "
        "number of at least 10) or a share of the token's hourly limit such as '60%', but "
        "received: 'lots'"
    )


# --- the weekly full pass: only when it fits ---------------------------------------------


def _known(issues: int, limit: int = 1_000) -> Snapshot:
    return dataclasses.replace(
        Snapshot.empty("acme/widget"),
        issues={n: make_issue(n) for n in range(1, issues + 1)},
        rate_limit=RateLimit(limit, limit - 10),
    )


def _settings(budget):
    return validate_options({"repo": "acme/widget", "sync": {"budget": budget}}, Path("/tmp/b"))


def test_a_full_pass_that_fits_one_run_goes_ahead():
    assert syncing.full_pass_cost(_known(600)) == 18  # 6 pages of 3 points
    assert syncing.full_fits(_settings(20), _known(600)) is None
    assert syncing.full_fits(_settings(20), Snapshot.empty("acme/widget")) is None  # first sync


def test_a_full_pass_too_big_for_one_run_is_a_usual_sync_and_says_why():
    assert syncing.full_fits(_settings("2%"), _known(1_001)) == (
        "sync: a full pass over 1,001 issues needs about 33 points, more than one run's budget "
        "of 20 (sync.budget 2% of 1,000); syncing as usual instead, so the rotation keeps every "
        "idea within sync.rotation_hours. A bigger token makes it fit; 'ideaboard sync --full' "
        "forces it."
    )
    # The same board with a 12,500-point token: 2 % is 250 points.
    assert syncing.full_fits(_settings("2%"), _known(1_001, limit=12_500)) is None
