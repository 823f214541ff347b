"""The one boundary for untrusted text (``generator/sanitize.py``), on every attack payload.

The payloads are in ``tests/data/attacks/payloads.json``; ``test_attacks.py``
plants the same ones in a whole board and builds it.  How fast the sanitizer is, is
measured by ``tests/benchmarks/bench_sanitize.py``, not asserted here.
"""

from __future__ import annotations

import html.parser
import json
import re

import markdown as python_markdown
import pytest
from markupsafe import Markup

from generator import sanitize
from tests.paths import DATA

CORPUS = json.loads((DATA / "attacks" / "payloads.json").read_text(encoding="utf-8"))
PAYLOADS = [p["payload"] * p.get("repeat", 1) for p in CORPUS["payloads"]]
IDS = [p["id"] for p in CORPUS["payloads"]]

ALLOWED_TAGS = {
    "a", "p", "br", "hr", "blockquote", "pre", "code", "kbd", "em", "strong", "b", "i",
    "del", "s", "sub", "sup", "ul", "ol", "li", "dl", "dt", "dd", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRS = {"a": {"href", "title", "rel"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript|file):", re.IGNORECASE)
BIDI_OR_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Tags(html.parser.HTMLParser):
    """Every element and attribute, parsed the way a browser tokenizes HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    return parser.elements


def assert_inert(markup: str, tags: set[str] = ALLOWED_TAGS) -> None:
    """Only allowed tags and attributes; no script, no handler, no dangerous URL."""
    assert "<script" not in markup.lower()
    for tag, attrs in elements(markup):
        assert tag in tags, (tag, markup[:200])
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name in ALLOWED_ATTRS.get(tag, set()), (tag, name, value)
            if name in ("href", "src"):
                assert value is not None
                assert not BAD_SCHEME.match(value), (tag, name, value)
                assert value.startswith(("http://", "https://", "mailto:")), value
    assert not BIDI_OR_CONTROL.search(markup)
    assert "{{" not in markup
    assert "{%" not in markup


# --- markdown() ------------------------------------------------------------------


def test_the_corpus_is_big_enough():
    assert len(PAYLOADS) >= 60
    assert len(set(IDS)) == len(IDS)
    kinds = {p["kind"] for p in CORPUS["payloads"]}
    assert {"script", "handler", "url", "svg", "mathml", "breakout", "attr_list", "snippet",
            "jinja", "unicode", "size"} <= kinds  # fmt: skip
    assert set(PATHOLOGICAL_IDS) <= set(IDS)


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_markdown_output_is_inert(payload):
    out = sanitize.markdown(payload)
    assert isinstance(out, Markup)
    assert_inert(str(out))
    assert "__xss" not in re.sub(r">[^<]*<", "><", f">{out}<"), "marker outside text nodes"


# The size payloads are left out: the site's Markdown is slow on them, which is one more
# reason untrusted text never goes through it.
@pytest.mark.parametrize(
    "payload",
    [p for p, c in zip(PAYLOADS, CORPUS["payloads"], strict=True) if c["kind"] != "size"],
    ids=[c["id"] for c in CORPUS["payloads"] if c["kind"] != "size"],
)
def test_markdown_output_stays_inert_through_the_site_markdown(payload, tmp_path):
    """Even if a page fed our output to the site's Markdown, with its most dangerous
    extensions, nothing would happen: no attribute, no link, no file included."""
    (tmp_path / "secret.txt").write_text(CORPUS["secret"], encoding="utf-8")
    site_md = python_markdown.Markdown(
        extensions=["attr_list", "md_in_html", "abbr", "footnotes", "admonition",
                    "pymdownx.snippets", "pymdownx.magiclink", "pymdownx.critic"],
        extension_configs={"pymdownx.snippets": {
            "base_path": [str(tmp_path)], "check_paths": False, "restrict_base_path": False,
        }},
    )  # fmt: skip
    for fragment in (sanitize.markdown(payload), sanitize.text(payload)):
        out = site_md.reset().convert(str(fragment))
        assert CORPUS["secret"] not in out
        assert "root:x:0:0" not in out
        # The site's Markdown may wrap text in <p> and add <sup>/<abbr> of its own,
        # but it finds no syntax in our output, so no handler and no link appear.
        assert_inert(out, ALLOWED_TAGS | {"div"})


def test_markdown_allows_ordinary_markdown():
    out = sanitize.markdown(
        "# Title\n\nSome **bold**, *em* and `code`.\n\n"
        "- one\n- two\n\n3. three\n4. four\n\n"
        "```python\nprint('<hi>')\n```\n\n"
        "> quoted\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        '[a link](https://example.com/x?a=1&b=2 "Example") and <https://lumen.example/> '
        "and <help@lumen.example>\n"
    )
    page = str(out)
    assert "<h3>Title</h3>" in page  # headings start below the page's own
    assert "<strong>bold</strong>" in page
    assert "<em>em</em>" in page
    assert "<code>code</code>" in page
    assert "<ul>\n<li>one</li>" in page
    assert '<ol start="3">' in page
    assert "<pre><code>print&#40;&#39;&lt;hi&gt;&#39;&#41;" in page or (
        "<pre><code>print&#40;'&lt;hi&gt;'&#41;" in page
    )
    assert "<blockquote>" in page
    assert '<th align="left">a</th>' in page
    assert '<td align="right">2</td>' in page
    assert (
        '<a href="https://example.com/x?a=1&amp;b=2" title="Example" '
        'rel="nofollow ugc noopener">a link</a>'
    ) in page
    assert '<a href="https://lumen.example/" rel="nofollow ugc noopener">' in page
    assert '<a href="mailto:help@lumen.example" rel="nofollow ugc noopener">' in page
    assert_inert(page)


def test_markdown_turns_images_into_links():
    out = str(sanitize.markdown("![a chart](https://img.example/c.png)"))
    assert "<img" not in out
    assert '<a href="https://img.example/c.png" rel="nofollow ugc noopener">' in out


def test_markdown_escapes_raw_html_rather_than_dropping_it():
    out = str(sanitize.markdown("Use <kbd>Ctrl</kbd> and <b>bold</b>"))
    assert "&lt;kbd&gt;Ctrl&lt;/kbd&gt;" in out


def test_markdown_drops_links_it_cannot_keep_but_keeps_their_text():
    out = str(sanitize.markdown("[relative](/admin) [js](javascript:x) [proto](//evil.example)"))
    assert "href" not in out
    assert "relative" in out
    assert "js" in out
    assert "proto" in out


def test_jinja_syntax_stays_text():
    out = str(sanitize.markdown("{{ 7*7 }} {% if true %}yes{% endif %}"))
    assert "49" not in out
    assert "&#123;&#123; 7&#42;7 &#125;&#125;" in out


def test_markdown_strips_bidi_overrides_even_as_references():
    out = str(sanitize.markdown("a \u202eb &#x202E; c &#8238;"))
    assert not BIDI_OR_CONTROL.search(out)


def test_markdown_cuts_very_long_input():
    out = str(sanitize.markdown("word " * 20_000))
    assert len(out) < 80_000
    assert out.endswith("&#40;cut&#41;</p>")


def plain_paragraphs(source: str) -> str:
    """The documented fallback for pathological text: cut like any text, then each
    paragraph escaped as ``text()`` escapes it, lines joined by ``<br>``, in ``<p>``."""
    if len(source) > sanitize.MAX_MARKDOWN:
        source = source[: sanitize.MAX_MARKDOWN] + "\n\n(cut)"
    paragraphs = (p.strip("\n") for p in re.split(r"\n[ \t]*\n", source))
    return "\n".join(
        "<p>" + "<br>\n".join(str(sanitize.text(line)) for line in p.split("\n")) + "</p>"
        for p in paragraphs
        if p
    )


PATHOLOGICAL_IDS = ("long-brackets", "long-nested-quote", "long-links")
PATHOLOGICAL = {
    # the corpus's worst: 65 KB of "[", "> " or "[a](" keep Python-Markdown busy for minutes
    **{i: p for i, p in zip(IDS, PAYLOADS, strict=True) if i in PATHOLOGICAL_IDS},
    # short, but every "[" sends Python-Markdown looking for its "]" to the paragraph's end
    "unclosed-brackets": "[" * 1_000 + " x",
    # many emphasis markers times a long text
    "emphasis-run": "*x" * 7_500,
    # the whole text falls back, later paragraphs with harmless markup included
    "then-markup": "[" * 1_000 + "\nsame paragraph\n\n**bold** [a](https://e.x) <b>x</b>\n",
}


@pytest.mark.parametrize("payload", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_markdown_is_shown_as_escaped_plain_text(payload):
    out = str(sanitize.markdown(payload))
    assert out == plain_paragraphs(payload)
    assert set(re.findall(r"</?([a-zA-Z][^\s>/]*)", out)) <= {"p", "br"}  # no markup
    assert_inert(out)


def test_ordinary_markdown_is_not_sent_to_the_fallback():
    out = str(sanitize.markdown("[" * 100 + " **bold** [a](https://e.x)"))
    assert "<strong>bold</strong>" in out
    assert '<a href="https://e.x" rel="nofollow ugc noopener">a</a>' in out


def test_markdown_empty_and_none():
    assert sanitize.markdown("") == Markup("")
    assert sanitize.markdown(None) == Markup("")
    assert sanitize.markdown("  \n ") == Markup("")


# --- text() ------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=IDS)
def test_text_output_has_no_markup_at_all(payload):
    out = sanitize.text(payload)
    assert isinstance(out, Markup)
    for char in "<>\"'`{}[]()":
        assert char not in out
    assert "\n" not in out
    assert not BIDI_OR_CONTROL.search(out)
    assert "\ud800" not in out


def test_text_escapes_and_reads_the_same():
    title = 'Dark <mode> & "quotes" {x} [y](z)'
    assert html.unescape(str(sanitize.text(title))) == title


def test_text_of_none_numbers_and_lines():
    assert sanitize.text(None) == Markup("")
    assert sanitize.text(42) == Markup("42")
    assert sanitize.text("a\n\tb\r\nc") == Markup("a b c")
    assert sanitize.text("\u202eevil\u202c") == Markup("evil")
    assert sanitize.text("深色模式 🌙 وضع داكن") == Markup("深色模式 🌙 وضع داكن")


def test_clean_keeps_text_but_drops_controls():
    assert sanitize.clean("a\x00b\u202ec\nd\ud800") == "abc\nd"
    assert sanitize.clean(None) == ""
    assert sanitize.clean("<b>") == "<b>"


# --- url() -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "\x01javascript:alert(1)",
        "java\nscript:alert(1)",
        "java\tscript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript&#x3A;alert(1)",
        "&amp;#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "/relative",
        "#fragment",
        "https:evil.example",
        "http://",
        "https://exa\u202emple.com",
        "https://example.com/a b",
        "mailto:",
        "",
        None,
        42,
        "https://example.com/" + "a" * 5000,
    ],
)
def test_url_refuses(value):
    assert sanitize.url(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.com/x?a=1&b=2", "https://example.com/x?a=1&b=2"),
        ("HTTPS://Example.com", "https://Example.com"),
        ("  http://example.com/\n", "http://example.com/"),
        ("mailto:help@lumen.example", "mailto:help@lumen.example"),
        ("https://github.com/lumen-notes/lumen/issues/12", None),
    ],
)
def test_url_accepts(value, expected):
    assert sanitize.url(value) == (expected or value)


# --- script_json() -------------------------------------------------------------------


def test_script_json_cannot_close_the_script_element():
    out = sanitize.script_json({"title": "</script><script>alert(1)</script><!-- &\u2028"})
    assert "<" not in out
    assert ">" not in out
    assert "&" not in out
    assert "\u2028" not in out
    assert json.loads(str(out)) == {"title": "</script><script>alert(1)</script><!-- &\u2028"}


def test_truncate_cuts_at_a_word():
    assert sanitize.truncate("one two three four", 12) == "one two…"
    assert sanitize.truncate("short", 12) == "short"
    assert len(sanitize.truncate("x" * 500, 300)) == 300


def test_shown_quotes_a_value_cut_to_its_limit():
    assert sanitize.shown("x" * 100, 20) == "'xxxxxxxxxxxxxxxxxx…"
    assert sanitize.shown(7) == "7"
