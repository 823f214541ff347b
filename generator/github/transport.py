"""Transport: PyGithub set up for one board, one GraphQL query or REST call at a time, retried.

It counts every HTTP request (``requests``), keeps the rate limit GitHub last
reported (``rate_limit``) and the points its GraphQL queries cost (``points``).

PyGithub's own throttle is set on purpose.  By default it waits 0.25 s between
requests and 1 s between writes, and counts a GraphQL query as a write: a
10,000-idea sync would wait 100 s for nothing.  Reads (GraphQL included) run
back to back (``seconds_between_requests=None``): GitHub limits the count of
points, not the pace, and the sync plans that count itself (``budget``).
Writes (labels, comments, state) keep ``seconds_between_writes`` of 1 s
(``write_pause``): GitHub asks for about 1 s between content-creating
requests to stay clear of its secondary rate limit (80 a minute).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import math
import os
import time
from collections.abc import Callable
from typing import Any

import requests
from github import Auth, Github, GithubException, set_log_level

from generator.config import Settings
from generator.errors import GitHubError
from generator.github import nodes
from generator.github.failures import Failures, message
from generator.github.queries import PAGE
from generator.github.retry import Attempts, Retry
from generator.model import RateLimit

# PyGithub logs every retry and redirect at INFO on its own stderr handler; the
# sync says what matters itself (progress, one summary line, one error).
set_log_level(logging.WARNING)


def token_from_env(settings: Settings) -> str | None:
    """The token in the environment variable ``settings.token_env``, or None if unset/empty."""
    value = os.environ.get(settings.token_env, "").strip()
    return value or None


class Transport:
    """The HTTP side of one client: two PyGithub objects (reads, writes), retried and counted."""

    def __init__(
        self,
        settings: Settings,
        token: str,
        *,
        timeout: float,
        attempts: int,
        backoff: float,
        sleep: Callable[[float], None],
        clock: Callable[[], dt.datetime],
        write_pause: float,
    ) -> None:
        self.settings = settings
        self.sleep, self.clock = sleep, clock
        self.attempts, self.backoff, self.write_pause = attempts, backoff, write_pause
        self.failures = Failures(settings, token, attempts, timeout)
        self.requests = 0
        self.points = 0  # GraphQL points spent, as GitHub reported them
        self.rate_limit: RateLimit | None = None
        self.owner, _, self.name = settings.repo.partition("/")
        self.reader = self._github(token, write=False)
        self.writer = self._github(token, write=True)

    def count(self, *_args: Any) -> None:
        """Count one HTTP request."""
        self.requests += 1

    def _github(self, token: str, *, write: bool) -> Github:
        wait = self.settings.max_rate_limit_wait
        retry = Retry(
            sleep=self.sleep,
            count=self.count,
            total=self.attempts - 1,
            backoff_factor=self.backoff,
            backoff_max=60,
            # The last 5xx answer becomes a GithubException, not a RetryError:
            raise_on_status=False,
            secondary_rate_wait=min(60, wait),
            max_rate_limit_wait=wait,
            # Writes are not retried blindly: a comment POST that timed out may have
            # gone through.  ``Writes.comment`` checks and retries itself.
            **({"allowed_methods": frozenset({"GET", "DELETE", "PUT"})} if write else {}),
        )
        gh = Github(
            auth=Auth.Token(token),
            base_url=self.settings.api_url,
            timeout=max(1, math.ceil(self.failures.timeout)),  # PyGithub wants whole seconds
            retry=retry,
            per_page=PAGE,
            lazy=True,
            seconds_between_requests=None,  # see the module docstring
            seconds_between_writes=(self.write_pause or None) if write else None,
        )
        # NEW_DEBUG_FRAME runs once per request, before it is sent; retries are
        # counted by ``Retry``.
        gh.requester.NEW_DEBUG_FRAME = self.count
        return gh

    def attempts_loop(self) -> Attempts:
        """A fresh retry loop with this client's attempts, backoff and longest wait."""
        return Attempts(
            self.attempts,
            self.backoff,
            self.sleep,
            self.settings.max_rate_limit_wait,
            self.failures.limit,
        )

    def graphql(self, query: str, variables: dict[str, Any], *, allow_missing: bool = False):
        """Run one query; retry faults; return ``data``.

        ``allow_missing``: NOT_FOUND errors on issue aliases are answers (the issue
        is gone), not faults.
        """
        requester = self.reader.requester
        body = {"query": query, "variables": {"owner": self.owner, "name": self.name, **variables}}
        problem = ""
        attempts = self.attempts_loop()
        for _ in attempts:
            try:
                # Not ``requester.graphql_query``: it raises on any ``errors`` and
                # throws away the data of a partial answer, which we need to tell a
                # missing issue (NOT_FOUND) from a fault.
                headers, data = requester.requestJsonAndCheck(
                    "POST", requester.graphql_url, input=body
                )
            except requests.exceptions.RequestException as exc:
                raise self.failures.translate(exc) from None
            except ValueError:
                problem = "GitHub sent a truncated or malformed response"
                continue
            except GithubException as exc:
                wait = self.primary_wait(exc)
                if wait is None:
                    raise self.failures.translate(exc) from None
                attempts.wait_out(wait)
                problem = "GitHub's rate limit was reached"
                continue
            except Exception as exc:
                raise self.failures.translate(exc) from None
            found, problem = self._answer(data, allow_missing)
            if found is not None:
                return found
            if problem == "RATE_LIMITED":
                attempts.wait_out(self.reset_wait(headers))
                problem = "GitHub's GraphQL rate limit was reached"
        raise self.failures.error(f"{problem} {self.attempts} times in a row; try again later.")

    def _answer(self, data: Any, allow_missing: bool) -> tuple[dict | None, str]:
        """``(data, "")`` for a usable answer, else ``(None, what was wrong)``."""
        if not isinstance(data, dict):
            return None, "GitHub sent a response that is not a JSON object"
        errors = data.get("errors") or []
        if not isinstance(errors, list):
            return None, "GitHub sent a response that is not GraphQL"
        if any(isinstance(e, dict) and e.get("type") == "RATE_LIMITED" for e in errors):
            return None, "RATE_LIMITED"
        found = data.get("data") or {}
        if not isinstance(found, dict):
            return None, "GitHub sent a response that is not GraphQL"
        if found.get("repository") is None and any(map(nodes.repo_not_found, errors)):
            raise self.failures.not_found()
        faults = [e for e in errors if not (allow_missing and e.get("type") == "NOT_FOUND")]
        if faults:
            return None, f"GitHub answered with errors: {str(faults[0].get('message'))[:200]}"
        if not isinstance(found.get("repository"), dict):
            return None, "GitHub sent an answer without the repository's data"
        self._note_rate(found.get("rateLimit"))
        return found, ""

    def _note_rate(self, rate: Any) -> None:
        # No rateLimit, or not the shape GitHub sends: nothing to record.
        with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
            self.rate_limit = RateLimit(
                int(rate["limit"]), int(rate["remaining"]), nodes.time(rate.get("resetAt"))
            )
            self.points += max(0, int(rate.get("cost") or 0))

    def primary_wait(self, exc: GithubException) -> float | None:
        """Seconds to wait if ``exc`` is a rate limit PyGithub let through.

        That is a 429 without Retry-After, or any rate limit on a write (PyGithub
        does not retry those: see ``_github``).
        """
        if exc.status not in (403, 429):
            return None
        headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
        after = str(headers.get("retry-after", ""))
        if after.isdigit():
            return float(after)
        if str(headers.get("x-ratelimit-remaining")) == "0":
            return self.reset_wait(headers)
        if "rate limit" in str(message(exc)).lower():
            return 60.0  # a secondary limit without Retry-After: GitHub says wait a minute
        return None

    def reset_wait(self, headers: dict[str, Any]) -> float:
        """Seconds until the rate limit resets: the header, else the last ``rateLimit`` seen."""
        reset = headers.get("x-ratelimit-reset")
        if reset and str(reset).isdigit():
            return max(0.0, int(reset) - time.time()) + 1
        if self.rate_limit and self.rate_limit.reset_at:
            return max(0.0, (self.rate_limit.reset_at - self.clock()).total_seconds()) + 1
        return 60.0

    def call(self, fn: Callable[[], Any], *, idempotent_write: bool = False) -> Any:
        """Run a REST read or write; retry what PyGithub does not.

        Reads are retried on network errors by PyGithub already; an idempotent
        write (labels, state) is not (see ``_github``), so it is retried here.
        """
        problem: Exception | None = None
        attempts = self.attempts_loop()
        for _ in attempts:
            try:
                return fn()
            except GitHubError:
                raise
            except requests.exceptions.RequestException as exc:
                if not idempotent_write:
                    raise self.failures.translate(exc) from None
                problem = exc
            except ValueError:
                problem = None  # a cut-off JSON body
            except GithubException as exc:
                wait = self.primary_wait(exc)
                if wait is None and idempotent_write and exc.status >= 500:
                    problem = exc
                    continue
                if wait is None:
                    raise self.failures.translate(exc) from None
                attempts.wait_out(wait)
            except Exception as exc:
                raise self.failures.translate(exc) from None
        if problem is not None:
            raise self.failures.translate(problem)
        raise GitHubError(
            f"GitHub sent a truncated or malformed response {self.attempts} times in a row "
            f"at {self.settings.api_url}; try again later."
        )
