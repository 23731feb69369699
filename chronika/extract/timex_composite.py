"""Time expressions built of several calendar points: ranges ("1937-1938", "July-October 1917",
"from 1936 to 1938", "between August 1937 and October 1938", "1971-72", "7-8 March"), lists whose
leading members borrow from the last ("10 (23) and 16 (29) October", "the spring and summer of
1917"), parts of days ("the evening of 1 December 1934") and clock times ("0430 hours").

TimeML tags a range written with words ("from 1991 to 1997", "between 1985 and 1987", "Aug. 26 to
Oct. 20") as its two dates, each its own TIMEX3; with `timeml` such ranges are left to their points."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterator

from chronika.records.dates import DateInterval
from chronika.extract.timex_grammar import DAY, SEASON_WORDS, YEAR, YEAR_MARKERS, Point
from chronika.extract.timex_resolve import Context, Reading, Resolver, coarser, point_reading

Found = tuple[int, int, Resolver]
Points = list[tuple[re.Match[str], Point]]
Plausible = Callable[[Point, re.Match[str]], bool]

_DASH_GAP = re.compile(r"\s?(?:-|–|—|/)\s?")
_RANGE_GAP = re.compile(rf"{_DASH_GAP.pattern}|\s+(?:to|through|till|until|thru)\s+")
_RANGE_GAP_AFTER_FROM = re.compile(r"\s*(?:-|–|—|to|till|until|through|thru|and|по|до|и)\s*")
_FROM = re.compile(r"\b(?:from|between|с|между)\s+$")
_SHORT_YEAR_TAIL = re.compile(r"\s?[-–—/]\s?(?P<b>[0-9]{2})(?![\d-])(?:\s*(?:годах|годы|гг\.))?")
_DAYSPEC = rf"{DAY}(?:\s*\({DAY}\))?"
_DAY_LIST_HEAD = re.compile(rf"{_DAYSPEC}(?:\s*,\s*{_DAYSPEC})*\s*,?\s+(?:and|or|и)\s+$")
_DAY_PART_HEAD = re.compile(r"(?:the\s+)?(?:(?:early|late)\s+)?(?P<part>morning|afternoon|evening|night)\s+of\s+$")
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
CLOCK_PATTERN = (
    r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?:\s*(?P<ap>a\.m\.|p\.m\.))?(?![\d:])"
    r"|(?P<h2>[01]\d|2[0-3])(?P<m2>[0-5]\d)\s+hours\b"
    r"|(?P<h3>1[0-2]|[1-9])(?:[.:](?P<m3>[0-5]\d))?\s*(?P<ap3>a\.m\.|p\.m\.|o'clock)"
)
_CLOCK = re.compile(CLOCK_PATTERN)
_SEASON_LIST_HEAD = re.compile(r"(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s*(?:,|and|or|,\s*and)\s+$")
_DAYSPEC_RE = re.compile(rf"(?P<d>{DAY})(?:\s*\((?P<ns>{DAY})\))?")
_DAY_RANGE_HEAD = re.compile(rf"(?P<d>{DAY})\s?[-–—]\s?$")
_MONTH_DAY_TAIL = re.compile(rf"\s?[-–—]\s?(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?")
# "April 24 and 25.": the last day of a list, after its month's first ("25 people" is a count)
_MONTH_DAY_LIST_TAIL = re.compile(rf",?\s+(?:and|or|&)\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?(?=\s*[.,;:)!?]|\s*$)")


def candidates(
    text: str, low: str, points: Points, triggers: list[int], plausible: Plausible, *, timeml: bool = False
) -> Iterator[Found]:
    """Every composite expression built of `points` (the calendar points of `text`, leftmost and
    longest first; `low` is `lowered(text)`); `plausible` says whether a point alone is a date.
    With `timeml` a range joined by words is no candidate: its points are."""
    yield from _ranges(text, low, points, plausible, timeml)
    yield from _day_lists(low, points)
    yield from _times_of_day(low, points, triggers)


def point_resolver(point: Point, span: str) -> Resolver:
    """How a point reads in its context."""
    return lambda ctx: point_reading(point, span, ctx)


def _ranges(text: str, low: str, points: Points, plausible: Plausible, timeml: bool) -> Iterator[Found]:
    """Two points joined as a range: "1937-1938", "July-October 1917", "from 1936 to 1938",
    "between August 1937 and October 1938"; also "1971-72", "7-8 March", "October 24-26, 1917"."""
    for (a, first), (b, last) in zip(points, points[1:]):
        gap = low[a.end() : b.start()]
        after_from = _FROM.search(low, max(0, a.start() - 12), a.start()) is not None
        if not (_RANGE_GAP.fullmatch(gap) or after_from and _RANGE_GAP_AFTER_FROM.fullmatch(gap)):
            continue
        if timeml and not _DASH_GAP.fullmatch(gap):
            if first.year is None and last.year is not None and first.precision in ("day", "month", "season"):
                borrowed = last.year - ((first.month or 0) > (last.month or 0))  # "Dec. 5 to Jan. 9, 1938"
                yield (a.start(), a.end(), point_resolver(replace(first, year=borrowed), text[a.start() : a.end()]))
            continue
        if YEAR_MARKERS.search(low[max(0, a.start() - 40) : a.start()]):
            continue
        if first.precision == "month" and first.year is None and last.year is None and not plausible(first, a):
            continue
        yield (a.start(), b.end(), _range_resolver(first, last, text[a.start() : b.end()]))
    for b, last in points:
        if last.precision == "year" and last.year is not None and not b.group("part"):
            tail = _SHORT_YEAR_TAIL.match(low, b.end())
            end = last.year // 100 * 100 + int(tail.group("b")) if tail is not None else 0
            if tail is not None and last.year < end <= last.year + 20 and not YEAR_MARKERS.search(
                low[max(0, b.start() - 40) : b.start()]
            ):
                span = text[b.start() : tail.end()]
                yield (b.start(), tail.end(), _range_resolver(last, Point("year", end), span))
        if last.precision == "day" and last.month is not None and b.group("dmy_d"):
            head = _DAY_RANGE_HEAD.search(low, max(0, b.start() - 8), b.start())
            if head is not None:
                first = Point("day", last.year, last.month, int(re.sub(r"\D", "", head.group("d"))))
                yield (head.start(), b.end(), _range_resolver(first, last, text[head.start() : b.end()]))
    for a, first in points:
        tail = _MONTH_DAY_TAIL.match(low, a.end())
        if tail is not None and first.precision == "day" and first.year is None and a.group("mdy_m"):
            year = int(tail.group("y")) if tail.group("y") else None
            start_day = replace(first, year=year)
            end_day = Point("day", year, first.month, int(re.sub(r"\D", "", tail.group("d"))))
            yield (a.start(), tail.end(), _range_resolver(start_day, end_day, text[a.start() : tail.end()]))


def _range_resolver(first: Point, last: Point, span: str) -> Resolver:
    """A range reads as one DURATION from its first point's start to its last's end; a first
    point without a year takes the last's ("March through October 1917")."""

    def resolve(ctx: Context) -> Reading | None:
        a_point, b_point = first, last
        if a_point.year is None and b_point.year is not None and a_point.precision in ("day", "month", "season"):
            later = (a_point.month or 0) > (b_point.month or 0)
            a_point = replace(a_point, year=b_point.year - (1 if later else 0))
        a, b = point_reading(a_point, span, ctx), point_reading(b_point, span, ctx)
        if a is None or b is None or a.date is None or b.date is None:
            return None
        if b.date.end <= a.date.start or a.date.precision == "century" and b.date.precision != "century":
            return None
        precision = coarser(a.date.precision, b.date.precision)
        if (b.date.end - a.date.start).days > 366 * 120 and precision not in ("decade", "century"):
            return None
        when = DateInterval(a.date.start, b.date.end, precision, span, a.date.inferred or b.date.inferred)
        anchor = a.anchor if a.anchor != "absolute" else b.anchor
        return Reading(_length(when), "DURATION", when, a.old_style, anchor)

    return resolve


def _length(when: DateInterval) -> str:
    """The TIMEX3 duration of an interval in units of its precision ("1937-1938" is P2Y)."""
    start, end = when.start, when.end
    if when.precision == "day":
        return f"P{(end - start).days + 1}D"
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if when.precision in ("month", "season"):
        return f"P{months}M"
    years = end.year - start.year + 1
    if when.precision == "decade":
        return f"P{max(1, round(years / 10))}DE"
    if when.precision == "century":
        return f"P{max(1, round(years / 100))}CE"
    return f"P{years}Y"


def _day_lists(low: str, points: Points) -> Iterator[Found]:
    """The leading days of "10 (23) and 16 (29) October" and the leading season of "the spring and
    summer of 1917": each its own mention, with the month and year of the last; the last day of
    "April 24 and 25", with the month of the first."""
    for a, first in points:
        tail = _MONTH_DAY_LIST_TAIL.match(low, a.end()) if first.precision == "day" and a.group("mdy_m") else None
        if tail is not None and first.month is not None and first.day is not None:
            day = int(re.sub(r"\D", "", tail.group("d")))
            year = int(tail.group("y")) if tail.group("y") else first.year
            if day > first.day:
                point = Point("day", year, first.month, day)
                yield (tail.start("d"), tail.end(), point_resolver(point, tail.group(0)))
    for b, last in points:
        if last.precision == "season" and last.year is not None:
            season = _SEASON_LIST_HEAD.search(low, max(0, b.start() - 20), b.start())
            if season is not None:
                point = Point("season", last.year, season=SEASON_WORDS[season.group("s")])
                yield (season.start(), season.end("s"), point_resolver(point, season.group(0)))
        if last.precision != "day" or last.month is None or not b.group("dmy_d"):
            continue
        head = _DAY_LIST_HEAD.search(low, max(0, b.start() - 80), b.start())
        if head is None:
            continue
        for d in _DAYSPEC_RE.finditer(low, head.start(), head.end()):
            day, new = int(re.sub(r"\D", "", d.group("d"))), d.group("ns")
            if new:
                point = Point("day", last.year, last.month, int(re.sub(r"\D", "", new)), old_day=day,
                              old_month=last.old_month or last.month)
            else:
                point = Point("day", last.year, last.month, day)
            yield (d.start(), d.end(), point_resolver(point, d.group(0)))


def _times_of_day(low: str, points: Points, triggers: list[int]) -> Iterator[Found]:
    """"the evening of 1 December 1934" and clock times ("0430 hours", "10:30 p.m."), TIME: a
    clock time takes the day of the narrative."""
    for b, point in points:
        head = _DAY_PART_HEAD.search(low, max(0, b.start() - 30), b.start()) if point.precision == "day" else None
        if head is not None:
            yield (head.start(), b.end(), _day_part_resolver(point, _DAY_PARTS[head.group("part")]))
    for at in triggers:
        clock = _CLOCK.match(low, at) if low[at].isdigit() and (at == 0 or not low[at - 1].isdigit()) else None
        if clock is not None:
            yield (clock.start(), clock.end(), _clock_resolver(clock_value(clock)))


def clock_value(clock: re.Match[str]) -> str:
    """The TIMEX3 clock of a `CLOCK` match ("10:30 p.m." is "T22:30")."""
    g = clock.groupdict()
    hour, minute = int(g["h"] or g["h2"] or g["h3"]), int(g["m"] or g["m2"] or g["m3"] or 0)
    if (g["ap"] or g["ap3"] or "").startswith("p") and hour < 12:
        hour += 12
    return f"T{hour:02d}:{minute:02d}"


def _day_part_resolver(point: Point, code: str) -> Resolver:
    """"the evening of 1 December 1934": the day's value with its part of day, TIME."""

    def resolve(ctx: Context) -> Reading | None:
        day = point_reading(point, "", ctx)
        return day if day is None else replace(day, value=f"{day.value}T{code}", type="TIME")

    return resolve


def _clock_resolver(clock: str) -> Resolver:
    """A clock time on the narrative's day."""

    def resolve(ctx: Context) -> Reading | None:
        day = ctx.anchor("day")
        if day is None or day.precision != "day" or day.start != day.end:
            return Reading(f"XXXX-XX-XX{clock}", "TIME", None, anchor="narrative")
        return Reading(f"{day.start.isoformat()}{clock}", "TIME", replace(day, inferred=True), anchor="narrative")

    return resolve
