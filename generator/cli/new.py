"""``ideaboard new "Title"``: write a new idea file with a unique slug and today's date."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from generator.authoring import new_idea_text, unique_slug
from generator.cli import settings
from generator.load import Document, check_document, parse_text, schema_url_for
from generator.model import SLUG_RE


@click.command()
@click.argument("title")
@click.option("--summary", help="One line that says what the idea is. [default: the title]")
@click.option("--description", default="", help="The longer text, in Markdown.")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for more.")
@click.option("--issue", type=click.IntRange(min=1), help="The GitHub issue number, if any.")
@click.option("--owner", help="The maintainer responsible.")
@click.pass_context
def new(
    ctx: click.Context,
    title: str,
    summary: str | None,
    description: str,
    tags: tuple[str, ...],
    issue: int | None,
    owner: str | None,
) -> None:
    """Write ideas/<slug>.yaml for a new idea, and print its path.

    The slug is made from TITLE and is unique in the folder; the status is the
    configured initial_status, dated today. Edit the file, then run
    'ideaboard validate'.
    """
    board = settings(ctx)
    for tag in tags:
        if not SLUG_RE.match(tag):
            raise click.BadParameter(
                f"expected lowercase letters, digits and hyphens but received: {tag!r}",
                param_hint="'--tag'",
            )
        if board.tags and tag not in board.tags:
            raise click.BadParameter(
                f"expected one of the allowed tags: {list(board.tags)} but received: {tag!r}",
                param_hint="'--tag'",
            )
    folder = board.ideas_dir
    taken = {path.stem for path in folder.iterdir()} if folder.is_dir() else set()
    slug = unique_slug(title, taken)
    path = folder / f"{slug}.yaml"
    today = dt.date.today()
    text = new_idea_text(
        title,
        summary if summary is not None else title,
        status=board.initial_status,
        created=today,
        description=description,
        issue=issue,
        tags=tags,
        owner=owner,
        schema=schema_url_for(board.site_url),
    )
    shown = _shown(path)
    doc = Document(path, shown)
    parse_text(doc, text)
    check_document(doc, board)
    if doc.problems:
        lines = "\n".join(problem.format() for problem in doc.problems)
        raise click.ClickException(
            f"the new idea would not be valid, so it was not written:\n{lines}"
        )
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:  # someone else took the slug meanwhile
        raise click.ClickException(f"{shown} already exists; run the command again") from None
    click.echo(shown)


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return Path(path if relative.startswith("..") else relative).as_posix()
