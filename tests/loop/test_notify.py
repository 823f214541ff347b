"""Voter mentions (``notify_voters``) against the fake GitHub, read as GitHub renders them.

GitHub renders a comment with cmark-gfm, then links ``@login`` in the text
(not inside links, code or pre) and notifies that person.  ``mentions_in``
does the same with ``cmarkgfm`` and html-pipeline's mention pattern, so the
tests count who GitHub would notify.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from generator.config import load_settings, validate_options
from generator.errors import IdeaboardError
from generator.github import GitHubClient
from generator.loop import feedback as fb
from generator.loop.notify import MENTIONS_PER_COMMENT
from generator.loop.pace import Pace
from generator.pipeline import build_board
from tests.fakegithub import TOKEN
from tests.helpers import cli, make_board

# html-pipeline's MentionFilter: @login after a non-word character, not before a slash.
MENTION_RE = re.compile(
    r"(?:^|\W)@([a-z0-9][a-z0-9-]*)(?!/)(?=\.+[ \t\W]|\.+$|[^0-9a-z_.]|$)", re.IGNORECASE
)
REFERENCE_RE = re.compile(r"(?:^|\W)(?:[\w.-]+/[\w.-]+)?#(\d+)\b")
IGNORED_PARENTS = {"a", "code", "pre", "style", "script"}
ALLOWED_TAGS = {"p", "a", "strong", "em", "blockquote", "ul", "li", "br"}


class _Text(HTMLParser):
    """The text GitHub's filters see: outside links and code; and every tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.texts: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag != "br":
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def handle_data(self, data):
        if not IGNORED_PARENTS & set(self.open):
            self.texts.append(data)


def rendered(body: str) -> _Text:
    html = cmarkgfm.github_flavored_markdown_to_html(body, options=Options.CMARK_OPT_UNSAFE)
    parser = _Text()
    parser.feed(html)
    return parser


def mentions_in(body: str) -> list[str]:
    """The logins GitHub would link and notify in a comment."""
    return [m for text in rendered(body).texts for m in MENTION_RE.findall(text)]


HOSTILE_TITLE = "Dark mode for @evil, #1 and <img src=x onerror=alert(1)>"
DARK = f"""\
title: "{HOSTILE_TITLE}"
summary: A dark theme.
status: shipped
issue: 12
created: 2026-01-05
shipped_in: {{release: "3.3"}}
history:
  - {{date: 2026-01-05, status: proposed, note: Open for votes.}}
  - date: 2026-04-01
    status: shipped
    note: "Shipped in 3.3, thanks @everyone and @octo-org/team! See #1, <b>this</b>, me@ex.org."
"""
NIGHT = """\
title: Night theme
summary: Same as dark mode.
status: duplicate
duplicate_of: dark-mode
issue: 13
created: 2026-01-06
history:
  - {date: 2026-01-06, status: duplicate, note: Merged.}
"""
VOTERS = [f"voter{n}" for n in range(300)]
MERGED = [f"voter{n}" for n in range(280, 320)]  # 20 also voted on #12, 20 only on #13
EVERYONE = sorted(set(VOTERS) | set(MERGED))


@pytest.fixture
def voted(tmp_path, fake_github, fast_writes):
    fake = fake_github
    fake.add_issue(12, "Dark mode")
    fake.add_issue(13, "Night theme")
    for login in VOTERS:
        fake.react(12, login)
    for login in MERGED:
        fake.react(13, login)
    fake.react(12, "dependabot", user_type="Bot")
    fake.react(12, None)  # a deleted account
    config = make_board(
        tmp_path, fake, {"dark-mode": DARK, "night-theme": NIGHT}, notify_voters="[completed]"
    )
    assert cli(config, "sync").exit_code == 0
    return config, fake


def _virtual(fake):
    """A clock that is the fake's ``now``, and a sleep that moves it on."""

    def sleep(seconds: float) -> None:
        fake.now += dt.timedelta(seconds=seconds)

    return (lambda: fake.now), sleep


def _run(config, fake, *, echo=lambda _: None, **limits):
    settings = load_settings(config)
    board = build_board(settings).board
    client = GitHubClient(settings, TOKEN, sleep=lambda s: None, write_pause=0)
    clock, sleep = _virtual(fake)
    pace = functools.partial(Pace, clock=clock, sleep=sleep, **limits)
    return fb.run(board, settings, client, do_apply=True, echo=echo, pace=pace)


def _told(fake) -> Counter:
    return Counter(m for c in fake.issue(12).comments for m in mentions_in(c.body))


def test_the_dry_run_says_how_many_people_in_how_many_comments(voted):
    config, fake = voted
    result = cli(config, "feedback")
    assert result.exit_code == 0, result.output
    batches = -(-len(EVERYONE) // MENTIONS_PER_COMMENT)
    assert result.output.splitlines()[-2:] == [
        f"Dry run: {8 + batches} action(s) on 2 issue(s); nothing was changed. "
        "Run with --apply to carry them out.",
        f"Would mention {len(EVERYONE)} voter(s) in {batches} comment(s).",
    ]
    assert result.output.count("comment on mentioning 50 voter(s) of status shipped") == 6
    assert "comment on mentioning 20 voter(s) of status shipped (2026-04-01)" in result.output
    assert fake.writes == []


def test_every_human_voter_is_mentioned_exactly_once_and_nothing_else_is(voted):
    config, fake = voted
    report = _run(config, fake)
    assert report.summary().splitlines()[-1] == "Mentioned 320 voter(s) in 7 comment(s)."
    assert _told(fake) == Counter(EVERYONE)  # bots, deleted accounts and the title: nobody
    for comment in fake.issue(12).comments:
        seen = rendered(comment.body)
        assert seen.tags <= ALLOWED_TAGS, seen.tags
        assert not [r for text in seen.texts for r in REFERENCE_RE.findall(text)]
        assert len(mentions_in(comment.body)) <= MENTIONS_PER_COMMENT
    news = fake.issue(12).comments[0].body
    assert "\n> Shipped in 3.3, thanks @\u200beveryone and @\u200bocto-org/team!" in news
    again = _run(config, fake)
    assert again.summary() == "Nothing to do: every issue matches its idea."


def test_a_run_killed_halfway_then_run_again_mentions_no_one_twice(voted):
    config, fake = voted
    posted = []

    def killed_after_three(line: str) -> None:
        posted.append(line)
        if sum("mentioning" in p for p in posted) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _run(config, fake, echo=killed_after_three)
    assert sum(_told(fake).values()) == 150
    report = _run(config, fake)
    assert report.summary().splitlines()[-1] == "Mentioned 170 voter(s) in 4 comment(s)."
    assert _told(fake) == Counter(EVERYONE)


def test_the_limits_hold_across_runs_and_a_spent_hour_stops_the_run(voted):
    config, fake = voted
    limits = {"per_minute": 2, "per_hour": 4}
    first = _run(config, fake, **limits)
    assert first.outcome.stopped is not None
    assert (
        first.summary()
        .splitlines()[-1]
        .startswith(
            "Stopped early: GitHub allows 4 content-creating requests an hour and 2 a minute"
        )
    )
    # Right away, the first run's comment still counts: 3 more this hour, then a stop.
    second = _run(config, fake, **limits)
    assert len([a for a in second.outcome.done if "comment" in a.line()]) == 3
    third = _run(config, fake, **limits)
    assert third.outcome.done == []
    assert third.outcome.stopped is not None
    while _told(fake) != Counter(EVERYONE):
        fake.now += dt.timedelta(hours=1)
        _run(config, fake, **limits)
    times = sorted(c.created_at for c in fake.issue(12).comments)
    for i, at in enumerate(times):
        window = [t for t in times[: i + 1] if t > at - dt.timedelta(minutes=1)]
        assert len(window) <= 2
        assert len([t for t in times[: i + 1] if t > at - dt.timedelta(hours=1)]) <= 4


def test_the_pace_keeps_80_a_minute_and_500_an_hour():
    now = [dt.datetime(2026, 1, 1, tzinfo=dt.UTC)]

    def sleep(seconds: float) -> None:
        now[0] += dt.timedelta(seconds=seconds)

    pace = Pace(clock=lambda: now[0], sleep=sleep, max_wait=3600)
    times = []
    for _ in range(1200):
        pace.wait()
        pace.spend()
        times.append(now[0])
    minute, hour = dt.timedelta(minutes=1), dt.timedelta(hours=1)
    for i, at in enumerate(times):
        assert sum(1 for t in times[max(0, i - 100) : i + 1] if t > at - minute) <= 80
        assert sum(1 for t in times[max(0, i - 600) : i + 1] if t > at - hour) <= 500
    assert times[-1] - times[0] >= 2 * hour  # 1,200 writes need more than two hours


def test_notify_voters_is_off_by_default_and_validated(tmp_path):
    assert validate_options({}, tmp_path).notify_voters == ()
    with pytest.raises(IdeaboardError) as caught:
        validate_options({"notify_voters": ["shipped"]}, tmp_path)
    assert str(caught.value) == (
        "mkdocs.yml: plugins.ideaboard.notify_voters: Expected a list of categories from "
        "['open', 'active', 'completed', 'declined', 'duplicate'], such as "
        "[completed, declined], but received: ['shipped']"
    )


def test_without_the_option_nobody_is_mentioned(voted):
    config, fake = voted
    config.write_text(config.read_text().replace("notify_voters: [completed]", ""))
    _run(config, fake)
    assert _told(fake) == Counter()
    assert len(fake.issue(12).comments) == 1


def test_github_s_real_limits_hold_over_hundreds_of_writes(tmp_path, fake_github, fast_writes):
    fake = fake_github
    ideas = {}
    for n in range(1, 121):
        fake.add_issue(n, f"Idea {n}")
        for v in range(3):
            fake.react(n, f"fan{n}-{v}")
        ideas[f"idea-{n}"] = (
            f"title: Idea {n}\nsummary: S.\nstatus: shipped\nissue: {n}\ncreated: 2026-01-05\n"
            "history:\n  - {date: 2026-01-05, status: proposed}\n"
            "  - {date: 2026-04-01, status: shipped, note: Done.}\n"
        )
    config = make_board(tmp_path, fake, ideas, notify_voters="[completed]")
    assert cli(config, "sync").exit_code == 0
    times = []
    report = _run(config, fake, echo=lambda _line: times.append(fake.now))
    assert report.outcome.stopped is None
    assert len(times) == 1 + 4 * 120  # a label, then per idea: label, news, mentions, close
    minute, hour = dt.timedelta(minutes=1), dt.timedelta(hours=1)
    for i, at in enumerate(times):
        assert sum(1 for t in times[: i + 1] if t > at - minute) <= 80
        assert sum(1 for t in times[: i + 1] if t > at - hour) <= 500
    assert times[-1] - times[0] >= 5 * minute  # 481 writes at 80 a minute
    told = Counter(
        m for n in range(1, 121) for c in fake.issue(n).comments for m in mentions_in(c.body)
    )
    assert told == Counter(f"fan{n}-{v}" for n in range(1, 121) for v in range(3))
