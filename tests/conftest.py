"""Shared test helpers: where the repository and the test data are."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def repo_root() -> Path:
    """The repository's root: mkdocs.yml, ideas/, site_theme/."""
    return ROOT


@pytest.fixture
def data_dir() -> Path:
    """tests/data: fixture boards and GitHub's published schemas."""
    return DATA
