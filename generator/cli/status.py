"""``ideaboard status``: change an idea's status, keeping the file as the maintainer wrote it."""

from __future__ import annotations

import datetime as dt

import click

from generator.authoring import Change, change_status
from generator.cli import settings
from generator.errors import IdeaboardError


@click.command()
@click.argument("slug")
@click.argument("status")
@click.option(
    "-m",
    "--note",
    required=True,
    help="The public note customers read on the board and on the issue: why it changed.",
)
@click.option(
    "--date",
    "date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date of the change, YYYY-MM-DD (default: today, UTC). For backfills and tests.",
)
@click.option(
    "--duplicate-of",
    metavar="SLUG",
    default=None,
    help="For a duplicate status: the idea this one duplicates (sets duplicate_of).",
)
@click.option(
    "--release",
    default=None,
    help="For a shipped status: the release it shipped in (sets shipped_in.release).",
)
@click.option(
    "--release-url",
    default=None,
    help="For a shipped status: the release notes' URL (sets shipped_in.url).",
)
@click.pass_context
def status(
    ctx: click.Context,
    slug: str,
    status: str,
    note: str,
    date: dt.datetime | None,
    duplicate_of: str | None,
    release: str | None,
    release_url: str | None,
) -> None:
    """Set the STATUS of the idea SLUG and add a history entry with a public note.

    The file keeps its comments, key order and formatting; only status,
    history (one new entry), duplicate_of and shipped_in change. The result is
    validated before the file is written. Open a pull request with the change;
    after it is merged, 'ideaboard feedback --apply' tells the issue.
    """
    config = settings(ctx)
    change = Change(
        status=status,
        note=note,
        date=date.date() if date else dt.datetime.now(dt.UTC).date(),
        duplicate_of=duplicate_of,
        release=release,
        release_url=release_url,
    )
    try:
        path = change_status(config, slug, change)
    except IdeaboardError as exc:
        raise click.ClickException(str(exc)) from None
    rel = path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else path
    click.echo(f"{rel}: status {status}, history entry dated {change.date.isoformat()}")
