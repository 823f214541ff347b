"""``ideaboard new "Title"``: write a new idea file with a unique slug and today's date."""

from __future__ import annotations

import datetime as dt

import click

from generator.authoring import shown_path, tag_problem, write_new_idea
from generator.cli import settings
from generator.errors import IdeaboardError


@click.command()
@click.argument("title")
@click.option("--summary", help="One line that says what the idea is. [default: the title]")
@click.option("--description", default="", help="The longer text, in Markdown.")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for more.")
@click.option(
    "--issue", type=click.IntRange(min=1, max=2**31 - 1), help="The GitHub issue number, if any."
)
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

    The slug is made from TITLE and is unique across the folders of ideas/; the
    file goes where the board's layout says (ideas/<year>/ with 'layout: year').
    The status is the configured initial_status, dated today. Edit the file,
    then run 'ideaboard validate'.
    """
    board = settings(ctx)
    for tag in tags:
        if problem := tag_problem(board, tag):
            raise click.BadParameter(problem, param_hint="'--tag'")
    try:
        path = write_new_idea(
            board,
            title,
            summary,
            created=dt.date.today(),
            description=description,
            tags=tags,
            issue=issue,
            owner=owner,
        )
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(shown_path(path))
