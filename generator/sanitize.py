"""The one boundary for untrusted text: everything from GitHub and from YAML passes here.

Issue titles and bodies, logins, labels, tags and every text field of an idea file
are written by people we do not trust, and the board publishes them on the
project's own origin.  Templates receive only what this module returns:

- ``text(value)``: plain text, HTML-escaped (quotes too, so it is safe in an
  attribute value), with control characters, lone surrogates and bidi override
  characters removed.
- ``markdown(text)``: an issue body or a YAML description, rendered by a small
  Markdown pipeline of its own and cleaned by nh3 with an allow-list.
- ``url(value)``: an absolute ``http``/``https``/``mailto`` URL, or ``None``.
- ``clean(value)``: the plain ``str`` with control and bidi characters removed,
  for formats that do their own escaping (``json.dumps``, Jinja's XML autoescape).
- ``script_json(obj)``: JSON that is safe inside an inline ``<script>`` element.

Why a pipeline of its own: the site's Markdown has ``attr_list`` (which turns
``{ onclick=... }`` into attributes), ``md_in_html`` and ``pymdownx.snippets``
(which copies files off the build machine into the page).  Untrusted markdown
never goes through them.

The returned ``Markup`` is final.  It must never be rendered again as a Jinja
template (``{{ }}`` and ``{% %}`` in it are meant to stay literal text) and it
should not be fed to the site's Markdown either.  In case the site does put it
in a generated ``.md`` page, the characters the site's Markdown extensions react
to (``[ ] ( ) { } * _ ` ~ ! # | \\ : = + ^ $``) are written as numeric character
references in text nodes: a browser shows them unchanged, while Markdown, Jinja
and the snippets preprocessor see no syntax in them.
"""

from __future__ import annotations

import html
import json
import re
import threading
import urllib.parse
import xml.etree.ElementTree as etree
from typing import Any

import markdown as _markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

__all__ = ["MAX_MARKDOWN", "MAX_URL", "clean", "markdown", "script_json", "text", "url"]

#: Longest markdown input rendered, in characters (GitHub's own limit for an
#: issue body).  Longer input is cut there and marked as cut.
MAX_MARKDOWN = 65_536
#: Markup characters times length above which a text is shown as plain
#: paragraphs instead of Markdown (see ``_is_pathological``): about 0.1 s of work.
_MARKUP_BUDGET = 100_000_000
_MARKUP_CHAR_RE = re.compile(r"[\[\]()\\`*_<>&!~|{}#-]")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
#: Steps of Python-Markdown's bracket search above which the same happens.
_BRACKET_BUDGET = 200_000
_BRACKET_RE = re.compile(r"[\[\]()]|\n[ \t]*\n")
_CLOSING = {"]": "[", ")": "("}
#: Longest URL accepted by ``url()``.
MAX_URL = 4_096

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# C0 controls except tab, newline and carriage return; DEL; C1 controls; lone
# surrogates (a JSON snapshot can hold "\ud800", which cannot be written as
# UTF-8); the noncharacters U+FFFE/U+FFFF (not allowed in XML).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).  Left
# in, an unterminated RLO reverses the page text that follows it ("Trojan
# Source").  Right-to-left text does not need them: the Unicode bidi algorithm
# orders Arabic and Hebrew by itself, so we remove them rather than balance them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_STRIP_RE = re.compile(f"[{_CONTROL}{_BIDI}]")
# One-line values (titles, logins, labels, tags): a run of tabs and newlines is a space.
_NEWLINES_RE = re.compile(r"[\t\r\n]+")

# Characters that mean something to the site's Markdown (links, attr_list,
# emphasis, code, tables, admonitions, critic, arithmatex, keys, abbreviations,
# footnotes, setext headings) or to Jinja.  In text nodes we write them as
# numeric references; '<', '>', '&', '"' and "'" are already escaped by then.
_MD_SPECIAL = "[](){}*_`~!#|\\:=+^$"
_MD_SPECIAL_RE = re.compile("[" + re.escape(_MD_SPECIAL) + "]")
_TEXT_SPECIAL_RE = re.compile("[" + re.escape(_MD_SPECIAL + "<>&\"'") + "]")

# A tag as html5ever serializes it: attribute values are always double-quoted,
# and '"' inside them is written as '&quot;' (but '>' is not escaped).
_TAG_RE = re.compile(r'(<(?:[^>"]|"[^"]*")*>)')

_ALLOWED_TAGS = frozenset(
    {
        "a", "p", "br", "hr", "blockquote", "pre", "code", "kbd",
        "em", "strong", "b", "i", "del", "s", "sub", "sup",
        "ul", "ol", "li", "dl", "dt", "dd",
        "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
# Headings in a description sit below the page's own h1 and its section h2.
_HEADING_SHIFT = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}


# --- plain text ----------------------------------------------------------------


def clean(value: object) -> str:
    """``value`` as a ``str`` without control characters, lone surrogates or bidi overrides.

    Newlines and tabs are kept.  Use this for output formats that do their own
    escaping (JSON via ``json.dumps``, XML via an autoescaping template); use
    ``text()`` for HTML.  ``None`` becomes ``""``.
    """
    if value is None:
        return ""
    return _STRIP_RE.sub("", str(value))


def text(value: object) -> Markup:
    """Untrusted one-line text (a title, a login, a label, a tag) as escaped HTML.

    Control characters and bidi overrides are removed, newlines and tabs become
    a space, and ``< > & " '`` plus the characters the site's Markdown and Jinja
    react to are escaped, so the result is safe in element content, in a quoted
    attribute value, and even inside a generated Markdown page.
    """
    if value is None:
        return Markup("")
    line = _NEWLINES_RE.sub(" ", _STRIP_RE.sub("", str(value)))
    return Markup(_escape_html_md(line))  # noqa: S704 (escaped just now)


def _escape_html_md(value: str) -> str:
    """Escape HTML's five characters and the Markdown/Jinja ones, in one pass."""
    return _TEXT_SPECIAL_RE.sub(_reference, value)


def _escape_md(escaped: str) -> str:
    """Write Markdown- and Jinja-significant characters of already escaped HTML text."""
    return _MD_SPECIAL_RE.sub(_reference, escaped)


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


# --- URLs ----------------------------------------------------------------------

# Browsers drop leading/trailing C0 controls and spaces, and every tab and
# newline anywhere in a URL, before they look at the scheme.
_URL_STRIP_RE = re.compile(r"[\t\n\r]")
_URL_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# RFC 3986's reserved and unreserved characters, and '%' (already encoded).
_URL_SAFE = "/:@!$&'()*+,;=-._~%"
_BAD_NETLOC_RE = re.compile(r"[^A-Za-z0-9.\-_~:@%\[\]!$&'()*+,;=\u0080-\U0010ffff]")


def url(value: object) -> str | None:
    """A safe absolute URL (``http``, ``https`` or ``mailto``), or ``None``.

    The value is normalised the way a browser would read it (entities decoded,
    surrounding whitespace and control characters dropped, tabs and newlines
    removed) before its scheme is checked, so ``jav&#x09;ascript:``,
    `` JaVaScRiPt:`` and ``java\\nscript:`` are all refused, as are ``data:``,
    ``vbscript:`` and relative or protocol-relative URLs.  The returned string
    still needs the template's attribute escaping.
    """
    if not isinstance(value, str) or not value or len(value) > MAX_URL:
        return None
    candidate = value
    # Decode entities until nothing changes: "&amp;#106;" is "&#106;" is "j".
    for _ in range(3):
        decoded = html.unescape(candidate)
        if decoded == candidate:
            break
        candidate = decoded
    candidate = _URL_STRIP_RE.sub("", candidate).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08"
                                                       "\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14"
                                                       "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
                                                       "\x1e\x1f\x20")  # fmt: skip
    if _STRIP_RE.search(candidate) or " " in candidate.strip():
        # Control characters, bidi overrides or spaces inside a URL: not a link we publish.
        return None
    match = _URL_SCHEME_RE.match(candidate)
    if not match or match.group(1).lower() not in SAFE_SCHEMES:
        return None
    scheme = match.group(1).lower()
    try:
        parts = urllib.parse.urlsplit(scheme + candidate[len(scheme) :])
    except ValueError:
        return None
    if scheme in ("http", "https"):
        if not candidate[len(scheme) + 1 :].startswith("//") or not parts.hostname:
            return None
    elif not parts.path or parts.path.startswith("/"):
        return None
    if _BAD_NETLOC_RE.search(parts.netloc):
        return None
    # Percent-encode what has no business in a URL ('<', '"', '{', ...): browsers would
    # do the same, and the URL then reads the same in HTML, XML, JSON and Markdown.
    return urllib.parse.urlunsplit(
        (
            scheme,
            parts.netloc,
            urllib.parse.quote(parts.path, safe=_URL_SAFE),
            urllib.parse.quote(parts.query, safe=_URL_SAFE + "?"),
            urllib.parse.quote(parts.fragment, safe=_URL_SAFE + "?#"),
        )
    )


# --- markdown ------------------------------------------------------------------


class _SafeTree(Treeprocessor):
    """Shift headings below the page's own, and turn images into plain links.

    Images are not embedded: a remote image would make viewing the page send a
    request to a server of the author's choice (a tracking pixel), and the site
    promises that no request leaves it.  The reader gets a link instead.
    """

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag in _HEADING_SHIFT:
                    child.tag = _HEADING_SHIFT[child.tag]
                elif child.tag == "img":
                    link = etree.Element("a", {"href": child.get("src", "")})
                    link.text = "image: " + (child.get("alt") or child.get("src") or "")
                    link.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, link)


class _SafeExtension(Extension):
    def extendMarkdown(self, md: _markdown.Markdown) -> None:
        # Raw HTML is not markup here: with these two gone, "<script>" is text and gets escaped.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeTree(md), "ideaboard_safe", 0)


_local = threading.local()


def _md() -> _markdown.Markdown:
    # Building a Markdown instance costs more than converting a short description,
    # and instances are not thread-safe: one per thread, reset before each use.
    md = getattr(_local, "md", None)
    if md is None:
        md = _markdown.Markdown(
            extensions=["fenced_code", "tables", "sane_lists", _SafeExtension()],
            extension_configs={"tables": {"use_align_attribute": True}},
            output_format="html",
        )
        _local.md = md
    return md


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return url(value)
    if attribute == "start":
        return value if value.isdigit() and len(value) < 10 else None
    if attribute == "align":
        return value if value in ("left", "right", "center") else None
    return value


_cleaner = nh3.Cleaner(
    tags=set(_ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in _ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=LINK_REL,
    url_schemes=set(SAFE_SCHEMES),
)


def _is_pathological(source: str) -> bool:
    """Would Python-Markdown take more than a moment over this text?

    Its inline patterns rebuild the paragraph's string for every match, and it
    looks for the closing bracket of every ``[`` up to the end of the paragraph,
    so the work grows with (markup characters) x (length): 65 KB of ``[`` or
    ``> `` takes minutes.  Ordinary descriptions are far below the budget.
    """
    if len(_MARKUP_CHAR_RE.findall(source)) * len(source) > _MARKUP_BUDGET:
        return True
    # The searches for "]" and for ")" are Python loops over characters: count their steps.
    steps = 0
    opened: dict[str, list[int]] = {"[": [], "(": []}
    for match in _BRACKET_RE.finditer(source):
        token, pos = match.group(), match.start()
        if token in opened:
            opened[token].append(pos)
        elif token in _CLOSING:
            stack = opened[_CLOSING[token]]
            if stack:
                steps += pos - stack.pop()
        else:  # a blank line ends the paragraph, and the searches
            for stack in opened.values():
                steps += sum(pos - start for start in stack)
                stack.clear()
    steps += sum(len(source) - start for stack in opened.values() for start in stack)
    return steps > _BRACKET_BUDGET


def _plain_html(source: str) -> str:
    """A pathological text as escaped paragraphs: shown as typed, with no markup."""
    paragraphs = (p.strip("\n") for p in _BLANK_LINE_RE.split(source))
    return "\n".join(
        "<p>" + _escape_html_md(p).replace("\n", "<br>\n") + "</p>" for p in paragraphs if p
    )


def markdown(source: object) -> Markup:
    """Untrusted markdown (an issue body, a YAML description) as safe HTML.

    Python-Markdown with ``fenced_code``, ``tables`` and ``sane_lists`` only; raw
    HTML is escaped, headings start at ``h3``, images become links; then nh3
    keeps an allow-list of tags and attributes, only absolute ``http``,
    ``https`` and ``mailto`` links, and adds ``rel="nofollow ugc noopener"``.
    The result is final (see the module docstring).
    """
    source = clean(source).replace("\r\n", "\n").replace("\r", "\n")
    if not source.strip():
        return Markup("")
    if len(source) > MAX_MARKDOWN:
        source = source[:MAX_MARKDOWN] + "\n\n(cut)"
    if _is_pathological(source):
        return Markup(_plain_html(source))  # noqa: S704 (escaped by _plain_html)
    md = _md()
    md.reset()
    cleaned = _cleaner.clean(md.convert(source))
    # nh3 decodes references such as "&#x202E;" into characters: strip again.
    cleaned = _STRIP_RE.sub("", cleaned)
    parts = _TAG_RE.split(cleaned)
    for index in range(0, len(parts), 2):  # even indexes are text between tags
        parts[index] = _escape_md(parts[index])
    return Markup("".join(parts).strip())  # noqa: S704 (cleaned by nh3)


# --- JSON in a script element -----------------------------------------------------

_SCRIPT_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_JSON_RE = re.compile("[<>&\u2028\u2029]")


def script_json(obj: Any) -> Markup:
    """``obj`` as JSON that is safe inside an inline ``<script>`` element.

    ``</script>``, ``<!--`` and ``&`` cannot appear in the output, so a title
    holding ``</script><script>...`` stays a string.  Strings are not otherwise
    changed: clean them first with ``clean()``.
    """
    encoded = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    safe = _SCRIPT_JSON_RE.sub(lambda m: _SCRIPT_JSON_ESCAPES[m.group()], encoded)
    return Markup(safe)  # noqa: S704 (no '<', '>' or '&' left)
