"""Extract, add, update and check the catalogs: ``python -m generator.i18n.catalogs``.

    extract          sources (babel.cfg) -> generator/locales/messages.pot
    init LANG        a new generator/locales/LANG/LC_MESSAGES/messages.po
    update           merge messages.pot into every catalog (new strings come in empty)
    check            list every missing, stale, fuzzy or broken string; exit 1 if any
    todo             the strings each catalog still lacks, as JSON (for translators)
    unmarked         text in the templates not marked for translation; exit 1 if any

Run from the repository root.  Each is a thin wrapper over ``pybabel`` with the
project's options, so the same commands work by hand (see notes/i18n-contributing.md).
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import CommandLineInterface, parse_mapping_cfg
from babel.messages.pofile import read_po

from generator.i18n.checks import catalog_problems
from generator.i18n.jinja import KEYWORDS as JINJA_KEYWORDS
from generator.i18n.language import LOCALES, shipped
from generator.i18n.translations import po_path
from generator.i18n.unmarked import unmarked

ROOT = LOCALES.parent.parent
POT = LOCALES / "messages.pot"
MAPPING = ROOT / "babel.cfg"
TEMPLATES = ROOT / "generator" / "render" / "templates"
KEYWORDS = ["-k", "N_", "-k", "markup", "-k", "plurals:1,2"]
COMMON = ["--no-wrap", "--omit-header"]


def _pybabel(*args: str) -> None:
    # From the repository root, so catalogs name files by their path in the repository.
    with contextlib.chdir(ROOT):
        CommandLineInterface().run(["pybabel", "-q", *args])


def extract() -> None:
    """Write ``messages.pot`` from the sources named in ``babel.cfg``."""
    _pybabel(
        "extract", "-F", str(MAPPING), *KEYWORDS, "--no-wrap", "--sort-by-file",
        "--add-location", "file", "--project", "ideaboard",
        "--copyright-holder", "ideaboard contributors", "--msgid-bugs-address", "",
        "-c", "TRANSLATORS:", "-o", str(POT), ".",
    )  # fmt: skip


def init(lang: str) -> None:
    """Start the catalog of a new language from ``messages.pot``."""
    _pybabel("init", "-i", str(POT), "-d", str(LOCALES), "-l", lang, "--no-wrap")


def update() -> None:
    """Bring every catalog in line with ``messages.pot`` (no fuzzy guesses)."""
    _pybabel(
        "update", "-i", str(POT), "-d", str(LOCALES), "--no-wrap", "--no-fuzzy-matching",
        "--ignore-obsolete", "--ignore-pot-creation-date",
    )  # fmt: skip


def read(path: Path, locale: str | None = None) -> Catalog:
    """A ``.po`` or ``.pot`` file as a Babel catalog."""
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def source_ids() -> set[str]:
    """The msgids in the sources today (what ``extract`` would write), without writing."""
    with MAPPING.open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    keywords = {**DEFAULT_KEYWORDS, "N_": None, "markup": None, **JINJA_KEYWORDS}
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


def problems() -> dict[str, list[str]]:
    """Every catalog's problems against ``messages.pot``, and the template's own."""
    template = read(POT)
    out = {}
    pot_ids = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    source = source_ids()
    out["messages.pot"] = [
        f"msgid {i!r}: in the sources but not in messages.pot; run extract"
        for i in source - pot_ids
    ] + [
        f"msgid {i!r}: in messages.pot but gone from the sources; run extract"
        for i in pot_ids - source
    ]
    for lang in shipped():
        out[lang] = catalog_problems(read(po_path(lang), lang), template)
    return out


def todo() -> dict[str, list[str]]:
    """Per catalog, the msgids that are missing or untranslated."""
    template = read(POT)
    out = {}
    for lang in shipped():
        cat = read(po_path(lang), lang)
        out[lang] = [
            m.id if isinstance(m.id, str) else m.id[0]
            for m in template
            if m.id and (cat.get(m.id, m.context) is None or not all(_strings(cat, m)))
        ]
    return out


def _strings(cat: Catalog, m) -> list[str]:
    found = cat.get(m.id, m.context)
    value = found.string if found else ""
    return [value] if isinstance(value, str) else list(value)


def main(argv: list[str]) -> int:
    """The command line; returns the exit status."""
    if not argv or argv[0] not in {"extract", "init", "update", "check", "todo", "unmarked"}:
        print(__doc__)
        return 2
    command, *rest = argv
    if command == "extract":
        extract()
    elif command == "init":
        init(rest[0])
    elif command == "update":
        update()
    elif command == "todo":
        print(json.dumps(todo(), ensure_ascii=False, indent=1))
    elif command == "unmarked":
        found = unmarked(TEMPLATES)
        for name, pieces in found.items():
            for piece in pieces:
                print(f"{TEMPLATES.relative_to(ROOT)}/{name}: {piece!r}")
        return 1 if found else 0
    else:
        found = {k: v for k, v in problems().items() if v}
        for where, lines in found.items():
            for line in lines:
                print(f"generator/locales/{where}: {line}")
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
