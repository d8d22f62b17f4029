"""A score chart as inline SVG: one line per partner over the sessions, with labelled axes and
points, a title and a description for screen readers, and nothing that runs or loads.

Time runs along the x axis (sessions far apart are far apart), the score's whole range up the
y axis. The partners' lines differ in colour, dash and point shape, so they can be told apart
without colour. A point says its value when hovered (an SVG ``<title>``). A session without a
complete score for a partner leaves a gap in their line.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

from workbook.export.blocks import Chart, Series
from workbook.export.markdown import number as figure
from workbook.i18n.catalog import _
from workbook.logic.scores import shown
from workbook.text import clean_line

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 40, 56
# Colour, dash and point shape for partner a, then b.
LOOKS = (("#1b6ca8", "", "circle"), ("#b03a2e", "6 4", "square"))
MAX_X_TICKS = 5
INSET = 8
# Above this many sessions the points are drawn smaller.
CROWDED = 60
# From a time or a value to where it is drawn.
Scale = Callable[[float], float]


def _esc(text: str) -> str:
    return html.escape(clean_line(text), quote=True)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg_chart(chart: Chart, ident: str) -> str:
    """The chart as an ``<svg>`` element; ``ident`` makes its ids unique in the page (it must
    be a plain name, never user text)."""
    low, high = chart.low, chart.high if chart.high > chart.low else chart.low + 1
    first, last = (min(chart.times), max(chart.times)) if chart.times else (0.0, 0.0)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(t: float) -> float:
        if last <= first:
            return LEFT + plot_w / 2
        # Inset, so the first and last points are drawn whole, off the axis.
        return LEFT + INSET + (t - first) / (last - first) * (plot_w - 2 * INSET)

    def y(v: float) -> float:
        v = min(max(v, low), high)
        return TOP + plot_h - (v - low) / (high - low) * plot_h

    out = [
        f'<svg role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="system-ui, sans-serif" '
        'font-size="12">',
        f'<title id="{ident}-title">{_esc(chart.title)}</title>',
        f'<desc id="{ident}-desc">{_esc(_description(chart))}</desc>',
    ]
    out += _y_axis(low, high, y, plot_w)
    out += _x_axis(chart, x, plot_h)
    out += _marks(chart, y, plot_w)
    for number, series in enumerate(chart.series[:2]):
        out += _line(series, chart, number, x, y)
    out += _legend(chart.series[:2])
    out.append("</svg>")
    return "\n".join(out)


def _description(chart: Chart) -> str:
    """What the chart shows, for a screen reader, in the language being spoken."""
    count = len(chart.times)
    low, high = figure(shown(chart.low)), figure(shown(chart.high))
    parts = [
        _(
            "A line chart of {title}, on a scale from {low} to {high}, over one session, on "
            "{first}."
        ).format(title=chart.title, low=low, high=high, first=chart.dates[0])
        if count == 1
        else _(
            "A line chart of {title}, on a scale from {low} to {high}, over {count} sessions, "
            "from {first} to {last}."
        ).format(
            title=chart.title,
            low=low,
            high=high,
            count=count,
            first=chart.dates[0],
            last=chart.dates[-1],
        )
    ]
    for place, series in enumerate(chart.series[:2]):
        given = [v for v in series.values if v is not None]
        if place == 0 and given:
            said = _("{name}: a solid line with round points, latest {value}.")
        elif place == 0:
            said = _("{name}: a solid line with round points, no complete score.")
        elif given:
            said = _("{name}: a dashed line with square points, latest {value}.")
        else:
            said = _("{name}: a dashed line with square points, no complete score.")
        value = figure(shown(given[-1])) if given else ""
        parts.append(said.format(name=series.name, value=value))
    for mark, label in chart.marks:
        parts.append(
            _("A dotted line at {value}: {label}.").format(value=figure(shown(mark)), label=label)
        )
    parts.append(_("The values are in the table below the chart."))
    return " ".join(parts)


def _y_axis(low: float, high: float, y: Scale, plot_w: float) -> list[str]:
    span = high - low
    if float(low).is_integer() and float(high).is_integer() and span <= 10:
        ticks = [float(v) for v in range(int(low), int(high) + 1)]
    elif float(low).is_integer() and float(high).is_integer() and span <= 500:
        # Whole numbers at a round step (0, 5, 10, 15, 20 for a score of 0 to 21).
        step = next(n for n in (2, 5, 10, 20, 25, 50, 100) if span / n <= 6)
        ticks = [float(v) for v in range(int(low), int(high) + 1, step)]
    else:
        ticks = [low + span * i / 4 for i in range(5)]
    out = ['<g class="y-axis" stroke="#999" stroke-width="1">']
    for tick in ticks:
        at = _n(y(tick))
        out.append(
            f'<line x1="{LEFT}" y1="{at}" x2="{_n(LEFT + plot_w)}" y2="{at}" stroke="#e4e4e4"/>'
        )
    out.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}"/>')
    out.append("</g>")
    out.append('<g class="y-labels" text-anchor="end" fill="#333">')
    for tick in ticks:
        out.append(f'<text x="{LEFT - 6}" y="{_n(y(tick) + 4)}">{_esc(shown(tick))}</text>')
    out.append("</g>")
    middle = TOP + (HEIGHT - TOP - BOTTOM) / 2
    out.append(
        f'<text x="14" y="{_n(middle)}" text-anchor="middle" fill="#333" '
        f'transform="rotate(-90 14 {_n(middle)})">Score</text>'
    )
    return out


def _x_axis(chart: Chart, x: Scale, plot_h: float) -> list[str]:
    bottom = TOP + plot_h
    out = [
        f'<line x1="{LEFT}" y1="{_n(bottom)}" x2="{WIDTH - RIGHT}" y2="{_n(bottom)}" '
        'stroke="#999" stroke-width="1"/>',
        '<g class="x-labels" text-anchor="middle" fill="#333">',
    ]
    count = len(chart.times)
    if count:
        ticks = min(count, MAX_X_TICKS)
        chosen = sorted({round(i * (count - 1) / max(ticks - 1, 1)) for i in range(ticks)})
        for index in chosen:
            at = _n(x(chart.times[index]))
            out.append(
                f'<line x1="{at}" y1="{_n(bottom)}" x2="{at}" y2="{_n(bottom + 5)}" stroke="#999"/>'
            )
            # The first and last labels stay inside the picture.
            anchor = (
                ' text-anchor="start"'
                if index == 0 and len(chosen) > 1
                else ' text-anchor="end"'
                if index == count - 1 and len(chosen) > 1
                else ""
            )
            out.append(
                f'<text x="{at}" y="{_n(bottom + 18)}"{anchor}>{_esc(chart.dates[index])}</text>'
            )
    out.append("</g>")
    out.append(
        f'<text x="{_n(LEFT + (WIDTH - LEFT - RIGHT) / 2)}" y="{HEIGHT - 8}" '
        'text-anchor="middle" fill="#333">Session date</text>'
    )
    return out


def _marks(chart: Chart, y: Scale, plot_w: float) -> list[str]:
    """A dotted line across the chart at each mark (a goal's target, a cut-off), labelled
    above it near its left end."""
    out = ['<g class="marks" fill="#2e7d32">']
    for value, label in chart.marks[:4]:
        if not chart.low <= value <= chart.high:
            continue
        at = _n(y(value))
        out.append(
            f'<line x1="{LEFT}" y1="{at}" x2="{_n(LEFT + plot_w)}" y2="{at}" stroke="#2e7d32" '
            'stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
        # At the left, where a course that rises is lowest, with a white edge so that it
        # reads over a line.
        out.append(
            f'<text x="{LEFT + INSET + 6}" y="{_n(y(value) - 4)}" stroke="#fff" '
            f'stroke-width="3" paint-order="stroke">{_esc(clean_line(label)[:60])}</text>'
        )
    out.append("</g>")
    return out


def _line(series: Series, chart: Chart, number: int, x: Scale, y: Scale) -> list[str]:
    colour, dash, shape = LOOKS[number]
    # Many sessions: smaller points, so the lines still show.
    size = 3.0 if len(chart.times) <= CROWDED else 1.5
    path: list[str] = []
    points: list[str] = []
    pen_down = False
    for index, value in enumerate(series.values):
        if value is None or not math.isfinite(value):
            pen_down = False
            continue
        px, py = x(chart.times[index]), y(value)
        path.append(f"{'L' if pen_down else 'M'}{_n(px)} {_n(py)}")
        pen_down = True
        label = _esc(f"{series.name}, {chart.dates[index]}: {series.labels[index]}")
        if shape == "circle":
            points.append(
                f'<circle cx="{_n(px)}" cy="{_n(py)}" r="{_n(size)}">'
                f"<title>{label}</title></circle>"
            )
        else:
            points.append(
                f'<rect x="{_n(px - size)}" y="{_n(py - size)}" width="{_n(2 * size)}" '
                f'height="{_n(2 * size)}">'
                f"<title>{label}</title></rect>"
            )
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    out = [f'<g class="partner-{"ab"[number]}" fill="{colour}">']
    if path:
        out.append(
            f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" '
            f'stroke-width="{_n(size / 1.5)}"{dashed}/>'
        )
    out += points
    out.append("</g>")
    return out


def _legend(series: tuple[Series, ...]) -> list[str]:
    out = ['<g class="legend" fill="#333">']
    at = LEFT
    for number, line in enumerate(series):
        colour, dash, shape = LOOKS[number]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{at}" y1="16" x2="{at + 28}" y2="16" stroke="{colour}" '
            f'stroke-width="2"{dashed}/>'
        )
        mark = (
            f'<circle cx="{at + 14}" cy="16" r="3" fill="{colour}"/>'
            if shape == "circle"
            else f'<rect x="{at + 11}" y="13" width="6" height="6" fill="{colour}"/>'
        )
        out.append(mark)
        name = clean_line(line.name)[:40]
        out.append(f'<text x="{at + 34}" y="20">{_esc(name)}</text>')
        at += 34 + 8 * min(len(name), 40) + 24
    out.append("</g>")
    return out
