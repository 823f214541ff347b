"""Make ``openapi.json``: the few REST operations ideaboard uses, from ``@octokit/openapi``.

How the committed file was made (npm is the only network access needed)::

    cd /tmp && npm pack @octokit/openapi@23.0.2
    tar xzf octokit-openapi-23.0.2.tgz package/generated/api.github.com.json
    python tests/data/github/trim_openapi.py /tmp/package/generated/api.github.com.json \
        > tests/data/github/openapi.json

It keeps the operations in ``OPERATIONS`` and every component they reach
through ``$ref`` (transitively), and nothing else, so the file stays small
enough to commit while every schema in it is GitHub's own, unedited.
"""

from __future__ import annotations

import json
import sys

# (path, method): what the fake GitHub serves and the client calls.
OPERATIONS = [
    ("/rate_limit", "get"),
    ("/repos/{owner}/{repo}", "get"),
    ("/repos/{owner}/{repo}/issues", "get"),
    ("/repos/{owner}/{repo}/issues/{issue_number}", "get"),
    ("/repos/{owner}/{repo}/issues/{issue_number}", "patch"),
    ("/repos/{owner}/{repo}/issues/{issue_number}/comments", "get"),
    ("/repos/{owner}/{repo}/issues/{issue_number}/comments", "post"),
    ("/repos/{owner}/{repo}/issues/{issue_number}/labels", "post"),
    ("/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", "delete"),
    ("/repos/{owner}/{repo}/issues/{issue_number}/reactions", "get"),
    ("/repos/{owner}/{repo}/labels", "get"),
    ("/repos/{owner}/{repo}/labels", "post"),
    # doctor --setup: the GitHub side of a board
    ("/repos/{owner}/{repo}/labels/{name}", "get"),
    ("/repos/{owner}/{repo}/pages", "get"),
    ("/repos/{owner}/{repo}/actions/permissions/workflow", "get"),
]


def _refs(node, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            found.add(ref)
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def _lookup(spec: dict, ref: str):
    node = spec
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def trim(spec: dict) -> dict:
    """The spec with only ``OPERATIONS`` and the components they use."""
    paths: dict = {}
    for path, method in OPERATIONS:
        operation = dict(spec["paths"][path][method])
        for key in ("x-github", "externalDocs"):  # docs metadata, not shape
            operation.pop(key, None)
        paths.setdefault(path, {})[method] = operation
    seen: set[str] = set()
    todo: set[str] = set()
    _refs(paths, todo)
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        found: set[str] = set()
        _refs(_lookup(spec, ref), found)
        todo |= found - seen
    components: dict = {}
    for ref in sorted(seen):
        _, _, kind, name = ref.split("/", 3)
        components.setdefault(kind, {})[name] = _lookup(spec, ref)
    return {
        "openapi": spec["openapi"],
        "info": {**spec["info"], "x-trimmed-by": "tests/data/github/trim_openapi.py"},
        "paths": paths,
        "components": components,
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        source = json.load(handle)
    json.dump(trim(source), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
