"""Plurals, dates and numbers in the board language, by CLDR through Babel."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import i18n
from tests import builders as b

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
