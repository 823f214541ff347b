"""Slugs: readable for Latin titles, stable and valid for every other title."""

from __future__ import annotations

import pytest

from generator.authoring.slug import MAX_LENGTH, slugify, unique_slug
from generator.model.idea import SLUG_RE


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Dark mode", "dark-mode"),
        ("  Dark   MODE!! ", "dark-mode"),
        ("Crème brûlée for Straße", "creme-brulee-for-strasse"),
        ("Øresund Æble Łódź", "oresund-aeble-lodz"),
        ("iOS 17: widgets & more", "ios-17-widgets-and-more"),
        ("C++ support", "c-plus-plus-support"),
        ("Экспорт в PDF", "eksport-v-pdf"),
        ("Объект", "obekt"),
        ("Ελληνικά", "ellinika"),
        ("ﬁle ｆｕｌｌｗｉｄｔｈ", "file-fullwidth"),
        ("2024", "2024"),
        ("Support for 日本語", "support-for"),
    ],
)
def test_readable_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("日本語のサポート", "idea-4c154dae"),
        ("🌙🌙", "idea-6efdeb8a"),
        ("مرحبا بالعالم", "idea-9262a0a7"),
        ("", "idea-e3b0c442"),
        ("!!!", "idea-e84c538e"),
    ],
)
def test_titles_with_nothing_to_spell_get_a_stable_hash(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert slugify(title) == slugify(title)


def test_hashes_differ_for_different_titles() -> None:
    titles = ["日本語", "中文", "한국어", "עברית", "🎉", "🎉🎉", "\u202eevil"]
    slugs = [slugify(t) for t in titles]
    assert len(set(slugs)) == len(slugs)
    assert all(SLUG_RE.match(s) for s in slugs)


def test_long_titles_are_cut_at_a_word() -> None:
    slug = slugify("A very long title " * 20)
    assert len(slug) <= MAX_LENGTH
    assert slug == "a-very-long-title-a-very-long-title-a-very-long-title-a-very"
    assert len(slugify("x" * 10_000)) == MAX_LENGTH


def test_unique_slug_appends_a_number() -> None:
    assert unique_slug("Dark mode", set()) == "dark-mode"
    assert unique_slug("Dark mode", {"dark-mode"}) == "dark-mode-2"
    assert unique_slug("Dark mode", {"dark-mode", "dark-mode-2"}) == "dark-mode-3"
    long = "word " * 30
    first = slugify(long)
    second = unique_slug(long, {first})
    assert len(second) <= MAX_LENGTH
    assert second.endswith("-2")
    assert SLUG_RE.match(second)


@pytest.mark.parametrize(
    "title", ["🌙 Dark mode", "\u202eedom krad", "שלום", "深色模式", "x\x00y", "-a-", "Ⅻ"]
)
def test_every_slug_is_valid(title: str) -> None:
    slug = slugify(title)
    assert SLUG_RE.match(slug)
    assert len(slug) <= MAX_LENGTH


@pytest.mark.parametrize(
    ("title", "slug"),
    [("CON", "con-idea"), ("nul", "nul-idea"), ("Com1", "com1-idea"), ("Index", "index-idea")],
)
def test_titles_that_name_a_device_or_a_page_get_a_suffix(title: str, slug: str) -> None:
    assert slugify(title) == slug
