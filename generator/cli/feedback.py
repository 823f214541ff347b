"""``ideaboard feedback``: make each idea's GitHub issue match its YAML file."""

from __future__ import annotations

import click

from generator.cli import connect, load_ideas
from generator.cli import settings as settings_of
from generator.errors import IdeaboardError
from generator.loop import feedback as fb
from generator.pipeline import build_board


@click.command()
@click.argument("slugs", nargs=-1, metavar="[SLUG]...")
@click.option(
    "--apply",
    "do_apply",
    is_flag=True,
    help="Carry out the plan. Without it, only print the plan (a dry run).",
)
@click.pass_context
def feedback(ctx: click.Context, slugs: tuple[str, ...], do_apply: bool) -> None:
    """Make each idea's issue match its YAML file: label, comment, open or closed.

    For every idea with an issue (or only the SLUGs given): the label
    "status: <status>" (created if missing, the old one removed); one comment
    per status change, quoting its public note, with a hidden marker so that
    it is never posted twice; shipped closes the issue as completed, declined
    as not planned, duplicate as a duplicate; back to an open status reopens
    it. With notify_voters set, the idea's voters are mentioned when it enters
    one of those categories. Prints the plan, one line per action; --apply
    carries it out. A second run finds nothing to do.
    """
    settings = settings_of(ctx)
    ideas = load_ideas(settings)
    client = connect(settings)
    try:
        board = build_board(settings, ideas=ideas).board
        report = fb.run(
            board,
            settings,
            client,
            only=slugs or None,
            do_apply=do_apply,
            echo=click.echo,
        )
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(report.summary())
