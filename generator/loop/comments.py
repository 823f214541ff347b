"""The words of the comments the board posts: status news, milestones, voter mentions.

GitHub renders comments with cmark-gfm, then links ``@login`` mentions and
``#123`` references found in the text, and notifies those people.  Every text
here that comes from a file or from GitHub (titles, notes, logins) is made
inert by the one boundary for untrusted text before it goes into a comment
(``sanitize.comment_text`` for one line, ``sanitize.comment_note`` for a note),
so that the only intentional ``@`` is a mention the board means, and no title
or note can mention, reference, or add markup of its own.

Each comment is written in the board language (``settings.language``): the
entry points here run inside ``i18n.using``.  GitHub's own keyword line,
``Duplicate of #N``, is never translated: GitHub reads it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator import i18n
from generator.config import Settings
from generator.i18n import _
from generator.loop.markers import marker
from generator.model import HistoryEntry, Idea, page_path
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
    return f"{settings.site_url.rstrip('/')}/{page_path(slug)}"


def md_link(title: str, url: str | None) -> str:
    """A Markdown link to ``url`` (bold text without one) that no title can break out of."""
    return comment_link(title, url)


def page_line(idea: Idea, settings: Settings) -> list[str]:
    """ "Follow it on the idea board: <link>", when the board has a ``site_url``."""
    url = idea_url(settings, idea.slug)
    if not url:
        return []
    return [_("Follow it on the idea board: %(link)s") % {"link": md_link(idea.title, url)}]


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
    with i18n.using(settings.language):
        headline, duplicate_line = _headline(idea, entry, settings, by_slug)
        follow = page_line(idea, settings)
    values = {"slug": idea.slug, "status": entry.status, "date": entry.date.isoformat()}
    parts = [marker("status", **values, **({"mentions": "voters"} if mentions else {}))]
    parts.append(headline)
    if entry.note.strip():
        note = comment_note(entry.note.strip())
        parts.append("\n".join(f"> {line}".rstrip() for line in note.split("\n")))
    parts.extend(follow)
    if duplicate_line:
        parts.append(duplicate_line)
    return parts[0] + "\n" + "\n\n".join(parts[1:]) + "\n"


def milestone_comment(idea: Idea, votes: int, settings: Settings) -> str:
    """The comment that celebrates ``votes`` votes, its marker first."""
    with i18n.using(settings.language):
        cheer = i18n.ngettext(
            "🎉 This idea has reached **%(num)s vote** on the idea board. "
            "Thank you to everyone who voted!",
            "🎉 This idea has reached **%(num)s votes** on the idea board. "
            "Thank you to everyone who voted!",
            votes,
        ) % {"num": votes}
        follow = page_line(idea, settings)
    return "\n".join((marker("milestone", slug=idea.slug, votes=votes), cheer, *follow))


def mention_comment(
    idea: Idea, entry: HistoryEntry, logins: Sequence[str], settings: Settings
) -> str:
    """One batch of voters told of a change: the marker lists them, then the mentions."""
    with i18n.using(settings.language):
        news = _(
            "You voted for this idea, which is now **%(status)s** (see the comment above). "
            "We mention each voter once per change."
        ) % {"status": status_in_text(entry.status, settings)}
    return (
        marker(
            "mention",
            slug=idea.slug,
            status=entry.status,
            date=entry.date.isoformat(),
            to=",".join(logins),
        )
        + f"\n{news}\n\n"
        + " ".join(f"@{login}" for login in logins)
        + "\n"
    )


def _headline(
    idea: Idea, entry: HistoryEntry, settings: Settings, by_slug: Mapping[str, Idea]
) -> tuple[str, str | None]:
    """The news in one sentence, and the "Duplicate of #N" line GitHub understands."""
    category = settings.category(entry.status)
    name = {"status": status_in_text(entry.status, settings)}
    if category == st.COMPLETED:
        release = idea.shipped_in.release if idea.shipped_in else None
        if release:
            headline = _("This idea has **%(status)s** in %(release)s.") % {
                **name,
                "release": comment_text(release),
            }
        else:
            headline = _("This idea has **%(status)s**.") % name
        notes = url(idea.shipped_in.url) if idea.shipped_in and idea.shipped_in.url else None
        if notes and not any(ch in notes for ch in "<> "):
            # A link in angle brackets, so nothing in it is a mention.
            headline += " " + _("Release notes: <%(url)s>") % {"url": notes}
        return headline, None
    if category == st.DECLINED:
        return _("We have decided not to do this idea: it is now **%(status)s**.") % name, None
    if category == st.DUPLICATE:
        target = canonical(idea, by_slug)
        if target is None:
            return _("This idea is a **%(status)s** of another idea on the board.") % name, None
        where = md_link(target.title, idea_url(settings, target.slug))
        issue = f" (#{target.issue})" if target.issue else ""
        headline = _(
            "This idea is a **%(status)s** of %(idea)s%(issue)s. Your 👍 counts there too; "
            "follow that idea for updates."
        ) % {**name, "idea": where, "issue": issue}
        # GitHub's own keyword (it marks the issue a duplicate): never translated.
        return headline, f"Duplicate of #{target.issue}" if target.issue else None
    if settings.statuses.get(_previous(idea, entry) or "") in (
        st.COMPLETED,
        st.DECLINED,
        st.DUPLICATE,
    ):
        return _("This idea is open again: it is now **%(status)s**.") % name, None
    return _("This idea is now **%(status)s**.") % name, None


def status_in_text(status: str, settings: Settings) -> str:
    """A status as it reads inside a comment's sentence (untrusted config text made inert)."""
    return comment_text(i18n.status_in_sentence(status, settings.status_titles))


def _previous(idea: Idea, entry: HistoryEntry) -> str | None:
    history = list(idea.history)
    if entry in history:
        index = history.index(entry)
        return history[index - 1].status if index > 0 else None
    return None
