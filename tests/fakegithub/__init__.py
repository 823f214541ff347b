"""A fake GitHub for tests: real HTTP on 127.0.0.1, GraphQL checked against GitHub's schema.

Use it as a context manager, or through the pytest fixture ``fake_github``, which
the pytest plugin ``tests.fakegithub.plugin`` provides to every test (``tests/conftest.py``
registers it)::

    from tests.fakegithub import TOKEN, FakeGitHub, fake_settings

    with FakeGitHub("lumen-notes/lumen", token=TOKEN) as fake:
        fake.add_issue(12, "Dark mode", author="alice")       # label "idea" by default
        fake.react(12, "bob")                                  # a 👍 from bob
        fake.react(12, "dependabot", user_type="Bot")          # login "dependabot[bot]"
        fake.react(12, None)                                   # a deleted account's 👍
        fake.add_comment(12, "carol", "Yes please")
        settings = fake_settings(fake, tmp_path)               # repo, api_url, snapshot
        client = GitHubClient(settings, TOKEN, sleep=lambda s: None, write_pause=0)
        ...
        assert fake.requests == 2                              # every HTTP request
        assert fake.counts["graphql"] == 2                     # also "rest", "GET /rate_limit", ...
        assert fake.writes == [("POST", "/repos/lumen-notes/lumen/issues/12/comments",
                                {"body": "..."})]
        assert fake.invalid_queries == []                      # the fixture checks this

The API, kept stable for the other test suites:

Helpers: ``TOKEN`` (a recognizable fake token the fixture's server expects),
``REPO``, ``fake_settings(fake, root, **changes)`` (``default_settings(root)``
pointed at the fake, snapshot at ``root/snapshot.json``), ``EPOCH`` (the default
time base of issues: 2026-01-01 UTC).

State (all under ``fake.lock``; helpers take it for you):
    ``add_issue(number=None, title=None, *, author="alice", author_type="User",
    labels=("idea",), state="open", state_reason=None, locked=False, body="",
    created_at=None, updated_at=None, pull_request=False) -> state.Issue``;
    ``react(number, login, content="+1", *, at=None, user_type="User")`` (does not
    touch ``updated_at``, as on GitHub); ``unreact(number, login, content="+1")``;
    ``add_comment(number, login, body="Me too", *, at=None, association="NONE",
    user_type="User")`` (bumps ``updated_at``; ``association`` is the REST
    ``author_association`` / GraphQL ``authorAssociation``: ``OWNER``, ``MEMBER``,
    ``COLLABORATOR``, ``CONTRIBUTOR``, ``NONE``, ...; ``user_type="Bot"`` gives the login
    ``[bot]`` at the end);
    ``delete_issue(n)`` (REST 410, GraphQL NOT_FOUND); ``transfer_issue(n, to, new)``
    (REST 301); ``add_label(name, color, description)``; ``generate(count, label="idea",
    seed=0, max_votes=20, max_comments=3)``; ``issue(n)`` (the live ``state.Issue``:
    ``.labels``, ``.state``, ``.state_reason``, ``.comments``, ``.reactions``);
    ``fake.repo.labels`` (name -> ``state.Label``). ``fake.now`` is the time writes use.

Observation:
    ``requests`` (int), ``counts`` (Counter: ``graphql``, ``rest``, and
    ``"METHOD /route/{template}"``), ``log`` (list of (method, path)), ``writes``
    (list of (method, path, json_body) for every successful write: POST comments,
    POST/DELETE issue labels, POST repo labels, PATCH issue), ``queries`` (GraphQL
    (query, variables) received), ``invalid_queries`` (queries GitHub would refuse, with
    reasons), ``responses`` (REST (method, route, status, body) when ``keep_responses``),
    ``reset_counts()``.

Faults: ``fail_next(kind, count=1, path=None, **options)`` makes the next ``count``
requests whose path contains ``path`` (``"/graphql"``, ``"/comments"``, ...; ``None``
for any) fail.  Kinds: ``timeout`` (``delay`` s, default 2), ``5xx`` (``status``,
default 502), ``truncated`` (200 with half a JSON body; writes still happen),
``partial`` (GraphQL data + errors), ``short`` (a GraphQL 200 that silently drops
the last listed issue and half of each 👍 list), ``rate_limited`` (GraphQL 200 RATE_LIMITED),
``primary`` (403, or ``status=429``; remaining 0, reset in ``reset_in`` s),
``secondary`` (403/429 with ``Retry-After: retry_after``), ``401``, ``404``.

Auth: with ``token=...`` every request needs ``Authorization: token <it>`` or
``Bearer <it>``; anything else gets 401 Bad credentials.

The token's account: comments posted through the API are written as
``ideaboard-bot[bot]`` (type ``Bot``, ``author_association: "NONE"``), as a
workflow's ``GITHUB_TOKEN`` posts as ``github-actions[bot]``.  To play a
maintainer's personal token instead: ``FakeGitHub(REPO, token=TOKEN,
token_login="maintainer", token_user_type="User", token_association="OWNER")``.

Shapes: REST bodies follow ``tests/data/github/openapi.json`` (trimmed from
``@octokit/openapi``); GraphQL is validated against ``schema.graphql`` from
``@octokit/graphql-schema`` and executed with graphql-core.  In GraphQL a bot
author is a ``Bot`` whose login has no ``[bot]``; ``Reaction.user`` is a ``User``
in the schema, so a bot's reaction shows its REST login (``name[bot]``) there.
"""

from __future__ import annotations

from tests.fakegithub.server import FAULTS, FakeGitHub
from tests.fakegithub.state import EPOCH, generate, iso

# Recognizable, never real; split so secret scanners do not flag the source itself.
TOKEN = "ghp_" + "FAKEtoken0123456789abcdefghijklmnopqrstu"
REPO = "lumen-notes/lumen"

__all__ = [
    "EPOCH",
    "FAULTS",
    "REPO",
    "TOKEN",
    "FakeGitHub",
    "fake_settings",
    "generate",
    "iso",
]


def fake_settings(fake: FakeGitHub, root, **changes):
    """Board settings for ``root`` (a tmp folder) pointing at ``fake``; snapshot in ``root``."""
    import dataclasses
    from pathlib import Path

    from generator.config import default_settings

    root = Path(root)
    base = default_settings(root)
    options = {
        "repo": f"{fake.repo.owner}/{fake.repo.name}",
        "api_url": fake.api_url,
        "snapshot": root / "snapshot.json",
        **changes,
    }
    return dataclasses.replace(base, **options)
