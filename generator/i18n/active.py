"""The board language in use, and the gettext functions that read it.

Code marks text with ``_`` / ``ngettext`` / ``pgettext`` from ``generator.i18n`` and
never passes a language around: the entry points (rendering, feedback, intake) run
inside ``using(settings.language)``.  Outside one, text stays English.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from markupsafe import Markup

from generator.i18n.language import SOURCE, Language, resolve
from generator.i18n.translations import translations

_CURRENT: contextvars.ContextVar[Language | None] = contextvars.ContextVar(
    "ideaboard_language", default=None
)


def current() -> Language:
    """The language in use (English outside ``using``)."""
    return _CURRENT.get() or resolve(SOURCE)


@contextlib.contextmanager
def using(tag: str) -> Iterator[Language]:
    """Run the block in the board language ``tag``."""
    token = _CURRENT.set(resolve(tag or SOURCE))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


def _t():
    return translations(current().catalog)


def gettext(message: str) -> str:
    """``message`` in the board language."""
    return _t().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The CLDR plural form of a message for ``n``, in the board language."""
    return _t().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the board language, told apart by ``context``."""
    return _t().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """``ngettext`` with a context."""
    return _t().npgettext(context, singular, plural, n)


def markup(message: str) -> Markup:
    """``message`` translated, as trusted HTML (``%(name)s`` fills are escaped by ``%``).

    Only for msgids written in this repository: the catalogs are reviewed like templates.
    """
    return Markup(gettext(message))  # noqa: S704


_ = gettext
