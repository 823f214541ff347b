"""The board's words in the board's language: gettext catalogs and CLDR rules (Babel).

``using(tag)`` runs a block in a language; ``_``/``ngettext``/``pgettext`` translate
in it; ``format_date``/``format_number`` follow CLDR; ``install`` wires Jinja.
Catalogs live in ``generator/locales`` and are compiled in memory (see ``catalogs``).
"""

from generator.i18n.active import _, current, gettext, markup, ngettext, npgettext, pgettext, using
from generator.i18n.chrome import chrome_title
from generator.i18n.formats import (
    format_date,
    format_datetime,
    format_month,
    format_number,
    plural_table,
)
from generator.i18n.jinja import install
from generator.i18n.language import LOCALES, SOURCE, Language, resolve, shipped
from generator.i18n.marks import N_
from generator.i18n.statuses import (
    CATEGORY_TITLES,
    STATUS_TITLES,
    category_title,
    status_in_sentence,
    status_title,
)

__all__ = [
    "CATEGORY_TITLES",
    "LOCALES",
    "N_",
    "SOURCE",
    "STATUS_TITLES",
    "Language",
    "_",
    "category_title",
    "chrome_title",
    "current",
    "format_date",
    "format_datetime",
    "format_month",
    "format_number",
    "gettext",
    "install",
    "markup",
    "ngettext",
    "npgettext",
    "pgettext",
    "plural_table",
    "resolve",
    "shipped",
    "status_in_sentence",
    "status_title",
    "using",
]
