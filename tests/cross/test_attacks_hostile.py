"""Hostile and broken idea files, end to end: each gets a clear error, every problem is
reported in one run, the rest of the board still validates, and a board of the good
files (emoji, right-to-left and CJK titles included) builds and shows them correctly.

The loader (``generator/loader.py``) does the refusing; these tests check the whole
path as a maintainer meets it: ``ideaboard validate``, ``ideaboard new`` and
``ideaboard build`` as subprocesses, with a memory limit. (The subprocess timeout only
turns a hang into a failure instead of a stuck run; how fast validation is, is measured
in ``tests/benchmarks/bench_loader.py``, not here.)
"""

from __future__ import annotations

import html
import os
import re
import resource
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.authoring.slug import slugify, unique_slug
from generator.model.idea import SLUG_RE
from tests.browser import build_site
from tests.helpers import run_ideaboard
from tests.paths import DATA, ROOT

SECRET = (DATA / "attacks" / "secret.txt").read_text(encoding="utf-8").splitlines()[0]
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GB of address space for a validate run

UNICODE_TITLES = {
    "emoji": "🌙 Dark mode 🌙",
    "emoji-only": "🌙🌞⭐",
    "emoji-only-2": "🌞🌙⭐",
    "rtl-arabic": "وضع داكن للمحرر",
    "rtl-hebrew": "מצב כהה לעורך",
    "cjk-chinese": "深色模式",
    "cjk-japanese": "ダークモード",
    "cjk-korean": "다크 모드",
    "mixed": "Mode sombre — 深色 — داكن",
    "combining": "Cre\u0300me bru\u0302le\u0301e",
}

GOOD = {"title": "Good idea", "summary": "Fine.", "status": "proposed", "created": "2026-01-05"}


def _yaml(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100_000)


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\ntitle: *j\n"


# Each hostile file, and what its message must say.
HOSTILE: dict[str, tuple[bytes, str]] = {
    "bomb.yaml": (
        _bomb().encode(),
        "2:8: YAML aliases (*a) are not allowed in idea files: aliases can expand "
        "exponentially (a 'YAML bomb'); write the value out in full",
    ),
    "oversize.yaml": (
        _yaml({**GOOD, "description": "x" * 300_000}).encode(),
        "over the limit of",
    ),
    "latin1.yaml": (_yaml({**GOOD, "title": "Café"}).encode("latin-1"), "expected UTF-8"),
    "utf16.yaml": (_yaml(GOOD).encode("utf-16"), "expected UTF-8"),
    "nul.yaml": (b"title: a\x00b\nsummary: s\nstatus: proposed\ncreated: 2026-01-05\n", "U+0000"),
    "surrogate.yaml": (
        b'title: "lone \\uD800"\nsummary: s\nstatus: proposed\ncreated: 2026-01-05\n',
        "malformed YAML",
    ),
    "deep-flow.yaml": (b"title: " + b"[" * 20_000 + b"]" * 20_000 + b"\n", "nested more than"),
    "deep-block.yaml": (
        (
            _yaml(GOOD) + "description:\n" + "".join(f"{'  ' * i}- \n" for i in range(1, 60))
        ).encode(),
        "nested more than",
    ),
    "many-tags.yaml": (
        _yaml({**GOOD, "tags": [f"t{i}" for i in range(10_000)]}).encode(),
        "tags: expected",
    ),
    "long-title.yaml": (_yaml({**GOOD, "title": "T" * 10_000}).encode(), "title: expected at most"),
    "bad-tags.yaml": (
        _yaml({**GOOD, "tags": ["<script>alert(1)</script>", "{ onclick=x }"]}).encode(),
        "tags.0: expected a slug",
    ),
    "bad-urls.yaml": (
        _yaml(
            {
                **GOOD,
                "links": [{"title": "t", "url": "javascript:alert(1)"}],
                "shipped_in": {"release": "1", "url": "data:text/html,x"},
            }
        ).encode(),
        "links.0.url",
    ),
    "empty.yaml": (b"", "empty"),
}


def write_hostile_board(root: Path) -> Path:
    """Good files, every hostile file, and a symlink out of ideas/ to a planted secret."""
    ideas = root / "ideas"
    ideas.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Hostile\nplugins:\n  - ideaboard:\n      repo: acme/widgets\n",
        encoding="utf-8",
    )
    (ideas / "good-idea.yaml").write_text(_yaml(GOOD), encoding="utf-8")
    for slug, title in UNICODE_TITLES.items():
        data = {**GOOD, "title": title, "summary": f"{title}, summarized."}
        (ideas / f"{slug}.yaml").write_text(_yaml(data), encoding="utf-8")
    for name, (content, _message) in HOSTILE.items():
        (ideas / name).write_bytes(content)
    (root / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    os.symlink(root / "secret.txt", ideas / "escape.yaml")
    os.symlink("/etc/passwd", ideas / "passwd.yaml")
    return root / "mkdocs.yml"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(config: Path, *args: str, limit_memory: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_TOKEN"}
    preexec_fn = _limit_memory if limit_memory else None
    return run_ideaboard(config, *args, env=env, timeout=120, preexec_fn=preexec_fn)


def test_every_hostile_file_gets_a_clear_error_and_the_rest_validates(tmp_path):
    config = write_hostile_board(tmp_path)
    result = run(config, "validate", limit_memory=True)  # 1 GB of address space
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    lines = output.splitlines()
    for name, (_content, message) in HOSTILE.items():
        mine = [line for line in lines if line.startswith(f"ideas/{name}:")]
        assert mine, f"no problem reported for {name}:\n{output}"
        assert any(message in line for line in mine), (name, mine)
    for name in ("escape.yaml", "passwd.yaml"):
        mine = [line for line in lines if line.startswith(f"ideas/{name}:")]
        assert mine, f"no problem reported for the symlink {name}"
        assert "symlink" in mine[0], mine
    # Nothing of the files the symlinks point to is shown.
    assert SECRET not in output
    assert "root:x:0:0" not in output
    # The good files are not blamed, and they are all counted as OK.
    for slug in ("good-idea", *UNICODE_TITLES):
        assert f"ideas/{slug}.yaml:" not in output, slug
    assert re.search(rf"\({1 + len(UNICODE_TITLES)} ideas OK\)", output), output


def test_the_size_limit_can_be_configured(tmp_path):
    (tmp_path / "ideas").mkdir()
    (tmp_path / "ideas" / "big.yaml").write_text(
        _yaml({**GOOD, "description": "x" * 2000}), encoding="utf-8"
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: S\nplugins:\n  - ideaboard:\n      max_file_size: 1024\n", encoding="utf-8"
    )
    result = run(config, "validate")
    assert result.returncode == 1
    assert "over the limit of 1,024 bytes" in result.stdout + result.stderr
    assert "max_file_size" in result.stdout + result.stderr
    config.write_text(
        "site_name: S\nplugins:\n  - ideaboard:\n      max_file_size: 4096\n", encoding="utf-8"
    )
    assert run(config, "validate").returncode == 0


def test_unicode_titles_get_valid_unique_slugs():
    taken: set[str] = set()
    for title in [*UNICODE_TITLES.values(), *UNICODE_TITLES.values()]:
        slug = unique_slug(title, taken)
        assert SLUG_RE.match(slug), (title, slug)
        assert len(slug) <= 80
        assert slug not in taken
        taken.add(slug)
    assert slugify("Crème brûlée") == "creme-brulee"
    assert slugify("\u202eevil\u202c") == slugify("evil")
    assert SLUG_RE.match(slugify("<script>alert(1)</script>"))
    assert SLUG_RE.match(slugify("../../etc/passwd"))
    assert SLUG_RE.match(slugify("\x00" * 10))


def test_new_makes_files_for_unicode_titles(tmp_path):
    (tmp_path / "ideas").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: S\nplugins:\n  - ideaboard\n", encoding="utf-8")
    paths = []
    for title in [*UNICODE_TITLES.values(), "🌙 Dark mode 🌙"]:
        result = run(config, "new", title)
        assert result.returncode == 0, result.stderr
        paths.append(result.stdout.strip())
    assert len(set(paths)) == len(paths)
    for path in paths:
        assert SLUG_RE.match(Path(path).stem), path
    assert run(config, "validate").returncode == 0


def test_the_good_files_build_and_show_their_titles(tmp_path):
    config = write_hostile_board(tmp_path)
    for name in [*HOSTILE, "escape.yaml", "passwd.yaml"]:
        (tmp_path / "ideas" / name).unlink()
    text = yaml.safe_load(config.read_text(encoding="utf-8"))
    text.update(
        docs_dir=str(ROOT / "site_theme" / "pages"),
        theme={"name": "material", "custom_dir": str(ROOT / "site_theme" / "overrides")},
        site_url="https://example.org/",
    )
    config.write_text(yaml.safe_dump(text), encoding="utf-8")
    site = build_site(config, tmp_path / "site")
    for slug, title in UNICODE_TITLES.items():
        page = (site / "ideas" / f"{slug}.html").read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert h1, slug
        assert html.unescape(h1.group(1)).strip() == title, (slug, h1.group(1))


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_never_crashes_the_interpreter(tmp_path, depth):
    """PyYAML's C composer recurses; a file of brackets must be an error, not a crash."""
    (tmp_path / "ideas").mkdir()
    (tmp_path / "ideas" / "deep.yaml").write_bytes(b"title: " + b"[" * depth + b"\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: S\nplugins:\n  - ideaboard:\n      max_file_size: 1000000\n",
        encoding="utf-8",
    )
    result = run(config, "validate", limit_memory=True)
    assert result.returncode == 1, result.stderr
    assert "ideas/deep.yaml:" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


# --- hostile data from GitHub -------------------------------------------------------------


def test_a_lone_surrogate_from_github_does_not_break_sync(tmp_path):
    from tests.fakegithub import REPO, TOKEN, FakeGitHub

    with FakeGitHub(REPO, token=TOKEN) as fake:
        fake.add_issue(12, "lone \ud800 surrogate", author="alice", body="body \udfff")
        fake.react(12, "bob")
        (tmp_path / "ideas").mkdir()
        config = tmp_path / "mkdocs.yml"
        config.write_text(
            f"site_name: S\nplugins:\n  - ideaboard:\n      repo: {REPO}\n"
            f"      api_url: {fake.api_url}\n",
            encoding="utf-8",
        )
        env = {**os.environ, "GITHUB_TOKEN": TOKEN, "CI": "true"}
        result = run_ideaboard(config, "sync", env=env, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    from generator.sync.store import load

    issue = load(tmp_path / "ideas" / "snapshot.json").issues[12]
    assert (issue.title, issue.body) == ("lone \ufffd surrogate", "body \ufffd")


# --- issue 12: markdown that crashed or stalled the build ------------------------------------

RENDER_ATTACKS = {
    "plus-lists": "+ " * 600,
    "ordered-lists": "1. " * 500,
    "setext": "a\n=\n" * 4_000,
    "quotes": "> " * 2_000 + "x",
}


def test_markdown_that_crashed_the_build_is_shown_as_text_and_validate_names_it(tmp_path):
    (tmp_path / "ideas").mkdir()
    for slug, text in RENDER_ATTACKS.items():
        data = {**GOOD, "title": slug, "description": text}
        data["history"] = [{"date": "2026-01-05", "status": "proposed", "note": text[:4_000]}]
        (tmp_path / "ideas" / f"{slug}.yaml").write_text(_yaml(data), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "site_name": "S",
                "site_url": "https://example.org/",
                "docs_dir": str(ROOT / "site_theme" / "pages"),
                "theme": {"name": "material", "custom_dir": str(ROOT / "site_theme" / "overrides")},
                "plugins": [{"ideaboard": {}}],
            }
        ),
        encoding="utf-8",
    )
    result = run(config, "validate")
    assert result.returncode == 1
    named = sorted({line.split(":")[0] for line in result.stdout.splitlines() if "ideas/" in line})
    assert named == [f"ideas/{slug}.yaml" for slug in sorted(RENDER_ATTACKS)]
    assert "description: expected markdown the site can render in a moment" in result.stdout
    assert "history.0.note: expected markdown the site can render in a moment" in result.stdout
    site = build_site(config, tmp_path / "site")
    page = (site / "ideas" / "plus-lists.html").read_text(encoding="utf-8")
    assert "<p>&#43; &#43; &#43;" in page or "<p>+ + +" in page
