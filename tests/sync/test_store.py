"""The snapshot store reads votes compactly, an issue at a time, from old and new files."""

from __future__ import annotations

import datetime as dt
import json
from array import array

import pytest

from generator.errors import SnapshotError
from generator.model import Actor, Vote, Votes
from generator.sync.store import from_json, to_json
from tests.builders import NOW, make_issue, snap, vote

T1 = dt.datetime(2026, 3, 1, 9, 30, 5, tzinfo=dt.UTC)
T2 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def sample():
    return snap(
        make_issue(1, vote("bob", T1), vote("ci[bot]", T2, "Bot"), vote(None, T2)),
        make_issue(2, vote("bob", T2), vote("carol", T2)),
    )


def test_votes_read_back_as_numbers_into_one_table_of_accounts():
    snapshot = from_json(to_json(sample()))
    first, second = snapshot.issues[1].voters, snapshot.issues[2].voters
    assert isinstance(first, Votes)
    assert (first.ids.typecode, first.times.typecode) == ("I", "q")
    assert first.names is second.names  # one table for the snapshot
    # Sorted by time, then login (a deleted account's is empty).
    assert list(first) == [Vote(Actor("bob"), T1), Vote(Actor(None), T2),
                           Vote(Actor("ci[bot]", "Bot"), T2)]  # fmt: skip
    assert first[0].voter is second[0].voter  # one Actor per account
    assert first[1:] == (Vote(Actor(None), T2), Vote(Actor("ci[bot]", "Bot"), T2))


def test_a_snapshot_reads_back_to_the_same_file():
    text = to_json(sample())
    again = from_json(text)
    assert to_json(again) == text
    assert from_json(to_json(again)) == again


def test_a_file_laid_out_otherwise_reads_the_same():
    # Pretty-printed, or all on one line: parsed whole, with the same result.
    text = to_json(sample())
    data = json.loads(text)
    for other in (json.dumps(data, indent=2), json.dumps(data)):
        assert from_json(other) == from_json(text)


def test_a_version_1_file_still_reads():
    data = json.loads(to_json(sample()))
    data["version"] = 1
    del data["cursors"]
    snapshot = from_json(json.dumps(data))
    assert snapshot.synced_at == NOW
    assert snapshot.cursors == {}
    assert len(snapshot.issues[1].voters) == 3


def test_a_broken_issue_line_is_reported_with_its_line():
    lines = to_json(sample()).split("\n")
    lines[3] = lines[3][:20]  # the first issue's line, cut short
    with pytest.raises(SnapshotError, match=r"^snapshot:4:\d+: not valid JSON"):
        from_json("\n".join(lines))


def test_a_damaged_vote_time_is_reported():
    text = to_json(sample()).replace('"2026-03-01T09:30:05Z"', '"yesterday"')
    with pytest.raises(SnapshotError, match="snapshot is damaged"):
        from_json(text)


def test_compact_votes_compare_equal_to_a_tuple_of_votes():
    votes = from_json(to_json(sample())).issues[2].voters
    plain = (Vote(Actor("bob"), T2), Vote(Actor("carol"), T2))
    assert votes == plain
    assert plain == votes
    assert hash(votes) == hash(plain)
    assert votes != plain[:1]
    assert isinstance(votes.times, array)
