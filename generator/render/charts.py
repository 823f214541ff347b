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

from generator import i18n
from generator.i18n import N_, _


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
    grow with the number of voters; a level run keeps only its ends.  The label is the
    chart's name (``aria-label``); a ``<title>`` would say it a second time.
    """
    if not votes_per_day:
        return Markup('<p class="ib-muted">{}</p>').format(_("No votes yet."))
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
        points.append((f"{1 + scale_x * i:.0f}", f"{y:.1f}".removesuffix(".0")))
    # Of a level run, only its ends: the line is the same, in fewer points.
    points = [
        p for k, p in enumerate(points)
        if k in (0, samples) or not points[k - 1][1] == p[1] == points[k + 1][1]
    ]  # fmt: skip
    # The line always runs left to right, oldest first, in every language: the label says so.
    label = i18n.ngettext(
        "Votes over time, oldest on the left: %(num)s vote from %(start)s to %(end)s",
        "Votes over time, oldest on the left: %(num)s votes from %(start)s to %(end)s",
        running[-1],
    ) % {"num": running[-1], "start": start.isoformat(), "end": end.isoformat()}
    # Numbers and escaped labels only.
    return Markup(  # noqa: S704
        f'<svg class="ib-sparkline" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}">'
        f'<polyline points="{" ".join(f"{x},{y}" for x, y in points)}" fill="none" '
        f'stroke="currentColor" '
        f'stroke-width="2" stroke-linejoin="round"/></svg>'
    )


#: Chart text size in SVG user units: the charts' viewBox is ``CHART_WIDTH`` wide and
#: scales with the page.  The stylesheet sets these sizes, and sets ``PHONE_FONT`` when a
#: chart is drawn narrower than about 460 px (a phone), so text stays readable there
#: (about 11 px at 328 px wide).  The layout leaves room for text of either size.
CHART_WIDTH = 600
DESKTOP_FONT = 14
PHONE_FONT = 21


def _text_width(label: str, font: float) -> float:
    """A generous estimate of the width of ``label`` in a sans-serif font of size ``font``."""
    return len(label) * font * 0.6


def bar_chart(rows: Sequence[tuple[str, int, str]], title: str, css: str = "") -> Markup:
    """Horizontal bars, one per row of (label, value, css class).

    The chart is decorative for assistive technology (``aria-hidden``): ``figure``
    puts the same numbers in a table beside it.
    """
    width, bar, gap = CHART_WIDTH, 28, 10
    longest = max((len(str(label)) for label, _, _ in rows), default=4)
    label_w = min(round(_text_width("x" * longest, PHONE_FONT)) + 12, width // 3)
    value_w = round(_text_width(str(max((v for _, v, _ in rows), default=0)), PHONE_FONT)) + 12
    height = len(rows) * (bar + gap) + gap
    top = max((v for _, v, _ in rows), default=0) or 1
    parts = [
        f'<svg class="ib-chart ib-chart--bars {css}" viewBox="0 0 {width} {height}" '
        f'aria-hidden="true" focusable="false" preserveAspectRatio="xMinYMin meet">'
    ]
    for i, (label, value, cls) in enumerate(rows):
        y = gap + i * (bar + gap)
        w = max(value / top * (width - label_w - value_w), 2 if value else 0)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar / 2:.0f}" text-anchor="end" '
            f'dominant-baseline="central" class="ib-chart__label">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{_num(w)}" height="{bar}" rx="3" '
            f'class="ib-fill--{escape(cls)}"/>'
            f'<text x="{_num(label_w + w + 6)}" y="{y + bar / 2:.0f}" '
            f'dominant-baseline="central" class="ib-chart__value">{value}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (numbers and escaped labels only)


def _step(top: int) -> int:
    """A round gridline step (1, 2 or 5 times a power of ten) giving 2 to 4 lines up to ``top``."""
    step = 1
    while True:
        for mult in (1, 2, 5):
            if top / (step * mult) <= 4:
                return step * mult
        step *= 10


def _tick_every(labels: Sequence[str], slot: float, font: float, start: int = 1) -> int:
    """Label every k-th column (k a multiple of ``start``) so that labels never overlap."""
    widest = max((_text_width(lab, font) for lab in labels), default=0) + 8
    k = start
    while k * slot < widest:
        k += start
    return k


def column_chart(rows: Sequence[tuple[str, int]], title: str) -> Markup:
    """Vertical columns, one per row of (label, value), with gridlines.

    Labels must be short (``Jan 25``).  Only every k-th column is labelled when they
    would overlap, counting from the last (the latest month is always labelled); on a
    phone, where the text is bigger, the labels in between (``ib-chart__tick--minor``)
    are hidden too.  Values sit on the columns when there are few of them.  Like
    ``bar_chart``, the chart is hidden from assistive technology: ``figure`` adds a table.
    """
    if not rows:
        return Markup("")
    n = len(rows)
    labels = [str(label) for label, _ in rows]
    # The end labels are centred on the end columns: leave room for half of one.
    edge = _text_width(max(labels[0], labels[-1], key=len), PHONE_FONT) / 2
    width, height, bottom, top_pad = CHART_WIDTH, 250, 36, 30
    top = max(v for _, v in rows) or 1
    step = _step(top)
    ceiling = -(-top // step) * step
    axis_w = _text_width(str(ceiling), PHONE_FONT) + 10
    # Margins: the y-axis labels on the left, and half an end label beyond its column.
    slot = (width - axis_w - 8) / n
    left = max(axis_w, edge - slot / 2 + 2)
    right = max(8.0, edge - slot / 2 + 2)
    slot = (width - left - right) / n
    plot_h = height - bottom - top_pad
    base_y = height - bottom
    every = _tick_every(labels, slot, DESKTOP_FONT)
    every_phone = _tick_every(labels, slot, PHONE_FONT, every)
    show_values = n <= 12
    parts = [
        f'<svg class="ib-chart ib-chart--columns" viewBox="0 0 {width} {height}" '
        f'aria-hidden="true" focusable="false" preserveAspectRatio="xMinYMin meet">'
    ]
    for tick in range(0, ceiling + 1, step):
        y = base_y - tick / ceiling * plot_h
        parts.append(
            f'<line x1="{_num(left)}" x2="{_num(width - right)}" y1="{_num(y)}" y2="{_num(y)}" '
            f'class="ib-chart__grid"/>'
            f'<text x="{_num(left - 8)}" y="{_num(y)}" text-anchor="end" '
            f'dominant-baseline="central" class="ib-chart__axis">{tick}</text>'
        )
    for i, (label, value) in enumerate(rows):
        h = value / ceiling * plot_h
        x = left + i * slot + slot * 0.15
        centre = x + slot * 0.35
        parts.append(
            f'<rect x="{_num(x)}" y="{_num(base_y - h)}" width="{_num(slot * 0.7)}" '
            f'height="{_num(h)}" rx="2" class="ib-fill--bar"><title>{escape(label)}: '
            f"{value}</title></rect>"
        )
        if show_values and value:
            parts.append(
                f'<text x="{_num(centre)}" y="{_num(base_y - h - 6)}" '
                f'text-anchor="middle" class="ib-chart__value">{value}</text>'
            )
        from_end = n - 1 - i
        if from_end % every == 0:
            minor = "" if from_end % every_phone == 0 else " ib-chart__tick--minor"
            parts.append(
                f'<text x="{_num(centre)}" y="{base_y + 10}" text-anchor="middle" '
                f'dominant-baseline="hanging" class="ib-chart__label{minor}">'
                f"{escape(label)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 (numbers and escaped labels only)


def figure(
    svg: Markup, rows: Sequence[Sequence[Any]], caption: str, headers: tuple[str, str]
) -> Markup:
    """A chart with its numbers as a table: the table is for screen readers only.

    Sighted readers see the SVG; assistive technology skips the SVG (``aria-hidden``)
    and reads the table, which is visually hidden in an ``ib-sr-only`` box (not with
    ``display: none``, which would hide it from screen readers too; and not on the table
    itself, which would grow to fit its cells).
    """
    body = Markup("").join(
        Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(row[0], row[1]) for row in rows
    )
    return Markup(
        '<figure class="ib-figure">{svg}<div class="ib-sr-only">'
        # A class keeps Material's script from wrapping the table in a scrolling box.
        '<table class="ib-data"><caption>{caption}</caption>'
        '<thead><tr><th scope="col">{h0}</th><th scope="col">{h1}</th></tr></thead>'
        "<tbody>{body}</tbody></table></div></figure>"
    ).format(svg=svg, caption=caption, h0=headers[0], h1=headers[1], body=body)


# --- the insights, as rows for the charts -----------------------------------------------

#: (days under which, chart label, table label); the chart's axis says "months".
#: Table labels are translated where shown.
SHIP_BUCKETS = (
    (30, "< 1", N_("Under 1 month")),
    (90, "1–3", N_("1 to 3 months")),
    (180, "3–6", N_("3 to 6 months")),
    (365, "6–12", N_("6 to 12 months")),
)
SHIP_LONGER = ("> 12", N_("Over a year"))


def _month(key: str) -> dt.date:
    return dt.date(int(key[:4]), int(key[5:7]), 1)


def month_label(key: str) -> str:
    """``2025-01`` -> ``Jan ’25`` (CLDR, in the board language): short enough for an axis."""
    return i18n.format_month(_month(key))


def month_title(key: str) -> str:
    """``2025-01`` -> ``January 2025`` (CLDR, in the board language)."""
    return i18n.format_month(_month(key), "yMMMM")


def insights_view(insights: Any) -> dict[str, Any]:
    """The rows the Insights page draws, from ``insights.compute``'s ``Insights``.

    Charts get short labels (``Jan ’25``, ``1–3``); their tables get full ones, and the
    status categories their titles, in the board language.
    """
    funnel = [(i18n.category_title(c), n, c) for c, n in insights.funnel]
    months = list(insights.votes_per_month)[-24:]
    buckets: Counter[str] = Counter()
    for t in insights.time_to_ship:
        short = next((s for limit, s, _ in SHIP_BUCKETS if t.days < limit), SHIP_LONGER[0])
        buckets[short] += 1
    ship = [(s, full) for _, s, full in SHIP_BUCKETS] + [SHIP_LONGER]
    median = insights.median_days_to_ship
    return {
        "funnel": funnel,
        "months": [(month_label(m), n) for m, n in months],
        "months_table": [(month_title(m), n) for m, n in months],
        "ship": [(s, buckets.get(s, 0)) for s, _ in ship],
        "ship_table": [(_(full), buckets.get(s, 0)) for s, full in ship],
        "ship_median": None if median is None else round(median),
        "proposers": list(insights.shipped_proposers),
    }
