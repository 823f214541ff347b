"""The one module that talks to GitHub, through PyGithub: votes in, feedback out.

Reads go through GraphQL (``repository.issues`` 100 at a time, with reaction
counts and the first 100 👍 of each issue), writes through PyGithub's REST
objects.  Everything this module returns is plain data: ``snapshot`` types, or
the small ``RemoteIssue``/``RemoteComment`` below.  Errors come out as
``GitHubError`` with a message that names the setting to fix, and never the token.

An incremental fetch costs one cheap request per 100 idea issues (numbers,
``updatedAt``, comment and reaction counts), then full data only for issues
that changed.  A new 👍 does not change ``updatedAt`` on GitHub, so the
reaction counts are compared too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import math
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import requests
from github import Auth, Github, GithubException, GithubRetry, set_log_level
from github.GithubException import RateLimitExceededExceedsMaxWait

from generator.config import Settings
from generator.errors import GitHubError
from generator.model import (
    Actor,
    Issue,
    Missing,
    RateLimit,
    RemoteComment,
    RemoteIssue,
    Snapshot,
    Vote,
)

# PyGithub logs every retry and redirect at INFO on its own stderr handler; the
# sync says what matters itself (progress, one summary line, one error).
set_log_level(logging.WARNING)

PAGE = 100  # GitHub's maximum page size, for issues and for reactions alike
REACTION_NAMES = {
    "THUMBS_UP": "+1",
    "THUMBS_DOWN": "-1",
    "LAUGH": "laugh",
    "HOORAY": "hooray",
    "CONFUSED": "confused",
    "HEART": "heart",
    "ROCKET": "rocket",
    "EYES": "eyes",
}

_RATE = "rateLimit { limit remaining resetAt cost }"
_VOTES = (
    "reactions(content: THUMBS_UP, first: 100) { totalCount "
    "pageInfo { hasNextPage endCursor } nodes { createdAt user { __typename login } } }"
)
# Everything the snapshot keeps about one issue.
_FULL = (
    "fragment IdeaFull on Issue { number title body url state stateReason createdAt "
    "updatedAt closedAt locked author { __typename login } labels(first: 100) { nodes { name } } "
    "comments(last: 100) { totalCount nodes { createdAt } } "
    f"reactionGroups {{ content reactors {{ totalCount }} }} {_VOTES} }}"
)
# Enough to tell whether an issue changed since the last snapshot.
_CHEAP = (
    "fragment IdeaCounts on Issue { number updatedAt comments { totalCount } "
    "reactionGroups { content reactors { totalCount } } }"
)
_LIST = (
    "query IdeaboardIssues($owner: String!, $name: String!, $label: String!, $cursor: String) "
    f"{{ {_RATE} repository(owner: $owner, name: $name) {{ issues(labels: [$label], "
    "states: [OPEN, CLOSED], first: 100, after: $cursor, "
    "orderBy: {field: CREATED_AT, direction: ASC}) { totalCount "
    "pageInfo { hasNextPage endCursor } nodes { ...%s } } } } "
)
LIST_FULL = _LIST % "IdeaFull" + _FULL
LIST_CHEAP = _LIST % "IdeaCounts" + _CHEAP
VOTERS = (
    "query IdeaboardVoters($owner: String!, $name: String!, $number: Int!, $cursor: String) "
    f"{{ {_RATE} repository(owner: $owner, name: $name) {{ issue(number: $number) {{ "
    "reactions(content: THUMBS_UP, first: 100, after: $cursor) { totalCount "
    "pageInfo { hasNextPage endCursor } nodes { createdAt user { __typename login } } } } } }"
)


def by_number_query(numbers: Iterable[int]) -> str:
    """One query for the issues ``numbers`` (aliases ``i<number>``), full data each."""
    fields = " ".join(f"i{int(n)}: issue(number: {int(n)}) {{ ...IdeaFull }}" for n in numbers)
    return (
        "query IdeaboardIssuesByNumber($owner: String!, $name: String!) "
        f"{{ {_RATE} repository(owner: $owner, name: $name) {{ {fields} }} }} {_FULL}"
    )


def token_from_env(settings: Settings) -> str | None:
    """The token in the environment variable ``settings.token_env``, or None if unset/empty."""
    value = os.environ.get(settings.token_env, "").strip()
    return value or None


def scrub(text: str, token: str | None) -> str:
    """``text`` with the token (if any) replaced by ``***``."""
    if token:
        text = text.replace(token, "***")
    return text


class Progress(Protocol):
    """What ``fetch`` reports as it goes (see ``generator.progress``)."""

    def update(self, done: int, total: int, requests: int, rate_left: int | None) -> None: ...


class _WaitTooLong(Exception):
    def __init__(self, wait: float, secondary: bool) -> None:
        super().__init__(wait)
        self.wait = wait
        self.secondary = secondary


class _Retry(GithubRetry):
    """PyGithub's retry (5xx, timeouts, 403 rate limits), with waits we can see and bound.

    It counts each retry as a request, sleeps through the client's ``sleep``
    (tests pass one that does not sleep), and refuses any wait, Retry-After
    included, longer than ``max_rate_limit_wait``.
    """

    def __init__(self, *, client: GitHubClient | None = None, **kwargs: Any) -> None:
        self.client = client
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> _Retry:
        kw["client"] = self.client
        return super().new(**kw)

    def sleep(self, response: Any = None) -> None:
        # urllib3 calls this once before each retry, so this is where a retry is counted.
        after = self.get_retry_after(response) if response is not None else None
        wait = self.get_backoff_time() if after is None else after
        if self.max_rate_limit_wait is not None and wait > self.max_rate_limit_wait:
            raise _WaitTooLong(wait, secondary=after is not None)
        if self.client is not None:
            if wait > 0:
                self.client.sleep(wait)
            self.client.requests += 1


class _Attempts:
    """The attempts at one request, for the retry loops PyGithub does not run for us.

    Iterating sleeps the exponential backoff before each attempt after the
    first, except right after ``wait_out``: a rate-limit wait needs no backoff
    on top.
    """

    def __init__(self, client: GitHubClient) -> None:
        self.client = client
        self._waited = False

    def __iter__(self) -> Iterator[int]:
        client = self.client
        for attempt in range(client.attempts):
            if attempt and not self._waited:
                client.sleep(client.backoff * 2 ** (attempt - 1))
            self._waited = False
            yield attempt

    def wait_out(self, wait: float) -> None:
        """Sleep through a rate limit before the next attempt, or raise if it is too long."""
        if wait > self.client.settings.max_rate_limit_wait:
            raise self.client._limit_error(wait) from None
        self.client.sleep(wait)
        self._waited = True


@dataclass
class _Run:
    """The state of one ``fetch`` as it goes."""

    previous: Snapshot
    numbers: set[int]
    full: bool
    progress: Progress | None
    client: GitHubClient
    issues: dict[int, Issue] = field(default_factory=dict)
    more_votes: dict[int, str] = field(default_factory=dict)  # number -> reactions cursor
    stale: set[int] = field(default_factory=set)  # listed and changed: fetch in full
    seen: set[int] = field(default_factory=set)
    gone: list[int] = field(default_factory=list)  # asked for by number, not found
    expected: int | None = None  # GitHub's count of idea issues
    complete: bool = True

    def report(self) -> None:
        if self.progress is None:
            return
        rate = self.client.rate_limit
        total = (self.expected or 0) + len(self.numbers - self.seen) + len(self.stale)
        done = len(self.seen) - len(self.stale)
        left = rate.remaining if rate else None
        self.progress.update(done, max(total, done), self.client.requests, left)


class GitHubClient:
    """GitHub for one board: ``GitHubClient(settings, token)``; the token only from the env."""

    def __init__(
        self,
        settings: Settings,
        token: str,
        *,
        timeout: float = 30,
        attempts: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], dt.datetime] | None = None,
        write_pause: float = 1.0,
    ) -> None:
        self.settings = settings
        self.write_pause = write_pause
        self.requests = 0
        self.sleep = sleep
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = timeout
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.rate_limit: RateLimit | None = None
        self._token = token
        owner, _, name = settings.repo.partition("/")
        self.owner, self.name = owner, name
        self._gh = self._github(token, write=False)
        self._gh_write = self._github(token, write=True)
        self._repo = None
        self._repo_checked = False

    def __repr__(self) -> str:  # never the token
        return f"GitHubClient(repo={self.settings.repo!r}, api_url={self.settings.api_url!r})"

    def _github(self, token: str, *, write: bool) -> Github:
        wait = self.settings.max_rate_limit_wait
        retry = _Retry(
            client=self,
            total=self.attempts - 1,
            backoff_factor=self.backoff,
            backoff_max=60,
            # The last 5xx answer becomes a GithubException, not a RetryError:
            raise_on_status=False,
            secondary_rate_wait=min(60, wait),
            max_rate_limit_wait=wait,
            # Writes are not retried blindly: a comment POST that timed out may have
            # gone through.  ``comment`` checks and retries itself.
            **({"allowed_methods": frozenset({"GET", "DELETE", "PUT"})} if write else {}),
        )
        gh = Github(
            auth=Auth.Token(token),
            base_url=self.settings.api_url,
            timeout=max(1, math.ceil(self.timeout)),  # PyGithub wants whole seconds
            retry=retry,
            per_page=PAGE,
            lazy=True,
            # PyGithub's defaults (0.25 s between requests, 1 s between writes, and a
            # GraphQL query counts as a write) would make a 10,000-idea sync wait
            # 100 s for nothing.  Reads run back to back: GitHub's limit is on the
            # count, not the pace, of requests, and a sync makes at most a few
            # hundred.  Real writes (labels, comments) keep a pause: GitHub asks
            # for about 1 s between content-creating requests to avoid its
            # secondary rate limit; the read client never writes.
            seconds_between_requests=None,
            seconds_between_writes=(self.write_pause or None) if write else None,
        )
        # Count every HTTP request PyGithub starts (NEW_DEBUG_FRAME runs once per
        # request, before it is sent); retries are counted by ``_Retry``.
        requester = gh.requester

        def count(_headers: Any) -> None:
            self.requests += 1

        requester.NEW_DEBUG_FRAME = count
        return gh

    # --- the plumbing: one GraphQL query, retried -------------------------------

    def graphql(self, query: str, variables: dict[str, Any], *, allow_missing: bool = False):
        """Run one query; retry faults; return ``data``.

        ``allow_missing``: NOT_FOUND errors on issue aliases are answers (the issue
        is gone), not faults.
        """
        requester = self._gh.requester
        body = {"query": query, "variables": {"owner": self.owner, "name": self.name, **variables}}
        problem = ""
        attempts = _Attempts(self)
        for _ in attempts:
            try:
                # Not ``requester.graphql_query``: it raises on any ``errors`` and
                # throws away the data of a partial answer, which we need to tell a
                # missing issue (NOT_FOUND) from a fault.
                headers, data = requester.requestJsonAndCheck(
                    "POST", requester.graphql_url, input=body
                )
            except requests.exceptions.RequestException as exc:
                raise self._error(exc) from None
            except ValueError:
                problem = "GitHub sent a truncated or malformed response"
                continue
            except GithubException as exc:
                wait = self._primary_wait(exc)
                if wait is None:
                    raise self._error(exc) from None
                attempts.wait_out(wait)
                problem = "GitHub's rate limit was reached"
                continue
            except Exception as exc:
                raise self._error(exc) from None
            if not isinstance(data, dict):
                problem = "GitHub sent a response that is not a JSON object"
                continue
            errors = data.get("errors") or []
            limited = [e for e in errors if e.get("type") == "RATE_LIMITED"]
            if limited:
                attempts.wait_out(self._reset_wait(headers))
                problem = "GitHub's GraphQL rate limit was reached"
                continue
            found = data.get("data") or {}
            if not isinstance(found, dict) or not isinstance(errors, list):
                problem = "GitHub sent a response that is not GraphQL"
                continue
            if found.get("repository") is None and any(map(_repo_not_found, errors)):
                raise self._not_found()
            faults = [e for e in errors if not (allow_missing and e.get("type") == "NOT_FOUND")]
            if faults:
                problem = f"GitHub answered with errors: {str(faults[0].get('message'))[:200]}"
                continue
            if not isinstance(found.get("repository"), dict):
                problem = "GitHub sent an answer without the repository's data"
                continue
            self._note_rate(found.get("rateLimit"))
            return found
        raise GitHubError(
            scrub(f"{problem} {self.attempts} times in a row; try again later.", self._token)
        )

    def _note_rate(self, rate: Any) -> None:
        # No rateLimit, or not the shape GitHub sends: nothing to record.
        with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
            self.rate_limit = RateLimit(
                int(rate["limit"]), int(rate["remaining"]), _time(rate.get("resetAt"))
            )

    def _primary_wait(self, exc: GithubException) -> float | None:
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
            return self._reset_wait(headers)
        if "rate limit" in str(_message(exc)).lower():
            return 60.0  # a secondary limit without Retry-After: GitHub says wait a minute
        return None

    def _reset_wait(self, headers: dict[str, Any]) -> float:
        """Seconds until the rate limit resets: the header, else the last ``rateLimit`` seen."""
        reset = headers.get("x-ratelimit-reset")
        if reset and str(reset).isdigit():
            return max(0.0, int(reset) - time.time()) + 1
        if self.rate_limit and self.rate_limit.reset_at:
            return max(0.0, (self.rate_limit.reset_at - self.clock()).total_seconds()) + 1
        return 60.0

    # --- errors -----------------------------------------------------------------

    def _error(self, exc: BaseException) -> GitHubError:
        """A ``GitHubError`` naming what to fix, for anything PyGithub or requests raised."""
        s = self.settings
        if isinstance(exc, RateLimitExceededExceedsMaxWait):
            return self._limit_error(getattr(exc, "wait", None))
        if isinstance(exc, _WaitTooLong):
            return self._limit_error(exc.wait, secondary=exc.secondary)
        if isinstance(exc, GithubException):
            status = exc.status
            message = _message(exc)
            if status == 401:
                text = (
                    f"GitHub refused the token (401 {message or 'Bad credentials'}): "
                    f"check the token in ${s.token_env} (setting token_env)."
                )
            elif status == 404:
                text = self._not_found().args[0]
            elif status in (403, 429) and "rate limit" in message.lower():
                text = self._limit_error(None).args[0]
            elif status == 403:
                text = (
                    f"GitHub answered 403 {message}".rstrip()
                    + f": the token in ${s.token_env} (setting token_env) lacks a permission "
                    "(sync needs issues: read; feedback needs issues: write)."
                )
            elif status >= 500:
                text = (
                    f"GitHub answered {status} {message}".rstrip()
                    + f" {self.attempts} times in a row at {s.api_url}; try again later."
                )
            else:
                text = f"GitHub answered {status} {message}".rstrip() + f" at {s.api_url}."
            error = GitHubError(scrub(text, self._token))
            error.status = status  # for callers that expect some statuses (404, 410)
            return error
        if isinstance(exc, requests.exceptions.Timeout | requests.exceptions.ConnectionError):
            timed_out = "timed out" in str(exc).lower() or isinstance(
                exc, requests.exceptions.Timeout
            )
            if timed_out:
                text = (
                    f"GitHub did not answer within {self.timeout:g} s, {self.attempts} times "
                    f"in a row, at {s.api_url}; try again later (or check `api_url` in "
                    "mkdocs.yml plugins.ideaboard)."
                )
            else:
                text = (
                    f"Could not connect to GitHub at {s.api_url}: check `api_url` in mkdocs.yml "
                    "plugins.ideaboard (for GitHub Enterprise Server: https://HOST/api/v3)."
                )
            return GitHubError(scrub(text, self._token))
        if isinstance(exc, requests.exceptions.RetryError):
            return GitHubError(
                f"GitHub kept failing, {self.attempts} times in a row, at {s.api_url}; "
                "try again later."
            )
        return GitHubError(
            scrub(f"Talking to GitHub failed: {type(exc).__name__}: {exc}", self._token)
        )

    def _not_found(self) -> GitHubError:
        s = self.settings
        return GitHubError(
            f"GitHub has no repository {s.repo!r} that this token can see (404): check `repo` "
            "in mkdocs.yml plugins.ideaboard (and `api_url` for GitHub Enterprise Server), "
            f"and that the token in ${s.token_env} can read it."
        )

    def _limit_error(self, wait: float | None, *, secondary: bool = False) -> GitHubError:
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

    def _call(self, fn: Callable[[], Any], *, idempotent_write: bool = False) -> Any:
        """Run a REST read or write; retry what PyGithub does not.

        Reads are retried on network errors by PyGithub already; an idempotent
        write (labels, state) is not (see ``_github``), so it is retried here.
        """
        problem: Exception | None = None
        attempts = _Attempts(self)
        for _ in attempts:
            try:
                return fn()
            except GitHubError:
                raise
            except requests.exceptions.RequestException as exc:
                if not idempotent_write:
                    raise self._error(exc) from None
                problem = exc
            except ValueError:
                problem = None  # a cut-off JSON body
            except GithubException as exc:
                wait = self._primary_wait(exc)
                if wait is None and idempotent_write and exc.status >= 500:
                    problem = exc
                    continue
                if wait is None:
                    raise self._error(exc) from None
                attempts.wait_out(wait)
            except Exception as exc:
                raise self._error(exc) from None
        if problem is not None:
            raise self._error(problem)
        raise GitHubError(
            f"GitHub sent a truncated or malformed response {self.attempts} times in a row "
            f"at {self.settings.api_url}; try again later."
        )

    # --- reads: the sync --------------------------------------------------------

    def fetch(
        self,
        previous: Snapshot,
        numbers: Iterable[int] = (),
        *,
        full: bool = False,
        progress: Progress | None = None,
    ) -> Snapshot:
        """What GitHub has now: every issue with the idea label, plus ``numbers``.

        Incremental unless ``full`` (or there is no usable previous snapshot):
        one cheap pass over the counts of all idea issues, then full data only
        for the issues that changed and for ``numbers`` the pass did not list;
        unchanged issues are copied from ``previous``.  The result says
        ``complete=False`` when GitHub fell short (its listing shorter than its
        own count, an issue that vanished mid-sync); the caller then keeps its
        last known data for the issues not returned.
        """
        full = full or previous.synced_at is None or previous.repo != self.settings.repo
        run = _Run(previous, set(numbers), full, progress, self)
        try:
            return self._fetch(run)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # Data not shaped as GitHub documents it.  Its text is not shown: a
            # hostile server could echo the token in it.
            raise GitHubError(
                f"GitHub at {self.settings.api_url} sent data of an unexpected shape "
                f"({type(exc).__name__}); check `api_url` in mkdocs.yml plugins.ideaboard, "
                "or try again later."
            ) from None

    def _fetch(self, run: _Run) -> Snapshot:
        """The steps of ``fetch``: list, fetch by number, page votes, explain what is missing."""
        self._list_issues(run)
        wanted = sorted(run.stale | (run.numbers - run.seen))
        for start in range(0, len(wanted), PAGE):
            self._issues_by_number(run, wanted[start : start + PAGE])
        for number, cursor in sorted(run.more_votes.items()):
            run.issues[number] = self._more_votes(run.issues[number], cursor)
        missing = self._missing(run)
        run.report()
        return Snapshot(
            repo=self.settings.repo,
            synced_at=self.clock().replace(microsecond=0),
            issues=run.issues,
            missing=missing,
            complete=run.complete,
            rate_limit=self.rate_limit,
        )

    def _list_issues(self, run: _Run) -> None:
        """Page through the idea issues: full data on a full sync, else just the counts."""
        cursor = None
        listed = 0
        while True:
            data = self.graphql(
                LIST_FULL if run.full else LIST_CHEAP,
                {"label": self.settings.label, "cursor": cursor},
            )
            connection = data["repository"]["issues"]
            if run.expected is None:
                run.expected = int(connection["totalCount"])
            for node in filter(None, connection["nodes"]):
                number = int(node["number"])
                run.seen.add(number)
                listed += 1
                if run.full:
                    run.issues[number] = self._issue(node, run.more_votes)
                elif _changed(run.previous.issues.get(number), node):
                    run.stale.add(number)
                else:
                    run.issues[number] = run.previous.issues[number]
            run.report()
            page = connection["pageInfo"]
            if not (page["hasNextPage"] and connection["nodes"] and page["endCursor"]):
                break
            if page["endCursor"] == cursor:
                raise GitHubError("GitHub returned the same page of issues twice; try again later.")
            cursor = page["endCursor"]
        if listed < run.expected:
            run.complete = False

    def _issues_by_number(self, run: _Run, batch: list[int]) -> None:
        """Full data for up to 100 issues by number; the ones not found go to ``run.gone``."""
        data = self.graphql(by_number_query(batch), {}, allow_missing=True)
        for number in batch:
            node = data["repository"].get(f"i{number}")
            run.seen.add(number)
            run.stale.discard(number)
            if node is None or not _same_repo(node.get("url", ""), self.settings.repo):
                run.gone.append(number)
            else:
                run.issues[number] = self._issue(node, run.more_votes)
        run.report()

    def _missing(self, run: _Run) -> dict[int, Missing]:
        """Why each issue that could not be fetched is gone (REST knows; GraphQL does not)."""
        missing = {}
        for number in run.gone:
            if number in run.previous.missing and not run.full:
                missing[number] = run.previous.missing[number]  # known gone: don't ask again
            elif number not in run.numbers:
                # Listed a moment ago, gone now: deleted meanwhile, or GitHub faltered.
                # Either way the caller keeps its last known data.
                run.complete = False
            else:
                found = self.issue(number)
                if found.missing is None:
                    run.complete = False  # GraphQL missed an issue REST has: keep the old data
                else:
                    missing[number] = Missing(number, found.missing, found.moved_to)
        return missing

    def _issue(self, node: dict[str, Any], more_votes: dict[int, str]) -> Issue:
        number = int(node["number"])
        votes = node["reactions"]
        if votes["pageInfo"]["hasNextPage"]:
            more_votes[number] = votes["pageInfo"]["endCursor"]
        comments = node["comments"]
        return Issue(
            number=number,
            title=node["title"],
            body=node.get("body") or "",
            url=node["url"],
            state=node["state"].lower(),
            state_reason=_state_reason(node),
            author=_actor(node.get("author")),
            created_at=_time(node["createdAt"]),
            updated_at=_time(node["updatedAt"]),
            closed_at=_time(node.get("closedAt")),
            labels=tuple(sorted(lab["name"] for lab in node["labels"]["nodes"] if lab)),
            locked=bool(node["locked"]),
            comments=int(comments["totalCount"]),
            comment_times=tuple(_time(c["createdAt"]) for c in comments["nodes"] if c),
            reactions=_counts(node["reactionGroups"]),
            voters=tuple(_vote(v) for v in votes["nodes"] if v),
        )

    def _more_votes(self, issue: Issue, cursor: str) -> Issue:
        voters = list(issue.voters)
        while cursor:
            data = self.graphql(VOTERS, {"number": issue.number, "cursor": cursor})
            found = data["repository"]["issue"]
            if found is None:
                break
            votes = found["reactions"]
            voters.extend(_vote(v) for v in votes["nodes"] if v)
            page = votes["pageInfo"]
            cursor = page["endCursor"] if page["hasNextPage"] and votes["nodes"] else None
        return replace(issue, voters=tuple(voters))

    # --- reads and writes: feedback, intake, doctor -----------------------------

    @property
    def repo(self):
        """PyGithub's repository object (on the write client), fetched lazily once."""
        if self._repo is None:
            self._repo = self._gh_write.get_repo(self.settings.repo)
        return self._repo

    def issue(self, number: int) -> RemoteIssue:
        """Issue ``number`` as GitHub has it now.

        Never None: a deleted, transferred or unknown issue (or a pull request)
        comes back with ``missing`` set, and ``moved_to`` for a transferred one.
        """
        requester = self._gh_write.requester
        path = f"/repos/{self.settings.repo}/issues/{int(number)}"
        try:
            _headers, data = self._call(lambda: requester.requestJsonAndCheck("GET", path))
        except GitHubError as exc:
            status = getattr(exc, "status", None)
            if status == 410:
                return RemoteIssue(number, missing="deleted")
            if status == 404:
                if not self._repo_checked:
                    self._check_repo()
                    self._repo_checked = True
                return RemoteIssue(number, missing="not_found")
            raise
        url = data.get("html_url", "")
        moved = not _same_repo(url, self.settings.repo)
        is_pull_request = "pull_request" in data  # REST lists pull requests as issues too
        return RemoteIssue(
            number=number,
            title=data.get("title") or "",
            url=url,
            state=data.get("state", "open"),
            state_reason=data.get("state_reason"),
            labels=tuple(lab["name"] if isinstance(lab, dict) else lab for lab in data["labels"]),
            locked=bool(data.get("locked")),
            is_pull_request=is_pull_request,
            missing="transferred" if moved else ("not_found" if is_pull_request else None),
            moved_to=url if moved else None,
        )

    def _check_repo(self) -> None:
        """Raise the "check `repo`" error if the repository itself is not there."""
        requester = self._gh_write.requester
        self._call(lambda: requester.requestJsonAndCheck("GET", f"/repos/{self.settings.repo}"))

    def comments(self, number: int) -> list[RemoteComment]:
        """Every comment on issue ``number``, oldest first."""

        def read() -> list[RemoteComment]:
            found = self.repo.get_issue(number).get_comments()
            return [
                RemoteComment(
                    id=c.id,
                    body=c.body or "",
                    author=c.user.login if c.user else None,
                    author_type=c.user.type if c.user else "User",
                    created_at=c.created_at,
                    author_association=c.author_association or "NONE",
                )
                for c in found
            ]

        return self._call(read)

    def labels(self) -> dict[str, str]:
        """The repository's labels: name -> colour."""
        return self._call(lambda: {lab.name: lab.color for lab in self.repo.get_labels()})

    def create_label(self, name: str, color: str, description: str = "") -> None:
        """Create a repository label (one that exists already is left alone)."""

        def create() -> None:
            try:
                self.repo.create_label(name, color.lstrip("#"), description)
            except GithubException as exc:
                errors = exc.data.get("errors", []) if isinstance(exc.data, dict) else []
                if exc.status != 422 or not any(
                    isinstance(e, dict) and e.get("code") == "already_exists" for e in errors
                ):
                    raise

        self._call(create, idempotent_write=True)

    def add_labels(self, number: int, names: list[str]) -> None:
        """Add labels to an issue (adding one it has is a no-op on GitHub)."""
        if names:
            self._call(
                lambda: self.repo.get_issue(number).add_to_labels(*names), idempotent_write=True
            )

    def remove_label(self, number: int, name: str) -> None:
        """Remove a label from an issue (one it does not have is fine)."""

        def remove() -> None:
            try:
                self.repo.get_issue(number).remove_from_labels(name)
            except GithubException as exc:
                if exc.status != 404:
                    raise

        self._call(remove, idempotent_write=True)

    def comment(self, number: int, body: str) -> None:
        """Post a comment, once: after a failed attempt, look before posting again.

        (A POST that timed out, or whose answer was cut off, may have gone through.)
        """
        tried = False

        def post() -> None:
            nonlocal tried
            if tried and any(c.body == body for c in self.comments(number)):
                return
            tried = True
            self.repo.get_issue(number).create_comment(body)

        self._call(post, idempotent_write=True)

    def set_state(self, number: int, state: str, reason: str | None = None) -> None:
        """Open or close an issue; ``reason``: completed, not_planned, duplicate or reopened."""
        if state not in ("open", "closed"):
            raise ValueError(f"Expected one of: ['open', 'closed'] but received: {state!r}")
        options: dict[str, Any] = {"state": state}
        if reason:
            options["state_reason"] = reason
        self._call(lambda: self.repo.get_issue(number).edit(**options), idempotent_write=True)


# --- pure helpers --------------------------------------------------------------


def _time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _actor(node: dict[str, Any] | None) -> Actor | None:
    if node is None:
        return None
    kind = node.get("__typename") or "User"
    login = node.get("login")
    if kind == "Bot" and login and not login.endswith("[bot]"):
        login += "[bot]"  # GraphQL drops the suffix REST shows; keep one spelling
    return Actor(login, kind)


def _vote(node: dict[str, Any]) -> Vote:
    return Vote(_actor(node.get("user")) or Actor(None), _time(node["createdAt"]))


def _counts(groups: list[dict[str, Any]] | None) -> dict[str, int]:
    counts = dict.fromkeys(REACTION_NAMES.values(), 0)
    for group in groups or ():
        name = REACTION_NAMES.get(group.get("content", ""))
        if name:
            reactors = group.get("reactors") or group.get("users") or {}
            counts[name] = int(reactors.get("totalCount", 0))
    return counts


def _changed(previous: Issue | None, node: dict[str, Any]) -> bool:
    """Whether the cheap listing shows a change since ``previous`` (None: new issue)."""
    if previous is None:
        return True
    if previous.updated_at != _time(node["updatedAt"]):
        return True
    if previous.comments != int(node["comments"]["totalCount"]):
        return True
    counts = _counts(node["reactionGroups"])
    if any(previous.reactions.get(k, 0) != v for k, v in counts.items()):
        return True
    # A voter list kept from a faulty sync, or cut short: fetch it again.
    return len(previous.voters) != previous.reactions.get("+1", 0)


def _state_reason(node: dict[str, Any]) -> str | None:
    """``completed``/``not_planned``/``duplicate`` for a closed issue; None for an open one."""
    reason = node.get("stateReason")
    return reason.lower() if reason and node["state"] == "CLOSED" else None


def _repo_not_found(error: dict[str, Any]) -> bool:
    """Whether a GraphQL error says the repository itself does not exist."""
    path = error.get("path") or ["repository"]
    return error.get("type") == "NOT_FOUND" and path == ["repository"]


def _message(exc: GithubException) -> Any:
    """The ``message`` of GitHub's error body as sent (not always a string), or ""."""
    return exc.data.get("message", "") if isinstance(exc.data, dict) else ""


def _same_repo(url: str, repo: str) -> bool:
    """Whether an issue's ``url`` is in ``repo`` (a transferred issue's is not)."""
    return f"/{repo.lower()}/issues/" in url.lower()
