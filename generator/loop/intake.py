"""Turn new idea issues into idea files, and point their authors at similar ideas.

For every open, idea-labelled issue that no file in ``ideas/`` names yet,
``plan`` makes a ``Proposal``: the text of ``ideas/<slug>.yaml`` (status
``settings.initial_status``, the issue number, the issue's creation date, the
title, and a summary and description read from the form by ``form.py``) and
the comment that lists up to three similar ideas already on the board.

Issue text is untrusted.  It reaches the file only through a YAML emitter, and
the text is loaded back and compared before it is written, so no title or body
can add a key, end a block early or smuggle in a tag.  The comment carries a
hidden marker (``<!-- ideaboard:similar -->``), and the comments are read
before posting, so running intake again never posts twice.  Titles in the
comment are escaped for GitHub's markdown (``sanitize.comment_link``).  Only a
marker in a comment by a bot or a maintainer counts (``markers.by_the_board``): anyone
can comment on the issue, and a marker planted by the proposer or a passer-by
must not silence the similar-ideas comment.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml as pyyaml

from generator import i18n
from generator.authoring import board_slugs, idea_files, new_idea_path, new_idea_text, unique_slug
from generator.config import Settings
from generator.errors import IdeaboardError
from generator.i18n import N_, _
from generator.loop import form
from generator.loop.comments import idea_url
from generator.loop.markers import marker, post_once
from generator.loop.similar import similar_ideas
from generator.model import Idea, Issue
from generator.model import statuses as st
from generator.sanitize import comment_link, truncate

#: The marker that says "intake has already commented on this issue".
MARKER = marker("similar")

#: The schema's limits (``idea.schema.json``), so that a long issue still makes a valid file.
TITLE_MAX = 200
SUMMARY_MAX = 300
DESCRIPTION_MAX = 20000

#: The note of the first history entry of an idea that came in through intake.
FIRST_NOTE = N_("Proposed on GitHub. Vote for it with a 👍 on the issue.")

# "[Idea]: Dark mode", "[Idea] - Dark mode", "Idea: dark mode", "[feature request] dark mode".
# The title has single spaces by then, so each " ?" is one optional space.
_PREFIX_RE = re.compile(
    r"\A(?:\[ ?(?:idea|feature(?: request)?|proposal) ?\]|(?:idea|proposal) ?:) ?(?:[:\-–—|] ?)?",
    re.IGNORECASE,
)
_ISSUE_KEY_RE = re.compile(r"^issue[ \t]{0,10}:[ \t]{0,10}['\"]?(\d{1,10})", re.MULTILINE)


@dataclass(frozen=True)
class Proposal:
    """One new idea file to write, and the comment to post on its issue."""

    number: int
    slug: str
    path: str  # relative to the board's root: "ideas/dark-mode.yaml"
    title: str
    text: str
    comment: str
    similar: tuple[str, ...]  # slugs, best first


def taken(settings: Settings) -> tuple[set[str], set[int]]:
    """The slugs in use and the issue numbers named by any file, valid or not.

    Read from the raw files rather than from the loaded ideas: a file that
    does not validate still names its issue, and must not get a twin.
    """
    slugs = board_slugs(settings)
    numbers: set[int] = set()
    for path in idea_files(settings) if settings.ideas_dir.is_dir() else ():
        try:
            text = path.read_text(encoding="utf-8", errors="replace")[: settings.max_file_size]
        except OSError:
            continue
        numbers.update(int(n) for n in _ISSUE_KEY_RE.findall(text))
    return slugs, numbers


def wanted(issue: Issue, settings: Settings, numbers: set[int]) -> bool:
    """Whether intake should take this issue in: open, idea-labelled, not on the board."""
    labels = {name.casefold() for name in issue.labels}
    return (
        issue.state == "open"
        and settings.label.casefold() in labels
        and issue.number not in numbers
        and "/pull/" not in issue.url
    )


def plan(
    issues: Iterable[Issue],
    ideas: Sequence[Idea],
    settings: Settings,
    *,
    slugs: set[str],
    numbers: set[int],
    skipped: list[tuple[int, str]] | None = None,
) -> list[Proposal]:
    """The proposals for the ``issues`` not on the board yet, oldest issue first.

    Their titles, first notes and comments are in the board language.

    An issue whose file cannot be made is left out, and added to ``skipped``
    with the reason: one issue never stops the others.
    """
    board = [i for i in ideas if not i.hidden and settings.statuses.get(i.status) != st.DUPLICATE]
    slugs = set(slugs)
    proposals = []
    for issue in sorted(issues, key=lambda i: i.number):
        if not wanted(issue, settings, numbers):
            continue
        try:
            proposal = _propose(issue, board, settings, slugs)
        except IdeaboardError as exc:
            if skipped is None:
                raise
            skipped.append((issue.number, str(exc)))
            continue
        slugs.add(proposal.slug)
        proposals.append(proposal)
    return proposals


def _propose(issue: Issue, board: list[Idea], settings: Settings, slugs: set[str]) -> Proposal:
    with i18n.using(settings.language):
        return _proposal(issue, board, settings, slugs)


def _proposal(issue: Issue, board: list[Idea], settings: Settings, slugs: set[str]) -> Proposal:
    fields = form.parse(issue.body)
    title = clean_title(issue.title, fields, issue.number)
    slug = unique_slug(title, slugs)
    found = similar_ideas(title, _form_text(fields), board)
    created = issue.created_at.astimezone(dt.UTC).date()
    path = new_idea_path(settings, slug, created)
    return Proposal(
        number=issue.number,
        slug=slug,
        path=_rel(settings, path),
        title=title,
        text=idea_text(issue, title, fields, settings),
        comment=comment(found, settings),
        similar=tuple(idea.slug for idea, _score in found),
    )


def clean_title(raw: str, fields: form.Form, number: int) -> str:
    """The idea's title: the issue's, without the form's ``[Idea]:`` prefix, on one line."""
    title = " ".join(form.clean(raw or "").split())
    title = _PREFIX_RE.sub("", title).strip()
    if not title:
        title = fields.summary("", TITLE_MAX)
    return truncate(title, TITLE_MAX) or _("Idea from issue #%(number)s") % {"number": number}


def idea_text(issue: Issue, title: str, fields: form.Form, settings: Settings) -> str:
    """The new idea file, written by a YAML emitter and checked by loading it back."""
    created = issue.created_at.astimezone(dt.UTC).date()
    summary = fields.summary(title, SUMMARY_MAX) or title
    description = _cap(fields.description(), issue.number)
    text = new_idea_text(
        title,
        summary,
        status=settings.initial_status,
        created=created,
        description=description,
        issue=issue.number,
        note=_(FIRST_NOTE),
    )
    expected = {"title": title, "summary": summary, "issue": issue.number, "created": created}
    if not _reads_back(text, expected, description):
        raise IdeaboardError(
            f"issue #{issue.number}: the idea file would not read back as written; "
            "add it by hand with 'ideaboard new'."
        )
    return text


def comment(found: Sequence[tuple[Idea, float]], settings: Settings) -> str:
    """The one comment intake posts (in the board language): thanks, what happens next,
    and similar ideas."""
    with i18n.using(settings.language):
        board = settings.site_url.rstrip("/") + "/" if settings.site_url else None
        where = _("the [idea board](%(url)s)") % {"url": board} if board else _("the idea board")
        lines = [
            MARKER,
            _(
                "Thanks for the idea! A maintainer will read it and add it to %(board)s. "
                "Anyone can vote for it with a 👍 reaction on this issue, and we will post "
                "here whenever its status changes."
            )
            % {"board": where},
        ]
        if found:
            lines += [
                "",
                _(
                    "These ideas already on the board look similar. If one of them is what you "
                    "mean, add your 👍 there and say so here, and we will merge the two:"
                ),
                "",
            ]
        for idea, _score in found:
            link = comment_link(idea.title, idea_url(settings, idea.slug))
            status = i18n.status_title(idea.status, settings.status_titles)
            extra = ", ".join(
                part for part in (f"#{idea.issue}" if idea.issue else "", status) if part
            )
            lines.append(f"- {link} ({extra})")
        return "\n".join(lines) + "\n"


def write(proposals: Iterable[Proposal], settings: Settings) -> list[Path]:
    """Write each proposal's file; an existing file is never overwritten."""
    written = []
    for proposal in proposals:
        path = settings.root / proposal.path
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(proposal.text)
        written.append(path)
    return written


def post(proposal: Proposal, client: Any) -> bool:
    """Post the proposal's comment unless the issue already has one; ``True`` if posted."""
    return post_once(client, proposal.number, proposal.comment, "similar")


def _form_text(fields: form.Form) -> str:
    return "\n".join(
        (
            fields.problem,
            fields.solution,
            fields.benefits,
            fields.preamble,
            *tuple(text for _heading, text in fields.other),
        )
    )


def _cap(description: str, number: int) -> str:
    description = "\n".join(line.rstrip() for line in description.split("\n")).strip()
    if len(description) <= DESCRIPTION_MAX:
        return description
    note = f"\n\n*(Cut short here: the full text is on issue #{number}.)*"
    cut = description[: DESCRIPTION_MAX - len(note)]
    paragraph = cut.rfind("\n\n")
    if paragraph > DESCRIPTION_MAX // 2:
        cut = cut[:paragraph]
    return cut.rstrip() + note


def _reads_back(text: str, expected: Mapping[str, Any], description: str) -> bool:
    try:
        loaded = pyyaml.safe_load(text)
    except pyyaml.YAMLError:
        return False
    if not isinstance(loaded, dict):
        return False
    got = (loaded.get("description") or "").rstrip("\n")
    return got == description and all(loaded.get(k) == v for k, v in expected.items())


def _rel(settings: Settings, path: Path) -> str:
    try:
        return path.relative_to(settings.root).as_posix()
    except ValueError:
        return path.as_posix()


__all__ = [
    "MARKER",
    "Proposal",
    "clean_title",
    "comment",
    "idea_text",
    "plan",
    "post",
    "taken",
    "wanted",
    "write",
]
