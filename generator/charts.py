"""Small inline SVG charts: an idea's vote sparkline and the insights charts.

Charts are plain SVG with a ``<title>`` and ``role="img"``, coloured by CSS
classes so both palettes apply.  Every chart has a text or table equivalent on
its page.  Labels are numbers, dates and fixed words, and are escaped anyway.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import Counter
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup, escape


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def sparkline(
    votes_per_day: Sequence[tuple[dt.date, int]],
    until: dt.date | None,
    width: int = 240,
    height: int = 40,
    samples: int = 32,
) -> Markup:
    """Cumulative votes over time as a line, from the first vote to ``until``.

    The line is sampled at ``samples`` evenly spaced days, so its size does not
    grow with the number of voters.
    """
    if not votes_per_day:
        return Markup('<p class="ib-muted">No votes yet.</p>')
    days = sorted(votes_per_day)
    start = days[0][0]
    end = max(until or days[-1][0], days[-1][0])
    span = max((end - start).days, 1)
    total = sum(n for _, n in days) or 1
    first = start.toordinal()
    ordinals = [d.toordinal() - first for d, _ in days]
    running = list(itertools.accumulate(n for _, n in days))
    scale_x = (width - 2) / samples
    scale_y = (height - 4) / total
    points = []
    for i in range(samples + 1):
        done = bisect.bisect_right(ordinals, round(span * i / samples))
        y = height - 2 - (running[done - 1] if done else 0) * scale_y
        points.append(f"{1 + scale_x * i:.0f},{y:.1f}")
    label = (
        f"Votes over time: {running[-1]} {'vote' if running[-1] == 1 else 'votes'} "
        f"from {start.isoformat()} to {end.isoformat()}"
    )
    # Numbers and escaped labels only.
    return Markup(  # noqa: S704
        f'<svg class="ib-sparkline" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>"
        f'<polyline points="{" ".join(points)}" fill="none" stroke="currentColor" '
        f'stroke-width="2" stroke-linejoin="round"/></svg>'
    )


def bar_chart(rows: Sequence[tuple[str, int, str]], title: str, css: str = "") -> Markup:
    """Horizontal bars, one per row of (label, value, css class)."""
    width, bar, gap, label_w = 600, 26, 8, 120
    height = len(rows) * (bar + gap) + gap
    top = max((v for _, v, _ in rows), default=0) or 1
    parts = [
        f'<svg class="ib-chart {css}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(title)}</title>"
    ]
    for i, (label, value, cls) in enumerate(rows):
        y = gap + i * (bar + gap)
        w = max(value / top * (width - label_w - 60), 2 if value else 0)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar * 0.7:.0f}" text-anchor="end" '
            f'class="ib-chart__label">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{_num(w)}" height="{bar}" rx="3" '
            f'class="ib-fill--{escape(cls)}"/>'
            f'<text x="{_num(label_w + w + 6)}" y="{y + bar * 0.7:.0f}" '
            f'class="ib-chart__label">{value}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (numbers and escaped labels only)


def column_chart(rows: Sequence[tuple[str, int]], title: str) -> Markup:
    """Vertical columns, one per row of (label, value); every other label shown when crowded."""
    if not rows:
        return Markup("")
    width, height, bottom = 600, 220, 40
    n = len(rows)
    slot = width / n
    top = max(v for _, v in rows) or 1
    every = 1 if n <= 12 else (2 if n <= 24 else 4)
    parts = [
        f'<svg class="ib-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(title)}</title>"
    ]
    for i, (label, value) in enumerate(rows):
        h = value / top * (height - bottom - 20)
        x = i * slot + slot * 0.15
        parts.append(
            f'<rect x="{_num(x)}" y="{_num(height - bottom - h)}" width="{_num(slot * 0.7)}" '
            f'height="{_num(h)}" rx="2" class="ib-fill--bar"><title>{escape(label)}: '
            f"{value}</title></rect>"
        )
        if value:
            parts.append(
                f'<text x="{_num(x + slot * 0.35)}" y="{_num(height - bottom - h - 4)}" '
                f'text-anchor="middle" class="ib-chart__value">{value}</text>'
            )
        if i % every == 0:
            parts.append(
                f'<text x="{_num(x + slot * 0.35)}" y="{height - bottom + 16}" '
                f'text-anchor="middle" class="ib-chart__label">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (numbers and escaped labels only)


# --- the insights, as rows for the charts -----------------------------------------------

SHIP_BUCKETS = ((30, "< 1 month"), (90, "1-3 months"), (180, "3-6 months"), (365, "6-12 months"))


def insights_view(insights: Any, board: Any, settings: Any) -> dict[str, Any]:
    """The rows the Insights page draws, from ``insights.compute``'s ``Insights``."""
    from .render import CATEGORY_TITLES  # late: render imports this module

    funnel = [(CATEGORY_TITLES.get(c, c), n, c) for c, n in insights.funnel]
    months = list(insights.votes_per_month)[-24:]
    buckets: Counter[str] = Counter()
    for t in insights.time_to_ship:
        label = next((lab for limit, lab in SHIP_BUCKETS if t.days < limit), "> 1 year")
        buckets[label] += 1
    labels = [lab for _, lab in SHIP_BUCKETS] + ["> 1 year"]
    median = insights.median_days_to_ship
    return {
        "funnel": funnel,
        "months": months,
        "ship": [(lab, buckets.get(lab, 0)) for lab in labels],
        "ship_median": None if median is None else round(median),
        "proposers": list(insights.shipped_proposers),
    }
