"""The GitHub client over real HTTP against the fake GitHub: data shapes, requests, writes."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from generator.github import GitHubClient, by_number_query, token_from_env
from generator.model.remote import RemoteIssue
from generator.model.snapshot import Actor, Missing, Snapshot
from tests.fakegithub import EPOCH, TOKEN, fake_settings

CLOCK = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def client_for(tmp_path):
    """Make a client for a fake: no real sleeping (waits are recorded in ``client.slept``)."""

    def make(fake, **changes):
        settings = fake_settings(fake, tmp_path, **changes)
        slept: list[float] = []
        client = GitHubClient(
            settings,
            TOKEN,
            sleep=slept.append,
            timeout=1,
            backoff=0.01,
            clock=lambda: CLOCK,
            write_pause=0,
        )
        client.slept = slept
        return client

    return make


def voters(issue):
    return [(v.voter.login, v.voter.type, v.at) for v in issue.voters]


# --- what reaches the snapshot ----------------------------------------------------


def test_every_shape_of_issue_reaches_the_snapshot(fake_github, client_for):
    fake = fake_github
    t = EPOCH
    fake.add_issue(1, "Dark mode", author="alice", body="Please", created_at=t)
    fake.react(1, "bob", at=t + dt.timedelta(hours=1))
    fake.react(1, "renovate", user_type="Bot", at=t + dt.timedelta(hours=2))
    fake.react(1, None, at=t + dt.timedelta(hours=3))  # a deleted account
    fake.react(1, "carol", "heart")
    fake.add_comment(1, "dave", at=t + dt.timedelta(days=1))
    fake.add_issue(2, "Shipped", state="closed", state_reason="completed", locked=True)
    fake.react(2, "erin", at=t + dt.timedelta(days=40))  # voted after closing
    fake.add_issue(3, "By a bot", author="dependabot", author_type="Bot", labels=["idea", "ui"])
    fake.add_issue(4, "By a ghost", author=None)
    fake.add_issue(5, "A pull request", pull_request=True)
    fake.add_issue(6, "Not an idea", labels=["bug"])

    snap = client_for(fake).fetch(Snapshot.empty(), full=True)

    assert sorted(snap.issues) == [1, 2, 3, 4]  # no PR, no unlabeled issue
    one = snap.issues[1]
    assert (one.title, one.body) == ("Dark mode", "Please")
    assert (one.state, one.state_reason) == ("open", None)
    assert one.url == "https://github.com/lumen-notes/lumen/issues/1"
    assert one.author == Actor("alice", "User")
    assert voters(one) == [
        ("bob", "User", t + dt.timedelta(hours=1)),
        ("renovate[bot]", "User", t + dt.timedelta(hours=2)),
        (None, "User", t + dt.timedelta(hours=3)),
    ]
    assert [v.voter.is_bot for v in one.voters] == [False, True, False]
    assert one.reactions == {
        "+1": 3, "-1": 0, "laugh": 0, "hooray": 0, "confused": 0, "heart": 1, "rocket": 0, "eyes": 0
    }  # fmt: skip
    assert (one.comments, one.comment_times) == (1, (t + dt.timedelta(days=1),))
    assert one.labels == ("idea",)
    two = snap.issues[2]
    assert (two.state, two.state_reason, two.locked) == ("closed", "completed", True)
    assert two.closed_at == two.updated_at
    assert voters(two) == [("erin", "User", t + dt.timedelta(days=40))]
    three = snap.issues[3]
    assert three.author == Actor("dependabot[bot]", "Bot")
    assert three.author.is_bot
    assert three.labels == ("idea", "ui")
    assert snap.issues[4].author is None
    assert snap.synced_at == CLOCK
    assert snap.complete
    assert snap.rate_limit.limit == 5000
    assert snap.rate_limit.remaining < 5000
    assert snap.missing == {}


def test_more_than_100_votes_are_paged(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Popular")
    for i in range(250):
        fake.react(1, f"user{i:03}")
    fake.add_issue(2, "Quiet")
    fake.react(2, "bob")
    client = client_for(fake)

    snap = client.fetch(Snapshot.empty(), full=True)

    assert len(snap.issues[1].voters) == snap.issues[1].thumbs_up == 250
    assert {v.voter.login for v in snap.issues[1].voters} == {f"user{i:03}" for i in range(250)}
    assert fake.counts["graphql"] == 3  # one listing, two more pages of votes for #1
    assert client.requests == fake.requests == 3


@pytest.mark.parametrize("count", [1, 100, 250])
def test_first_full_sync_takes_one_request_per_100_issues(fake_github, client_for, count):
    fake_github.generate(count, max_votes=30)
    client = client_for(fake_github)

    snap = client.fetch(Snapshot.empty(), full=True)

    assert len(snap.issues) == count
    assert fake_github.requests == math.ceil(count / 100) == client.requests
    expected = sum(i.count("+1") for i in fake_github.repo.issues.values())
    assert snap.total_votes() == expected


def test_issues_named_by_yaml_without_the_label(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.add_issue(2, "Unlabeled", labels=[])
    fake.react(2, "bob")
    fake.add_issue(3, "Deleted")
    fake.delete_issue(3)
    fake.add_issue(4, "Transferred")
    fake.transfer_issue(4, to="lumen-notes/desktop", new=77)
    fake.add_issue(5, "A pull request", pull_request=True, labels=[])

    snap = client_for(fake).fetch(Snapshot.empty(), {2, 3, 4, 5, 9}, full=True)

    assert sorted(snap.issues) == [1, 2]
    assert [v.voter.login for v in snap.issues[2].voters] == ["bob"]
    assert snap.missing == {
        3: Missing(3, "deleted"),
        4: Missing(4, "transferred", "https://github.com/lumen-notes/desktop/issues/77"),
        5: Missing(5, "not_found"),
        9: Missing(9, "not_found"),
    }


# --- incremental --------------------------------------------------------------------


def test_unchanged_resync_reads_only_the_counts(fake_github, client_for):
    fake_github.generate(250, max_votes=30)
    client = client_for(fake_github)
    first = client.fetch(Snapshot.empty(), full=True)
    fake_github.reset_counts()

    again = client_for(fake_github).fetch(first, full=False)

    assert again.issues == first.issues
    assert fake_github.requests == 3
    assert "IdeaFull" not in fake_github.queries[-1][0]  # only the cheap fields


def test_a_new_vote_is_seen_though_updated_at_did_not_change(fake_github, client_for):
    fake = fake_github
    fake.generate(150)
    first = client_for(fake).fetch(Snapshot.empty(), full=True)
    before = fake.issue(120).updated_at
    fake.react(120, "newcomer")
    assert fake.issue(120).updated_at == before
    fake.reset_counts()

    again = client_for(fake).fetch(first, full=False)

    assert "newcomer" in {v.voter.login for v in again.issues[120].voters}
    assert fake.requests == 2 + 1  # two cheap pages, one query for the changed issue
    assert {n for n in again.issues if again.issues[n] != first.issues[n]} == {120}


def test_an_unvote_and_a_new_comment_show_after_a_sync(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.react(1, "bob")
    fake.react(1, "carol")
    first = client_for(fake).fetch(Snapshot.empty(), full=True)
    fake.unreact(1, "bob")
    fake.add_issue(2, "Another")
    fake.add_comment(2, "dave")

    again = client_for(fake).fetch(first, full=False)

    assert [v.voter.login for v in again.issues[1].voters] == ["carol"]
    assert again.issues[2].comments == 1


def test_a_known_missing_issue_is_not_asked_about_again(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.add_issue(3, "Deleted")
    fake.delete_issue(3)
    first = client_for(fake).fetch(Snapshot.empty(), {3}, full=True)
    fake.reset_counts()

    again = client_for(fake).fetch(first, {3}, full=False)

    assert again.missing == first.missing == {3: Missing(3, "deleted")}
    assert fake.counts["rest"] == 0


# --- reads and writes for feedback ----------------------------------------------------


def test_reads_for_feedback(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea", labels=["idea", "status: planned"])
    fake.add_comment(1, "bob", "First")
    fake.add_issue(2, "Gone")
    fake.delete_issue(2)
    fake.add_label("status: planned", "0e8a16", "Planned")
    client = client_for(fake)

    assert client.issue(1) == RemoteIssue(
        1,
        "Idea",
        "https://github.com/lumen-notes/lumen/issues/1",
        "open",
        None,
        ("idea", "status: planned"),
    )
    assert client.issue(2) == RemoteIssue(2, missing="deleted")
    assert client.issue(42) == RemoteIssue(42, missing="not_found")
    assert [(c.body, c.author) for c in client.comments(1)] == [("First", "bob")]
    assert client.comments(1)[0].author_association == "NONE"
    assert client.labels() == {"idea": "ededed", "status: planned": "ededed"}


def test_writes_are_journaled_and_idempotent(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    client = client_for(fake)
    path = "/repos/lumen-notes/lumen"

    client.create_label("status: shipped", "#0e8a16", "Shipped")
    client.create_label("status: shipped", "0e8a16", "Shipped")  # exists: fine
    client.add_labels(1, ["status: shipped"])
    client.remove_label(1, "idea")
    client.remove_label(1, "idea")  # not there any more: fine
    client.comment(1, "Shipped in 2.0")
    client.set_state(1, "closed", "completed")

    assert fake.writes == [
        ("POST", f"{path}/labels",
         {"name": "status: shipped", "color": "0e8a16", "description": "Shipped"}),
        ("POST", f"{path}/issues/1/labels", ["status: shipped"]),
        ("DELETE", f"{path}/issues/1/labels/idea", None),
        ("POST", f"{path}/issues/1/comments", {"body": "Shipped in 2.0"}),
        ("PATCH", f"{path}/issues/1", {"state": "closed", "state_reason": "completed"}),
    ]  # fmt: skip
    issue = fake.issue(1)
    assert (issue.state, issue.state_reason) == ("closed", "completed")
    assert issue.labels == ["status: shipped"]


def test_a_comment_whose_answer_was_cut_off_is_not_posted_twice(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.fail_next("truncated", path="/comments")  # the comment is made, the answer is lost

    client_for(fake).comment(1, "Planned for spring")

    assert [c.body for c in fake.issue(1).comments] == ["Planned for spring"]
    assert [w[0] for w in fake.writes] == ["POST"]


def test_a_comment_after_a_server_error_is_posted_once(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.fail_next("5xx", path="/comments")

    client_for(fake).comment(1, "Planned")

    assert [c.body for c in fake.issue(1).comments] == ["Planned"]


# --- small things -------------------------------------------------------------------------


def test_token_from_env(tmp_path, monkeypatch, fake_github):
    settings = fake_settings(fake_github, tmp_path, token_env="BOARD_TOKEN")
    monkeypatch.delenv("BOARD_TOKEN", raising=False)
    assert token_from_env(settings) is None
    monkeypatch.setenv("BOARD_TOKEN", "  ")
    assert token_from_env(settings) is None
    monkeypatch.setenv("BOARD_TOKEN", TOKEN)
    assert token_from_env(settings) == TOKEN


def test_by_number_query_uses_aliases():
    query = by_number_query([12, 7])
    assert "i12: issue(number: 12) { ...IdeaFull }" in query
    assert "i7: issue(number: 7) { ...IdeaFull }" in query


def test_ghes_api_url_with_a_path_prefix(tmp_path, fake_github):
    """GitHub Enterprise Server: REST under /api/v3, GraphQL at /api/graphql."""
    fake_github.add_issue(1, "Idea")
    settings = fake_settings(fake_github, tmp_path, api_url=fake_github.api_url + "/api/v3")
    client = GitHubClient(settings, TOKEN, sleep=lambda s: None)

    snap = client.fetch(Snapshot.empty(), {1}, full=True)

    assert list(snap.issues) == [1]
    assert fake_github.log[0] == ("POST", "/api/graphql")
    assert client.issue(1).title == "Idea"
    assert fake_github.log[-1] == ("GET", "/api/v3/repos/lumen-notes/lumen/issues/1")


def test_a_comment_that_timed_out_is_posted_once(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.fail_next("timeout", path="/comments", delay=1.5)

    client_for(fake).comment(1, "Planned")

    assert [c.body for c in fake.issue(1).comments] == ["Planned"]


@pytest.mark.parametrize("kind", ["timeout", "5xx", "truncated"])
def test_idempotent_writes_are_retried(fake_github, client_for, kind):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.fail_next(kind, path="/issues/1", delay=1.5)
    client = client_for(fake)

    client.set_state(1, "closed", "not_planned")
    client.add_labels(1, ["status: declined"])

    issue = fake.issue(1)
    assert (issue.state, issue.state_reason) == ("closed", "not_planned")
    assert issue.labels == ["idea", "status: declined"]


def test_a_write_honours_retry_after(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.fail_next("secondary", path="/comments", retry_after=3)
    client = client_for(fake)

    client.comment(1, "Planned")

    assert client.slept == [3.0]
    assert [c.body for c in fake.issue(1).comments] == ["Planned"]


def test_comments_carry_their_author_s_type_and_association(fake_github, client_for):
    fake = fake_github
    fake.add_issue(1, "Idea")
    fake.add_comment(1, "mallory", "Hi", association="CONTRIBUTOR")
    fake.add_comment(1, "octo-owner", "Planned", association="OWNER")
    fake.add_comment(1, "octo-member", "Yes", association="MEMBER")
    fake.add_comment(1, "github-actions", "Built", user_type="Bot")
    fake.add_comment(1, None, "Gone")
    client = client_for(fake)
    fake.reset_counts()
    found = client.comments(1)
    assert [(c.author, c.author_type, c.author_association) for c in found] == [
        ("mallory", "User", "CONTRIBUTOR"),
        ("octo-owner", "User", "OWNER"),
        ("octo-member", "User", "MEMBER"),
        ("github-actions[bot]", "Bot", "NONE"),
        (None, "User", "NONE"),
    ]
    # Read from the list itself: PyGithub does not fetch each comment again.
    assert fake.counts["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"] == 1
    assert fake.counts["rest"] == 1
