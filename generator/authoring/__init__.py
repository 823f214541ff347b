"""Writing idea files: a new idea's text and place, slugs, status changes as round-trip edits."""

from generator.authoring.board_copy import idea_files
from generator.authoring.idea_file import new_idea_text
from generator.authoring.new_file import (
    board_slugs,
    new_idea_path,
    shown_path,
    tag_problem,
    write_new_idea,
)
from generator.authoring.slug import slugify, unique_slug
from generator.authoring.status import Change, change_status, check_change

__all__ = [
    "Change",
    "board_slugs",
    "change_status",
    "check_change",
    "idea_files",
    "new_idea_path",
    "new_idea_text",
    "shown_path",
    "slugify",
    "tag_problem",
    "unique_slug",
    "write_new_idea",
]
