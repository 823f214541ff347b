"""``ideaboard init``: a new board in an empty repository, for a product of one's own."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from generator.authoring import repo_from_remote
from generator.cli import main
from tests.paths import ROOT


def git_repo(path, remote="git@github.com:acme/widget.git"):
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    if remote:
        subprocess.run(["git", "-C", str(path), "remote", "add", "origin", remote], check=True)
    return path


def init(folder, *args):
    return CliRunner().invoke(main, ["-f", str(folder / "mkdocs.yml"), "init", *args])


WRITTEN = [
    ".github/ISSUE_TEMPLATE/config.yml",
    ".github/ISSUE_TEMPLATE/idea.yml",
    ".github/workflows/feedback.yml",
    ".github/workflows/intake.yml",
    ".github/workflows/publish.yml",
    ".github/workflows/validate.yml",
    "ideas/dark-mode.yaml",
    "mkdocs.yml",
    "requirements.txt",
]


def test_init_writes_a_board_named_after_the_product(tmp_path):
    folder = git_repo(tmp_path / "widget")
    result = init(folder, "--name", "Widget")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for path in WRITTEN:
        assert f"wrote: {path}" in lines
    assert "wrote: site_theme/pages/about.md" in lines
    assert "wrote: .gitignore" in lines
    assert lines[-2] == (
        "Board for Widget (acme/widget), published at https://acme.github.io/widget/: "
        f"{len(lines) - 2} written, 0 unchanged, 0 kept."
    )
    config = (folder / "mkdocs.yml").read_text()
    assert "site_name: Widget ideas\n" in config
    assert "site_url: https://acme.github.io/widget/\n" in config
    assert "      repo: acme/widget\n" in config
    about = (folder / "site_theme/pages/about.md").read_text()
    assert "the Widget community" in about
    assert "https://github.com/acme/widget/issues/new?template=idea.yml" in about
    contact = (folder / ".github/ISSUE_TEMPLATE/config.yml").read_text()
    assert "url: https://acme.github.io/widget/\n" in contact


def test_the_workflows_and_theme_are_this_repositorys_own(tmp_path):
    folder = git_repo(tmp_path / "widget")
    init(folder, "--name", "Widget")
    for name in ("feedback.yml", "intake.yml", "publish.yml", "validate.yml"):
        ours = (ROOT / ".github/workflows" / name).read_text()
        theirs = (folder / ".github/workflows" / name).read_text()
        assert theirs == ours.replace(
            "python -m pip install -c requirements/run.txt .",
            "python -m pip install -r requirements.txt",
        )
    for path in (ROOT / "site_theme/overrides").rglob("*"):
        if path.is_file():
            rel = path.relative_to(ROOT)
            assert (folder / rel).read_bytes() == path.read_bytes(), rel


def test_right_after_init_the_board_validates_and_builds_with_no_trace_of_the_sample(tmp_path):
    folder = git_repo(tmp_path / "widget")
    assert init(folder, "--name", "Widget").exit_code == 0
    validate = CliRunner().invoke(main, ["-f", str(folder / "mkdocs.yml"), "validate"])
    assert validate.exit_code == 0, validate.output
    assert validate.output == "1 idea OK\n"
    build = CliRunner().invoke(
        main, ["-f", str(folder / "mkdocs.yml"), "build", "--strict", "--offline"]
    )
    assert build.exit_code == 0, build.output
    site = folder / "site"
    assert (site / "index.html").is_file()
    traces = [
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file()
        and ".git" not in path.parts
        and any(word in path.read_bytes().lower() for word in (b"lumen", b"lumen-notes"))
    ]
    assert traces == []


def test_running_init_twice_changes_nothing(tmp_path):
    folder = git_repo(tmp_path / "widget")
    init(folder, "--name", "Widget")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts}
    result = init(folder, "--name", "Widget")
    assert result.exit_code == 0
    assert "wrote:" not in result.output
    assert result.output.splitlines()[-1].endswith(f": 0 written, {len(before)} unchanged, 0 kept.")
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts}
    assert after == before


def test_init_keeps_a_file_that_differs_unless_forced(tmp_path):
    folder = git_repo(tmp_path / "widget")
    (folder / "mkdocs.yml").write_text("site_name: Mine\n")
    (folder / ".gitignore").write_text("node_modules/")
    result = init(folder, "--name", "Widget")
    assert "kept (differs; --force replaces it): mkdocs.yml" in result.output.splitlines()
    assert (folder / "mkdocs.yml").read_text() == "site_name: Mine\n"
    # .gitignore is extended, never replaced.
    assert (folder / ".gitignore").read_text() == (
        "node_modules/\n/site/\nideas/snapshot.json.prev\nideas/.snapshot.json.*.tmp\n"
    )
    forced = init(folder, "--name", "Widget", "--force")
    assert "wrote: mkdocs.yml" in forced.output.splitlines()
    assert "site_name: Widget ideas" in (folder / "mkdocs.yml").read_text()


def test_empty_starts_without_an_example_idea(tmp_path):
    folder = git_repo(tmp_path / "widget")
    init(folder, "--name", "Widget", "--empty")
    assert [p.name for p in (folder / "ideas").iterdir()] == [".gitkeep"]


def test_repo_option_and_user_site(tmp_path):
    folder = git_repo(tmp_path / "site", remote=None)
    result = init(folder, "--repo", "acme/acme.github.io", "--name", "Acme")
    assert result.exit_code == 0, result.output
    assert "site_url: https://acme.github.io/\n" in (folder / "mkdocs.yml").read_text()


def test_without_a_remote_init_says_what_to_pass(tmp_path):
    folder = git_repo(tmp_path / "widget", remote=None)
    result = init(folder)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: expected a GitHub remote to take the repository from but found no git "
        "remote; pass --repo OWNER/NAME."
    )


def test_a_repository_url_is_answered_with_owner_and_name(tmp_path):
    folder = git_repo(tmp_path / "widget", remote=None)
    result = init(folder, "--repo", "https://github.com/acme/widget")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--repo': expected OWNER/NAME, such as 'acme/widget', but "
        "received: 'https://github.com/acme/widget'. Did you mean 'acme/widget'?"
    )


@pytest.mark.parametrize(
    ("url", "repo"),
    [
        ("git@github.com:acme/widget.git", "acme/widget"),
        ("https://github.com/acme/widget.git", "acme/widget"),
        ("https://github.com/acme/widget", "acme/widget"),
        ("ssh://git@github.com/acme/widget.git", "acme/widget"),
        ("https://token@github.com/acme/widget.git", "acme/widget"),
        ("https://gitlab.com/acme/widget.git", None),
        ("git@github.com:acme/widget/extra.git", None),
    ],
)
def test_repo_from_remote(url, repo):
    assert repo_from_remote(url) == repo


def test_init_in_another_language_writes_a_board_that_speaks_it(tmp_path):
    folder = git_repo(tmp_path / "widget")
    result = init(folder, "--name", "Widget", "--language", "de")
    assert result.exit_code == 0, result.output
    assert (
        "The board speaks de; the About page (site_theme/pages/about.md) and the issue form "
        "(.github/ISSUE_TEMPLATE/idea.yml) are in English: translate them for your readers."
    ) in result.output.splitlines()
    config = (folder / "mkdocs.yml").read_text()
    assert "\n  language: de\n" in config
    assert "site_description: Schlage Ideen für Widget vor, stimme ab und verfolge sie.\n" in config
    build = CliRunner().invoke(
        main, ["-f", str(folder / "mkdocs.yml"), "build", "--strict", "--offline"]
    )
    assert build.exit_code == 0, build.output
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in home
    assert "Umgesetzt" in home  # the "Shipped" tab that init wrote, in German
    assert "Switch to the dark palette" not in home


def test_init_refuses_a_language_cldr_does_not_know(tmp_path):
    folder = git_repo(tmp_path / "widget")
    result = init(folder, "--language", "klingon-x")
    assert result.exit_code == 2
    assert (
        "Invalid value for '--language': expected a language tag that CLDR knows, such as "
        "'de', 'pt-BR' or 'zh-Hans', but received: 'klingon-x'."
    ) in " ".join(result.output.split())
    assert not (folder / "mkdocs.yml").exists()
