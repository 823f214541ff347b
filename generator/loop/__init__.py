"""The conversation with GitHub: intake of new issues, feedback on status changes, doctor."""

from generator.loop import doctor, feedback, form, intake, intake_run, similar
from generator.loop.intake_run import IntakeOptions, run_intake

__all__ = [
    "IntakeOptions",
    "doctor",
    "feedback",
    "form",
    "intake",
    "intake_run",
    "run_intake",
    "similar",
]
