"""Which catalog serves a board's language, and which way its text runs.

A board's language is a BCP 47 tag as mkdocs-material spells ``theme.language``
(``de``, ``pt-BR``, ``zh-Hant``); Babel's CLDR data turns it into a locale.  A tag with
no catalog of its own falls back to a catalog of the same language and script
(``pt`` -> ``pt_BR``, ``zh-CN`` -> ``zh_Hans``), and else to the English source text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from generator.errors import IdeaboardError

LOCALES = Path(__file__).resolve().parent.parent / "locales"
SOURCE = "en"


@dataclass(frozen=True)
class Language:
    """A resolved board language: its CLDR locale and the catalog that serves it."""

    tag: str  # as configured, for <html lang> and xml:lang
    locale: Locale  # CLDR rules: plurals, dates, numbers
    catalog: str | None  # folder under generator/locales, or None for the English source

    @property
    def direction(self) -> str:
        """``rtl`` for right-to-left scripts (Arabic, Hebrew, Persian ...), else ``ltr``."""
        return "rtl" if self.locale.text_direction == "rtl" else "ltr"


def shipped() -> tuple[str, ...]:
    """The catalogs in ``generator/locales``, by folder name (``de``, ``pt_BR`` ...)."""
    return tuple(sorted(p.parent.parent.name for p in LOCALES.glob("*/LC_MESSAGES/messages.po")))


def _likely(locale: Locale) -> Locale:
    """The locale with CLDR's likely script and territory filled in (``zh`` -> zh_Hans_CN)."""
    full = get_global("likely_subtags").get(str(locale)) or get_global("likely_subtags").get(
        locale.language
    )
    if not full:
        return locale
    likely = Locale.parse(full)
    return Locale(
        locale.language,
        territory=locale.territory or likely.territory,
        script=locale.script or likely.script,
    )


@functools.lru_cache(maxsize=64)
def resolve(tag: str) -> Language:
    """The ``Language`` for a BCP 47 tag; raises ``IdeaboardError`` for an unknown one."""
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise IdeaboardError(
            f"language: expected a language tag that CLDR knows, such as 'de', 'pt-BR' or "
            f"'zh-Hans', but received: {tag!r}. Fix theme.language or plugins.ideaboard.language "
            "in mkdocs.yml."
        ) from None
    if str(locale) == SOURCE:
        # Bare "en" (mkdocs' default) keeps the board's day-month-year, 24-hour style.
        return Language(tag, Locale.parse("en_GB"), None)
    if locale.language == SOURCE:
        return Language(tag, locale, None)
    full = _likely(locale)
    have = shipped()
    wanted = [
        str(locale),
        f"{locale.language}_{full.script}",
        f"{locale.language}_{full.territory}",
    ]
    for name in [*wanted, locale.language]:
        if name in have:
            return Language(tag, locale, name)
    for name in have:  # same language and script, another territory (pt -> pt_BR)
        other = _likely(Locale.parse(name))
        if other.language == locale.language and other.script == full.script:
            return Language(tag, locale, name)
    return Language(tag, locale, None)
