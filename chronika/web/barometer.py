"""The memory barometer drawn: the geometry of its two charts, computed here and drawn by
memory.html as SVG. De-Stalinization stacks above the line, re-Stalinization below, each stack a
segment per level (state, society); one scale for both halves, from the largest stacked total.

A wide chart stands the periods side by side (a labelled y axis, whole period names wrapped under
their bars); a narrow one, for phones, lays each period on a row of its own (re-Stalinization to
the left of the line, de-Stalinization to the right), so every period shows at 390 px."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

DIRECTIONS = (("de-stalinization", "de"), ("re-stalinization", "re"))
LEVELS = ("state", "society")
CHAR = 6.6  # pixels a character of the 11 px label font takes, about
# The wide chart
HALF = 140  # pixels from the line to the top of the scale, and to its bottom
TOP = 22  # room above the scale for a stack's total
LEFT = 64  # room for the y axis's title and tick labels
SLOT = 56  # pixels a period at least; a long word widens it
BAR_WIDTH = 40
LINE = 14  # a label line
# The narrow chart
NARROW = 340  # its width (it scales to the screen)
NARROW_TOP = 30  # room for the directions' names
BAR_THICKNESS = 16
ROW_GAP = 12
SIDE = 140  # pixels from the line to either end of the scale


@dataclass(frozen=True)
class Segment:
    """One level's part of a stack: where it is drawn and the events it opens."""

    direction: str
    level: str
    n: int
    offset: float  # from the line to the segment's near edge, a share of the scale
    size: float  # a share of the scale
    href: str


@dataclass(frozen=True)
class Period:
    name: str
    years: str
    lines: list[str]  # the name wrapped to the wide chart's slot, then the years
    x: float  # the slot's left edge (wide chart)
    y: float  # the row's top (narrow chart)
    narrow_lines: list[str]  # the name and years wrapped to the narrow chart
    de: int
    re: int
    segments: list[Segment]


@dataclass(frozen=True)
class Tick:
    value: int
    offset: float  # from the line, a share of the scale


@dataclass(frozen=True)
class Chart:
    periods: list[Period]
    ticks: list[Tick]
    top: int  # the scale's end: the largest stacked total rounded up to a tick
    slot: float
    width: float  # the wide chart's
    height: float  # the wide chart's
    label_lines: int
    narrow_height: float  # the narrow chart's, with its scale under the last row

    @property
    def middle(self) -> float:
        """The wide chart's line between the halves."""
        return TOP + HALF


def chart(rows: list[dict[str, Any]], by: str, everything: bool, today: date | None = None) -> Chart:
    """Both charts' geometry for `views.memory.barometer`'s rows."""
    totals = [sum(r[key][level] for level in LEVELS) for r in rows for _, key in DIRECTIONS]
    step = tick_step(max(totals, default=0))
    top = max(step, math.ceil(max(totals, default=0) / step) * step)
    longest = max((len(w) for r in rows for w in r["period"].split()), default=0)
    slot = max(SLOT, longest * CHAR + 12)
    periods = []
    y = NARROW_TOP
    for i, row in enumerate(rows):
        years = period_years(row["start"], row["end"], today or date.today())
        years = "" if years == row["period"] else years  # a year is its own span
        segments = []
        for direction, key in DIRECTIONS:
            offset = 0.0
            for level in LEVELS:
                n = row[key][level]
                if n:
                    segments.append(Segment(direction, level, n, offset, n / top, _href(by, row["period"], direction, level, everything)))
                offset += n / top
        named = row["period"] + (f" · {years}" if years else "")
        narrow_lines = wrap(named, int(NARROW / CHAR) - 2)
        periods.append(Period(row["period"], years, wrap(row["period"], int((slot - 8) / CHAR)) + ([years] if years else []),
                              LEFT + i * slot, y, narrow_lines, sum(row["de"].values()), sum(row["re"].values()), segments))
        y += len(narrow_lines) * LINE + BAR_THICKNESS + ROW_GAP
    lines = max((len(p.lines) for p in periods), default=1)
    return Chart(periods, [Tick(v, v / top) for v in range(0, top + 1, step)], top, slot, LEFT + len(rows) * slot + 8,
                 TOP + 2 * HALF + 14 + lines * LINE + 8, lines, y + 24)


def tick_step(largest: int) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving at most five ticks up to `largest`."""
    power = 1
    while True:
        for m in (1, 2, 5):
            if largest <= 5 * m * power:
                return m * power
        power *= 10


def wrap(text: str, width: int) -> list[str]:
    """Whole words on lines of about `width` characters; a longer word keeps a line to itself."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def period_years(start: str | None, end: str | None, today: date) -> str:
    """A period's years as a reader writes them: 1954–1964, 1999, or 2014– for one still running."""
    if not start or not end:
        return ""
    first, last = start[:4], end[:4]
    if last.isdigit() and int(last) > today.year:
        return f"{first}–"
    return first if first == last else f"{first}–{last}"


def _href(by: str, period: str, direction: str, level: str, everything: bool) -> str:
    query = {"by": by, "period": period, "direction": direction, "level": level} | ({"all": "1"} if everything else {})
    return "/memory?" + urlencode(query)
