"""The words ``ideaboard init`` writes into ``mkdocs.yml``, in the board language.

A new board's ``mkdocs.yml`` names its tabs (``Board``, ``Roadmap`` ...) and its
palette toggles in English.  Left as written, they follow the board language
like every generated page; a title a team wrote itself is kept as it is.
"""

from __future__ import annotations

from generator.i18n.active import gettext
from generator.i18n.marks import N_

#: The English defaults of the scaffold's ``mkdocs.yml`` (msgids).
DEFAULTS = frozenset(
    {
        N_("Board"),
        N_("Roadmap"),
        N_("Shipped"),
        N_("New proposals"),
        N_("Tags"),
        N_("Insights"),
        N_("About"),
        N_("Switch to the dark palette"),
        N_("Switch to the light palette"),
    }
)


def chrome_title(title: str) -> str:
    """``title`` in the board language if it is one of the scaffold's defaults."""
    return gettext(title) if title in DEFAULTS else title
