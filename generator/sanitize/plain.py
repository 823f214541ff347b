"""Plain untrusted text: control and bidi characters out, HTML and Markdown escaped, cut short."""

from __future__ import annotations

import re

from markupsafe import Markup

# C0 controls except tab, newline and carriage return; DEL; C1 controls; lone
# surrogates (a JSON snapshot can hold "\ud800", which cannot be written as
# UTF-8); the noncharacters U+FFFE/U+FFFF (not allowed in XML).
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
# Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).  Left
# in, an unterminated RLO reverses the page text that follows it ("Trojan
# Source").  Right-to-left text does not need them: the Unicode bidi algorithm
# orders Arabic and Hebrew by itself, so we remove them rather than balance them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
STRIP_RE = re.compile(f"[{_CONTROL}{_BIDI}]")
# One-line values (titles, logins, labels, tags): a run of tabs and newlines is a space.
_NEWLINES_RE = re.compile(r"[\t\r\n]+")

# Characters that mean something to the site's Markdown (links, attr_list,
# emphasis, code, tables, admonitions, critic, arithmatex, keys, abbreviations,
# footnotes, setext headings) or to Jinja.  In text nodes we write them as
# numeric references; '<', '>', '&', '"' and "'" are already escaped by then.
_MD_SPECIAL = "[](){}*_`~!#|\\:=+^$"
_MD_SPECIAL_RE = re.compile("[" + re.escape(_MD_SPECIAL) + "]")
_TEXT_SPECIAL_RE = re.compile("[" + re.escape(_MD_SPECIAL + "<>&\"'") + "]")


def clean(value: object) -> str:
    """``value`` as a ``str`` without control characters, lone surrogates or bidi overrides.

    Newlines and tabs are kept.  Use this for output formats that do their own
    escaping (JSON via ``json.dumps``, XML via an autoescaping template); use
    ``text()`` for HTML.  ``None`` becomes ``""``.
    """
    if value is None:
        return ""
    return STRIP_RE.sub("", str(value))


def text(value: object) -> Markup:
    """Untrusted one-line text (a title, a login, a label, a tag) as escaped HTML.

    Control characters and bidi overrides are removed, newlines and tabs become
    a space, and ``< > & " '`` plus the characters the site's Markdown and Jinja
    react to are escaped, so the result is safe in element content, in a quoted
    attribute value, and even inside a generated Markdown page.
    """
    if value is None:
        return Markup("")
    line = _NEWLINES_RE.sub(" ", STRIP_RE.sub("", str(value)))
    return Markup(escape_html_md(line))  # noqa: S704 (escaped just now)


def escape_html_md(value: str) -> str:
    """Escape HTML's five characters and the Markdown/Jinja ones, in one pass."""
    return _TEXT_SPECIAL_RE.sub(_reference, value)


def escape_md(escaped: str) -> str:
    """Write Markdown- and Jinja-significant characters of already escaped HTML text."""
    return _MD_SPECIAL_RE.sub(_reference, escaped)


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def truncate(value: str, limit: int, *, ellipsis: str = "…") -> str:
    """``value`` cut to at most ``limit`` characters, at a word boundary when one is near.

    The one truncation of the code base: titles in comments and indexes, values
    quoted in messages, summaries made by intake.  A cut ends in ``ellipsis``.
    """
    if len(value) <= limit:
        return value
    cut = value[: max(limit - len(ellipsis), 0)]
    space = cut.rfind(" ")
    if value[len(cut)] != " " and space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + ellipsis


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters: how a message quotes what it received."""
    return truncate(repr(value), limit)
