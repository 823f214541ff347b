"""The conversation with GitHub: intake of new issues, feedback on status changes, doctor.

feedback (plan, then apply) is built from: ``remote`` (what the issues look like
now), ``markers`` (what they have been told), ``comments`` (the words),
``notify`` (voter mentions), ``actions`` (the writes, and carrying them out) and
``pace`` (GitHub's limits on writes).  ``doctor`` finds drift; ``setup`` checks
the GitHub side of a board (``doctor --setup``).
"""

from generator.loop import (
    actions,
    comments,
    doctor,
    feedback,
    form,
    intake,
    markers,
    notify,
    pace,
    remote,
    setup,
    similar,
)

__all__ = [
    "actions",
    "comments",
    "doctor",
    "feedback",
    "form",
    "intake",
    "markers",
    "notify",
    "pace",
    "remote",
    "setup",
    "similar",
]
