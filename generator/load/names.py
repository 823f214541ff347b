"""Names that become paths: slugs (``ideas/<slug>.yaml``) and tags (``tags/<tag>/``).

A name must be a whole slug (``fullmatch``: ``"mobile\\n"`` is not one), must not
take over a page the board generates (``tags/index/``; for a slug, also a folder
of the site such as ``feeds/``), and must check out on every system: Windows refuses the
device names ``CON``, ``NUL``, ``COM1`` ... as file names, with any extension.
Slugs hold only lowercase letters, digits and hyphens, so they cannot end in a
dot or a space and stay unique under case folding.
"""

from __future__ import annotations

import re

#: Lowercase ASCII letters and digits, in words joined by single hyphens.
NAME_RE = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")

#: The pages and folders the board writes next to ideas, tags and statuses.
RESERVED = frozenset(
    {
        "index", "ideas", "tags", "status", "statuses", "people", "feeds", "api",
        "schema", "assets", "search", "roadmap", "shipped", "proposals", "insights",
        "about", "board", "404", "sitemap", "stylesheets", "javascripts", "images",
        "pagefind", "ideaboard",
    }
)  # fmt: skip
#: Windows device names, refused as a file name with or without an extension.
DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)


def is_name(value: str, limit: int) -> bool:
    """Whether ``value`` is a whole slug of at most ``limit`` characters."""
    return len(value) <= limit and NAME_RE.fullmatch(value) is not None


def taken(value: str, *, tag: bool = False) -> str | None:
    """Why ``value`` cannot be a slug (or a tag) although it is spelled as one, or ``None``.

    Tag pages live in ``tags/`` of their own, where only ``index`` is taken, so a
    tag may be called ``search``; an idea's slug may not be any reserved name.
    """
    if value == "index" or (value in RESERVED and not tag):
        return f"{value!r} is the name of a page or folder the board generates"
    if value in DEVICES:
        return f"{value!r} is a device name that Windows cannot use as a file name"
    return None
