"""Work in two halves at once: one in this process, one in a forked copy of it.

Rendering a big board's idea pages, feeds and board index is most of a build, and a
GitHub runner has two cores while Python uses one.  A forked child starts with the
whole rendered board in memory (shared with the parent until either writes to it), so
nothing has to be sent to it; it writes its half of the files and sends back only a
small result (``work``'s return value, pickled).  Where there is no ``fork`` (Windows),
or for little work, everything is done here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

#: Below this many items one process does all: forking costs more than it saves.
MIN_ITEMS = 2000


class HalfFailed(RuntimeError):
    """The forked half failed; the message says how."""


def in_halves(
    items: Sequence[T], work: Callable[[Sequence[T], int], Any], *, fork: bool
) -> list[Any]:
    """``work(half, k)`` for two interleaved halves of ``items`` (k = 0, 1), the second in
    a forked child when ``fork`` (and the platform can); the results in that order."""
    if not fork or len(items) < MIN_ITEMS or not hasattr(os, "fork"):
        return [work(items, 0)]
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def child() -> None:
        try:
            writer.send((True, work(items[1::2], 1)))
        except BaseException as exc:  # any failure is reported to the parent
            writer.send((False, f"{type(exc).__name__}: {exc}"))
        finally:
            writer.close()

    process = context.Process(target=child, daemon=True)
    process.start()
    writer.close()
    answer: tuple[bool, Any] | None = None
    try:
        mine = work(items[::2], 0)
        try:
            answer = reader.recv()
        except EOFError:
            answer = (False, "it ended without a result")
    finally:
        reader.close()
        if answer is None:  # this half failed: stop the other
            process.kill()
        process.join()
    done, theirs = answer
    if not done:
        raise HalfFailed(f"the second half of the work failed: {theirs}")
    return [mine, theirs]
