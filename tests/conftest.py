"""Fixtures for every test: paths, the fake GitHub (a pytest plugin), fast writes."""

from pathlib import Path

import pytest

from tests.paths import DATA, ROOT

pytest_plugins = ["tests.fakegithub.plugin", "tests.browser"]


@pytest.fixture
def repo_root() -> Path:
    """The repository's root: mkdocs.yml, ideas/, site_theme/."""
    return ROOT


@pytest.fixture
def data_dir() -> Path:
    """tests/data: fixture boards and GitHub's published schemas."""
    return DATA


@pytest.fixture(name="fast_writes")
def fast_writes_fixture(monkeypatch):
    """PyGithub waits 1 s between writes, as it should on GitHub; the fake needs no pause."""
    import generator.github.transport as gh

    real = gh.Github
    monkeypatch.setattr(
        gh, "Github", lambda *a, **k: real(*a, **{**k, "seconds_between_writes": None})
    )
