"""``ideaboard intake``: turn new idea issues into idea files."""

from __future__ import annotations

import click

from generator.cli import can_connect, connect, settings
from generator.errors import IdeaboardError
from generator.load import load_board
from generator.loop import intake as ik
from generator.sync import store as snapshot


@click.command()
@click.option(
    "--issue",
    "numbers",
    type=click.IntRange(min=1),
    multiple=True,
    metavar="NUMBER",
    help="Take in only this issue (repeatable). Default: every idea issue that no file names.",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Read the issues from the last snapshot instead of from GitHub (the default "
    "when no token is set).",
)
@click.option(
    "--dry-run", is_flag=True, help="Print what would be written and posted; change nothing."
)
@click.option(
    "--no-comment",
    is_flag=True,
    help="Write the files but post no comment (no GitHub token needed with the snapshot).",
)
@click.pass_context
def intake(
    ctx: click.Context, numbers: tuple[int, ...], offline: bool, dry_run: bool, no_comment: bool
) -> None:
    """Write ideas/<slug>.yaml for each new idea issue, and comment with similar ideas.

    For every open issue with the idea label that no file names yet: a file
    with the initial status, the issue number, its creation date, the title,
    and a summary and description read from the issue form. Then one comment
    on the issue that lists up to 3 similar ideas already on the board (it
    carries a hidden marker, so it is never posted twice). Running it again
    changes nothing. Issues are read from GitHub when a token is set, else
    (or with --offline) from the last snapshot.
    """
    config = settings(ctx)
    ideas, _problems = load_board(config)  # a broken file elsewhere must not stop intake
    slugs, named = ik.taken(config)
    live = not offline and can_connect(config)
    if offline and numbers:
        raise click.ClickException("--issue reads GitHub: expected no --offline with it.")
    try:
        client = connect(config) if live or numbers or not (dry_run or no_comment) else None
        snap = snapshot.load_or_empty(config.snapshot, config.repo)
        if client is not None and not offline:
            snap = client.fetch(snap, set(numbers))
        issues = (
            [snap.issues[n] for n in numbers if n in snap.issues]
            if numbers
            else list(snap.issues.values())
        )
        for number in numbers:
            if number not in snap.issues:
                click.echo(f"#{number}: skipped: not found on GitHub", err=True)
        proposals = ik.plan(issues, ideas, config, slugs=slugs, numbers=named)
        posted = 0
        for proposal in proposals:
            similar = ", ".join(proposal.similar) or "none"
            if dry_run:
                click.echo(f"would write {proposal.path} (from #{proposal.number})")
                if not no_comment:
                    click.echo(f"#{proposal.number}: would comment: similar ideas: {similar}")
                continue
            # Comment first, then write: if the comment fails, the next run still
            # sees no file and tries both again; the marker stops a second comment.
            if not no_comment:
                if ik.post(proposal, client):
                    posted += 1
                    click.echo(f"#{proposal.number}: commented: similar ideas: {similar}")
                else:
                    click.echo(f"#{proposal.number}: comment already there")
            ik.write([proposal], config)
            click.echo(f"wrote {proposal.path} (from #{proposal.number})")
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
    if not proposals:
        click.echo("Nothing to do: every idea issue has a file.")
    elif dry_run:
        click.echo(f"Dry run: {len(proposals)} new idea(s); nothing was written or posted.")
    else:
        click.echo(f"{len(proposals)} new idea(s) written, {posted} comment(s) posted.")
