"""Untrusted URLs: only absolute ``http``, ``https`` and ``mailto`` links, read as browsers do."""

from __future__ import annotations

import html
import re
import urllib.parse

from generator.sanitize.plain import STRIP_RE

#: Longest URL accepted by ``url()``.
MAX_URL = 4_096

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

# Browsers drop leading/trailing C0 controls and spaces, and every tab and
# newline anywhere in a URL, before they look at the scheme.
_URL_STRIP_RE = re.compile(r"[\t\n\r]")
_EDGES = "".join(map(chr, range(0x21)))
_URL_SCHEME_RE = re.compile(r"\A([a-zA-Z][a-zA-Z0-9+.\-]{0,31}):")
# RFC 3986's reserved and unreserved characters, and '%' (already encoded).
_URL_SAFE = "/:@!$&'()*+,;=-._~%"
_BAD_NETLOC_RE = re.compile(r"[^A-Za-z0-9.\-_~:@%\[\]!$&'()*+,;=\u0080-\U0010ffff]")


def url(value: object) -> str | None:
    """A safe absolute URL (``http``, ``https`` or ``mailto``), or ``None``.

    The value is normalised the way a browser would read it (entities decoded,
    surrounding whitespace and control characters dropped, tabs and newlines
    removed) before its scheme is checked, so ``jav&#x09;ascript:``,
    `` JaVaScRiPt:`` and ``java\\nscript:`` are all refused, as are ``data:``,
    ``vbscript:`` and relative or protocol-relative URLs.  The returned string
    still needs the template's attribute escaping.
    """
    if not isinstance(value, str) or not value or len(value) > MAX_URL:
        return None
    candidate = value
    # Decode entities until nothing changes: "&amp;#106;" is "&#106;" is "j".
    for _ in range(3):
        decoded = html.unescape(candidate)
        if decoded == candidate:
            break
        candidate = decoded
    candidate = _URL_STRIP_RE.sub("", candidate).strip(_EDGES)
    if STRIP_RE.search(candidate) or " " in candidate:
        # Control characters, bidi overrides or spaces inside a URL: not a link we publish.
        return None
    match = _URL_SCHEME_RE.match(candidate)
    if not match or match.group(1).lower() not in SAFE_SCHEMES:
        return None
    scheme = match.group(1).lower()
    try:
        parts = urllib.parse.urlsplit(scheme + candidate[len(scheme) :])
    except ValueError:
        return None
    if scheme in ("http", "https"):
        if not candidate[len(scheme) + 1 :].startswith("//") or not parts.hostname:
            return None
    elif not parts.path or parts.path.startswith("/"):
        return None
    if _BAD_NETLOC_RE.search(parts.netloc):
        return None
    # Percent-encode what has no business in a URL ('<', '"', '{', ...): browsers would
    # do the same, and the URL then reads the same in HTML, XML, JSON and Markdown.
    return urllib.parse.urlunsplit(
        (
            scheme,
            parts.netloc,
            urllib.parse.quote(parts.path, safe=_URL_SAFE),
            urllib.parse.quote(parts.query, safe=_URL_SAFE + "?"),
            urllib.parse.quote(parts.fragment, safe=_URL_SAFE + "?#"),
        )
    )
