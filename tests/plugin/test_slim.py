"""Slim pages: inline icons become references into one sprite; indentation goes."""

from __future__ import annotations

import json
import re

from generator.plugin.slim import SCRIPTS, SPRITE, Slimmer

ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 2h3"/></svg>'


def test_icons_become_references_into_one_sprite():
    slimmer = Slimmer()
    html = slimmer.slim(f"<header>\n    <a>{ICON}</a>\n    <b>{ICON}</b>\n</header>", "../../")
    key = slimmer.sprite().split('<symbol id="', 1)[1].split('"', 1)[0]
    use = f'<svg viewBox="0 0 24 24"><use href="../../{SPRITE}#{key}"/></svg>'
    assert html == f"<header>\n<a>{use}</a>\n<b>{use}</b>\n</header>"
    assert slimmer.sprite() == (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        f'<symbol id="{key}" viewBox="0 0 24 24"><path d="M1 2h3"/></symbol></svg>\n'
    )


def test_white_space_that_is_content_stays():
    slimmer = Slimmer()
    kept = "<pre><code>a\n    b</code></pre>\n<script>x = 1;\n    y = 2;</script>"
    assert slimmer.slim(f"<p>\n    text\n</p>\n{kept}", "") == f"<p>\ntext\n</p>\n{kept}"


def test_icons_with_ids_or_references_are_left_alone():
    slimmer = Slimmer()
    odd = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><g id="x"/></svg>'
    assert slimmer.slim(odd, "") == odd
    assert slimmer.symbols == {}


def test_the_empty_table_of_contents_goes():
    toc = (
        '<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" '
        'data-md-type="toc" hidden>\n  <div class="md-sidebar__scrollwrap">\n'
        '    <div class="md-sidebar__inner">\n'
        '<nav class="md-nav md-nav--secondary" aria-label="Table of contents">\n  \n</nav>\n'
        "    </div>\n  </div>\n</div>"
    )
    assert Slimmer().slim(f"<main>{toc}<article>x</article></main>", "") == (
        "<main><article>x</article></main>"
    )


def test_a_long_script_that_every_page_has_is_loaded_from_one_file():
    slimmer = Slimmer()
    code = "var palette=1;" * 40
    html = slimmer.slim(f"<p>x</p>\n<script>{code}</script>", "../")
    (path,) = slimmer.scripts
    assert slimmer.scripts[path] == code
    assert html == f'<p>x</p>\n<script src="../{path}"></script>'
    # Short scripts, and scripts with relative paths (they differ by page), stay.
    for kept in ("<script>var a=1</script>", f'<script>u=new URL("../..");{code}</script>'):
        assert Slimmer().slim(kept, "../") == kept


DRAWER = (
    '<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" '
    'data-md-type="navigation" hidden>\n<div class="md-sidebar__scrollwrap">\n'
    '<div class="md-sidebar__inner">\n<nav class="md-nav md-nav--primary">\n'
    '<div class="nested"><a href="x/">X</a></div>\n</nav>\n</div>\n</div>\n</div>\n'
)
BUTTON = f'<label class="md-header__button md-icon" for="__drawer">\n{ICON}\n</label>\n'
TABS = '<nav class="md-tabs"><a class="md-tabs__link" href="x/">X</a></nav>'


def test_a_hidden_drawer_goes_when_the_tabs_carry_the_navigation():
    html = f'<body dir="ltr"><header>{BUTTON}</header>{TABS}<main>{DRAWER}<article>a</article>'
    slim = Slimmer().slim(html + "</main></body>", "")
    main = "<main><article>a</article></main>"
    assert slim == f'<body data-ib-nav="tabs" dir="ltr"><header></header>{TABS}{main}</body>'


def test_a_drawer_stays_without_tabs_or_when_shown():
    shown = DRAWER.replace(" hidden>", ">")
    for html in (f"<body>{BUTTON}<main>{DRAWER}</main></body>", f"<body>{TABS}{shown}</body>"):
        assert "md-nav--primary" in Slimmer().slim(html, "")


def test_material_config_keeps_only_what_its_script_reads_here():
    config = (
        '{"base": "../..", "features": ["navigation.tabs"], "search": "w.js", '
        '"translations": {"search.result.none": "No matching documents"}, "version": null}'
    )
    html = f'<p>x</p>\n<script id="__config" type="application/json">{config}</script>'
    assert Slimmer().slim(html, "../../") == (
        '<p>x</p>\n<script id="__config" type="application/json">'
        '{"base":"../..","features":["navigation.tabs"],"translations":{},"version":null}</script>'
    )
    copy = config.replace('"navigation.tabs"', '"content.code.copy"')
    kept = f'<script id="__config" type="application/json">{copy}</script>'
    assert Slimmer().slim(kept, "") == kept


def test_material_head_script_keeps_the_page_scope_inline():
    helpers = "__md_hash=e=>e," + "__md_get=(e,_=localStorage,t=__md_scope)=>e;" * 10
    slimmer = Slimmer()
    html = slimmer.slim(
        f'<script>__md_scope=new URL("../..",location),{helpers}</script>', "../../"
    )
    (path,) = slimmer.scripts
    assert slimmer.scripts[path] == helpers
    assert html == (
        f'<script>__md_scope=new URL("../..",location)</script><script src="../../{path}"></script>'
    )


def test_the_chrome_has_no_line_breaks_between_tags_but_the_article_keeps_them():
    article = "<article>\n<p>a</p>\n<p>b</p>\n</article>"
    html = f"<header>\n<a>x</a>\n</header>\n{article}\n<footer>\n</footer>"
    assert Slimmer().slim(html, "") == (
        "<header><a>x</a></header><article>\n<p>a</p>\n<p>b</p>\n</article><footer></footer>"
    )


PALETTE = (
    '<form class="md-header__option" data-md-component="palette"><input type="radio" '
    'name="__palette" id="__palette_0"><label for="__palette_1" hidden>'
    '<svg viewBox="0 0 24 24"><use href="../../assets/images/ib-icons.svg#i1"/></svg>'
    "</label></form>"
)
SEARCH = (
    '<div class="md-search" role="dialog" aria-label="Search" data-ib-search="../../pagefind/">'
    '<div class="md-search__inner"><input type="search"></div>'
    '<div class="md-search__output"></div></div>'
)
TOP = (
    '<button type="button" class="md-top md-icon" data-md-component="top" hidden>'
    '<svg viewBox="0 0 24 24"><use href="../../assets/images/ib-icons.svg#i2"/></svg>\n'
    "Back to top\n</button>"
)


def _inserted(code: str, root: str) -> str:
    """What a script of ``Slimmer._by_script`` inserts, for a site at ``root``."""
    start = '(function(s){s.insertAdjacentHTML("beforebegin",'
    end = '.join(new URL("../../../",s.src).href))})(document.currentScript)'
    assert code.startswith(start)
    assert code.endswith(end)
    return root.join(json.loads(code[len(start) : -len(end)]))


def test_chrome_that_needs_javascript_is_written_by_a_script_in_its_place():
    slimmer = Slimmer()
    html = slimmer.slim(
        f'<header><nav>{PALETTE}<label for="__search">S</label>{SEARCH}</nav></header>'
        f"<main><article>\n<p>x</p>\n</article>{TOP}</main>",
        "../../",
    )
    paths = re.findall(r'src="\.\./\.\./([^"]+)"', html)
    assert html == (
        '<header><nav><script src="../../{}"></script><label for="__search">S</label>'
        '<script src="../../{}"></script></nav></header>'
        '<main><article>\n<p>x</p>\n</article><script src="../../{}"></script></main>'
    ).format(*paths)
    assert len(set(paths)) == 3
    assert all(p.startswith(f"{SCRIPTS}/") for p in paths)
    # Each inserts the markup it replaced, its links to the site made absolute: the
    # script file is the same for pages at every depth.
    root = "https://example.org/board/"
    for path, part in zip(paths, (PALETTE, SEARCH, TOP), strict=True):
        assert _inserted(slimmer.scripts[path], root) == part.replace("../../", root)
    again = Slimmer()
    again.slim(f"<nav>{SEARCH.replace('../../', '../')}</nav>", "../")
    assert set(again.scripts.values()) == {slimmer.scripts[paths[1]]}


def test_chrome_with_a_script_in_it_or_left_open_stays():
    with_script = PALETTE.replace("</form>", "<script>x()</script></form>")
    assert Slimmer().slim(with_script, "../../") == with_script
    unclosed = SEARCH[: -len("</div>")]
    assert Slimmer().slim(unclosed, "../../") == unclosed
