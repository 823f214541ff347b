"""Inline SVG charts: valid SVG, labelled, and empty when there is nothing to draw."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from generator import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup) -> ET.Element:
    text = str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(text)


def test_sparkline_is_a_labelled_cumulative_line():
    days = ((dt.date(2026, 1, 1), 2), (dt.date(2026, 1, 11), 3))
    svg = parse(charts.sparkline(days, dt.date(2026, 1, 21)))
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "Votes over time: 5 votes from 2026-01-01 to 2026-01-21"
    points = [
        tuple(map(float, p.split(","))) for p in svg.find(f"{SVG}polyline").get("points").split()
    ]
    ys = [y for _, y in points]
    assert ys == sorted(ys, reverse=True)  # never goes down
    assert points[-1] == (239.0, 2.0)  # ends at the top right
    assert len(points) == 33  # sampled: the size does not grow with the votes
    assert points[0][1] > 2  # two of five votes on the first day
    assert points[13][1] == points[0][1]  # day 8 of 20: still only the first day's votes
    assert points[16][1] == 2.0  # day 10: all five


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
