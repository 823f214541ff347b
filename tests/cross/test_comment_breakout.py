"""The bot's comments render as the board meant them under GitHub's own markdown engine.

Issue 12, item 5: a title holding ``</a>``, mentions, an image, a link of its
own, references and emphasis must stay text inside the link in the status
comment and the similar-ideas comment.  Rendered with cmark-gfm (``cmarkgfm``,
GitHub's engine with its extensions), then read with an HTML parser.
"""

from __future__ import annotations

import dataclasses
import html.parser
import re
from pathlib import Path

import cmarkgfm
import pytest

from generator.config import default_settings
from generator.loop import comments, intake
from generator.sanitize import comment_link, comment_text
from tests.builders import idea

HOSTILE = [
    '</a> <img src="https://t.example/p.png"> @octocat [x](https://evil.example) #12',
    "![pixel](https://t.example/p.png) and <script>alert(1)</script>",
    "**bold** _it_ `code` ~~gone~~ <b>html</b> &amp; &#64;team",
    "[ref]: https://evil.example\n\n[ref]",
    "see acme/widget#3, GH-7, org/repo@deadbeef and cafebabe1234567 and a@b.example",
    "www.evil.example http://evil.example <https://evil.example> mailto:x@y.example",
    "\\[escaped\\](https://evil.example) \\\\ [[x]] [](javascript:alert(1))",
    ") ] > `` ``` |a|b|\n|-|-| - [ ] task",
    "@everyone ＠fullwidth :+1: \u202eevil",
]
# What GitHub would link in text after rendering: mentions, issue, GH- and commit references.
_REFERENCE_RE = re.compile(
    r"(?<![\w@/])@[A-Za-z0-9]|(?<![\w&])#[0-9]|\bGH-[0-9]|(?<![\w-])[0-9a-f]{7,40}(?![\w-])"
)
URL = "https://ex.org/board/ideas/dark-mode.html"


class _Reader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _render(markdown: str) -> _Reader:
    reader = _Reader()
    reader.feed(cmarkgfm.github_flavored_markdown_to_html(markdown))
    return reader


def _assert_inert(reader: _Reader, allowed: set[str], hrefs: set[str], trusted: str = "\0") -> None:
    """Only the board's tags and links, and no reference made by the untrusted text."""
    assert {tag for tag, _ in reader.tags} <= allowed
    assert {attrs.get("href") for tag, attrs in reader.tags if tag == "a"} <= hrefs
    text = "".join(reader.text).replace(trusted, "")
    assert not _REFERENCE_RE.search(text), _REFERENCE_RE.search(text)


@pytest.mark.parametrize("title", HOSTILE)
def test_a_hostile_title_stays_the_text_of_one_link(title: str) -> None:
    reader = _render(comment_link(title, URL))
    _assert_inert(reader, {"p", "a"}, {URL})
    assert [tag for tag, _ in reader.tags].count("a") == 1
    shown = "".join(reader.text).strip()
    assert shown.replace("\u200b", "") == " ".join(title.replace("\u202e", "").split())


@pytest.mark.parametrize("title", HOSTILE)
def test_a_hostile_title_without_a_url_is_bold_text(title: str) -> None:
    _assert_inert(_render(comment_link(title, None)), {"p", "strong"}, set())


def test_a_link_that_is_not_safe_is_not_made() -> None:
    assert comment_link("x", "javascript:alert(1)") == "**x**"
    assert comment_link("x", "https://e.x/a(b)<c>") == "[x](https://e.x/a%28b%29%3Cc%3E)"


@pytest.mark.parametrize("title", HOSTILE)
def test_the_similar_ideas_comment(title: str) -> None:
    settings = dataclasses.replace(default_settings(Path("/b")), site_url="https://ex.org/board/")
    found = [(idea("dark-mode", title=title, issue=7), 0.9)]
    reader = _render(intake.comment(found, settings))
    board = {"https://ex.org/board/", URL}
    _assert_inert(reader, {"p", "a", "ul", "li"}, board, trusted="(#7, Proposed)")
    assert len([t for t, _ in reader.tags if t == "a"]) == 2


@pytest.mark.parametrize("title", HOSTILE)
def test_the_status_comment_link(title: str) -> None:
    _assert_inert(_render(comments.md_link(title, URL)), {"p", "a"}, {URL})


def test_plain_text_for_a_comment_reads_as_typed() -> None:
    reader = _render(comment_text("Dark mode (beta) & more: 50% off!"))
    assert "".join(reader.text).strip() == "Dark mode (beta) & more: 50% off!"
