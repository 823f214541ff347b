"""PyYAML's errors in words that say what to fix, at the line where it is."""

from __future__ import annotations

import re

import yaml

from generator.errors import Problem


def reader_problem(display: str, exc: yaml.YAMLError, text: str) -> Problem:
    """An unmarked error of PyYAML's reader: a character YAML does not allow."""
    position = getattr(exc, "position", None)
    character = getattr(exc, "character", None)
    if position is None or character is None:
        return Problem(display, 1, 1, "", f"malformed YAML: {exc}")
    code = character if isinstance(character, int) else ord(character)
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    return Problem(
        display,
        line,
        col,
        "",
        f"malformed YAML: the control character U+{code:04X} is not allowed; remove it",
    )


_TAB_INDENT = re.compile(r"\A *\t")


def yaml_problem(display: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """Translate PyYAML's message into one that says what to fix, at the right line."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    lines = text.splitlines()
    # A tab in the indentation of this line or the one above is nearly always the cause.
    for number in (line, line - 1):
        if 1 <= number <= len(lines) and _TAB_INDENT.match(lines[number - 1]):
            tab_col = lines[number - 1].index("\t") + 1
            return Problem(
                display,
                number,
                tab_col,
                "",
                "a tab character in the indentation: YAML indents with spaces only; "
                "replace the tab with spaces",
            )
    if "\\t" in problem or "tab" in problem:
        return Problem(
            display,
            line,
            col,
            "",
            "a tab character where YAML expects spaces: replace the tab with spaces",
        )
    if "found undefined alias" in problem or "found undefined alias" in context:
        return Problem(
            display,
            line,
            col,
            "",
            "YAML aliases are not allowed in idea files: write the value out in full",
        )
    if problem.startswith("could not determine a constructor for the tag"):
        tag = problem.rpartition(" ")[2]
        message = f"the YAML tag {tag} is not allowed in idea files; remove it"
    elif problem.startswith("mapping values are not allowed"):
        message = (
            "malformed YAML: a ':' where no new key can start; check this line's "
            "indentation, or quote a value that contains ': '"
        )
    elif "could not find expected ':'" in problem:
        message = (
            "malformed YAML: expected 'key: value'; indent a line that continues the "
            "value above, or quote the value"
        )
    elif "flow" in context and exc.context_mark:
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = (
            "malformed YAML: a list or mapping in brackets that is never closed; "
            "add the closing ']' or '}'"
        )
    elif problem.startswith(("did not find expected", "expected <block end>")):
        message = (
            "malformed YAML: bad indentation; align this line with the other keys "
            f"at its level ({problem})"
        )
    elif "expected a single document" in context:
        message = "expected a single YAML document but found a second one (a '---' line)"
    elif "while scanning a quoted scalar" in context:
        start = exc.context_mark
        if start:
            line, col = start.line + 1, start.column + 1
        message = "malformed YAML: a quoted value that is never closed; add the closing quote"
    else:
        detail = f"{context}: {problem}" if context else problem
        message = f"malformed YAML: {detail}"
    return Problem(display, line, col, "", message)
