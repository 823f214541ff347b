"""The board language: which catalog a tag finds, its direction, and the config options."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import i18n
from generator.config import validate_options
from generator.errors import IdeaboardError

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
