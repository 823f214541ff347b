"""The points one sync may spend, planned from the rate limit GitHub reports at the start.

``sync.budget`` is a number of points, or a share of the token's hourly limit
(``"60%"``, the default: 600 of a workflow token's 1,000, 3,000 of a personal
token's 5,000, 7,500 of a GitHub App's 12,500).  The run never plans past
what GitHub says remains, and never spends past its plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Until GitHub has said which token this is, plan for the smallest: GITHUB_TOKEN's.
ASSUMED_LIMIT = 1000


def planned(setting: str | int, limit: int | None, remaining: int | None) -> int:
    """The points this run may spend: ``setting`` of ``limit``, at most ``remaining``."""
    limit = limit or ASSUMED_LIMIT
    if isinstance(setting, str) and setting.endswith("%"):
        points = math.floor(limit * float(setting[:-1]) / 100)
    else:
        points = int(setting)
    if remaining is not None:
        points = min(points, remaining)
    return max(0, points)


@dataclass
class Budget:
    """What this run may spend and has spent, in GraphQL points."""

    setting: str | int
    points: int = 0
    spent: int = 0
    known: bool = False  # whether ``points`` comes from GitHub's answer yet

    def allows(self, cost: int, reserve: int = 0) -> bool:
        """Whether a query of ``cost`` fits, leaving ``reserve`` points for what must follow."""
        if not self.known:
            return True  # the first query: its answer says what the limit is
        return self.spent + cost + reserve <= self.points

    def start(self, limit: int | None, remaining: int | None, cost: int) -> None:
        """Plan from the first answer: ``remaining`` after it, plus its ``cost``, was there."""
        before = None if remaining is None else remaining + cost
        self.points = planned(self.setting, limit, before)
        self.known = True

    def spend(self, cost: int) -> None:
        """Count a query GitHub answered."""
        self.spent += cost

    @property
    def left(self) -> int:
        """Points still to spend in this run."""
        return max(0, self.points - self.spent) if self.known else self.points
