"""Writing idea files: a new idea's text, slugs, and status changes as round-trip edits."""

from generator.authoring.idea_file import new_idea_text
from generator.authoring.scaffold import (
    Product,
    Report,
    board_files,
    git_remote,
    repo_from_remote,
    write_board,
)
from generator.authoring.slug import slugify, unique_slug
from generator.authoring.status import Change, change_status, check_change

__all__ = [
    "Change",
    "Product",
    "Report",
    "board_files",
    "change_status",
    "check_change",
    "git_remote",
    "new_idea_text",
    "repo_from_remote",
    "slugify",
    "unique_slug",
    "write_board",
]
