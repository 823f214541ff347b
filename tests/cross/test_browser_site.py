"""Every page type of the built sample board, walked in Debian's Chromium.

One page of each type (board, idea, roadmap, shipped, proposals, tag index, tag,
status, insights, about) gets the expensive checks: axe-core and a 360 px viewport.
Every page of the site gets the cheap ones: no console or page errors, no failed
request, no request leaving 127.0.0.1, and (statically) no broken internal link.
"""

from __future__ import annotations

import re

import pytest

from tests.atom import atom_problems
from tests.browser import (
    ROOT,
    axe_violations,
    base_path,
    broken_links,
    format_violations,
    site_pages,
)

# The shared browser fixtures: browser, sample_site, sample_url, page, watcher.

# Each page type and the URL paths (relative to the site root) that can hold it.
PAGE_TYPES = {
    "board": r"",
    "idea": r"ideas/[a-z0-9-]+\.html",
    "roadmap": r"roadmap/",
    "shipped": r"shipped/",
    "proposals": r"(proposals|new)/",
    "tag index": r"tags/",
    "tag": r"tags/[a-z0-9-]+/",
    "status": r"status(es)?/[a-z0-9-]+/",
    "insights": r"insights/",
    "about": r"about/",
    "person": r"people/[a-z0-9-]+/",
}


def pages_of_type(site, kind: str) -> list[str]:
    """The site's pages of one type, sorted."""
    pattern = re.compile(PAGE_TYPES[kind] + r"\Z")
    return [p for p in site_pages(site) if pattern.match(p)]


def one_page(site, kind: str) -> str:
    """A page of the given type, or skip naming the missing page type."""
    pages = pages_of_type(site, kind)
    if not pages:
        pytest.skip(f"the built site has no {kind} page (looked for /{PAGE_TYPES[kind]})")
    return pages[0]


def test_every_page_type_exists(sample_site):
    missing = [kind for kind in PAGE_TYPES if not pages_of_type(sample_site, kind)]
    assert not missing, f"page types missing from the built site: {missing}"


def test_no_broken_internal_links(sample_site):
    broken = broken_links(sample_site, base=base_path(ROOT / "mkdocs.yml"))
    assert not broken, "\n".join(broken)


def test_every_page_loads_cleanly_and_stays_on_127_0_0_1(sample_site, sample_url, page, watcher):
    pages = site_pages(sample_site)
    assert len(pages) > 10, pages
    # People pages are one template with different lists: a few of them stand for all
    # (the static link check reads every one).
    people = [p for p in pages if p.startswith("people/")]
    pages = [p for p in pages if not p.startswith("people/")] + people[:5]
    seen = []
    for path in pages:
        response = page.goto(sample_url + path, wait_until="load")
        assert response is not None, path
        assert response.status == 200, f"/{path}: HTTP {response.status}"
        seen.append(path)
    # Every page waits only for "load"; the accessibility tests wait for the network to
    # settle on one page of each type, which catches late failures.
    assert not watcher.problems(), "\n".join(watcher.problems())
    assert not watcher.outside_requests


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_serious_accessibility_violation(sample_site, sample_url, page, watcher, kind):
    path = one_page(sample_site, kind)
    # Wait for the network to settle: late requests (search index, board index) count too.
    page.goto(sample_url + path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, format_violations(violations, "/" + path)
    assert not watcher.problems(), "\n".join(watcher.problems())


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_horizontal_scroll_at_360px(sample_site, sample_url, browser, kind):
    path = one_page(sample_site, kind)
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.goto(sample_url + path, wait_until="load")
        widths = page.evaluate(
            """() => ({
                doc: document.documentElement.scrollWidth,
                body: document.body.scrollWidth,
                view: window.innerWidth,
                wide: [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                                 && getComputedStyle(e).position !== 'fixed'
                                 && e.offsetParent !== null)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.className ? '.' +
                              String(e.className).trim().split(/\\s+/).join('.') : '')
                              + ' right=' + Math.round(e.getBoundingClientRect().right)),
            })"""
        )
        assert widths["doc"] <= widths["view"], f"/{path} scrolls sideways at 360 px: {widths}"
        assert widths["body"] <= widths["view"], f"/{path} scrolls sideways at 360 px: {widths}"
    finally:
        context.close()


def test_every_feed_of_the_sample_follows_rfc_4287(sample_site):
    feeds = sorted((sample_site / "feeds").rglob("*.xml"))
    assert len(feeds) > 20  # changes, new, one per idea, one per person
    for feed in feeds:
        assert atom_problems(feed.read_text(encoding="utf-8")) == [], feed
