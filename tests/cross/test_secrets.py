"""The GitHub token never leaves the environment: not into the site, the snapshot,
the logs, the output, or an exception.

Each test runs the real commands (``ideaboard sync``, ``ideaboard build``) in a
subprocess with a recognizable fake token in ``$GITHUB_TOKEN``, against the fake
GitHub (``tests/fakegithub``) or against a hostile server that echoes the token
back in every answer, through success and failure paths (401, 500, broken JSON,
an unreachable server), and then searches every file under the board's folder,
stdout and stderr for the token (and for its base64 forms, as in a Basic
``Authorization`` header).
"""

from __future__ import annotations

import base64
import http.server
import json
import logging
import os
import subprocess
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.fakegithub import REPO, TOKEN, FakeGitHub
from tests.helpers import run_ideaboard
from tests.paths import ROOT


def token_forms(token: str = TOKEN) -> list[str]:
    """The token, and how it would look in a Basic auth header."""
    forms = [token]
    for text in (token, f"x-access-token:{token}", f"{token}:x-oauth-basic", f":{token}"):
        forms.append(base64.b64encode(text.encode()).decode().rstrip("="))
    return forms


def leaks(*texts: str, root: Path | None = None) -> list[str]:
    """Where the token shows up: in the given texts, or in any file under ``root``."""
    found = []
    for index, text in enumerate(texts):
        for form in token_forms():
            if form in text:
                found.append(f"text #{index}: {form[:12]}... in {text[:300]!r}")
    if root is not None:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                for form in token_forms():
                    if form.encode() in data:
                        found.append(f"file {path.relative_to(root)}")
    return found


def write_board(root: Path, api_url: str, *, issues: tuple[int, ...] = (12,)) -> Path:
    """A small board pointing at ``api_url``; returns its mkdocs.yml."""
    (root / "ideas").mkdir(parents=True, exist_ok=True)
    for number in issues:
        idea = {
            "title": f"Idea {number}",
            "summary": "A summary.",
            "status": "proposed",
            "issue": number,
            "created": "2026-01-05",
        }
        (root / "ideas" / f"idea-{number}.yaml").write_text(
            yaml.safe_dump(idea, sort_keys=False), encoding="utf-8"
        )
    config = {
        "site_name": "Secret board",
        "site_url": "https://example.org/secret/",
        "docs_dir": str(ROOT / "site_theme" / "pages"),
        "theme": {
            "name": "material",
            "custom_dir": str(ROOT / "site_theme" / "overrides"),
            "font": False,
        },
        "extra_css": ["assets/stylesheets/ideaboard.css"],
        "extra_javascript": [
            "assets/javascripts/ideaboard.js",
            "assets/javascripts/ideaboard-search.js",
        ],
        "plugins": ["search", {"ideaboard": {"repo": REPO, "api_url": api_url}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root / "mkdocs.yml"


def run(config: Path, *args: str, token: str = TOKEN) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "IDEABOARD_TOKEN")}
    env.update(GITHUB_TOKEN=token, CI="true", NO_MKDOCS_2_WARNING="1")
    return run_ideaboard(config, *args, env=env, timeout=300)


@pytest.fixture
def fake(fake_github) -> FakeGitHub:
    fake_github.add_issue(12, "Dark mode", author="alice", body="Please.")
    fake_github.react(12, "bob")
    fake_github.add_issue(13, "A new proposal", author="carol")
    return fake_github


# --- the real commands, against the fake GitHub -------------------------------------


def test_sync_and_build_succeed_without_leaking(tmp_path, fake):
    config = write_board(tmp_path, fake.api_url)
    synced = run(config, "sync")
    assert synced.returncode == 0, synced.stderr
    built = run(config, "build", "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "ideas" / "snapshot.json").is_file()
    assert not leaks(synced.stdout, synced.stderr, built.stdout, built.stderr, root=tmp_path)


@pytest.mark.parametrize(
    ("kind", "options"),
    [("401", {}), ("5xx", {"status": 500}), ("truncated", {}), ("404", {})],
    ids=["401", "500", "truncated-json", "404"],
)
def test_failing_sync_and_build_do_not_leak(tmp_path, fake, kind, options):
    config = write_board(tmp_path, fake.api_url)
    assert run(config, "sync").returncode == 0  # a last good snapshot to keep
    fake.fail_next(kind, count=1000, **options)
    synced = run(config, "sync", "--full")
    assert synced.returncode != 0
    built = run(config, "build", "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr  # the build goes on with the snapshot
    assert "sync failed" in built.stderr
    assert not leaks(synced.stdout, synced.stderr, built.stdout, built.stderr, root=tmp_path)


def test_unreachable_server_does_not_leak(tmp_path):
    config = write_board(tmp_path, "http://127.0.0.1:9/api/v3")  # the discard port: refused
    synced = run(config, "sync")
    assert synced.returncode != 0
    built = run(config, "build", "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    assert not leaks(synced.stdout, synced.stderr, built.stdout, built.stderr, root=tmp_path)


# --- a hostile server that echoes the token back ------------------------------------------


class _Echo(http.server.BaseHTTPRequestHandler):
    """Answers every request with the caller's Authorization header in the body and the
    headers: the worst a broken proxy or a GitHub Enterprise server could do."""

    mode = "401"

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        auth = self.headers.get("Authorization", "")
        status, body = {
            "401": (401, {"message": f"Bad credentials: {auth}", "status": "401"}),
            "500": (500, {"message": f"Internal error while checking {auth}"}),
            "broken": (200, None),
            "graphql": (200, {"errors": [{"type": "FORBIDDEN", "message": f"no: {auth}"}]}),
            # Data of the wrong shape everywhere, holding the token: parsing code may crash.
            "weird": (200, {"data": {"repository": auth, "rateLimit": auth, "viewer": auth}}),
        }[self.mode]
        raw = (
            json.dumps(body).encode() if body is not None else f'{{"data": "{auth}'.encode()
        )  # an unterminated JSON string holding the token
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Echo", auth)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    do_GET = do_POST = do_PATCH = do_DELETE = _answer

    def log_message(self, format, *args):
        pass


@pytest.fixture
def echo_server() -> Iterator[tuple[str, type[_Echo]]]:
    handler = type("Echo", (_Echo,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v3", handler
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("mode", ["401", "500", "broken", "graphql", "weird"])
def test_a_server_echoing_the_token_cannot_make_us_leak_it(tmp_path, echo_server, mode):
    api_url, handler = echo_server
    handler.mode = mode
    config = write_board(tmp_path, api_url)
    synced = run(config, "sync")
    built = run(config, "build", "--site-dir", str(tmp_path / "site"))
    # Whatever happened (a clear error, or a crash with a traceback), no token.
    assert not leaks(synced.stdout, synced.stderr, built.stdout, built.stderr, root=tmp_path)
    assert synced.returncode != 0
    assert built.returncode == 0, built.stderr


def test_a_malformed_answer_does_not_stop_the_build(tmp_path, echo_server):
    """Data of the wrong shape is a failed sync (a warning), not a crash of the build."""
    api_url, handler = echo_server
    handler.mode = "weird"
    config = write_board(tmp_path, api_url)
    built = run(config, "build", "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr


# --- in process: exceptions, their causes, and DEBUG logs ----------------------------------


@pytest.mark.parametrize("mode", ["401", "500", "broken", "graphql"])
def test_exceptions_and_debug_logs_do_not_carry_the_token(
    tmp_path, echo_server, mode, caplog, monkeypatch
):
    from generator.config import load_settings
    from generator.errors import IdeaboardError
    from generator.github.client import GitHubClient
    from generator.sync import run as sync

    api_url, handler = echo_server
    handler.mode = mode
    settings = load_settings(write_board(tmp_path, api_url))
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    caplog.set_level(logging.DEBUG)  # PyGithub and urllib3 log requests at DEBUG
    client = GitHubClient(settings, TOKEN, sleep=lambda s: None, timeout=2, backoff=0.01)
    with pytest.raises(IdeaboardError) as caught:
        sync.sync(settings, TOKEN, sync.issue_numbers(settings), client=client)
    chain = []
    error: BaseException | None = caught.value
    while error is not None:
        chain += [str(error), repr(error), repr(getattr(error, "args", ()))]
        # What a traceback shows: the cause, or the context unless it was suppressed.  (The
        # suppressed context, PyGithub's own exception, does hold the echoed token.)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    shown = [
        *chain,
        "".join(traceback.format_exception(caught.value)),
        repr(client),
        caplog.text,
        *(repr(record.args) for record in caplog.records),
    ]
    assert not leaks(*shown, root=tmp_path)
