"""The GraphQL queries the sync sends, and what each costs by GitHub's formula.

GitHub charges a query the requests needed to fill each connection, assuming
every ``first``/``last`` is reached, divided by 100 and rounded (at least 1
point).  So a listing page of 100 issues with their labels, comments and 👍
(``LIST_FULL``) costs 3 points; the counts alone (``LIST_CHEAP``, no inner
connection) cost 1; ``by_number_query`` of n issues costs about 3n/100; a
page of further 👍 for up to ``VOTE_BATCH`` issues costs 1.
"""

from __future__ import annotations

from collections.abc import Iterable

PAGE = 100  # GitHub's maximum page size, for issues and for reactions alike
# Further 👍 pages of this many issues go in one query: 100 aliases x 100 nodes
# stays far below GitHub's 500,000-node limit, and the query still costs 1 point.
VOTE_BATCH = 100
FULL_POINTS = 3  # one LIST_FULL page
CHEAP_POINTS = 1  # one LIST_CHEAP page, or one batch of counts by number

_RATE = "rateLimit { limit remaining resetAt cost }"
_VOTE_NODES = (
    "totalCount pageInfo { hasNextPage endCursor } nodes { createdAt user { __typename login } }"
)
_VOTES = f"reactions(content: THUMBS_UP, first: 100) {{ {_VOTE_NODES} }}"
# Everything the snapshot keeps about one issue.
_FULL = (
    "fragment IdeaFull on Issue { number title body url state stateReason createdAt "
    "updatedAt closedAt locked author { __typename login } labels(first: 100) { nodes { name } } "
    "comments(last: 100) { totalCount nodes { createdAt } } "
    f"reactionGroups {{ content reactors {{ totalCount }} }} {_VOTES} }}"
)
# Enough to tell whether an issue changed since the last snapshot.
_CHEAP = (
    "fragment IdeaCounts on Issue { number url state updatedAt comments { totalCount } "
    "reactionGroups { content reactors { totalCount } } }"
)
_LIST = (
    "query IdeaboardIssues($owner: String!, $name: String!, $label: String!, $cursor: String, "
    "$states: [IssueState!]) "
    f"{{ {_RATE} repository(owner: $owner, name: $name) {{ issues(labels: [$label], "
    "states: $states, first: 100, after: $cursor, "
    "orderBy: {field: CREATED_AT, direction: ASC}) { totalCount "
    "pageInfo { hasNextPage endCursor } nodes { ...%s } } } } "
)
LIST_FULL = _LIST % "IdeaFull" + _FULL
LIST_CHEAP = _LIST % "IdeaCounts" + _CHEAP
ALL_STATES = ["OPEN", "CLOSED"]


def by_number_query(numbers: Iterable[int], *, cheap: bool = False) -> str:
    """One query for the issues ``numbers`` (aliases ``i<number>``): full data, or counts."""
    fragment = "IdeaCounts" if cheap else "IdeaFull"
    fields = " ".join(f"i{int(n)}: issue(number: {int(n)}) {{ ...{fragment} }}" for n in numbers)
    return (
        "query IdeaboardIssuesByNumber($owner: String!, $name: String!) "
        f"{{ {_RATE} repository(owner: $owner, name: $name) {{ {fields} }} }} "
        f"{_CHEAP if cheap else _FULL}"
    )


def by_number_points(count: int) -> int:
    """What ``by_number_query`` of ``count`` issues costs (full data)."""
    return max(1, int(FULL_POINTS * count / PAGE + 0.5))


def votes_query(pages: Iterable[tuple[int, str]]) -> str:
    """The next page of 👍 of several issues at once: ``(number, cursor)`` each, aliased."""
    fields = " ".join(
        f"i{int(n)}: issue(number: {int(n)}) {{ reactions(content: THUMBS_UP, first: 100, "
        f"after: {_string(cursor)}) {{ {_VOTE_NODES} }} }}"
        for n, cursor in pages
    )
    return (
        "query IdeaboardVoters($owner: String!, $name: String!) "
        f"{{ {_RATE} repository(owner: $owner, name: $name) {{ {fields} }} }}"
    )


def _string(value: str) -> str:
    """A GraphQL string literal (cursors come from GitHub: never trust them raw)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{"".join(ch for ch in escaped if ch.isprintable())}"'


MAX_NUMBER = 2**31 - 1  # GraphQL's Int is 32-bit: a larger number makes the whole query fail


def queryable(number: object) -> bool:
    """Whether ``number`` can go into a query as an issue number (1 .. 2^31-1)."""
    return isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= MAX_NUMBER
