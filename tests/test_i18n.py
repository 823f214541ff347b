"""The board in the reader's language: catalogs, CLDR rules, and text that never stays English.

The completeness tests guard every shipped catalog: a string added to a template or to
the code without ``catalogs extract`` and ``update`` fails here, and so does a catalog
that lacks a string, keeps a stale one, or breaks a placeholder.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from generator import i18n
from generator.config import validate_options
from generator.errors import IdeaboardError
from generator.i18n import catalogs, checks
from generator.i18n.unmarked import literal_text, unmarked
from generator.loop import feedback
from generator.model import HistoryEntry
from tests import builders as b
from tests.helpers import mkdocs_build, write_board
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


# --- plurals, dates and numbers by CLDR -------------------------------------------------------


def _votes(lang: str, n: int) -> str:
    with i18n.using(lang):
        return i18n.ngettext("%(num)s vote", "%(num)s votes", n) % {"num": n}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", {0: "0 votes", 1: "1 vote", 2: "2 votes", 21: "21 votes"}),
        ("pl", {1: "1 głos", 2: "2 głosy", 5: "5 głosów", 12: "12 głosów", 22: "22 głosy"}),
        (
            "ar",
            {0: "0 صوت", 1: "1 صوت", 2: "2 صوتان", 3: "3 أصوات", 11: "11 صوتًا", 100: "100 صوت"},
        ),
        ("ja", {1: "1 票", 2: "2 票", 1000: "1000 票"}),
        ("de", {1: "1 Stimme", 2: "2 Stimmen"}),
    ],
)
def test_plurals_follow_cldr(lang, expected):
    assert {n: _votes(lang, n) for n in expected} == expected


def test_the_client_script_gets_a_form_per_cldr_category():
    with i18n.using("ar"):
        table = i18n.plural_table("vote", "votes")
    assert table == {
        "zero": "صوت",
        "one": "صوت",
        "two": "صوتان",
        "few": "أصوات",
        "many": "صوتًا",
        "other": "صوت",
    }
    with i18n.using("ja"):
        assert i18n.plural_table("vote", "votes") == {"other": "票"}


@pytest.mark.parametrize(
    ("lang", "day", "moment"),
    [
        ("en", "5 January 2026", "20 November 2026, 12:00 UTC"),
        ("de", "5. Januar 2026", "20. November 2026, 12:00 UTC"),
        ("pl", "5 stycznia 2026", "20 listopada 2026, 12:00 UTC"),
        ("ja", "2026年1月5日", "2026年11月20日 12:00 UTC"),
        ("ar", "5 يناير 2026", "20 نوفمبر 2026، 12:00 م UTC"),
    ],
)
def test_dates_follow_cldr(lang, day, moment):
    with i18n.using(lang):
        assert i18n.format_date(dt.date(2026, 1, 5)) == day
        assert i18n.format_datetime(b.SYNCED) == moment


def test_numbers_follow_cldr():
    with i18n.using("de"):
        assert i18n.format_number(12345.5) == "12.345,5"
    with i18n.using("pl"):
        assert i18n.format_number(12345.5) == "12\xa0345,5"


# --- the board language -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "catalog", "direction"),
    [
        ("de", "de", "ltr"),
        ("de-CH", "de", "ltr"),
        ("pt", "pt_BR", "ltr"),
        ("pt-BR", "pt_BR", "ltr"),
        ("zh", "zh_Hans", "ltr"),
        ("zh-CN", "zh_Hans", "ltr"),
        ("zh-Hans", "zh_Hans", "ltr"),
        ("zh-TW", "zh_Hant", "ltr"),  # CLDR: Taiwan writes the Traditional script
        ("zh-Hant", "zh_Hant", "ltr"),
        ("sw", None, "ltr"),  # no catalog: English text, Swahili dates and plurals
        ("ar", "ar", "rtl"),
        ("he", "he", "rtl"),
        ("fa", None, "rtl"),  # no catalog, but still right to left
        ("en", None, "ltr"),
    ],
)
def test_a_language_tag_finds_its_catalog_and_direction(tag, catalog, direction):
    language = i18n.resolve(tag)
    assert (language.catalog, language.direction, language.tag) == (catalog, direction, tag)


def test_an_unknown_language_is_refused_with_the_fix():
    with pytest.raises(IdeaboardError) as caught:
        i18n.resolve("xx-nope")
    assert str(caught.value) == (
        "language: expected a language tag that CLDR knows, such as 'de', 'pt-BR' or "
        "'zh-Hans', but received: 'xx-nope'. Fix theme.language or "
        "plugins.ideaboard.language in mkdocs.yml."
    )


def test_the_board_language_follows_the_theme_unless_the_plugin_sets_one():
    root = Path("/board")
    assert validate_options({}, root).language == "en"
    assert validate_options({}, root, language="ja").language == "ja"
    assert validate_options({"language": "de"}, root, language="ja").language == "de"


def test_a_bad_language_or_status_title_is_a_config_error():
    with pytest.raises(IdeaboardError) as caught:
        validate_options(
            {"language": "klingon!", "status_titles": {"triage": {"de": "Sichtung"}}},
            Path("/board"),
        )
    assert str(caught.value) == (
        "mkdocs.yml: plugins.ideaboard.language: Expected a language tag that CLDR knows, "
        "such as 'de', 'pt-BR' or 'zh-Hans', but received: 'klingon!'\n"
        "mkdocs.yml: plugins.ideaboard.status_titles: Expected titles for configured "
        "statuses ['proposed', 'under-review', 'planned', 'in-progress', 'shipped', "
        "'declined', 'duplicate'] but received titles for an unknown status: 'triage'"
    )


def test_custom_statuses_take_their_title_per_language_from_the_config():
    titles = {"triage": {"en": "Triage", "de": "Sichtung"}, "planned": {"de": "Vorgemerkt"}}
    with i18n.using("de-AT"):
        assert i18n.status_title("triage", titles) == "Sichtung"
        assert i18n.status_title("planned", titles) == "Vorgemerkt"
        assert i18n.status_title("shipped", titles) == "Umgesetzt"  # from the catalog
    with i18n.using("fr"):
        assert i18n.status_title("triage", titles) == "Triage"  # English from the config
        assert i18n.status_title("in-review", {}) == "In review"  # the name, as before


# --- the board, rendered -------------------------------------------------------------------------


def _literal_chunks() -> set[str]:
    """Runs of English text of the msgids (placeholders and markup cut out), 12+ chars."""
    out = set()
    for m in catalogs.read(catalogs.POT):
        if not m.id:
            continue
        for msgid in m.id if isinstance(m.id, tuple) else (m.id,):
            text = re.sub(r"<[^>]+>|&[#\w]+;", " ", msgid)
            for chunk in re.split(r"%\(\w+\)s|\{\w+\}|[*“”\"()#:.,;!?]", text):
                if len(chunk.strip()) >= 12:
                    out.add(chunk.strip())
    return out


def _site_text(lang: str) -> str:
    s = b.settings(language=lang)
    site = b.render_board(b.make_board(s), s)
    return "\n".join([str(p.body) for p in site.pages.values()] + list(site.assets.values()))


@pytest.mark.parametrize("lang", ["de", "ar", "ja", "pl", "pt-BR"])
def test_no_english_board_text_is_left_on_a_translated_board(lang):
    text = _site_text(lang)
    english = _site_text("en")
    left = sorted(c for c in _literal_chunks() if c in text and c in english)
    assert left == []


def test_a_german_board_speaks_german_and_says_so_in_its_feeds():
    s = b.settings(language="de")
    site = b.render_board(b.make_board(s), s)
    home = str(site.pages["index.md"].body)
    assert "Ideen sortieren und filtern" in home
    assert (
        'Stimmen, Stand <time datetime="2026-11-20T12:00:00Z">20. November 2026, 12:00 UTC</time>.'
        in home
    )
    strings = json.loads(re.search(r"data-ib-strings>(.*?)</script>", home, re.S).group(1))
    assert strings["lang"] == "de"
    assert strings["showing"] == {
        "one": "%(shown)s von %(count)s Idee, %(order)s.",
        "other": "%(shown)s von %(count)s Ideen, %(order)s.",
    }
    assert (
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">'
        in site.assets["feeds/changes.xml"]
    )
    assert "<title>Lumen ideas: Status&#228;nderungen</title>" in site.assets["feeds/changes.xml"]


def test_a_comment_posted_by_feedback_on_a_german_board_is_german():
    s = b.settings(language="de")
    idea = b.idea(
        "dark-mode",
        title="Dark mode",
        status="planned",
        issue=12,
        history=(HistoryEntry(dt.date(2026, 3, 1), "planned", "Kommt in 3.4."),),
    )
    body = feedback.status_comment(idea, idea.history[-1], s, {"dark-mode": idea})
    assert body == (
        "<!-- ideaboard:status slug=dark-mode status=planned date=2026-03-01 -->\n"
        "Der Status dieser Idee ist jetzt **Geplant**.\n\n"
        "> Kommt in 3.4.\n\n"
        "Verfolge sie auf dem Ideenboard: [Dark mode](https://example.org/ideas/ideas/dark-mode/)\n"
    )


def test_a_board_language_of_its_own_marks_the_generated_pages(tmp_path):
    config = write_board(tmp_path)
    text = config.read_text(encoding="utf-8").replace(
        "      repo: acme/widgets\n", "      repo: acme/widgets\n      language: ar\n"
    )
    config.write_text(text, encoding="utf-8")
    site = mkdocs_build(config, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home  # Material's chrome: theme.language
    assert '<div lang="ar" dir="rtl"><h1 id="board">' in home
    idea = (site / "ideas" / "dark-mode" / "index.html").read_text(encoding="utf-8")
    assert '<div lang="ar" dir="rtl"><h1 id="idea">Dark mode</h1>' in idea
