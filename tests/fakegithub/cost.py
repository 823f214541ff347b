"""GitHub's GraphQL rate-limit formula, for the fake to charge points as GitHub does.

From docs.github.com ("Rate limits and node limits for the GraphQL API"):
add up the requests needed to fulfil each connection, assuming every one
reaches its ``first``/``last`` limit (a connection inside a connection of
``first: 100`` needs 100 requests), divide by 100 and round: that is the
query's cost, at least 1 point.  The node count multiplies the page sizes
down each path; a query over 500,000 nodes is refused.

A field counts as a connection when it is given ``first`` or ``last``;
``reactionGroups`` (a plain list) and ``reactors { totalCount }`` (no page
asked for) cost nothing, as on GitHub.
"""

from __future__ import annotations

from typing import Any

from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

MAX_NODES = 500_000


def cost(document: DocumentNode, variables: dict[str, Any]) -> tuple[int, int]:
    """``(points, nodes)`` GitHub would charge and count for ``document``."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    totals = [0, 0]  # requests, nodes

    def walk(selections: SelectionSetNode | None, multiplier: int) -> None:
        for node in selections.selections if selections else ():
            if isinstance(node, FragmentSpreadNode):
                walk(fragments[node.name.value].selection_set, multiplier)
            elif isinstance(node, InlineFragmentNode):
                walk(node.selection_set, multiplier)
            elif isinstance(node, FieldNode):
                size = _page_size(node, variables)
                if size is None:
                    walk(node.selection_set, multiplier)
                else:
                    totals[0] += multiplier
                    totals[1] += multiplier * size
                    walk(node.selection_set, multiplier * size)

    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            walk(definition.selection_set, 1)
    requests, nodes = totals
    return max(1, int(requests / 100 + 0.5)), nodes


def _page_size(node: FieldNode, variables: dict[str, Any]) -> int | None:
    for argument in node.arguments or ():
        if argument.name.value in ("first", "last"):
            value = argument.value
            if value.kind == "variable":
                found = variables.get(value.name.value)
                return int(found) if found is not None else None
            return int(getattr(value, "value", 0))
    return None
