"""The five fixed status categories and the default statuses that belong to them.

Statuses are configurable (see ``config.py``); categories are not, because the
rest of the board (roadmap, GitHub issue state, feedback) is defined per category.
"""

from typing import Final

OPEN: Final = "open"
ACTIVE: Final = "active"
COMPLETED: Final = "completed"
DECLINED: Final = "declined"
DUPLICATE: Final = "duplicate"

#: Every category, in the order an idea moves through them on the board.
CATEGORIES: Final = (OPEN, ACTIVE, COMPLETED, DECLINED, DUPLICATE)

#: Categories shown on the roadmap (completed ones as "recently shipped").
ROADMAP_CATEGORIES: Final = (ACTIVE, COMPLETED)

#: The GitHub issue state each category maps to: (state, state_reason).
ISSUE_STATE: Final = {
    OPEN: ("open", None),
    ACTIVE: ("open", None),
    COMPLETED: ("closed", "completed"),
    DECLINED: ("closed", "not_planned"),
    DUPLICATE: ("closed", "duplicate"),
}

#: The default statuses, in board order, and their categories.
DEFAULT_STATUSES: Final = {
    "proposed": OPEN,
    "under-review": OPEN,
    "planned": ACTIVE,
    "in-progress": ACTIVE,
    "shipped": COMPLETED,
    "declined": DECLINED,
    "duplicate": DUPLICATE,
}

#: The status an idea gets when it is first proposed (intake, ``ideaboard new``).
DEFAULT_INITIAL_STATUS: Final = "proposed"

#: The vote milestones, LEGO Ideas style, scaled for a product board.
DEFAULT_MILESTONES: Final = (10, 25, 50, 100, 250, 500, 1000)
