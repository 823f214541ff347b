"""The Jinja ``i18n`` extension, wired to the board language in use."""

from __future__ import annotations

import jinja2

from generator.i18n.active import current, gettext, ngettext, npgettext, pgettext
from generator.i18n.formats import format_number, plural_table

#: Extra gettext-like functions templates call, for ``extract`` (name: its msgid arguments).
KEYWORDS = {"plurals": (1, 2)}


def install(env: jinja2.Environment) -> jinja2.Environment:
    """Add ``{% trans %}``, ``_()``, ``ngettext()`` and ``pgettext()`` to ``env``.

    The callables read the language from ``using``, so one compiled environment
    serves every language.  New-style gettext: ``_("%(n)s votes", n=3)`` formats.
    ``plurals(singular, plural)`` gives a message's form per CLDR plural category (for
    the client script); ``board_language()`` and ``text_direction()`` give the
    ``lang`` tag and ``ltr``/``rtl``; ``number(n)`` writes a count by CLDR (``2,209``,
    ``2.209``, ``2 209``).
    """
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    env.globals["plurals"] = plural_table
    env.globals["number"] = format_number
    env.globals["board_language"] = lambda: current().tag
    env.globals["text_direction"] = lambda: current().direction
    return env
