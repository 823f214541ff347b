"""The shipped catalogs: complete, current, placeholder-safe, and numbered as CLDR does.

These tests guard every catalog: a string added to a template or to the code without
``catalogs extract`` and ``update`` fails here, and so does a catalog that lacks a
string, keeps a stale one, or breaks a placeholder.
"""

from __future__ import annotations

import subprocess

import pytest
from babel.messages.catalog import Catalog

from generator import i18n
from generator.i18n import catalogs, checks
from generator.i18n.unmarked import literal_text, unmarked
from tests.paths import ROOT

SHIPPED = i18n.shipped()


# --- the catalogs ---------------------------------------------------------------------------


def test_at_least_twelve_catalogs_with_right_to_left_and_cjk_ones():
    assert len(SHIPPED) >= 12
    assert {"ar", "he"} & set(SHIPPED)
    assert "ja" in SHIPPED
    assert {"zh_Hans", "zh_Hant", "ko"} <= set(SHIPPED)


def test_messages_pot_is_what_the_sources_mark():
    # A marked string not extracted (or an extracted one since removed) fails here:
    # run `python -m generator.i18n.catalogs extract` and `update`.
    assert catalogs.problems()["messages.pot"] == []


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_shipped_catalog_is_complete(lang):
    template = catalogs.read(catalogs.POT)
    problems = checks.catalog_problems(catalogs.read(catalogs.po_path(lang), lang), template)
    assert problems == [], "\n".join(problems)


def test_every_word_in_the_templates_is_marked():
    # `python -m generator.i18n.catalogs unmarked` lists the same, with the file.
    assert unmarked(catalogs.TEMPLATES) == {}


def test_the_unmarked_text_finder_sees_text_attributes_and_chosen_words():
    source = (
        '<nav aria-label="Ideas by status"><p>Showing {{ n }} ideas, {{ _("Tags") }}.</p>'
        "{% trans %}Votes as of {{ day }}.{% endtrans %}"
        "<span title=\"{{ _('Sort') }}\">{{ 'vote' if n == 1 else 'votes' }}</span></nav>"
    )
    assert literal_text(source) == ["Ideas by status", "Showing", "ideas,", "vote", "votes"]


def test_no_compiled_catalog_is_committed():
    tracked = subprocess.run(
        ["git", "ls-files", "generator/locales"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    assert tracked, "the catalogs are in git"
    assert [p for p in tracked if p.endswith(".mo")] == []


def _catalog(*messages) -> tuple[Catalog, Catalog]:
    template, cat = Catalog(), Catalog(locale="pl")
    for msgid, string, *flags in messages:
        template.add(msgid)
        if string is not None:
            cat.add(msgid, string, flags=flags)
    return cat, template


def test_the_check_names_a_missing_an_empty_and_a_fuzzy_string():
    cat, template = _catalog(("Tags", None), ("Sort", ""), ("Status", "Status", "fuzzy"))
    assert checks.catalog_problems(cat, template) == [
        "msgid 'Tags': missing; run `python -m generator.i18n.catalogs update`",
        "msgid 'Sort': not translated",
        "msgid 'Status': marked fuzzy; check the translation and remove the fuzzy flag",
    ]


def test_the_check_names_a_stale_string():
    cat, template = _catalog(("Tags", "Tagi"))
    cat.add("Gone", "Nie ma")
    assert checks.catalog_problems(cat, template) == [
        "msgid 'Gone': stale (no longer in messages.pot); delete it"
    ]


def test_the_check_names_a_broken_placeholder_in_either_style():
    cat, template = _catalog(
        ("%(votes)s votes", "%(glosy)s głosów"), ("{count} ideas", "{liczba} pomysłów")
    )
    assert checks.catalog_problems(cat, template) == [
        "msgid '%(votes)s votes': form 0 has placeholders ['%(glosy)s']; expected "
        "['%(votes)s'] (copy them unchanged from the English text)",
        "msgid '{count} ideas': form 0 has placeholders ['{liczba}']; expected "
        "['{count}'] (copy them unchanged from the English text)",
    ]


def test_the_check_wants_every_plural_form_of_the_language():
    template, cat = Catalog(), Catalog(locale="pl")
    template.add(("%(num)s vote", "%(num)s votes"))
    cat.add(("%(num)s vote", "%(num)s votes"), ("%(num)s głos", "%(num)s głosy"))
    assert checks.catalog_problems(cat, template) == [
        "msgid '%(num)s vote': has 2 plural forms; the language has 3"
    ]


@pytest.mark.parametrize("lang", SHIPPED)
def test_each_catalog_numbers_its_plural_forms_as_cldr_does(lang):
    assert checks.plural_problems(catalogs.read(catalogs.po_path(lang), lang)) == []
