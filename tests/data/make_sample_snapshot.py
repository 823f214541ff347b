"""Write the sample board's vote snapshot, ``ideas/snapshot.json``.

The sample board (``ideas/*.yaml``) is for Lumen, an imaginary markdown notes
app for teams.  This script invents what a sync of ``lumen-notes/lumen`` would
have seen on 2026-11-20: one issue per idea that has one, a few fresh proposals
with no YAML file yet, and every 👍 with its voter and time.

It is deterministic: a fixed seed and no clock, so running it twice writes the
same bytes.  Titles, dates, statuses and duplicates come from the YAML files,
so edit those first and then run, from the repository root::

    python tests/data/make_sample_snapshot.py

What the data is shaped to show (the tally and the site depend on it):

- popular ideas with 100-400 voters and small ones with 5-30;
- votes that arrive in waves (launch, status changes, a mention on a news
  site), so sparklines look real, and recent waves on a few ideas so that
  "trending" differs from "top";
- voters who voted on a canonical idea and on its duplicates, so dedupe matters;
- bots (``dependabot[bot]`` with type ``Bot``, ``renovate[bot]`` recognisable
  only by its login) and a reaction whose user is null (a deleted account);
- an issue with more than 100 comments, so ``comment_times`` is cut at 100;
- labels, states and state reasons that match each idea's status category.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.model import statuses as st  # noqa: E402
from generator.model.idea import Idea  # noqa: E402
from generator.model.snapshot import (  # noqa: E402
    REACTIONS,
    Actor,
    Issue,
    RateLimit,
    Snapshot,
    Vote,
)
from generator.sync.store import to_json  # noqa: E402

REPO = "lumen-notes/lumen"
ISSUES_URL = f"https://github.com/{REPO}/issues"
SYNCED_AT = dt.datetime(2026, 11, 20, 12, 0, 0, tzinfo=dt.UTC)
SEED = 20261120
MAINTAINERS = ("mara-lumen", "devin-lumen")
IDEAS_DIR = ROOT / "ideas"
OUTPUT = IDEAS_DIR / "snapshot.json"


# --- what each idea's issue looks like ---------------------------------------


@dataclass(frozen=True)
class Wave:
    """A burst of votes starting on ``start``, fading with a ``days`` time scale."""

    start: str
    weight: float
    days: float


@dataclass(frozen=True)
class Plan:
    """How the sample issue of one idea (or one proposal) should look."""

    author: str | None
    title: str
    problem: str
    solution: str
    who: str
    votes: int  # human voters
    comments: int
    launch: float = 0.3  # share of votes in the first weeks after the issue opened
    launch_days: float = 12
    steady: float = 0.5  # share spread evenly over the issue's life
    waves: tuple[Wave, ...] = ()
    after_close: float = 0.05  # share of votes that arrive after the issue closed
    reactions: dict[str, int] = field(default_factory=dict)
    extra_voters: tuple[tuple[str | None, str], ...] = ()  # bots and deleted accounts
    author_votes: bool = True  # the author also gave their own issue a 👍
    locked: bool = False


PLANS: dict[str, Plan] = {
    "real-time-collaboration": Plan(
        author="hannah-okafor",
        title="Real-time collaboration: several people editing the same note",
        problem=(
            "When two of us open the same note at the same time, one of us gets a "
            "conflict copy and has to merge it by hand afterwards. We take meeting notes "
            "together every day, so this happens constantly."
        ),
        solution=(
            "Live co-editing like in Google Docs: changes appear for everyone straight "
            "away, with a cursor and a name for each person in the note. It must keep "
            "working on a flaky connection."
        ),
        who="Any team that writes notes together: meetings, incident reviews, planning.",
        votes=392,
        comments=94,
        launch=0.22,
        steady=0.46,
        waves=(
            Wave("2025-07-08", 0.09, 10),
            Wave("2026-03-17", 0.08, 9),
            Wave("2026-08-25", 0.1, 14),
            Wave("2026-11-03", 0.05, 10),
        ),
        reactions={"heart": 61, "rocket": 44, "eyes": 23, "hooray": 9},
        extra_voters=(("renovate[bot]", "User"),),
    ),
    "offline-editing-mobile": Plan(
        author="tmlindqvist",
        title="Offline mode for the iOS and Android apps",
        problem=(
            "The mobile apps are useless without a connection. I commute by train "
            "through long tunnels and cannot even open a note I wrote yesterday."
        ),
        solution=(
            "Keep notes on the device and sync changes when the connection comes "
            "back, like the desktop app does. Attachments could be downloaded on demand."
        ),
        who="Everyone who uses Lumen on a phone: commuters, travellers, field workers.",
        votes=338,
        comments=71,
        launch=0.3,
        steady=0.4,
        waves=(Wave("2025-05-14", 0.1, 8), Wave("2025-09-16", 0.12, 10)),
        after_close=0.07,
        reactions={"heart": 48, "hooray": 57, "rocket": 21, "eyes": 6},
        extra_voters=((None, "User"),),
    ),
    "end-to-end-encryption": Plan(
        author="ines-carvalho",
        title="End-to-end encryption for sensitive notebooks",
        problem=(
            "Our HR and legal teams cannot keep case notes in a service that can read "
            "them. Encryption at rest does not satisfy our compliance team."
        ),
        solution=(
            "Optional end-to-end encryption per notebook, with keys only on members' "
            "devices and a recovery key for admins."
        ),
        who="Teams handling personal or confidential data: HR, legal, healthcare, security.",
        votes=262,
        comments=58,
        launch=0.28,
        steady=0.47,
        waves=(Wave("2026-01-27", 0.12, 10), Wave("2026-09-08", 0.08, 12)),
        reactions={"heart": 39, "rocket": 18, "eyes": 31},
    ),
    "backlinks-panel": Plan(
        author="sam-whitfield",
        title="Backlinks: show notes that link to the current note",
        problem=(
            "I can link from one note to another with [[wiki links]], but there is no "
            "way to see which notes link *to* the one I am reading."
        ),
        solution=(
            "A backlinks panel in the sidebar, with some context around each link, and "
            "ideally unlinked mentions too."
        ),
        who="Anyone using Lumen as a team wiki or a personal knowledge base.",
        votes=205,
        comments=33,
        launch=0.35,
        steady=0.45,
        waves=(Wave("2025-06-24", 0.12, 8),),
        after_close=0.06,
        reactions={"heart": 27, "hooray": 31, "rocket": 8},
    ),
    "public-share-links": Plan(
        author="aylin-demir",
        title="Public read-only link for a single note",
        problem=(
            "To show one note to a customer I have to export a PDF and email it, and "
            "then it is out of date the next day."
        ),
        solution=(
            "A 'Share publicly' switch that gives a read-only web link, which I can "
            "revoke, with an optional expiry date."
        ),
        who="Anyone who shares notes with people outside the workspace.",
        votes=171,
        comments=29,
        launch=0.3,
        steady=0.5,
        waves=(Wave("2026-07-14", 0.15, 10),),
        reactions={"heart": 14, "rocket": 7, "eyes": 5, "-1": 2},
    ),
    "pdf-export": Plan(
        author="jonas-brandt",
        title="Export to PDF",
        problem=(
            "Printing a note from the browser breaks code blocks across pages and "
            "loses the styling. Our auditors want PDFs."
        ),
        solution="An export to PDF for a note or a whole notebook, keeping links and code.",
        who="Teams who hand documents to clients, auditors or managers.",
        votes=148,
        comments=21,
        launch=0.4,
        steady=0.45,
        waves=(Wave("2025-03-10", 0.1, 7),),
        after_close=0.04,
        reactions={"heart": 12, "hooray": 22, "rocket": 3},
    ),
    "built-in-ai-assistant": Plan(
        author="leo-marchetti",
        title="AI assistant to summarise and rewrite notes",
        problem=(
            "Summarising long meeting notes and cleaning up rough drafts takes a lot "
            "of time, and other notes apps now do it for you."
        ),
        solution=(
            "A built-in assistant: summarise, rewrite, and answer questions about the workspace."
        ),
        who="Busy teams with lots of meeting notes.",
        votes=127,
        comments=117,
        launch=0.45,
        steady=0.4,
        waves=(Wave("2026-01-20", 0.12, 6),),
        after_close=0.03,
        reactions={"heart": 9, "-1": 31, "confused": 4, "eyes": 12, "laugh": 2},
    ),
    "search-attachments": Plan(
        author="priya-raman",
        title="Search text inside PDFs and images",
        problem=(
            "A lot of our research lives in attached PDFs and whiteboard photos, and "
            "search ignores all of it."
        ),
        solution="Index PDF text and run OCR on images, and show the matches in search results.",
        who="Researchers, students, and anyone who attaches documents to notes.",
        votes=118,
        comments=19,
        launch=0.3,
        steady=0.5,
        waves=(Wave("2025-12-09", 0.12, 9),),
        after_close=0.05,
        reactions={"heart": 11, "hooray": 19, "rocket": 4},
        extra_voters=(("dependabot[bot]", "Bot"),),
    ),
    "mermaid-diagrams": Plan(
        author="kwame-asante",
        title="Support Mermaid diagrams in code blocks",
        problem=(
            "We write diagrams as code in GitHub, but in Lumen a mermaid block is just "
            "text, so we paste screenshots that go stale."
        ),
        solution="Render `mermaid` code blocks as diagrams, in the editor and in exports.",
        who="Engineering and product teams who document systems and processes.",
        votes=96,
        comments=24,
        launch=0.2,
        steady=0.22,
        waves=(Wave("2026-05-19", 0.08, 7), Wave("2026-10-29", 0.5, 9)),
        reactions={"heart": 13, "rocket": 17, "hooray": 6},
    ),
    "custom-keyboard-shortcuts": Plan(
        author="felix-hartmann",
        title="Let us change keyboard shortcuts",
        problem=(
            "Some shortcuts clash with other apps, and a few are awkward on non-US "
            "keyboards. I use the keyboard for everything because of RSI."
        ),
        solution="A settings page to view, change and reset every shortcut.",
        who="Keyboard users, people with RSI or motor impairments, non-US keyboard layouts.",
        votes=84,
        comments=16,
        launch=0.3,
        steady=0.5,
        waves=(Wave("2026-01-13", 0.12, 8),),
        after_close=0.06,
        reactions={"heart": 15, "hooray": 12},
    ),
    "compare-note-versions": Plan(
        author="chloe-nguyen",
        title="Diff view between two versions of a note",
        problem=(
            "I can restore an old version of a note, but I cannot see what changed "
            "between versions before I do."
        ),
        solution="A compare view in version history that highlights added and removed lines.",
        who="Teams editing shared specs, policies and runbooks.",
        votes=71,
        comments=12,
        launch=0.35,
        launch_days=6,
        steady=0.15,
        waves=(Wave("2026-11-10", 0.5, 4),),
        reactions={"heart": 8, "eyes": 3, "rocket": 2},
    ),
    "calendar-daily-notes": Plan(
        author="rachel-oduya",
        title="Calendar integration for daily notes",
        problem=(
            "Every morning I copy my meetings from Outlook into my daily note and "
            "create a meeting note for each one by hand."
        ),
        solution=(
            "Connect Google Calendar and Outlook, list today's events in the daily "
            "note, and create a meeting note from an event."
        ),
        who="Anyone whose day is mostly meetings.",
        votes=63,
        comments=14,
        launch=0.35,
        steady=0.55,
        waves=(Wave("2026-02-24", 0.1, 6),),
        reactions={"heart": 6, "eyes": 2},
    ),
    "apple-pencil-handwriting": Plan(
        author="mei-tanaka",
        title="Apple Pencil support / handwriting in notes",
        problem=(
            "I take lecture notes on an iPad and need to sketch graphs and structures. "
            "I draw in another app and paste images in."
        ),
        solution="A drawing block inside a note that works with the Pencil, saved as SVG.",
        who="Students, designers and anyone taking notes on a tablet.",
        votes=52,
        comments=9,
        launch=0.4,
        steady=0.4,
        waves=(Wave("2026-09-15", 0.2, 7),),
        reactions={"heart": 9},
    ),
    "wysiwyg-only-mode": Plan(
        author="d-kowalczyk",
        title="Option to hide markdown syntax for non-technical users",
        problem=(
            "Most of our staff are not technical and are confused by the asterisks "
            "and hash signs. Some refuse to use Lumen because of it."
        ),
        solution="A WYSIWYG-only mode, like a word processor, which admins can enforce.",
        who="Companies rolling Lumen out beyond engineering.",
        votes=41,
        comments=27,
        launch=0.55,
        steady=0.4,
        after_close=0.05,
        reactions={"-1": 6, "heart": 3, "confused": 2},
    ),
    "slack-to-notebook": Plan(
        author="omar-haddad",
        title="Slack integration: save a thread to Lumen",
        problem="Decisions are made in Slack threads and then nobody can find them.",
        solution="A 'Save to Lumen' message shortcut in Slack that turns a thread into a note.",
        who="Teams that use Slack for day-to-day discussion.",
        votes=37,
        comments=8,
        launch=0.4,
        steady=0.5,
        waves=(Wave("2026-04-07", 0.1, 5),),
        reactions={"heart": 4},
    ),
    "docx-export": Plan(
        author="claire-dubois",
        title="Export notes as .docx",
        problem="Clients want Word documents they can edit, and copy-paste into Word loses tables.",
        solution="Export a note as .docx with headings, tables and images, and a Word template.",
        who="Consultants and agencies who deliver documents to clients.",
        votes=27,
        comments=6,
        launch=0.3,
        steady=0.7,
        reactions={"heart": 2},
    ),
    "linked-mentions": Plan(
        author="erik-sundberg",
        title="Linked references at the bottom of each note",
        problem=(
            "On a person's page I want to see every meeting note that mentions them, "
            "like the linked references in Roam."
        ),
        solution="Show a list of notes that mention the current note, at the bottom of the note.",
        who="People using Lumen as a CRM or a team wiki.",
        votes=19,
        comments=3,
        launch=0.9,
        launch_days=1,
        steady=0.1,
        after_close=0.1,
        reactions={"heart": 1},
    ),
    "two-way-links": Plan(
        author="nadia-petrova",
        title="Two-way links between notes",
        problem="Links only go one way, which makes Lumen hard to use as a knowledge base.",
        solution="When note A links to note B, show a link back to A on B.",
        who="Support teams and anyone building a knowledge base.",
        votes=12,
        comments=2,
        launch=0.95,
        launch_days=0.5,
        steady=0.05,
        after_close=0.15,
    ),
    "zotero-citations": Plan(
        author="g-moreau-lab",
        title="Zotero integration for citations",
        problem="We copy citations from Zotero by hand and the formatting never matches.",
        solution=(
            "Search the Zotero library with @ in the editor, insert a citation key, and "
            "build a bibliography."
        ),
        who="Academics, students and research teams.",
        votes=9,
        comments=3,
        launch=0.5,
        steady=0.5,
        reactions={"heart": 2},
    ),
    "earn-tokens-for-notes": Plan(
        author="lmn-presale-official",
        title="Earn LMN tokens for every note!!!",
        problem="Writers are not paid for their notes.",
        solution="Join the LMN token presale and earn rewards for every note you write.",
        who="Everyone who wants passive income.",
        votes=3,
        comments=1,
        launch=1.0,
        launch_days=0.2,
        steady=0.0,
        after_close=0.0,
        reactions={"-1": 14, "laugh": 3},
        author_votes=True,
        locked=True,
    ),
}

#: Idea-labelled issues with no YAML file yet: proposals awaiting triage.
PROPOSALS: dict[int, tuple[str, Plan]] = {
    379: (
        "2026-11-08T09:12:44Z",
        Plan(
            author="ana-souza",
            title="Templates for recurring meeting notes",
            problem=(
                "Our weekly 1:1s and retros always start from the same headings. I keep a "
                "'template' note and duplicate it every time, which is easy to forget."
            ),
            solution=(
                "Note templates, with placeholders for the date and the attendees, and a "
                "way to create a note from a template on a schedule (every Monday)."
            ),
            who="Managers and anyone running recurring meetings.",
            votes=14,
            comments=3,
            launch=0.7,
            launch_days=3,
            steady=0.3,
            reactions={"heart": 2},
        ),
    ),
    386: (
        "2026-11-12T16:40:03Z",
        Plan(
            author="viktor-hlavac",
            title="Pin notes to the top of a notebook",
            problem=(
                "Every notebook has one or two notes everyone needs (the README, the "
                "on-call rota), and they get buried under newer notes."
            ),
            solution="Let us pin notes so they always stay at the top of the notebook's list.",
            who="Any team with shared notebooks.",
            votes=6,
            comments=1,
            launch=0.8,
            launch_days=2,
            steady=0.2,
        ),
    ),
    391: (
        "2026-11-16T21:05:37Z",
        Plan(
            author="jmcallister",
            title="Remember reading position in long notes across devices",
            problem=(
                "I read long research notes on my laptop and then on my phone, and the "
                "phone always opens them at the top."
            ),
            solution="Sync the scroll position of each note, and jump back to it when I open it.",
            who="",
            votes=2,
            comments=0,
            launch=1.0,
            launch_days=2,
            steady=0.0,
        ),
    ),
    394: (
        "2026-11-19T07:58:21Z",
        Plan(
            author="sunita-k",
            title="Quick capture widget for the Android home screen",
            problem=(
                "Opening the app to jot something down takes too long; by the time the "
                "editor is open I have forgotten half of it."
            ),
            solution=(
                "A home-screen widget with a text box that saves straight into an inbox "
                "notebook, like Google Keep's widget."
            ),
            who="Android users who capture quick thoughts during the day.",
            votes=1,
            comments=0,
            launch=1.0,
            launch_days=0.3,
            steady=0.0,
        ),
    ),
}

#: Voters who voted on a canonical idea and then again on its duplicate.
SHARED_WITH_CANONICAL = {"linked-mentions": 6, "two-way-links": 4}


# --- logins ------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "aaron adaeze aiko alejandro alex alice amara amir ana andrea anja arjun ben bianca "
    "bruno camille carlos chen chiara chris dana daniel david diego elena eli emma farah "
    "fatima finn gabriel grace hana hugo ibrahim ingrid isabel ivan jack jakub james jana "
    "javier jin joao jonas julia kai karin kate kenji kim lars laura lea liam lina lucas "
    "luis maja marco maria mateo max maya mehmet mia miguel mikko nina noah nora oliver "
    "olga paul pedro petra quinn rafael rania rosa ruth sara sean sofia stefan tara tom "
    "uma valentina vera wei yara yusuf zoe"
)
LAST = _words(
    "abe adams ahmed alvarez andersen bauer becker bianchi costa cruz dahl diaz eriksen "
    "fischer garcia green haas hansen ito jensen kaur khan kim kowalski kruger lee lopez "
    "martin meyer moreno murphy nakamura nielsen novak okoro olsen park patel perez ricci "
    "rossi santos sato schmidt silva singh smith sousa suzuki tan torres vargas weber "
    "wong yilmaz zhang"
)
WORDS = _words(
    "amber arctic atlas birch byte cedar cobalt comet coral delta ember fable fern "
    "flint harbor indigo juniper kernel lumen maple nimbus north orbit pixel quartz "
    "raven river sable sierra solar spruce tidal umber velvet willow zephyr"
)
SUFFIXES = ("dev", "codes", "writes", "notes", "hq", "io", "labs", "works")


def make_logins(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct, realistic GitHub logins (letters, digits, single hyphens)."""
    taken = set(MAINTAINERS)
    logins: list[str] = []
    while len(logins) < count:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        style = rng.randrange(10)
        if style == 0:
            login = f"{first}{last}"
        elif style == 1:
            login = f"{first}-{last}"
        elif style == 2:
            login = f"{first[0]}{last}"
        elif style == 3:
            login = f"{first}{rng.randrange(1, 100)}"
        elif style == 4:
            login = f"{first}-{rng.choice(SUFFIXES)}"
        elif style == 5:
            login = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}"
        elif style == 6:
            login = f"{first.capitalize()}{last.capitalize()}"
        elif style == 7:
            login = f"{last}{first[0]}{rng.randrange(1970, 2006)}"
        elif style == 8:
            login = f"the-{first}-{last}"
        else:
            login = f"{first}{last[:3]}{rng.choice(SUFFIXES)}"
        if login.lower() not in {t.lower() for t in taken}:
            taken.add(login)
            logins.append(login)
    return logins


def weighted_sample(rng: random.Random, pool: list[str], weights: list[float], k: int) -> list[str]:
    """``k`` distinct items, more likely the heavier ones (Efraimidis-Spirakis)."""
    keyed = sorted(
        ((rng.random() ** (1 / w), login) for login, w in zip(pool, weights, strict=True)),
        reverse=True,
    )
    return [login for _, login in keyed[:k]]


# --- times -------------------------------------------------------------------


def at(day: str | dt.date, rng: random.Random, earliest_hour: int = 6) -> dt.datetime:
    """A time during the working day of ``day`` (UTC)."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    seconds = rng.randrange(earliest_hour * 3600, 20 * 3600)
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC) + dt.timedelta(seconds=seconds)


def vote_times(
    plan: Plan, opened: dt.datetime, closed: dt.datetime | None, n: int, rng: random.Random
) -> list[dt.datetime]:
    """``n`` vote times: a launch burst, a steady trickle, waves, and a tail after closing."""
    end = closed or SYNCED_AT
    components: list[tuple[float, str, dt.datetime, float]] = [
        (plan.launch, "decay", opened, plan.launch_days),
        (plan.steady, "uniform", opened, 0.0),
    ]
    for wave in plan.waves:
        components.append((wave.weight, "decay", at(wave.start, rng), wave.days))
    weights = [c[0] for c in components]
    times: list[dt.datetime] = []
    n_after = round(n * plan.after_close) if closed else 0
    while len(times) < n - n_after:
        if sum(weights) <= 0:
            kind, start, days = "decay", opened, 1.0
        else:
            _, kind, start, days = rng.choices(components, weights=weights)[0]
        if kind == "uniform":
            t = opened + (end - opened) * rng.random()
        else:
            t = start + dt.timedelta(days=rng.expovariate(1 / max(days, 0.05)))
        if opened < t < end:
            times.append(t)
    while len(times) < n:  # people still vote on closed issues, fewer and fewer
        t = end + dt.timedelta(days=rng.expovariate(1 / 60))
        if t < SYNCED_AT:
            times.append(t)
    return [t.replace(microsecond=0) for t in times]


def comment_times(
    count: int,
    opened: dt.datetime,
    notes: list[dt.datetime],
    closed: dt.datetime | None,
    rng: random.Random,
) -> tuple[dt.datetime, ...]:
    """The latest (at most 100) of ``count`` comment times.

    The maintainers' status notes are comments; the rest of the discussion is
    busiest while an issue is new, and a few people still comment after it closes.
    """
    times = [t for t in notes if t > opened][:count]
    end = closed or SYNCED_AT
    span = (end - opened).total_seconds()
    while len(times) < count:
        if closed is not None and rng.random() < 0.1:
            t = closed + dt.timedelta(days=rng.expovariate(1 / 20))
        else:
            fraction = rng.expovariate(4) if rng.random() < 0.7 else rng.random()
            t = opened + dt.timedelta(seconds=60 + span * fraction)
        if opened < t < SYNCED_AT and (closed is None or t >= closed or t < end):
            times.append(t)
    return tuple(sorted(t.replace(microsecond=0) for t in times)[-100:])


# --- issues ------------------------------------------------------------------


def form_body(plan: Plan) -> str:
    """The body GitHub writes for the idea issue form."""
    sections = (
        ("The problem", plan.problem),
        ("Proposed solution", plan.solution),
        ("Who benefits", plan.who),
    )
    parts = [f"### {label}\n\n{value or '_No response_'}" for label, value in sections]
    parts.append("### Similar ideas\n\n- [X] I searched the board for similar ideas")
    return "\n\n".join(parts)


def reactions(plan: Plan, thumbs_up: int) -> dict[str, int]:
    counts = dict.fromkeys(REACTIONS, 0)
    counts.update(plan.reactions)
    counts["+1"] = thumbs_up
    return counts


def build_issue(
    number: int,
    plan: Plan,
    labels: tuple[str, ...],
    opened: dt.datetime,
    category: str,
    history: list[dt.datetime],
    voters: list[str],
    rng: random.Random,
) -> Issue:
    state, reason = st.ISSUE_STATE[category]
    closed = history[-1] if state == "closed" else None
    times = vote_times(plan, opened, closed, len(voters), rng)
    order = list(voters)
    rng.shuffle(order)  # who voted early is random
    votes = [Vote(Actor(login), t) for login, t in zip(order, sorted(times), strict=True)]
    for login, kind in plan.extra_voters:
        votes.append(Vote(Actor(login, kind), vote_times(plan, opened, closed, 1, rng)[0]))
    if plan.author_votes and plan.author:
        votes.append(Vote(Actor(plan.author), opened + dt.timedelta(seconds=rng.randrange(5, 90))))
    comments = comment_times(plan.comments, opened, history, closed, rng)
    updated = max([opened, *(comments[-1:]), *([closed] if closed else [])])
    return Issue(
        number=number,
        title=plan.title,
        url=f"{ISSUES_URL}/{number}",
        state=state,
        state_reason=reason,
        created_at=opened,
        updated_at=updated,
        closed_at=closed,
        body=form_body(plan),
        author=Actor(plan.author) if plan.author else None,
        labels=labels,
        locked=plan.locked,
        comments=plan.comments,
        comment_times=comments,
        reactions=reactions(plan, len(votes)),
        voters=tuple(votes),
    )


def load_ideas() -> dict[str, Idea]:
    ideas = {}
    for path in sorted(IDEAS_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ideas[path.stem] = Idea.from_mapping(path.stem, f"ideas/{path.name}", data)
    return ideas


def build_snapshot() -> Snapshot:
    """The whole sample snapshot; the same every time."""
    rng = random.Random(SEED)
    pool = make_logins(rng, 1400)
    # A few enthusiasts vote on a lot of ideas; most people vote on one or two.
    weights = [1 / (rank + 8) ** 0.9 for rank in range(len(pool))]
    ideas = load_ideas()
    issues: dict[int, Issue] = {}
    chosen: dict[str, list[str]] = {}
    for slug in sorted(ideas, key=lambda s: ideas[s].duplicate_of is not None):
        idea = ideas[slug]
        if idea.issue is None:
            continue
        plan = PLANS[slug]
        rng_idea = random.Random(f"{SEED}:{slug}")
        others = [p for p in pool if p != plan.author]
        voters = weighted_sample(rng_idea, others, weights[: len(others)], plan.votes)
        shared = SHARED_WITH_CANONICAL.get(slug, 0)
        if shared:
            canonical = [v for v in chosen[idea.duplicate_of] if v != plan.author]
            both = rng_idea.sample(canonical, shared)
            voters = both + [v for v in voters if v not in both][: plan.votes - shared]
        chosen[slug] = voters
        opened = at(idea.created, rng_idea)
        history = []
        for entry in idea.history:
            t = at(entry.date, rng_idea, earliest_hour=8)
            history.append(max(t, opened + dt.timedelta(minutes=rng_idea.randrange(20, 180))))
        history = sorted(history)
        category = st.DEFAULT_STATUSES[idea.status]
        labels = ("idea", f"status: {idea.status}")
        issues[idea.issue] = build_issue(
            idea.issue, plan, labels, opened, category, history, voters, rng_idea
        )
    for number, (opened_text, plan) in PROPOSALS.items():
        rng_prop = random.Random(f"{SEED}:{number}")
        opened = dt.datetime.fromisoformat(opened_text.replace("Z", "+00:00"))
        voters = weighted_sample(rng_prop, pool, weights, plan.votes - int(plan.author_votes))
        issues[number] = build_issue(number, plan, ("idea",), opened, st.OPEN, [], voters, rng_prop)
    return Snapshot(
        repo=REPO,
        synced_at=SYNCED_AT,
        issues=issues,
        complete=True,
        rate_limit=RateLimit(
            limit=5000, remaining=4863, reset_at=dt.datetime(2026, 11, 20, 12, 41, 7, tzinfo=dt.UTC)
        ),
    )


def main() -> None:
    snapshot = build_snapshot()
    # Not ``save``: that keeps a ``.prev`` backup beside the file, which does not
    # belong in the sample board, and a rerun must give the same bytes anyway.
    OUTPUT.write_text(to_json(snapshot), encoding="utf-8", newline="\n")
    issues, votes = len(snapshot.issues), snapshot.total_votes()
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {issues} issues, {votes} votes")


if __name__ == "__main__":
    main()
