"""``GitHubClient``: the board's one way to GitHub, put together from the parts that do the work.

- ``transport``: PyGithub set up for the board, retries, waits, request and point counts;
- ``failures``: whatever went wrong, as a ``GitHubError`` that says what to fix;
- ``queries``: the GraphQL the sync sends, and what it costs;
- ``fetcher`` (with ``budget``): reads into the snapshot, within a points budget;
- ``rest``: issues and comments as they are now, and the writes (labels, comments, state).

Everything it returns is plain data (``generator.model``), never PyGithub's
objects, except ``repo()`` for a caller that needs PyGithub's ``Repository``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable

from github.Repository import Repository

from generator.config import Settings
from generator.github.budget import Budget
from generator.github.fetcher import Fetcher, Progress, Run
from generator.github.rest import Rest
from generator.github.transport import Transport, token_from_env
from generator.model import RateLimit, RemoteComment, RemoteIssue, Snapshot

# ``generator.cli`` imports these two from here, to load PyGithub only when it is needed.
__all__ = ["GitHubClient", "token_from_env"]


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
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.transport = Transport(
            settings,
            token,
            timeout=timeout,
            attempts=attempts,
            backoff=backoff,
            sleep=sleep,
            clock=self.clock,
            write_pause=write_pause,
        )
        self.rest = Rest(self.transport)
        self.budget: Budget | None = None  # the last fetch's

    def __repr__(self) -> str:  # never the token
        return f"GitHubClient(repo={self.settings.repo!r}, api_url={self.settings.api_url!r})"

    @property
    def requests(self) -> int:
        """HTTP requests made so far, retries included."""
        return self.transport.requests

    @property
    def points(self) -> int:
        """GraphQL points spent so far, as GitHub reported them."""
        return self.transport.points

    @property
    def rate_limit(self) -> RateLimit | None:
        """The rate limit GitHub last reported."""
        return self.transport.rate_limit

    def graphql(self, query: str, variables: dict, *, allow_missing: bool = False) -> dict:
        """Run one GraphQL query (retried); its ``data``."""
        return self.transport.graphql(query, variables, allow_missing=allow_missing)

    def fetch(
        self,
        previous: Snapshot,
        numbers: Iterable[int] = (),
        *,
        full: bool = False,
        progress: Progress | None = None,
        hot: Iterable[int] = (),
    ) -> Snapshot:
        """What GitHub has now: the idea issues and ``numbers``, within ``sync.budget``.

        Incremental unless ``full`` (or there is no usable previous snapshot, or
        a full sync is still under way): see ``generator.github.fetcher``.
        ``hot`` are issues to check on every run beyond the open ones.  The
        result says ``complete=False`` when GitHub fell short, or a full sync
        has not finished; the caller then keeps its last known data for the
        issues not returned.
        """
        resuming = "full" in previous.cursors and not full
        fresh = previous.synced_at is None or previous.repo != self.settings.repo
        if fresh:
            previous = Snapshot.empty(self.settings.repo)
        if full or fresh:
            # Start over (no cursors); the issues known stay, for the ideas checked every run
            # while a full sync too big for one run goes on (the full listing replaces them).
            previous = Snapshot(
                previous.repo, previous.synced_at, previous.issues, rate_limit=previous.rate_limit
            )
        run = Run(
            previous,
            set(numbers),
            set(hot),
            full or fresh or resuming,
            self.clock().replace(microsecond=0),
        )
        self.budget = Budget(self.settings.sync.budget)
        fetcher = Fetcher(self.transport, self.budget, progress, self.rest.issue)
        try:
            return fetcher.fetch(run)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # Data not shaped as GitHub documents it.  Its text is not shown: a
            # hostile server could echo the token in it.
            raise self.transport.failures.error(
                f"GitHub at {self.settings.api_url} sent data of an unexpected shape "
                f"({type(exc).__name__}); check `api_url` in mkdocs.yml plugins.ideaboard, "
                "or try again later."
            ) from None

    # --- REST: feedback, intake, doctor ---------------------------------------------

    def repo(self) -> Repository:
        """PyGithub's repository object (on the write client), fetched lazily once."""
        return self.rest.repo()

    def issue(self, number: int) -> RemoteIssue:
        """Issue ``number`` as GitHub has it now (``missing`` set when it is gone)."""
        return self.rest.issue(number)

    def comments(self, number: int) -> list[RemoteComment]:
        """Every comment on issue ``number``, oldest first."""
        return self.rest.comments(number)

    def labels(self) -> dict[str, str]:
        """The repository's labels: name -> colour."""
        return self.rest.labels()

    def create_label(self, name: str, color: str, description: str = "") -> None:
        """Create a repository label (one that exists already is left alone)."""
        self.rest.create_label(name, color, description)

    def add_labels(self, number: int, names: list[str]) -> None:
        """Add labels to an issue (adding one it has is a no-op on GitHub)."""
        self.rest.add_labels(number, names)

    def remove_label(self, number: int, name: str) -> None:
        """Remove a label from an issue (one it does not have is fine)."""
        self.rest.remove_label(number, name)

    def comment(self, number: int, body: str) -> None:
        """Post a comment, once (after a failed attempt, look before posting again)."""
        self.rest.comment(number, body)

    def set_state(self, number: int, state: str, reason: str | None = None) -> None:
        """Open or close an issue; ``reason``: completed, not_planned, duplicate or reopened."""
        self.rest.set_state(number, state, reason)
