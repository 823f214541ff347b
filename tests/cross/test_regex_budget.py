"""Every regex of ``generator/`` on adversarial strings of 100 KB (issue 12, item 2).

Each module-level compiled pattern is found by walking the package, so a new
one is checked without being listed.  The strings repeat the characters that
make patterns backtrack (runs of spaces, brackets, markup, digits, near-misses
of the pattern's own text).  The budget per call is generous: this guards
against quadratic or worse backtracking, it does not measure speed.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import generator

SIZE = 100_000
#: Seconds one search, or one pass over all matches, may take on 100 KB.
BUDGET = 0.5


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(generator.__path__, "generator."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{info.name}.{name}", value)
    return found


PATTERNS = _patterns()


def _adversarial(pattern: re.Pattern[str]) -> list[str]:
    """Strings that make a pattern work hard: runs, alternations of its own characters."""
    literal = "".join(sorted({c for c in pattern.pattern if c.isprintable()}))[:40]
    units = [
        " ", "\t", "\n", " \n", "a", "a ", "1", "-", "#", "# ", "### ", "[", "](", "![", "<", "<a ",
        "*", "_", "`", "~", "&", "&#", "\\", ":", "://", "@", "@a", ". ", "> ", "- ", "1. ",
        "\r\n", "=", "|", "'", '"', "é", "。", literal, literal[::-1],
    ]  # fmt: skip
    strings = [(unit * (SIZE // max(len(unit), 1) + 1))[:SIZE] for unit in units if unit]
    strings += [
        "### The problem" + " " * SIZE + "x",
        "issue:" + " " * SIZE + "x",
        "[" + "a" * SIZE,
        "http://" + "a" * SIZE + " ",
        "\n" + " " * SIZE + "x",
    ]
    return strings


def _time(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def test_the_walk_finds_the_patterns_that_see_untrusted_text() -> None:
    for name in (
        "generator.loop.form._CHECKBOX_RE",
        "generator.loop.summary._LINK_RE",
        "generator.sanitize.comments._REFERENCE_RE",
        "generator.sanitize.budget._BRACKET_RE",
        "generator.load.names.NAME_RE",
    ):
        assert name in PATTERNS


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_stays_within_its_budget_on_100_kb(name: str) -> None:
    pattern = PATTERNS[name]
    slow = []
    for text in _adversarial(pattern):
        for how, call in (
            ("search", lambda text=text: pattern.search(text)),
            ("match", lambda text=text: pattern.match(text)),
            ("finditer", lambda text=text: sum(1 for _ in pattern.finditer(text[: SIZE // 2]))),
        ):
            seconds = _time(call)
            if seconds > BUDGET:
                slow.append((how, repr(text[:30]), round(seconds, 2)))
                break
        if slow:
            break
    assert slow == []
