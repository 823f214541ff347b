"""Votes kept compact: numbers into a shared table, and times as whole microseconds.

A board of 150,000 ideas carries about 5 million 👍.  As objects (a ``Vote``, its
``datetime``, a slot in a tuple) each costs about 110 bytes, and the tally's
``Voter`` as many again; here each costs 12 to 16 bytes.  ``Votes`` and ``Voters``
are read-only sequences of ``Vote`` and ``Voter``: indexing or iterating makes the
object on the fly, so code that reads ``issue.voters`` or ``entry.voters`` does not
change.  The snapshot store and the tally build them; anything else may still pass
plain tuples.  ``DayCounts`` keeps an idea's new votes per day the same way: two
numbers a day in one array, not a tuple, a ``date`` and an ``int`` (about 250 bytes a
day with votes, 2 KB an idea on a big board).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

#: Microseconds in a day, and the proleptic ordinal of 1970-01-01 (the epoch).
DAY = 86_400_000_000
EPOCH_ORDINAL = 719_163
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICRO = dt.timedelta(microseconds=1)


def to_micros(at: dt.datetime) -> int:
    """``at`` as microseconds since the epoch (a naive time is taken as UTC)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return (at - _EPOCH) // _MICRO


def from_micros(micros: int) -> dt.datetime:
    """The UTC time ``micros`` microseconds after the epoch."""
    return _EPOCH + dt.timedelta(microseconds=micros)


def day_of(micros: int) -> dt.date:
    """The UTC day of a time in microseconds."""
    return dt.date.fromordinal(EPOCH_ORDINAL + micros // DAY)


class _ReadOnly(Sequence):
    """A read-only sequence that makes its items from numbers: equal to any sequence of
    the same items (a tuple, say), and hashed and shown as one."""

    __slots__ = ()

    def _item(self, k: int) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def __getitem__(self, k):
        if isinstance(k, slice):
            return tuple(self[i] for i in range(*k.indices(len(self))))
        return self._item(k)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


class _Compact(_ReadOnly):
    """A read-only sequence of (name, time) pairs: names by number, times in microseconds."""

    __slots__ = ("ids", "names", "times")

    def __init__(self, names: Sequence[Any], ids: array, times: array) -> None:
        self.names = names  # shared by every sequence of one snapshot or board
        self.ids = ids
        self.times = times

    def _make(self, name: Any, micros: int) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self.times)

    def _item(self, k: int) -> Any:
        return self._make(self.names[self.ids[k]], self.times[k])

    def __iter__(self) -> Iterator[Any]:
        names, make = self.names, self._make
        for i, micros in zip(self.ids, self.times, strict=True):
            yield make(names[i], micros)

    def pairs(self) -> Iterator[tuple[int, Any]]:
        """(time in microseconds, name) for each item, without making objects."""
        names = self.names
        for i, micros in zip(self.ids, self.times, strict=True):
            yield micros, names[i]


class DayCounts(_ReadOnly):
    """(``date``, count) pairs in order, kept as two numbers a day in one array."""

    __slots__ = ("numbers",)

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        """``pairs`` of (days since 1970-01-01, count)."""
        #: Each day's two numbers, one day after the other.
        self.numbers = array("i")
        for day, count in pairs:
            self.numbers.extend((day, count))

    def __len__(self) -> int:
        return len(self.numbers) // 2

    def _item(self, k: int) -> Any:
        k = range(len(self))[k]  # negative from the end; IndexError past either end
        day, count = self.numbers[2 * k], self.numbers[2 * k + 1]
        return dt.date.fromordinal(EPOCH_ORDINAL + day), count


def pack(
    pairs: Iterable[tuple[int, Any]], table: dict[Any, int], names: list[Any]
) -> tuple[array, array]:
    """(ids, times) arrays for ``pairs`` of (microseconds, name); new names join the table."""
    ids, times = array("I"), array("q")
    for micros, name in pairs:
        number = table.get(name)
        if number is None:
            number = table[name] = len(names)
            names.append(name)
        ids.append(number)
        times.append(micros)
    return ids, times
