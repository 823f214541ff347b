"""The configuration's messages, in mkdocs' style: what was expected, what was received."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import (
    PEOPLE_PAGES_AUTO,
    default_settings,
    load_settings,
    people_pages_on,
    validate_options,
)
from generator.errors import IdeaboardError
from generator.model import statuses as st

STATUSES = (
    "['proposed', 'under-review', 'planned', 'in-progress', 'shipped', 'declined', 'duplicate']"
)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"repo": "not a repo"},
            "repo: Expected a GitHub repository as 'owner/name' but received: 'not a repo'",
        ),
        (
            {"repo": "owner/name.git"},
            "repo: Expected a GitHub repository as 'owner/name' but received: 'owner/name.git'",
        ),
        (
            {"statuses": []},
            "statuses: Expected a mapping of status name to category, such as "
            "{planned: active}, but received: []",
        ),
        (
            {"statuses": {"Bad Name": "open"}},
            "statuses: Expected status names of lowercase letters, digits and hyphens "
            "but received: 'Bad Name'",
        ),
        (
            {"statuses": {"new": "later"}},
            "statuses: Expected one of: ['open', 'active', 'completed', 'declined', "
            "'duplicate'] as the category of status 'new' but received: 'later'",
        ),
        (
            {"statuses": {"new": "open"}},
            "statuses: Expected at least one status in each of the categories ['duplicate'] "
            "(intake needs an open one, merging needs a duplicate one) but received: "
            "{'new': 'open'}",
        ),
        (
            {"milestones": [10, 5]},
            "milestones: Expected a list of positive whole numbers in increasing order, "
            "such as [10, 25, 50], but received: [10, 5]",
        ),
        (
            {"tags": ["Bad Tag"]},
            "tags: Expected a list of tags of lowercase letters, digits and hyphens (not "
            "'index', the tag index page) but received: ['Bad Tag']",
        ),
        (
            {"tags": ["mobile\n"]},
            "tags: Expected a list of tags of lowercase letters, digits and hyphens (not "
            "'index', the tag index page) but received: ['mobile\\n']",
        ),
        (
            {"repo": "https://github.com/acme/widget"},
            "repo: Expected a GitHub repository as 'owner/name' but received: "
            "'https://github.com/acme/widget'. Did you mean 'acme/widget'?",
        ),
        (
            {"repo": "git@github.com:acme/widget.git"},
            "repo: Expected a GitHub repository as 'owner/name' but received: "
            "'git@github.com:acme/widget.git'. Did you mean 'acme/widget'?",
        ),
        (
            {"trending_days": 10**12},
            "trending_days: Expected a whole number from 1 to 36,500 but received: 1000000000000",
        ),
        (
            {"layout": "by-month"},
            "layout: Expected one of: ('flat', 'year') but received: 'by-month'",
        ),
        (
            {"api_url": "ftp://x"},
            "api_url: Expected an http(s) URL such as 'https://api.github.com' but "
            "received: 'ftp://x'",
        ),
        (
            {"initial_status": "wip"},
            f"initial_status: Expected one of the configured statuses: {STATUSES} "
            "but received: 'wip'",
        ),
        (
            {"initial_status": "planned"},
            "initial_status: Expected a status in the 'open' category but received: "
            "'planned' (active)",
        ),
        (
            {"trending_days": 0},
            "trending_days: Expected a whole number from 1 to 36,500 but received: 0",
        ),
        (
            {"max_file_size": "big"},
            "max_file_size: Expected a whole number from 1 to 2,147,483,647 but received: 'big'",
        ),
        (
            {"label": 5},
            "label: Expected type: <class 'str'> but received: <class 'int'>",
        ),
        (
            {"people_pages": "yes"},
            "people_pages: Expected one of: [true, false, 'auto'] but received: 'yes'",
        ),
    ],
)
def test_option_messages(options: dict, message: str) -> None:
    with pytest.raises(IdeaboardError) as caught:
        validate_options(options, Path("/board"))
    assert str(caught.value) == f"mkdocs.yml: plugins.ideaboard.{message}"


def test_token_env_never_echoes_a_token() -> None:
    with pytest.raises(IdeaboardError) as caught:
        validate_options({"token_env": "ghp_abc123secret-token"}, Path("/board"))
    assert "ghp_abc123secret-token" not in str(caught.value)
    assert str(caught.value) == (
        "mkdocs.yml: plugins.ideaboard.token_env: Expected the name of an environment "
        "variable, such as GITHUB_TOKEN, but received a value that is not one (not shown "
        "here, in case it is a secret). Put the variable's name here, never the token itself."
    )


def test_defaults() -> None:
    settings = default_settings(Path("/board"))
    assert settings.statuses == st.DEFAULT_STATUSES
    assert settings.ideas_dir == Path("/board/ideas")
    assert settings.snapshot == Path("/board/ideas/snapshot.json")
    assert settings.max_file_size == 256 * 1024
    assert settings.tags == ()
    assert settings.issue_base_url == "https://github.com//issues"


def test_load_settings_reads_the_plugin_entry(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Lumen ideas\nsite_url: https://ideas.example.com/\n"
        "plugins:\n  - search\n  - ideaboard:\n      repo: lumen-notes/lumen\n"
        "      tags: [editor]\n"
    )
    settings = load_settings(config)
    assert settings.repo == "lumen-notes/lumen"
    assert settings.tags == ("editor",)
    assert settings.site_name == "Lumen ideas"
    assert settings.issue_base_url == "https://github.com/lumen-notes/lumen/issues"
    assert settings.root == tmp_path.resolve()


def test_load_settings_messages(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yml"
    with pytest.raises(IdeaboardError) as caught:
        load_settings(missing)
    assert str(caught.value) == (
        f"{missing}: no such file. Run ideaboard from the board's folder, or pass --config-file."
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - ideaboard: [a, b]\n")
    with pytest.raises(IdeaboardError) as caught:
        load_settings(config)
    assert str(caught.value) == (
        f"{config}: plugins.ideaboard: Expected a mapping of options but received: ['a', 'b']"
    )
    config.write_text("plugins:\n  - ideaboard:\n      repo: a/b\n     label: x\n")
    with pytest.raises(IdeaboardError) as caught:
        load_settings(config)
    assert str(caught.value).startswith(f"{config}: not valid YAML: ")
    assert "line 4, column 6" in str(caught.value)
    config.write_text("plugins:\n  - ideaboard:\n      repo: nope\n      trending_days: 0\n")
    with pytest.raises(IdeaboardError) as caught:
        load_settings(config)
    # Every bad option is reported, not only the first as mkdocs itself would.
    assert str(caught.value) == (
        f"{config}: plugins.ideaboard.repo: Expected a GitHub repository as 'owner/name' "
        f"but received: 'nope'\n{config}: plugins.ideaboard.trending_days: Expected a whole "
        "number from 1 to 36,500 but received: 0"
    )


def test_an_unknown_option_is_reported() -> None:
    with pytest.raises(IdeaboardError) as caught:
        validate_options({"trending_dayz": 7}, Path("/board"))
    assert str(caught.value).endswith(
        "plugins.ideaboard.trending_dayz: Expected one of the options ['api_url', "
        "'author_votes', 'ideas_dir', 'initial_status', 'label', 'language', 'layout', "
        "'max_file_size', 'max_rate_limit_wait', 'milestone_comments', 'milestones', "
        "'notify_voters', 'people_pages', 'recently_shipped_days', 'repo', 'snapshot', "
        "'stale_days', 'status_titles', 'statuses', 'sync', 'tags', 'token_env', "
        "'trending_days'] "
        "but received an unknown option: 'trending_dayz'. Did you mean 'trending_days'?"
    )


def test_every_bad_option_is_reported_at_once() -> None:
    with pytest.raises(IdeaboardError) as caught:
        validate_options({"repo": "bad", "milestones": [5, 3]}, Path("/board"), source="m.yml")
    assert str(caught.value).splitlines() == [
        "m.yml: plugins.ideaboard.repo: Expected a GitHub repository as 'owner/name' "
        "but received: 'bad'",
        "m.yml: plugins.ideaboard.milestones: Expected a list of positive whole numbers in "
        "increasing order, such as [10, 25, 50], but received: [5, 3]",
    ]


def test_people_pages_are_on_for_a_board_up_to_the_auto_size() -> None:
    assert default_settings(Path("/board")).people_pages == "auto"
    for value in (True, False, "auto"):
        assert validate_options({"people_pages": value}, Path("/board")).people_pages == value
    assert people_pages_on("auto", PEOPLE_PAGES_AUTO)
    assert not people_pages_on("auto", PEOPLE_PAGES_AUTO + 1)
    assert people_pages_on(True, 10**6)
    assert not people_pages_on(False, 1)
