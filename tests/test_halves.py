"""Two halves at once: the second in a forked child, for real."""

from __future__ import annotations

import gzip
import json
import os
import re

import pytest

from generator import halves
from generator.plugin.plugin import IdeaboardPlugin
from tests.helpers import mkdocs_build, write_board


def test_each_half_is_worked_once_and_the_child_sends_its_result(monkeypatch, tmp_path):
    monkeypatch.setattr(halves, "MIN_ITEMS", 0)

    def work(items, k):
        (tmp_path / f"{k}.txt").write_text(f"{os.getpid()} {list(items)}")
        return sum(items)

    assert halves.in_halves(range(10), work, fork=True) == [0 + 2 + 4 + 6 + 8, 1 + 3 + 5 + 7 + 9]
    mine, theirs = ((tmp_path / f"{k}.txt").read_text().split(" ", 1) for k in (0, 1))
    assert mine[0] == str(os.getpid())
    assert theirs[0] != mine[0]  # a process of its own
    assert theirs[1] == "[1, 3, 5, 7, 9]"


def test_little_work_or_no_fork_stays_in_this_process(monkeypatch):
    assert halves.in_halves(range(10), lambda items, k: (k, list(items)), fork=True) == [
        (0, list(range(10)))
    ]
    monkeypatch.setattr(halves, "MIN_ITEMS", 0)
    assert halves.in_halves(range(3), lambda items, k: (k, len(items)), fork=False) == [(0, 3)]


def test_a_failing_child_fails_the_work_with_its_words(monkeypatch):
    monkeypatch.setattr(halves, "MIN_ITEMS", 0)

    def work(items, k):
        if k == 1:
            raise ValueError("feed of idea-7 could not be written")
        return len(items)

    with pytest.raises(
        halves.HalfFailed,
        match=r"^the second half of the work failed: ValueError: feed of idea-7 could not be "
        r"written$",
    ):
        halves.in_halves(range(4), work, fork=True)


def test_a_child_that_dies_fails_the_work(monkeypatch):
    monkeypatch.setattr(halves, "MIN_ITEMS", 0)

    def work(items, k):
        if k == 1:
            os._exit(3)
        return 0

    with pytest.raises(halves.HalfFailed, match="it ended without a result"):
        halves.in_halves(range(4), work, fork=True)


def _fragments(site) -> str:
    """The text of every Pagefind fragment (gzip'd JSON after a signature)."""
    out = []
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        out.append(data[data.index(b"{") :].decode())
    return "\n".join(out)


def test_a_build_in_two_processes_writes_the_same_site(tmp_path, monkeypatch):
    # The fixture board written by two processes (as a big board is) against one process.
    monkeypatch.setattr(halves, "MIN_ITEMS", 0)
    two = mkdocs_build(write_board(tmp_path / "two"), tmp_path / "two" / "site")
    monkeypatch.setattr(IdeaboardPlugin, "on_startup", lambda self, **_: None)  # no fork
    one = mkdocs_build(write_board(tmp_path / "one"), tmp_path / "one" / "site")
    files = sorted(
        p.relative_to(one)
        for p in one.rglob("*")
        if p.is_file() and p.parts[len(one.parts)] != "pagefind"
    )
    assert files == sorted(
        p.relative_to(two)
        for p in two.rglob("*")
        if p.is_file() and p.parts[len(two.parts)] != "pagefind"
    )
    for file in files:
        assert (two / file).read_bytes() == (one / file).read_bytes(), file
    # Every idea is in the search index, whichever process wrote its page.
    text = _fragments(two)
    slugs = {p.stem for p in (two / "ideas").glob("*.html")}
    assert len(slugs) >= 3
    for slug in slugs:
        assert re.search(rf'"id":"{re.escape(slug)}"', text), slug
    entry = json.loads((two / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] >= 2
