"""Read the body of an issue made with the idea form (``.github/ISSUE_TEMPLATE/idea.yml``).

GitHub renders a form as ``### Label\\n\\nvalue`` for each field, with
``_No response_`` for an empty one, and ``- [X] option`` for checkboxes.  But
the author can edit the body freely afterwards, and issues opened without the
form (or through the API) have no sections at all.  So the parser never fails:
it recognises sections by what their heading *means* (renamed and reordered
ones too), keeps text it does not recognise, and falls back to the whole body.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: What GitHub writes for a form field left empty.
NO_RESPONSE = "_No response_"

#: The form's fields, in the order the description shows them, with their headings.
FIELDS = {
    "problem": "The problem",
    "solution": "Proposed solution",
    "benefits": "Who benefits",
}

# A heading's meaning, by the words in it; the first match wins, so the more
# specific words come first ("Who benefits from the solution?" is about benefits).
_KEYWORDS = (
    ("searched", ("searched", "search the board", "before you submit", "checklist", "similar")),
    ("benefits", ("who benefit", "benefit", "who would", "who is this for", "audience")),
    ("problem", ("problem", "pain", "motivation", "use case", "why")),
    ("solution", ("solution", "propos", "suggest", "idea", "feature", "what would", "how")),
)

_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CHECKBOX_RE = re.compile(r"^\s*[-*+]\s+\[([ xX])\]\s*(.*)$")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ud800-\udfff]")
# Unicode's own line breaks, which YAML also breaks lines at.
_BREAK_RE = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


@dataclass(frozen=True)
class Form:
    """What an idea form says, each field stripped, ``""`` when empty or absent."""

    problem: str = ""
    solution: str = ""
    benefits: str = ""
    #: The "I searched the board" checkbox: ``None`` when the body has no such section.
    searched: bool | None = None
    #: Text before the first section (all of it, for a body with no sections).
    preamble: str = ""
    #: Sections whose heading means nothing to us, as ``(heading, text)``, in body order.
    other: tuple[tuple[str, str], ...] = ()

    def description(self) -> str:
        """The idea's markdown description: each non-empty field under its own heading."""
        parts = [self.preamble] if self.preamble else []
        for name, heading in FIELDS.items():
            text = getattr(self, name)
            if text:
                parts.append(f"### {heading}\n\n{text}")
        parts.extend(f"### {heading}\n\n{text}" for heading, text in self.other if text)
        return "\n\n".join(parts)

    def summary(self, fallback: str, limit: int) -> str:
        """One line: the first sentence of the problem (or of whatever the form does say)."""
        others = [text for _heading, text in self.other]
        for text in (self.problem, self.solution, self.preamble, self.benefits, *others, fallback):
            line = first_sentence(text, limit)
            if line:
                return line
        return ""


def clean(text: str) -> str:
    """Normalise line ends, drop control characters and HTML comments."""
    text = _BREAK_RE.sub("\n", text)
    text = _CONTROL_RE.sub("", text)
    return _COMMENT_RE.sub("", text)


def parse(body: str | None) -> Form:
    """Read an idea form body; never raises, whatever the body holds."""
    text = clean(body or "")
    preamble, raw = _split(text)
    sections: list[tuple[str | None, str, list[str]]] = []  # (field, heading, lines)
    for heading_line, heading, lines in raw:
        field = classify(heading)
        if _only_checkboxes(lines):
            field = "searched"  # the form's checkbox, whatever its heading now says
        # A heading that means nothing to us, inside a field we know, is the
        # author's own markdown (say "### Option A" in the solution): keep it
        # there, unless it is plainly a form field of its own (empty, boxes).
        own = field is not None or _value("\n".join(lines)) == ""
        if own or not sections or sections[-1][0] is None:
            sections.append((field, heading, list(lines)))
        else:
            sections[-1][2].extend([heading_line, *lines])

    values: dict[str, list[str]] = {name: [] for name in FIELDS}
    searched: bool | None = None
    other: list[tuple[str, str]] = []
    for field, heading, lines in sections:
        value = _value("\n".join(lines))
        if field == "searched":
            searched = _checked(lines) if searched is None else (searched or _checked(lines))
        elif field in values:
            if value:
                values[field].append(value)
        elif value:
            other.append((heading, value))
    return Form(
        problem="\n\n".join(values["problem"]),
        solution="\n\n".join(values["solution"]),
        benefits="\n\n".join(values["benefits"]),
        searched=searched,
        preamble=_value("\n".join(preamble)),
        other=tuple(other),
    )


def _split(text: str) -> tuple[list[str], list[tuple[str, str, list[str]]]]:
    """The lines before the first heading, and ``(heading line, heading, lines)`` after each."""
    preamble: list[str] = []
    sections: list[tuple[str, str, list[str]]] = []
    current = preamble
    fence = ""
    for line in text.split("\n"):
        fence_match = _FENCE_RE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
        heading = None if fence or fence_match else _HEADING_RE.match(line)
        if heading:
            current = []
            sections.append((line, heading.group(2).strip(), current))
        else:
            current.append(line)
    return preamble, sections


def classify(heading: str) -> str | None:
    """The form field a heading stands for, or ``None``."""
    words = " ".join(re.sub(r"[^\w\s]", " ", heading.casefold()).split())
    for field, keys in _KEYWORDS:
        if any(re.search(rf"\b{re.escape(key)}", words) for key in keys):
            return field
    return None


def first_sentence(text: str, limit: int) -> str:
    """The first sentence of some markdown, as one plain line of at most ``limit`` characters."""
    for paragraph in re.split(r"\n\s*\n", text):
        plain = _plain(paragraph)
        if plain:
            break
    else:
        return ""
    match = re.search(r"(?<=[.!?])\s|(?<=[。！？])", plain)
    sentence = plain[: match.start()].strip() if match else plain
    return truncate(sentence, limit)


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, ending in an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if text[limit - 1] != " " and space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def _value(text: str) -> str:
    text = text.strip("\n").rstrip()
    text = _dedent_blank(text).strip()
    return "" if text == NO_RESPONSE else text


def _dedent_blank(text: str) -> str:
    # Collapse runs of blank lines, which hand edits leave behind.
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)


def _only_checkboxes(lines: list[str]) -> bool:
    filled = [line for line in lines if line.strip()]
    return bool(filled) and all(_CHECKBOX_RE.match(line) for line in filled)


def _checked(lines: list[str]) -> bool:
    return any((m := _CHECKBOX_RE.match(line)) and m.group(1) in "xX" for line in lines)


def _plain(markdown: str) -> str:
    lines = []
    for line in markdown.split("\n"):
        line = re.sub(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)", "", line)
        if _FENCE_RE.match(line):
            continue
        lines.append(line)
    text = " ".join(" ".join(lines).split())
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images: their text
    text = re.sub(r"(\*\*|__|`)", "", text)
    return unicodedata.normalize("NFC", text).strip()
