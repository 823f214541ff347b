"""A lean executor for the fake's GraphQL: the same answers as graphql-core's, many times faster.

graphql-core's ``execute`` checks and completes every value against the
schema: at 150,000 issues that is most of the benchmark's time.  Queries
are still parsed and validated by graphql-core against GitHub's schema
(``graphql_api.check``); this only walks the validated selection sets over
the same resolvers.  ``FakeGitHub.fast`` turns it on; a test checks that
both give the same bodies for the sync's queries.
"""

from __future__ import annotations

from typing import Any

from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
)
from graphql.language.location import get_location
from graphql.utilities import value_from_ast_untyped


class Unknown(Exception):
    """A field the fake's resolvers do not have."""


def execute(document, root: Any, variables: dict[str, Any], not_found: type[Exception]):
    """``(data, errors)``: errors are ``(message, path, locations, original)``."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    errors: list[tuple[str, list, Any, Exception]] = []

    def fields(selection_set, out: list[FieldNode]) -> list[FieldNode]:
        for node in selection_set.selections:
            if isinstance(node, FragmentSpreadNode):
                fields(fragments[node.name.value].selection_set, out)
            elif isinstance(node, InlineFragmentNode):
                fields(node.selection_set, out)
            else:
                out.append(node)
        return out

    def resolve(source: Any, node: FieldNode, path: list) -> Any:
        name = node.name.value
        args = {
            a.name.value: value_from_ast_untyped(a.value, variables) for a in node.arguments or ()
        }
        value = source.get(name) if isinstance(source, dict) else getattr(source, name, Unknown)
        if value is Unknown:
            raise Unknown(f"The fake GitHub does not know the field {name!r}.")
        if callable(value):
            value = value(None, **args)
        return value

    def complete(value: Any, selection_set, path: list) -> Any:
        if value is None or selection_set is None:
            return value
        if isinstance(value, list):
            return [complete(item, selection_set, [*path, i]) for i, item in enumerate(value)]
        result = {}
        for node in fields(selection_set, []):
            key = node.alias.value if node.alias else node.name.value
            where = [*path, key]
            if node.name.value == "__typename":
                result[key] = _typename(value)
                continue
            try:
                result[key] = complete(resolve(value, node, where), node.selection_set, where)
            except (not_found, Unknown) as exc:
                at = get_location(node.loc.source, node.loc.start) if node.loc else None
                errors.append((str(exc), where, [at] if at else None, exc))
                result[key] = None
        return result

    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    return complete(root, operation.selection_set, []), errors


def _typename(value: Any) -> str:
    if isinstance(value, dict):
        return value.get("__typename", "Object")
    return {"GIssue": "Issue", "GRepository": "Repository"}.get(type(value).__name__, "Query")
