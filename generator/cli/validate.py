"""``ideaboard validate``: check every idea file and report every problem."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli import settings
from generator.load import check_path


@click.command()
@click.argument(
    "path", required=False, type=click.Path(exists=True, path_type=Path), metavar="[PATH]"
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="'github' prints GitHub Actions annotations, so problems show on the pull request.",
)
@click.pass_context
def validate(ctx: click.Context, path: Path | None, output: str) -> None:
    """Check idea files against the schema and the board's rules.

    PATH is a folder of ideas (by default the board's ideas_dir) or one idea
    file. Every problem is printed as FILE:LINE:COL: FIELD: MESSAGE, then a
    count; the exit status is 1 if there was any problem.
    """
    board = settings(ctx)
    ideas, problems = check_path(path or board.ideas_dir, board, fork=True)
    for problem in problems:
        click.echo(problem.format_github() if output == "github" else problem.format())
    click.echo(summary(len(ideas), problems))
    if problems:
        ctx.exit(1)


def summary(ok: int, problems: tuple | list) -> str:
    """``20 ideas OK``, or ``2 problems in 1 file (18 ideas OK)``."""
    ideas_ok = f"{ok} {'idea' if ok == 1 else 'ideas'} OK"
    if not problems:
        return ideas_ok
    files = len({problem.path for problem in problems})
    return (
        f"{len(problems)} {'problem' if len(problems) == 1 else 'problems'} in "
        f"{files} {'file' if files == 1 else 'files'} ({ideas_ok})"
    )
