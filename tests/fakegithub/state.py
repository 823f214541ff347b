"""The fake GitHub's data: one repository, its issues, labels, comments and reactions.

Plain mutable dataclasses.  The server reads them under a lock; tests change
them through ``FakeGitHub``'s helpers (``add_issue``, ``react``, ...).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

# REST reaction names, and GraphQL's ReactionContent for each.
REACTION_ENUM = {
    "+1": "THUMBS_UP",
    "-1": "THUMBS_DOWN",
    "laugh": "LAUGH",
    "hooray": "HOORAY",
    "confused": "CONFUSED",
    "heart": "HEART",
    "rocket": "ROCKET",
    "eyes": "EYES",
}
REACTION_REST = {v: k for k, v in REACTION_ENUM.items()}

EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def iso(value: dt.datetime | None) -> str | None:
    """GitHub's time format: ``2026-01-01T00:00:00Z``."""
    if value is None:
        return None
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class User:
    """An account: ``type`` is ``User``, ``Bot``, ``Organization`` or ``Mannequin``.

    A bot's login has ``[bot]`` at the end in REST and not in GraphQL, as on GitHub.
    """

    login: str
    id: int
    type: str = "User"

    @property
    def graphql_login(self) -> str:
        return self.login.removesuffix("[bot]") if self.type == "Bot" else self.login


@dataclass
class Reaction:
    id: int
    content: str  # REST name: "+1", "heart", ...
    user: User | None  # None: a deleted account ("ghost")
    created_at: dt.datetime


#: REST ``author_association`` values (``author-association`` in openapi.json).
ASSOCIATIONS = (
    "COLLABORATOR",
    "CONTRIBUTOR",
    "FIRST_TIMER",
    "FIRST_TIME_CONTRIBUTOR",
    "MANNEQUIN",
    "MEMBER",
    "NONE",
    "OWNER",
)


@dataclass
class Comment:
    id: int
    user: User | None
    body: str
    created_at: dt.datetime
    updated_at: dt.datetime
    #: How the author is associated with the repository (REST ``author_association``,
    #: GraphQL ``authorAssociation``): ``OWNER``, ``MEMBER``, ``COLLABORATOR``, ``NONE``, ...
    association: str = "NONE"


@dataclass
class Issue:
    number: int
    title: str
    user: User | None
    created_at: dt.datetime
    updated_at: dt.datetime
    body: str = ""
    state: str = "open"
    state_reason: str | None = None  # completed | not_planned | duplicate | reopened
    closed_at: dt.datetime | None = None
    labels: list[str] = field(default_factory=list)
    locked: bool = False
    comments: list[Comment] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    pull_request: bool = False
    deleted: bool = False  # REST 410, GraphQL NOT_FOUND
    moved_to: tuple[str, int] | None = None  # transferred: (owner/name, number)

    @property
    def visible(self) -> bool:
        """Listed by ``repository.issues`` (no PRs, nothing deleted or moved away)."""
        return not (self.pull_request or self.deleted or self.moved_to)

    def count(self, content: str) -> int:
        return sum(1 for r in self.reactions if r.content == content)


@dataclass
class Label:
    id: int
    name: str
    color: str = "ededed"
    description: str | None = None


@dataclass
class Repo:
    owner: str
    name: str
    id: int = 1296269
    issues: dict[int, Issue] = field(default_factory=dict)
    labels: dict[str, Label] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    next_id: int = 1000

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def user(self, login: str | None, type: str = "User") -> User | None:
        """The account named ``login`` (made on first use); ``None`` stays ``None``."""
        if login is None:
            return None
        if type == "Bot" and not login.endswith("[bot]"):
            login += "[bot]"
        if login not in self.users:
            self.users[login] = User(login, self.new_id(), type)
        return self.users[login]

    def label(self, name: str, color: str = "ededed", description: str | None = None) -> Label:
        """The repository label ``name`` (made on first use, as GitHub does on add)."""
        for existing in self.labels.values():
            if existing.name.lower() == name.lower():
                return existing
        self.labels[name] = Label(self.new_id(), name, color, description)
        return self.labels[name]


def generate(
    repo: Repo,
    count: int,
    *,
    label: str = "idea",
    seed: int = 0,
    max_votes: int = 20,
    max_comments: int = 3,
    start: dt.datetime = EPOCH,
) -> list[Issue]:
    """Add ``count`` idea issues with random (but seeded) votes, comments and states.

    About one voter in 25 is a bot and one vote in 50 comes from a deleted
    account; one issue in 10 is closed, one in 20 locked.
    """
    rng = random.Random(seed)
    made = []
    first = max(repo.issues, default=0) + 1
    pool = [f"user{i}" for i in range(max(50, max_votes * 3))]
    for number in range(first, first + count):
        created = start + dt.timedelta(minutes=7 * number)
        issue = Issue(
            number=number,
            title=f"Idea number {number}",
            body=f"### What\n\nIdea {number}\n",
            user=repo.user(rng.choice(pool)),
            created_at=created,
            updated_at=created,
            labels=[label],
            locked=rng.random() < 0.05,
        )
        repo.label(label)
        if rng.random() < 0.1:
            issue.state, issue.state_reason = "closed", "completed"
            issue.closed_at = created + dt.timedelta(days=3)
            issue.updated_at = issue.closed_at
        for voter in rng.sample(pool, rng.randint(0, max_votes)):
            roll = rng.random()
            user = None if roll < 0.02 else repo.user(voter, "Bot" if roll < 0.06 else "User")
            at = created + dt.timedelta(minutes=rng.randint(1, 60 * 24 * 30))
            issue.reactions.append(Reaction(repo.new_id(), "+1", user, at))
        if rng.random() < 0.2:
            issue.reactions.append(
                Reaction(repo.new_id(), "heart", repo.user(rng.choice(pool)), created)
            )
        for _ in range(rng.randint(0, max_comments)):
            at = created + dt.timedelta(minutes=rng.randint(1, 60 * 24 * 30))
            issue.comments.append(
                Comment(repo.new_id(), repo.user(rng.choice(pool)), "Me too", at, at)
            )
        repo.issues[number] = issue
        made.append(issue)
    return made
