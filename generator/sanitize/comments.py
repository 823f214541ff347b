"""Untrusted text in the bot's GitHub comments: inert under GitHub's markdown.

A title or a login put into a comment must stay text: no mention (which pings
someone), no issue or commit reference, no image (a tracking pixel), no link,
no raw HTML and no emphasis that spills over the rest of the comment.  Every
ASCII punctuation character is backslash-escaped (CommonMark's rule: each of
them may be escaped, and then is only text; this also stops GFM's autolinks,
which need an unescaped ``:`` or ``.``), and a zero-width space is put where
GitHub would find a mention or a reference in the text after rendering.
"""

from __future__ import annotations

import re
import string
import urllib.parse

from generator.sanitize.links import url
from generator.sanitize.plain import clean

_ZWSP = "\u200b"
_PUNCTUATION_RE = re.compile("[" + re.escape(string.punctuation) + "]")
# After escaping: '@name' (a mention or an e-mail), '#12' and 'GH-12' (references),
# and a run of hex digits that could be a commit (GitHub links 7 to 40 of them).
_REFERENCE_RE = re.compile(r"(?<=@)(?=[A-Za-z0-9])|(?<=#)(?=[0-9])|(?<=[Gg][Hh]\\-)(?=[0-9])")
_HEX_RUN_RE = re.compile(r"(?<![0-9A-Za-z])[0-9A-Fa-f]{7,}(?![0-9A-Za-z])")
# Characters a link destination may not hold unencoded: '<', '>', spaces, parentheses.
_URL_UNSAFE = "<>()[] \"'`\\"


def comment_text(value: object) -> str:
    """Untrusted one-line text for a GitHub comment: shown as typed, with no markup at all."""
    line = " ".join(clean(value).split())
    escaped = _PUNCTUATION_RE.sub(lambda m: "\\" + m.group(), line)
    return _HEX_RUN_RE.sub(_break_hex, _REFERENCE_RE.sub(_ZWSP, escaped))


def _break_hex(match: re.Match[str]) -> str:
    """A run that could name a commit, in pieces of six: too short for GitHub to link."""
    run = match.group()
    return _ZWSP.join(run[i : i + 6] for i in range(0, len(run), 6))


def comment_link(title: object, target: str | None) -> str:
    """A markdown link with ``title`` as its text, or bold text when ``target`` is no safe URL."""
    text = comment_text(title)
    safe = url(target) if target else None
    if not safe:
        return f"**{text}**"
    encoded = "".join(urllib.parse.quote(c) if c in _URL_UNSAFE else c for c in safe)
    return f"[{text}]({encoded})"


# In a note (Markdown on purpose) only raw HTML and entities are taken apart, and
# every '@' and '#' gets a zero-width space after it: no mention, no reference.
_NOTE_HTML_RE = re.compile(r"([<&])")
_NOTE_QUIET_RE = re.compile(r"(?<=[@#])")


def comment_note(value: object) -> str:
    """An untrusted note for a GitHub comment: its Markdown kept; no HTML, mention or reference."""
    escaped = _NOTE_HTML_RE.sub(r"\\\1", clean(value))
    return _HEX_RUN_RE.sub(_break_hex, _NOTE_QUIET_RE.sub(_ZWSP, escaped))
