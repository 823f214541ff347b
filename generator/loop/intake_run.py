"""One intake run: read the issues, plan the files, post the comments, write the files.

``ideaboard intake`` parses its options into ``IntakeOptions`` and calls
``run_intake``; everything it prints comes through ``echo``.

Reviewed work is never rewritten.  The intake workflow writes a pull request's
branch once, recording the issue text it was made from (``source_of``) in the
commit.  When the branch already exists, the workflow passes that record back
(``reviewed``): intake then writes nothing, and if the issue's title or body
changed since, says so once in a comment on the pull request.  Only a
maintainer's explicit run (the workflow's ``rewrite`` input) writes the branch
again.

No single issue stops a run: an issue whose file cannot be made is reported
and skipped, and the others go on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.errors import IdeaboardError
from generator.load import load_board
from generator.loop.intake import Proposal, plan, post, taken, write
from generator.loop.markers import by_the_board, marker
from generator.model import Issue
from generator.sync import load_or_empty

#: The marker of the comment that says an issue changed after its pull request.
CHANGED = "intake-changed"

Echo = Callable[[str], None]


@dataclass(frozen=True)
class IntakeOptions:
    """What ``ideaboard intake`` was asked to do."""

    numbers: tuple[int, ...] = ()
    offline: bool = False
    dry_run: bool = False
    comment: bool = True
    #: The source record of the existing pull request's branch: write nothing then.
    reviewed: str | None = None
    pull_request: int | None = None
    #: Where to write the source record of the files written (for the commit message).
    source_file: Path | None = None


def source_of(issue: Issue) -> str:
    """A short record of the text an idea file is made from: the issue's title and body."""
    text = f"{issue.title}\0{issue.body or ''}".replace("\r\n", "\n")
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def run_intake(
    settings: Settings,
    options: IntakeOptions,
    connect: Callable[[], Any] | None,
    echo: Echo,
) -> list[Proposal]:
    """Take in the new idea issues; ``connect`` is ``None`` when GitHub cannot be reached.

    Returns the proposals planned (written, unless it is a dry run).
    """
    if options.offline and options.numbers:
        raise IdeaboardError("--issue reads GitHub: expected no --offline with it.")
    live = not options.offline and connect is not None
    if options.numbers and not live:
        raise IdeaboardError(
            f"--issue reads GitHub: expected a token in {settings.token_env}, or run without "
            "--issue to read the last snapshot."
        )
    client = connect() if live and connect is not None else None
    issues = _issues(settings, options, client, echo)
    if options.reviewed is not None:
        _reviewed(issues, options, client, echo)
        return []
    ideas, _problems = load_board(settings)  # a broken file elsewhere must not stop intake
    slugs, named = taken(settings)
    skipped: list[tuple[int, str]] = []
    proposals = plan(issues, ideas, settings, slugs=slugs, numbers=named, skipped=skipped)
    for number, reason in skipped:
        echo(f"#{number}: skipped: {reason}")
    posting = options.comment and client is not None
    if options.comment and client is None and proposals and not options.dry_run:
        why = "--offline" if options.offline else f"offline, set {settings.token_env} to post them"
        echo(f"No comments posted ({why}).")
    posted, failed = 0, []
    for proposal in proposals:
        try:
            posted += _take(proposal, options, client if posting else None, settings, echo)
        except (IdeaboardError, OSError) as exc:  # one issue never stops the others
            failed.append(f"#{proposal.number}: {exc}")
            echo(f"#{proposal.number}: failed: {exc}")
    if options.source_file is not None and proposals and not options.dry_run:
        by_number = {issue.number: issue for issue in issues}
        records = "".join(f"{source_of(by_number[p.number])}\n" for p in proposals)
        options.source_file.write_text(records, encoding="utf-8")
    echo(_summary(len(proposals), len(proposals) - len(failed), posted, options.dry_run))
    if failed:
        raise IdeaboardError(
            f"{len(failed)} of {len(proposals)} new idea(s) failed; run intake again to retry "
            "them:\n" + "\n".join(failed)
        )
    return proposals


def _issues(settings: Settings, options: IntakeOptions, client: Any, echo: Echo) -> list[Issue]:
    snap = load_or_empty(settings.snapshot, settings.repo)
    if client is not None:
        snap = client.fetch(snap, set(options.numbers))
    if not options.numbers:
        return list(snap.issues.values())
    for number in options.numbers:
        if number not in snap.issues:
            echo(f"#{number}: skipped: not found on GitHub")
    return [snap.issues[n] for n in options.numbers if n in snap.issues]


def _take(
    proposal: Proposal, options: IntakeOptions, client: Any, settings: Settings, echo: Echo
) -> bool:
    """Comment (when a client is given), then write one proposal; whether a comment went out."""
    similar = ", ".join(proposal.similar) or "none"
    if options.dry_run:
        echo(f"would write {proposal.path} (from #{proposal.number})")
        if options.comment:
            echo(f"#{proposal.number}: would comment: similar ideas: {similar}")
        return False
    posted = False
    # Comment first, then write: if the comment fails, the next run still sees
    # no file and tries both again; the marker stops a second comment.
    if client is not None:
        posted = post(proposal, client)
        if posted:
            echo(f"#{proposal.number}: commented: similar ideas: {similar}")
        else:
            echo(f"#{proposal.number}: comment already there")
    write([proposal], settings)
    echo(f"wrote {proposal.path} (from #{proposal.number})")
    return posted


def _reviewed(issues: list[Issue], options: IntakeOptions, client: Any, echo: Echo) -> None:
    """The pull request's branch exists: compare, tell the pull request, write nothing."""
    for issue in issues:
        if source_of(issue) == options.reviewed:
            echo(f"#{issue.number}: its pull request already holds this text: branch left alone")
            continue
        where = f"#{options.pull_request}" if options.pull_request else "its pull request"
        telling = client is not None and options.pull_request and not options.dry_run
        if telling and _tell(client, options.pull_request, issue):
            echo(f"#{issue.number}: the issue changed since review: said so on {where}")
        echo(f"#{issue.number}: the issue changed since {where} was opened: branch left alone")


def _tell(client: Any, pull_request: int, issue: Issue) -> bool:
    """Comment on the pull request once per edit of the issue; whether a comment went out."""
    body = changed_comment(issue)
    head = body.split("\n", 1)[0]
    said = any(
        (c.body or "").lstrip().startswith(head)
        for c in client.comments(pull_request)
        if by_the_board(c)
    )
    if not said:
        client.comment(pull_request, body)
    return not said


def changed_comment(issue: Issue) -> str:
    """The comment on a pull request whose issue was edited after intake wrote it.

    Its marker names the issue text it is about, so a second edit is told too.
    """
    number = issue.number
    return (
        f"{marker(CHANGED, source=source_of(issue))}\n"
        f"The title or text of issue #{number} changed after this pull request was opened. "
        "Intake never rewrites a branch that may have been reviewed, so this pull request "
        "still holds the earlier text. To take the new text, edit the file here, or run the "
        f'"Intake new ideas" workflow by hand for issue {number} with "rewrite" set.\n'
    )


def _summary(planned: int, written: int, posted: int, dry_run: bool) -> str:
    if not planned:
        return "Nothing to do: every idea issue has a file."
    if dry_run:
        return f"Dry run: {planned} new idea(s); nothing was written or posted."
    return f"{written} new idea(s) written, {posted} comment(s) posted."
