"""Make each idea's GitHub issue tell the truth the YAML file tells.

``plan`` is a pure function: the ideas, what their issues look like now
(``RemoteState``, read by ``read_remote``), and the settings, in; a list of
``Action`` out, in a stable order, one line each (``Action.line``).  ``apply``
carries the actions out through the GitHub client.  Nothing here talks to
GitHub except ``read_remote`` and ``apply``.

Every comment carries a hidden marker, as VS Code's triage bot does::

    <!-- ideaboard:status slug=dark-mode status=planned date=2026-11-23 -->

so ``plan`` can tell which status changes the issue has already been told
about, and a second run plans nothing at all.  Which history entries get a
comment:

* every entry after the last one that has a marker on the issue;
* when the issue has no marker yet but has a status label (feedback labelled
  it before, with nothing to say then, or a maintainer did by hand), every
  entry after the last one with that label's status;
* when the issue has neither (feedback was just turned on for an existing
  board), only the latest entry.  Announcing an idea's whole past would bury
  the issue under stale news and notify every subscriber once per old entry;
  the latest entry is the news.
* never the first entry when it is the initial status (``proposed``): intake
  already welcomed the proposal with its own comment.

Anyone can comment on a public issue, so a marker counts only in a comment the
board itself could have written (``by_the_board``): one by a bot (the
workflow's ``GITHUB_TOKEN`` posts as ``github-actions[bot]``) or by an
``OWNER``, ``MEMBER`` or ``COLLABORATOR`` of the repository (a maintainer's
own token).  And only at the very start of the comment, where the board puts
it, so that text quoted further down (a title, a note) cannot carry one in.
A marker planted by anyone else is ignored, and the news is posted anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from generator.config import Settings
from generator.model import Board, HistoryEntry, Idea
from generator.model import statuses as st
from generator.sanitize import comment_link

#: The colour of each category's status labels (GitHub's palette, no ``#``).
LABEL_COLORS = {
    st.OPEN: "c5def5",
    st.ACTIVE: "fbca04",
    st.COMPLETED: "0e8a16",
    st.DECLINED: "e99695",
    st.DUPLICATE: "cfd3d7",
}

_MARKER_RE = re.compile(r"<!--\s*ideaboard:([a-z-]+)((?:\s+[a-z_]+=[^\s>]*)*)\s*-->")

#: The ``author_association`` values of people who can write to the repository.
TRUSTED_ASSOCIATIONS = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})


# --- what the issue looks like now --------------------------------------------------


@dataclass(frozen=True)
class RemoteState:
    """One issue as GitHub has it now, reduced to what feedback compares."""

    number: int
    state: str = "open"
    state_reason: str | None = None
    labels: tuple[str, ...] = ()
    #: The hidden markers in its comments by the board (``board_markers``), as
    #: ``marker_key`` gives them.
    markers: frozenset[str] = frozenset()
    #: ``"deleted"``, ``"transferred"`` or ``"not_found"`` when the issue is not here.
    gone: str | None = None
    moved_to: str | None = None


def markers_in(bodies: Iterable[str]) -> frozenset[str]:
    """The keys of the ideaboard markers that open some comment bodies.

    Only the markers at the very start of a body count (the board writes its
    marker first), not one further down in quoted or copied text.  This does
    not look at who wrote the comments: ``board_markers`` does.
    """
    found = set()
    for body in bodies:
        text = (body or "").lstrip()
        while match := _MARKER_RE.match(text):
            kind, attrs = match.groups()
            values = dict(pair.split("=", 1) for pair in attrs.split())
            found.add(marker_key(kind, values))
            text = text[match.end() :].lstrip()
    return frozenset(found)


def by_the_board(comment: Any) -> bool:
    """Whether a comment's markers count: its author is a bot or a maintainer.

    A bot is an account of type ``Bot`` or a login ending in ``[bot]`` (GitHub
    logins cannot hold brackets); a maintainer's ``author_association`` is
    ``OWNER``, ``MEMBER`` or ``COLLABORATOR``.  Anything else, and a comment
    that does not say who wrote it, is a member of the public.
    """
    author = _attr(comment, "author", None) or ""
    kind = _attr(comment, "author_type", None) or ""
    association = str(_attr(comment, "author_association", None) or "NONE").upper()
    return kind == "Bot" or author.endswith("[bot]") or association in TRUSTED_ASSOCIATIONS


def board_markers(comments: Iterable[Any]) -> frozenset[str]:
    """The marker keys of the comments the board (a bot or a maintainer) wrote."""
    return markers_in(_attr(c, "body", "") or "" for c in comments if by_the_board(c))


def marker_key(kind: str, values: Mapping[str, str]) -> str:
    """What makes two markers the same news.

    A status marker is keyed by status and date, not by slug, so renaming an
    idea's file does not announce its latest change a second time.
    """
    if kind == "status":
        return f"status {values.get('status')} {values.get('date')}"
    if kind == "milestone":
        return f"milestone {values.get('votes')}"
    return kind


def marker(kind: str, **values: object) -> str:
    """The hidden HTML comment that marks a comment as ideaboard's."""
    attrs = "".join(f" {k}={v}" for k, v in values.items())
    return f"<!-- ideaboard:{kind}{attrs} -->"


# --- the plan ----------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    """One write to GitHub.  ``line()`` is how the plan prints it."""

    kind: str  # create-label | add-label | remove-label | reopen | comment | close | skip
    number: int | None = None
    slug: str | None = None
    label: str | None = None
    color: str | None = None
    description: str | None = None
    body: str | None = None
    key: str | None = None  # the comment's marker key
    what: str | None = None  # the comment's subject, for line()
    reason: str | None = None  # close: completed | not_planned | duplicate; skip: why

    @property
    def writes(self) -> bool:
        """Whether carrying it out writes to GitHub (a skip is only reported)."""
        return self.kind != "skip"

    def line(self) -> str:
        """One stable line for the plan and the log."""
        if self.kind == "create-label":
            return f'create label "{self.label}" (colour {self.color})'
        who = f"#{self.number} {self.slug}"
        if self.kind == "add-label":
            return f'{who}: add label "{self.label}"'
        if self.kind == "remove-label":
            return f'{who}: remove label "{self.label}"'
        if self.kind == "reopen":
            return f"{who}: reopen"
        if self.kind == "close":
            return f"{who}: close as {(self.reason or '').replace('_', ' ')}"
        if self.kind == "comment":
            return f"{who}: comment on {self.what}"
        return f"{who}: skipped: {self.reason}"


def plan(
    ideas: Sequence[Idea],
    remote: Mapping[int, RemoteState],
    settings: Settings,
    *,
    repo_labels: Iterable[str] = (),
    board: Board | None = None,
    only: Iterable[str] | None = None,
) -> list[Action]:
    """The writes that make every idea's issue match its YAML file, in order.

    ``remote`` holds the issue of every idea that has one; ``repo_labels`` the
    repository's label names; ``board`` (the tally) is only needed for vote
    milestone comments (``settings.milestone_comments``).  ``only`` limits the
    plan to some slugs; ``ideas`` should still be the whole board, so that a
    duplicate can link to its canonical idea.
    """
    chosen = None if only is None else set(only)
    by_slug = {idea.slug: idea for idea in ideas}
    existing = {name.casefold() for name in repo_labels}
    # A label that some issue carries exists in the repository, whatever the list said.
    existing.update(name.casefold() for state in remote.values() for name in state.labels)
    created: list[Action] = []
    actions: list[Action] = []
    for idea in sorted(ideas, key=lambda i: i.slug):
        if idea.issue is None or idea.status not in settings.statuses:
            continue
        if chosen is not None and idea.slug not in chosen:
            continue
        state = remote.get(idea.issue)
        if state is None or state.gone:
            reason = "issue not read" if state is None else _gone(state)
            actions.append(Action("skip", idea.issue, idea.slug, reason=reason))
            continue
        label = settings.status_label(idea.status)
        if label.casefold() not in existing:
            existing.add(label.casefold())
            category = settings.category(idea.status)
            created.append(
                Action(
                    "create-label",
                    label=label,
                    color=LABEL_COLORS[category],
                    description=f"Idea board status ({category})",
                )
            )
        actions.extend(_plan_issue(idea, state, settings, by_slug, board))
    return created + actions


def _plan_issue(
    idea: Idea,
    remote: RemoteState,
    settings: Settings,
    by_slug: Mapping[str, Idea],
    board: Board | None,
) -> list[Action]:
    number, slug = remote.number, idea.slug
    category = settings.category(idea.status)
    actions: list[Action] = []

    # The status label: exactly one, the current one.
    label = settings.status_label(idea.status)
    have = {name.casefold(): name for name in remote.labels}
    others = {settings.status_label(s).casefold() for s in settings.statuses} - {label.casefold()}
    for key in sorted(have.keys() & others):
        actions.append(Action("remove-label", number, slug, label=have[key]))
    if label.casefold() not in have:
        actions.append(Action("add-label", number, slug, label=label))

    # Reopen before the comment, close after it: the news reads in order.
    want_state, want_reason = st.ISSUE_STATE[category]
    if want_state == "open" and remote.state != "open":
        actions.append(Action("reopen", number, slug))

    for entry in _unannounced(idea, remote, settings):
        key = marker_key("status", {"status": entry.status, "date": entry.date.isoformat()})
        actions.append(
            Action(
                "comment",
                number,
                slug,
                body=status_comment(idea, entry, settings, by_slug),
                key=key,
                what=f"status {entry.status} ({entry.date.isoformat()})",
            )
        )

    if settings.milestone_comments and board is not None and category in (st.OPEN, st.ACTIVE):
        actions.extend(_milestone(idea, remote, settings, board))

    if want_state == "closed" and (remote.state != "closed" or remote.state_reason != want_reason):
        actions.append(Action("close", number, slug, reason=want_reason))
    return actions


def _unannounced(idea: Idea, remote: RemoteState, settings: Settings) -> list[HistoryEntry]:
    history = [h for h in idea.history if h.status in settings.statuses]
    if not history:
        return []
    keys = [marker_key("status", {"status": h.status, "date": h.date.isoformat()}) for h in history]
    announced = [i for i, key in enumerate(keys) if key in remote.markers]
    if not announced:
        # No comment of ours yet, but a status label of ours: the issue was told
        # (or labelled) up to the last entry with that status.
        have = {name.casefold() for name in remote.labels}
        labelled = {s for s in settings.statuses if settings.status_label(s).casefold() in have}
        announced = [i for i, h in enumerate(history) if h.status in labelled]
    todo = list(range(announced[-1] + 1, len(history))) if announced else [len(history) - 1]
    return [
        history[i] for i in todo if not (i == 0 and history[i].status == settings.initial_status)
    ]


def _milestone(idea: Idea, remote: RemoteState, settings: Settings, board: Board) -> list[Action]:
    try:
        entry = board.entry(idea.slug)
    except KeyError:
        return []
    reached = [m.votes for m in entry.milestones if m.reached_on is not None]
    if not reached:
        return []
    top = max(reached)
    told = [k.split()[1] for k in remote.markers if k.startswith("milestone ")]
    if any(votes.isdigit() and int(votes) >= top for votes in told):
        return []
    body = "\n".join(
        (
            marker("milestone", slug=idea.slug, votes=top),
            f"🎉 This idea has reached **{top} votes** on the idea board. "
            "Thank you to everyone who voted!",
            *_page_line(idea, settings),
        )
    )
    return [
        Action(
            "comment",
            remote.number,
            idea.slug,
            body=body,
            key=f"milestone {top}",
            what=f"reaching {top} votes",
        )
    ]


# --- the comments ------------------------------------------------------------------------


def idea_url(settings: Settings, slug: str) -> str | None:
    """The idea's page on the published board, or ``None`` without a ``site_url``."""
    if not settings.site_url:
        return None
    return f"{settings.site_url.rstrip('/')}/ideas/{slug}/"


def status_comment(
    idea: Idea, entry: HistoryEntry, settings: Settings, by_slug: Mapping[str, Idea]
) -> str:
    """The comment that announces one history entry, its marker first."""
    category = settings.category(entry.status)
    name = entry.status.replace("-", " ")
    previous = _previous(idea, entry)
    reopened = previous is not None and settings.statuses.get(previous) in (
        st.COMPLETED,
        st.DECLINED,
        st.DUPLICATE,
    )
    duplicate_line = None
    if category == st.COMPLETED:
        release = idea.shipped_in.release if idea.shipped_in else None
        headline = f"This idea has **{name}**" + (f" in {release}" if release else "") + "."
        if idea.shipped_in and idea.shipped_in.url:
            headline += f" Release notes: {idea.shipped_in.url}"
    elif category == st.DECLINED:
        headline = f"We have decided not to do this idea: it is now **{name}**."
    elif category == st.DUPLICATE:
        target = canonical(idea, by_slug)
        if target is None:
            headline = f"This idea is a **{name}** of another idea on the board."
        else:
            where = md_link(target.title, idea_url(settings, target.slug))
            issue = f" (#{target.issue})" if target.issue else ""
            headline = (
                f"This idea is a **{name}** of {where}{issue}. Your 👍 counts there too; "
                "follow that idea for updates."
            )
            if target.issue:
                duplicate_line = f"Duplicate of #{target.issue}"
    elif reopened:
        headline = f"This idea is open again: it is now **{name}**."
    else:
        headline = f"This idea is now **{name}**."
    parts = [marker("status", slug=idea.slug, status=entry.status, date=entry.date.isoformat())]
    parts.append(headline)
    if entry.note.strip():
        parts.append("\n".join(f"> {line}".rstrip() for line in entry.note.strip().split("\n")))
    parts.extend(_page_line(idea, settings))
    if duplicate_line:
        parts.append(duplicate_line)
    return parts[0] + "\n" + "\n\n".join(parts[1:]) + "\n"


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


def _previous(idea: Idea, entry: HistoryEntry) -> str | None:
    history = list(idea.history)
    if entry in history:
        index = history.index(entry)
        return history[index - 1].status if index > 0 else None
    return None


def _page_line(idea: Idea, settings: Settings) -> list[str]:
    url = idea_url(settings, idea.slug)
    return [f"Follow it on the idea board: {md_link(idea.title, url)}"] if url else []


def md_link(title: str, url: str | None) -> str:
    """A Markdown link to ``url`` (bold text without one) that no title can break out of."""
    return comment_link(title, url)


def _gone(state: RemoteState) -> str:
    if state.gone == "transferred":
        where = f" to {state.moved_to}" if state.moved_to else ""
        return f"issue was transferred{where} (run 'ideaboard doctor')"
    if state.gone == "deleted":
        return "issue was deleted (run 'ideaboard doctor')"
    return "issue not found (run 'ideaboard doctor')"


# --- talking to GitHub -------------------------------------------------------------------


class Client(Protocol):
    """What feedback needs from ``github.GitHubClient``."""

    def issue(self, number: int) -> Any: ...
    def comments(self, number: int) -> list[Any]: ...
    def labels(self) -> dict[str, str]: ...
    def create_label(self, name: str, color: str, description: str) -> None: ...
    def add_labels(self, number: int, names: list[str]) -> None: ...
    def remove_label(self, number: int, name: str) -> None: ...
    def comment(self, number: int, body: str) -> None: ...
    def set_state(self, number: int, state: str, reason: str | None) -> None: ...


def read_remote(client: Client, ideas: Iterable[Idea]) -> dict[int, RemoteState]:
    """Read the issue and comments of every idea that has an issue."""
    remote: dict[int, RemoteState] = {}
    for idea in ideas:
        if idea.issue is None or idea.issue in remote:
            continue
        remote[idea.issue] = remote_state(client, idea.issue)
    return remote


def remote_state(client: Client, number: int) -> RemoteState:
    """One issue's ``RemoteState``, read through the client."""
    issue = client.issue(number)
    if issue is None:
        return RemoteState(number, gone="not_found")
    gone = _attr(issue, "missing", None)
    moved_to = _attr(issue, "moved_to", None)
    if gone:
        return RemoteState(number, gone=gone, moved_to=moved_to)
    return RemoteState(
        number=number,
        state=_attr(issue, "state", "open"),
        state_reason=_attr(issue, "state_reason", None),
        labels=tuple(_attr(issue, "labels", ())),
        markers=board_markers(client.comments(number)),
    )


@dataclass
class Outcome:
    """What ``apply`` did: the lines it carried out, and those it found already done."""

    done: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)


def apply(
    actions: Iterable[Action], client: Client, echo: Callable[[str], None] = lambda _: None
) -> Outcome:
    """Carry out the plan.  Each comment is checked for right before it is posted.

    A write that timed out may still have gone through; so before posting a
    comment, the issue's comments are read again, and after a failed post they
    are read once more: if the marker is there, the comment was posted.
    Labels and states are idempotent on GitHub's side (adding a label twice,
    closing a closed issue), so they need no such check.
    """
    outcome = Outcome()
    for action in actions:
        if not action.writes:
            continue
        line = action.line()
        if action.kind == "comment":
            assert action.number is not None
            assert action.body is not None
            if not post_once(client, action.number, action.body, action.key or ""):
                outcome.already.append(line)
                echo(f"{line} (already there)")
                continue
        elif action.kind == "create-label":
            client.create_label(action.label or "", action.color or "", action.description or "")
        elif action.kind == "add-label":
            client.add_labels(action.number, [action.label])
        elif action.kind == "remove-label":
            client.remove_label(action.number, action.label)
        elif action.kind == "reopen":
            client.set_state(action.number, "open", "reopened")
        elif action.kind == "close":
            client.set_state(action.number, "closed", action.reason)
        outcome.done.append(line)
        echo(line)
    return outcome


def post_once(client: Client, number: int, body: str, key: str) -> bool:
    """Post ``body`` on issue ``number`` unless the board already left marker ``key`` there.

    ``True`` if it was posted.  A post that failed may still have gone through
    before the connection broke, so the comments are read once more then.
    """
    if key in board_markers(client.comments(number)):
        return False
    try:
        client.comment(number, body)
    except Exception:
        if key not in board_markers(client.comments(number)):
            raise
    return True


def _attr(obj: Any, name: str, default: Any) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)
