"""Error translation: whatever PyGithub or requests raised, as a ``GitHubError`` saying what to fix.

Every message names the setting to check and never the token (``scrub``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import requests
from github import GithubException
from github.GithubException import RateLimitExceededExceedsMaxWait

from generator.config import Settings
from generator.errors import GitHubError


def scrub(text: str, token: str | None) -> str:
    """``text`` with the token (if any) replaced by ``***``."""
    if token:
        text = text.replace(token, "***")
    return text


def message(exc: GithubException) -> Any:
    """The ``message`` of GitHub's error body as sent (not always a string), or ""."""
    return exc.data.get("message", "") if isinstance(exc.data, dict) else ""


class WaitTooLong(Exception):
    """A wait GitHub asked for that is longer than ``max_rate_limit_wait``."""

    def __init__(self, wait: float, secondary: bool) -> None:
        super().__init__(wait)
        self.wait = wait
        self.secondary = secondary


@dataclass(frozen=True)
class Failures:
    """The error messages of one client (its settings, token, attempts and timeout)."""

    settings: Settings
    token: str
    attempts: int
    timeout: float

    def error(self, text: str, status: int | None = None) -> GitHubError:
        """A ``GitHubError`` with ``text`` scrubbed of the token; ``status`` for callers."""
        error = GitHubError(scrub(text, self.token))
        if status is not None:
            error.status = status  # for callers that expect some statuses (404, 410)
        return error

    def translate(self, exc: BaseException) -> GitHubError:
        """A ``GitHubError`` naming what to fix, for anything PyGithub or requests raised."""
        if isinstance(exc, RateLimitExceededExceedsMaxWait):
            return self.limit(getattr(exc, "wait", None))
        if isinstance(exc, WaitTooLong):
            return self.limit(exc.wait, secondary=exc.secondary)
        if isinstance(exc, GithubException):
            return self.error(self._answered(exc), exc.status)
        if isinstance(exc, requests.exceptions.Timeout | requests.exceptions.ConnectionError):
            return self.error(self._unreachable(exc))
        if isinstance(exc, requests.exceptions.RetryError):
            return self.error(
                f"GitHub kept failing, {self.attempts} times in a row, at "
                f"{self.settings.api_url}; try again later."
            )
        return self.error(f"Talking to GitHub failed: {type(exc).__name__}: {exc}")

    def _answered(self, exc: GithubException) -> str:
        s, status, said = self.settings, exc.status, message(exc)
        if status == 401:
            return (
                f"GitHub refused the token (401 {said or 'Bad credentials'}): "
                f"check the token in ${s.token_env} (setting token_env)."
            )
        if status == 404:
            return self.not_found().args[0]
        if status in (403, 429) and "rate limit" in str(said).lower():
            return self.limit(None).args[0]
        if status == 403:
            return f"GitHub answered 403 {said}".rstrip() + (
                f": the token in ${s.token_env} (setting token_env) lacks a permission "
                "(sync needs issues: read; feedback needs issues: write)."
            )
        if status >= 500:
            return f"GitHub answered {status} {said}".rstrip() + (
                f" {self.attempts} times in a row at {s.api_url}; try again later."
            )
        return f"GitHub answered {status} {said}".rstrip() + f" at {s.api_url}."

    def _unreachable(self, exc: BaseException) -> str:
        s = self.settings
        if isinstance(exc, requests.exceptions.Timeout) or "timed out" in str(exc).lower():
            return (
                f"GitHub did not answer within {self.timeout:g} s, {self.attempts} times "
                f"in a row, at {s.api_url}; try again later (or check `api_url` in "
                "mkdocs.yml plugins.ideaboard)."
            )
        return (
            f"Could not connect to GitHub at {s.api_url}: check `api_url` in mkdocs.yml "
            "plugins.ideaboard (for GitHub Enterprise Server: https://HOST/api/v3)."
        )

    def not_found(self) -> GitHubError:
        """The repository itself is not there (or the token cannot see it)."""
        s = self.settings
        return GitHubError(
            f"GitHub has no repository {s.repo!r} that this token can see (404): check `repo` "
            "in mkdocs.yml plugins.ideaboard (and `api_url` for GitHub Enterprise Server), "
            f"and that the token in ${s.token_env} can read it."
        )

    def limit(self, wait: float | None, *, secondary: bool = False) -> GitHubError:
        """A rate-limit wait longer than ``max_rate_limit_wait``: stop, and say how to go on."""
        s = self.settings
        seconds = "" if wait is None else f" {math.ceil(wait)} s"
        if secondary:
            what = f"GitHub asked to wait{seconds} (a secondary rate limit)"
        else:
            what = f"GitHub's rate limit is used up{' for' + seconds + ' more' if seconds else ''}"
        return GitHubError(
            f"{what}, longer than max_rate_limit_wait ({s.max_rate_limit_wait} s): stopped. "
            "Run it again later, or raise max_rate_limit_wait in mkdocs.yml plugins.ideaboard."
        )
