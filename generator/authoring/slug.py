"""Slugs: the file name of an idea, made from its title.

A slug is lowercase ASCII letters, digits and single hyphens (``idea.SLUG_RE``),
at most ``MAX_LENGTH`` characters.  Latin titles lose their accents
(``Crème brûlée`` -> ``creme-brulee``); Greek and Cyrillic are transliterated;
a title with nothing left to spell (Chinese, Arabic, emoji only) gets
``idea-<hash>``, stable for the same title.  A title that would make a name the
board or Windows keeps for itself (``Index``, ``CON``) gets ``-idea`` appended.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from generator.load import taken

MAX_LENGTH = 60

# Letters that NFKD does not split into a base letter and an accent.
_LATIN = {
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ı": "i",
    "ħ": "h",
    "ŋ": "ng",
    "&": " and ",
    "+": " plus ",
    "@": " at ",
}
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya "
        "i yi ye g u dj j lj nj c dz".replace("_", "").split(" "),
        strict=True,
    )
)
_GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(),  # noqa: SIM905
        strict=True,
    )
)
_TABLE = str.maketrans({**_LATIN, **_CYRILLIC, **_GREEK, "-": " "})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(title: str) -> str:
    """A readable slug for ``title``; never empty, at most ``MAX_LENGTH`` characters."""
    text = unicodedata.normalize("NFKD", title.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text).translate(_TABLE)
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    if not slug or (not re.search(r"[a-z]", slug) and not title.strip().isdigit()):
        return _fallback(title, slug)
    slug = _trim(slug, MAX_LENGTH)
    return f"{slug}-idea" if taken(slug) else slug


def unique_slug(title: str, taken: set[str] | frozenset[str]) -> str:
    """``slugify(title)``, with ``-2``, ``-3``... appended until it is not in ``taken``."""
    base = slugify(title)
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = _trim(base, MAX_LENGTH - len(suffix)) + suffix
        if candidate not in taken:
            return candidate
        number += 1


def _fallback(title: str, partial: str) -> str:
    digest = hashlib.sha256(unicodedata.normalize("NFC", title.strip()).encode()).hexdigest()
    slug = f"idea-{partial}-{digest[:8]}" if partial else f"idea-{digest[:8]}"
    return _trim(slug, MAX_LENGTH)


def _trim(slug: str, limit: int) -> str:
    """Cut at a hyphen when one is near the limit, so words stay whole."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    if "-" in cut[limit // 2 :] and slug[limit] != "-":
        cut = cut[: cut.rindex("-")]
    return cut.strip("-")
