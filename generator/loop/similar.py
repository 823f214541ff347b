"""Which ideas on the board read like a new one: TF-IDF cosine similarity, pure Python.

No network model and no dependency: a new proposal is compared with the ideas
already on the board by the words they share, each word weighted by how rare it
is on the board (TF-IDF).  Words are case-folded, stop words dropped and
suffixes trimmed ("syncing", "synced", "syncs" -> "sync").  Scripts written
without spaces (Chinese, Japanese, Thai) are compared by overlapping pairs of
characters, so that similarity works for them too.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

from generator.model import Idea

#: Below this cosine similarity two ideas are not worth pointing out.
THRESHOLD = 0.15

_WORD_RE = re.compile(r"\w+")
# Scripts written without spaces between words.
_UNSPACED_RE = re.compile(
    r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"
)

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either else
    etc even ever every few for from further get gets got had has have having he her here hers
    him his how i if in into is it its itself just let like make makes me might more most much
    must my no nor not now of off on once only or other our ours out over own please same she
    should so some such than that the their theirs them then there these they this those
    through to too under until up us use used using very via want wants was way we were what
    when where which while who whom why will with would yes yet you your yours
    """.split()  # noqa: SIM905
)


def tokens(text: str) -> list[str]:
    """The terms of ``text``: stemmed words, or character pairs for unspaced scripts."""
    text = unicodedata.normalize("NFKC", text).casefold()
    terms: list[str] = []
    for word in _WORD_RE.findall(text):
        if _UNSPACED_RE.search(word):
            terms.extend(_bigrams(word))
        elif len(word) > 1 and word not in STOP_WORDS and not word.isdigit():
            terms.append(stem(word))
    return terms


def stem(word: str) -> str:
    """A light English stemmer: enough to make plurals and verb forms meet."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ation", "ing", "ed", "er", "ly"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "shipped" -> "shipp" -> "ship"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # "share", "shared", "sharing" -> "shar"
    return word


def idea_text(title: str, summary: str = "", description: str = "") -> str:
    """The text an idea is compared by; the title counts twice, being the densest part."""
    return "\n".join((title, title, summary, description))


def similar(
    query: str,
    documents: Mapping[str, str],
    limit: int = 3,
    threshold: float = THRESHOLD,
) -> list[tuple[str, float]]:
    """The keys of the ``documents`` most like ``query``, best first, as ``(key, score)``.

    Ties are broken by key, so the answer is the same on every run.
    """
    doc_terms = {key: Counter(tokens(text)) for key, text in documents.items()}
    query_terms = Counter(tokens(query))
    if not query_terms:
        return []
    idf = _idf([query_terms, *doc_terms.values()])
    query_vector = _vector(query_terms, idf)
    scored = []
    for key, terms in doc_terms.items():
        score = _cosine(query_vector, _vector(terms, idf))
        if score >= threshold:
            scored.append((key, round(score, 4)))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]


def similar_ideas(
    title: str, text: str, ideas: Iterable[Idea], limit: int = 3
) -> list[tuple[Idea, float]]:
    """The ideas on the board most like a new proposal (its title and form text)."""
    by_slug = {idea.slug: idea for idea in ideas}
    documents = {
        slug: idea_text(idea.title, idea.summary, idea.description)
        for slug, idea in by_slug.items()
    }
    found = similar(idea_text(title, text), documents, limit=limit)
    return [(by_slug[slug], score) for slug, score in found]


def _bigrams(word: str) -> list[str]:
    if len(word) == 1:
        return [word]
    return [word[i : i + 2] for i in range(len(word) - 1)]


def _idf(documents: list[Counter[str]]) -> dict[str, float]:
    count = len(documents)
    frequency: Counter[str] = Counter()
    for terms in documents:
        frequency.update(terms.keys())
    return {term: math.log((1 + count) / (1 + df)) + 1 for term, df in frequency.items()}


def _vector(terms: Counter[str], idf: Mapping[str, float]) -> dict[str, float]:
    return {term: (1 + math.log(n)) * idf[term] for term, n in terms.items()}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(weight * b.get(term, 0.0) for term, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0
