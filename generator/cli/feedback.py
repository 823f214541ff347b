"""``ideaboard feedback``: make each idea's GitHub issue match its YAML file."""

from __future__ import annotations

import click

from generator.cli import connect, load_ideas, settings
from generator.config import Settings
from generator.errors import IdeaboardError
from generator.loop import feedback as fb
from generator.model import Idea
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
    it. Prints the plan, one line per action; --apply carries it out. A second
    run finds nothing to do.
    """
    config = settings(ctx)
    ideas = load_ideas(config)
    chosen = ideas
    if slugs:
        known = {idea.slug for idea in ideas}
        unknown = [s for s in slugs if s not in known]
        if unknown:
            raise click.ClickException(
                f"expected the slugs of ideas on the board but received: {unknown!r}"
            )
        chosen = tuple(idea for idea in ideas if idea.slug in slugs)
    client = connect(config)
    try:
        remote = fb.read_remote(client, chosen)
        repo_labels = client.labels()
        board = _board(config, ideas) if config.milestone_comments else None
        actions = fb.plan(
            ideas,
            remote,
            config,
            repo_labels=repo_labels,
            board=board,
            only={idea.slug for idea in chosen} if slugs else None,
        )
        writes = [a for a in actions if a.writes]
        if not do_apply:
            for action in actions:
                click.echo(action.line())
            click.echo(_summary(writes, dry_run=True))
            return
        for action in actions:
            if not action.writes:
                click.echo(action.line())
        outcome = fb.apply(actions, client, echo=click.echo)
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(_summary([a for a in writes if a.line() in outcome.done], dry_run=False))


def _board(config: Settings, ideas: tuple[Idea, ...]):
    return build_board(config, ideas=ideas).board


def _summary(writes: list[fb.Action], *, dry_run: bool) -> str:
    if not writes:
        return "Nothing to do: every issue matches its idea."
    issues = len({a.number for a in writes if a.number is not None})
    what = f"{len(writes)} action(s) on {issues} issue(s)"
    if dry_run:
        return f"Dry run: {what}; nothing was changed. Run with --apply to carry them out."
    return f"Done: {what}."
