"""Status and category titles in the board language.

The default statuses and the five categories have titles in the catalogs.  A custom
status takes its titles from the config (``status_titles: {triage: {en: Triage,
de: Sichtung}}``); with none for the language it falls back to English, then to its
name (``under-review`` -> ``Under review``).
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.i18n.active import current, gettext
from generator.i18n.language import SOURCE
from generator.i18n.marks import N_
from generator.model import statuses as st

#: Titles of the default statuses (msgids; translated when shown).
STATUS_TITLES = {
    "proposed": N_("Proposed"),
    "under-review": N_("Under review"),
    "planned": N_("Planned"),
    "in-progress": N_("In progress"),
    "shipped": N_("Shipped"),
    "declined": N_("Declined"),
    "duplicate": N_("Duplicate"),
}

#: Titles of the fixed categories (msgids).
CATEGORY_TITLES = {
    st.OPEN: N_("Open"),
    st.ACTIVE: N_("Active"),
    st.COMPLETED: N_("Shipped"),
    st.DECLINED: N_("Declined"),
    st.DUPLICATE: N_("Duplicate"),
}


def status_title(status: str, titles: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """A status's title in the board language (config titles first, then the catalogs)."""
    own = (titles or {}).get(status) or {}
    lang = current()
    for key in (lang.tag, lang.tag.replace("_", "-").split("-")[0]):
        if own.get(key):
            return own[key]
    if status in STATUS_TITLES:
        return gettext(STATUS_TITLES[status])
    return own.get("en") or status.replace("-", " ").capitalize()


def category_title(category: str) -> str:
    """A category's title in the board language."""
    return gettext(CATEGORY_TITLES[category]) if category in CATEGORY_TITLES else category


def status_in_sentence(status: str, titles: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """A status's title as it reads inside a sentence, in the board language.

    English writes it in lower case ("is now under review"); other languages keep the
    title as the catalog or the config gives it (German nouns keep their capitals).
    """
    title = status_title(status, titles)
    return title.lower() if current().tag.split("-")[0] == SOURCE else title
