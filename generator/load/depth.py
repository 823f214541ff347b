"""How deep a YAML text nests, measured on the text itself, before any parser sees it.

PyYAML's C composer recurses once per level and crashes the interpreter on
~100,000 levels, and libyaml 0.2.5+ (bundled from PyYAML 6.0.4) refuses 1,000
levels with an error of its own wording.  Neither must decide what an idea file
is told, so the nesting is measured here, in one pass over the text with no
recursion: block collections by their indentation and ``-``/``?``/``key:``
indicators, flow collections by their brackets, skipping quoted text, comments,
block scalars and plain multi-line values.  The measure is exact for the YAML
idea files use, and only ever errs high on text that is not valid YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_FLOW_OPEN = "[{"
_FLOW_CLOSE = "]}"


@dataclass
class Nesting:
    """The deepest level found, and the 1-based line and column where ``limit`` was passed."""

    depth: int = 0
    line: int = 0
    col: int = 0


@dataclass
class _State:
    limit: int
    result: Nesting = field(default_factory=Nesting)
    stack: list[tuple[int, str]] = field(default_factory=list)  # (column, "map" | "seq")
    flow: int = 0
    quote: str = ""  # the open quote while a quoted value spans lines
    content_above: int = -1  # lines indented deeper than this are a scalar's text

    def level(self, depth: int, line: int, col: int) -> None:
        if depth > self.result.depth:
            self.result.depth = depth
        if depth > self.limit and not self.result.line:
            self.result.line, self.result.col = line, col + 1


def measure(text: str, limit: int) -> Nesting:
    """The nesting of ``text``, with the place where it first goes deeper than ``limit``."""
    state = _State(limit)
    for number, line in enumerate(text.split("\n"), start=1):
        _line(state, number, line.rstrip("\r"))
    return state.result


def _line(state: _State, number: int, line: str) -> None:
    if state.quote or state.flow:
        _inline(state, number, line, 0)
        return
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    if not stripped or stripped.startswith("#"):
        return
    if state.content_above >= 0 and indent > state.content_above:
        return
    state.content_above = -1
    if stripped.startswith(("---", "...")) and stripped[3:4] in ("", " "):
        return
    while state.stack and state.stack[-1][0] > indent:
        state.stack.pop()
    _block(state, number, line, indent)


def _block(state: _State, number: int, line: str, col: int) -> None:
    """The block structure that starts at ``col``: entries, keys, then a value."""
    while True:
        rest = line[col:]
        if rest[:1] in "-?" and rest[1:2] in ("", " "):
            _open(state, number, col, "seq" if rest[0] == "-" else "map")
            col = _skip_spaces(line, col + 1)
            if col >= len(line):
                return
            continue
        key_end = _key_end(line, col)
        if key_end < 0:
            break
        _open(state, number, col, "map")
        owner = col
        col = _skip_spaces(line, key_end + 1)
        if col >= len(line) or line[col] == "#":
            return
        _value(state, number, line, col, owner)
        return
    _value(state, number, line, col, state.stack[-1][0] if state.stack else -1)


def _open(state: _State, number: int, col: int, kind: str) -> None:
    """Enter the collection of ``kind`` at ``col`` (or continue it)."""
    top = state.stack[-1] if state.stack else None
    if top and top[0] == col:
        if top[1] == kind:
            return
        if kind == "map" and len(state.stack) > 1 and state.stack[-2] == (col, "map"):
            state.stack.pop()  # an indentless sequence ends at its mapping's next key
            return
    state.stack.append((col, kind))
    state.level(len(state.stack), number, col)


def _value(state: _State, number: int, line: str, col: int, owner: int) -> None:
    """A value on the line of its key or entry: a flow collection, or scalar text."""
    col = _skip_properties(line, col)
    if col >= len(line) or line[col] == "#":
        return  # an anchor or tag alone: the value is on the lines below
    if line[col] in _FLOW_OPEN or line[col] in "'\"":
        _inline(state, number, line, col)
        return
    state.content_above = owner  # plain or block scalar: deeper lines are its text


def _inline(state: _State, number: int, line: str, col: int) -> None:
    """Scan flow brackets and quotes from ``col``; they may span lines."""
    previous = " "
    while col < len(line):
        char = line[col]
        if state.quote:
            col = _quoted(state, line, col)
            previous = "x"
            continue
        if char in "'\"" and previous in " \t[{,:":
            state.quote = char
            col += 1
            continue
        if char == "#" and previous in " \t":
            break
        if char in _FLOW_OPEN:
            state.flow += 1
            state.level(len(state.stack) + state.flow, number, col)
        elif char in _FLOW_CLOSE and state.flow:
            state.flow -= 1
        previous = char
        col += 1
    if not state.flow and not state.quote:
        state.content_above = state.stack[-1][0] if state.stack else -1


def _quoted(state: _State, line: str, col: int) -> int:
    """Skip quoted text from ``col``; return where scanning resumes (closing the quote if found)."""
    while col < len(line):
        char = line[col]
        if state.quote == '"' and char == "\\":
            col += 2
            continue
        if char == state.quote:
            if state.quote == "'" and line[col + 1 : col + 2] == "'":
                col += 2
                continue
            state.quote = ""
            return col + 1
        col += 1
    return col


def _key_end(line: str, col: int) -> int:
    """The column of the ``:`` that ends a key starting at ``col``, or -1 for no key."""
    if col < len(line) and line[col] in "'\"":
        quote = line[col]
        end = line.find(quote, col + 1)
        while quote == "'" and end >= 0 and line[end + 1 : end + 2] == "'":
            end = line.find(quote, end + 2)
        if end < 0 or line[end + 1 : end + 2] != ":":
            return -1
        colon = end + 1
    else:
        if col >= len(line) or line[col] in "[{#&*!|>%@`":
            return -1
        colon = line.find(":", col)
        while colon >= 0 and line[colon + 1 : colon + 2] not in ("", " ", "\t"):
            colon = line.find(":", colon + 1)
        if colon < 0 or " #" in line[col:colon]:
            return -1
    return colon if line[colon + 1 : colon + 2] in ("", " ", "\t") else -1


def _skip_properties(line: str, col: int) -> int:
    """Skip anchors (``&a``) and tags (``!x``) before a value."""
    while col < len(line) and line[col] in "&!":
        end = line.find(" ", col)
        if end < 0:
            return len(line)
        col = _skip_spaces(line, end)
    return col


def _skip_spaces(line: str, col: int) -> int:
    while col < len(line) and line[col] in " \t":
        col += 1
    return col
