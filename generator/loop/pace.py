"""Keep GitHub's secondary limits on content-creating requests: 80 a minute, 500 an hour.

GitHub counts comments (and other writes that create content) against both
windows, whoever makes them, and answers a burst with a secondary rate limit
that can last an hour.  ``Pace`` keeps the times of the writes in the last
hour, the board's own comments from earlier runs included (``seen``), and
before each write waits until both windows have room.  A wait longer than
``max_wait`` (``max_rate_limit_wait``, 300 s by default) is not slept through:
``wait`` raises ``Stopped``, and the next run carries on from the markers.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Callable, Iterable

PER_MINUTE = 80
PER_HOUR = 500
_MINUTE = dt.timedelta(minutes=1)
_HOUR = dt.timedelta(hours=1)


class Stopped(Exception):
    """The hour's budget is spent: stop writing until the next run."""


class Pace:
    """The content-creating writes of the last hour, and the wait before the next one."""

    def __init__(
        self,
        *,
        per_minute: int = PER_MINUTE,
        per_hour: int = PER_HOUR,
        max_wait: float = 300,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        sleep: Callable[[float], None] = time.sleep,
        seen: Iterable[dt.datetime] = (),
    ) -> None:
        self.per_minute, self.per_hour = per_minute, per_hour
        self.max_wait = max_wait
        self.clock, self.sleep = clock, sleep
        now = clock()
        self._times = deque(sorted(t for t in seen if now - _HOUR < t <= now))
        self.waited = 0.0

    def wait(self) -> None:
        """Sleep until one more write keeps both limits; ``Stopped`` if that is too long."""
        delay = self._delay(self.clock())
        if delay > self.max_wait:
            raise Stopped(
                f"GitHub allows {self.per_hour} content-creating requests an hour and "
                f"{self.per_minute} a minute; the next would have to wait {delay:.0f} s "
                f"(max_rate_limit_wait: {self.max_wait:.0f}). Run feedback again later: "
                "it carries on where it stopped."
            )
        while delay > 0:
            self.sleep(delay)
            self.waited += delay
            delay = self._delay(self.clock())

    def spend(self) -> None:
        """Count a write made now."""
        self._times.append(self.clock())

    def _delay(self, now: dt.datetime) -> float:
        while self._times and self._times[0] <= now - _HOUR:
            self._times.popleft()
        waits = [0.0]
        if len(self._times) >= self.per_hour:
            waits.append((self._times[-self.per_hour] + _HOUR - now).total_seconds())
        recent = [t for t in self._times if t > now - _MINUTE]
        if len(recent) >= self.per_minute:
            waits.append((recent[-self.per_minute] + _MINUTE - now).total_seconds())
        return max(waits)
