"""Dates, numbers and plural categories by CLDR, through Babel, in the board language."""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale, dates, numbers

from generator.i18n.active import current, ngettext


@functools.lru_cache(maxsize=8192)
def _date(value: dt.date, locale: str, fmt: str) -> str:
    return dates.format_date(value, format=fmt, locale=locale)


def format_date(value: dt.date | None, fmt: str = "long") -> str:
    """``5 January 2026`` / ``5. Januar 2026`` / ``2026年1月5日``; empty for ``None``."""
    if value is None:
        return ""
    return _date(value, str(current().locale), fmt)


def format_datetime(value: dt.datetime, fmt: str = "long") -> str:
    """A UTC moment, its date and time by CLDR, with ``UTC`` named."""
    value = value.astimezone(dt.UTC)
    locale = str(current().locale)
    day = dates.format_date(value.date(), format=fmt, locale=locale)
    time = dates.format_time(value, format="short", tzinfo=dt.UTC, locale=locale)
    pattern = dates.get_datetime_format("medium", locale=locale)  # "{1}, {0}", no "at"
    return pattern.replace("{1}", day).replace("{0}", time).replace("'", "") + " UTC"


def format_month(value: dt.date, skeleton: str = "yyMMM") -> str:
    """A month by a CLDR skeleton: ``yyMMM`` for an axis (``Jan ’25``), ``yMMMM`` in full."""
    return dates.format_skeleton(skeleton, value, locale=str(current().locale))


@functools.lru_cache(maxsize=8192)
def _number(value: float | int, locale: str) -> str:
    return numbers.format_decimal(value, locale=locale)


def format_number(value: float | int) -> str:
    """A number with the locale's digits grouping and decimal sign (cached: cards repeat counts)."""
    return _number(value, str(current().locale))


@functools.lru_cache(maxsize=64)
def _samples(locale: str) -> dict[str, int]:
    """One number of each CLDR plural category of a locale (``one`` -> 1, ``few`` -> 2 ...)."""
    rule = Locale.parse(locale).plural_form
    out: dict[str, int] = {}
    for n in range(0, 1000):
        out.setdefault(rule(n), n)
    return out


def plural_table(singular: str, plural: str) -> dict[str, str]:
    """A message's form for each CLDR plural category, for the client script.

    The script picks one with ``Intl.PluralRules``, the same CLDR rules.
    """
    samples = _samples(str(current().locale))
    return {cat: ngettext(singular, plural, n) for cat, n in samples.items()}
