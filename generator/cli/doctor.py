"""``ideaboard doctor``: report drift between the idea files and their GitHub issues."""

from __future__ import annotations

import click

from generator.cli import can_connect, connect, load_ideas
from generator.cli import settings as settings_of
from generator.errors import IdeaboardError
from generator.loop import doctor as dr
from generator.loop import setup


@click.command()
@click.option(
    "--live",
    is_flag=True,
    help="Read the issues from GitHub now (needs a token), instead of the last snapshot.",
)
@click.option(
    "--setup",
    "check_setup",
    is_flag=True,
    help="Check the GitHub side instead: the label, Pages, Actions' pull requests, the issue "
    "form and the token.",
)
@click.option("--fix", is_flag=True, help="With --setup: create the idea label if it is missing.")
@click.pass_context
def doctor(ctx: click.Context, live: bool, check_setup: bool, fix: bool) -> None:
    """Report drift between ideas/*.yaml and their GitHub issues; exit 1 if any.

    One line per drift, with the file (or the issue) and a fix: a status that
    does not match the issue's state or status label, an issue that was
    deleted or transferred, an idea-labelled issue with no file for more than
    stale_days days. It reads the last snapshot (as of its sync time), or
    GitHub now with --live (the default when there is no snapshot yet and a
    token is set).

    With --setup it checks the board's GitHub side instead, one line per
    check with its fix, and --fix creates the idea label. Without a token it
    checks the local files and says what it could not check.
    """
    settings = settings_of(ctx)
    if fix and not check_setup:
        raise click.UsageError("--fix goes with --setup: expected 'doctor --setup --fix'.")
    ideas = () if check_setup else load_ideas(settings)
    try:
        client = connect(settings) if can_connect(settings) else None
        if check_setup:
            _report_setup(ctx, setup.check(settings, client.repo() if client else None, fix=fix))
            return
        drifts = dr.examine(ideas, settings, client, live=live)
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
    for drift in drifts:
        click.echo(drift.line())
    if drifts:
        click.echo(f"{len(drifts)} drift(s) found.", err=True)
        ctx.exit(1)
    with_issue = sum(1 for idea in ideas if idea.issue is not None)
    click.echo(f"No drift: {with_issue} idea(s) match their issues.")


def _report_setup(ctx: click.Context, checks: list[setup.Check]) -> None:
    for item in checks:
        click.echo(item.line())
    problems = sum(1 for item in checks if item.status == setup.PROBLEM)
    unchecked = sum(1 for item in checks if item.status == setup.UNCHECKED)
    click.echo(f"{problems} problem(s), {unchecked} not checked, of {len(checks)} checks.")
    ctx.exit(1 if problems else 0)
