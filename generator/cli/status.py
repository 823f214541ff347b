"""``ideaboard status``: change an idea's status, keeping the file as the maintainer wrote it."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import click

from generator.authoring import Change, change_status
from generator.cli import settings
from generator.errors import IdeaboardError

_DAY_RE = re.compile(r"\A([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


class _Day(click.ParamType):
    """A calendar day as YYYY-MM-DD; a day that does not exist is told apart from a bad format."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: object, ctx: object) -> dt.date:
        if isinstance(value, dt.date):
            return value
        match = _DAY_RE.fullmatch(str(value))
        if not match:
            self.fail(f"expected a date as YYYY-MM-DD, such as 2026-03-01, but received: {value!r}")
        year, month, day = map(int, match.groups())
        if not 1 <= month <= 12:
            self.fail(f"{value}: there is no month {month}; months go from 01 to 12")
        try:
            return dt.date(year, month, day)
        except ValueError:
            days = calendar.monthrange(year, month)[1]
            self.fail(
                f"{value}: that day does not exist ({calendar.month_name[month]} {year} has "
                f"{days} days)"
            )


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
    type=_Day(),
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
    date: dt.date | None,
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
        date=date or dt.datetime.now(dt.UTC).date(),
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
