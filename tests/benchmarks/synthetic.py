"""Synthetic boards for the benchmarks and the big-board browser tests: the data.

``synthetic_ideas(n)`` makes N ideas as plain dicts (deterministic for a seed);
``idea_yaml`` writes one as a file; ``synthetic_snapshot`` makes their issues and
votes.  ``sites.py`` writes them out as a board and as the bare baseline.

Votes follow a heavy tail, as on real boards: about 33 👍 per idea on average
(5 million at 150,000 ideas), most ideas a handful, a few thousands.
"""

from __future__ import annotations

import datetime as dt
import json
import random

REPO = "lumen-notes/lumen"
SYNCED_AT = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
#: Votes per idea: ``VOTE_SCALE`` times (a Pareto variate, mean 3, less one), capped.
VOTE_SCALE = 17
VOTE_ALPHA = 1.5
MAX_VOTES = 4000

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
