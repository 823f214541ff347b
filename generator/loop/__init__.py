"""The conversation with GitHub: intake of new issues, feedback on status changes, doctor."""

from generator.loop import doctor, feedback, form, intake, similar

__all__ = ["doctor", "feedback", "form", "intake", "similar"]
