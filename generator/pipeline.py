"""The one place that loads and tallies: ``build_board(settings)`` -> ``BuiltBoard``.

The plugin, ``ideaboard build``, ``feedback`` and ``doctor`` all start here, so
they see the same board from the same files and snapshot.  A caller that has
already read the ideas or the snapshot (``ideaboard build`` validates and syncs
first) hands them in instead of having them read again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from generator.config import Settings
from generator.errors import IdeaboardError, Problem
from generator.load import load_board
from generator.model import Board, Idea, Snapshot, Voter, Voters
from generator.sync import load_or_empty
from generator.tally import Insights, compute, paused_gc, tally


class ProblemsError(IdeaboardError):
    """The idea files have problems: nothing is built from them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(p.format() for p in self.problems)
        super().__init__(f"the ideas have {len(self.problems)} problem(s):\n{lines}")


@dataclass(frozen=True)
class BuiltBoard:
    """The ideas as loaded, the snapshot they were tallied with, the board and its insights."""

    ideas: tuple[Idea, ...]
    snapshot: Snapshot
    board: Board
    insights: Insights


def load_ideas(settings: Settings, *, fork: bool = False) -> tuple[Idea, ...]:
    """Every idea on the board; raise ``ProblemsError`` if any file has a problem.

    ``fork`` (a process without threads): read a big board in two processes."""
    ideas, problems = load_board(settings, fork=fork)
    if problems:
        raise ProblemsError(problems)
    return ideas


def build_board(
    settings: Settings,
    *,
    ideas: tuple[Idea, ...] | None = None,
    snapshot: Snapshot | None = None,
    fork: bool = False,
) -> BuiltBoard:
    """Load (unless given), tally and compute the insights of the board ``settings`` names
    (``fork``: as ``load_ideas``)."""
    # Loading a big snapshot makes millions of small objects, none of them garbage;
    # the cyclic collector would walk them again and again (2-3x slower at 10,000
    # ideas).  Pause it while loading and tallying.
    with paused_gc():
        if ideas is None:
            ideas = load_ideas(settings, fork=fork)
        if snapshot is None:
            snapshot = load_or_empty(settings.snapshot, settings.repo)
        board = tally(ideas, snapshot, settings)
        return BuiltBoard(ideas, snapshot, board, compute(board, settings))


#: The reactions of an issue whose counts are in the tally (one object for all of them).
_NONE: Mapping[str, int] = MappingProxyType({})


def without_votes(board: Board) -> Board:
    """The board without each vote as an object: the pages need only counts and logins.

    On a big board the snapshot's votes and the tally's voters are most of the memory.
    The issues lose their votes (the tally has counted them), and what no page shows of
    an idea's own issue: its body, labels, comment times and reactions (a big board's
    issue bodies alone are a copy of every description).  The tally's voters are
    compact already (``Voters``: a login number and a time each); voters given as
    objects are kept in order as one shared ``Voter`` per person (carrying the time of
    the first of their votes the loop meets), so a million votes cost a million
    references instead of a million objects.
    """
    shared: dict[str, Voter] = {}
    entries = tuple(
        dataclasses.replace(
            e,
            voters=e.voters
            if isinstance(e.voters, Voters)
            else tuple(shared.setdefault(v.login, v) for v in e.voters),
            issue=None
            if e.issue is None
            else dataclasses.replace(
                e.issue, voters=(), comment_times=(), body="", labels=(), reactions=_NONE
            ),
        )
        for e in board.entries
    )
    return dataclasses.replace(board, entries=entries)
