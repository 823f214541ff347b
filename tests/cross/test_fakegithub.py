"""The fake GitHub itself: REST shapes follow GitHub's OpenAPI, GraphQL follows its schema."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime

import graphql
import jsonschema
import pytest
import requests

from generator.github import GitHubClient, queries
from generator.model.snapshot import Snapshot
from tests.fakegithub import FAULTS, TOKEN, FakeGitHub, fake_settings, graphql_api
from tests.fakegithub import settings as fake_repo_settings
from tests.fakegithub.cost import cost
from tests.fakegithub.graphql_api import SCHEMA_PATH, check, schema, undeprecated
from tests.fakegithub.state import ASSOCIATIONS
from tests.paths import DATA

SPEC = json.loads((DATA / "github" / "openapi.json").read_text(encoding="utf-8"))
AUTH = {"Authorization": f"token {TOKEN}"}


def _json_schema(node):
    """OpenAPI 3.0's schema dialect as JSON Schema: ``nullable: true`` becomes a null branch."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {
        key: _json_schema(value)
        for key, value in node.items()
        if key not in {"nullable", "example", "examples", "x-github-breaking-changes"}
    }
    return {"anyOf": [out, {"type": "null"}]} if node.get("nullable") else out


COMPONENTS = _json_schema(SPEC["components"])


def response_schema(method: str, template: str, status: int):
    """The JSON Schema GitHub documents for this response, or None (no body)."""
    responses = SPEC["paths"][template][method.lower()]["responses"]
    response = responses.get(str(status))
    assert response is not None, f"{method} {template} never answers {status} on GitHub"
    if "$ref" in response:
        name = response["$ref"].rsplit("/", 1)[1]
        response = SPEC["components"]["responses"][name]
    content = response.get("content", {}).get("application/json")
    if content is None:
        return None
    return {**_json_schema(content["schema"]), "components": COMPONENTS}


def test_every_rest_response_matches_the_openapi_description(tmp_path):
    with FakeGitHub(token=TOKEN, keep_responses=True) as fake:
        fake.add_issue(1, "Idea", labels=["idea", "ui"])
        fake.react(1, "bob")
        fake.react(1, "dependabot", user_type="Bot")
        fake.react(1, None)
        fake.add_comment(1, "carol", "Hi")
        fake.add_comment(1, None, "From a deleted account")
        fake.add_comment(1, "olivia", "Planned!", association="OWNER")
        fake.add_comment(1, "github-actions", "Built", user_type="Bot")
        fake.add_issue(2, "A pull request", pull_request=True)
        fake.add_issue(3, "Closed", state="closed", state_reason="not_planned", locked=True)
        fake.add_issue(4, "Deleted")
        fake.delete_issue(4)
        fake.add_issue(5, "Moved")
        fake.transfer_issue(5)
        client = GitHubClient(
            fake_settings(fake, tmp_path), TOKEN, sleep=lambda s: None, write_pause=0
        )
        client.fetch(Snapshot.empty(), {4, 5, 6}, full=True)
        client.issue(1)
        client.comments(1)
        client.labels()
        client.create_label("status: planned", "0e8a16", "Planned")
        client.create_label("status: planned", "0e8a16", "Planned")  # 422 already_exists
        client.add_labels(1, ["status: planned"])
        client.remove_label(1, "ui")
        client.remove_label(1, "ui")  # 404
        client.comment(1, "Planned")
        client.set_state(3, "open")
        api = fake.api_url
        for path in [
            "/repos/lumen-notes/lumen/issues?state=all&per_page=2",
            "/repos/lumen-notes/lumen/issues?state=all&per_page=2&page=2",
            "/repos/lumen-notes/lumen/issues/1/reactions?content=%2B1",
            "/repos/lumen-notes/lumen/issues/404",
            "/rate_limit",
            # doctor --setup (tests/fakegithub/settings.py): set up, then not
            "/repos/lumen-notes/lumen/pages",
            "/repos/lumen-notes/lumen/actions/permissions/workflow",
            "/repos/lumen-notes/lumen/labels/idea",
            "/repos/lumen-notes/lumen/labels/nope",
        ]:
            requests.get(api + path, headers=AUTH, timeout=5, allow_redirects=False)
        fake_repo_settings.of(fake).pages = None
        requests.get(api + "/repos/lumen-notes/lumen/pages", headers=AUTH, timeout=5)

        checked = set()
        for method, template, status, body in fake.responses:
            if template.startswith("/repositories/"):  # where a 301 points: an issue
                template = "/repos/{owner}/{repo}/issues/{issue_number}"
            schema = response_schema(method, template, status)
            if schema is not None:
                jsonschema.Draft4Validator(schema).validate(body)
            if template.endswith("/comments") and status < 300:
                # Required by GitHub's full description (the trimmed copy leaves it optional).
                for item in body if isinstance(body, list) else [body]:
                    assert item["author_association"] in ASSOCIATIONS
            checked.add((method, template))

    operations = {(m.upper(), p) for p, ops in SPEC["paths"].items() for m in ops}
    assert checked == operations


def test_issues_list_pages_with_link_headers_and_lists_pull_requests(fake_github):
    fake_github.generate(5)
    fake_github.add_issue(6, "PR", pull_request=True)
    url = f"{fake_github.api_url}/repos/lumen-notes/lumen/issues?state=all&per_page=4"
    first = requests.get(url, headers=AUTH, timeout=5)
    second = requests.get(first.links["next"]["url"], headers=AUTH, timeout=5)
    numbers = [i["number"] for i in first.json() + second.json()]
    assert numbers == [6, 5, 4, 3, 2, 1]
    assert "pull_request" in first.json()[0]
    assert "next" not in second.links


def test_graphql_labels_mean_any_and_rest_labels_mean_all(fake_github):
    fake_github.add_issue(1, labels=["idea"])
    fake_github.add_issue(2, labels=["idea", "ui"])
    fake_github.add_issue(3, labels=["ui"])
    query = (
        '{ repository(owner: "lumen-notes", name: "lumen") { '
        'issues(labels: ["idea", "ui"], first: 10) { nodes { number } } } }'
    )
    answer = requests.post(
        f"{fake_github.api_url}/graphql", json={"query": query}, headers=AUTH, timeout=5
    ).json()
    assert [n["number"] for n in answer["data"]["repository"]["issues"]["nodes"]] == [1, 2, 3]
    rest = requests.get(
        f"{fake_github.api_url}/repos/lumen-notes/lumen/issues?labels=idea,ui",
        headers=AUTH,
        timeout=5,
    ).json()
    assert [i["number"] for i in rest] == [2]


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("{ repository(owner: \"o\", name: \"n\") { qqq } }",
         "Cannot query field 'qqq' on type 'Repository'."),
        ("{ repository(owner: \"o\", name: \"n\") { issues(first: 101) { nodes { number } } } }",
         "Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 "
         "records."),
        ("{ repository(owner: \"o\", name: \"n\") { issues { nodes { number } } } }",
         "You must provide a `first` or `last` value to properly paginate the `issues` "
         "connection."),
        ("{ repository(owner: \"o\") { id } }",
         "Field 'repository' is missing required arguments: name"),
        ("{ repository(owner: \"o\", name: \"n\") { id ",
         "Syntax Error: Expected Name, found <EOF>."),
    ],
)  # fmt: skip
def test_a_query_github_would_refuse_is_refused_and_recorded(query, reason):
    with FakeGitHub(token=TOKEN) as fake:
        answer = requests.post(
            f"{fake.api_url}/graphql", json={"query": query}, headers=AUTH, timeout=5
        )
        assert answer.status_code == 200
        assert answer.json() == {"errors": [{"message": reason}]}
        assert fake.invalid_queries == [(query, [reason])]


def test_github_s_schema_loads_and_only_twelve_deprecations_are_dropped():
    # graphql-core 3.3 refuses a deprecated field implementing an undeprecated
    # interface field; 3.2 does not.  Under both, the fake's schema is valid,
    # and exactly these deprecations are what the fake gives up.
    fresh = graphql.build_schema(SCHEMA_PATH.read_text(encoding="utf-8"), assume_valid_sdl=True)
    assert undeprecated(fresh) == [
        "Project.id",
        "ProjectCard.id",
        "ProjectColumn.id",
        "PullRequest.databaseId",
        "PullRequestReview.databaseId",
        "PullRequestReviewComment.databaseId",
        "TeamDiscussion.authorAssociation",
        "TeamDiscussion.resourcePath",
        "TeamDiscussion.url",
        "TeamDiscussionComment.authorAssociation",
        "TeamDiscussionComment.resourcePath",
        "TeamDiscussionComment.url",
    ]
    assert graphql.validate_schema(fresh) == []
    assert graphql.validate_schema(schema()) == []
    assert schema().type_map["Issue"].fields["id"].deprecation_reason is None
    assert schema().type_map["Project"].fields["body"].deprecation_reason  # others kept


def test_the_sync_queries_are_valid_for_github():
    listing = {"owner": "o", "name": "n", "label": "idea", "states": ["OPEN"]}
    for query, variables in [
        (queries.LIST_FULL, {**listing, "cursor": None}),
        (queries.LIST_CHEAP, {**listing, "cursor": "x"}),
        (queries.votes_query([(1, "x"), (2, 'y"')]), {"owner": "o", "name": "n"}),
        (queries.by_number_query([1, 2, 3]), {"owner": "o", "name": "n"}),
        (queries.by_number_query([1, 2, 3], cheap=True), {"owner": "o", "name": "n"}),
    ]:
        assert check(query, variables)[1] == []


def test_a_wrong_token_gets_401(fake_github):
    for headers in ({}, {"Authorization": "token nope"}, {"Authorization": "Basic x"}):
        answer = requests.get(f"{fake_github.api_url}/rate_limit", headers=headers, timeout=5)
        assert answer.status_code == 401
        assert answer.json()["message"] == "Bad credentials"
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    assert requests.get(f"{fake_github.api_url}/rate_limit", headers=bearer, timeout=5).ok


def test_faults_look_like_github_s(fake_github):
    url = f"{fake_github.api_url}/rate_limit"

    def get(kind, **options):
        fake_github.fail_next(kind, **options)
        return requests.get(url, headers=AUTH, timeout=5)

    assert get("5xx", status=503).status_code == 503
    cut = get("truncated")
    assert cut.status_code == 200
    with pytest.raises(requests.exceptions.JSONDecodeError):
        cut.json()
    primary = get("primary", reset_in=60)
    assert primary.status_code == 403
    assert primary.headers["x-ratelimit-remaining"] == "0"
    # The reset is an epoch second reset_in after the answer's Date (no clock needed here).
    sent = parsedate_to_datetime(primary.headers["Date"]).timestamp()
    assert int(primary.headers["x-ratelimit-reset"]) - sent in (58, 59, 60)
    assert primary.json()["message"].startswith("API rate limit exceeded")
    assert get("primary", status=429).status_code == 429
    secondary = get("secondary", retry_after=7)
    assert (secondary.status_code, secondary.headers["Retry-After"]) == (403, "7")
    assert "secondary rate limit" in secondary.json()["message"]
    assert get("401").status_code == 401
    assert get("404").status_code == 404
    limited = get("rate_limited")
    assert limited.status_code == 200
    assert limited.json()["errors"][0]["type"] == "RATE_LIMITED"
    partial = get("partial")
    assert partial.json()["data"] == {"repository": None}
    assert partial.json()["errors"]
    # "timeout" holds the answer back for longer than the client waits: the client gets
    # its Timeout (no clock needed), the request was counted, and the fault is used up.
    fake_github.fail_next("timeout", delay=1)
    seen = fake_github.requests
    with pytest.raises(requests.exceptions.Timeout):
        requests.get(url, headers=AUTH, timeout=0.3)
    assert requests.get(url, headers=AUTH, timeout=5).ok  # faults are used up
    assert fake_github.requests == seen + 2
    assert not fake_github.faults
    with pytest.raises(ValueError, match="Expected one of"):
        fake_github.fail_next("flood")
    assert set(FAULTS) >= {"timeout", "5xx", "truncated", "partial", "rate_limited"}


def test_a_fault_can_target_a_path(fake_github):
    fake_github.add_issue(1)
    fake_github.fail_next("5xx", path="/comments")
    base = f"{fake_github.api_url}/repos/lumen-notes/lumen/issues/1"
    assert requests.get(base, headers=AUTH, timeout=5).ok
    assert requests.get(f"{base}/comments", headers=AUTH, timeout=5).status_code == 502


def test_counts_and_the_writes_journal(fake_github):
    fake_github.add_issue(1)
    base = f"{fake_github.api_url}/repos/lumen-notes/lumen/issues/1"
    requests.post(f"{base}/comments", json={"body": "Hi"}, headers=AUTH, timeout=5)
    requests.get(f"{base}/comments", headers=AUTH, timeout=5)
    assert fake_github.requests == 2
    assert fake_github.counts["rest"] == 2
    assert fake_github.counts["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"] == 1
    assert fake_github.writes == [
        ("POST", "/repos/lumen-notes/lumen/issues/1/comments", {"body": "Hi"})
    ]
    assert fake_github.issue(1).comments[-1].user.login == "ideaboard-bot[bot]"


def test_the_state_s_associations_are_github_s():
    enum = SPEC["components"]["schemas"]["author-association"]["enum"]
    assert sorted(ASSOCIATIONS) == sorted(enum)
    comment = SPEC["components"]["schemas"]["issue-comment"]["properties"]["author_association"]
    assert comment == {"$ref": "#/components/schemas/author-association"}


def test_comments_say_how_their_author_is_associated(fake_github):
    fake = fake_github
    fake.add_issue(1)
    fake.add_comment(1, "mallory", "<!-- ideaboard:similar -->")
    fake.add_comment(1, "octo-owner", "Planned", association="OWNER")
    fake.add_comment(1, "helper", "Me too", association="COLLABORATOR")
    fake.add_comment(1, "renovate", "Update", user_type="Bot")
    base = f"{fake.api_url}/repos/lumen-notes/lumen/issues/1/comments"
    posted = requests.post(base, json={"body": "Hi"}, headers=AUTH, timeout=5).json()
    # The token's account: an app bot with no association, as a workflow's GITHUB_TOKEN.
    assert (posted["user"]["login"], posted["user"]["type"], posted["author_association"]) == (
        "ideaboard-bot[bot]",
        "Bot",
        "NONE",
    )
    listed = requests.get(base, headers=AUTH, timeout=5).json()
    assert [(c["user"]["login"], c["user"]["type"], c["author_association"]) for c in listed] == [
        ("mallory", "User", "NONE"),
        ("octo-owner", "User", "OWNER"),
        ("helper", "User", "COLLABORATOR"),
        ("renovate[bot]", "Bot", "NONE"),
        ("ideaboard-bot[bot]", "Bot", "NONE"),
    ]
    query = (
        '{ repository(owner: "lumen-notes", name: "lumen") { issue(number: 1) { '
        "comments(first: 10) { nodes { authorAssociation author { __typename login } } } } } }"
    )
    answer = requests.post(
        f"{fake.api_url}/graphql", json={"query": query}, headers=AUTH, timeout=5
    ).json()
    nodes = answer["data"]["repository"]["issue"]["comments"]["nodes"]
    assert [(n["author"]["login"], n["authorAssociation"]) for n in nodes] == [
        ("mallory", "NONE"),
        ("octo-owner", "OWNER"),
        ("helper", "COLLABORATOR"),
        ("renovate", "NONE"),
        ("ideaboard-bot", "NONE"),
    ]
    with pytest.raises(ValueError, match="OWNERS"):
        fake.add_comment(1, "x", association="OWNERS")


def test_the_token_can_be_a_maintainer_s_own():
    with FakeGitHub(
        token=TOKEN, token_login="octo-owner", token_user_type="User", token_association="OWNER"
    ) as fake:
        fake.add_issue(1)
        base = f"{fake.api_url}/repos/lumen-notes/lumen/issues/1/comments"
        posted = requests.post(base, json={"body": "Hi"}, headers=AUTH, timeout=5).json()
        assert (posted["user"]["login"], posted["user"]["type"], posted["author_association"]) == (
            "octo-owner",
            "User",
            "OWNER",
        )
        assert fake.issue(1).comments[-1].association == "OWNER"
    with pytest.raises(ValueError, match="ADMIN"):
        FakeGitHub(token=TOKEN, token_association="ADMIN")


# --- points, by GitHub's formula ------------------------------------------------------

DOCS_EXAMPLE = """query { viewer { login repositories(first: 100) { edges { node { name
  issues(first: 50) { edges { node { title labels(first: 60) { edges { node { name } } } } } }
} } } } }"""


def test_points_follow_github_s_formula():
    document = graphql.parse(DOCS_EXAMPLE)
    # docs.github.com: 1 + 100 + 5,000 requests = 5,101 / 100 = 51 points; 305,100 nodes.
    assert cost(document, {}) == (51, 100 + 100 * 50 + 100 * 50 * 60)
    listing = {"label": "idea", "cursor": None, "states": None}
    assert cost(graphql.parse(queries.LIST_FULL), listing)[0] == queries.FULL_POINTS == 3
    assert cost(graphql.parse(queries.LIST_CHEAP), listing)[0] == queries.CHEAP_POINTS == 1
    cheap = queries.by_number_query(range(1, 101), cheap=True)
    assert cost(graphql.parse(cheap), {})[0] == 1
    full = queries.by_number_query(range(1, 101))
    assert cost(graphql.parse(full), {})[0] == queries.by_number_points(100) == 3
    votes = queries.votes_query((n, "x") for n in range(1, 101))
    assert cost(graphql.parse(votes), {}) == (1, 100 * 100)


def test_the_fake_charges_points_and_refuses_past_the_limit(fake_github):
    fake_github.generate(5)
    fake_github.graphql_limit = fake_github.graphql_remaining = 4
    listing = {"owner": "lumen-notes", "name": "lumen", "label": "idea", "cursor": None}

    def post(query):
        body = {"query": query, "variables": listing}
        return requests.post(f"{fake_github.api_url}/graphql", json=body, headers=AUTH, timeout=5)

    first = post(queries.LIST_FULL).json()
    assert first["data"]["rateLimit"] == {
        "limit": 4, "remaining": 1, "cost": 3, "resetAt": first["data"]["rateLimit"]["resetAt"]
    }  # fmt: skip
    refused = post(queries.LIST_FULL).json()
    assert refused == {
        "errors": [{"type": "RATE_LIMITED", "message": "API rate limit exceeded for user ID 1."}]
    }
    assert fake_github.costs == [3]
    rest = requests.get(f"{fake_github.api_url}/rate_limit", headers=AUTH, timeout=5).json()
    assert rest["resources"]["graphql"]["remaining"] == 0
    assert rest["resources"]["core"]["remaining"] == 5000 - 1  # REST counts requests apart


def test_a_query_over_500000_nodes_is_refused(fake_github):
    query = (
        '{ repository(owner: "lumen-notes", name: "lumen") { issues(first: 100) { nodes { '
        "comments(first: 100) { nodes { reactions(first: 100) { totalCount } } } } } } }"
    )
    answer = requests.post(
        f"{fake_github.api_url}/graphql", json={"query": query}, headers=AUTH, timeout=5
    ).json()
    assert answer["errors"][0]["type"] == "MAX_NODE_LIMIT_EXCEEDED"
    assert answer["errors"][0]["message"] == (
        "This query requests up to 1,010,100 possible nodes which exceeds the maximum limit "
        "of 500,000."
    )
    fake_github.invalid_queries.clear()  # refused on purpose


def test_the_lean_executor_answers_as_graphql_core_does(fake_github, tmp_path):
    fake = fake_github
    fake.generate(120, max_votes=5)
    fake.add_issue(500, "Popular")
    for i in range(130):
        fake.react(500, f"fan{i}")
    fake.delete_issue(3)
    listing = {"owner": "lumen-notes", "name": "lumen", "label": "idea", "states": ["OPEN"]}
    for query, variables in [
        (queries.LIST_FULL, {**listing, "cursor": None}),
        (queries.LIST_CHEAP, {**listing, "cursor": None, "states": None}),
        (queries.by_number_query([1, 3, 500, 9999]), listing),
        (queries.by_number_query([1, 2, 3], cheap=True), listing),
        (queries.votes_query([(500, graphql_api._cursor(99)), (3, "x")]), listing),
    ]:
        answers = []
        for fast in (False, True):
            fake.fast = fast
            fake.graphql_remaining = 5000
            answers.append(graphql_api.run(fake, query, variables))
        assert answers[0] == answers[1]
