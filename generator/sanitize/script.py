"""JSON for an inline ``<script>`` element."""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

_SCRIPT_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_JSON_RE = re.compile("[<>&\u2028\u2029]")


def script_json(obj: Any) -> Markup:
    """``obj`` as JSON that is safe inside an inline ``<script>`` element.

    ``</script>``, ``<!--`` and ``&`` cannot appear in the output, so a title
    holding ``</script><script>...`` stays a string.  Strings are not otherwise
    changed: clean them first with ``clean()``.
    """
    encoded = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    safe = _SCRIPT_JSON_RE.sub(lambda m: _SCRIPT_JSON_ESCAPES[m.group()], encoded)
    return Markup(safe)  # noqa: S704 (no '<', '>' or '&' left)
