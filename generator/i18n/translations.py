"""The shipped catalogs, compiled in memory when first used.

No ``.mo`` file is committed or installed: each ``messages.po`` is read with Babel and
written as a ``.mo`` into memory, once per process and language.
"""

from __future__ import annotations

import functools
import gettext
import io

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator.i18n.language import LOCALES


def po_path(catalog: str):
    """The ``messages.po`` of one catalog folder."""
    return LOCALES / catalog / "LC_MESSAGES" / "messages.po"


@functools.lru_cache(maxsize=32)
def translations(catalog: str | None) -> gettext.NullTranslations:
    """The compiled catalog (``NullTranslations`` for the English source text)."""
    if catalog is None:
        return gettext.NullTranslations()
    with po_path(catalog).open("rb") as handle:
        cat = read_po(handle, locale=catalog)
    buffer = io.BytesIO()
    # Fuzzy entries are drafts: they stay English until a translator confirms them.
    write_mo(buffer, cat, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
