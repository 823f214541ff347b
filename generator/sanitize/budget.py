"""How much work a piece of untrusted markdown would cost Python-Markdown, measured before it runs.

Python-Markdown has no limits of its own.  Measured on its 3.x releases:

- it recurses once per nested container, so ``"+ " * 600`` or ``"1. " * 500``
  on one line raises ``RecursionError``;
- its inline patterns rebuild a paragraph's string for every match, and it looks
  for the closing bracket of every ``[`` up to the end of the paragraph, so the
  work grows with (markup characters) x (length);
- a heading or rule line splits its block in two and puts the rest back, so a
  block of N such lines costs N x its length (20 KB of ``a\\n=\\n``: 1.8 s).

``overrun(source)`` finds the first of these budgets a text goes over, with its
line.  Text over budget is shown as escaped paragraphs, and ``validate`` reports
it, so ordinary text never meets the fallback.  Every check is one pass with no
backtracking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Nested lists, quotes and indented blocks on one line (Python-Markdown recurses per level).
MAX_NESTING = 16
#: Emphasis runs open at once in one paragraph.
MAX_EMPHASIS = 32
#: Markup characters times length: about 0.1 s of inline work.
_MARKUP_BUDGET = 100_000_000
_MARKUP_CHAR_RE = re.compile(r"[\[\]()\\`*_<>&!~|{}#-]")
#: Steps of Python-Markdown's bracket search.
_BRACKET_BUDGET = 200_000
_BRACKET_RE = re.compile(r"[\[\]()]|\n[ \t]*\n")
_CLOSING = {"]": "[", ")": "("}
#: Heading and rule lines times the length of their block: about 0.1 s.
_SPLIT_BUDGET = 5_000_000
_DIGITS = "0123456789"


@dataclass(frozen=True)
class Overrun:
    """Which budget a text goes over, and the 1-based line where it does."""

    line: int
    reason: str


def overrun(source: str) -> Overrun | None:
    """The first budget ``source`` goes over, or ``None`` when it renders in a moment."""
    if len(_MARKUP_CHAR_RE.findall(source)) * len(source) > _MARKUP_BUDGET:
        return Overrun(1, "so much markup in so long a text")
    if _bracket_steps(source) > _BRACKET_BUDGET:
        return Overrun(1, "so many brackets that are never closed")
    return _block_overrun(source.split("\n"))


def _block_overrun(lines: list[str]) -> Overrun | None:
    """Nesting, emphasis and block splitting, line by line."""
    chunk_start, chunk_length, splitters, emphasis = 0, 0, 0, 0
    for number, line in enumerate(lines, start=1):
        if not line.strip(" \t"):
            chunk_start, chunk_length, splitters, emphasis = number, 0, 0, 0
            continue
        depth, rest = _containers(line)
        if depth > MAX_NESTING:
            return Overrun(number, f"lists or quotes nested {depth} levels deep")
        chunk_length += len(line) + 1
        if rest[:1] == "#" or (rest and not rest.strip("=-*_ \t")):
            splitters += 1
            if splitters * chunk_length > _SPLIT_BUDGET:
                return Overrun(chunk_start + 1, "so many headings or rules in one block")
        emphasis, deepest = _emphasis(rest, emphasis)
        if deepest > MAX_EMPHASIS:
            return Overrun(number, f"emphasis nested {deepest} levels deep")
    return None


def _containers(line: str) -> tuple[int, str]:
    """How many lists, quotes and indents open the line, and the text after them."""
    depth, spaces, index, size = 0, 0, 0, len(line)
    while index < size:
        char = line[index]
        if char == " " or char == "\t":
            spaces += 1 if char == " " else 4
            index += 1
            continue
        depth += spaces // 4
        spaces = 0
        after = index + 1
        if char in _DIGITS:
            while after < size and after - index < 10 and line[after] in _DIGITS:
                after += 1
            if after >= size or line[after] not in ".)":
                break
            after += 1
        elif char not in "-+*>":
            break
        if char != ">" and after < size and line[after] not in " \t":
            break
        depth += 1
        index = after
    return depth, line[index:]


def _emphasis(text: str, depth: int) -> tuple[int, int]:
    """The emphasis runs open after ``text`` (``depth`` were open before), and the most at once."""
    index, size, deepest = 0, len(text), depth
    while index < size:
        char = text[index]
        if char != "*" and char != "_":
            index += 1
            continue
        end = index
        while end < size and text[end] == char:
            end += 1
        before = text[index - 1] if index else " "
        after = text[end] if end < size else " "
        if before.isspace() and not after.isspace():
            depth += end - index
            deepest = max(deepest, depth)
        elif after.isspace() and not before.isspace():
            depth = max(depth - (end - index), 0)
        index = end
    return depth, deepest


def _bracket_steps(source: str) -> int:
    """The steps of Python-Markdown's searches for ``]`` and ``)`` (loops over characters)."""
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
    return steps
