"""Read the body of an issue made with the idea form (``.github/ISSUE_TEMPLATE/idea.yml``).

GitHub renders a form as ``### Label\\n\\nvalue`` for each field, with
``_No response_`` for an empty one, and ``- [X] option`` for checkboxes.  But
the author can edit the body freely afterwards, and issues opened without the
form (or through the API) have no sections at all.  So the parser never fails:
it recognises sections by what their heading *means* (renamed and reordered
ones too), keeps text it does not recognise, and falls back to the whole body.

The rule: every line of the author's text that is not form boilerplate (the
form's headings, ``_No response_``, the form's checkbox) ends up in the idea.
Only headings of level 1 to 3 split sections (the form writes ``###``); an
author's ``####`` stays inside its field.  Text after the checkbox is kept as
a section of its own, and a task list in a field is text, not a checkbox.
Every pattern here is linear: headings are read by hand, not by a regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.loop.summary import first_sentence

#: What GitHub writes for a form field left empty.
NO_RESPONSE = "_No response_"

#: The form's fields, in the order the description shows them, with their headings.
FIELDS = {
    "problem": "The problem",
    "solution": "Proposed solution",
    "benefits": "Who benefits",
}

_LABEL_WORDS = {
    name: set(" ".join(re.sub(r"[^\w\s]", " ", label.casefold()).split()).split())
    for name, label in FIELDS.items()
}

# A heading's meaning, by the words in it; the first match wins, so the more
# specific words come first ("Who benefits from the solution?" is about benefits).
_KEYWORDS = (
    ("searched", ("searched", "search the board", "before you submit", "checklist", "similar")),
    ("benefits", ("who benefit", "benefit", "who would", "who is this for", "audience")),
    ("problem", ("problem", "pain", "motivation", "use case", "why")),
    ("solution", ("solution", "propos", "suggest", "idea", "feature", "what would", "how")),
)

_BLANK_RUN_RE = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
#: Headings of this level or above split sections; deeper ones are the author's markdown.
SECTION_LEVEL = 3

_FENCE_RE = re.compile(r"\A {0,3}(`{3,}|~{3,})")
_CHECKBOX_RE = re.compile(r"\A[ \t]{0,10}[-*+][ \t]{1,10}\[([ xX])\][ \t]{0,10}")
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
    #: The author's own heading of a field, when it is not the form's (``Why`` for the problem).
    headings: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def description(self) -> str:
        """The idea's markdown description: each non-empty field under its own heading."""
        parts = [self.preamble] if self.preamble else []
        own = dict(self.headings)
        for name, heading in FIELDS.items():
            text = getattr(self, name)
            if text:
                parts.append(f"### {own.get(name, heading)}\n\n{text}")
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
        if field is None and _only_checkboxes(lines) and not _checkboxes_in(sections):
            field = "searched"  # the form's checkbox section, whatever its heading now says
        # A heading that means nothing to us, inside a field we know, is the
        # author's own markdown (say "### Option A" in the solution): keep it
        # there, unless it is plainly a form field of its own (empty).
        own = field is not None or _value("\n".join(lines)) == ""
        if own or not sections or sections[-1][0] in (None, "searched"):
            sections.append((field, heading, list(lines)))
        else:
            sections[-1][2].extend([heading_line, *lines])

    values: dict[str, list[str]] = {name: [] for name in FIELDS}
    searched: bool | None = None
    other: list[tuple[str, str]] = []
    headings: dict[str, str] = {}
    for name, heading, lines in sections:
        value = _value("\n".join(lines))
        if name in FIELDS and value and not set(_words(heading).split()) <= _LABEL_WORDS[name]:
            headings.setdefault(name, heading)
        if name == "searched":
            searched = _checked(lines) if searched is None else (searched or _checked(lines))
            rest = _value("\n".join(line for line in lines if not _CHECKBOX_RE.match(line)))
            if rest:  # "Additional context" typed after the box: the author's words
                other.append((heading, rest))
        elif name in values:
            if value:
                values[name].append(value)
        elif value:
            other.append((heading, value))
    return Form(
        problem="\n\n".join(values["problem"]),
        solution="\n\n".join(values["solution"]),
        benefits="\n\n".join(values["benefits"]),
        searched=searched,
        preamble=_value("\n".join(preamble)),
        other=tuple(other),
        headings=tuple(headings.items()),
    )


def _words(heading: str) -> str:
    """A heading's words, folded, without punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", heading.casefold()).split())


def _split(text: str) -> tuple[list[str], list[tuple[str, str, list[str]]]]:
    """The lines before the first heading, and ``(heading line, heading, lines)`` after each.

    Only headings at the form's level split: the shallowest level of a heading
    that names a field (``###`` for GitHub's forms, ``####`` for some markdown
    templates), or ``SECTION_LEVEL`` when none does.
    """
    lines = text.split("\n")
    headings = _headings(lines)
    named = [level for level, heading in headings.values() if classify(heading)]
    level = min(named, default=SECTION_LEVEL)
    preamble: list[str] = []
    sections: list[tuple[str, str, list[str]]] = []
    current = preamble
    for index, line in enumerate(lines):
        found = headings.get(index)
        if found is not None and found[0] <= level:
            current = []
            sections.append((line, found[1], current))
        else:
            current.append(line)
    return preamble, sections


def _headings(lines: list[str]) -> dict[int, tuple[int, str]]:
    """The ATX headings outside fenced code: line index -> (level, text)."""
    found: dict[int, tuple[int, str]] = {}
    fence = ""
    for index, line in enumerate(lines):
        fence_match = _FENCE_RE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
            continue
        if not fence and (heading := heading_text(line)) is not None:
            found[index] = heading
    return found


def heading_text(line: str) -> tuple[int, str] | None:
    """The level and text of an ATX heading, or ``None``.

    CommonMark's rule, read by hand: up to 3 spaces, 1 to 6 ``#``, a space or
    the end, then the text; a closing run of ``#`` counts only after a space,
    so ``### Works with C#`` keeps its ``#``.
    """
    body = line.lstrip(" ")
    if len(line) - len(body) > 3 or not body.startswith("#"):
        return None
    level = len(body) - len(body.lstrip("#"))
    rest = body[level:]
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    text = rest.strip(" \t")
    closing = text.rstrip("#")
    if not closing:
        return level, ""
    if closing != text and closing[-1] in " \t":
        text = closing.rstrip(" \t")
    return level, text


def classify(heading: str) -> str | None:
    """The form field a heading stands for, or ``None``."""
    words = _words(heading)
    for name, keys in _KEYWORDS:
        if any(re.search(rf"\b{re.escape(key)}", words) for key in keys):
            return name
    return None


def _value(text: str) -> str:
    """A field's text, as typed: blank lines around it dropped, its own indentation kept."""
    lines = _BLANK_RUN_RE.sub("\n\n", text).split("\n")  # hand edits leave blank runs
    while lines and not lines[0].strip():
        lines.pop(0)
    text = "\n".join(lines).rstrip()
    return "" if text.strip() == NO_RESPONSE else text


def _only_checkboxes(lines: list[str]) -> bool:
    filled = [line for line in lines if line.strip()]
    return bool(filled) and all(_CHECKBOX_RE.match(line) for line in filled)


def _checkboxes_in(sections: list[tuple[str | None, str, list[str]]]) -> bool:
    return any(field == "searched" for field, _heading, _lines in sections)


def _checked(lines: list[str]) -> bool:
    return any((m := _CHECKBOX_RE.match(line)) and m.group(1) in "xX" for line in lines)
