"""The words of the comments the board posts: status news, milestones, voter mentions.

GitHub renders comments with cmark-gfm, then links ``@login`` mentions and
``#123`` references found in the text, and notifies those people.  Every text
here that comes from a file or from GitHub (titles, notes, logins) is made
inert by the one boundary for untrusted text before it goes into a comment
(``sanitize.comment_text`` for one line, ``sanitize.comment_note`` for a note),
so that the only intentional ``@`` is a mention the board means, and no title
or note can mention, reference, or add markup of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.config import Settings
from generator.loop.markers import marker
from generator.model import HistoryEntry, Idea
from generator.model import statuses as st
from generator.sanitize import comment_link, comment_note, comment_text, url

#: GitHub logins: letters, digits and hyphens, not starting with a hyphen, at most 39.
LOGIN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}\Z")


def mention(login: str) -> str | None:
    """``@login`` for a real GitHub login; ``None`` for anything else (a bot, junk)."""
    return f"@{login}" if LOGIN_RE.match(login) else None


def idea_url(settings: Settings, slug: str) -> str | None:
    """The idea's page on the published board, or ``None`` without a ``site_url``."""
    if not settings.site_url:
        return None
    return f"{settings.site_url.rstrip('/')}/ideas/{slug}/"


def md_link(title: str, url: str | None) -> str:
    """A Markdown link to ``url`` (bold text without one) that no title can break out of."""
    return comment_link(title, url)


def page_line(idea: Idea, settings: Settings) -> list[str]:
    """ "Follow it on the idea board: <link>", when the board has a ``site_url``."""
    url = idea_url(settings, idea.slug)
    return [f"Follow it on the idea board: {md_link(idea.title, url)}"] if url else []


def canonical(idea: Idea, by_slug: Mapping[str, Idea]) -> Idea | None:
    """The idea at the end of ``duplicate_of`` links (``None`` if it is missing or loops)."""
    seen = {idea.slug}
    current = idea
    while current.duplicate_of:
        target = by_slug.get(current.duplicate_of)
        if target is None or target.slug in seen:
            return None
        seen.add(target.slug)
        current = target
    return current if current is not idea else None


def status_comment(
    idea: Idea,
    entry: HistoryEntry,
    settings: Settings,
    by_slug: Mapping[str, Idea],
    *,
    mentions: bool = False,
) -> str:
    """The comment that announces one history entry, its marker first.

    ``mentions``: the voters will be mentioned after it; its marker says so
    (``mentions=voters``), so that a run that stops before them still does it.
    """
    headline, duplicate_line = _headline(idea, entry, settings, by_slug)
    values = {"slug": idea.slug, "status": entry.status, "date": entry.date.isoformat()}
    parts = [marker("status", **values, **({"mentions": "voters"} if mentions else {}))]
    parts.append(headline)
    if entry.note.strip():
        note = comment_note(entry.note.strip())
        parts.append("\n".join(f"> {line}".rstrip() for line in note.split("\n")))
    parts.extend(page_line(idea, settings))
    if duplicate_line:
        parts.append(duplicate_line)
    return parts[0] + "\n" + "\n\n".join(parts[1:]) + "\n"


def milestone_comment(idea: Idea, votes: int, settings: Settings) -> str:
    """The comment that celebrates ``votes`` votes, its marker first."""
    return "\n".join(
        (
            marker("milestone", slug=idea.slug, votes=votes),
            f"🎉 This idea has reached **{votes} votes** on the idea board. "
            "Thank you to everyone who voted!",
            *page_line(idea, settings),
        )
    )


def mention_comment(idea: Idea, entry: HistoryEntry, logins: Sequence[str]) -> str:
    """One batch of voters told of a change: the marker lists them, then the mentions."""
    status = entry.status.replace("-", " ")
    return (
        marker(
            "mention",
            slug=idea.slug,
            status=entry.status,
            date=entry.date.isoformat(),
            to=",".join(logins),
        )
        + f"\nYou voted for this idea, which is now **{status}** (see the comment above). "
        + "We mention each voter once per change.\n\n"
        + " ".join(f"@{login}" for login in logins)
        + "\n"
    )


def _headline(
    idea: Idea, entry: HistoryEntry, settings: Settings, by_slug: Mapping[str, Idea]
) -> tuple[str, str | None]:
    """The news in one sentence, and the "Duplicate of #N" line GitHub understands."""
    category = settings.category(entry.status)
    name = entry.status.replace("-", " ")
    if category == st.COMPLETED:
        release = idea.shipped_in.release if idea.shipped_in else None
        headline = (
            f"This idea has **{name}**" + (f" in {comment_text(release)}" if release else "") + "."
        )
        notes = url(idea.shipped_in.url) if idea.shipped_in and idea.shipped_in.url else None
        if notes and not any(ch in notes for ch in "<> "):
            headline += f" Release notes: <{notes}>"  # a link, so nothing in it is a mention
        return headline, None
    if category == st.DECLINED:
        return f"We have decided not to do this idea: it is now **{name}**.", None
    if category == st.DUPLICATE:
        target = canonical(idea, by_slug)
        if target is None:
            return f"This idea is a **{name}** of another idea on the board.", None
        where = md_link(target.title, idea_url(settings, target.slug))
        issue = f" (#{target.issue})" if target.issue else ""
        headline = (
            f"This idea is a **{name}** of {where}{issue}. Your 👍 counts there too; "
            "follow that idea for updates."
        )
        return headline, f"Duplicate of #{target.issue}" if target.issue else None
    if settings.statuses.get(_previous(idea, entry) or "") in (
        st.COMPLETED,
        st.DECLINED,
        st.DUPLICATE,
    ):
        return f"This idea is open again: it is now **{name}**.", None
    return f"This idea is now **{name}**.", None


def _previous(idea: Idea, entry: HistoryEntry) -> str | None:
    history = list(idea.history)
    if entry in history:
        index = history.index(entry)
        return history[index - 1].status if index > 0 else None
    return None
