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
- the empty table-of-contents sidebar (these pages hide it) is left out;
- the navigation is written once: where the page has tabs and its drawer is hidden
  (``hide: navigation``), the drawer and its button go, and the tabs serve phones too
  (``ideaboard.css``, for ``<body data-ib-nav="tabs">``);
- Material's head script is split: the page's own scope stays inline, the rest (the
  same on every page) is loaded from one file;
- ``__config`` keeps only what Material's script reads on these pages: the search
  worker and its words are Material's own search, which the header does not use
  (Pagefind does, ``search.py``), and no feature that needs the other words is on;
- the chrome (outside ``<article>``) has no line breaks between tags;
- what works only with JavaScript and is the same on every page (the palette toggle,
  the search dialog, the back-to-top button: 2.3 KB) is written by a script file in
  its place (``Slimmer.scripts``), synchronously, so Material's script finds the same
  page as before.
"""

from __future__ import annotations

import functools
import hashlib
import json
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
#: Material's head script: the scope (relative, so it differs by page), then helpers.
_SCOPE = re.compile(
    r'<script>(__md_scope=new URL\("[./]*",location\)),(__md_hash=.*?)</script>', re.S
)
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_DRAWER = '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" '
_DRAWER_BUTTON = re.compile(
    r'<label class="md-header__button md-icon" for="__drawer">\s*<svg[^>]*>.*?</svg>\s*</label>\n?',
    re.S,
)
_DIV = re.compile(r"<(/?)div[\s>]")
_BETWEEN_TAGS = re.compile(r">\n<")
#: Chrome that needs JavaScript to work, by its first tag and its last (``None``: the
#: ``</div>`` that closes the first).
_BY_SCRIPT = (
    ('<form class="md-header__option" data-md-component="palette">', "</form>"),
    ('<div class="md-search" role="dialog"', None),
    ('<button type="button" class="md-top md-icon" data-md-component="top" hidden>', "</button>"),
)
#: Links from the chrome to the site's files, which the script makes absolute.
_ROOTED = ("assets/", "pagefind/")
#: The script written in place of a piece of chrome: it inserts its pieces joined by
#: the site's root, found from the script's own address (in ``SCRIPTS``).
_WRITER = (
    '(function(s){{s.insertAdjacentHTML("beforebegin",{pieces}.join('
    'new URL("' + "../" * (SCRIPTS.count("/") + 1) + '",s.src).href))}})(document.currentScript)'
)
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
        html = _tight_chrome(_without_drawer(_TOC.sub("", self.slim_body(html, base))))
        return self._by_script(html, base)

    def slim_body(self, html: str, base: str) -> str:
        """``html`` with icons from the sprite, no indentation and scripts from files: what
        ``slim`` does inside a page's ``<article>`` (a body written into a ``Shell``)."""
        parts = _KEEP.split(html)
        for k in range(0, len(parts), 2):  # even parts are outside <pre>, <script>...
            parts[k] = _INDENT.sub("\n", _SVG.sub(lambda m: self._use(m, base), parts[k]))
        for k in range(1, len(parts), 2):
            parts[k] = _CONFIG.sub(_slim_config, parts[k])
            parts[k] = _SCOPE.sub(lambda m: self._scope(m, base), parts[k])
            parts[k] = _INLINE_SCRIPT.sub(lambda m: self._script(m, base), parts[k])
        return "".join(parts)

    def _by_script(self, html: str, base: str) -> str:
        """``html`` with each piece of ``_BY_SCRIPT`` written by a script instead."""
        for first, last in _BY_SCRIPT:
            start = html.find(first)
            if start < 0:
                continue
            if last is None:
                end = _closing_div(html, start)
            else:
                at = html.find(last, start)
                end = at + len(last) if at >= 0 else None
            if end is None:
                continue
            part = html[start:end]
            if "<script" in part or "\x00" in part:
                continue  # a script in it would run at another time; a mark must stay
            for rooted in _ROOTED:
                part = part.replace(f'="{base}{rooted}', f'="\x00{rooted}')
            code = _WRITER.format(pieces=json.dumps(part.split("\x00"), ensure_ascii=True))
            html = html[:start] + self._script_file(code, base) + html[end:]
        return html

    def _scope(self, match: re.Match, base: str) -> str:
        return f"<script>{match[1]}</script>{self._script_file(match[2], base)}"

    def _script(self, match: re.Match, base: str) -> str:
        code = match[1]
        # Relative paths in it would differ by page (Material's __md_scope): keep it.
        if len(code) < SCRIPT_MIN or "../" in code or "<" in code:
            return match[0]
        return self._script_file(code, base)

    def _script_file(self, code: str, base: str) -> str:
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


def _slim_config(match: re.Match) -> str:
    """Material's ``__config`` without its own search and its unused words."""
    return _slimmed_config(match[0], match[1])


@functools.lru_cache(maxsize=64)  # the same on every page of a folder
def _slimmed_config(whole: str, text: str) -> str:
    try:
        config = json.loads(text)
    except ValueError:
        return whole
    if not isinstance(config, dict):
        return whole
    features = config.get("features") or []
    if "content.code.copy" in features or config.get("version"):
        return whole  # copy buttons and the version selector need the words
    config.pop("search", None)
    config["translations"] = {}
    text = json.dumps(config, separators=(",", ":"), ensure_ascii=True).replace("<", "\\u003c")
    return f'<script id="__config" type="application/json">{text}</script>'


def _closing_div(html: str, start: int) -> int | None:
    """Where the ``<div`` at ``start`` ends (after its ``</div>``), or ``None``."""
    depth = 0
    for m in _DIV.finditer(html, start):
        depth += -1 if m[1] else 1
        if depth == 0:
            return html.index(">", m.start()) + 1
    return None


def _without_drawer(html: str) -> str:
    """The page without the drawer and its button, when it has tabs and hides the drawer."""
    start = html.find(_DRAWER)
    if start < 0 or 'class="md-tabs"' not in html:
        return html
    open_tag = html[start : html.index(">", start) + 1]
    if " hidden>" not in open_tag:
        return html  # a page that shows its navigation: keep it
    end = _closing_div(html, start)
    if end is None:
        return html
    html = html[:start] + html[end:].lstrip("\n")
    html = _DRAWER_BUTTON.sub("", html, count=1)
    return html.replace("<body ", '<body data-ib-nav="tabs" ', 1)


def _tight_chrome(html: str) -> str:
    """No line breaks between tags outside the page's ``<article>`` (and its scripts)."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < 0:
        return html
    # The '<' of <article> goes with the chrome, so the break before it goes too.
    return _tight(html[: start + 1]) + html[start + 1 : end] + _tight(html[end:])


def _tight(html: str) -> str:
    parts = _KEEP.split(html)
    for k in range(0, len(parts), 2):
        parts[k] = _BETWEEN_TAGS.sub("><", parts[k])
    return "".join(parts)
