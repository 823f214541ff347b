"""Slim pages: inline icons become references into one sprite; indentation goes."""

from __future__ import annotations

from generator.plugin.slim import SPRITE, Slimmer

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
