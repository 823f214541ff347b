"""The tally: one test per rule, on small ideas and snapshots built by hand.

How fast it is, is measured by ``tests/benchmarks/bench_tally.py`` (which uses
``synthetic_board`` below), not asserted here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import random

import pytest

from generator.model.board import Milestone, Voter
from generator.model.idea import Idea
from generator.model.snapshot import Actor, Snapshot
from generator.tally.votes import tally, trending_score
from tests.builders import NO_AUTHOR, NOW, SETTINGS, ago, make_idea, make_issue, snap, vote


def logins(entry) -> list[str]:
    return [v.login for v in entry.voters]


# --- who counts -------------------------------------------------------------------


def test_votes_are_the_distinct_voters_plus_the_author():
    issue = make_issue(1, vote("bob", ago(3)), vote("carol", ago(2)), author=Actor("alice"))
    entry = tally([make_idea("dark-mode", 1)], snap(issue), SETTINGS).entry("dark-mode")
    assert entry.votes == 3
    assert entry.voters == (
        Voter("alice", issue.created_at),
        Voter("bob", ago(3)),
        Voter("carol", ago(2)),
    )


def test_a_voter_who_reacted_twice_counts_once_at_the_earliest_time():
    issue = make_issue(1, vote("bob", ago(2)), vote("bob", ago(5)))
    entry = tally([make_idea("a", 1)], snap(issue), NO_AUTHOR).entry("a")
    assert entry.voters == (Voter("bob", ago(5)),)


def test_logins_are_compared_without_regard_to_case():
    issue = make_issue(1, vote("Bob", ago(5)), vote("bob", ago(2)))
    entry = tally([make_idea("a", 1)], snap(issue), NO_AUTHOR).entry("a")
    assert entry.voters == (Voter("Bob", ago(5)),)


def test_bots_are_left_out_by_type():
    issue = make_issue(1, vote("bob", ago(3)), vote("renovate", ago(2), type="Bot"))
    assert logins(tally([make_idea("a", 1)], snap(issue), NO_AUTHOR).entry("a")) == ["bob"]


def test_bots_are_left_out_by_login_suffix():
    issue = make_issue(1, vote("bob", ago(3)), vote("dependabot[bot]", ago(2)))
    assert logins(tally([make_idea("a", 1)], snap(issue), NO_AUTHOR).entry("a")) == ["bob"]


def test_voters_without_a_login_are_left_out():
    # GitHub returns a reaction without a user for a deleted account: it cannot be deduplicated.
    issue = make_issue(1, vote(None, ago(3)), vote(None, ago(2)), vote("bob", ago(1)))
    entry = tally([make_idea("a", 1)], snap(issue), NO_AUTHOR).entry("a")
    assert entry.votes == 1


# --- the author's vote ----------------------------------------------------------------


def test_the_author_counts_as_a_voter_at_the_issue_creation_time_by_default():
    issue = make_issue(1, author=Actor("alice"), created=ago(40))
    entry = tally([make_idea("a", 1)], snap(issue), SETTINGS).entry("a")
    assert entry.voters == (Voter("alice", ago(40)),)


def test_author_votes_can_be_turned_off():
    issue = make_issue(1, vote("bob", ago(1)), author=Actor("alice"))
    assert logins(tally([make_idea("a", 1)], snap(issue), NO_AUTHOR).entry("a")) == ["bob"]


def test_an_author_who_also_reacted_counts_once_at_the_creation_time():
    issue = make_issue(1, vote("alice", ago(1)), author=Actor("alice"), created=ago(40))
    entry = tally([make_idea("a", 1)], snap(issue), SETTINGS).entry("a")
    assert entry.voters == (Voter("alice", ago(40)),)


def test_a_bot_author_does_not_vote():
    for author in (Actor("lumen-intake", "Bot"), Actor("github-actions[bot]")):
        issue = make_issue(1, author=author)
        assert tally([make_idea("a", 1)], snap(issue), SETTINGS).entry("a").votes == 0


def test_a_deleted_author_does_not_vote():
    issue = make_issue(1, author=Actor(None, "User"))
    assert tally([make_idea("a", 1)], snap(issue), SETTINGS).entry("a").votes == 0


# --- duplicates ------------------------------------------------------------------------


def test_duplicates_merge_into_the_canonical_idea_and_a_shared_voter_counts_once():
    ideas = [
        make_idea("dark-mode", 1),
        make_idea("night-theme", 2, status="duplicate", duplicate_of="dark-mode"),
    ]
    snapshot = snap(
        make_issue(1, vote("bob", ago(3)), vote("carol", ago(9))),
        make_issue(2, vote("bob", ago(7)), vote("dave", ago(1))),
    )
    board = tally(ideas, snapshot, NO_AUTHOR)
    main, dup = board.entry("dark-mode"), board.entry("night-theme")
    assert main.voters == (Voter("carol", ago(9)), Voter("bob", ago(7)), Voter("dave", ago(1)))
    assert main.duplicates == (ideas[1],)
    assert main.canonical is None
    # The duplicate keeps its own votes for display, and says where they went.
    assert dup.votes == 2
    assert dup.canonical == "dark-mode"
    assert dup.duplicates == ()


def test_duplicates_of_duplicates_merge_into_the_end_of_the_chain():
    ideas = [
        make_idea("a", 1),
        make_idea("b", 2, status="duplicate", duplicate_of="a"),
        make_idea("c", 3, status="duplicate", duplicate_of="b"),
    ]
    snapshot = snap(
        make_issue(1, vote("ann", ago(1))),
        make_issue(2, vote("ben", ago(2))),
        make_issue(3, vote("cid", ago(3)), vote("ann", ago(4))),
    )
    board = tally(ideas, snapshot, NO_AUTHOR)
    assert logins(board.entry("a")) == ["ann", "cid", "ben"]
    assert board.entry("a").duplicates == (ideas[1], ideas[2])
    assert board.entry("b").canonical == "a"
    assert board.entry("c").canonical == "a"
    assert logins(board.entry("b")) == ["ben"]  # its own votes only
    assert board.entry("b").duplicates == ()


def test_the_author_of_a_duplicate_counts_toward_the_canonical_idea():
    ideas = [make_idea("a", 1), make_idea("b", 2, status="duplicate", duplicate_of="a")]
    snapshot = snap(
        make_issue(1, author=Actor("alice"), created=ago(90)),
        make_issue(2, vote("alice", ago(80)), author=Actor("bob"), created=ago(50)),
    )
    entry = tally(ideas, snapshot, SETTINGS).entry("a")
    assert entry.voters == (Voter("alice", ago(90)), Voter("bob", ago(50)))


def test_a_hidden_duplicate_still_merges_its_votes():
    ideas = [
        make_idea("a", 1),
        make_idea("b", 2, status="duplicate", duplicate_of="a", hidden=True),
    ]
    snapshot = snap(make_issue(1), make_issue(2, vote("bob", ago(1))))
    board = tally(ideas, snapshot, NO_AUTHOR)
    assert logins(board.entry("a")) == ["bob"]
    assert [e.slug for e in board.entries] == ["a", "b"]  # hidden ideas are tallied too
    assert [e.slug for e in board.visible] == ["a"]


def test_a_canonical_idea_without_an_issue_still_gets_its_duplicates_votes():
    ideas = [make_idea("a"), make_idea("b", 2, status="duplicate", duplicate_of="a")]
    board = tally(ideas, snap(make_issue(2, vote("bob", ago(1)))), NO_AUTHOR)
    assert board.entry("a").issue is None
    assert logins(board.entry("a")) == ["bob"]


def test_duplicate_of_merges_only_with_a_status_in_the_duplicate_category():
    # A reopened idea whose duplicate_of was left behind keeps its votes.
    ideas = [make_idea("a", 1), make_idea("b", 2, status="proposed", duplicate_of="a")]
    snapshot = snap(make_issue(1), make_issue(2, vote("bob", ago(1))))
    board = tally(ideas, snapshot, NO_AUTHOR)
    assert board.entry("a").votes == 0
    assert board.entry("b").votes == 1
    assert board.entry("b").canonical is None


def test_a_duplicate_of_an_unknown_idea_keeps_its_votes():
    ideas = [make_idea("b", 2, status="duplicate", duplicate_of="gone")]
    board = tally(ideas, snap(make_issue(2, vote("bob", ago(1)))), NO_AUTHOR)
    assert board.entry("b").votes == 1
    assert board.entry("b").canonical is None


def test_a_duplicate_loop_merges_nothing_and_terminates():
    ideas = [
        make_idea("a", 1, status="duplicate", duplicate_of="b"),
        make_idea("b", 2, status="duplicate", duplicate_of="a"),
        make_idea("c", 3, status="duplicate", duplicate_of="a"),
        make_idea("d", 4, status="duplicate", duplicate_of="d"),
    ]
    snapshot = snap(*(make_issue(n, vote(f"u{n}", ago(1))) for n in range(1, 5)))
    board = tally(ideas, snapshot, NO_AUTHOR)
    assert [(e.slug, e.votes, e.canonical) for e in board.entries] == [
        ("a", 1, None),
        ("b", 1, None),
        ("c", 1, None),
        ("d", 1, None),
    ]


def test_a_long_duplicate_chain_resolves_to_its_end():
    n = 3000
    ideas = [
        make_idea(f"i{k:04d}", k, status="duplicate", duplicate_of=f"i{k + 1:04d}")
        for k in range(n)
    ]
    ideas.append(make_idea(f"i{n:04d}", n))
    snapshot = snap(*(make_issue(k, vote(f"u{k}", ago(1))) for k in range(n + 1)))
    board = tally(ideas, snapshot, NO_AUTHOR)  # deeper than Python's recursion limit
    end = board.entry(f"i{n:04d}")
    assert (end.votes, end.canonical) == (n + 1, None)
    assert {e.canonical for e in board.entries[:n]} == {f"i{n:04d}"}
    assert sorted(d.slug for d in end.duplicates) == [f"i{k:04d}" for k in range(n)]


# --- issues --------------------------------------------------------------------------


def test_an_idea_without_an_issue_has_no_votes():
    entry = tally([make_idea("a")], snap(make_issue(1, vote("bob", ago(1)))), SETTINGS).entry("a")
    assert (entry.issue, entry.proposer, entry.votes, entry.comments) == (None, None, 0, 0)
    assert entry.votes_per_day == ()


def test_an_idea_whose_issue_is_not_in_the_snapshot_has_no_votes():
    entry = tally([make_idea("a", 99)], snap(make_issue(1)), SETTINGS).entry("a")
    assert (entry.issue, entry.votes) == (None, 0)


def test_closed_and_locked_issues_keep_their_votes():
    snapshot = snap(
        make_issue(1, vote("bob", ago(1)), state="closed", state_reason="completed"),
        make_issue(2, vote("bob", ago(1)), locked=True),
    )
    board = tally([make_idea("a", 1, status="shipped"), make_idea("b", 2)], snapshot, NO_AUTHOR)
    assert [e.votes for e in board.entries] == [1, 1]


def test_comments_and_proposer_come_from_the_own_issue():
    ideas = [make_idea("a", 1), make_idea("b", 2, status="duplicate", duplicate_of="a")]
    snapshot = snap(make_issue(1, comments=4, author=Actor("alice")), make_issue(2, comments=7))
    entry = tally(ideas, snapshot, SETTINGS).entry("a")
    assert entry.comments == 4
    assert entry.proposer == Actor("alice")
    assert entry.issue == snapshot.issues[1]


# --- milestones and votes per day --------------------------------------------------------


def test_milestones_are_reached_on_the_day_of_the_nth_vote():
    settings = dataclasses.replace(NO_AUTHOR, milestones=(2, 3, 5))
    issue = make_issue(1, vote("a", ago(10)), vote("b", ago(4)), vote("c", ago(1)))
    entry = tally([make_idea("x", 1)], snap(issue), settings).entry("x")
    assert entry.milestones == (
        Milestone(2, ago(4).date()),
        Milestone(3, ago(1).date()),
        Milestone(5, None),
    )
    assert entry.next_milestone == 5


def test_every_default_milestone_is_listed_even_when_none_is_reached():
    entry = tally([make_idea("x")], snap(), SETTINGS).entry("x")
    assert [m.votes for m in entry.milestones] == [10, 25, 50, 100, 250, 500, 1000]
    assert all(m.reached_on is None for m in entry.milestones)


def test_vote_days_are_utc_days():
    plus_two = dt.timezone(dt.timedelta(hours=2))
    late = dt.datetime(2026, 3, 2, 1, 30, tzinfo=plus_two)  # 2026-03-01 23:30 UTC
    settings = dataclasses.replace(NO_AUTHOR, milestones=(1,))
    entry = tally([make_idea("x", 1)], snap(make_issue(1, vote("a", late))), settings).entry("x")
    assert entry.milestones == (Milestone(1, dt.date(2026, 3, 1)),)
    assert entry.votes_per_day == ((dt.date(2026, 3, 1), 1),)


def test_votes_per_day_lists_days_with_votes_only():
    day = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    issue = make_issue(
        1,
        vote("a", day + dt.timedelta(hours=1)),
        vote("b", day + dt.timedelta(hours=23, minutes=59)),
        vote("c", day + dt.timedelta(days=1)),  # midnight: the next day
        vote("d", day + dt.timedelta(days=5, hours=3)),
        vote("e", day + dt.timedelta(days=5, hours=4)),
    )
    entry = tally([make_idea("x", 1)], snap(issue), NO_AUTHOR).entry("x")
    assert entry.votes_per_day == (
        (dt.date(2026, 5, 1), 2),
        (dt.date(2026, 5, 2), 1),
        (dt.date(2026, 5, 6), 2),
    )


def test_votes_per_day_are_numbers_read_back_as_days():
    from generator.model.compact import DayCounts

    day = dt.datetime(1969, 12, 31, 12, tzinfo=dt.UTC)  # before the epoch too
    issue = make_issue(1, vote("a", day), vote("b", day + dt.timedelta(days=400)))
    per_day = tally([make_idea("x", 1)], snap(issue), NO_AUTHOR).entry("x").votes_per_day
    assert isinstance(per_day, DayCounts)
    assert list(per_day) == [(dt.date(1969, 12, 31), 1), (dt.date(1971, 2, 4), 1)]
    assert per_day[-1] == (dt.date(1971, 2, 4), 1)
    assert per_day[:1] == ((dt.date(1969, 12, 31), 1),)
    assert per_day == tuple(per_day)
    assert hash(per_day) == hash(tuple(per_day))
    with pytest.raises(IndexError):
        per_day[2]
    assert DayCounts() == ()
    assert len(DayCounts()) == 0


def test_ideas_that_reached_a_milestone_on_the_same_day_share_one_object():
    at = dt.datetime(2026, 4, 2, 9, tzinfo=dt.UTC)
    settings = dataclasses.replace(NO_AUTHOR, milestones=(1, 5))
    issues = [make_issue(n, vote(f"v{n}", at + dt.timedelta(hours=n))) for n in (1, 2)]
    board = tally([make_idea("x", 1), make_idea("y", 2)], snap(*issues), settings)
    x, y = (board.entry(slug).milestones for slug in ("x", "y"))
    assert x == y == (Milestone(1, dt.date(2026, 4, 2)), Milestone(5, None))
    assert x[0] is y[0]
    assert x[1] is y[1]


# --- trending --------------------------------------------------------------------------


def test_a_recently_active_idea_outranks_an_old_one_with_more_votes():
    old_votes = [vote(f"old{k}", ago(300 + k)) for k in range(50)]
    snapshot = snap(
        make_issue(1, *old_votes, vote("late", ago(20)), created=ago(400)),
        make_issue(2, vote("x", ago(2)), vote("y", ago(1)), created=ago(10)),
    )
    board = tally([make_idea("old", 1), make_idea("new", 2)], snapshot, NO_AUTHOR)
    assert board.entry("old").votes > board.entry("new").votes
    assert board.entry("new").trending > board.entry("old").trending > 0


def test_trending_is_zero_without_recent_activity():
    issue = make_issue(1, vote("a", ago(31)), vote("b", ago(200)), comment_times=(ago(45),))
    entry = tally([make_idea("x", 1)], snap(issue), SETTINGS).entry("x")
    assert entry.votes == 3
    assert entry.trending == 0.0


def test_trending_counts_recent_comments():
    quiet = make_issue(1, created=ago(10))
    talked = make_issue(2, created=ago(10), comment_times=(ago(1), ago(2), ago(40)))
    board = tally([make_idea("a", 1), make_idea("b", 2)], snap(quiet, talked), NO_AUTHOR)
    assert board.entry("a").trending == 0.0
    assert board.entry("b").trending == trending_score(0, 2, ago(10), NOW)


def test_trending_decays_with_age():
    scores = [trending_score(10, 0, ago(days), NOW) for days in (0, 1, 7, 30, 365)]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == len(scores)
    assert trending_score(1, 0, NOW, NOW) == pytest.approx(5 / 2**1.4, rel=1e-5)


def test_trending_is_rounded_to_six_significant_digits():
    score = trending_score(7, 3, ago(days=1234, hours=5), NOW)
    assert score == float(f"{score:.6g}")
    assert 0 < score < 0.01


def test_trending_window_follows_the_setting():
    settings = dataclasses.replace(NO_AUTHOR, trending_days=7)
    issue = make_issue(1, vote("a", ago(10)), created=ago(20))
    assert tally([make_idea("x", 1)], snap(issue), settings).entry("x").trending == 0.0
    assert tally([make_idea("x", 1)], snap(issue), NO_AUTHOR).entry("x").trending > 0


def test_a_duplicate_has_no_trending_score_of_its_own():
    ideas = [make_idea("a", 1), make_idea("b", 2, status="duplicate", duplicate_of="a")]
    snapshot = snap(make_issue(1, created=ago(5)), make_issue(2, vote("bob", ago(1))))
    board = tally(ideas, snapshot, NO_AUTHOR)
    assert board.entry("b").trending == 0.0
    assert board.entry("a").trending == trending_score(1, 0, ago(5), NOW)


def test_without_a_sync_time_trending_uses_the_latest_time_in_the_data():
    issue = make_issue(1, vote("a", ago(3)), vote("b", ago(2)), created=ago(10))
    board = tally([make_idea("x", 1)], snap(issue, synced_at=None), NO_AUTHOR)
    # "now" is the latest vote, two days ago: the idea is 8 days old then.
    assert board.entry("x").trending == trending_score(2, 0, ago(10), ago(2))
    assert board.synced_at is None


def test_without_any_data_trending_is_zero():
    board = tally([make_idea("x")], Snapshot.empty("lumen-notes/lumen"), SETTINGS)
    assert board.entry("x").trending == 0.0


# --- proposals ---------------------------------------------------------------------------


def test_proposals_are_open_labelled_issues_no_idea_names_newest_first():
    snapshot = snap(
        make_issue(1, created=ago(9)),  # named by an idea
        make_issue(2, created=ago(5)),
        make_issue(3, created=ago(1)),
        make_issue(4, created=ago(5)),  # same time as #2: the higher number first
        make_issue(5, created=ago(2), state="closed", state_reason="not_planned"),
        make_issue(6, created=ago(2), labels=("bug",)),
        make_issue(7, created=ago(3), labels=("Idea", "ui")),  # labels ignore case
    )
    board = tally([make_idea("a", 1)], snapshot, SETTINGS)
    assert [i.number for i in board.proposals] == [3, 7, 4, 2]


def test_proposals_follow_the_configured_label():
    settings = dataclasses.replace(SETTINGS, label="feature-request")
    snapshot = snap(make_issue(1), make_issue(2, labels=("feature-request",)))
    assert [i.number for i in tally([], snapshot, settings).proposals] == [2]


# --- the board -------------------------------------------------------------------------


def test_the_board_is_sorted_by_slug_and_carries_the_sync_state():
    ideas = [make_idea("zebra"), make_idea("apple", status="planned"), make_idea("mango")]
    board = tally(ideas, snap(synced_at=NOW, complete=False), SETTINGS)
    assert [e.slug for e in board.entries] == ["apple", "mango", "zebra"]
    assert [e.category for e in board.entries] == ["active", "open", "open"]
    assert (board.synced_at, board.complete) == (NOW, False)


def test_an_unknown_status_is_tallied_in_the_open_category():
    board = tally([make_idea("a", status="someday")], snap(), SETTINGS)
    assert board.entry("a").category == "open"


def test_the_same_inputs_give_equal_boards_whatever_their_order():
    rng = random.Random(7)
    ideas = [make_idea(f"idea-{k}", k) for k in range(1, 30)]
    ideas += [make_idea("dup", 99, status="duplicate", duplicate_of="idea-1")]
    issues = [
        make_issue(
            n,
            *(
                vote(f"user{rng.randrange(40)}", ago(rng.randrange(0, 90 * 24) / 24))
                for _ in range(20)
            ),
            comment_times=tuple(ago(rng.randrange(60)) for _ in range(3)),
        )
        for n in [*range(1, 40), 99]
    ]
    first = tally(ideas, snap(*issues), SETTINGS)
    assert tally(ideas, snap(*issues), SETTINGS) == first
    # The order of the ideas and of the issues does not matter...
    second = tally(rng.sample(ideas, len(ideas)), snap(*rng.sample(issues, len(issues))), SETTINGS)
    assert second == first
    assert repr(second) == repr(first)
    # ...nor the order of the votes within an issue (the entry keeps the issue as given).
    reordered = [
        dataclasses.replace(i, voters=tuple(rng.sample(i.voters, len(i.voters)))) for i in issues
    ]
    third = tally(ideas, snap(*reordered), SETTINGS)
    tallied = ("votes", "voters", "trending", "milestones", "votes_per_day", "canonical")
    for a, b in zip(first.entries, third.entries, strict=True):
        assert [getattr(a, f) for f in tallied] == [getattr(b, f) for f in tallied]


def test_the_tally_leaves_the_cycle_collector_as_it_found_it():
    assert gc.isenabled()
    tally([make_idea("a")], snap(), SETTINGS)
    assert gc.isenabled()
    gc.disable()
    try:
        tally([make_idea("a")], snap(), SETTINGS)
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- scale ---------------------------------------------------------------------------------


def synthetic_board(n: int, voters: int = 100) -> tuple[list[Idea], Snapshot]:
    """``n`` ideas, each with an issue with ``voters`` 👍 and an author (the benchmark's board)."""
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    ideas = [make_idea(f"idea-{k:05d}", k + 1) for k in range(n)]
    issues = [
        make_issue(
            k + 1,
            *(
                vote(f"user{(k * 7 + j) % 50_000}", start + dt.timedelta(hours=k + j * 13))
                for j in range(voters)
            ),
            author=Actor(f"user{k}"),
            created=start + dt.timedelta(hours=k),
            comment_times=tuple(start + dt.timedelta(days=30 * c) for c in range(10)),
        )
        for k in range(n)
    ]
    return ideas, snap(*issues)


def test_a_big_board_counts_every_vote():
    ideas, snapshot = synthetic_board(1000)
    board = tally(ideas, snapshot, SETTINGS)
    assert len(board.entries) == 1000
    assert sum(e.votes for e in board.entries) == 1000 * 100 + 1000 - 1  # idea 0's author voted


# --- compact votes ------------------------------------------------------------------


def test_votes_read_from_the_store_tally_the_same_as_votes_given_as_objects():
    from generator.model import Voters, Votes
    from generator.sync.store import from_json, to_json

    issues = [
        make_issue(1, vote("bob", ago(40)), vote("Bob", ago(3)), vote("ci[bot]", ago(2), "Bot")),
        make_issue(2, vote("carol", ago(1)), vote("bob", ago(50)), vote(None, ago(5))),
    ]
    ideas = [make_idea("dark-mode", 1), make_idea("night-mode", 2, status="duplicate",
                                                  duplicate_of="dark-mode")]  # fmt: skip
    plain = snap(*issues)
    stored = from_json(to_json(plain))
    assert isinstance(stored.issues[1].voters, Votes)
    compact, objects = tally(ideas, stored, SETTINGS), tally(ideas, plain, SETTINGS)

    def counted(board):
        return [(e.slug, e.votes, tuple(e.voters), e.milestones, e.votes_per_day, e.trending)
                for e in board.entries]  # fmt: skip

    assert counted(compact) == counted(objects)
    entry = compact.entry("dark-mode")
    assert isinstance(entry.voters, Voters)
    assert entry.voters.logins() == [v.login for v in entry.voters]
    assert logins(entry) == ["author1", "author2", "bob", "carol"]  # merged, bots and ghosts out
