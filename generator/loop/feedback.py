"""Make each idea's GitHub issue tell the truth the YAML file tells.

``plan_actions`` is a pure function: the board (ideas and their tally), what
their issues look like now (``remote.RemoteState``, read by ``read_remote``) and the
settings in; a list of ``Action`` out, in a stable order, one line each.
``run`` reads, plans, and (with ``apply=True``) carries the plan out through
the GitHub client, paced to GitHub's limits.

Every comment carries a hidden marker (``markers.py``), so ``plan_actions``
can tell which status changes the issue has already been told about, and a
second run plans nothing at all.  Which history entries get a comment:

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

With ``notify_voters`` set, the voters are mentioned after the news of a
change into one of those categories (``notify.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from generator.config import Settings
from generator.errors import IdeaboardError
from generator.loop import notify
from generator.loop.actions import (
    Action,
    AddLabel,
    Client,
    Close,
    Comment,
    CreateLabel,
    Outcome,
    RemoveLabel,
    Reopen,
    Skip,
    apply,
    writes,
)
from generator.loop.comments import milestone_comment, status_comment
from generator.loop.markers import marker_key
from generator.loop.pace import Pace
from generator.loop.remote import RemoteState, read_remote
from generator.model import Board, HistoryEntry, Idea
from generator.model import statuses as st

#: The colour of each category's status labels (GitHub's palette, no ``#``).
LABEL_COLORS = {
    st.OPEN: "c5def5",
    st.ACTIVE: "fbca04",
    st.COMPLETED: "0e8a16",
    st.DECLINED: "e99695",
    st.DUPLICATE: "cfd3d7",
}


def plan_actions(
    board: Board,
    remote: Mapping[int, RemoteState],
    settings: Settings,
    *,
    repo_labels: Iterable[str] = (),
    only: Iterable[str] | None = None,
) -> list[Action]:
    """The writes that make every idea's issue match its YAML file, in order.

    ``remote`` holds the issue of every idea that has one; ``repo_labels`` the
    repository's label names; ``board`` gives the ideas, and the tally for
    milestone comments and voter mentions.  ``only`` limits the plan to some
    slugs (a duplicate can still link to its canonical idea).
    """
    chosen = None if only is None else set(only)
    ideas = [entry.idea for entry in board.entries]
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
            actions.append(Skip(idea.issue, idea.slug, reason))
            continue
        label = settings.status_label(idea.status)
        if label.casefold() not in existing:
            existing.add(label.casefold())
            category = settings.category(idea.status)
            color = LABEL_COLORS[category]
            created.append(CreateLabel(label, color, f"Idea board status ({category})"))
        actions.extend(_plan_issue(idea, state, settings, by_slug, board))
    return created + actions


def _plan_issue(
    idea: Idea,
    remote: RemoteState,
    settings: Settings,
    by_slug: Mapping[str, Idea],
    board: Board,
) -> list[Action]:
    number, slug = remote.number, idea.slug
    category = settings.category(idea.status)
    actions: list[Action] = []

    # The status label: exactly one, the current one.
    label = settings.status_label(idea.status)
    have = {name.casefold(): name for name in remote.labels}
    others = {settings.status_label(s).casefold() for s in settings.statuses} - {label.casefold()}
    actions.extend(RemoveLabel(number, slug, have[key]) for key in sorted(have.keys() & others))
    if label.casefold() not in have:
        actions.append(AddLabel(number, slug, label))

    # Reopen before the comment, close after it: the news reads in order.
    want_state, want_reason = st.ISSUE_STATE[category]
    if want_state == "open" and remote.state != "open":
        actions.append(Reopen(number, slug))

    news = _unannounced(idea, remote, settings)
    for entry in news:
        mentions = notify.wants_mentions(idea, entry, settings)
        body = status_comment(idea, entry, settings, by_slug, mentions=mentions)
        key = marker_key("status", {"status": entry.status, "date": entry.date.isoformat()})
        what = f"status {entry.status} ({entry.date.isoformat()})"
        actions.append(Comment(number, slug, body, key, what))
    announcing = bool(news) and news[-1] == idea.history[-1]
    actions.extend(
        notify.mentions(idea, number, remote.markers, board, settings, announcing=announcing)
    )

    if settings.milestone_comments and category in (st.OPEN, st.ACTIVE):
        actions.extend(_milestone(idea, remote, settings, board))

    if want_state == "closed" and (remote.state != "closed" or remote.state_reason != want_reason):
        actions.append(Close(number, slug, want_reason or "completed"))
    return actions


def _unannounced(idea: Idea, remote: RemoteState, settings: Settings) -> list[HistoryEntry]:
    history = [h for h in idea.history if h.status in settings.statuses]
    if not history:
        return []
    keys = [marker_key("status", {"status": h.status, "date": h.date.isoformat()}) for h in history]
    told = remote.keys
    announced = [i for i, key in enumerate(keys) if key in told]
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
    told = [m.get("votes") or "" for m in remote.markers if m.kind == "milestone"]
    if any(votes.isdigit() and int(votes) >= top for votes in told):
        return []
    body = milestone_comment(idea, top, settings)
    return [Comment(remote.number, idea.slug, body, f"milestone {top}", f"reaching {top} votes")]


def _gone(state: RemoteState) -> str:
    if state.gone == "transferred":
        where = f" to {state.moved_to}" if state.moved_to else ""
        return f"issue was transferred{where} (run 'ideaboard doctor')"
    if state.gone == "deleted":
        return "issue was deleted (run 'ideaboard doctor')"
    return "issue not found (run 'ideaboard doctor')"


# --- a run: read, plan, and carry out ------------------------------------------------


@dataclass
class Report:
    """What a run planned and (with ``apply``) did; ``summary()`` says it in a line or two."""

    actions: list[Action]
    applied: bool = False
    outcome: Outcome = field(default_factory=Outcome)

    def summary(self) -> str:
        """The run's last lines: how many actions on how many issues, and the mentions."""
        planned = [a for a in self.actions if writes(a)]
        done = self.outcome.done if self.applied else planned
        if not planned:
            return "Nothing to do: every issue matches its idea."
        issues = len({a.number for a in done if not isinstance(a, CreateLabel)})
        what = f"{len(done)} action(s) on {issues} issue(s)"
        lines = [
            f"Done: {what}."
            if self.applied
            else f"Dry run: {what}; nothing was changed. Run with --apply to carry them out."
        ]
        told = [a for a in done if isinstance(a, Comment) and a.mentions]
        if told:
            people = sum(a.mentions for a in told)
            verb = "Mentioned" if self.applied else "Would mention"
            lines.append(f"{verb} {people} voter(s) in {len(told)} comment(s).")
        if self.outcome.stopped:
            lines.append(f"Stopped early: {self.outcome.stopped}")
        return "\n".join(lines)


def run(
    board: Board,
    settings: Settings,
    client: Client,
    *,
    only: Iterable[str] | None = None,
    do_apply: bool = False,
    echo: Callable[[str], None] = lambda _: None,
    pace: Callable[..., Pace] = Pace,
) -> Report:
    """Read the issues, plan, print the plan (``echo``) and, with ``do_apply``, carry it out.

    ``only`` limits the run to some slugs (each must be on the board).
    ``pace`` makes the ``Pace`` (GitHub's limits by default), given the times
    of the board's comments on these issues: those of the last hour count as
    already spent.
    """
    ideas = [entry.idea for entry in board.entries]
    if only is not None:
        only = set(only)
        unknown = sorted(only - {idea.slug for idea in ideas})
        if unknown:
            raise IdeaboardError(
                f"expected the slugs of ideas on the board but received: {unknown!r}"
            )
        ideas = [idea for idea in ideas if idea.slug in only]
    remote = read_remote(client, ideas)
    actions = plan_actions(board, remote, settings, repo_labels=client.labels(), only=only)
    report = Report(actions, applied=do_apply)
    for action in actions:
        if not (do_apply and writes(action)):
            echo(action.line())
    if do_apply:
        seen = [m.at for state in remote.values() for m in state.markers if m.at]
        paced = pace(max_wait=settings.max_rate_limit_wait, seen=seen)
        report.outcome = apply(actions, client, paced, echo)
    return report
