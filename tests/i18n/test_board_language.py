"""The board rendered in a language: no English left, feeds and comments in it too."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from generator.i18n import catalogs
from generator.loop import feedback
from generator.model import HistoryEntry
from tests import builders as b
from tests.helpers import mkdocs_build, write_board

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
        "Verfolge sie auf dem Ideenboard: [Dark mode](https://example.org/ideas/ideas/dark-mode.html)\n"
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
    idea = (site / "ideas" / "dark-mode.html").read_text(encoding="utf-8")
    assert '<div lang="ar" dir="rtl"><h1 id="idea">Dark mode</h1>' in idea


# --- numbers, the header search, the tabs ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", "2,209"), ("de", "2.209"), ("fr", "2\u202f209")]
)
def test_counts_on_cards_follow_cldr_number_rules(lang, shown):
    from generator.i18n import using
    from generator.render.view import environment

    with using(lang):
        macros = environment().get_template("_macros.html").make_module()
        html = str(macros.votes(2209))
    assert f'">{shown}<span class="md-visually-hidden">' in html
    assert f'title="{shown} ' in html


def test_the_header_search_speaks_the_board_language():
    from generator.i18n import catalogs as cats
    from generator.render.site import SEARCH_WORDS

    s = b.settings(language="de")
    words = json.loads(b.render_board(b.make_board(s), s).assets[SEARCH_WORDS])
    german = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in cats.read(
        cats.po_path("de"), "de")}  # fmt: skip
    assert words["lang"] == "de"
    assert words["none"] == german["No matching ideas"] != "No matching ideas"
    assert words["failed"] == german["Search is not available"]
    assert words["found"] == {
        "one": german["%(num)s matching idea"][0],
        "other": german["%(num)s matching idea"][1],
    }


def test_a_status_reads_lower_case_inside_an_english_sentence_only():
    from generator.i18n import status_in_sentence, using

    with using("en"):
        assert status_in_sentence("under-review") == "under review"
    with using("de"):
        assert status_in_sentence("planned") == "Geplant"
        assert status_in_sentence("triage", {"triage": {"de": "Sichtung"}}) == "Sichtung"


def test_default_tab_titles_follow_the_board_language_and_own_ones_stay(tmp_path):
    config = write_board(tmp_path)
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "      repo: acme/widgets\n", "      repo: acme/widgets\n      language: de\n"
    )
    text = text.replace("  - Insights: insights.md\n", "  - Our numbers: insights.md\n")
    config.write_text(text, encoding="utf-8")
    site = mkdocs_build(config, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    tabs = [t.strip() for t in re.findall(r'class="md-tabs__link[^"]*">\s*([^<]+?)\s*</a>', home)]
    assert "Umgesetzt" in tabs  # the default, in German
    assert "Shipped" not in tabs
    assert "Our numbers" in tabs  # a title of the team's own
    assert "Neue Vorschläge" in tabs


def test_the_palette_toggles_written_by_init_follow_the_board_language():
    from generator.i18n import chrome_title, using

    with using("de"):
        assert chrome_title("Switch to the dark palette") != "Switch to the dark palette"
        assert chrome_title("Dark, please") == "Dark, please"
