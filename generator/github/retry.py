"""Retries and waits: PyGithub's retry with waits we can see and bound, and our own loop.

PyGithub's ``GithubRetry`` retries 5xx answers, timeouts and 403 rate limits
on reads.  It does not retry a GraphQL ``RATE_LIMITED`` answer (HTTP 200), a
429 without Retry-After, or writes (a POST that timed out may have gone
through), so ``Attempts`` runs those retries itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from github import GithubRetry

from generator.github.failures import WaitTooLong


class Retry(GithubRetry):
    """PyGithub's retry (5xx, timeouts, 403 rate limits), with waits we can see and bound.

    It counts each retry as a request (``count``), sleeps through ``sleep``
    (tests pass one that does not sleep), and refuses any wait, Retry-After
    included, longer than ``max_rate_limit_wait``.
    """

    def __init__(
        self,
        *,
        sleep: Callable[[float], None] | None = None,
        count: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> None:
        self.sleeper = sleep
        self.count = count
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> Retry:
        kw["sleep"], kw["count"] = self.sleeper, self.count
        return super().new(**kw)

    def sleep(self, response: Any = None) -> None:
        # urllib3 calls this once before each retry, so this is where a retry is counted.
        after = self.get_retry_after(response) if response is not None else None
        wait = self.get_backoff_time() if after is None else after
        if self.max_rate_limit_wait is not None and wait > self.max_rate_limit_wait:
            raise WaitTooLong(wait, secondary=after is not None)
        if self.sleeper is not None:
            if wait > 0:
                self.sleeper(wait)
            if self.count is not None:
                self.count()


class Attempts:
    """The attempts at one request, for the retry loops PyGithub does not run for us.

    Iterating sleeps the exponential backoff before each attempt after the
    first, except right after ``wait_out``: a rate-limit wait needs no backoff
    on top.
    """

    def __init__(
        self,
        attempts: int,
        backoff: float,
        sleep: Callable[[float], None],
        max_wait: float,
        too_long: Callable[[float], Exception],
    ) -> None:
        self.attempts, self.backoff, self.sleep = attempts, backoff, sleep
        self.max_wait, self.too_long = max_wait, too_long
        self._waited = False

    def __iter__(self) -> Iterator[int]:
        for attempt in range(self.attempts):
            if attempt and not self._waited:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self._waited = False
            yield attempt

    def wait_out(self, wait: float) -> None:
        """Sleep through a rate limit before the next attempt, or raise if it is too long."""
        if wait > self.max_wait:
            raise self.too_long(wait) from None
        self.sleep(wait)
        self._waited = True
