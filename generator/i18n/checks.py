"""What makes a shipped catalog incomplete: the rules of ``catalogs check`` and its test.

A catalog fails when it lacks a string of ``messages.pot``, keeps one the template no
longer has, leaves a string fuzzy or empty, breaks a placeholder (``%(votes)s``,
``{count}``), or numbers its plural forms other than CLDR does for its language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from gettext import c2py

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural

PLACEHOLDER_RE = re.compile(
    r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdifr]|%[sdif]|\{[A-Za-z_][A-Za-z0-9_]*\}"
)


def placeholders(text: str) -> list[str]:
    """The placeholders in ``text``, sorted: ``%(votes)s``, ``{count}``, ``%s``."""
    return sorted(PLACEHOLDER_RE.findall(text or ""))


def _forms(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return [""]
    return [value] if isinstance(value, str) else list(value)


def message_problems(msg: Message, nplurals: int) -> list[str]:
    """Why one catalog entry is not done (empty when it is)."""
    where = f"msgid {msg.id if isinstance(msg.id, str) else msg.id[0]!r}"
    if msg.fuzzy:
        return [f"{where}: marked fuzzy; check the translation and remove the fuzzy flag"]
    forms = _forms(msg.string)
    if not all(forms):
        return [f"{where}: not translated"]
    if msg.pluralizable and len(forms) != nplurals:
        return [f"{where}: has {len(forms)} plural forms; the language has {nplurals}"]
    ids = _forms(msg.id)
    out = []
    for i, form in enumerate(forms):
        want = placeholders(ids[-1] if msg.pluralizable else ids[0])
        if set(placeholders(form)) != set(want):
            out.append(
                f"{where}: form {i} has placeholders {placeholders(form)}; expected {want} "
                "(copy them unchanged from the English text)"
            )
    return out


def plural_problems(catalog: Catalog) -> list[str]:
    """Whether the catalog's Plural-Forms header numbers CLDR's categories one to one."""
    locale = Locale.parse(str(catalog.locale))
    expected = get_plural(str(catalog.locale))
    if catalog.num_plurals != expected.num_plurals:
        return [
            f"Plural-Forms: nplurals={catalog.num_plurals}; CLDR has "
            f"{expected.num_plurals} for {catalog.locale}: {expected.plural_forms}"
        ]
    seen: dict[int, str] = {}
    formula = catalog.plural_expr
    for n in range(0, 1001):
        index = _eval_plural(formula, n)
        category = locale.plural_form(n)
        if seen.setdefault(index, category) != category:
            return [f"Plural-Forms: form {index} serves both {seen[index]!r} and {category!r}"]
    return []


def _eval_plural(expr: str, n: int) -> int:
    """Evaluate a gettext plural expression (C syntax) the way gettext does."""
    return c2py(expr)(n)


def catalog_problems(catalog: Catalog, template: Catalog) -> list[str]:
    """Every problem of one catalog against the template, in the template's order."""
    out = plural_problems(catalog)
    wanted = {m.id if isinstance(m.id, str) else m.id[0]: m for m in template if m.id}
    have = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    for key in wanted:
        if key not in have:
            out.append(f"msgid {key!r}: missing; run `python -m generator.i18n.catalogs update`")
    for key, msg in have.items():
        if key not in wanted:
            out.append(f"msgid {key!r}: stale (no longer in messages.pot); delete it")
        else:
            out.extend(message_problems(msg, catalog.num_plurals))
    out.extend(f"msgid {key!r}: obsolete (#~) entry; delete it" for key in catalog.obsolete)
    return out
