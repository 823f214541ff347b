"""The GitHub Actions workflows: linted, pinned, least privilege, no script injection."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from tests.paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
NAMES = [p.name for p in FILES]

# A full commit SHA, then the version it stands for, as Dependabot and zizmor expect.
PINNED_RE = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
UNTRUSTED_RE = re.compile(
    r"\$\{\{\s*github\.(event\.(issue|comment|pull_request|review|discussion)\.(title|body)"
    r"|head_ref)"
)


def _load(path):
    # PyYAML reads the `on:` key as True (YAML 1.1); map it back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(data):
    for job in data["jobs"].values():
        yield from job.get("steps", ())


def test_the_four_workflows_exist():
    assert NAMES == ["feedback.yml", "intake.yml", "newest.yml", "publish.yml", "validate.yml"]


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="actionlint is not installed")
def test_actionlint_finds_nothing():
    result = subprocess.run(
        ["actionlint", "-no-color", *map(str, FILES)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


@pytest.mark.skipif(shutil.which("zizmor") is None, reason="zizmor is not installed")
@pytest.mark.parametrize("persona", ["regular", "pedantic", "auditor"])
def test_zizmor_finds_nothing(persona):
    result = subprocess.run(
        [
            "zizmor",
            "--offline",
            "--no-progress",
            f"--persona={persona}",
            "--format=plain",
            str(WORKFLOWS),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_actions_are_pinned_to_a_commit_with_its_version(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    uses = [line for line in lines if re.match(r"^\s*(-\s+)?uses:", line)]
    assert uses
    for line in uses:
        ref, _, comment = line.split("uses:", 1)[1].partition("#")
        assert PINNED_RE.match(ref.strip()), line
        assert re.match(r"^ v\d+\.\d+\.\d+$", comment), line


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_least_privilege(path):
    data = _load(path)
    assert data["permissions"] == {}, "the workflow grants nothing; each job asks for its own"
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"job {name} must say which permissions it needs"
        assert "write-all" not in str(job["permissions"])
        assert job.get("timeout-minutes"), f"job {name} needs a timeout"


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_no_untrusted_text_in_scripts(path):
    data = _load(path)
    assert "pull_request_target" not in data["on"]
    assert "workflow_run" not in data["on"]
    for step in _steps(data):
        assert not UNTRUSTED_RE.search(step.get("run", "")), step
        assert "${{" not in step.get("run", ""), f"expressions go through env:, not run: {step}"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


@pytest.mark.parametrize("path", FILES, ids=NAMES)
def test_installs_the_package_and_runs_ideaboard(path):
    runs = [step.get("run", "") for step in _steps(_load(path))]
    if path.name == "publish.yml" or any("ideaboard" in run for run in runs):
        # Through the lock, so one bad release cannot stop a board from publishing.
        assert "python -m pip install -c requirements/run.txt ." in runs


def test_validate_runs_on_pull_requests_touching_ideas():
    data = _load(WORKFLOWS / "validate.yml")
    assert "ideas/**" in data["on"]["pull_request"]["paths"]
    runs = [step.get("run") for step in _steps(data)]
    assert runs.index("ideaboard validate --format github") < runs.index(
        "ideaboard build --offline --strict"
    )


def test_publish_triggers_schedule_and_pages():
    data = _load(WORKFLOWS / "publish.yml")
    on = data["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert "issues" in on
    hourly, weekly = [entry["cron"] for entry in on["schedule"]]
    minute, hour, *_ = hourly.split()
    assert hour == "*", "hourly"
    assert minute.isdigit(), hourly
    assert 0 < int(minute) < 60, "off the top of the hour"
    # The weekly schedule forces a full re-sync, and only that schedule does.
    sync = next(s for s in _steps(data) if s.get("id") == "sync")
    assert sync["env"]["FULL_SYNC"] == f"${{{{ github.event.schedule == '{weekly}' }}}}"
    assert "ideaboard sync --full-if-it-fits;" in sync["run"]
    assert data["concurrency"]["group"]
    assert data["jobs"]["build"]["permissions"] == {"contents": "read", "issues": "read"}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = list(_steps(data))
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses.index("actions/cache/restore") < uses.index("actions/cache/save")
    assert uses.index("actions/upload-pages-artifact") < uses.index("actions/deploy-pages")
    restore = steps[uses.index("actions/cache/restore")]
    assert restore["with"]["restore-keys"]
    assert restore["with"]["path"] == "ideas/snapshot.json"
    assert _expression(sync["env"]["GITHUB_TOKEN"], {}) == "the workflow token"
    assert sync["continue-on-error"] is True, "an API outage builds from the last good votes"


# --- the bigger token for the sync: off by default ------------------------------------

_TOKEN_RE = re.compile(r"\s*(\|\||&&|==|!=|!|\(|\)|'(?:[^']|'')*'|[\w.-]+)")


def _expression(text: str, context: dict):
    """The value of a GitHub Actions expression (``${{ ... }}``), for the operators used here.

    As GitHub evaluates them: a missing property is null; ``&&`` and ``||`` give one of
    their operands; ``==`` coerces operands of different types to numbers (null and ''
    are both 0) and compares strings ignoring case.
    """
    body = text.strip().removeprefix("${{").removesuffix("}}").strip()
    tokens = _TOKEN_RE.findall(body)
    assert "".join(tokens).replace(" ", "") == body.replace(" ", ""), f"cannot read: {text}"
    values = {"github.token": "the workflow token", **context}

    def number(v):
        return 0 if v in (None, "", False) else 1 if v is True else float(v)

    def equal(a, b):
        if type(a) is type(b):
            return a.lower() == b.lower() if isinstance(a, str) else a == b
        try:
            return number(a) == number(b)
        except ValueError:
            return False

    def unary(i):
        if tokens[i] == "!":
            v, i = unary(i + 1)
            return not v, i
        if tokens[i] == "(":
            v, i = either(i + 1)
            assert tokens[i] == ")", text
            return v, i + 1
        token = tokens[i]
        if token.startswith("'"):
            return token[1:-1].replace("''", "'"), i + 1
        return values.get(token), i + 1

    def compare(i):
        v, i = unary(i)
        while i < len(tokens) and tokens[i] in ("==", "!="):
            op, (w, i) = tokens[i], unary(i + 1)
            v = equal(v, w) == (op == "==")
        return v, i

    def both(i):
        v, i = compare(i)
        while i < len(tokens) and tokens[i] == "&&":
            w, i = compare(i + 1)
            v = w if v else v
        return v, i

    def either(i):
        v, i = both(i)
        while i < len(tokens) and tokens[i] == "||":
            w, i = both(i + 1)
            v = v if v else w
        return v, i

    value, end = either(0)
    assert end == len(tokens), f"cannot read: {text}"
    return value


def test_the_expression_reader_follows_github():
    assert _expression("${{ vars.X != '' && 'env' || '' }}", {}) == ""
    assert _expression("${{ vars.X != '' && 'env' || '' }}", {"vars.X": "app"}) == "env"
    assert _expression("${{ vars.X == 'app' }}", {"vars.X": "APP"}) is True
    assert _expression("${{ a || (b == 'x' && c) || d }}", {"b": "x", "d": 1}) == 1


def _sync_job():
    data = _load(WORKFLOWS / "publish.yml")
    job = data["jobs"]["build"]
    steps = job["steps"]
    ids = [step.get("id") for step in steps]
    return job, steps[ids.index("app-token")], steps[ids.index("sync")], ids


@pytest.mark.parametrize(
    ("switch", "secrets", "environment", "app", "token"),
    [
        # Off: no environment, no App token, the workflow's own token; no secret needed.
        (None, {}, "", False, "the workflow token"),
        (
            "app",
            {"steps.app-token.outputs.token": "the App's token"},
            "ideaboard-sync",
            True,
            "the App's token",
        ),
        (
            "personal",
            {"secrets.IDEABOARD_TOKEN": "the personal token"},
            "ideaboard-sync",
            False,
            "the personal token",
        ),
        # Switched on but no token came (a missing secret, a failed step): the workflow
        # token, whose limit the sync's summary line shows ("rate limit 990/1000 left").
        ("app", {}, "ideaboard-sync", True, "the workflow token"),
        ("personal", {}, "ideaboard-sync", False, "the workflow token"),
    ],
)
def test_publish_syncs_with_the_workflow_token_unless_a_bigger_one_is_set_up(
    switch, secrets, environment, app, token
):
    job, app_step, sync, _ids = _sync_job()
    context = {"vars.IDEABOARD_SYNC_TOKEN": switch, **secrets}
    assert _expression(job["environment"], context) == environment
    assert bool(_expression("${{ " + app_step["if"] + " }}", context)) is app
    assert _expression(sync["env"]["GITHUB_TOKEN"], context) == token


def test_the_app_token_is_made_for_the_sync_alone_with_read_access_to_issues():
    job, app_step, _sync, ids = _sync_job()
    assert app_step["uses"].split("@")[0] == "actions/create-github-app-token"
    assert app_step["with"] == {
        "client-id": "${{ vars.IDEABOARD_APP_CLIENT_ID }}",
        "private-key": "${{ secrets.IDEABOARD_APP_KEY }}",
        "permission-issues": "read",
    }
    assert ids.index("sync") == ids.index("app-token") + 1, "made right before the sync"
    assert app_step["continue-on-error"] is True, "without it, the sync falls back"
    # Secrets are read in the build job only, in these two places, and nowhere else.
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    assert re.findall(r"secrets\.\w+", text) == [
        "secrets.IDEABOARD_APP_KEY",
        "secrets.IDEABOARD_TOKEN",
    ]
    data = _load(WORKFLOWS / "publish.yml")
    assert "secrets." not in str(data["jobs"]["deploy"])
    assert "secrets." not in str(
        [s for s in job["steps"] if s.get("id") not in ("app-token", "sync")]
    )


def test_intake_runs_on_new_idea_issues_and_passes_the_number_through_env():
    data = _load(WORKFLOWS / "intake.yml")
    assert data["on"]["issues"]["types"] == ["opened", "labeled"]
    assert set(data["on"]["workflow_dispatch"]["inputs"]) == {"issue", "rewrite"}
    job = data["jobs"]["intake"]
    assert "github.event.label.name == 'idea'" in job["if"]
    step = next(s for s in job["steps"] if s.get("id") == "intake")
    assert 'ideaboard intake --issue "$ISSUE_NUMBER" --source-file "$SOURCE_FILE"' in step["run"]
    assert step["env"]["ISSUE_NUMBER"] == "${{ github.event.issue.number || inputs.issue }}"
    # Only the explicit rewrite may force; see tests/cross/test_workflow_intake.py.
    forced = [line.strip() for line in step["run"].splitlines() if "--force" in line]
    assert forced == ['remote_git push --quiet --force "$remote" "HEAD:refs/heads/$branch"']


def test_feedback_runs_after_pushes_that_change_ideas():
    data = _load(WORKFLOWS / "feedback.yml")
    assert data["on"]["push"] == {"branches": ["main"], "paths": ["ideas/**.yaml"]}
    assert "workflow_dispatch" in data["on"]
    job = data["jobs"]["feedback"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    (step,) = [s for s in job["steps"] if "ideaboard feedback" in s.get("run", "")]
    assert 'ideaboard feedback --apply "${slugs[@]}"' in step["run"]
    assert "\n  ideaboard feedback --apply\n" in step["run"]
    assert step["env"]["BEFORE"] == "${{ github.event.before }}"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_feedback_script_picks_the_changed_slugs(tmp_path):
    (step,) = [
        s
        for s in _load(WORKFLOWS / "feedback.yml")["jobs"]["feedback"]["steps"]
        if "ideaboard feedback" in s.get("run", "")
    ]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "ideaboard"
    fake.write_text('#!/bin/sh\necho "ideaboard $*"\n', encoding="utf-8")
    fake.chmod(0o755)
    repo = tmp_path / "repo"
    (repo / "ideas").mkdir(parents=True)

    def git(*args):
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    git("init", "-q")
    (repo / "ideas" / "a.yaml").write_text("a\n")
    (repo / "ideas" / "b.yaml").write_text("b\n")
    git("add", ".")
    git("commit", "-qm", "one")
    before = git("rev-parse", "HEAD")
    (repo / "ideas" / "b.yaml").write_text("b2\n")
    (repo / "ideas" / "c.yaml").write_text("c\n")
    (repo / "ideas" / "snapshot.json").write_text("{}\n")
    git("add", ".")
    git("commit", "-qm", "two")
    after = git("rev-parse", "HEAD")

    def run(event, old):
        env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "EVENT": event, "BEFORE": old, "AFTER": after}
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True
        )
        return result.stdout

    assert run("push", before) == "ideaboard feedback --apply b c\n"
    assert run("push", after) == "No idea file changed.\n"
    assert run("push", "0" * 40) == "ideaboard feedback --apply\n"
    assert run("workflow_dispatch", "") == "ideaboard feedback --apply\n"


def test_newest_runs_the_tests_weekly_without_the_lock():
    data = _load(WORKFLOWS / "newest.yml")
    assert [entry["cron"] for entry in data["on"]["schedule"]] == ["29 4 * * 2"]
    runs = [step.get("run", "") for step in _steps(data)]
    assert "python -m pip install --upgrade --upgrade-strategy eager -e '.[test]'" in runs
    assert not any("requirements/" in run for run in runs)
    assert runs[-1] == "python -m pytest"
