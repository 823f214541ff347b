"""Insights: the funnel, votes per month, time to ship and shipped proposers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator.model.idea import HistoryEntry
from generator.model.snapshot import Actor
from generator.tally import Insights, ShipTime, compute, shipped_on
from generator.tally.votes import tally
from tests.builders import NO_AUTHOR, SETTINGS, make_idea, make_issue, snap, vote


def utc(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 12, tzinfo=dt.UTC)


def shipped(slug: str, issue: int | None, created: dt.date, *history: tuple[dt.date, str], **kw):
    return make_idea(
        slug,
        issue,
        status=history[-1][1] if history else "shipped",
        created=created,
        history=tuple(HistoryEntry(day, status) for day, status in history),
        **kw,
    )


def test_the_funnel_counts_visible_ideas_per_category_in_order():
    ideas = [
        make_idea("a"),
        make_idea("b", status="under-review"),
        make_idea("c", status="planned"),
        make_idea("d", status="declined"),
        make_idea("e", status="proposed", hidden=True),
    ]
    insights = compute(tally(ideas, snap(), SETTINGS), SETTINGS)
    assert insights.funnel == (
        ("open", 2),
        ("active", 1),
        ("completed", 0),
        ("declined", 1),
        ("duplicate", 0),
    )
    assert insights.funnel_by_status == (
        ("proposed", 1),
        ("under-review", 1),
        ("planned", 1),
        ("in-progress", 0),
        ("shipped", 0),
        ("declined", 1),
        ("duplicate", 0),
    )
    assert insights.ideas == 4


def test_votes_per_month_counts_each_vote_once_and_fills_empty_months():
    ideas = [
        make_idea("a", 1),
        make_idea("b", 2, status="duplicate", duplicate_of="a"),
        make_idea("c", 3),
        make_idea("hidden", 4, hidden=True),
    ]
    snapshot = snap(
        make_issue(1, vote("ann", utc(2026, 1, 5)), vote("bob", utc(2026, 1, 31))),
        make_issue(2, vote("ann", utc(2026, 2, 1)), vote("cid", utc(2026, 4, 1))),
        make_issue(3, vote("ann", utc(2025, 12, 31))),
        make_issue(4, vote("dan", utc(2025, 6, 1))),
    )
    insights = compute(tally(ideas, snapshot, NO_AUTHOR), NO_AUTHOR)
    assert insights.votes_per_month == (
        ("2025-12", 1),
        ("2026-01", 2),
        ("2026-02", 0),
        ("2026-03", 0),
        ("2026-04", 1),
    )
    assert (insights.votes, insights.voters) == (4, 3)


def test_votes_per_month_is_empty_without_votes():
    insights = compute(tally([make_idea("a")], snap(), SETTINGS), SETTINGS)
    assert insights.votes_per_month == ()
    assert (insights.votes, insights.voters) == (0, 0)


def test_time_to_ship_runs_from_created_to_reaching_the_completed_category():
    ideas = [
        shipped(
            "fast",
            1,
            dt.date(2026, 3, 1),
            (dt.date(2026, 3, 10), "planned"),
            (dt.date(2026, 3, 11), "shipped"),
        ),
        shipped("slow", 2, dt.date(2025, 1, 1), (dt.date(2026, 1, 1), "shipped")),
        shipped("undated", 3, dt.date(2025, 1, 1)),  # shipped, but no history says when
        make_idea("open", 4),
    ]
    insights = compute(tally(ideas, snap(), SETTINGS), SETTINGS)
    assert insights.time_to_ship == (
        ShipTime("slow", "Slow", dt.date(2025, 1, 1), dt.date(2026, 1, 1), 365),
        ShipTime("fast", "Fast", dt.date(2026, 3, 1), dt.date(2026, 3, 11), 10),
    )
    assert insights.median_days_to_ship == 187.5
    assert insights.mean_days_to_ship == 187.5


def test_an_idea_shipped_again_counts_from_its_last_shipping():
    idea = shipped(
        "again",
        None,
        dt.date(2026, 1, 1),
        (dt.date(2026, 2, 1), "shipped"),
        (dt.date(2026, 3, 1), "in-progress"),
        (dt.date(2026, 4, 1), "shipped"),
    )
    entry = tally([idea], snap(), SETTINGS).entry("again")
    assert shipped_on(entry, SETTINGS) == dt.date(2026, 4, 1)


def test_median_and_mean_are_none_when_nothing_shipped():
    insights = compute(tally([make_idea("a")], snap(), SETTINGS), SETTINGS)
    assert insights.time_to_ship == ()
    assert (insights.median_days_to_ship, insights.mean_days_to_ship) == (None, None)


def test_the_median_and_mean_of_three():
    ideas = [
        shipped(
            f"s{k}", None, dt.date(2026, 1, 1), (dt.date(2026, 1, 1) + dt.timedelta(d), "shipped")
        )
        for k, d in enumerate((1, 2, 10))
    ]
    insights = compute(tally(ideas, snap(), SETTINGS), SETTINGS)
    assert (insights.median_days_to_ship, insights.mean_days_to_ship) == (2.0, 4.3)


def test_shipped_proposers_are_counted_most_first_then_by_login():
    day = dt.date(2026, 1, 1)
    ideas = [
        shipped("a", 1, day, (day, "shipped")),
        shipped("b", 2, day, (day, "shipped")),
        shipped("c", 3, day, (day, "shipped")),
        shipped("d", 4, day, (day, "shipped")),
        shipped("e", 5, day, (day, "shipped")),
        shipped("f", 6, day, (day, "shipped")),
        shipped("g", 7, day, (day, "shipped"), hidden=True),
        make_idea("h", 8),  # not shipped
    ]
    snapshot = snap(
        make_issue(1, author=Actor("zoe")),
        make_issue(2, author=Actor("zoe")),
        make_issue(3, author=Actor("bob")),
        make_issue(4, author=Actor("amy")),
        make_issue(5, author=Actor("renovate[bot]")),
        make_issue(6, author=Actor(None)),
        make_issue(7, author=Actor("hidden")),
        make_issue(8, author=Actor("zoe")),
    )
    insights = compute(tally(ideas, snapshot, SETTINGS), SETTINGS)
    assert insights.shipped_proposers == (("zoe", 2), ("amy", 1), ("bob", 1))


def test_a_duplicate_of_a_shipped_idea_is_counted_in_the_funnel_but_not_its_votes_twice():
    day = dt.date(2026, 1, 1)
    ideas = [
        shipped("a", 1, day, (day, "shipped")),
        make_idea("b", 2, status="duplicate", duplicate_of="a"),
    ]
    snapshot = snap(
        make_issue(1, vote("ann", utc(2026, 1, 2))), make_issue(2, vote("bob", utc(2026, 1, 3)))
    )
    insights = compute(tally(ideas, snapshot, NO_AUTHOR), NO_AUTHOR)
    assert dict(insights.funnel)["duplicate"] == 1
    assert dict(insights.funnel)["completed"] == 1
    assert (insights.votes, insights.voters) == (2, 2)


def test_the_same_board_gives_equal_insights():
    ideas = [
        make_idea("a", 1),
        shipped("b", 2, dt.date(2026, 1, 1), (dt.date(2026, 2, 1), "shipped")),
    ]
    snapshot = snap(make_issue(1, vote("ann", utc(2026, 1, 2))), make_issue(2))
    board = tally(ideas, snapshot, SETTINGS)
    first = compute(board, SETTINGS)
    assert isinstance(first, Insights)
    assert compute(board, SETTINGS) == first
    assert compute(tally(list(reversed(ideas)), snapshot, SETTINGS), SETTINGS) == first
    assert dataclasses.is_dataclass(first)
