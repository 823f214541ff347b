"""One plain line from some markdown: the summary intake gives a new idea.

Words only: no image (nor its alt text), no HTML, no link targets, no
emphasis marks, no code.  Every pattern has bounded repeats and no
overlapping choices, so it is linear on any input.
"""

from __future__ import annotations

import re
import unicodedata

from generator.sanitize import truncate

_FENCE_RE = re.compile(r"\A {0,3}(`{3,}|~{3,})")
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s|(?<=[。！？])")


def first_sentence(text: str, limit: int) -> str:
    """The first sentence of some markdown, as one plain line of at most ``limit`` characters."""
    for paragraph in _PARAGRAPH_RE.split(text):
        if _is_code(paragraph):
            continue
        plain = _plain(paragraph)
        if plain:
            break
    else:
        return ""
    match = _SENTENCE_END_RE.search(plain)
    sentence = plain[: match.start()].strip() if match else plain
    return truncate(sentence, limit)


def _is_code(paragraph: str) -> bool:
    """An indented or fenced code block: not words for a summary."""
    filled = [line for line in paragraph.split("\n") if line.strip()]
    indented = all(line.startswith(("    ", "\t")) for line in filled)
    return bool(filled) and (indented or bool(_FENCE_RE.match(filled[0])))


def _plain(markdown: str) -> str:
    """Markdown as the words a reader sees: no images, HTML, link targets or markup."""
    lines = []
    for line in markdown.split("\n"):
        if _FENCE_RE.match(line):
            continue
        for _ in range(20):  # "> - [ ] " and the like, one marker at a time
            stripped = _LINE_MARK_RE.sub("", line, count=1)
            if stripped == line:
                break
            line = stripped
        lines.append(line)
    text = " ".join(lines)
    text = _IMAGE_RE.sub(" ", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _HTML_RE.sub(" ", text)
    text = _EMPHASIS_RE.sub("", text)
    return unicodedata.normalize("NFC", " ".join(text.split()))


# Each of these has bounded repeats and no overlapping choices: linear on any input.
_LINE_MARK_RE = re.compile(
    r"\A[ \t]{0,3}(?:#{1,6}(?:[ \t]|\Z)|>[ \t]?|[-*+][ \t]{1,10}|\[[ xX]\][ \t]{0,10}"
    r"|[0-9]{1,9}[.)][ \t]{1,10})"
)
_IMAGE_RE = re.compile(r"!\[[^\[\]\n]{0,1000}\]\([^()\n]{0,2000}\)")
_LINK_RE = re.compile(r"\[([^\[\]\n]{0,1000})\]\([^()\n]{0,2000}\)")
_HTML_RE = re.compile(r"</?[A-Za-z][^<>\n]{0,2000}>")
_EMPHASIS_RE = re.compile(r"`+|~~|(?<![\w*_])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*_])")
