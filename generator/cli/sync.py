"""``ideaboard sync``: fetch votes, comments and proposals from GitHub into the snapshot."""

from __future__ import annotations

import click

from generator.cli import settings
from generator.errors import IdeaboardError
from generator.github import token_from_env
from generator.sync import for_terminal
from generator.sync import run as syncing


@click.command()
@click.option(
    "--full",
    is_flag=True,
    help="Fetch every issue and every vote again, instead of only what changed.",
)
@click.option(
    "--full-if-it-fits",
    "full_if_fits",
    is_flag=True,
    help="A full pass only if it fits one run's budget; otherwise sync as usual "
    "(publish.yml's weekly run).",
)
@click.pass_context
def sync(ctx: click.Context, full: bool, full_if_fits: bool) -> None:
    """Fetch votes, comments and proposals from GitHub into the snapshot.

    Reads the token from $GITHUB_TOKEN (or the variable named by token_env in
    mkdocs.yml); without one, it says so and does nothing. On failure the last
    good snapshot is kept and the exit status is 1.
    """
    config = settings(ctx)
    try:
        previous = syncing.load_previous(config, full=full)
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
    skip = syncing.skip_message(config, previous)
    if skip:
        click.echo(skip)
        return
    if full_if_fits and not full:
        why = syncing.full_fits(config, previous)
        full = why is None
        if why:
            click.echo(why)
    token = token_from_env(config) or ""
    progress = for_terminal()
    try:
        result = syncing.sync(
            config,
            token,
            syncing.issue_numbers(config),
            full=full,
            progress=progress,
            previous=previous,
        )
    except IdeaboardError as exc:
        raise click.ClickException(syncing.failure_message(exc, config, previous)) from None
    finally:
        progress.close()  # end the bar's line before the summary or the error
    click.echo(syncing.summary(result, config))
