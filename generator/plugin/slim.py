"""Slim pages: the HTML of generated pages outside the nav, without what they repeat.

Material writes its icons inline, as whole SVGs (eleven on an idea page, 3.8 KB), and
indents its templates deeply (about a third of an idea page is spaces).  On a board
of 150,000 idea pages that is most of the published site.  ``Slimmer.slim`` rewrites
a page so that:

- every inline icon is ``<svg><use href="…/assets/images/ib-icons.svg#i…"/></svg>``,
  a reference into one sprite that the browser fetches once (``Slimmer.sprite``);
- runs of white space that start a line become one newline (outside ``<pre>``,
  ``<textarea>`` and ``<script>``, where white space is content), which renders the same;
- a long inline script that is the same on every page (Material's palette script, 1 KB)
  is loaded from one file instead (``Slimmer.scripts``), synchronously, as before;
- the empty table-of-contents sidebar (these pages hide it) is left out.
"""

from __future__ import annotations

import hashlib
import re

#: Where the sprite is written, relative to the site's root.
SPRITE = "assets/images/ib-icons.svg"
#: The folder of the scripts taken out of pages, relative to the site's root.
SCRIPTS = "assets/javascripts/ib-inline"
#: Inline scripts shorter than this stay: a request costs more.
SCRIPT_MIN = 300

_KEEP = re.compile(
    r"(<pre[\s>].*?</pre>|<textarea[\s>].*?</textarea>|<script[\s>].*?</script>)", re.S
)
_INDENT = re.compile(r"\n[ \t\r\n]+")
_SVG = re.compile(r"<svg xmlns=\"http://www.w3.org/2000/svg\"([^>]*)>(.*?)</svg>", re.S)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_VIEWBOX = re.compile(r'viewBox="([^"]*)"')
_TOC = re.compile(
    r'<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" '
    r'data-md-type="toc" hidden>\s*<div class="md-sidebar__scrollwrap">\s*'
    r'<div class="md-sidebar__inner">\s*<nav class="md-nav md-nav--secondary" '
    r'aria-label="[^"]*">\s*</nav>\s*</div>\s*</div>\s*</div>'
)


class Slimmer:
    """Rewrites pages (``slim``) and collects the icons they use (``sprite``)."""

    def __init__(self) -> None:
        self.symbols: dict[str, tuple[str, str]] = {}  # id -> (viewBox, inner markup)
        self.scripts: dict[str, str] = {}  # path relative to the site -> the script

    def slim(self, html: str, base: str) -> str:
        """``html`` without inline icons, indentation and the empty TOC; ``base`` leads
        from the page to the site's root (``../../``)."""
        parts = _KEEP.split(html)
        for k in range(0, len(parts), 2):  # even parts are outside <pre>, <script>...
            parts[k] = _INDENT.sub("\n", _SVG.sub(lambda m: self._use(m, base), parts[k]))
        for k in range(1, len(parts), 2):
            parts[k] = _INLINE_SCRIPT.sub(lambda m: self._script(m, base), parts[k])
        return _TOC.sub("", "".join(parts))

    def _script(self, match: re.Match, base: str) -> str:
        code = match[1]
        # Relative paths in it would differ by page (Material's __md_scope): keep it.
        if len(code) < SCRIPT_MIN or "../" in code or "<" in code:
            return match[0]
        key = hashlib.sha1(code.encode(), usedforsecurity=False).hexdigest()[:10]
        path = f"{SCRIPTS}/{key}.js"
        self.scripts[path] = code
        return f'<script src="{base}{path}"></script>'

    def _use(self, match: re.Match, base: str) -> str:
        attrs, inner = match[1], match[2]
        box = _VIEWBOX.search(attrs)
        if box is None or "<use" in inner or 'id="' in inner:
            return match[0]  # not a plain icon: keep it as it is
        key = "i" + hashlib.sha1(inner.encode(), usedforsecurity=False).hexdigest()[:10]
        self.symbols.setdefault(key, (box[1], inner))
        rest = _VIEWBOX.sub("", attrs).strip()
        use = f'<use href="{base}{SPRITE}#{key}"/>'
        return f'<svg viewBox="{box[1]}"{" " + rest if rest else ""}>{use}</svg>'

    def sprite(self) -> str:
        """The sprite of every icon ``slim`` replaced, in a stable order."""
        symbols = "".join(
            f'<symbol id="{key}" viewBox="{box}">{inner}</symbol>'
            for key, (box, inner) in sorted(self.symbols.items())
        )
        return f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n'
