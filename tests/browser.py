"""Shared helpers for tests in a real browser: Debian's Chromium driven by Playwright.

Plain helpers (usable from any test or script):

- ``launch_browser()``: a context manager yielding a Playwright ``Browser`` running
  ``/usr/bin/chromium`` (never a browser Playwright downloads), with every host but
  127.0.0.1 unresolvable, so a request leaving the site fails at once and is recorded.
- ``serve(site_dir, base)``: a context manager serving a built site on 127.0.0.1 on a
  random port from a thread, under the path of its ``site_url`` (``base_path(config)``);
  yields the base URL, ending in ``/``.
- ``Watcher(context)``: records console errors, page errors, failed requests, HTTP
  errors, dialogs (dismissed) and every request to a host other than 127.0.0.1, for all
  pages of a context.
- ``axe_violations(page)``: injects axe-core (from ``axe-playwright-python``) and returns
  the serious and critical violations; ``format_violations`` makes them readable.
- ``build_site(config_file, site_dir)``: builds a site the way a user does (``ideaboard
  build`` when that command exists, else ``mkdocs build``), offline and without a token.
- ``site_pages(site_dir)``: the HTML pages of a built site, as URL paths.
- ``broken_links(site_dir)``: internal URLs in the built HTML that resolve to no file.

Pytest fixtures for every test (``tests/conftest.py`` registers this module as a
plugin, so the session-scoped ones run once per session):

- ``browser`` (session): one Chromium for the whole run; skips if Chromium is missing.
- ``sample_site`` (session): the sample board (``mkdocs.yml`` at the repository root)
  built once into a temporary directory.
- ``sample_url`` (session): ``sample_site`` served on 127.0.0.1.
- ``context`` / ``watcher`` / ``page``: a fresh browser context per test, watched.

This module has no asserts of its own; PYTEST_DONT_REWRITE keeps pytest from warning
when a test module imports it before ``pytest_plugins`` registers it.
"""

from __future__ import annotations

import contextlib
import functools
import html.parser
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("IDEABOARD_CHROMIUM", "/usr/bin/chromium"))

# Needed to run Debian's Chromium as root in a container, and to keep it quiet: no
# update checks, no sync, no GPU.  The resolver rule makes every host except 127.0.0.1
# fail with NAME_NOT_RESOLVED, so an outside request can never succeed silently.
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)

LOCAL_HOSTS = frozenset({"127.0.0.1"})
# Schemes that never touch the network.
LOCAL_SCHEMES = frozenset({"data", "blob", "about", "javascript", "chrome-error"})
SERIOUS = ("serious", "critical")

# Environment variables that could make a build sync with GitHub.  Builds in tests are
# offline and use the committed snapshot.
TOKEN_VARIABLES = ("GITHUB_TOKEN", "GH_TOKEN", "IDEABOARD_TOKEN")


def chromium_missing() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (install Debian's chromium: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


@contextlib.contextmanager
def launch_browser(*, headless: bool = True) -> Iterator:
    """Start Debian's Chromium through Playwright and yield the ``Browser``.

    Playwright is told where the browser is, so it never tries to download its own.
    """
    reason = chromium_missing()
    if reason:
        raise RuntimeError(reason)
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=list(CHROMIUM_ARGS),
            headless=headless,
        )
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files like a static host: no directory listings, no request log."""

    extensions_map = {  # noqa: RUF012 -- the base class's own attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }

    def list_directory(self, path):  # a static host shows a 404, not a listing
        self.send_error(404, "Not Found")
        return None

    def send_error(self, code, message=None, explain=None):
        # GitHub Pages answers a missing path with the site's 404.html, status 404.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # the base class signature; silenced
        pass

    def translate_path(self, path):
        # Serve the site under its base path, as GitHub Pages serves /repo/.
        base = self.server.base_path
        if base != "/":
            if not (path + "/").startswith(base):
                return str(Path(self.directory) / "\0-outside-the-base-path")
            path = "/" + path[len(base) :]
        return super().translate_path(path)


def base_path(config_file: Path | str) -> str:
    """The path the site lives under, from ``site_url`` in mkdocs.yml: ``/lumen/`` or ``/``."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, "rb") as handle:
        site_url = (yaml_load(handle) or {}).get("site_url") or ""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


@contextlib.contextmanager
def serve(site_dir: Path | str, base: str = "/") -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 on a free port, under ``base`` (a path such as
    ``/lumen/``, as the site's ``site_url`` says); yield ``http://127.0.0.1:PORT<base>``.
    """
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.base_path = base
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def is_outside(url: str) -> bool:
    """True if loading ``url`` would leave 127.0.0.1."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES or not parts.scheme:
        return False
    return (parts.hostname or "") not in LOCAL_HOSTS


@dataclass
class Watcher:
    """Everything that went wrong, or left the site, in the pages of one browser context.

    Attach it before opening pages: ``Watcher(context)``.  ``problems()`` lists what was
    seen, one readable line each, so ``assert not watcher.problems()`` shows it all.
    """

    context: object
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.context.on("page", self._attach)
        for page in self.context.pages:
            self._attach(page)
        self.context.on("request", self._on_request)
        self.context.on("requestfailed", self._on_failed)
        self.context.on("response", self._on_response)

    def _attach(self, page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.page_errors.append(f"{page.url}: {exc}"))
        page.on("dialog", self._on_dialog)

    def _on_dialog(self, dialog) -> None:
        # alert(), confirm() and prompt() never belong on the board: count and dismiss.
        self.dialogs.append(f"{dialog.page.url if dialog.page else '?'}: {dialog.type} "
                            f"{dialog.message!r:.200}")  # fmt: skip
        dialog.dismiss()

    def _on_console(self, msg) -> None:
        if msg.type == "error":
            where = msg.location.get("url", "") if msg.location else ""
            self.console_errors.append(f"{where}: {msg.text}")

    def _on_request(self, request) -> None:
        if is_outside(request.url):
            self.outside_requests.append(f"{request.url} (from {request.frame.url})")

    def _on_failed(self, request) -> None:
        # Leaving a page aborts what it was still loading (the search worker, say);
        # that is not a failure of the site.  Outside requests are recorded anyway.
        if request.failure == "net::ERR_ABORTED" and not is_outside(request.url):
            return
        self.failed_requests.append(f"{request.url}: {request.failure}")

    def _on_response(self, response) -> None:
        if response.status >= 400:
            self.http_errors.append(f"{response.url}: HTTP {response.status}")

    def problems(self) -> list[str]:
        """Every problem seen so far, labelled by kind."""
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"request failed: {m}" for m in self.failed_requests]
            + [f"HTTP error: {m}" for m in self.http_errors]
            + [f"request left 127.0.0.1: {m}" for m in self.outside_requests]
            + [f"dialog opened: {m}" for m in self.dialogs]
        )

    def clear(self) -> None:
        """Forget what was seen, e.g. between pages."""
        for kind in (
            self.console_errors,
            self.page_errors,
            self.failed_requests,
            self.http_errors,
            self.outside_requests,
            self.dialogs,
        ):
            kind.clear()


def axe_script() -> Path:
    """The ``axe.min.js`` shipped in the ``axe-playwright-python`` package."""
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js")


def axe_violations(page, *, impacts=SERIOUS, options: dict | None = None) -> list[dict]:
    """Run axe-core on the page as it is now; return violations of the given impacts."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    results = page.evaluate("async (options) => await axe.run(document, options)", options or {})
    return [v for v in results["violations"] if v.get("impact") in impacts]


def format_violations(violations: list[dict], url: str = "") -> str:
    """Violations as readable lines: rule, impact, help, and the offending nodes."""
    lines = []
    for v in violations:
        lines.append(f"{url} {v['id']} ({v['impact']}): {v['help']} [{v.get('helpUrl', '')}]")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')!s:.300}")
        if len(v["nodes"]) > 5:
            lines.append(f"    ... and {len(v['nodes']) - 5} more")
    return "\n".join(lines)


def _has_build_command() -> bool:
    try:
        from generator.cli import main
    except ImportError:
        return False
    return "build" in getattr(main, "commands", {})


def offline_env() -> dict[str, str]:
    """The current environment without any GitHub token, so a build stays offline."""
    env = {k: v for k, v in os.environ.items() if k not in TOKEN_VARIABLES}
    env["PYTHONHASHSEED"] = "0"
    return env


def build_command(
    config_file: Path | str, site_dir: Path | str, *, offline: bool = True
) -> list[str]:
    """The command that builds a site: ``ideaboard build`` if it exists, else mkdocs.

    ``offline`` adds ``--offline``, so a build never syncs even if a token is around.
    """
    if _has_build_command():
        return [
            sys.executable, "-c", "from generator.cli import main; main(prog_name='ideaboard')",
            "--config-file", str(config_file), "build",
            *(["--offline"] if offline else []), "--site-dir", str(site_dir),
        ]  # fmt: skip
    return [
        sys.executable, "-m", "mkdocs", "build", "--quiet",
        "--config-file", str(config_file), "--site-dir", str(site_dir),
    ]  # fmt: skip


def build_site(config_file: Path | str, site_dir: Path | str) -> Path:
    """Build the site of ``config_file`` into ``site_dir``, offline; return ``site_dir``.

    Runs in a subprocess, as a user would, so plugin state never leaks between builds.
    Raises ``RuntimeError`` with the build's output if it fails.
    """
    config_file = Path(config_file)
    site_dir = Path(site_dir)
    cmd = build_command(config_file, site_dir)
    proc = subprocess.run(
        cmd,
        cwd=config_file.parent,
        env=offline_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0 or not (site_dir / "index.html").exists():
        raise RuntimeError(
            f"building {config_file} failed (exit {proc.returncode}): {' '.join(cmd)}\n"
            f"--- stdout ---\n{proc.stdout[-4000:]}\n--- stderr ---\n{proc.stderr[-4000:]}"
        )
    return site_dir


def site_pages(site_dir: Path | str) -> list[str]:
    """URL paths (relative to the site root) of every HTML page in a built site, sorted.

    ``tags/ui/index.html`` becomes ``tags/ui/``; ``ideas/dark-mode.html`` and ``404.html`` stay.
    """
    site_dir = Path(site_dir)
    paths = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        paths.append(rel)
    return paths


# ---------------------------------------------------------------- pytest fixtures


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for the whole test session."""
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    with launch_browser() as b:
        yield b


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The repository's own board (mkdocs.yml, ideas/), built once per session.

    ``IDEABOARD_BUILT_SITE=path`` reuses a site built before (to iterate on tests fast).
    """
    prebuilt = os.environ.get("IDEABOARD_BUILT_SITE")
    if prebuilt:
        return Path(prebuilt)
    config = ROOT / "mkdocs.yml"
    if not config.exists():
        pytest.skip("mkdocs.yml does not exist yet: there is no site to build")
    site = tmp_path_factory.mktemp("sample-site") / "site"
    return build_site(config, site)


@pytest.fixture(scope="session")
def sample_url(sample_site) -> Iterator[str]:
    """The sample site served on 127.0.0.1: ``http://127.0.0.1:PORT/``."""
    with serve(sample_site, base_path(ROOT / "mkdocs.yml")) as url:
        yield url


@pytest.fixture
def context(browser):
    """A fresh browser context (own cookies and storage) for one test, desktop-sized."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def watcher(context) -> Watcher:
    """Records console errors, page errors, failed and outside requests in ``context``."""
    return Watcher(context)


@pytest.fixture
def page(context, watcher):
    """A page in the watched context."""
    return context.new_page()


def copy_site(site_dir: Path, dest: Path) -> Path:
    """Copy a built site, e.g. to change it in a test without touching the shared one."""
    shutil.copytree(site_dir, dest)
    return dest


# ---------------------------------------------------------------- static link check


class _LinkParser(html.parser.HTMLParser):
    """Collects every URL a page refers to, and every id it defines."""

    ATTRS: ClassVar[dict[str, str]] = {
        "a": "href", "link": "href", "script": "src", "img": "src", "source": "src",
        "iframe": "src", "form": "action", "use": "href", "image": "href",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "base" and attrs.get("href"):
            self.base = attrs["href"]
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        want = self.ATTRS.get(tag)
        value = attrs.get(want) or (attrs.get("xlink:href") if tag in ("use", "image") else None)
        if want and value:
            self.urls.append((tag, value.strip()))
        if attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.urls.append((tag, candidate.split()[0]))


def page_links(html_file: Path) -> tuple[list[tuple[str, str]], set[str]]:
    """The (tag, url) pairs a page refers to, and the ids it defines."""
    parser = _LinkParser()
    parser.feed(html_file.read_text(encoding="utf-8", errors="replace"))
    return parser.urls, parser.ids


def _target_file(site_dir: Path, path: str) -> Path | None:
    """The file a static host would serve for ``path`` (already unquoted), or None."""
    candidate = (site_dir / path.lstrip("/")).resolve()
    if site_dir.resolve() not in (candidate, *candidate.parents):
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(
    site_dir: Path | str, *, base: str = "/", check_fragments: bool = True
) -> list[str]:
    """Every internal URL in the site's HTML that does not resolve to a file.

    Relative and root-relative URLs in ``<a href>``, ``<link href>``, ``<script src>``,
    ``<img src>`` and the like are resolved against the page's URL, as a browser does,
    and must name a file (or a folder with an ``index.html``) in ``site_dir``, which is
    served under ``base`` (``/lumen/`` for ``site_url: https://x.github.io/lumen/``).  With
    ``check_fragments``, ``#id`` in a link to an HTML page must be an id on that page.
    Returns readable lines: ``page: <tag> url -> why``.
    """
    site_dir = Path(site_dir)
    problems = []
    ids_cache: dict[Path, set[str]] = {}

    def ids_of(file: Path) -> set[str]:
        if file not in ids_cache:
            ids_cache[file] = page_links(file)[1]
        return ids_cache[file]

    for page_path in site_pages(site_dir):
        file = _target_file(site_dir, page_path)
        urls, ids = page_links(file)
        ids_cache[file] = ids
        page_url = "http://127.0.0.1" + base + page_path
        for tag, url in urls:
            if url.startswith(("mailto:", "data:", "javascript:", "tel:")):
                continue
            absolute = urljoin(page_url, url)
            parts = urlsplit(absolute)
            if parts.netloc != "127.0.0.1":
                continue  # an outside link: the browser tests make sure none is loaded
            path = unquote(parts.path)
            target = None
            if (path + "/").startswith(base):
                target = _target_file(site_dir, path[len(base) :])
            if target is None:
                problems.append(f"{page_path or '/'}: <{tag}> {url} -> no such file")
            elif (
                check_fragments
                and tag == "a"
                and parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in ids_of(target)
            ):
                problems.append(f"{page_path or '/'}: <a> {url} -> no id {parts.fragment!r}")
    return problems


# ---------------------------------------------------------------- README screenshots

SCREENSHOTS = ROOT / ".github" / "screenshots"
# (file name, page path, viewport, colour scheme); the idea page is the sample's
# real-time co-editing idea, which shows a long history, milestones and a sparkline.
SHOTS = (
    ("board.png", "", (1280, 900), "light"),
    ("idea.png", "ideas/real-time-collaboration.html", (1280, 1100), "light"),
    ("roadmap.png", "roadmap/", (1280, 900), "light"),
    ("board-dark.png", "", (1280, 900), "dark"),
    ("board-phone.png", "", (390, 844), "light"),
    ("idea-shipped.png", "ideas/backlinks-panel.html", (1280, 900), "light"),
    ("idea-declined.png", "ideas/built-in-ai-assistant.html", (1280, 900), "light"),
    ("idea-duplicate.png", "ideas/linked-mentions.html", (1280, 900), "light"),
    ("person.png", "people/jonas-brandt/", (1280, 900), "light"),
)


def take_screenshots(browser, url: str, out_dir: Path = SCREENSHOTS) -> list[Path]:
    """Screenshot the board, an idea page and the roadmap (desktop, dark and phone)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, path, (width, height), scheme in SHOTS:
        phone = width < 600
        context = browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=2 if phone else 1,
            is_mobile=phone,
            has_touch=phone,
            color_scheme=scheme,
        )
        try:
            page = context.new_page()
            # The palettes follow prefers-color-scheme until a reader picks one.
            page.goto(url + path, wait_until="networkidle")
            page.wait_for_timeout(500)  # fonts, the board script, colour transitions
            target = out_dir / name
            page.screenshot(path=str(target), full_page=False, animations="disabled")
            written.append(target)
        finally:
            context.close()
    return written


def _main(argv: list[str]) -> int:
    """``python -m tests.browser screenshots``: build, serve, and screenshot."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m tests.browser")
    parser.add_argument("command", choices=["screenshots"])
    parser.add_argument("--site", type=Path, help="a site built before (default: build one)")
    parser.add_argument("--out", type=Path, default=SCREENSHOTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(ROOT / "mkdocs.yml", Path(tmp) / "site")
        with launch_browser() as browser, serve(site, base_path(ROOT / "mkdocs.yml")) as url:
            for path in take_screenshots(browser, url, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
