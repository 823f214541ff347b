"""The conversation with GitHub: intake of new issues, feedback on status changes, doctor.

feedback (plan, then apply) is built from: ``remote`` (what the issues look like
now), ``markers`` (what they have been told), ``comments`` (the words),
``notify`` (voter mentions), ``actions`` (the writes, and carrying them out) and
``pace`` (GitHub's limits on writes).  ``intake`` plans idea files from new
issues and ``intake_run`` carries a run out.  ``doctor`` finds drift; ``setup``
checks the GitHub side of a board (``doctor --setup``).
"""

from generator.loop import (
    actions,
    comments,
    doctor,
    feedback,
    form,
    intake,
    intake_run,
    markers,
    notify,
    pace,
    remote,
    setup,
    similar,
)
from generator.loop.intake_run import IntakeOptions, run_intake

__all__ = [
    "IntakeOptions",
    "actions",
    "comments",
    "doctor",
    "feedback",
    "form",
    "intake",
    "intake_run",
    "markers",
    "notify",
    "pace",
    "remote",
    "run_intake",
    "setup",
    "similar",
]
