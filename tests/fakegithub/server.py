"""The fake GitHub HTTP server: routing, auth, request counting, the write journal, faults."""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fakegithub import graphql_api, rest, settings
from tests.fakegithub.state import ASSOCIATIONS, EPOCH, Comment, Issue, Reaction, Repo, generate

FAULTS = (
    "timeout",  # sleep `delay` seconds before answering (longer than the client's timeout)
    "5xx",  # HTTP `status` (default 502) with an error body
    "truncated",  # a 200 whose JSON body is cut in half
    "partial",  # GraphQL: HTTP 200 with `data` (repository null) and `errors`
    "rate_limited",  # GraphQL: HTTP 200 with errors[].type == "RATE_LIMITED"
    "primary",  # 403 (or `status=429`) "API rate limit exceeded", x-ratelimit-remaining: 0
    "secondary",  # 403 (or `status=429`) secondary rate limit with Retry-After: `retry_after`
    "short",  # GraphQL: a 200 that silently leaves things out (last listed issue, half the 👍)
    "401",  # Bad credentials
    "404",  # Not Found
)


@dataclass
class Fault:
    kind: str
    count: int
    path: str | None = None
    status: int | None = None
    delay: float = 2.0
    retry_after: int = 1
    reset_in: int = 1

    def matches(self, method: str, path: str) -> bool:
        return self.path is None or self.path in path or self.path == method


class FakeGitHub:
    """A GitHub stand-in over real HTTP on 127.0.0.1 (see the package docstring).

    Whoever holds the token (the account the API's writes are made as) is, by
    default, the GitHub App bot ``ideaboard-bot[bot]`` with ``author_association``
    ``NONE``: what a workflow's ``GITHUB_TOKEN`` looks like (``github-actions[bot]``
    is a ``Bot`` with no association to the repository).  ``token_login="maintainer",
    token_user_type="User", token_association="OWNER"`` makes it a maintainer's
    personal token instead.
    """

    def __init__(
        self,
        repo: str = "lumen-notes/lumen",
        token: str | None = None,
        *,
        now: dt.datetime | None = None,
        keep_responses: bool = False,
        token_login: str = "ideaboard-bot",
        token_user_type: str = "Bot",
        token_association: str = "NONE",
        fast: bool = False,
    ) -> None:
        owner, name = repo.split("/")
        if token_association not in ASSOCIATIONS:
            raise ValueError(
                f"Expected one of: {list(ASSOCIATIONS)} but received: {token_association!r}"
            )
        self.repo = Repo(owner, name)
        self.token = token
        self.token_login = token_login
        self.token_user_type = token_user_type
        self.token_association = token_association
        self.now = now or EPOCH + dt.timedelta(days=330)
        self.web_url = "https://github.com"
        self.rate_limit = 5000  # REST (core)
        self.rate_remaining = 5000
        # GraphQL has its own points, charged by GitHub's formula (see cost.py).
        self.graphql_limit = 5000
        self.graphql_remaining = 5000
        self.points_spent = 0
        self.costs: list[int] = []  # the points of each GraphQL query, in order
        self.last_cost = self.last_nodes = 0
        # For benchmarks: the lean executor (executor.py) and HTTP/1.1 keep-alive.
        self.fast = fast
        self.version = 0  # bumped by every change, so cached listings are rebuilt
        self.listings: dict[Any, list[Issue]] = {}
        self.rate_reset_at = self.now + dt.timedelta(hours=1)
        self.requests = 0
        self.counts: Counter[str] = Counter()
        self.log: list[tuple[str, str]] = []
        self.writes: list[tuple[str, str, Any]] = []
        self.invalid_queries: list[tuple[str, list[str]]] = []
        self.queries: list[tuple[str, dict[str, Any]]] = []
        self.keep_responses = keep_responses
        self.responses: list[tuple[str, str, int, Any]] = []
        self.faults: list[Fault] = []
        self.lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._number = 0

    # --- lifecycle -----------------------------------------------------------

    def start(self) -> FakeGitHub:
        protocol = "HTTP/1.1" if self.fast else "HTTP/1.0"
        handler = type("Handler", (_Handler,), {"fake": self, "protocol_version": protocol})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeGitHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def api_url(self) -> str:
        """The base URL to give PyGithub / ``settings.api_url``: ``http://127.0.0.1:PORT``."""
        assert self._server is not None, "start the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # --- data ----------------------------------------------------------------

    def add_issue(
        self,
        number: int | None = None,
        title: str | None = None,
        *,
        author: str | None = "alice",
        author_type: str = "User",
        labels: tuple[str, ...] | list[str] = ("idea",),
        state: str = "open",
        state_reason: str | None = None,
        locked: bool = False,
        body: str = "",
        created_at: dt.datetime | None = None,
        updated_at: dt.datetime | None = None,
        pull_request: bool = False,
    ) -> Issue:
        """Add an issue (or a pull request); the number defaults to the next free one."""
        with self.lock:
            self.version += 1
            number = number or max(self.repo.issues, default=0) + 1
            created = created_at or EPOCH + dt.timedelta(hours=number)
            issue = Issue(
                number=number,
                title=title or f"Issue {number}",
                user=self.repo.user(author, author_type),
                created_at=created,
                updated_at=updated_at or created,
                body=body,
                state=state,
                state_reason=state_reason,
                closed_at=(updated_at or created) if state == "closed" else None,
                labels=list(labels),
                locked=locked,
                pull_request=pull_request,
            )
            for name in labels:
                self.repo.label(name)
            self.repo.issues[number] = issue
            return issue

    def react(
        self,
        number: int,
        login: str | None,
        content: str = "+1",
        *,
        at: dt.datetime | None = None,
        user_type: str = "User",
    ) -> Reaction:
        """Add a reaction (``login=None``: a deleted account). Leaves ``updated_at`` alone,
        as GitHub does."""
        with self.lock:
            self.version += 1
            issue = self.repo.issues[number]
            at = at or issue.created_at + dt.timedelta(minutes=len(issue.reactions) + 1)
            reaction = Reaction(self.repo.new_id(), content, self.repo.user(login, user_type), at)
            issue.reactions.append(reaction)
            return reaction

    def unreact(self, number: int, login: str | None, content: str = "+1") -> None:
        """Remove one reaction of ``login`` (the first, for ``None``)."""
        with self.lock:
            self.version += 1
            issue = self.repo.issues[number]
            for reaction in issue.reactions:
                who = reaction.user.login if reaction.user else None
                if reaction.content == content and (
                    who == login or (login and who == f"{login}[bot]")
                ):
                    issue.reactions.remove(reaction)
                    return
            raise KeyError(f"no {content} from {login} on #{number}")

    def add_comment(
        self,
        number: int,
        login: str | None,
        body: str = "Me too",
        *,
        at: dt.datetime | None = None,
        association: str = "NONE",
        user_type: str = "User",
    ) -> Comment:
        """Add a comment; like GitHub, it bumps the issue's ``updated_at``.

        ``association`` is the author's ``author_association`` (``OWNER``, ``MEMBER``,
        ``COLLABORATOR``, ``CONTRIBUTOR``, ``NONE``, ...); ``user_type="Bot"`` makes the
        author an app bot (login ``name[bot]``).
        """
        if association not in ASSOCIATIONS:
            raise ValueError(f"Expected one of: {list(ASSOCIATIONS)} but received: {association!r}")
        with self.lock:
            self.version += 1
            issue = self.repo.issues[number]
            at = at or issue.updated_at + dt.timedelta(minutes=1)
            author = self.repo.user(login, user_type)
            comment = Comment(self.repo.new_id(), author, body, at, at, association)
            issue.comments.append(comment)
            issue.updated_at = max(issue.updated_at, at)
            return comment

    def delete_issue(self, number: int) -> None:
        """Delete an issue: REST answers 410, GraphQL NOT_FOUND."""
        with self.lock:
            self.version += 1
            self.repo.issues[number].deleted = True

    def transfer_issue(self, number: int, to: str = "lumen-notes/elsewhere", new: int = 1) -> None:
        """Transfer an issue: REST answers 301 to the issue's new home."""
        with self.lock:
            self.version += 1
            self.repo.issues[number].moved_to = (to, new)

    def add_label(self, name: str, color: str = "ededed", description: str | None = None) -> None:
        with self.lock:
            self.version += 1
            self.repo.label(name, color, description)

    def generate(self, count: int, **options: Any) -> list[Issue]:
        """Add ``count`` seeded random idea issues (see ``state.generate`` for options)."""
        with self.lock:
            self.version += 1
            return generate(self.repo, count, **options)

    def issue(self, number: int) -> Issue:
        """Issue ``number``, to read or to change (listings are rebuilt after this)."""
        self.changed()
        return self.repo.issues[number]

    def changed(self) -> None:
        """Say the data changed (the data methods here say it themselves)."""
        with self.lock:
            self.version += 1

    def reset_rate(self) -> None:
        """A new rate-limit hour: every GraphQL point and REST request is back."""
        with self.lock:
            self.graphql_remaining = self.graphql_limit
            self.rate_remaining = self.rate_limit

    # --- faults --------------------------------------------------------------

    def fail_next(self, kind: str, count: int = 1, path: str | None = None, **options: Any) -> None:
        """Make the next ``count`` requests whose path contains ``path`` fail with ``kind``.

        Kinds: see ``FAULTS``. Options: ``status`` (5xx code, or 429 for rate limits),
        ``delay`` (timeout sleep, s), ``retry_after`` (s), ``reset_in`` (primary reset, s).
        """
        if kind not in FAULTS:
            raise ValueError(f"Expected one of: {list(FAULTS)} but received: {kind!r}")
        with self.lock:
            self.faults.append(Fault(kind, count, path, **options))

    def reset_counts(self) -> None:
        """Forget the requests counted so far (not the writes journal)."""
        with self.lock:
            self.requests = 0
            self.counts.clear()
            self.log.clear()

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.count > 0 and fault.matches(method, path):
                    fault.count -= 1
                    if fault.count == 0:
                        self.faults.remove(fault)
                    return fault
        return None


_ROUTES: list[tuple[str, str, re.Pattern[str]]] = [
    (method, template, re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$"))
    for method, template in [
        ("POST", "/graphql"),
        ("GET", "/rate_limit"),
        ("GET", "/repos/{owner}/{repo}"),
        ("GET", "/repos/{owner}/{repo}/issues"),
        ("GET", "/repos/{owner}/{repo}/issues/{issue_number}"),
        ("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}"),
        ("GET", "/repositories/{repository_id}/issues/{issue_number}"),
        ("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
        ("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
        ("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels"),
        ("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"),
        ("GET", "/repos/{owner}/{repo}/issues/{issue_number}/reactions"),
        ("GET", "/repos/{owner}/{repo}/labels"),
        ("POST", "/repos/{owner}/{repo}/labels"),
        *settings.ROUTES,  # doctor --setup: tests/fakegithub/settings.py
    ]
]


class _Reply(Exception):
    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status, self.body, self.headers = status, body, headers or {}


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGitHub
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm
        # and delayed ACKs add ~40 ms to every keep-alive request.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def do_DELETE(self) -> None:
        self._handle("DELETE")

    # --- plumbing ------------------------------------------------------------

    def _handle(self, method: str) -> None:
        fake = self.fake
        url = urllib.parse.urlsplit(self.path)
        path = url.path.removeprefix("/api/v3") if url.path.startswith("/api/") else url.path
        if path == "/api/graphql":
            path = "/graphql"
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = None
        with fake.lock:
            fake.requests += 1
            fake.counts["graphql" if path == "/graphql" else "rest"] += 1
            fake.log.append((method, self.path))
            if path != "/graphql":
                fake.rate_remaining = max(0, fake.rate_remaining - 1)
            if method != "GET" and path != "/graphql":  # a REST write may change a listing
                fake.version += 1
        template = "?"
        try:
            template, params = self._route(method, path)
            fake.counts[f"{method} {template}"] += 1
            self._check_auth()
            fault = fake._take_fault(method, path)
            if fault is not None:
                self._fault(fault, method, template, params, payload)
                return
            with fake.lock:
                status, body, headers = self._dispatch(method, template, params, url, payload)
        except _Reply as reply:
            status, body, headers = reply.status, reply.body, reply.headers
        except Exception as exc:  # a bug in the fake: answer 500 and keep it visible
            with fake.lock:
                fake.invalid_queries.append(("<server error>", [repr(exc)]))
            status, body, headers = 500, rest.error(f"fake GitHub crashed: {exc!r}", 500), {}
        if fake.keep_responses and template != "/graphql":
            fake.responses.append((method, template, status, body))
        self._send(status, body, headers)

    def _route(self, method: str, path: str) -> tuple[str, dict[str, str]]:
        known = False
        for verb, template, pattern in _ROUTES:
            match = pattern.match(path)
            if match:
                known = True
                if verb == method:
                    params = match.groupdict().items()
                    return template, {k: urllib.parse.unquote(v) for k, v in params}
        raise _Reply(405 if known else 404, rest.error("Not Found", 404))

    def _check_auth(self) -> None:
        token = self.fake.token
        if token is None:
            return
        given = self.headers.get("Authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() not in {"token", "bearer"} or value != token:
            raise _Reply(401, rest.error("Bad credentials", 401))

    def _rate_headers(self) -> dict[str, str]:
        fake = self.fake
        return {
            "x-ratelimit-limit": str(fake.rate_limit),
            "x-ratelimit-remaining": str(fake.rate_remaining),
            "x-ratelimit-used": str(fake.rate_limit - fake.rate_remaining),
            "x-ratelimit-reset": str(int(fake.rate_reset_at.timestamp())),
            "x-ratelimit-resource": "core",
        }

    def _send(self, status: int, body: Any, headers: dict[str, str], raw: bytes | None = None):
        data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            all_headers = {**self._rate_headers(), **headers}
            for key, value in all_headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    # --- faults --------------------------------------------------------------

    def _fault(self, fault: Fault, method: str, template: str, params: dict, payload: Any) -> None:
        kind = fault.kind
        if kind == "timeout":
            time.sleep(fault.delay)
            self.close_connection = True
            self._send(504, rest.error("Gateway Timeout", 504), {})
        elif kind == "5xx":
            status = fault.status or 502
            self._send(status, {"message": "Server Error"}, {})
        elif kind == "truncated":
            with self.fake.lock:
                url = urllib.parse.urlsplit(self.path)
                _status, body, headers = self._dispatch(method, template, params, url, payload)
            text = json.dumps(body).encode()
            self._send(200, None, headers, raw=text[: max(1, len(text) // 2)])
        elif kind == "short":
            with self.fake.lock:
                url = urllib.parse.urlsplit(self.path)
                _status, body, headers = self._dispatch(method, template, params, url, payload)
            _shorten(body)
            self._send(200, body, headers)
        elif kind == "partial":
            self._send(
                200,
                {
                    "data": {"repository": None},
                    "errors": [
                        {
                            "message": "Something went wrong while executing your query. "
                            "This may be the result of a timeout, or it could be a GitHub bug.",
                            "path": ["repository"],
                            "locations": [{"line": 1, "column": 1}],
                        }
                    ],
                },
                {},
            )
        elif kind == "rate_limited":
            reset = str(int(time.time()) + fault.reset_in)
            self._send(
                200,
                {
                    "errors": [
                        {
                            "type": "RATE_LIMITED",
                            "message": "API rate limit exceeded for user ID 1.",
                        }
                    ]
                },
                {"x-ratelimit-remaining": "0", "x-ratelimit-reset": reset},
            )
        elif kind == "primary":
            reset = str(int(time.time()) + fault.reset_in)
            self._send(
                fault.status or 403,
                rest.error("API rate limit exceeded for user ID 1.", fault.status or 403),
                {"x-ratelimit-remaining": "0", "x-ratelimit-reset": reset},
            )
        elif kind == "secondary":
            self._send(
                fault.status or 403,
                rest.error(
                    "You have exceeded a secondary rate limit. Please wait a few minutes "
                    "before you try again.",
                    fault.status or 403,
                ),
                {"Retry-After": str(fault.retry_after)},
            )
        elif kind == "401":
            self._send(401, rest.error("Bad credentials", 401), {})
        elif kind == "404":
            self._send(404, rest.error("Not Found", 404), {})

    # --- endpoints -----------------------------------------------------------

    def _dispatch(self, method, template, params, url, payload):
        fake = self.fake
        repo = fake.repo
        api, web = fake.api_url, fake.web_url
        query = dict(urllib.parse.parse_qsl(url.query))
        if template == "/graphql":
            if not isinstance(payload, dict) or "query" not in payload:
                return 400, rest.error("Problems parsing JSON", 400), {}
            fake.queries.append((payload["query"], payload.get("variables") or {}))
            body, problems = graphql_api.run(fake, payload["query"], payload.get("variables"))
            if problems:
                fake.invalid_queries.append((payload["query"], problems))
            return 200, body, {}
        if template == "/rate_limit":
            reset = int(fake.rate_reset_at.timestamp())
            core = (fake.rate_limit, fake.rate_remaining)
            graphql = (fake.graphql_limit, fake.graphql_remaining)
            return 200, rest.rate_limit(core, graphql, reset), {}
        if "owner" in params and (params["owner"].lower(), params["repo"].lower()) != (
            repo.owner.lower(),
            repo.name.lower(),
        ):
            return 404, rest.error("Not Found", 404), {}
        if (found := settings.answer(fake, method, template, params)) is not None:
            return found
        if template == "/repos/{owner}/{repo}":
            owner = repo.user(repo.owner, "Organization")
            return 200, rest.repository(api, web, repo, owner), {}
        if template == "/repos/{owner}/{repo}/issues":
            return self._list_issues(query)
        if template == "/repositories/{repository_id}/issues/{issue_number}":
            number = int(params["issue_number"])
            for item in repo.issues.values():
                if item.moved_to and item.moved_to[1] == number:
                    moved = Issue(**{**item.__dict__, "number": number, "moved_to": None})
                    return 200, rest.issue(api, web, repo, moved, item.moved_to[0]), {}
            return 404, rest.error("Not Found", 404), {}
        if template == "/repos/{owner}/{repo}/labels":
            if method == "GET":
                items = [rest.label(api, repo, lab) for lab in repo.labels.values()]
                return self._page(items, query)
            return self._create_label(payload)
        issue = self._issue(params)
        number = issue.number
        if template == "/repos/{owner}/{repo}/issues/{issue_number}":
            if method == "PATCH":
                return self._edit_issue(issue, payload)
            return 200, rest.issue(api, web, repo, issue), {}
        if template.endswith("/reactions"):
            items = [
                rest.reaction(api, web, r)
                for r in sorted(issue.reactions, key=lambda r: (r.created_at, r.id))
                if query.get("content") in (None, r.content)
            ]
            return self._page(items, query)
        if template.endswith("/comments"):
            if method == "GET":
                items = [rest.comment(api, web, repo, number, c) for c in issue.comments]
                return self._page(items, query)
            body = payload.get("body") if isinstance(payload, dict) else None
            if not isinstance(body, str) or not body:
                return 422, rest.error("Validation Failed", 422), {}
            fake.writes.append((method, url.path, payload))
            at = fake.now
            author = repo.user(fake.token_login, fake.token_user_type)
            made = Comment(repo.new_id(), author, body, at, at, fake.token_association)
            issue.comments.append(made)
            issue.updated_at = max(issue.updated_at, at)
            return 201, rest.comment(api, web, repo, number, made), {}
        if template.endswith("/labels"):
            names = payload.get("labels") if isinstance(payload, dict) else payload
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                return 422, rest.error("Validation Failed", 422), {}
            fake.writes.append((method, url.path, payload))
            for name in names:
                made_label = repo.label(name)
                if made_label.name not in issue.labels:
                    issue.labels.append(made_label.name)
            issue.updated_at = max(issue.updated_at, fake.now)
            return 200, [rest.label(api, repo, repo.label(n)) for n in issue.labels], {}
        if template.endswith("/labels/{name}"):
            name = params["name"]
            if name not in issue.labels:
                return 404, rest.error("Label does not exist", 404), {}
            fake.writes.append((method, url.path, payload))
            issue.labels.remove(name)
            issue.updated_at = max(issue.updated_at, fake.now)
            return 200, [rest.label(api, repo, repo.label(n)) for n in issue.labels], {}
        return 404, rest.error("Not Found", 404), {}

    def _issue(self, params: dict[str, str]) -> Issue:
        fake = self.fake
        try:
            issue = fake.repo.issues[int(params["issue_number"])]
        except (KeyError, ValueError):
            raise _Reply(404, rest.error("Not Found", 404)) from None
        if issue.deleted:
            raise _Reply(410, rest.error("This issue was deleted", 410))
        if issue.moved_to:
            location = f"{fake.api_url}/repositories/42/issues/{issue.moved_to[1]}"
            raise _Reply(
                301,
                {**rest.error("Moved Permanently", 301), "url": location},
                {"Location": location},
            )
        return issue

    def _list_issues(self, query: dict[str, str]):
        fake = self.fake
        repo = fake.repo
        state = query.get("state", "open")
        items = [i for i in repo.issues.values() if not (i.deleted or i.moved_to)]
        if state != "all":
            items = [i for i in items if i.state == state]
        if query.get("labels"):  # REST: every label given
            wanted = {n.strip().lower() for n in query["labels"].split(",")}
            items = [i for i in items if wanted <= {n.lower() for n in i.labels}]
        reverse = query.get("direction", "desc") == "desc"
        key = "updated_at" if query.get("sort") == "updated" else "created_at"
        items.sort(key=lambda i: (getattr(i, key), i.number), reverse=reverse)
        return self._page([rest.issue(fake.api_url, fake.web_url, repo, i) for i in items], query)

    def _page(self, items: list[Any], query: dict[str, str]):
        per_page = min(int(query.get("per_page", 30)), 100)
        page = max(int(query.get("page", 1)), 1)
        last = max(1, -(-len(items) // per_page))
        chunk = items[(page - 1) * per_page : page * per_page]
        headers = {}
        links = []
        base = f"{self.fake.api_url}{urllib.parse.urlsplit(self.path).path}"
        for rel, number in (("next", page + 1), ("last", last)):
            if page < last:
                q = urllib.parse.urlencode({**query, "per_page": per_page, "page": number})
                links.append(f'<{base}?{q}>; rel="{rel}"')
        if links:
            headers["Link"] = ", ".join(links)
        return 200, chunk, headers

    def _create_label(self, payload: Any):
        fake = self.fake
        if not isinstance(payload, dict) or not isinstance(payload.get("name"), str):
            return 422, rest.error("Validation Failed", 422), {}
        name = payload["name"]
        if any(lab.name.lower() == name.lower() for lab in fake.repo.labels.values()):
            body = {
                "message": "Validation Failed",
                "errors": [{"resource": "Label", "code": "already_exists", "field": "name"}],
                "documentation_url": rest.DOCS,
                "status": "422",
            }
            return 422, body, {}
        fake.writes.append(("POST", urllib.parse.urlsplit(self.path).path, payload))
        made = fake.repo.label(name, payload.get("color", "ededed"), payload.get("description"))
        return 201, rest.label(fake.api_url, fake.repo, made), {}

    def _edit_issue(self, issue: Issue, payload: Any):
        fake = self.fake
        if not isinstance(payload, dict):
            return 422, rest.error("Validation Failed", 422), {}
        fake.writes.append(("PATCH", urllib.parse.urlsplit(self.path).path, payload))
        if "state" in payload:
            if payload["state"] not in ("open", "closed"):
                return 422, rest.error("Validation Failed", 422), {}
            was = issue.state
            issue.state = payload["state"]
            if issue.state == "closed":
                issue.state_reason = payload.get("state_reason") or "completed"
                if was != "closed":
                    issue.closed_at = fake.now
            else:
                issue.state_reason = "reopened" if was == "closed" else payload.get("state_reason")
                issue.closed_at = None
        elif "state_reason" in payload:
            issue.state_reason = payload["state_reason"]
        for key in ("title", "body"):
            if key in payload:
                setattr(issue, key, payload[key])
        if "labels" in payload:
            issue.labels = [fake.repo.label(name).name for name in payload["labels"]]
        issue.updated_at = max(issue.updated_at, fake.now)
        return 200, rest.issue(fake.api_url, fake.web_url, fake.repo, issue), {}


def _shorten(node: Any) -> None:
    """The "short" fault: drop the last issue of a listing and half of every 👍 list."""
    if isinstance(node, list):
        for item in node:
            _shorten(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("issues", "reactions") and isinstance(value, dict) and value.get("nodes"):
                keep = len(value["nodes"]) - 1 if key == "issues" else len(value["nodes"]) // 2
                value["nodes"] = value["nodes"][:keep]
                value.get("pageInfo", {})["hasNextPage"] = False
            _shorten(value)
