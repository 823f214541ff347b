"""``ideaboard doctor``: report drift between the idea files and their GitHub issues."""

from __future__ import annotations

import click

from generator.cli import can_connect, connect, load_ideas, settings
from generator.errors import IdeaboardError
from generator.loop import doctor as dr
from generator.sync import store as snapshot


@click.command()
@click.option(
    "--live",
    is_flag=True,
    help="Read the issues from GitHub now (needs a token), instead of the last snapshot.",
)
@click.pass_context
def doctor(ctx: click.Context, live: bool) -> None:
    """Report drift between ideas/*.yaml and their GitHub issues; exit 1 if any.

    One line per drift, with the file (or the issue) and a fix: a status that
    does not match the issue's state or status label, an issue that was
    deleted or transferred, an idea-labelled issue with no file for more than
    stale_days days. It reads the last snapshot (as of its sync time), so run
    'ideaboard sync' first, or pass --live to read GitHub now (the default
    when there is no snapshot yet and a token is set).
    """
    config = settings(ctx)
    ideas = load_ideas(config)
    try:
        snap = snapshot.load_or_empty(config.snapshot, config.repo)
        if snap.synced_at is None and not live:
            if not can_connect(config):
                raise click.ClickException(
                    f"{config.snapshot.name}: no snapshot yet: expected one written by "
                    "'ideaboard sync'. Run it first, or pass --live."
                )
            live = True  # nothing to read offline, but GitHub can be read now
        if live:
            numbers = {idea.issue for idea in ideas if idea.issue is not None}
            snap = connect(config).fetch(snap, numbers)
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
    drifts = dr.check(ideas, snap, config)
    for drift in drifts:
        click.echo(drift.line())
    with_issue = sum(1 for idea in ideas if idea.issue is not None)
    if drifts:
        click.echo(f"{len(drifts)} drift(s) found.", err=True)
        ctx.exit(1)
    click.echo(f"No drift: {with_issue} idea(s) match their issues.")
