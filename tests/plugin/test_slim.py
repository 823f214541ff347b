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
