"""Where a new idea file goes, and writing it once: for ``ideaboard new`` and intake.

``layout: flat`` (the default) puts every idea in ``ideas/<slug>.yaml``;
``layout: year`` puts it in ``ideas/<year>/<slug>.yaml``, by the year the idea
was created, so that no folder of a big board holds more than a few thousand
files.  The slug is the file name and stays unique across all folders.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from generator.authoring.board_copy import idea_files
from generator.authoring.idea_file import new_idea_text
from generator.authoring.slug import unique_slug
from generator.config import Settings
from generator.errors import IdeaboardError
from generator.load import Document, check_document, is_name, parse_text, schema_url_for, taken
from generator.model import SLUG_MAX_LENGTH


def new_idea_path(settings: Settings, slug: str, created: dt.date) -> Path:
    """The file a new idea ``slug`` created on ``created`` goes to, by the board's layout."""
    folder = settings.ideas_dir
    if settings.layout == "year":
        folder = folder / f"{created.year:04d}"
    return folder / f"{slug}.yaml"


def board_slugs(settings: Settings) -> set[str]:
    """The slugs in use, in every folder of ``ideas/``."""
    return {path.stem for path in idea_files(settings)} if settings.ideas_dir.is_dir() else set()


def tag_problem(settings: Settings, tag: str) -> str | None:
    """What is wrong with ``tag`` for this board, or ``None``."""
    if not is_name(tag, 50):
        return f"expected lowercase letters, digits and hyphens but received: {tag!r}"
    if settings.tags and tag not in settings.tags:
        return f"expected one of the allowed tags: {list(settings.tags)} but received: {tag!r}"
    if reason := taken(tag, tag=True):
        return f"expected a tag free for a page but received {reason}"
    return None


def write_new_idea(
    settings: Settings,
    title: str,
    summary: str | None,
    *,
    created: dt.date,
    description: str = "",
    tags: tuple[str, ...] = (),
    issue: int | None = None,
    owner: str | None = None,
) -> Path:
    """Write a new idea with a unique slug where the layout says; refuse an invalid one."""
    for tag in tags:
        if problem := tag_problem(settings, tag):
            raise IdeaboardError(f"--tag: {problem}")
    slug = unique_slug(title, board_slugs(settings))
    path = new_idea_path(settings, slug, created)
    text = new_idea_text(
        title,
        summary if summary is not None else title,
        status=settings.initial_status,
        created=created,
        description=description,
        issue=issue,
        tags=tags,
        owner=owner,
        schema=schema_url_for(settings.site_url),
    )
    doc = Document(path, shown_path(path))
    parse_text(doc, text)
    check_document(doc, settings)
    if doc.problems or not is_name(slug, SLUG_MAX_LENGTH):
        lines = "\n".join(problem.format() for problem in doc.problems)
        raise IdeaboardError(f"the new idea would not be valid, so it was not written:\n{lines}")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:  # someone else took the slug meanwhile
        raise IdeaboardError(f"{doc.display} already exists; run the command again") from None
    return path


def shown_path(path: Path) -> str:
    """``path`` as the commands print it: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return Path(path if relative.startswith("..") else relative).as_posix()
