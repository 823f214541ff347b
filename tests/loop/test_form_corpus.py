"""Intake keeps every word (issue 12, item 8): a corpus of bodies in GitHub's real format.

The rule checked: every line of the author's text that is not form boilerplate
(the form's headings, ``_No response_``, the form's checkbox) appears in the
description intake writes, and the summary is words only.
"""

from __future__ import annotations

import pytest

from generator.loop import form
from generator.loop.intake import clean_title

CHECKBOX = "- [X] I searched the board for similar ideas"
FORM_HEADINGS = {
    "### The problem",
    "### Proposed solution",
    "### Who benefits",
    "### Before you submit",
}

CORPUS = {
    "crlf": (
        "### The problem\r\n\r\nSync drops notes.\r\nEvery week.\r\n\r\n"
        "### Proposed solution\r\n\r\nQueue them.\r\n\r\n"
        "### Who benefits\r\n\r\n_No response_\r\n\r\n### Before you submit\r\n\r\n" + CHECKBOX
    ),
    "after-the-checkbox": (
        "### The problem\n\nToo bright.\n\n### Before you submit\n\n" + CHECKBOX + "\n\n"
        "Additional context: my screen is an OLED.\n\nAlternatives considered: sunglasses."
    ),
    "own-subheadings": (
        "### The problem\n\nSlow search.\n\n### Proposed solution\n\n"
        "#### Option 1: a quick idea\n\n"
        "Cache the index.\n\n#### Similar features elsewhere\n\nObsidian does it.\n\n"
        "### Before you submit\n\n" + CHECKBOX
    ),
    "task-list": (
        "### The problem\n\nNo export.\n\n### Proposed solution\n\n- [ ] PDF\n- [x] Markdown\n"
        "- [ ] DOCX\n\n### Before you submit\n\n" + CHECKBOX
    ),
    "screenshot-first": (
        "### The problem\n\n![image](https://user-images.githubusercontent.com/1/a.png)\n\n"
        "The sidebar hides my notes.\n\n### Before you submit\n\n" + CHECKBOX
    ),
    "img-paste": (
        '### The problem\n\n<img width="300" alt="shot" src="https://github.com/u/a.png">\n\n'
        "Buttons overlap on small phones.\n"
    ),
    "c-sharp": "### Works with C#\n\nA plugin API for C# scripts.\n\n### The problem\n\nNo API.",
    "indented-code": (
        "### The problem\n\n    $ notes sync\n    error: timeout\n\nIt fails offline.\n"
    ),
    "missing-and-extra": (
        "### Proposed solution\n\nDark mode.\n\n### Screenshots\n\nSee attached.\n\n"
        "### Environment\n\n- OS: macOS 15\n- App: 3.2\n"
    ),
    "non-latin": (
        "### The problem\n\n夜になると画面が明るすぎます。\n\n### Proposed solution\n\n"
        "Тёмная тема для всех окон.\n\n### Who benefits\n\nכולם\n"
    ),
    "edited-no-form": (
        "Please add dark mode.\n\n## Why\n\nMy eyes hurt.\n\n```\nsetting = dark\n```\n"
    ),
    "code-fence-heading": ("### The problem\n\n```\n### not a heading\n```\n\nConfig breaks.\n"),
}


def _author_lines(body: str) -> list[str]:
    """The author's lines; a heading by its words (a renamed field keeps them, at ``###``)."""
    lines = []
    for line in form.clean(body).split("\n"):
        heading = form.heading_text(line)
        text = f"### {heading[1]}" if heading and line not in FORM_HEADINGS else line.rstrip()
        if (
            not text.strip()
            or text in FORM_HEADINGS
            or text == form.NO_RESPONSE
            or text == CHECKBOX
        ):
            continue
        lines.append(text)
    return lines


@pytest.mark.parametrize("body", CORPUS.values(), ids=CORPUS.keys())
def test_every_line_of_the_authors_text_is_kept(body: str) -> None:
    description = form.parse(body).description()
    missing = [line for line in _author_lines(body) if line not in description]
    assert missing == []


def test_text_after_the_checkbox_is_its_own_section() -> None:
    parsed = form.parse(CORPUS["after-the-checkbox"])
    assert parsed.searched is True
    assert parsed.other == (
        (
            "Before you submit",
            "Additional context: my screen is an OLED.\n\nAlternatives considered: sunglasses.",
        ),
    )


def test_the_authors_subheadings_stay_in_the_solution() -> None:
    parsed = form.parse(CORPUS["own-subheadings"])
    assert parsed.solution == (
        "#### Option 1: a quick idea\n\nCache the index.\n\n"
        "#### Similar features elsewhere\n\nObsidian does it."
    )
    assert parsed.searched is True


def test_a_task_list_is_the_solution_not_a_checkbox() -> None:
    parsed = form.parse(CORPUS["task-list"])
    assert parsed.solution == "- [ ] PDF\n- [x] Markdown\n- [ ] DOCX"


@pytest.mark.parametrize(
    ("name", "summary"),
    [
        ("screenshot-first", "The sidebar hides my notes."),
        ("img-paste", "Buttons overlap on small phones."),
        ("indented-code", "It fails offline."),
    ],
)
def test_the_summary_is_words_only(name: str, summary: str) -> None:
    assert form.parse(CORPUS[name]).summary("fallback", 300) == summary


def test_a_heading_keeps_its_own_hash() -> None:
    assert form.parse(CORPUS["c-sharp"]).other == (
        ("Works with C#", "A plugin API for C# scripts."),
    )


def test_a_leading_code_block_keeps_its_indent() -> None:
    assert form.parse(CORPUS["indented-code"]).problem.startswith("    $ notes sync\n")


@pytest.mark.parametrize(
    "title",
    [
        "[Idea] Offline mode",
        "[Idea]: Offline mode",
        "[Idea] - Offline mode",
        "Idea: Offline mode",
        "[idea]:Offline mode",
        "[Feature request] Offline mode",
        "  [Idea] — Offline mode  ",
    ],
)
def test_title_prefixes_are_removed_cleanly(title: str) -> None:
    assert clean_title(title, form.Form(), 1) == "Offline mode"


def test_a_title_that_is_only_a_prefix_uses_the_summary() -> None:
    assert clean_title("[Idea]: ", form.parse("### The problem\n\nToo slow."), 4) == "Too slow."
