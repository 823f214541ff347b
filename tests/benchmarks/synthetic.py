"""Synthetic boards for the benchmarks and the big-board browser tests.

``synthetic_ideas(n)`` makes N ideas as plain dicts (deterministic for a seed);
``write_board(dest, ideas, layout=...)`` writes them as idea files next to the
repository's ``mkdocs.yml`` and theme, with a snapshot of their issues and votes;
``write_baseline`` writes the same pages for bare mkdocs-material.

Votes follow a heavy tail, as on real boards: about 33 👍 per idea on average
(5 million at 150,000 ideas), most ideas a handful, a few thousands.
Layouts (``LAYOUTS``): ``flat`` puts every file in ``ideas/``; ``year`` in
``ideas/<year>/``; ``month`` in ``ideas/<year>/<month>/``.  ``subfolders_supported()``
probes whether the loader reads subfolders.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import tempfile
from pathlib import Path

from generator.config import validate_options
from generator.load import load_board
from generator.sync.store import from_json, to_json

ROOT = Path(__file__).resolve().parents[2]

REPO = "lumen-notes/lumen"
SYNCED_AT = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
#: Votes per idea: ``VOTE_SCALE`` times (a Pareto variate, mean 3, less one), capped.
VOTE_SCALE = 17
VOTE_ALPHA = 1.5
MAX_VOTES = 4000
LAYOUTS = ("flat", "year", "month")

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


_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70


def codename(i: int) -> str:
    """A made-up word that only idea ``i`` has in its description (for the search test)."""
    parts = []
    while True:
        i, k = divmod(i, len(_SYLLABLES))
        parts.append(_SYLLABLES[k])
        if not i:
            return "x" + "".join(parts) + "q"


def synthetic_ideas(n: int, seed: int = 1) -> list[dict]:
    """N ideas as plain dicts, deterministic for a seed; issue numbers 1..N."""
    rng = random.Random(seed)
    statuses = list(STATUS_WEIGHTS)
    weights = list(STATUS_WEIGHTS.values())
    ideas = []
    # Big boards span more years: a month folder then holds at most ~1,500 ideas.
    span = max(1000, n // 50)
    first = dt.date(2023, 1, 1) + dt.timedelta(days=1000 - span)
    for i in range(1, n + 1):
        status = rng.choices(statuses, weights)[0]
        if status == "duplicate" and i < 10:
            status = "proposed"
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
        created = first + dt.timedelta(days=rng.randint(0, span))
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
            "description": "\n\n".join(_paragraph(rng) for _ in range(rng.randint(2, 4)))
            + f" Codename {codename(i)}.",
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


def vote_count(rng: random.Random) -> int:
    """How many 👍 one issue has: a heavy tail, about 33 on average."""
    return min(int(VOTE_SCALE * rng.paretovariate(VOTE_ALPHA)) - VOTE_SCALE, MAX_VOTES)


def _issue(number: int, rng: random.Random, title: str, body: str, created: dt.datetime,
           status: str | None, pool: int) -> dict:  # fmt: skip
    voters = []
    # Voters come from one community: the same people vote on many ideas.
    for login in rng.sample(range(pool), vote_count(rng)):
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
    pool = max(50_000, 2 * len(ideas))  # distinct GitHub accounts that vote
    issues = []
    for idea in ideas:
        created = dt.datetime.combine(idea["created"], dt.time(9, 30), tzinfo=dt.UTC)
        body = f"### Summary\n\n{idea['summary']}\n\n### Description\n\n{idea['description']}"
        status = idea["status"]
        issues.append(_issue(idea["issue"], rng, idea["title"], body, created, status, pool))
    for k in range(len(ideas) // 20):
        number = len(ideas) + 1 + k
        created = SYNCED_AT - dt.timedelta(days=rng.randint(1, 60))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
        body = f"### Summary\n\n{_sentence(rng)}\n\n### Description\n\n{_paragraph(rng)}"
        issues.append(_issue(number, rng, title, body, created, None, pool))
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


def idea_folder(idea: dict, layout: str) -> str:
    """The folder of an idea's file under ``ideas/`` in ``layout`` ("" when flat)."""
    created = idea["created"]
    return {"flat": "", "year": f"{created.year}/", "month": f"{created:%Y/%m}/"}[layout]


def subfolders_supported() -> bool:
    """Whether the loader reads idea files in subfolders of ``ideas/`` (a real load)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        idea = synthetic_ideas(1)[0]
        (root / "ideas" / "2024").mkdir(parents=True)
        (root / "ideas" / "2024" / f"{idea['slug']}.yaml").write_text(idea_yaml(idea), "utf-8")
        ideas, _problems = load_board(validate_options({"repo": REPO}, root))
        return len(ideas) == 1


def write_board(dest: Path, ideas: list[dict], layout: str = "flat") -> Path:
    """The repository's site config and theme with a synthetic board; returns mkdocs.yml.

    ``layout`` is one of ``LAYOUTS``; the snapshot stays at ``ideas/snapshot.json``.
    """
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
        folder = ideas_dir / idea_folder(idea, layout)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{idea['slug']}.yaml").write_text(idea_yaml(idea), encoding="utf-8")
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
