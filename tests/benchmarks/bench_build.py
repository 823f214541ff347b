"""Benchmark: ``ideaboard build`` on N synthetic ideas against bare mkdocs-material.

Run it from the repository's root (it is a script; pytest does not collect it)::

    python tests/benchmarks/bench_build.py                 # N = 1,000 and 10,000
    python tests/benchmarks/bench_build.py -n 1000 --profile prof.out

For each N it writes, in a temporary directory:

- a **board**: N idea files in ``ideas/`` (a title, a summary, a description of a few
  paragraphs, 1-5 history entries, tags, some shipped, declined and duplicate ideas) and
  a snapshot with an issue for each (0-200 👍 voters, comments) plus N/20 proposals
  that have no YAML file yet, next to a copy of the repository's ``mkdocs.yml`` and
  ``site_theme/`` (and docs folder);
- a **baseline**: bare mkdocs-material (no ideaboard plugin, search on, no fonts) with
  one page per idea holding the same text, reached from one index page that links them
  all, and, as with the board, kept out of the navigation.

Both are built in a fresh process, one after the other, without a GitHub token (the
board builds from the snapshot).  Wall time is measured around the process; peak
memory is that process's maximum resident set size (``getrusage`` in a small launcher).
The report gives the ratio to the baseline, time, peak RSS, and per idea: all output
bytes, the search index bytes and the board's JSON index bytes.

``--profile FILE`` runs the board build under cProfile (slower) and prints the top
functions by cumulative and by own time, to see where the time goes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.sync.store import from_json, to_json  # noqa: E402
from tests.browser import build_command, offline_env  # noqa: E402

REPO = "lumen-notes/lumen"
SYNCED_AT = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
VOTER_POOL = 50_000  # distinct GitHub accounts that vote
GOAL_RATIO = 1.3
GOAL_SECONDS_10K = 60.0
GOAL_RSS_10K = 1024**3
GOAL_OUTPUT_PER_IDEA = 40 * 1024
GOAL_INDEX_PER_IDEA = 1024

_WORDS = (
    "note notes notebook team editor markdown sync offline mobile desktop web share link "
    "export import search tag folder template task list table code block image attachment "
    "cursor conflict merge version history backup calendar reminder theme dark font shortcut "
    "keyboard plugin api webhook diagram math embed preview split pane outline heading graph "
    "backlink archive trash pin star comment mention review publish print page sidebar tab "
    "quick capture widget clipper browser extension permission workspace member guest role "
    "password encryption key device storage quota speed startup memory battery gesture "
    "would could should really often every week people customers clients meeting project "
    "the a an of to in for with on when without because so and but or we our they their "
    "we use it this that my your want need like make keep lose find open close move copy"
)
_TAGS = (
    "editor sync mobile desktop web export import search sharing accessibility performance "
    "privacy security integrations api theming templates tasks calendar attachments "
    "collaboration notifications offline keyboard plugins"
)
WORDS = _WORDS.split()
TAGS = _TAGS.split()
# Statuses weighted roughly like a real board: most ideas are open.
STATUS_WEIGHTS = {
    "proposed": 50,
    "under-review": 12,
    "planned": 8,
    "in-progress": 5,
    "shipped": 12,
    "declined": 8,
    "duplicate": 5,
}
PATHS = {  # the usual path to each status, as history entries
    "proposed": ["proposed"],
    "under-review": ["proposed", "under-review"],
    "planned": ["proposed", "under-review", "planned"],
    "in-progress": ["proposed", "under-review", "planned", "in-progress"],
    "shipped": ["proposed", "under-review", "planned", "in-progress", "shipped"],
    "declined": ["proposed", "under-review", "declined"],
    "duplicate": ["proposed", "duplicate"],
}


# ---------------------------------------------------------------- synthetic data


def _sentence(rng: random.Random, lo: int = 8, hi: int = 20) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def synthetic_ideas(n: int, seed: int = 1) -> list[dict]:
    """N ideas as plain dicts, deterministic for a seed; issue numbers 1..N."""
    rng = random.Random(seed)
    statuses = list(STATUS_WEIGHTS)
    weights = list(STATUS_WEIGHTS.values())
    ideas = []
    for i in range(1, n + 1):
        status = rng.choices(statuses, weights)[0]
        if status == "duplicate" and i < 10:
            status = "proposed"
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
        created = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1000))
        path = PATHS[status]
        if len(path) > 5:
            path = path[-5:]
        date = created
        history = []
        for step, st in enumerate(path):
            if step:
                date = date + dt.timedelta(days=rng.randint(3, 60))
            date = min(date, SYNCED_AT.date())
            history.append({"date": date, "status": st, "note": _sentence(rng, 6, 30)})
        idea = {
            "slug": f"idea-{i:05d}-{title.split()[0].lower()}",
            "title": title,
            "summary": _sentence(rng, 10, 22),
            "description": "\n\n".join(_paragraph(rng) for _ in range(rng.randint(2, 4))),
            "status": status,
            "issue": i,
            "tags": sorted(rng.sample(TAGS, rng.randint(0, 3))),
            "created": created,
            "history": history,
        }
        if status == "duplicate":
            # The canonical idea must not be a duplicate itself.
            canonical = ideas[rng.randrange(0, len(ideas))]
            if canonical["status"] == "duplicate":
                idea["status"] = idea["history"][-1]["status"] = "declined"
            else:
                idea["duplicate_of"] = canonical["slug"]
        if status == "shipped":
            idea["shipped_in"] = {"release": f"{rng.randint(1, 5)}.{rng.randint(0, 9)}"}
        if rng.random() < 0.3:
            idea["score"] = {k: rng.randint(1, 10) for k in ("impact", "confidence", "ease")}
        ideas.append(idea)
    return ideas


def idea_yaml(idea: dict) -> str:
    """The YAML file of one idea, as a maintainer would write it."""
    lines = [
        f"title: {_q(idea['title'])}",
        f"summary: {_q(idea['summary'])}",
        "description: |",
        *[f"  {line}" if line else "" for line in idea["description"].split("\n")],
        f"status: {idea['status']}",
        f"issue: {idea['issue']}",
        f"tags: [{', '.join(idea['tags'])}]",
        f"created: {idea['created'].isoformat()}",
        "history:",
    ]
    for entry in idea["history"]:
        lines += [
            f"  - date: {entry['date'].isoformat()}",
            f"    status: {entry['status']}",
            f"    note: {_q(entry['note'])}",
        ]
    if "duplicate_of" in idea:
        lines.append(f"duplicate_of: {idea['duplicate_of']}")
    if "shipped_in" in idea:
        lines += ["shipped_in:", f"  release: {_q(idea['shipped_in']['release'])}"]
    if "score" in idea:
        lines.append("score:")
        lines += [f"  {k}: {v}" for k, v in idea["score"].items()]
    return "\n".join(lines) + "\n"


def _issue(number: int, rng: random.Random, title: str, body: str, created: dt.datetime,
           status: str | None) -> dict:  # fmt: skip
    voters = []
    # Voters come from one community: the same people vote on many ideas.
    for login in rng.sample(range(VOTER_POOL), rng.randint(0, 200)):
        at = created + dt.timedelta(minutes=rng.randint(1, 60 * 24 * 700))
        voters.append([f"voter-{login}", _iso(min(at, SYNCED_AT))])  # [login, time]: a User
    voters.sort(key=lambda v: (v[1], v[0]))
    comments = rng.randint(0, 40)
    comment_times = sorted(
        _iso(min(created + dt.timedelta(hours=rng.randint(1, 24 * 600)), SYNCED_AT))
        for _ in range(min(comments, 100))
    )
    state, reason = {
        None: ("open", None),
        "shipped": ("closed", "completed"),
        "declined": ("closed", "not_planned"),
        "duplicate": ("closed", "duplicate"),
    }.get(status, ("open", None))
    return {
        "number": number,
        "title": title,
        "body": body,
        "url": f"https://github.com/{REPO}/issues/{number}",
        "state": state,
        "state_reason": reason,
        "author": {"login": f"author{number % 997}", "type": "User"},
        "created_at": _iso(created),
        "updated_at": _iso(SYNCED_AT - dt.timedelta(days=rng.randint(0, 300))),
        "closed_at": _iso(SYNCED_AT - dt.timedelta(days=1)) if state == "closed" else None,
        "labels": ["idea"],
        "locked": False,
        "comments": comments,
        "comment_times": comment_times,
        "reactions": {
            "+1": len(voters),
            "-1": 0,
            "laugh": 0,
            "hooray": 0,
            "confused": 0,
            "heart": rng.randint(0, 5),
            "rocket": 0,
            "eyes": 0,
        },
        "voters": voters,
    }


def synthetic_snapshot(ideas: list[dict], seed: int = 2) -> dict:
    """A snapshot with one issue per idea, plus N/20 proposals without a YAML file."""
    rng = random.Random(seed)
    issues = []
    for idea in ideas:
        created = dt.datetime.combine(idea["created"], dt.time(9, 30), tzinfo=dt.UTC)
        body = f"### Summary\n\n{idea['summary']}\n\n### Description\n\n{idea['description']}"
        issues.append(_issue(idea["issue"], rng, idea["title"], body, created, idea["status"]))
    for k in range(len(ideas) // 20):
        number = len(ideas) + 1 + k
        created = SYNCED_AT - dt.timedelta(days=rng.randint(1, 60))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
        body = f"### Summary\n\n{_sentence(rng)}\n\n### Description\n\n{_paragraph(rng)}"
        issues.append(_issue(number, rng, title, body, created, None))
    return {
        "format": "ideaboard-snapshot",
        "version": 1,
        "repo": REPO,
        "synced_at": _iso(SYNCED_AT),
        "complete": True,
        "rate_limit": {"limit": 5000, "remaining": 4000, "reset_at": _iso(SYNCED_AT)},
        "issues": issues,
        "missing": [],
    }


# ---------------------------------------------------------------- the two sites


def _docs_dir_name(config_text: str) -> str:
    from mkdocs.utils.yaml import yaml_load

    return (yaml_load(config_text) or {}).get("docs_dir", "docs")


def write_board(dest: Path, ideas: list[dict]) -> Path:
    """The repository's site config and theme with a synthetic board; returns mkdocs.yml."""
    config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    dest.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    docs_dir = _docs_dir_name(config_text)
    for name in sorted({"site_theme", Path(docs_dir).parts[0]}):
        if (ROOT / name).is_dir() and name not in ("ideas", "."):
            shutil.copytree(ROOT / name, dest / name)
    (dest / docs_dir).mkdir(parents=True, exist_ok=True)
    ideas_dir = dest / "ideas"
    ideas_dir.mkdir()
    for idea in ideas:
        (ideas_dir / f"{idea['slug']}.yaml").write_text(idea_yaml(idea), encoding="utf-8")
    # Through the real writer, so the file has exactly the format a sync writes.
    snapshot = to_json(from_json(json.dumps(synthetic_snapshot(ideas))))
    (ideas_dir / "snapshot.json").write_text(snapshot, encoding="utf-8")
    return dest / "mkdocs.yml"


BASELINE_CONFIG = """\
site_name: Baseline
theme:
  name: material
  font: false
plugins:
  - search
nav:
  - index.md
"""


def write_baseline(dest: Path, ideas: list[dict]) -> Path:
    """Bare mkdocs-material: one plain page per idea, out of the nav; returns mkdocs.yml."""
    docs = dest / "docs"
    (docs / "ideas").mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    index = ["# Ideas", ""]
    for idea in ideas:
        index.append(f"- [{idea['title']}](ideas/{idea['slug']}.md): {idea['summary']}")
        history = "\n".join(
            f"- {h['date'].isoformat()} **{h['status']}**: {h['note']}" for h in idea["history"]
        )
        page = (
            f"# {idea['title']}\n\n{idea['summary']}\n\n{idea['description']}\n\n"
            f"## History\n\n{history}\n\nTags: {', '.join(idea['tags'])}\n"
        )
        (docs / "ideas" / f"{idea['slug']}.md").write_text(page, encoding="utf-8")
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return dest / "mkdocs.yml"


# ---------------------------------------------------------------- measuring


# A small launcher runs the build and reports its peak RSS.  Measuring the build as a
# direct child of this process would count this process's own memory (the generated
# data) in the child's high-water mark, since a child starts as a copy of its parent.
LAUNCHER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:])
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code, file=sys.stderr)
"""


def measure(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run ``cmd``; return (wall seconds, peak RSS in bytes, its output)."""
    log = cwd / "build.log"
    with log.open("w") as out:
        proc = subprocess.run(
            [sys.executable, "-c", LAUNCHER, *cmd],
            cwd=cwd,
            env=offline_env(),
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    *_, last = proc.stderr.strip().splitlines() or [""]
    wall, rss_kib, code = last.split()
    text = log.read_text(errors="replace") + proc.stderr
    if proc.returncode != 0 or code != "0":
        raise SystemExit(f"build failed (exit {code}): {' '.join(cmd)}\n{text[-3000:]}")
    return float(wall), int(rss_kib) * 1024, text  # ru_maxrss is in KiB on Linux


def tree_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def board_index(site: Path) -> Path | None:
    """The board's compact JSON index: the JSON file the board's script fetches."""
    # The board names it in its controls: <form data-ib-board data-index="api/board.json">.
    match = re.search(r'data-index="([^"]+)"', (site / "index.html").read_text("utf-8"))
    if match and (site / match[1].lstrip("./")).is_file():
        return site / match[1].lstrip("./")
    candidates = [
        p
        for p in site.rglob("*.json")
        if "search" not in p.parts and p.name not in ("ideas.json", "schema.json")
        and "schema" not in p.name
    ]  # fmt: skip
    if not candidates:
        return None
    return max(candidates, key=lambda p: p.stat().st_size)


def run(n: int, keep: Path | None, profile: str | None, repeat: int = 1) -> dict:
    """Generate, build both, and return the figures for one N."""
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-", dir=keep))
    print(f"\n== N = {n:,} ideas in {work}", flush=True)
    ideas = synthetic_ideas(n)
    config = write_board(work / "board", ideas)
    baseline = write_baseline(work / "baseline", ideas)
    input_bytes = tree_bytes(work / "board" / "ideas")
    print(f"   input: {input_bytes / n:,.0f} bytes of YAML and snapshot per idea", flush=True)

    base_site = work / "baseline" / "site"
    base_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(baseline),
                "-d", str(base_site)]  # fmt: skip
    site = work / "board" / "site"
    # `ideaboard build` as a user runs it; with no token in the environment it builds
    # from the snapshot.
    cmd = build_command(config, site, offline=False)
    if profile:
        if cmd[1] == "-c":  # cProfile runs a script, not -c: write the one-liner to a file
            script = work / "build_main.py"
            script.write_text(cmd[2] + "\n", encoding="utf-8")
            cmd = [cmd[0], str(script), *cmd[3:]]
        cmd = [sys.executable, "-m", "cProfile", "-o", profile, *cmd[1:]]
    # Alternate the two builds and keep each one's best run, so that a burst of load
    # on a shared machine does not land on one side only.
    base_runs, board_runs = [], []
    for attempt in range(1, repeat + 1):
        base_runs.append(measure(base_cmd, baseline.parent))
        t, rss, _ = base_runs[-1]
        print(f"   [{attempt}] bare mkdocs-material: {t:.1f} s, {rss / 2**20:.0f} MiB", flush=True)
        board_runs.append(measure(cmd, config.parent))
        t, rss, log = board_runs[-1]
        print(f"   [{attempt}] ideaboard build:      {t:.1f} s, {rss / 2**20:.0f} MiB", flush=True)
    base_t, base_rss = min(r[0] for r in base_runs), max(r[1] for r in base_runs)
    board_t, board_rss = min(r[0] for r in board_runs), max(r[1] for r in board_runs)
    pages = sum(1 for _ in site.rglob("*.html"))
    if pages < n:
        raise SystemExit(f"the board built only {pages} HTML pages for {n} ideas:\n{log[-3000:]}")

    search = site / "search" / "search_index.json"
    index = board_index(site)
    result = {
        "n": n,
        "board_s": board_t,
        "base_s": base_t,
        "ratio": board_t / base_t,
        "board_rss": board_rss,
        "base_rss": base_rss,
        "out_per_idea": tree_bytes(site) / n,
        "base_out_per_idea": tree_bytes(base_site) / n,
        "search_per_idea": search.stat().st_size / n if search.exists() else float("nan"),
        "index_name": index.relative_to(site).as_posix() if index else "(none)",
        "index_per_idea": index.stat().st_size / n if index else float("nan"),
        "api_per_idea": (
            (site / "api" / "ideas.json").stat().st_size / n
            if (site / "api" / "ideas.json").exists()
            else float("nan")
        ),
    }
    if profile:
        print_profile(profile)
    if keep is None:
        shutil.rmtree(work)
    return result


def print_profile(path: str) -> None:
    import pstats

    stats = pstats.Stats(path)
    stats.sort_stats("cumulative").print_stats(35)
    stats.sort_stats("tottime").print_stats(25)


def table(results: list[dict]) -> str:
    """The figures as a Markdown table, with each goal's verdict."""

    def ok(good: bool) -> str:
        return "✅" if good else "❌"

    rows = [
        "| ideas | `ideaboard build` | bare mkdocs-material | ratio (goal ≤ 1.3) "
        "| peak RSS (baseline) | output / idea (goal ≤ 40 KB) | search index / idea "
        "(≤ 1 KB) | board JSON / idea (≤ 1 KB) | `api/ideas.json` / idea |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        big = r["n"] >= 10_000
        time_ok = "" if not big else " " + ok(r["board_s"] <= GOAL_SECONDS_10K)
        rss_ok = "" if not big else " " + ok(r["board_rss"] <= GOAL_RSS_10K)
        rows.append(
            f"| {r['n']:,} | {r['board_s']:.1f} s{time_ok} | {r['base_s']:.1f} s "
            f"| {r['ratio']:.2f}× {ok(r['ratio'] <= GOAL_RATIO)} "
            f"| {r['board_rss'] / 2**20:,.0f} MiB{rss_ok} ({r['base_rss'] / 2**20:,.0f} MiB) "
            f"| {r['out_per_idea'] / 1024:.1f} KB "
            f"{ok(r['out_per_idea'] <= GOAL_OUTPUT_PER_IDEA)} "
            f"| {r['search_per_idea']:,.0f} B {ok(r['search_per_idea'] <= GOAL_INDEX_PER_IDEA)} "
            f"| {r['index_per_idea']:,.0f} B {ok(r['index_per_idea'] <= GOAL_INDEX_PER_IDEA)} "
            f"| {r['api_per_idea']:,.0f} B |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "-n", type=int, action="append", help="number of ideas (repeatable; default 1000, 10000)"
    )
    parser.add_argument("--keep", type=Path, help="keep the generated boards under this folder")
    parser.add_argument("--profile", help="profile the board build with cProfile into this file")
    parser.add_argument(
        "--repeat", type=int, default=1, help="build each site this many times; keep the best"
    )
    args = parser.parse_args(argv)
    sizes = args.n or [1_000, 10_000]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}", flush=True)
    results = [run(n, args.keep, args.profile, args.repeat) for n in sizes]
    print()
    print(table(results))
    print(f"\nboard JSON index measured: {', '.join(r['index_name'] for r in results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
