"""Text similarity: TF-IDF cosine over title, summary and description, in pure Python."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.loop.similar import idea_text, similar, similar_ideas, stem, tokens
from generator.model.idea import Idea


def _idea(slug, title, summary="", description="", **extra):
    return Idea(
        slug=slug,
        path=f"ideas/{slug}.yaml",
        title=title,
        summary=summary or title,
        status="proposed",
        created=dt.date(2026, 1, 1),
        description=description,
        **extra,
    )


BOARD = [
    _idea("dark-mode", "Dark mode", "A dark theme for the editor and the sidebar at night."),
    _idea("pdf-export", "Export notes as PDF", "Print a note or a notebook to a PDF file."),
    _idea("offline-mobile", "Offline editing on mobile", "Edit notes on the phone with no signal."),
    _idea("backlinks", "Backlinks panel", "Show which notes link to the current note."),
    _idea("calendar", "Calendar integration", "Show today's meetings in the daily note."),
]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("syncing", "sync"),
        ("synced", "sync"),
        ("syncs", "sync"),
        ("shipped", "ship"),
        ("sharing", "shar"),
        ("share", "shar"),
        ("shared", "shar"),
        ("libraries", "library"),
        ("status", "status"),
        ("glass", "glass"),
    ],
)
def test_stem(word, expected):
    assert stem(word) == expected


def test_tokens_drop_stop_words_and_fold_case():
    assert tokens("The NOTES are Syncing, and the note syncs!") == ["not", "sync", "not", "sync"]


def test_tokens_of_unspaced_scripts_are_character_pairs():
    assert tokens("深色模式") == ["深色", "色模", "模式"]
    assert tokens("ダークモード") == ["ダー", "ーク", "クモ", "モー", "ード"]


def test_the_best_match_first_with_scores():
    found = similar(
        idea_text("Dark theme at night"), {i.slug: idea_text(i.title, i.summary) for i in BOARD}
    )
    assert [slug for slug, _ in found] == ["dark-mode"]
    assert 0 < found[0][1] <= 1


def test_at_most_three_and_ties_by_slug():
    docs = {f"idea-{n}": "export pdf" for n in (4, 2, 3, 1)}
    assert similar("export to pdf", docs) == [("idea-1", 1.0), ("idea-2", 1.0), ("idea-3", 1.0)]


def test_nothing_similar_is_an_empty_list():
    assert similar_ideas("Quantum teleportation", "", BOARD) == []
    assert similar_ideas("", "", BOARD) == []
    assert similar("the and of", {"a": "the"}) == []


def test_similar_ideas_uses_the_description_too():
    board = [*BOARD, _idea("x", "Misc", description="A printable export of notebooks as PDF.")]
    found = [
        idea.slug for idea, _ in similar_ideas("PDF export", "Export a notebook to PDF", board)
    ]
    assert found[:2] == ["pdf-export", "x"]


def test_similarity_works_for_chinese():
    board = [*BOARD, _idea("zh-dark", "深色模式", "晚上使用深色主题")]
    assert [i.slug for i, _ in similar_ideas("请添加深色模式", "", board)] == ["zh-dark"]


def test_is_deterministic():
    docs = {i.slug: idea_text(i.title, i.summary) for i in BOARD}
    assert similar("notes on the phone", docs) == similar(
        "notes on the phone", dict(reversed(docs.items()))
    )
