"""The Jinja ``i18n`` extension, wired to the board language in use."""

from __future__ import annotations

import jinja2

from generator.i18n.active import gettext, ngettext, npgettext, pgettext


def install(env: jinja2.Environment) -> jinja2.Environment:
    """Add ``{% trans %}``, ``_()``, ``ngettext()`` and ``pgettext()`` to ``env``.

    The callables read the language from ``using``, so one compiled environment
    serves every language.  New-style gettext: ``_("%(n)s votes", n=3)`` formats.
    """
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    return env
