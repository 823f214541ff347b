"""The fake GitHub as a pytest plugin: the ``fake_github`` fixture, for every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakegithub import REPO, TOKEN, FakeGitHub


@pytest.fixture(name="fake_github")
def fake_github_fixture() -> Iterator[FakeGitHub]:
    """A started ``FakeGitHub`` for ``lumen-notes/lumen`` expecting ``TOKEN``.

    On teardown it fails the test if any GraphQL query was one GitHub would refuse.
    """
    with FakeGitHub(REPO, token=TOKEN) as fake:
        yield fake
        assert fake.invalid_queries == [], fake.invalid_queries
