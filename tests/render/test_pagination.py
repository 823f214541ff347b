"""Long lists in pages of ``PER_PAGE`` cards, with previous and next links."""

from __future__ import annotations

from generator.render import pagination


def test_a_list_is_cut_into_pages_with_their_paths_and_bases(monkeypatch):
    monkeypatch.setattr(pagination, "PER_PAGE", 2)
    pages = pagination.paginate("status/proposed", list("abcde"), lambda c, b, p: (c, b, p))
    assert list(pages) == ["status/proposed.md", "status/proposed/2.md", "status/proposed/3.md"]
    chunks = [chunk for chunk, _, _ in pages.values()]
    assert chunks == [["a", "b"], ["c", "d"], ["e"]]
    assert [base for _, base, _ in pages.values()] == ["../../", "../../../", "../../../"]
    first, middle, last = (str(p) for _, _, p in pages.values())
    assert first == (
        '<nav class="ib-pager" aria-label="Pages"><span>Page 1 of 3</span> '
        '<a href="../../status/proposed/2/" rel="next">Next page</a></nav>'
    )
    assert '<a href="../../../status/proposed/" rel="prev">Previous page</a>' in middle
    assert '<a href="../../../status/proposed/3/" rel="next">Next page</a>' in middle
    assert "Next page" not in last


def test_a_short_or_empty_list_is_one_page_without_a_pager():
    for items in ([], ["a"]):
        pages = pagination.paginate("shipped", items, lambda c, b, p: (c, b, str(p)))
        assert pages == {"shipped.md": (items, "../", "")}
