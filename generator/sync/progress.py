"""How a sync shows its progress: a bar on a terminal, plain lines in CI, nothing in tests.

``fetch`` calls ``update(done, total, requests, rate_left)`` after each request
batch.  Everything is written to stderr, so stdout stays for results.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


class Silent:
    """No progress at all (``ideaboard build``, tests)."""

    def update(self, done: int, total: int, requests: int, rate_left: int | None) -> None:
        pass

    def close(self) -> None:
        pass


def _status(done: int, total: int, requests: int, rate_left: int | None) -> str:
    rate = "?" if rate_left is None else str(rate_left)
    return f"{done}/{total} issues, {requests} requests, rate limit {rate} left"


class Lines(Silent):
    """Plain lines for CI logs: one every ``every`` seconds at most, and the last one."""

    def __init__(self, stream: TextIO, every: float = 5.0) -> None:
        self.stream = stream
        self.every = every
        self._last = float("-inf")
        self._pending: str | None = None

    def update(self, done: int, total: int, requests: int, rate_left: int | None) -> None:
        line = f"sync: {_status(done, total, requests, rate_left)}"
        now = time.monotonic()
        if now - self._last >= self.every:
            self._write(line)
            self._last = now
            self._pending = None
        else:
            self._pending = line

    def close(self) -> None:
        if self._pending:
            self._write(self._pending)
            self._pending = None

    def _write(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()


class Bar(Silent):
    """A progress bar redrawn in place on a terminal."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._drawn = False

    def update(self, done: int, total: int, requests: int, rate_left: int | None) -> None:
        filled = self.WIDTH if total <= 0 else min(self.WIDTH, self.WIDTH * done // total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\rsync [{bar}] {_status(done, total, requests, rate_left)}\033[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


def for_terminal(stream: TextIO | None = None, environ: dict[str, str] | None = None) -> Silent:
    """A bar on an interactive terminal, plain lines otherwise (and whenever ``CI=true``)."""
    stream = stream or sys.stderr
    environ = os.environ if environ is None else environ
    is_ci = environ.get("CI", "").lower() in {"true", "1", "yes"}
    if not is_ci and getattr(stream, "isatty", lambda: False)():
        return Bar(stream)
    return Lines(stream)
