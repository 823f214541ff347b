"""Tell an idea's voters when it enters a category they asked to hear about (opt-in).

A 👍 does not subscribe anyone to an issue, so the status comment reaches the
people who commented, not the people who voted.  With ``notify_voters:
[completed, declined]`` feedback mentions every human voter of the idea
(voters merged from its duplicates included, each once; bots never, nor the
issue's author, who follows it already) after the status comment, in batches
of ``MENTIONS_PER_COMMENT``.

Each batch's marker lists the logins it mentions, so a run that stops halfway
(killed, or out of its hour's budget) resumes with the voters not yet
mentioned, and nobody is mentioned twice for one change.  Only voters who voted
before the status comment was posted are mentioned: a later voter saw it.
A change is only told to voters if its status comment said so
(``mentions=voters`` in its marker): turning the option on does not mention
the voters of ideas that shipped long ago.
"""

from __future__ import annotations

import datetime as dt

from generator.config import Settings
from generator.loop.actions import Comment
from generator.loop.comments import mention, mention_comment
from generator.loop.markers import Marker, marker_key
from generator.model import Board, HistoryEntry, Idea

#: GitHub links and notifies only so many mentions in one comment.  It does not
#: document the number; reports put it at 50 (commercialhaskell/stackage#2250,
#: 2017: "after about 50 @-mentions no more notifications are sent"), and it was
#: 10 in 2013 (isaacs/github#23).  50 is what bots that batch mentions use.
MENTIONS_PER_COMMENT = 50


def wants_mentions(idea: Idea, entry: HistoryEntry, settings: Settings) -> bool:
    """Whether ``entry`` is the idea's current status and in a category voters hear about."""
    return (
        bool(settings.notify_voters)
        and bool(idea.history)
        and idea.history[-1] == entry
        and entry.status == idea.status
        and settings.category(entry.status) in settings.notify_voters
    )


def mentions(
    idea: Idea,
    number: int,
    markers: tuple[Marker, ...],
    board: Board,
    settings: Settings,
    *,
    announcing: bool,
) -> list[Comment]:
    """The mention comments still due for the idea's current status.

    ``announcing``: the status comment is in this plan (so every voter so far
    is due); otherwise only a status comment already posted with
    ``mentions=voters`` in its marker starts (or resumes) the mentions.
    """
    if not idea.history:
        return []
    entry = idea.history[-1]
    if not wants_mentions(idea, entry, settings):
        return []
    date = entry.date.isoformat()
    key = marker_key("status", {"status": entry.status, "date": date})
    told = [m for m in markers if m.key == key and m.get("mentions") == "voters"]
    if not announcing and not told:
        return []
    cutoff = None if announcing else told[0].at
    due = _due(idea, board, cutoff, _mentioned(markers, entry.status, date))
    comments = []
    for start in range(0, len(due), MENTIONS_PER_COMMENT):
        batch = due[start : start + MENTIONS_PER_COMMENT]
        values = {"status": entry.status, "date": date, "to": ",".join(batch)}
        comments.append(
            Comment(
                number,
                idea.slug,
                body=mention_comment(idea, entry, batch, settings),
                key=marker_key("mention", values),
                what=f"mentioning {len(batch)} voter(s) of status {entry.status} ({date})",
                mentions=len(batch),
            )
        )
    return comments


def _mentioned(markers: tuple[Marker, ...], status: str, date: str) -> set[str]:
    """The logins the board's mention comments for this change already name."""
    done: set[str] = set()
    for m in markers:
        if m.kind == "mention" and m.get("status") == status and m.get("date") == date:
            done.update(filter(None, (m.get("to") or "").split(",")))
    return {login.casefold() for login in done}


def _due(idea: Idea, board: Board, cutoff: dt.datetime | None, mentioned: set[str]) -> list[str]:
    """The voters not yet mentioned, in the order they voted: real logins only, each once."""
    try:
        entry = board.entry(idea.slug)
    except KeyError:
        return []
    voters = entry.voters  # humans only, duplicates merged, distinct
    due, seen = [], set(mentioned)
    if entry.proposer and entry.proposer.login:
        seen.add(entry.proposer.login.casefold())  # the author follows the issue already
    for voter in voters:
        if cutoff is not None and voter.at >= cutoff:
            continue
        if mention(voter.login) is None or voter.login.casefold() in seen:
            continue
        seen.add(voter.login.casefold())
        due.append(voter.login)
    return due
