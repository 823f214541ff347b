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
    "board_slugs",
    "change_status",
    "check_change",
    "git_remote",
    "idea_files",
    "new_idea_path",
    "new_idea_text",
    "repo_from_remote",
    "shown_path",
    "slugify",
    "tag_problem",
    "unique_slug",
    "write_board",
    "write_new_idea",
]
