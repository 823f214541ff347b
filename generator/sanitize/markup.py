"""Untrusted markdown as safe HTML: a small Python-Markdown pipeline of its own, then nh3.

Why a pipeline of its own: the site's Markdown has ``attr_list`` (which turns
``{ onclick=... }`` into attributes), ``md_in_html`` and ``pymdownx.snippets``
(which copies files off the build machine into the page).  Untrusted markdown
never goes through them.  Its cost is bounded before it runs (``budget.py``);
text over budget, and text Python-Markdown fails on for any reason, is shown as
escaped paragraphs instead, so no one text can stop a build.
"""

from __future__ import annotations

import logging
import re
import threading
import xml.etree.ElementTree as etree

import markdown as _markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from generator.sanitize.budget import overrun
from generator.sanitize.links import LINK_REL, SAFE_SCHEMES, url
from generator.sanitize.plain import STRIP_RE, clean, escape_html_md, escape_md, truncate

#: Longest markdown input rendered, in characters (GitHub's own limit for an
#: issue body).  Longer input is cut there and marked as cut.
MAX_MARKDOWN = 65_536

# Not under "mkdocs.": a text that fails to render is reported, but must not
# fail a ``--strict`` publish (that would freeze the board on one idea).
log = logging.getLogger("ideaboard.sanitize")

_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
# A tag as html5ever serializes it: attribute values are always double-quoted,
# and '"' inside them is written as '&quot;' (but '>' is not escaped).
# Unrolled ("normal* (special normal*)*"), so that a run of '<' cannot backtrack.
_TAG_RE = re.compile(r'(<[^<>"]*(?:"[^"]*"[^<>"]*)*>)')

_ALLOWED_TAGS = frozenset(
    {
        "a", "p", "br", "hr", "blockquote", "pre", "code", "kbd",
        "em", "strong", "b", "i", "del", "s", "sub", "sup",
        "ul", "ol", "li", "dl", "dt", "dd",
        "h3", "h4", "h5", "h6",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
# Headings in a description sit below the page's own h1 and its section h2.
_HEADING_SHIFT = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}


class _SafeTree(Treeprocessor):
    """Shift headings below the page's own, and turn images into plain links.

    Images are not embedded: a remote image would make viewing the page send a
    request to a server of the author's choice (a tracking pixel), and the site
    promises that no request leaves it.  The reader gets a link instead.
    """

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag in _HEADING_SHIFT:
                    child.tag = _HEADING_SHIFT[child.tag]
                elif child.tag == "img":
                    link = etree.Element("a", {"href": child.get("src", "")})
                    link.text = "image: " + (child.get("alt") or child.get("src") or "")
                    link.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, link)


class _SafeExtension(Extension):
    def extendMarkdown(self, md: _markdown.Markdown) -> None:
        # Raw HTML is not markup here: with these two gone, "<script>" is text and gets escaped.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeTree(md), "ideaboard_safe", 0)


_local = threading.local()


def _md() -> _markdown.Markdown:
    # Building a Markdown instance costs more than converting a short description,
    # and instances are not thread-safe: one per thread, reset before each use.
    md = getattr(_local, "md", None)
    if md is None:
        md = _markdown.Markdown(
            extensions=["fenced_code", "tables", "sane_lists", _SafeExtension()],
            extension_configs={"tables": {"use_align_attribute": True}},
            output_format="html",
        )
        _local.md = md
    return md


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href":
        return url(value)
    if attribute == "start":
        return value if value.isdigit() and len(value) < 10 else None
    if attribute == "align":
        return value if value in ("left", "right", "center") else None
    return value


_cleaner = nh3.Cleaner(
    tags=set(_ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in _ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=LINK_REL,
    url_schemes=set(SAFE_SCHEMES),
)


def plain_html(source: str) -> str:
    """A text as escaped paragraphs: shown as typed, with no markup."""
    paragraphs = (p.strip("\n") for p in _BLANK_LINE_RE.split(source))
    return "\n".join(
        "<p>" + escape_html_md(p).replace("\n", "<br>\n") + "</p>" for p in paragraphs if p
    )


def normalized(source: object) -> str:
    """Untrusted markdown as the pipeline reads it: cleaned, ``\\n`` line ends, cut at the limit."""
    text = clean(source).replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_MARKDOWN:
        text = text[:MAX_MARKDOWN] + "\n\n(cut)"
    return text


def markdown(source: object, where: str = "") -> Markup:
    """Untrusted markdown (an issue body, a YAML description) as safe HTML.

    Python-Markdown with ``fenced_code``, ``tables`` and ``sane_lists`` only; raw
    HTML is escaped, headings start at ``h3``, images become links; then nh3
    keeps an allow-list of tags and attributes, only absolute ``http``,
    ``https`` and ``mailto`` links, and adds ``rel="nofollow ugc noopener"``.
    Text over the budgets of ``budget.py`` is shown as escaped paragraphs, and
    so is text the pipeline fails on, with a warning naming ``where`` (the
    file).  Never raises.  The result is final (see the package docstring).
    """
    source = normalized(source)
    if not source.strip():
        return Markup("")
    if overrun(source) is not None:
        return Markup(plain_html(source))  # noqa: S704 (escaped by plain_html)
    try:
        md = _md()
        md.reset()
        rendered = md.convert(source)
    except Exception as exc:  # any failure on one text must not stop the build
        _local.md = None  # a failed instance may hold half a document
        log.warning(
            "%s: markdown could not be rendered (%s: %s); shown as plain text: %s",
            where or "a text",
            type(exc).__name__,
            truncate(str(exc), 80),
            truncate(" ".join(source.split()), 60),
        )
        return Markup(plain_html(source))  # noqa: S704 (escaped by plain_html)
    # nh3 decodes references such as "&#x202E;" into characters: strip again.
    cleaned = STRIP_RE.sub("", _cleaner.clean(rendered))
    parts = _TAG_RE.split(cleaned)
    for index in range(0, len(parts), 2):  # even indexes are text between tags
        parts[index] = escape_md(parts[index])
    return Markup("".join(parts).strip())  # noqa: S704 (cleaned by nh3)
