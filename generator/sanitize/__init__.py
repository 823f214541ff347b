"""The one boundary for untrusted text: everything from GitHub and from YAML passes here.

Issue titles and bodies, logins, labels, tags and every text field of an idea file
are written by people we do not trust, and the board publishes them on the
project's own origin and in its comments on GitHub.  Templates and comments
receive only what this package returns:

- ``text(value)``: plain text, HTML-escaped (quotes too, so it is safe in an
  attribute value), with control characters, lone surrogates and bidi override
  characters removed.
- ``markdown(text, where)``: an issue body or a YAML description, rendered by a
  small Markdown pipeline of its own within a time and depth budget
  (``overrun``), and cleaned by nh3 with an allow-list.
- ``url(value)``: an absolute ``http``/``https``/``mailto`` URL, or ``None``.
- ``clean(value)``: the plain ``str`` with control and bidi characters removed,
  for formats that do their own escaping (``json.dumps``, Jinja's XML autoescape).
- ``script_json(obj)``: JSON that is safe inside an inline ``<script>`` element.
- ``comment_text(value)``, ``comment_note(value)`` and ``comment_link(title, url)``:
  text, notes and links for
  a comment on GitHub, inert under GitHub's markdown.
- ``truncate(value, limit)`` and ``shown(value)``: the one way text is cut short.

The returned ``Markup`` is final.  It must never be rendered again as a Jinja
template (``{{ }}`` and ``{% %}`` in it are meant to stay literal text) and it
should not be fed to the site's Markdown either.  In case the site does put it
in a generated ``.md`` page, the characters the site's Markdown extensions react
to (``[ ] ( ) { } * _ ` ~ ! # | \\ : = + ^ $``) are written as numeric character
references in text nodes: a browser shows them unchanged, while Markdown, Jinja
and the snippets preprocessor see no syntax in them.
"""

from generator.sanitize.budget import MAX_EMPHASIS, MAX_NESTING, Overrun, overrun
from generator.sanitize.comments import comment_link, comment_note, comment_text
from generator.sanitize.links import LINK_REL, MAX_URL, SAFE_SCHEMES, url
from generator.sanitize.markup import MAX_MARKDOWN, markdown, normalized, plain_html
from generator.sanitize.plain import clean, shown, text, truncate
from generator.sanitize.script import script_json

__all__ = [
    "LINK_REL",
    "MAX_EMPHASIS",
    "MAX_MARKDOWN",
    "MAX_NESTING",
    "MAX_URL",
    "SAFE_SCHEMES",
    "Overrun",
    "clean",
    "comment_link",
    "comment_note",
    "comment_text",
    "markdown",
    "normalized",
    "overrun",
    "plain_html",
    "script_json",
    "shown",
    "text",
    "truncate",
    "url",
]
