"""The rules across files: unique slugs and issue numbers, duplicate targets, no cycles."""

from __future__ import annotations

import difflib
from collections import defaultdict
from pathlib import Path

from generator.load.names import NAME_RE
from generator.load.reader import Document

#: The fields the checks across files read (``Document.only``).
BOARD_FIELDS = ("issue", "duplicate_of")


def check_board(docs: list[Document], slugs: set[str]) -> None:
    """Record the problems across ``docs`` on each document they concern."""
    _unique_slugs(docs)
    _check_issues_and_duplicates(docs, slugs)


def _unique_slugs(docs: list[Document]) -> None:
    """The slug is the file name: two files of one name in two folders are one idea twice."""
    by_slug: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        by_slug[doc.slug].append(doc)
    for slug, group in by_slug.items():
        for doc in group if len(group) > 1 else ():
            others = ", ".join(sorted(other.display for other in group if other is not doc))
            doc.add(
                0,
                0,
                "",
                f"expected a file name used once across the folders of ideas/ but received "
                f"{slug!r}, which {others} also uses; rename one of them (the slug is the "
                "file name, whatever the folder)",
            )


def _check_issues_and_duplicates(docs: list[Document], slugs: set[str]) -> None:
    """Unique issue numbers, duplicate targets that exist, and no cycles of duplicates."""
    mappings = [doc for doc in docs if isinstance(doc.data, dict)]
    by_issue: dict[int, list[Document]] = defaultdict(list)
    for doc in mappings:
        issue = doc.data.get("issue")
        if isinstance(issue, int) and not isinstance(issue, bool):
            by_issue[issue].append(doc)
    for issue, group in by_issue.items():
        for doc in group if len(group) > 1 else ():
            others = ", ".join(sorted(other.display for other in group if other is not doc))
            doc.problems.append(
                doc.problem(
                    "issue",
                    f"expected a unique issue number but received: {issue}, which {others} "
                    f"also {'uses' if len(group) == 2 else 'use'}",
                )
            )
    targets: dict[str, str] = {}
    by_slug = {doc.slug: doc for doc in mappings}
    for doc in mappings:
        target = doc.data.get("duplicate_of")
        if not isinstance(target, str) or not NAME_RE.fullmatch(target):
            continue
        if target == doc.slug:
            doc.problems.append(
                doc.problem(
                    "duplicate_of",
                    f"expected the slug of another idea but received: {target!r}, this idea itself",
                )
            )
        elif target not in slugs:
            close = difflib.get_close_matches(target, sorted(slugs), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            folder = Path(doc.display).parent.as_posix()
            doc.problems.append(
                doc.problem(
                    "duplicate_of",
                    "expected the slug of an existing idea but received: "
                    f"{target!r} (there is no {folder}/{target}.yaml){hint}",
                )
            )
        else:
            targets[doc.slug] = target
    for cycle in _cycles(targets):
        for start in range(len(cycle) - 1):
            doc = by_slug[cycle[start]]
            shown = cycle[start:-1] + cycle[:start] + [cycle[start]]
            doc.problems.append(
                doc.problem(
                    "duplicate_of",
                    f"duplicates form a cycle: {' -> '.join(shown)}; point each duplicate at "
                    "the one idea that stays open",
                )
            )


def _cycles(targets: dict[str, str]) -> list[list[str]]:
    """Each cycle of ``slug -> duplicate_of`` once, starting at its smallest slug."""
    cycles = []
    done: set[str] = set()
    for start in sorted(targets):
        chain: list[str] = []
        node = start
        while node in targets and node not in done and node not in chain:
            chain.append(node)
            node = targets[node]
        if node in chain:
            loop = chain[chain.index(node) :]
            smallest = loop.index(min(loop))
            loop = loop[smallest:] + loop[:smallest]
            cycles.append([*loop, loop[0]])
        done.update(chain)
    return cycles
