"""``ideaboard build`` end to end: the sample board, offline; determinism; validation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.browser_support import broken_links
from tests.conftest import ROOT
from tests.test_plugin import mkdocs_build, write_board

IDEABOARD = (sys.executable, "-c", "from generator.cli import main; main()")


def offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return env


def ideaboard_build(config: Path, site: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*IDEABOARD, "-f", str(config), "build", "-d", str(site), *extra],
        capture_output=True,
        text=True,
        env=offline_env(),
        cwd=config.parent,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The sample board (the repository's mkdocs.yml), built once with ``ideaboard build``."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = ideaboard_build(ROOT / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site, result


def test_build_says_it_uses_the_snapshot_when_there_is_no_token(sample):
    _site, result = sample
    lines = [line for line in result.stderr.splitlines() if "snapshot" in line]
    assert lines == [
        "INFO    -  No GITHUB_TOKEN set: sync skipped; "
        "using the snapshot from 2026-11-20T12:00:00Z."
    ]


def test_sample_board_has_every_page_type(sample):
    site, _ = sample
    ideas = sorted(p.parent.name for p in (site / "ideas").glob("*/index.html"))
    assert len(ideas) >= 10
    for path in (
        "index.html",
        "roadmap/index.html",
        "shipped/index.html",
        "proposals/index.html",
        "insights/index.html",
        "tags/index.html",
        "about/index.html",
        "api/ideas.json",
        "feeds/changes.xml",
        "schema/idea.schema.json",
    ):
        assert (site / path).is_file(), path
    api = json.loads((site / "api/ideas.json").read_text(encoding="utf-8"))
    assert sorted(api["ideas"]) == ideas


def test_sample_board_links_resolve(sample):
    site, _ = sample
    assert broken_links(site, base="/lumen/") == []


def test_sample_board_stays_within_the_size_budgets(sample):
    site, _ = sample
    pages = list((site / "ideas").glob("*/index.html"))
    average = sum(p.stat().st_size for p in pages) / len(pages)
    assert average < 40 * 1024
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    idea_docs = [d for d in index["docs"] if d["location"].startswith("ideas/")]
    assert len(idea_docs) == len(pages)  # one search entry per idea
    assert len(json.dumps(idea_docs)) / len(pages) < 1024
    assert (site / "api/board.json").stat().st_size / len(pages) < 1024


def test_two_builds_are_byte_identical(tmp_path, sample):
    first, _ = sample
    second = tmp_path / "again"
    result = ideaboard_build(ROOT / "mkdocs.yml", second)
    assert result.returncode == 0, result.stderr
    files_a = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(p) for p in files_a if (first / p).read_bytes() != (second / p).read_bytes()]
    assert different == []


def test_fixture_builds_are_byte_identical_too(tmp_path):
    config = write_board(tmp_path)
    a = mkdocs_build(config, tmp_path / "a")
    b = mkdocs_build(config, tmp_path / "b")
    for file in a.rglob("*"):
        if file.is_file():
            assert file.read_bytes() == (b / file.relative_to(a)).read_bytes(), file


def test_build_validates_first_and_reports_like_validate(tmp_path):
    config = write_board(tmp_path)
    (tmp_path / "ideas" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["-f", str(config), "build", "-d", "site"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("ideas/broken.yaml:1:8: malformed YAML")
    assert lines[-1].startswith("1 problem in 1 file")
    assert not (tmp_path / "site").exists()


def test_offline_flag_skips_the_sync(tmp_path):
    config = write_board(tmp_path)
    env_token = {"GITHUB_TOKEN": "ghp_not_used_because_offline"}
    result = subprocess.run(
        [*IDEABOARD, "-f", str(config), "build", "--offline"],
        capture_output=True,
        text=True,
        env={**offline_env(), **env_token},
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (
        "--offline: sync skipped; building from the snapshot synced 20 November 2026, 12:00 UTC"
        in result.stderr
    )
    assert (tmp_path / "site" / "index.html").is_file()
