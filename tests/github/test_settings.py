"""``github.settings``: the repository settings doctor --setup reads, as plain data."""

from __future__ import annotations

import pytest

from generator.github import GitHubClient
from generator.github import repo_settings as gh
from tests.fakegithub import TOKEN, fake_settings
from tests.fakegithub import settings as fake_repo


@pytest.fixture
def repo(tmp_path, fake_github):
    client = GitHubClient(fake_settings(fake_github, tmp_path), TOKEN, sleep=lambda s: None)
    return client.repo()


def test_a_repository_set_up(repo, fake_github):
    fake_github.add_label("Idea", "a2eeef", "Ideas")
    assert gh.web_url(repo) == "https://github.com/lumen-notes/lumen"
    assert gh.label(repo, "idea") == gh.LabelInfo("Idea", "a2eeef", "Ideas")
    assert gh.pages(repo) == gh.PagesInfo("workflow", "https://lumen-notes.github.io/lumen/")
    assert gh.workflow_permissions(repo) == gh.WorkflowPermissions("read", True)
    assert gh.token_access(repo) == gh.TokenAccess(pull=True, triage=True, push=True)
    assert gh.issues_readable(repo) is True


def test_what_is_missing_is_none_and_what_is_refused_is_unreadable(repo, fake_github):
    state = fake_repo.of(fake_github)
    state.pages = None
    state.workflow_readable = False
    state.permissions = None
    assert gh.label(repo, "idea") is None
    assert gh.pages(repo) is None
    with pytest.raises(gh.Unreadable) as caught:
        gh.workflow_permissions(repo)
    assert (caught.value.status, str(caught.value)) == (
        403,
        "Resource not accessible by integration",
    )
    assert gh.token_access(repo) == gh.TokenAccess(None, None, None)


def test_create_label(repo, fake_github):
    made = gh.create_label(repo, "idea", "#a2eeef", "Ideas")
    assert made == gh.LabelInfo("idea", "a2eeef", "Ideas")
    assert fake_github.repo.labels["idea"].color == "a2eeef"
