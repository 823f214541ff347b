"""Writing idea files: a new idea's text, slugs, and status changes as round-trip edits."""

from generator.authoring.idea_file import new_idea_text
from generator.authoring.slug import slugify, unique_slug
from generator.authoring.status import Change, change_status, check_change

__all__ = ["Change", "change_status", "check_change", "new_idea_text", "slugify", "unique_slug"]
