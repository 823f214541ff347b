"""The bounded renderer: no text can crash, hang or stop a build (issue 12, item 1).

The fuzz test's time budget per input is generous (a hang guard, not a
benchmark): a text either renders in well under it or is caught by the
budgets first.  ``tests/benchmarks/bench_sanitize.py`` measures the speed.
"""

from __future__ import annotations

import logging
import random
import re
import sys
import time

import pytest

from generator import sanitize
from generator.sanitize import markup

_INDENTED = "- a\n" + "".join("    " * i + "- x\n" for i in range(1, 30))
_ALLOWED = "p|br|a|em|strong|code|pre|ul|ol|li|blockquote|h[3-6]|hr|table|thead|tbody|tr|th|td"
#: Seconds any one input may take, fallback included (the work budget is ~0.1 s).
TIME_BUDGET = 1.0


def plain(source: str) -> str:
    return sanitize.plain_html(sanitize.normalized(source))


@pytest.mark.parametrize(
    ("source", "line", "reason"),
    [
        ("+ " * 600, 1, "lists or quotes nested 600 levels deep"),
        ("1. " * 500, 1, "lists or quotes nested 500 levels deep"),
        ("intro\n\n" + "> " * 40 + "x", 3, "lists or quotes nested 40 levels deep"),
        (_INDENTED, 17, "lists or quotes nested 17 levels deep"),
        ("*a " * 40 + "b", 1, "emphasis nested 40 levels deep"),
        ("a\n=\n" * 5_000, 1, "so many headings or rules in one block"),
        ("# a\n" * 2_000, 1, "so many headings or rules in one block"),
        ("---\n" * 1_500, 1, "so many headings or rules in one block"),
    ],
    ids=["plus", "ordered", "quotes", "indent", "emphasis", "setext", "atx", "rules"],
)
def test_over_budget_text_is_found_with_its_line_and_shown_as_paragraphs(
    source: str, line: int, reason: str
) -> None:
    assert sanitize.overrun(source) == sanitize.Overrun(line, reason)
    assert str(sanitize.markdown(source)) == plain(source)


@pytest.mark.parametrize(
    "source",
    [
        "- a\n    - b\n        - c\n\n> quoted\n> > twice\n",
        "# Title\n\ntext\n\n## Part\n\nmore\n\nSetext\n======\n\n---\n",
        "*emphasis* and **strong** and ***both*** and _under_ and __score__",
        "1. one\n2. two\n   1. nested\n",
    ],
)
def test_ordinary_markdown_is_within_budget(source: str) -> None:
    assert sanitize.overrun(source) is None
    assert "<p>" in str(sanitize.markdown(source)) or "<li>" in str(sanitize.markdown(source))


def test_a_failure_inside_the_pipeline_shows_the_text_and_warns_with_the_file(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        def reset(self) -> None:
            pass

        def convert(self, source: str) -> str:
            raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(markup, "_md", Broken)
    with caplog.at_level(logging.WARNING, logger="ideaboard.sanitize"):
        out = sanitize.markdown("**hello** <b>", where="ideas/dark-mode.yaml: description")
    assert str(out) == plain("**hello** <b>")
    assert caplog.messages == [
        "ideas/dark-mode.yaml: description: markdown could not be rendered (RecursionError: "
        "maximum recursion depth exceeded); shown as plain text: **hello** <b>"
    ]


def test_a_deep_stack_does_not_matter_within_budget() -> None:
    # mkdocs calls the renderer from deep inside its own stack: leave it little room.
    source = "".join("  " * i + "- x\n" for i in range(sanitize.MAX_NESTING))

    def nest(depth: int) -> str:
        return nest(depth - 1) if depth else str(sanitize.markdown(source))

    limit = sys.getrecursionlimit()
    out = nest(limit - 250)
    assert out.count("<li>") == sanitize.MAX_NESTING


_PIECES = [
    "+ ", "- ", "* ", "1. ", "9) ", "> ", "    ", "\t", "[", "]", "(", ")", "![", "](", "<", ">",
    "*", "**", "_", "__", "`", "```", "~~~", "#", "# ", "###### ", "=", "-", "\n", "\n\n",
    "a", "word ", "&", "&#", "|", "\\", "<!--", "http://x.y ", "{", "}", "\r\n", "：", "😀",
]  # fmt: skip


def _adversarial(rng: random.Random) -> str:
    """One generated text: a few pieces, each repeated a lot, some mixed."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        unit = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4)))
        parts.append(unit * rng.randint(1, 30_000 // len(unit)))
    return "".join(parts)[: sanitize.MAX_MARKDOWN + 100]


@pytest.mark.parametrize("seed", range(60))
def test_fuzz_every_input_renders_within_the_time_budget(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5):
        source = _adversarial(rng)
        start = time.perf_counter()
        out = str(sanitize.markdown(source))
        elapsed = time.perf_counter() - start
        assert elapsed < TIME_BUDGET, (elapsed, source[:200])
        assert not re.search(rf"<(?!/?(?:{_ALLOWED}|del)\b)", out)
