"""The HTML report's pictures, drawn with matplotlib as inline SVG (``crosscheck[report]``).

Each chart is one `<svg>` with a `<title>`: every claim's figure a mark with the id
``mark-CLAIM``, every dated control claim a band with the id ``band-CLAIM``, so a test (or a
reader's tools) can find them. Colour is never the only carrier of meaning: positions also
differ by marker shape and are named in the legend, contested bands are hatched, and each
mark and band is labelled with its source or holder. The output is deterministic: the same
view gives the same bytes.
"""

from __future__ import annotations

import datetime
import html
import io
import math
import re
import warnings
from collections.abc import Sequence
from typing import Any

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from crosscheck.render.views import ControlChart, FigureChart

__all__ = ["PALETTE", "control_chart", "figure_chart", "marks_in"]

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F",
           "#000000")  # fmt: skip
"""Okabe and Ito's colours, told apart by readers with any common colour vision."""
_SHAPES = ("o", "s", "^", "D", "v", "P", "X", "*")
"""One marker shape per position, so positions differ without colour too."""

_AXES_POINTS = 330.0
"""About how wide a chart's plotting area is, in points: to tell whether a label fits."""
_LABEL_POINTS_PER_CHARACTER = 3.6
"""About how wide a character of a 6.5-point label is, in points."""

_STYLE: dict[Any, Any] = {
    "svg.fonttype": "none",  # text stays text: searchable, selectable, smaller
    "svg.hashsalt": "crosscheck",  # the same ids in every run
    "text.parse_math": False,  # a "$" in a name is a dollar sign, not mathematics
    "font.size": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


_OWN_ID = re.compile(r'(\bid="|url\(#|href="#)(?!mark-|band-)([^")]+)')
"""An id matplotlib made (``axes_1``, a clip path's hash) or a reference to one."""


def _svg(figure: Figure, title: str, prefix: str) -> str:
    """`figure` as an inline `<svg>` element with `title`, without the XML prologue; the ids
    matplotlib makes carry `prefix`, so many charts make one page with unique ids (the ids of
    marks and bands are claim ids already)."""
    buffer = io.StringIO()
    FigureCanvasSVG(figure)
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = _OWN_ID.sub(lambda m: f"{m[1]}{prefix}{m[2]}", text[text.index("<svg") :])
    opening = text.index(">") + 1
    return (text[:opening].replace("<svg ", '<svg role="img" ', 1)
            + f"<title>{html.escape(title)}</title>" + text[opening:])  # fmt: skip


def _day_number(day: datetime.date) -> float:
    """Where `day` lies on a date axis."""
    return float(date2num(day))  # type: ignore[no-untyped-call]


def _days(start: datetime.date, end: datetime.date) -> tuple[float, float]:
    return _day_number(start), _day_number(end)


def _date_axis(axes: Axes) -> None:
    """Ticks and labels for dates on the x axis: a few, concise."""
    locator = AutoDateLocator(minticks=2, maxticks=6)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _spread(marks: Sequence[datetime.date]) -> list[tuple[float, int]]:
    """An x for each mark, its day with marks of one day spread across it, and its rank among
    them (so their labels can be stacked)."""
    by_day: dict[datetime.date, int] = {}
    for day in marks:
        by_day[day] = by_day.get(day, 0) + 1
    seen: dict[datetime.date, int] = {}
    xs = []
    for day in marks:
        count, index = by_day[day], seen.get(day, 0)
        seen[day] = index + 1
        offset = 0.0 if count == 1 else -0.3 + 0.6 * index / (count - 1)
        xs.append((_day_number(day) + offset, index))
    return xs


def figure_chart(chart: FigureChart, prefix: str = "") -> str:
    """The figures of one measure by statement time: a bar from low to high per claim (a
    point for an exact figure, an arrow for an open upper bound)."""
    legend_rows = math.ceil(len(chart.positions) / 3)
    with mpl.rc_context(_STYLE), warnings.catch_warnings():
        # a crowded chart may not fit every label: it is drawn all the same, never an error
        warnings.filterwarnings("ignore", message="constrained_layout not applied")
        figure = Figure(figsize=(7.0, 2.5 + 0.2 * legend_rows), layout="constrained")
        axes = figure.add_subplot()
        finite = [m.high for m in chart.marks if not m.open] + [m.low for m in chart.marks]
        top = max(finite) if finite else 1.0
        ceiling = top * 1.25 if top > 0 else 1.0
        xs = _spread([m.stated for m in chart.marks])
        for (x, rank), mark in zip(xs, chart.marks, strict=True):
            colour = PALETTE[mark.position % len(PALETTE)]
            shape = _SHAPES[mark.position % len(_SHAPES)]
            high = ceiling if mark.open else mark.high
            (line,) = axes.plot([x, x], [mark.low, high], color=colour, linewidth=2.2,
                                marker=shape, markersize=5,
                                markevery=[0] if mark.open else None)  # fmt: skip
            line.set_gid(f"mark-{mark.claim}")
            if mark.open:
                axes.plot([x], [ceiling], marker="^", color=colour, markersize=7)
            label = f"{mark.source}: ‘{mark.wording}’"
            axes.annotate(label, (x, high), xytext=(4, 2 + 8 * rank), textcoords="offset points",
                          fontsize=6.5, color="#333333")  # fmt: skip
        axes.set_ylim(0, ceiling * 1.05)
        if all(
            float(v).is_integer() for m in chart.marks for v in (m.low, m.high) if not math.isinf(v)
        ):
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: whole ticks
        first, last = min(m.stated for m in chart.marks), max(m.stated for m in chart.marks)
        left, right = _days(first, last)
        axes.set_xlim(left - 1.5, right + 3.5)
        _date_axis(axes)
        axes.set_xlabel("stated")
        axes.set_ylabel(chart.unit)
        handles = [
            Line2D([], [], color=PALETTE[i % len(PALETTE)], marker=_SHAPES[i % len(_SHAPES)],
                   linewidth=2, label=f"position {i + 1}: {reading}")
            for i, reading in enumerate(chart.positions)
        ]  # fmt: skip
        figure.legend(handles=handles, loc="outside lower center", ncols=min(3, len(handles)),
                      fontsize=6.5, frameon=False)  # fmt: skip
        return _svg(figure, f"{chart.title}: figures by statement time", prefix)


def control_chart(chart: ControlChart, prefix: str = "") -> str:
    """A place's control timeline: one row per source, a band per dated claim coloured (and
    labelled) by its holder, hatched where sources disagree."""
    sources = chart.sources
    holders = chart.holders
    with mpl.rc_context(_STYLE), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="constrained_layout not applied")
        figure = Figure(figsize=(7.0, 1.3 + 0.42 * len(sources)), layout="constrained")
        axes = figure.add_subplot()
        dated = [b for b in chart.bands if not b.open_start]
        first = min((b.start for b in dated), default=min(b.end for b in chart.bands))
        last = max(b.end for b in chart.bands)
        left, right = _days(first, last)
        left, right = left - 2, right + 3
        per_day = (right - left) / _AXES_POINTS * _LABEL_POINTS_PER_CHARACTER
        labelled_to: dict[int, float] = {}
        for band in sorted(chart.bands, key=lambda b: (b.start, b.end, b.claim)):
            row = sources.index(band.source)
            colour = PALETTE[holders.index(band.holder) % len(PALETTE)]
            start = left if band.open_start else _day_number(band.start)
            width = _day_number(band.end) + 1 - start
            bars = axes.barh(row, width, left=start, height=0.55, color=colour,
                             alpha=0.35 if band.open_start else 0.85,
                             hatch="///" if band.contested else None,
                             edgecolor="#222222" if band.contested else colour)  # fmt: skip
            bars[0].set_gid(f"band-{band.claim}")
            if band.open_start:  # no start given: faded, and an arrow to the left edge
                axes.plot([start], [row], marker="<", color=colour, markersize=6)
            if start + width >= labelled_to.get(row, -math.inf):  # room for its label
                axes.annotate(band.holder, (start + width, row), xytext=(3, 0),
                              textcoords="offset points", va="center", fontsize=6.5)  # fmt: skip
                labelled_to[row] = start + width + per_day * (len(band.holder) + 2)
        axes.set_yticks(range(len(sources)), labels=list(sources))
        axes.set_ylim(-0.7, len(sources) - 0.3)
        axes.invert_yaxis()
        axes.set_xlim(left, right)
        _date_axis(axes)
        handles = [Patch(color=PALETTE[i % len(PALETTE)], label=holder)
                   for i, holder in enumerate(holders)]  # fmt: skip
        if any(b.contested for b in chart.bands):
            handles.append(Patch(facecolor="white", edgecolor="#222222", hatch="///",
                                 label="disputed"))  # fmt: skip
        figure.legend(handles=handles, loc="outside lower center", ncols=min(4, len(handles)),
                      fontsize=6.5, frameon=False)  # fmt: skip
        return _svg(figure, f"Who held {chart.name}, according to whom", prefix)


def marks_in(svg: str) -> int:
    """How many claim marks and bands an SVG of this module holds."""
    return len(re.findall(r'<g id="(?:mark|band)-', svg))
