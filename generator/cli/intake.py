"""``ideaboard intake``: turn new idea issues into idea files."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli import can_connect, connect, settings
from generator.errors import IdeaboardError
from generator.loop import IntakeOptions, run_intake


@click.command()
@click.option(
    "--issue",
    "numbers",
    type=click.IntRange(min=1, max=2**31 - 1),
    multiple=True,
    metavar="NUMBER",
    help="Take in only this issue (repeatable; reads GitHub). Default: every idea issue "
    "that no file names.",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Read the issues from the last snapshot instead of from GitHub, and post no "
    "comment (the default when no token is set).",
)
@click.option(
    "--dry-run", is_flag=True, help="Print what would be written and posted; change nothing."
)
@click.option("--no-comment", is_flag=True, help="Write the files but post no comment.")
@click.option(
    "--reviewed",
    metavar="SOURCE",
    help="The issue's pull request branch exists, written from SOURCE (see --source-file): "
    "write nothing, and say on the pull request if the issue changed since.",
)
@click.option(
    "--pull-request",
    type=click.IntRange(min=1, max=2**31 - 1),
    metavar="NUMBER",
    help="With --reviewed: the pull request to comment on.",
)
@click.option(
    "--source-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write there a record of the issue text each file was made from (for the commit).",
)
@click.pass_context
def intake(
    ctx: click.Context,
    numbers: tuple[int, ...],
    offline: bool,
    dry_run: bool,
    no_comment: bool,
    reviewed: str | None,
    pull_request: int | None,
    source_file: Path | None,
) -> None:
    """Write ideas/<slug>.yaml for each new idea issue, and comment with similar ideas.

    For every open issue with the idea label that no file names yet: a file
    with the initial status, the issue number, its creation date, the title,
    and a summary and description read from the issue form. Then one comment
    on the issue that lists up to 3 similar ideas already on the board (it
    carries a hidden marker, so it is never posted twice). Running it again
    changes nothing. Issues are read from GitHub when a token is set, else
    (or with --offline) from the last snapshot, and then no comment is posted.
    """
    config = settings(ctx)
    options = IntakeOptions(
        numbers=numbers,
        offline=offline,
        dry_run=dry_run,
        comment=not no_comment,
        reviewed=reviewed,
        pull_request=pull_request,
        source_file=source_file,
    )
    live = can_connect(config)
    try:
        run_intake(config, options, (lambda: connect(config)) if live else None, click.echo)
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
