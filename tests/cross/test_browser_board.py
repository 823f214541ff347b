"""The board's behaviour in Debian's Chromium: load, filter, sort, search, vote link, palette.

Expectations come from the data, not from the page: the idea files in ``ideas/``
(status, tags, issue, hidden), the statuses configured in ``mkdocs.yml``, and the
tallied figures the site publishes in ``api/ideas.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from functools import cache

import pytest
import yaml

from generator.config import load_settings
from generator.model import statuses as st
from tests.browser import ROOT, axe_violations, format_violations

# The shared browser fixtures: browser, sample_site, sample_url, page, watcher.

BOARD = "[data-ib-board]"
CARDS = "[data-ib-cards] .ib-card"
VOTE_TEXT = "Vote on GitHub"


# ---------------------------------------------------------------- the data


@cache
def settings():
    return load_settings(ROOT / "mkdocs.yml")


@cache
def ideas() -> dict[str, dict]:
    """Every idea file of the sample board, by slug, as plain YAML data."""
    out = {}
    for path in sorted((ROOT / "ideas").glob("*.yaml")):
        out[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return out


def category(slug: str) -> str:
    return settings().category(ideas()[slug]["status"])


def visible() -> list[str]:
    """Slugs of the ideas the board may show (not hidden)."""
    return [slug for slug, data in ideas().items() if not data.get("hidden")]


def on_board() -> list[str]:
    """Slugs the board shows by default: every visible idea but duplicates."""
    return [s for s in visible() if category(s) != st.DUPLICATE]


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def last_changed(slug: str) -> dt.date:
    data = ideas()[slug]
    history = data.get("history") or []
    return as_date(history[-1]["date"]) if history else as_date(data["created"])


def api_ideas(site) -> dict[str, dict]:
    """The site's public API, ``api/ideas.json``: the tallied ideas by slug."""
    data = json.loads((site / "api" / "ideas.json").read_text(encoding="utf-8"))
    items = data["ideas"]
    return items if isinstance(items, dict) else {i["slug"]: i for i in items}


# ---------------------------------------------------------------- the page


def open_board(page, url):
    page.goto(url, wait_until="load")
    # The script reveals the controls once it has loaded the board's index.
    page.wait_for_selector(f"{BOARD}:not([hidden])", timeout=10_000)
    return page


def shown_cards(page) -> list[dict]:
    """The cards a reader sees, in order: slug, votes, status, tags."""
    return page.eval_on_selector_all(
        CARDS,
        """cards => cards.filter(c => c.offsetParent !== null).map(c => ({
            slug: c.dataset.slug,
            votes: parseInt(c.querySelector('.ib-count--votes').textContent.replace(/\\D+/g, ' ')
                           .trim().split(' ')[0], 10),
            status: c.querySelector('.ib-badge').dataset.status,
            tags: [...c.querySelectorAll('.ib-tag')].map(t => t.textContent.trim()),
        }))""",
    )


def choose(page, name: str, value: str) -> list[dict]:
    """Pick ``value`` in the board's ``name`` select; return the cards shown after it."""
    page.select_option(f"{BOARD} select[name={name}]", value)
    # The script fetches a page of the index on "change" (aria-busy until it is drawn).
    page.wait_for_selector("[data-ib-cards]:not([aria-busy])")
    show_everything(page)
    return shown_cards(page)


def show_everything(page) -> None:
    """Press "Show more" until every matching card is on the page."""
    # A view the address asked for is being fetched (aria-busy) when the form appears.
    page.wait_for_selector("[data-ib-cards]:not([aria-busy])")
    for _ in range(100):
        more = page.locator("[data-ib-more]")
        if more.count() == 0 or not more.is_visible():
            return
        more.click()
        page.wait_for_selector("[data-ib-cards]:not([aria-busy])")


# ---------------------------------------------------------------- tests


def test_board_loads_without_console_errors(sample_url, page, watcher):
    open_board(page, sample_url)
    page.wait_for_timeout(300)
    assert not watcher.problems(), "\n".join(watcher.problems())
    assert shown_cards(page), "the board shows no cards"


def test_board_shows_every_idea_but_duplicates_and_hidden(sample_url, page, watcher):
    open_board(page, sample_url)
    show_everything(page)
    slugs = [c["slug"] for c in shown_cards(page)]
    assert len(slugs) == len(set(slugs)), "a card appears twice"
    assert sorted(slugs) == sorted(on_board())
    assert not watcher.problems(), "\n".join(watcher.problems())


def test_cards_show_the_status_of_the_idea_file(sample_url, page):
    open_board(page, sample_url)
    show_everything(page)
    for card in shown_cards(page):
        assert card["status"] == ideas()[card["slug"]]["status"], card


@pytest.mark.parametrize("cat", st.CATEGORIES)
def test_filter_by_status_category(sample_url, page, watcher, cat):
    expected = sorted(s for s in visible() if category(s) == cat)
    if not expected:
        pytest.skip(f"the sample board has no visible idea in the {cat!r} category")
    open_board(page, sample_url)
    cards = choose(page, "category", cat)
    assert sorted(c["slug"] for c in cards) == expected
    assert f"{len(expected)}" in page.inner_text("[data-ib-count]")
    assert not watcher.problems(), "\n".join(watcher.problems())


def test_filter_by_tag(sample_url, page, watcher):
    counts = Counter(t for s in on_board() for t in ideas()[s].get("tags") or [])
    assert counts, "the sample board has no tags"
    open_board(page, sample_url)
    options = page.eval_on_selector_all(
        f"{BOARD} select[name=tag] option", "os => os.map(o => [o.value, o.textContent])"
    )
    by_name = {text.rsplit(" (", 1)[0].strip(): value for value, text in options if value}
    # The most used tag, and one used once: both must show exactly their ideas.
    for tag in {counts.most_common()[0][0], counts.most_common()[-1][0]}:
        cards = choose(page, "tag", by_name[tag])
        expected = sorted(s for s in on_board() if tag in (ideas()[s].get("tags") or []))
        assert sorted(c["slug"] for c in cards) == expected, tag
        assert all(tag in c["tags"] for c in cards), tag
    # Back to any tag: everything again.
    cards = choose(page, "tag", "")
    assert sorted(c["slug"] for c in cards) == sorted(on_board())
    assert not watcher.problems(), "\n".join(watcher.problems())


def test_filters_combine(sample_url, page):
    open_board(page, sample_url)
    # A tag that open ideas and other ideas share, so both filters must do their part.
    open_tags = Counter(
        t for s in visible() if category(s) == st.OPEN for t in ideas()[s].get("tags") or []
    )
    other_tags = {
        t for s in on_board() if category(s) != st.OPEN for t in ideas()[s].get("tags") or []
    }
    shared = [t for t, _ in open_tags.most_common() if t in other_tags]
    if not shared:
        pytest.skip("no tag of the sample board is used by open ideas and others alike")
    tag = shared[0]
    choose(page, "category", st.OPEN)
    options = page.eval_on_selector_all(
        f"{BOARD} select[name=tag] option", "os => os.map(o => [o.value, o.textContent])"
    )
    value = next(v for v, text in options if text.rsplit(" (", 1)[0].strip() == tag)
    cards = choose(page, "tag", value)
    expected = sorted(
        s for s in visible() if category(s) == st.OPEN and tag in (ideas()[s].get("tags") or [])
    )
    assert sorted(c["slug"] for c in cards) == expected


def test_sort_orders(sample_site, sample_url, page, watcher):
    api = api_ideas(sample_site)
    expected = {  # the board's documented orders, with the slug as the last tie-break
        "trending": lambda s: (-api[s]["trending"], -api[s]["votes"], s),
        "top": lambda s: (-api[s]["votes"], -api[s]["trending"], s),
        "newest": lambda s: (-as_date(ideas()[s]["created"]).toordinal(), s),
        "changed": lambda s: (-last_changed(s).toordinal(), s),
    }
    open_board(page, sample_url)
    show_everything(page)
    default = [c["slug"] for c in shown_cards(page)]
    assert default == sorted(on_board(), key=expected["trending"]), "default is not trending"

    orders = {}
    for order in ("top", "newest", "changed", "trending"):
        cards = choose(page, "sort", order)
        orders[order] = [c["slug"] for c in cards]
        assert orders[order] == sorted(on_board(), key=expected[order]), order
    votes = [c["votes"] for c in choose(page, "sort", "top")]
    assert votes == sorted(votes, reverse=True), f"top voted is not by votes: {votes}"
    assert len({tuple(o) for o in orders.values()}) > 1, "every sort shows the same order"
    assert orders["trending"] == default
    assert not watcher.problems(), "\n".join(watcher.problems())


def test_card_votes_match_the_api(sample_site, sample_url, page):
    api = api_ideas(sample_site)
    open_board(page, sample_url)
    show_everything(page)
    for card in shown_cards(page):
        assert card["votes"] == api[card["slug"]]["votes"], card


def test_filters_and_sort_come_from_the_address(sample_site, sample_url, page, watcher):
    # The script keeps the choice in the query string, so a filtered board can be shared.
    api = api_ideas(sample_site)
    page.goto(f"{sample_url}?status={st.ACTIVE}&sort=top", wait_until="load")
    page.wait_for_selector(f"{BOARD}:not([hidden])", timeout=10_000)
    show_everything(page)
    assert page.input_value(f"{BOARD} select[name=category]") == st.ACTIVE
    assert page.input_value(f"{BOARD} select[name=sort]") == "top"
    expected = sorted(
        (s for s in visible() if category(s) == st.ACTIVE),
        key=lambda s: (-api[s]["votes"], -api[s]["trending"], s),
    )
    assert [c["slug"] for c in shown_cards(page)] == expected
    choose(page, "category", st.COMPLETED)
    assert f"status={st.COMPLETED}" in page.url
    assert not watcher.problems(), "\n".join(watcher.problems())


def test_without_javascript_the_board_still_lists_ideas(browser, sample_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(sample_url, wait_until="load")
        slugs = page.eval_on_selector_all(CARDS, "cs => cs.map(c => c.dataset.slug)")
        assert slugs, "no cards without JavaScript"
        assert set(slugs) <= set(on_board())
        assert page.locator(BOARD).is_hidden(), "controls that cannot work are shown"
    finally:
        context.close()


def test_without_javascript_status_pages_list_their_ideas(browser, sample_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for status in settings().statuses:
            expected = sorted(s for s in visible() if ideas()[s]["status"] == status)
            response = page.goto(f"{sample_url}status/{status}/", wait_until="load")
            assert response.status == 200, status
            slugs = page.eval_on_selector_all(
                CARDS.split()[-1], "cs => cs.map(c => c.dataset.slug)"
            )
            assert sorted(slugs) == expected, status
    finally:
        context.close()


def _search_word() -> tuple[str, str]:
    """A word found in exactly one idea's description (near its start), and that idea."""
    words: dict[str, set[str]] = {}
    for slug in visible():
        data = ideas()[slug]
        everything = " ".join(
            str(data.get(k) or "") for k in ("title", "summary", "description")
        ).lower()
        for word in set(re.findall(r"[a-z]{7,}", everything)):
            words.setdefault(word, set()).add(slug)
    for slug in sorted(visible()):
        start = (ideas()[slug].get("description") or "")[:400].lower()
        # Words a reader sees: not link targets, not code.
        start = re.sub(r"\]\([^)]*\)|`[^`]*`|https?://\S+", " ", start)
        found = set(re.findall(r"(?<![\w-])[a-z]{7,}(?![\w-])", start))
        for word in sorted(found, key=lambda w: (-len(w), w)):  # the most distinctive first
            if words[word] == {slug} and word not in (ideas()[slug]["title"] + slug).lower():
                return word, slug
    pytest.fail("no word is unique to one idea's description")


def test_search_finds_an_idea_by_a_word_from_its_description(sample_url, page, watcher):
    word, slug = _search_word()
    page.goto(sample_url, wait_until="networkidle")  # the search index is loaded
    page.click(".md-search__input")
    # Material searches on key events, so type like a person; fill() would not do.
    page.locator(".md-search__input").press_sequentially(word, delay=20)
    result = page.locator(f".md-search-result__item a[href*='ideas/{slug}.html']").first
    result.wait_for(state="visible", timeout=10_000)
    assert not watcher.problems(), "\n".join(watcher.problems())


def test_the_chrome_written_by_script_is_there_with_javascript_only(sample_url, browser):
    # The palette toggle, the search dialog and the back-to-top button work only with
    # JavaScript; pages carry a script in their place (generator/plugin/slim.py).
    slug = sorted(visible())[0]
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        try:
            page = context.new_page()
            page.goto(f"{sample_url}ideas/{slug}.html", wait_until="load")
            found = page.evaluate(
                """() => ({
                  palette: document.querySelectorAll(".md-header__option input").length,
                  search: (document.querySelector(".md-search[role=dialog]") || {}).dataset,
                  top: document.querySelectorAll("button.md-top[data-md-component=top]").length,
                  tabs: document.querySelectorAll(".md-tabs__link").length,
                })"""
            )
        finally:
            context.close()
        assert found["tabs"] >= 5  # the navigation is there either way
        if javascript:
            assert found["palette"] == 2
            assert found["search"] == {"ibSearch": f"{sample_url}pagefind/"}
            assert found["top"] == 1
        else:
            assert (found["palette"], found["search"], found["top"]) == (0, None, 0)


def test_vote_and_comment_counts_carry_their_icon(sample_url, page):
    # The icon is the count's ::before (a CSS mask), on the pages the build writes and on
    # the cards the board's script makes alike.
    page.goto(sample_url, wait_until="networkidle")
    assert choose(page, "sort", "top")  # cards made by the script
    for url in (None, f"{sample_url}tags/sync/"):
        if url:
            page.goto(url, wait_until="load")
        icons = page.evaluate(
            """() => [...document.querySelectorAll(".ib-card .ib-count")].map(c => {
                const icon = getComputedStyle(c, "::before");
                return [icon.content, icon.maskImage || icon.webkitMaskImage, icon.width];
            })"""
        )
        assert icons
        for content, mask, width in icons:
            assert content == '""'
            assert mask.startswith('url("data:image/svg+xml'), mask
            assert float(width.removesuffix("px")) > 8


def test_an_old_idea_address_leads_to_its_page(sample_url, page):
    # Idea pages were ideas/<slug>/ before they became ideas/<slug>.html; links to the
    # old address (in old comments, feeds, bookmarks) reach the 404 page, which sends on.
    slug = sorted(visible())[0]
    for old, tail in (
        (f"ideas/{slug}/", ""),
        (f"ideas/{slug}/index.html?q=1#voters", "?q=1#voters"),
    ):
        page.goto(f"{sample_url}{old}")
        page.wait_for_url(f"{sample_url}ideas/{slug}.html{tail}", timeout=10_000)
        assert page.locator("h1").first.inner_text() == ideas()[slug]["title"]
    page.goto(f"{sample_url}ideas/no-such-idea")  # not an old idea address: the 404 stays
    assert page.locator("h1").first.inner_text() == "404 - Not found"


def test_vote_link_points_to_the_ideas_issue(sample_url, page, watcher):
    voting = [
        s for s in visible() if ideas()[s].get("issue") and category(s) in (st.OPEN, st.ACTIVE)
    ]
    assert voting, "no open or active idea of the sample board has an issue"
    base = settings().issue_base_url
    for slug in voting:
        page.goto(f"{sample_url}ideas/{slug}.html", wait_until="load")
        link = page.get_by_role("link", name=re.compile(re.escape(VOTE_TEXT)))
        assert link.count() == 1, f"{slug}: {link.count()} vote links"
        assert link.get_attribute("href") == f"{base}/{ideas()[slug]['issue']}", slug
    assert not watcher.problems(), "\n".join(watcher.problems())


def _one_of(cat: str) -> str:
    return next(s for s in visible() if category(s) == cat and ideas()[s].get("issue"))


@pytest.mark.parametrize(
    ("cat", "call"),
    [
        (st.COMPLETED, r"Shipped in \S+ on \d+ \w+ \d{4}"),
        (st.DECLINED, r"Declined.*Votes are closed\. If it still matters to you"),
        (st.DUPLICATE, r"Merged into .+ To vote, add a thumbs-up reaction to that idea's issue"),
    ],
)
def test_closed_ideas_show_their_own_call_and_no_vote_button(sample_url, page, watcher, cat, call):
    slug = _one_of(cat)
    page.goto(f"{sample_url}ideas/{slug}.html", wait_until="load")
    state = page.locator(".ib-state")
    assert state.count() == 1, slug
    assert re.search(call, " ".join(state.inner_text().split())), state.inner_text()
    assert page.get_by_role("link", name=re.compile(re.escape(VOTE_TEXT))).count() == 0
    assert page.locator("article .md-button").count() == 0, slug
    assert page.get_by_text("to the next milestone").count() == 0
    if cat == st.COMPLETED:
        release = state.get_by_role("link")
        assert release.get_attribute("href") == ideas()[slug]["shipped_in"]["url"]
    if cat == st.DUPLICATE:
        canonical = ideas()[slug]["duplicate_of"]
        links = [a.get_attribute("href") for a in state.get_by_role("link").all()]
        assert links[0].endswith(f"ideas/{canonical}.html")
        assert links[1] == f"{settings().issue_base_url}/{ideas()[canonical]['issue']}"
    assert not watcher.problems(), "\n".join(watcher.problems())


FORM = "issues/new?template=idea.yml"


@pytest.mark.parametrize("path", ["", "roadmap/", "status/planned/", "tags/sync/"])
def test_the_propose_button_points_at_the_idea_form(sample_url, page, watcher, path):
    page.goto(sample_url + path, wait_until="load")
    button = page.get_by_role("link", name="Propose an idea")
    assert button.count() == 1, path
    assert button.get_attribute("href") == f"https://github.com/{settings().repo}/{FORM}"
    assert not watcher.problems(), "\n".join(watcher.problems())


def test_on_a_phone_propose_stays_in_reach_and_search_first_opens_search(browser, sample_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(sample_url, wait_until="load")
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(200)
        button = page.get_by_role("link", name="Propose an idea")
        box = button.bounding_box()
        assert box is not None
        assert box["y"] >= 0, box  # still on screen after scrolling down
        assert box["y"] + box["height"] <= 844, box
        page.evaluate("window.scrollTo(0, 0)")
        page.locator("label.ib-propose__search").click()
        assert page.locator("#__search").is_checked()  # Material's search is open
    finally:
        context.close()


def _voter_with_page() -> tuple[str, str]:
    """An open idea of the sample and its first human voter, from the snapshot."""
    snapshot = json.loads((ROOT / "ideas" / "snapshot.json").read_text(encoding="utf-8"))
    by_number = {issue["number"]: issue for issue in snapshot["issues"]}
    for slug in visible():
        issue = by_number.get(ideas()[slug].get("issue"))
        if issue is None or category(slug) not in (st.OPEN, st.ACTIVE):
            continue
        for login, _at in issue["voters"]:
            if login and re.fullmatch(r"[A-Za-z0-9-]+", login):
                return slug, login
    pytest.fail("no voter in the sample snapshot")


def test_a_voter_has_a_people_page_and_feed_linked_from_the_idea(sample_url, page, watcher):
    slug, login = _voter_with_page()
    page.goto(f"{sample_url}ideas/{slug}.html", wait_until="load")
    link = page.locator(f".ib-voters-section a[href$='people/{login.lower()}/']")
    assert link.count() == 1, login
    link.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == f"@{login}"
    feed = page.locator(f"a[href$='feeds/people/{login.lower()}.xml']")
    response = page.request.get(feed.evaluate("a => a.href"))
    assert response.status == 200
    assert b"<feed" in response.body()
    assert not watcher.problems(), "\n".join(watcher.problems())


# ---------------------------------------------------------------- the dark palette

CONTRAST_JS = """
(selector) => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const over = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a),
    g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let bg = {r: 255, g: 255, b: 255, a: 1};
    for (const c of layers.reverse()) bg = over(c, bg);
    return bg; };
  return [...document.querySelectorAll(selector)].filter(e => e.offsetParent !== null)
    .map(e => { const bg = background(e); const fg = over(parse(getComputedStyle(e).color), bg);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      return {status: e.dataset.status || e.className, ratio: (l1 + 0.05) / (l2 + 0.05),
              fg: getComputedStyle(e).color, bg: `rgb(${bg.r}, ${bg.g}, ${bg.b})`}; });
}
"""


def palette(page) -> dict:
    return page.evaluate(
        """() => ({scheme: document.body.getAttribute('data-md-color-scheme'),
                   background: getComputedStyle(document.body).backgroundColor,
                   color: getComputedStyle(document.body).color})"""
    )


def badge_contrast(page) -> list[dict]:
    """Every visible status badge with its contrast ratio against what is behind it."""
    return page.evaluate(CONTRAST_JS, ".ib-badge")


def toggle_palette(page) -> None:
    page.locator("form[data-md-component=palette] label:visible").first.click()


def idea_with_longest_history() -> str:
    """The idea page with the most status badges in its timeline."""
    return max(sorted(visible()), key=lambda s: len(ideas()[s].get("history") or []))


@pytest.mark.parametrize("kind", ["board", "roadmap", "idea"])
def test_dark_palette(sample_url, page, watcher, kind):
    path = {"board": "", "roadmap": "roadmap/", "idea": f"ideas/{idea_with_longest_history()}.html"}
    page.goto(sample_url + path[kind], wait_until="load")
    light = palette(page)
    for badge in badge_contrast(page):
        assert badge["ratio"] >= 4.5, f"light palette: {badge}"

    toggle_palette(page)
    page.wait_for_function(
        "s => document.body.getAttribute('data-md-color-scheme') !== s", arg=light["scheme"]
    )
    page.wait_for_timeout(400)  # Material fades colours with a transition
    dark = palette(page)
    assert dark["scheme"] == "slate", dark
    assert dark["background"] != light["background"], (light, dark)
    assert dark["color"] != light["color"], (light, dark)

    badges = badge_contrast(page)
    assert badges, "no status badges on the page"
    assert len({b["status"] for b in badges}) > 1 or kind != "board"
    for badge in badges:
        assert badge["ratio"] >= 4.5, f"dark palette: {badge}"
    violations = axe_violations(page)
    assert not violations, format_violations(violations, f"{kind} (dark)")

    # The choice survives a reload, as Material keeps it in local storage.
    page.reload(wait_until="load")
    assert palette(page)["scheme"] == "slate"
    assert not watcher.problems(), "\n".join(watcher.problems())
