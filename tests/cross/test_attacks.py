"""The attack corpus planted in a whole board, built with the real build, then checked
statically (every HTML, XML and JSON file) and in headless Chromium (every page).

``attack_board`` writes a fixture board into a folder:

- one idea file per payload (``ideas/attack-<id>.yaml``, written with a YAML emitter),
  with the payload in every free-text field the schema allows: title, summary,
  description, owner, history notes, the shipped release, link titles, and URLs
  where the URL pattern lets it through;
- a snapshot whose issues carry the payload in their title, body, author login,
  labels, voter logins and URL, plus one idea-labelled issue per payload with no
  YAML file (a "new proposal");
- a ``mkdocs.yml`` that turns on the site-side extensions that would be dangerous for
  untrusted text (``attr_list``, ``md_in_html``, ``pymdownx.snippets`` reading any
  path), and a planted ``secret.txt`` next to it.  None of them may ever see
  untrusted text.

Every executable payload calls ``window.__xss('<id>')``; the browser test exposes
that function and counts the calls, and counts dialogs too.
"""

from __future__ import annotations

import datetime as dt
import html
import html.parser
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.sanitize import clean
from generator.sync import store as snap

# Registered before the import below, so pytest can rewrite its asserts (and the
# browser fixture is shared with the other browser tests).
from tests.browser import base_path, build_site, serve, site_pages
from tests.paths import DATA, ROOT

ATTACKS = DATA / "attacks"
CORPUS = json.loads((ATTACKS / "payloads.json").read_text(encoding="utf-8"))
MARKER = CORPUS["marker"]
SECRET = CORPUS["secret"]
PASSWD = "root:x:0:0"
SYNCED = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
PAYLOADS: list[dict] = CORPUS["payloads"]
# Where a payload goes into a one-line field, its newlines are kept (titles are
# untrusted anyway), but it is cut to the schema's length.
FIELD_LIMITS = {
    "title": 200, "summary": 300, "owner": 100, "release": 100, "description": 20_000, "note": 5000,
}  # fmt: skip
FIRST_ISSUE = 1000
PROPOSAL_OFFSET = 5000


def payload_text(p: dict) -> str:
    return p["payload"] * p.get("repeat", 1)


def one_line(value: str) -> str:
    return " ".join(value.splitlines()) or "x"


def _fit(value: str, field: str) -> str:
    value = value[: FIELD_LIMITS[field]]
    return value if value.strip() else "x"


def idea_data(p: dict, number: int) -> dict:
    """An idea file with the payload in every free-text field the schema allows."""
    # YAML cannot carry a lone surrogate (the loader refuses "\uD800" with a clear
    # message, see test_attacks_hostile.py); the snapshot still carries it.
    text = re.sub("[\ud800-\udfff]", "", payload_text(p))
    # URLs must match ^https?://\S+$; what follows the host is the author's.
    url_payload = "https://example.com/" + re.sub(r"\s", "", text)[:200]
    data = {
        "title": _fit(text, "title"),
        "summary": _fit(one_line(text), "summary"),
        "description": _fit(text, "description"),
        "status": "shipped",
        "issue": number,
        "tags": ["attack", p["kind"].replace("_", "-")],
        "created": "2026-01-05",
        "owner": _fit(text, "owner"),
        "history": [
            {"date": "2026-01-05", "status": "proposed", "note": _fit(text, "note")},
            {"date": "2026-02-01", "status": "shipped", "note": _fit(one_line(text), "note")},
        ],
        "shipped_in": {"release": _fit(text, "release"), "url": url_payload},
        "links": [
            {"title": _fit(text, "title"), "url": url_payload},
            {"title": "plain", "url": "https://example.com/ok"},
        ],
        "score": {"impact": 5, "confidence": 5, "ease": 5},
    }
    return data


def _issue(number: int, text: str, login: str, url: str) -> snap.Issue:
    voters = tuple(
        snap.Vote(snap.Actor(name, "User"), SYNCED - dt.timedelta(days=d))
        for d, name in enumerate((login, f"{login}-2", "plain-voter"), start=1)
    )
    return snap.Issue(
        number=number,
        title=text,
        url=url,
        state="open",
        created_at=SYNCED - dt.timedelta(days=60),
        updated_at=SYNCED - dt.timedelta(days=1),
        body=text,
        author=snap.Actor(login, "User"),
        labels=("idea", text[:100]),
        comments=3,
        comment_times=(SYNCED - dt.timedelta(days=2),),
        reactions={"+1": len(voters)},
        voters=voters,
    )


def write_attack_board(root: Path, payloads: list[dict] = PAYLOADS) -> Path:
    """Write the hostile fixture board into ``root``; return its ``mkdocs.yml``."""
    ideas = root / "ideas"
    ideas.mkdir(parents=True, exist_ok=True)
    shutil.copy(ATTACKS / "secret.txt", root / "secret.txt")
    config = {
        "site_name": "Attack board",
        "site_url": "https://example.org/attack/",
        "docs_dir": str(ROOT / "site_theme" / "pages"),
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "custom_dir": str(ROOT / "site_theme" / "overrides"),
            "font": False,
            "features": ["navigation.tabs", "search.highlight"],
        },
        "extra_css": ["assets/stylesheets/ideaboard.css"],
        "extra_javascript": [
            "assets/javascripts/ideaboard.js",
            "assets/javascripts/ideaboard-search.js",
        ],
        "nav": [
            {"Board": "index.md"},
            {"Roadmap": "roadmap.md"},
            {"Shipped": "shipped.md"},
            {"New proposals": "proposals.md"},
            {"Tags": "tags/index.md"},
            {"Insights": "insights.md"},
            {"About": "about.md"},
        ],
        "plugins": ["search", {"ideaboard": {"repo": "acme/widgets"}}],
        # The extensions that must never see untrusted text, at their most dangerous.
        "markdown_extensions": [
            "attr_list",
            "md_in_html",
            "admonition",
            "abbr",
            "footnotes",
            {
                "pymdownx.snippets": {
                    "base_path": [str(root)],
                    "check_paths": False,
                    "restrict_base_path": False,
                }
            },
        ],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    issues: dict[int, snap.Issue] = {}
    for index, p in enumerate(payloads):
        number = FIRST_ISSUE + index
        text = payload_text(p)
        idea = idea_data(p, number)
        (ideas / f"attack-{p['id']}.yaml").write_text(
            yaml.safe_dump(idea, sort_keys=False, allow_unicode=True, width=10_000),
            encoding="utf-8",
        )
        login = text[:60] or "x"
        issues[number] = _issue(number, text, login, f"javascript:{MARKER}('{p['id']}-url')")
        # The same payload as a new proposal: idea-labelled, no YAML file yet.
        issues[number + PROPOSAL_OFFSET] = _issue(
            number + PROPOSAL_OFFSET,
            text,
            login,
            f"https://github.com/acme/widgets/issues/{number}",
        )
    # One duplicate, so "merged duplicates" show a payload title too.
    first = payloads[0]
    dup = idea_data(first, FIRST_ISSUE + len(payloads))
    dup.update(status="duplicate", duplicate_of=f"attack-{first['id']}")
    dup.pop("shipped_in")
    dup["history"][-1]["status"] = "duplicate"
    (ideas / "attack-duplicate.yaml").write_text(
        yaml.safe_dump(dup, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8"
    )
    issues[FIRST_ISSUE + len(payloads)] = _issue(
        FIRST_ISSUE + len(payloads), payload_text(first), "dup-author", "https://example.com/d"
    )
    snapshot = snap.Snapshot(repo="acme/widgets", synced_at=SYNCED, issues=issues)
    # snap.save cannot write a lone surrogate ("\ud800"), though GitHub's JSON can carry
    # one as an escape: write the same JSON with every non-ASCII character escaped.
    text = json.dumps(json.loads(snap.to_json(snapshot)), ensure_ascii=True, indent=1)
    (ideas / "snapshot.json").write_text(text + "\n", encoding="ascii")
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def attack_site(tmp_path_factory) -> tuple[Path, Path]:
    """The attack board, built once with the real build: (mkdocs.yml, site folder)."""
    root = tmp_path_factory.mktemp("attack-board")
    config = write_attack_board(root)
    try:
        site = build_site(config, root / "site")
    except RuntimeError as exc:
        pytest.fail(f"the attack board must build (payloads are data, not errors):\n{exc}")
    return config, site


# --- static checks ------------------------------------------------------------------

URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "xlink:href", "poster", "background",
    "srcdoc", "srcset", "codebase", "cite", "ping", "manifest",
}  # fmt: skip
TEXT_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "value", "content", "datetime"}
BAD_URL = re.compile(
    r"^[\x00-\x20]*(j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|data|vbscript)\s*:", re.I
)


class _Scanner(html.parser.HTMLParser):
    """Collects what a browser would treat as code: handlers, URLs, scripts, styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._in: list[tuple[str, dict]] = []
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, dict(attrs))
        if tag in ("script", "style", "iframe", "noscript", "template", "textarea", "title"):
            self._in.append((tag, dict(attrs)))
            self._text = []

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._in and self._in[-1][0] == tag:
            name, attrs = self._in.pop()
            content = "".join(self._text)
            if name == "script" and MARKER in content:
                kind = (attrs.get("type") or "").lower()
                if "json" not in kind:
                    self.findings.append(f"<script> holding the marker: {content[:200]!r}")
                else:
                    try:
                        json.loads(content)
                    except ValueError:
                        self.findings.append(f"JSON data island broken: {content[:200]!r}")
            if name == "style" and MARKER in content:
                self.findings.append(f"<style> holding the marker: {content[:200]!r}")

    def _check(self, tag: str, attrs: dict) -> None:
        for name, value in attrs.items():
            value = value or ""
            where = f"<{tag} {name}={value[:160]!r}>"
            if name.startswith("on"):
                self.findings.append(f"event handler attribute {where}")
            elif name in URL_ATTRIBUTES and BAD_URL.match(value):
                self.findings.append(f"dangerous URL {where}")
            elif name == "style" and MARKER in value:
                self.findings.append(f"style from a payload {where}")
            elif (
                MARKER in value
                and name not in TEXT_ATTRIBUTES | URL_ATTRIBUTES
                and not name.startswith("data-")
            ):
                self.findings.append(f"marker in attribute {where}")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.findings.append(f"meta refresh {attrs}")
        if tag == "base" or (tag in ("iframe", "object", "embed", "form") and MARKER in str(attrs)):
            self.findings.append(f"<{tag}> from a payload: {attrs}")


def scan_html(markup: str) -> list[str]:
    scanner = _Scanner()
    scanner.feed(markup)
    scanner.close()
    return scanner.findings


def _json_strings(value, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _json_strings(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v, key)
    elif isinstance(value, str):
        yield key, value


def scan_json(path: Path, data) -> list[str]:
    findings = []
    for key, value in _json_strings(data):
        lowered = key.lower()
        if ("url" in lowered or "href" in lowered or lowered in ("link", "location")) and (
            BAD_URL.match(value)
        ):
            findings.append(f"{path.name}: {key} = {value[:160]!r}")
    if path.name == "search_index.json":
        # Material's search shows titles and text as HTML: they must be escaped HTML.
        for doc in data.get("docs", []):
            for field in ("title", "text"):
                findings += [f"search {field}: {f}" for f in scan_html(doc.get(field) or "")]
    return findings


def scan_xml(path: Path, text: str) -> list[str]:
    findings = []
    root = ET.fromstring(text.encode("utf-8"))  # well-formed, or this raises
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href") and BAD_URL.match(value):
                findings.append(f"{path.name}: <{element.tag} {name}={value[:160]!r}>")
        if element.get("type") in ("html", "xhtml") or element.tag.endswith("content"):
            findings += [f"{path.name}: {f}" for f in scan_html(element.text or "")]
    return findings


def static_findings(site: Path) -> list[str]:
    findings: list[str] = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".json", ".txt", ".svg"):
            continue
        rel = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8")
        for leak in (SECRET, PASSWD):
            if leak in text:
                findings.append(f"{rel}: a local file leaked ({leak!r})")
        if "JINJA-LOOPJINJA-LOOP" in text:
            findings.append(f"{rel}: a Jinja statement from a payload ran")
        if path.suffix in (".html", ".svg"):
            findings += [f"{rel}: {f}" for f in scan_html(text)]
        elif path.suffix == ".json":
            findings += scan_json(path, json.loads(text))
        elif path.suffix == ".xml":
            findings += scan_xml(path, text)
    return findings


def test_every_payload_idea_was_built(attack_site):
    _config, site = attack_site
    for p in PAYLOADS:
        assert (site / "ideas" / f"attack-{p['id']}.html").is_file(), p["id"]


def test_payloads_are_shown_as_text_not_dropped(attack_site):
    """The checks below are only meaningful if the payloads are on the pages: each
    idea page's heading reads exactly as its (hostile) title."""
    _config, site = attack_site
    for p in PAYLOADS:
        if p["kind"] in ("unicode", "size"):
            continue
        page = (site / "ideas" / f"attack-{p['id']}.html").read_text(encoding="utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
        assert heading, p["id"]
        # Control characters go; a run of newlines and tabs reads as one space.
        expected = re.sub(r"[\t\r\n]+", " ", clean(_fit(payload_text(p), "title")))
        assert html.unescape(heading.group(1)) == expected, p["id"]


def test_no_payload_becomes_code_in_any_output(attack_site):
    _config, site = attack_site
    findings = static_findings(site)
    assert not findings, "\n".join(findings[:50])


def test_the_scanner_finds_what_it_looks_for():
    """The static scan is only worth something if it would catch the real thing."""
    assert scan_html(f"<img src=x onerror=\"{MARKER}('a')\">")
    assert scan_html('<a href=" JaVa\tScRiPt:alert(1)">x</a>')
    assert scan_html(f"<script>{MARKER}('a')</script>")
    assert scan_html('<svg><a xlink:href="javascript:alert(1)">x</a></svg>')
    assert not scan_html(f"<p title=\"{MARKER}('a')\">&lt;script&gt;{MARKER}</p>")
    assert scan_json(Path("ideas.json"), {"url": "javascript:alert(1)"})
    assert scan_json(
        Path("search_index.json"), {"docs": [{"title": "<img src=x onerror=alert(1)>"}]}
    )


def test_rtl_override_cannot_reorder_the_page(attack_site):
    _config, site = attack_site
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", text), path


def test_no_control_characters_in_any_output(attack_site):
    _config, site = attack_site
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text), path


# --- in the browser -----------------------------------------------------------------

INIT_SCRIPT = """
window.__xssCalls = [];
"""


def test_no_payload_runs_in_chromium(attack_site, browser):
    config, site = attack_site
    calls: list[tuple[str, str]] = []
    dialogs: list[tuple[str, str]] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.expose_binding(
        MARKER, lambda source, ident=None: calls.append((source["page"].url, str(ident)))
    )
    context.add_init_script(INIT_SCRIPT)

    def on_dialog(dialog):
        dialogs.append((dialog.type, dialog.message))
        dialog.dismiss()

    context.on("page", lambda page: page.on("dialog", on_dialog))
    try:
        with serve(site, base_path(config)) as url:
            page = context.new_page()
            pages = site_pages(site)
            assert len(pages) > len(PAYLOADS)
            for path in pages:
                page.goto(url + path, wait_until="load")
                # Give onload/onfocus/ontoggle handlers and timers a moment, and move
                # the mouse over the page for mouseover payloads.
                page.mouse.move(640, 450)
                page.mouse.move(200, 300)
                page.wait_for_timeout(30)
            # Search shows titles and text from the index as HTML.
            page.goto(url, wait_until="load")
            search = page.locator("input.md-search__input")
            assert search.count(), "Material's search box is missing"
            found = 0
            for query in ("click", "script", "svg"):
                page.click(".md-search__input")
                search.fill("")
                # Material searches on key events, so type like a person; fill() would not do.
                search.press_sequentially(query, delay=20)
                try:
                    page.locator(".md-search-result__item").first.wait_for(
                        state="visible", timeout=10_000
                    )
                except Exception:  # no result for this word: the assert below tells
                    continue
                page.wait_for_timeout(200)
                found += page.locator(".md-search-result__item").count()
            assert found, "the search showed no results, so its rendering went untested"
            page.wait_for_timeout(200)
    finally:
        context.close()
    assert not calls, f"payloads ran: {calls[:20]}"
    assert not dialogs, f"dialogs opened: {dialogs[:20]}"


def test_the_browser_check_would_see_a_payload_run(browser, tmp_path):
    """The marker and dialog counting work: a deliberately unsafe page trips both."""
    (tmp_path / "index.html").write_text(
        f"<p><img src=x onerror=\"{MARKER}('control')\"><script>alert('x')</script>",
        encoding="utf-8",
    )
    calls, dialogs = [], []
    context = browser.new_context()
    context.expose_binding(MARKER, lambda source, ident=None: calls.append(ident))
    context.on("page", lambda page: page.on("dialog", lambda d: (dialogs.append(d), d.dismiss())))
    try:
        with serve(tmp_path) as url:
            page = context.new_page()
            page.goto(url, wait_until="load")
            page.wait_for_timeout(200)
    finally:
        context.close()
    assert calls == ["control"]
    assert len(dialogs) == 1


if __name__ == "__main__":
    # python -m tests.test_attacks DIR: write the attack board into DIR, to look at it
    # with `ideaboard serve` or build it by hand.
    import sys

    target = Path(sys.argv[1])
    print(write_attack_board(target))
