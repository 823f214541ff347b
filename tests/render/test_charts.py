"""Inline SVG charts: valid SVG, labelled, and empty when there is nothing to draw."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET

from generator.render import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup) -> ET.Element:
    text = str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(text)


def test_sparkline_is_a_labelled_cumulative_line():
    days = ((dt.date(2026, 1, 1), 2), (dt.date(2026, 1, 11), 3))
    svg = parse(charts.sparkline(days, dt.date(2026, 1, 21)))
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == (
        "Votes over time, oldest on the left: 5 votes from 2026-01-01 to 2026-01-21"
    )
    points = [
        tuple(map(float, p.split(","))) for p in svg.find(f"{SVG}polyline").get("points").split()
    ]
    ys = [y for _, y in points]
    assert ys == sorted(ys, reverse=True)  # never goes down
    assert points[0] == (1.0, 23.6)  # two of five votes on the first day
    assert points[-1] == (239.0, 2.0)  # ends at the top right
    # Sampled on 33 days, so the size does not grow with the votes; of a level run only
    # its ends are kept, and the line through them passes every sample.
    assert len(points) == 4
    for i in range(33):
        x, day = round(1 + 238 / 32 * i), round(20 * i / 32)
        assert _line_at(points, x) == (23.6 if day < 10 else 2.0), (i, day)
    assert svg.find(f"{SVG}title") is None  # the label is its name, said once


def _line_at(points, x: float) -> float:
    """The height of the polyline through ``points`` at ``x``."""
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x0 <= x <= x1:
            return y0 if x == x0 else round(y0 + (y1 - y0) * (x - x0) / (x1 - x0), 1)
    raise AssertionError(x)


def test_sparkline_without_votes():
    assert "No votes yet" in charts.sparkline((), dt.date(2026, 1, 1))


def test_bar_and_column_charts_parse_and_escape_labels():
    bars = parse(charts.bar_chart([("Open", 3, "open"), ("<b>", 0, "declined")], title="T"))
    labels = [t.text for t in bars.iter(f"{SVG}text")]
    assert "<b>" in labels
    assert "3" in labels
    cols = parse(charts.column_chart([(f"2026-{m:02d}", m) for m in range(1, 13)], title="V"))
    assert len(list(cols.iter(f"{SVG}rect"))) == 12
    assert charts.column_chart([], title="V") == ""


def _labels(svg: ET.Element) -> list[ET.Element]:
    return [t for t in svg.iter(f"{SVG}text") if "ib-chart__label" in t.get("class", "")]


def _box(text: ET.Element, font: float) -> tuple[float, float]:
    """The horizontal extent of a centred label at ``font``, with the charts' estimate."""
    half = charts._text_width(text.text, font) / 2
    return float(text.get("x")) - half, float(text.get("x")) + half


def test_month_labels_are_short_and_never_cut_or_crowded():
    months = [f"{2025 + (m // 12)}-{m % 12 + 1:02d}" for m in range(23)]  # Jan ’25 .. Nov ’26
    rows = [(charts.month_label(m), 100 + i) for i, m in enumerate(months)]
    assert rows[0][0] == "Jan ’25"
    assert rows[-1][0] == "Nov ’26"
    assert charts.month_title("2026-11") == "November 2026"
    svg = parse(charts.column_chart(rows, title="Votes"))
    width = float(svg.get("viewBox").split()[2])
    labels = _labels(svg)
    assert labels[-1].text == "Nov ’26"  # the latest month is always labelled
    assert 4 <= len(labels) <= 12  # every k-th month, not all 23
    on_phone = [t for t in labels if "ib-chart__tick--minor" not in t.get("class")]
    assert on_phone[-1].text == "Nov ’26"
    for shown, font in ((labels, charts.DESKTOP_FONT), (on_phone, charts.PHONE_FONT)):
        boxes = [_box(t, font) for t in shown]
        assert boxes[0][0] >= 0
        assert boxes[-1][1] <= width
        for (_, right), (left, _) in itertools.pairwise(boxes):
            assert right < left  # no two labels overlap
    # Crowded columns carry no value labels; gridlines give the scale instead.
    assert not [t for t in svg.iter(f"{SVG}text") if "ib-chart__value" in t.get("class", "")]
    axis = [t.text for t in svg.iter(f"{SVG}text") if "ib-chart__axis" in t.get("class", "")]
    assert axis[0] == "0"
    assert int(axis[-1]) >= 122


def test_few_columns_are_all_labelled_with_values():
    rows = [("< 1", 0), ("1–3", 2), ("3–6", 1), ("6–12", 5), ("> 12", 1)]
    svg = parse(charts.column_chart(rows, title="Ship"))
    labels = _labels(svg)
    assert [t.text for t in labels] == [r[0] for r in rows]
    assert not [t for t in labels if "minor" in t.get("class")]  # all shown on phones too
    values = [t.text for t in svg.iter(f"{SVG}text") if "ib-chart__value" in t.get("class", "")]
    assert values == ["2", "1", "5", "1"]


def test_charts_leave_room_for_their_labels_at_phone_size():
    rows = [("Open", 7, "open"), ("Duplicate", 1234, "duplicate")]
    svg = parse(charts.bar_chart(rows, title="Funnel"))
    width = float(svg.get("viewBox").split()[2])
    texts = list(svg.iter(f"{SVG}text"))
    label = next(t for t in texts if t.text == "Duplicate")
    assert float(label.get("x")) - charts._text_width("Duplicate", charts.PHONE_FONT) >= 0
    value = next(t for t in texts if t.text == "1234")
    assert float(value.get("x")) + charts._text_width("1234", charts.PHONE_FONT) <= width


def test_figure_pairs_a_hidden_chart_with_a_table_for_screen_readers():
    svg = charts.column_chart([("Jan ’25", 3)], title="V")
    html = str(charts.figure(svg, [("January 2025", 3)], "New votes", ("Month", "Votes")))
    root = ET.fromstring(html.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    assert root.tag == "figure"
    chart = root.find(f"{SVG}svg")
    assert chart.get("aria-hidden") == "true"  # the table says the same, once
    hidden = root.find("div")
    assert hidden.get("class") == "ib-sr-only"  # visually hidden, not display: none
    table = hidden.find("table")
    assert table.find("caption").text == "New votes"
    assert [th.text for th in table.iter("th")] == ["Month", "Votes", "January 2025"]
    assert table.find("tbody/tr/td").text == "3"
