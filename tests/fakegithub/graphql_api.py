"""GraphQL for the fake GitHub: validate against GitHub's public schema, execute over the state.

Every query is parsed and validated with graphql-core against
``tests/data/github/schema.graphql`` (from ``@octokit/graphql-schema``), plus
GitHub's own connection rules (``first``/``last`` required, at most 100).
A query GitHub would reject gets GitHub's error shape back, and is recorded in
``FakeGitHub.invalid_queries`` so the test that sent it fails.

Only the fields ideaboard's queries use are resolved; any other field comes
back null, which for a non-null field is an execution error, and is recorded
too (so a query that asks for more than the fake knows fails loudly).
"""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path
from typing import Any

from graphql import (
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_ast_schema,
    execute,
    parse,
    validate,
)
from graphql.language import FieldNode, OperationDefinitionNode, visit
from graphql.language.visitor import Visitor

from tests.fakegithub import executor
from tests.fakegithub.cost import MAX_NODES, cost
from tests.fakegithub.state import REACTION_ENUM, REACTION_REST, Issue, Repo, iso

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "github" / "schema.graphql"
MAX_PAGE = 100


@functools.cache
def schema() -> GraphQLSchema:
    """GitHub's public GraphQL schema (built once per process: it is 1.2 MB of SDL).

    ``assume_valid_sdl``: the published SDL defines two fields of
    ``EnterpriseOwnerInfo`` twice, which graphql-core's SDL check refuses.
    The deprecations graphql-core 3.3 refuses are dropped (see ``undeprecated``).
    """
    document = parse(SCHEMA_PATH.read_text(encoding="utf-8"), no_location=True)
    built = build_ast_schema(document, assume_valid_sdl=True)
    undeprecated(built)
    return built


def undeprecated(built: GraphQLSchema) -> list[str]:
    """Drop the deprecation of fields whose interface's field is not deprecated; name them.

    GitHub deprecates, for instance, ``Project.id`` while ``Node.id`` is not
    deprecated.  graphql-core 3.3 refuses such a schema ("Interface field
    Node.id is not deprecated, so implementation field Project.id must not be
    deprecated"); 3.2 accepts it.  Those 12 fields (none of which ideaboard
    asks for) lose their ``@deprecated`` here, and nothing else changes: every
    other schema and query rule still applies under both versions.
    """
    dropped = []
    for kind in built.type_map.values():
        if not isinstance(kind, GraphQLObjectType | GraphQLInterfaceType):
            continue
        for interface in kind.interfaces:
            for name, declared in interface.fields.items():
                own = kind.fields.get(name)
                if own is not None and own.deprecation_reason and not declared.deprecation_reason:
                    own.deprecation_reason = None
                    dropped.append(f"{kind.name}.{name}")
    return sorted(set(dropped))


class NotFound(Exception):
    """GitHub's ``NOT_FOUND`` error: the data at its path is null."""


class _ConnectionRules(Visitor):
    """GitHub's extra rule: every connection field needs ``first`` or ``last`` <= 100."""

    def __init__(self, variables: dict[str, Any]) -> None:
        super().__init__()
        self.variables = variables
        self.errors: list[str] = []

    def enter_field(self, node: FieldNode, *_args: Any) -> None:
        args = {a.name.value: a.value for a in node.arguments or ()}
        names = {"first", "last"}
        if node.name.value in {"reactionGroups", "rateLimit", "repository", "issue"}:
            return
        if not (args.keys() & names):
            if node.selection_set and _is_connection(node):
                self.errors.append(
                    f"You must provide a `first` or `last` value to properly paginate the "
                    f"`{node.name.value}` connection."
                )
            return
        for key in names & args.keys():
            value = args[key]
            number = (
                self.variables.get(value.name.value)
                if value.kind == "variable"
                else int(getattr(value, "value", 0))
            )
            if number is not None and int(number) > MAX_PAGE:
                self.errors.append(
                    f"Requesting {number} records on the `{node.name.value}` connection "
                    f"exceeds the `{key}` limit of {MAX_PAGE} records."
                )


def _is_connection(node: FieldNode) -> bool:
    selected = {s.name.value for s in node.selection_set.selections if isinstance(s, FieldNode)}
    return bool(selected & {"nodes", "edges", "pageInfo"})


@functools.lru_cache(maxsize=256)
def _parse_and_validate(query: str) -> tuple[Any, tuple[str, ...]]:
    try:
        document = parse(query)
    except GraphQLError as exc:
        return None, (exc.message,)
    errors = validate(schema(), document)
    return document, tuple(_github_wording(e.message) for e in errors)


# graphql-core 3.2 and 3.3 word a missing argument differently; GitHub (graphql-ruby)
# words it a third way, which the fake sends under both.
_MISSING_ARGUMENT = (
    re.compile(r"Field '(?P<field>\w+)' argument '(?P<arg>\w+)' of type '[^']+' is required, "),
    re.compile(r"Argument '\w+\.(?P<field>\w+)\((?P<arg>\w+):\)' of type '[^']+' is required, "),
)


def _github_wording(message: str) -> str:
    for pattern in _MISSING_ARGUMENT:
        found = pattern.match(message)
        if found:
            return f"Field '{found['field']}' is missing required arguments: {found['arg']}"
    return message


def check(query: str, variables: dict[str, Any]) -> tuple[Any, list[str]]:
    """The parsed document and every reason GitHub would refuse the query."""
    document, errors = _parse_and_validate(query)
    if document is None or errors:
        return document, list(errors)
    rules = _ConnectionRules(variables)
    visit(document, rules)
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if any(op.operation.value != "query" for op in ops):
        rules.errors.append("The fake GitHub only serves queries, not mutations.")
    return document, rules.errors


# --- resolvers ---------------------------------------------------------------


def _cursor(index: int) -> str:
    return base64.b64encode(f"cursor:v2:{index}".encode()).decode()


def _index(cursor: str | None) -> int:
    if cursor is None:
        return -1
    try:
        return int(base64.b64decode(cursor).decode().rsplit(":", 1)[1])
    except Exception:
        raise GraphQLError(f"`{cursor}` does not appear to be a valid cursor.") from None


def connection(
    items: list[Any], first=None, after=None, last=None, before=None, wrap=None, **_: Any
):
    """A GitHub-style connection over ``items`` (cursor = position); ``wrap`` each node."""
    start = _index(after) + 1
    end = _index(before) if before is not None else len(items)
    if first is not None:
        span = range(start, min(end, start + first))
    elif last is not None:
        span = range(max(start, end - last), end) if last else range(0)
    else:
        span = range(start, end)
    window_out = [(i, items[i]) for i in span if 0 <= i < len(items)]
    if wrap is not None:
        window_out = [(i, wrap(item)) for i, item in window_out]
    begin = window_out[0][0] if window_out else start
    stop = window_out[-1][0] + 1 if window_out else start
    return {
        "totalCount": len(items),
        "nodes": [item for _, item in window_out],
        # Built only when a query asks for edges (a resolver: most queries ask for nodes).
        "edges": lambda *_a, **_k: [{"cursor": _cursor(i), "node": item} for i, item in window_out],
        "pageInfo": {
            "hasNextPage": stop < end,
            "hasPreviousPage": begin > 0,
            "startCursor": _cursor(begin) if window_out else None,
            "endCursor": _cursor(stop - 1) if window_out else None,
        },
    }


def _actor(user, *, as_user: bool = False) -> dict[str, Any] | None:
    if user is None:
        return None
    if as_user:  # Reaction.user is a User in the schema: bots show their REST login
        return {"__typename": "User", "login": user.login}
    return {"__typename": user.type, "login": user.graphql_login}


class GIssue:
    """``Issue`` fields over one fake issue."""

    def __init__(self, issue: Issue, repo: Repo, web: str) -> None:
        self.i = issue
        self.repo = repo
        self.number = issue.number
        self.title = issue.title
        self.body = issue.body
        self.url = f"{web}/{repo.full_name}/issues/{issue.number}"
        self.state = issue.state.upper()
        self.stateReason = issue.state_reason.upper() if issue.state_reason else None
        self.createdAt = iso(issue.created_at)
        self.updatedAt = iso(issue.updated_at)
        self.closedAt = iso(issue.closed_at)
        self.closed = issue.state == "closed"
        self.locked = issue.locked
        self.id = f"I_{issue.number}"
        self.databaseId = issue.number
        self.author = _actor(issue.user)

    def labels(self, info, **args):
        names = sorted(self.i.labels, key=str.lower)
        return connection([{"name": n, "color": self.repo.label(n).color} for n in names], **args)

    def comments(self, info, **args):
        items = [
            {
                "createdAt": iso(c.created_at),
                "author": _actor(c.user),
                "authorAssociation": c.association,
                "body": c.body,
            }
            for c in sorted(self.i.comments, key=lambda c: c.created_at)
        ]
        return connection(items, **args)

    def reactionGroups(self, info):
        groups = []
        for content in REACTION_ENUM:
            people = [r for r in self.i.reactions if r.content == content]
            groups.append(
                {
                    "content": REACTION_ENUM[content],
                    "createdAt": iso(min((r.created_at for r in people), default=None)),
                    "viewerHasReacted": False,
                    "reactors": functools.partial(_reactors, people),
                    "users": functools.partial(_reactors, people),
                }
            )
        return groups

    def reactions(self, info, content=None, orderBy=None, **args):
        chosen = [
            r for r in self.i.reactions if content is None or r.content == REACTION_REST[content]
        ]
        chosen.sort(key=lambda r: (r.created_at, r.id))
        if orderBy and orderBy.get("direction") == "DESC":
            chosen.reverse()
        nodes = [
            {
                "content": REACTION_ENUM[r.content],
                "createdAt": iso(r.created_at),
                "user": _actor(r.user, as_user=True),
                "id": f"R_{r.id}",
                "databaseId": r.id,
            }
            for r in chosen
        ]
        result = connection(nodes, **args)
        result["viewerHasReacted"] = False
        return result


def _reactors(people, info, **args):
    nodes = [_actor(r.user) or {"__typename": "User", "login": "ghost"} for r in people]
    result = connection(nodes, **args)
    by_node = {id(node): r for node, r in zip(nodes, people, strict=True)}
    edges = result["edges"]

    def dated(*_args, **_kw):
        found = edges()
        for edge in found:
            edge["reactedAt"] = iso(by_node[id(edge["node"])].created_at)
        return found

    result["edges"] = dated
    return result


_ORDER_KEYS = {
    "CREATED_AT": lambda i: (i.created_at, i.number),
    "UPDATED_AT": lambda i: (i.updated_at, i.number),
    "COMMENTS": lambda i: (len(i.comments), i.number),
}


def _order_key(order_by: dict[str, str] | None) -> tuple[str, str]:
    order = order_by or {"field": "CREATED_AT", "direction": "ASC"}
    return order["field"], order.get("direction", "ASC")


class GRepository:
    def __init__(self, fake: Any) -> None:
        repo, web = fake.repo, fake.web_url
        self.fake = fake
        self.repo = repo
        self.web = web
        self.nameWithOwner = repo.full_name
        self.name = repo.name

    def issues(self, info, labels=None, states=None, orderBy=None, filterBy=None, **args):
        chosen = self.listing(tuple(labels or ()), tuple(states or ()), _order_key(orderBy))
        return connection(chosen, wrap=lambda i: GIssue(i, self.repo, self.web), **args)

    def listing(self, labels, states, order):
        """The filtered, ordered issues, kept while the fake's data does not change."""
        key = (self.fake.version, len(self.repo.issues), labels, states, order)
        cache = self.fake.listings
        if key not in cache:
            cache.clear()
            cache[key] = self._filter(labels, states, order)
        return cache[key]

    def _filter(self, labels, states, order):
        chosen = [i for i in self.repo.issues.values() if i.visible]
        if labels:  # GraphQL labels: any of them (REST: all of them)
            wanted = {name.lower() for name in labels}
            chosen = [i for i in chosen if wanted & {n.lower() for n in i.labels}]
        if states:
            wanted_states = {s.lower() for s in states}
            chosen = [i for i in chosen if i.state in wanted_states]
        field, direction = order
        chosen.sort(key=_ORDER_KEYS[field], reverse=direction == "DESC")
        return chosen

    def issue(self, info, number):
        found = self.repo.issues.get(number)
        if found is None or not found.visible:
            raise NotFound(f"Could not resolve to an Issue with the number of {number}.")
        return GIssue(found, self.repo, self.web)


class Root:
    """The query root: ``repository`` and ``rateLimit``."""

    def __init__(self, fake: Any) -> None:
        self.fake = fake

    def repository(self, info, owner, name, followRenames=True):
        repo = self.fake.repo
        if (owner.lower(), name.lower()) != (repo.owner.lower(), repo.name.lower()):
            raise NotFound(f"Could not resolve to a Repository with the name '{owner}/{name}'.")
        return GRepository(self.fake)

    def rateLimit(self, info, dryRun=False):
        fake = self.fake
        return {
            "limit": fake.graphql_limit,
            "remaining": fake.graphql_remaining,
            "used": fake.graphql_limit - fake.graphql_remaining,
            "cost": fake.last_cost,
            "nodeCount": fake.last_nodes,
            "resetAt": iso(fake.rate_reset_at),
        }


def run(fake: Any, query: str, variables: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Execute ``query``: the JSON body to send, and any problems to record."""
    document, problems = check(query, variables or {})
    if problems:
        return {"errors": [_error(p) for p in problems]}, problems
    points, nodes = cost(document, variables or {})
    if nodes > MAX_NODES:
        message = (
            f"This query requests up to {nodes:,} possible nodes which exceeds the maximum "
            f"limit of {MAX_NODES:,}."
        )
        return {"errors": [{**_error(message), "type": "MAX_NODE_LIMIT_EXCEEDED"}]}, [message]
    if points > fake.graphql_remaining:
        fake.graphql_remaining = 0
        message = "API rate limit exceeded for user ID 1."
        return {"errors": [{"type": "RATE_LIMITED", "message": message}]}, []
    fake.graphql_remaining -= points
    fake.points_spent += points
    fake.costs.append(points)
    fake.last_cost, fake.last_nodes = points, nodes
    if fake.fast:
        data, errors = executor.execute(document, Root(fake), variables or {}, NotFound)
    else:
        result = execute(schema(), document, root_value=Root(fake), variable_values=variables or {})
        data = result.data
        errors = [(e.message, e.path, e.locations, e.original_error) for e in result.errors or ()]
    body: dict[str, Any] = {"data": data}
    recorded: list[str] = []
    if errors:
        body["errors"] = []
        for message, path, locations, original in errors:
            shaped = _error(message, path, locations)
            if isinstance(original, NotFound):
                shaped["type"] = "NOT_FOUND"
            else:
                recorded.append(f"{message} at {path}")
            body["errors"].append(shaped)
    return body, recorded


def _error(message: str, path=None, locations=None) -> dict[str, Any]:
    shaped: dict[str, Any] = {"message": message}
    if path is not None:
        shaped["path"] = list(path)
    if locations:
        shaped["locations"] = [{"line": loc.line, "column": loc.column} for loc in locations]
    return shaped
