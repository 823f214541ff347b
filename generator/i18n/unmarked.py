"""Text in the templates that is not marked for translation: ``catalogs unmarked``.

Walks each template's syntax tree (Jinja's own parser) for literal output: text between
tags, the values of ``aria-label``, ``title``, ``alt`` and ``placeholder``, and words
picked by ``x if ... else y`` in an expression.  Text in
``{% trans %}`` blocks and ``_()`` calls is not literal output, so what is left with a
letter in it is English that a reader would see untranslated.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from jinja2 import nodes

from generator.i18n.jinja import install

_ATTRS = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"\0]*)"')
_TAGS = re.compile(r"<[^<>]*>|&[#\w]+;|\{#.*?#\}", re.S)
_LETTER = re.compile(r"[^\W\d_]{2,}")


def literal_text(source: str) -> list[str]:
    """The visible literal text of one template source, piece by piece."""
    env = install(jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True))
    tree = env.parse(source)
    # The literal output in template order; every expression (a variable, a _() call,
    # a {% trans %} block) becomes a NUL, which no marked text contains.
    text = "\0".join(
        "".join(part.data if isinstance(part, nodes.TemplateData) else "\0" for part in out.nodes)
        for out in tree.find_all(nodes.Output)
    )
    found = [m.strip() for m in _ATTRS.findall(text) if _LETTER.search(m)]
    for piece in re.split(r"[\0\n]", _TAGS.sub("\n", text)):
        if _LETTER.search(piece):
            found.append(piece.strip())
    # Words chosen in an expression: {{ 'vote' if n == 1 else 'votes' }}.
    for out in tree.find_all(nodes.Output):
        for cond in out.find_all(nodes.CondExpr):
            for const in (cond.expr1, cond.expr2):
                if isinstance(const, nodes.Const) and _LETTER.search(str(const.value)):
                    found.append(str(const.value))
    return found


def unmarked(folder: Path) -> dict[str, list[str]]:
    """Per template under ``folder`` (by relative path), its unmarked text."""
    found = {}
    for path in sorted(folder.rglob("*.html")):
        text = literal_text(path.read_text(encoding="utf-8"))
        if text:
            found[str(path.relative_to(folder))] = text
    return found
