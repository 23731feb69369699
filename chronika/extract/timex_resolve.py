"""From a written calendar point to its TIMEX3 value and interval, and the calendar arithmetic
relative expressions need: what a context offers (the document's date, the narrative's last date),
parts of periods ("the early 1930s"), shifts ("three days later") and values at a granularity."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable

from chronika.records.dates import (
    PRECISIONS, SEASONS, DateInterval, century_interval, decade_interval, interval, julian_to_gregorian,
    season_interval,
)
from chronika.extract.timex_grammar import Point

_JULIAN_UNTIL = (1918, 1, 31)  # Russia's last Julian day (Old Style)
# the slices [first, last) of a period's parts: months of a year, years of a decade or century ...
_PARTS = {
    12: {"START": (0, 4), "MID": (4, 8), "END": (8, 12), "H1": (0, 6), "H2": (6, 12)},
    10: {"START": (0, 4), "MID": (4, 7), "END": (7, 10), "H1": (0, 5), "H2": (5, 10)},
    100: {"START": (0, 34), "MID": (34, 67), "END": (67, 100), "H1": (0, 50), "H2": (50, 100)},
    3: {"START": (0, 1), "MID": (1, 2), "END": (2, 3), "H1": (0, 2), "H2": (1, 3)},
}


@dataclass(frozen=True)
class Context:
    """What a relative or incomplete expression may be resolved against, at its place in the text."""

    document_date: date | None
    narrative: DateInterval | None  # the last date the text stated (or implied) before this point
    narrative_year: int | None  # the year of the last date that lay within one year
    in_parentheses: bool  # inside "( ... )": a source citation, dated against the document
    recent: tuple[DateInterval, ...] = ()  # the narrative's dates of the last few paragraphs, oldest first
    narrative_near: bool = False  # the last date is in the same paragraph
    reporting: bool = False  # the text reports its own present (news): deixis counts from the document's date
    future: bool = False  # the clause speaks of what will be ("will meet on Monday")
    past: bool = False  # a verb in the past comes just before ("said today")
    timeml: bool = False  # follow TimeML where its conventions differ from the chronicle's
    narrative_sentence: bool = False  # the last date is in the same sentence
    past_sentence: bool = False  # the sentence tells of the past ("bought it in February") and looks nowhere ahead

    def anchor(self, precision: str) -> DateInterval | None:
        """What a relative expression of granularity `precision` counts from: the last date when it
        is that precise, or a year in the same paragraph ("In 1937 ... three days later");
        otherwise the last date of the last few paragraphs that is precise enough, else the
        narrative's year. A year or decade said in passing ("had been completed in 2004", "a
        collaborator of Trotsky at the beginning of the 1920's") does not end a narrative of days."""
        last = self.narrative
        if last is None or _rank(last.precision) <= _rank(precision):
            return last
        if self.narrative_near and _rank(last.precision) <= _rank("year"):
            return last
        for when in reversed(self.recent):
            if _rank(when.precision) <= _rank(precision):
                return when
        if self.narrative_year is not None and _rank(precision) <= _rank("year"):
            return replace(interval(self.narrative_year, text=""), inferred=True)
        return last

    def reported_quarter(self) -> DateInterval | None:
        """The quarter a report of results is speaking of ("a year earlier" then means that quarter
        a year back): when the last date the text stated in the last few paragraphs is a quarter
        of a year ("the third quarter"), the latest of their quarters that the document's date
        had closed (the earlier ones are what it is compared with, the later ones forecasts)."""
        last = self.narrative
        if last is None or not is_quarter(last) or not self.recent:
            return None
        doc = self.document_date
        closed = [when for when in self.recent if is_quarter(when) and (doc is None or when.end < doc)]
        return max(closed, key=lambda when: when.start, default=last)

    def year(self) -> int | None:
        """The year a day or month written without one belongs to: that of a one-year date in the
        same paragraph ("since late 2009, when on Oct. 30"), else that of the last day, month or
        season of the last few paragraphs, else the narrative's year."""
        last = self.narrative
        if last is not None and self.narrative_near and _rank(last.precision) <= _rank("year"):
            return season_year(last.start) if last.precision == "season" else last.start.year
        for when in reversed(self.recent):
            if _rank(when.precision) <= _rank("season"):
                return season_year(when.start) if when.precision == "season" else when.start.year
        return self.narrative_year


@dataclass(frozen=True)
class Reading:
    """What a time expression means: TIMEX3 value and type, interval, and how it was anchored."""

    value: str
    type: str
    date: DateInterval | None
    old_style: DateInterval | None = None
    anchor: str = "absolute"
    mod: str | None = None


Resolver = Callable[[Context], "Reading | None"]


def point_reading(p: Point, text: str, ctx: Context) -> Reading | None:
    """The reading of a written point; one without a year takes it from the context."""
    if p.year is not None:
        return _reading(p, p.year, text, inferred=False, anchor="absolute")
    year, anchor = context_year(p, ctx)
    if year is None:
        month = f"{p.month:02d}" if p.month else "XX"
        day = f"-{p.day:02d}" if p.day else ""
        return Reading(f"XXXX-{month}{day}", "DATE", None, anchor="document")
    return _reading(p, year, text, inferred=True, anchor=anchor)


def context_year(p: Point, ctx: Context) -> tuple[int | None, str]:
    """The year of a day or month written without one: the narrative's year, except inside a
    citation's parentheses, where (as without a narrative) the document's date decides: the nearest
    occurrence, the next one in a clause about the future, the last one begun in a sentence about
    the past."""
    year = ctx.year()
    doc_year = ctx.document_date.year if ctx.document_date else None
    # a narrative far from the time of writing (a history of 1937 written in 2010) lends its year;
    # in a report, the years it recalls in passing do not move "on March 12" from the present
    stated = ctx.narrative is not None and not ctx.narrative.inferred and not (ctx.reporting and ctx.future)
    # a year stated in the sentence, or in the paragraph when it is the report's own year or the last
    near = ctx.narrative_sentence or ctx.narrative_near and doc_year is not None and 0 <= doc_year - (year or 0) <= 1
    lends = doc_year is None or stated and near or not ctx.reporting and abs(doc_year - (year or 0)) > 2
    if year is not None and not (ctx.in_parentheses and ctx.document_date) and lends:
        return year, "narrative"
    if ctx.document_date is None:
        return None, "document"
    doc = ctx.document_date
    month, day = p.month or 1, p.day or 1

    def distance(year: int) -> int:
        last = calendar.monthrange(year, month)[1]
        gap = (date(year, month, min(day, last) if p.day else last) - doc).days
        if ctx.future and not ctx.in_parentheses:
            return gap if gap >= 0 else 10_000 - gap
        if ctx.past_sentence:  # the period has begun by the document's date (or begins the day after: a paper's date)
            begun = (date(year, month, min(day, calendar.monthrange(year, month)[1]) if p.day else 1) - doc).days <= 1
            return abs(gap) if begun else 10_000 + gap
        return -gap if gap <= 0 else 2 * gap  # a report tells what has happened rather than what will

    nearest = min((doc.year, doc.year - 1, doc.year + 1), key=distance)
    agrees = nearest == year and not (ctx.in_parentheses and ctx.document_date)  # the narrative says so too
    return nearest, "narrative" if agrees else "document"


def _reading(p: Point, year: int, text: str, *, inferred: bool, anchor: str) -> Reading | None:
    old_style = None
    if p.precision == "day" and p.month and p.day:
        if p.julian and (year, p.month, p.day) <= _JULIAN_UNTIL:
            new = julian_to_gregorian(year, p.month, p.day)
            old = _safe_date(year, p.month, p.day)
            old_style = None if old is None else DateInterval(old, old, "day", text, inferred)
            span = DateInterval(new, new, "day", text, inferred)
        else:
            span = replace(interval(year, p.month, p.day, text=text), inferred=inferred)
            if p.old_day and p.old_month:
                old = _safe_date(year, p.old_month, p.old_day)
                old_style = None if old is None else DateInterval(old, old, "day", text, inferred)
        return Reading(value_of(span.start, "day"), "DATE", span, old_style, anchor)
    if p.precision == "month" and p.month:
        span = interval(year, p.month, text=text)
        value = f"{year:04d}-{p.month:02d}"
    elif p.precision == "season" and p.season:
        span = season_interval(year, p.season, text=text)
        value = f"{year:04d}-{p.season}"
    elif p.precision == "year":
        span = interval(year, text=text)
        value = f"{year:04d}"
    elif p.precision == "decade":
        span = decade_interval(year, text=text)
        value = f"{year // 10:03d}"
    elif p.precision == "century":
        span = century_interval(year, text=text)
        value = f"{year - 1:02d}"
    else:
        return None
    mod = None
    if p.first_months:
        span = DateInterval(span.start, _month_end(date(year, p.first_months, 1)), "month", text)
        mod = "START"
    elif p.part:
        span = narrow(span, p.part)
        if p.part in ("H1", "H2") and p.precision == "year":
            value += "-" + p.part
        else:
            mod = {"H1": "START", "H2": "END"}.get(p.part, p.part)
    return Reading(value, "DATE", replace(span, inferred=inferred), None, anchor, mod)


def narrow(span: DateInterval, part: str) -> DateInterval:
    """The part of a period a modifier names: "the early 1930s" is 1930-1933, "late 2009"
    September-December 2009; the precision stays the period's (the text says no more)."""
    if span.precision == "month":
        days = (span.end - span.start).days + 1
        first, last = {"START": (0, 10), "MID": (10, 20), "END": (20, days), "H1": (0, 15)}.get(part, (15, days))
        return replace(span, start=span.start + timedelta(first), end=span.start + timedelta(last - 1))
    if span.precision in ("year", "season"):
        months = 12 if span.precision == "year" else 3
        first, last = _PARTS[months][part]
        start = add_months(span.start, first)
        return replace(span, start=start, end=_month_end(add_months(span.start, last - 1)))
    if span.precision in ("decade", "century"):
        years = 10 if span.precision == "decade" else 100
        first, last = _PARTS[years][part]
        base = span.start.year - (1 if span.start.year == 1 and span.precision == "century" else 0)
        start = date(max(base + first, 1), 1, 1)
        return replace(span, start=start, end=date(base + last - 1, 12, 31))
    return span


def value_of(day: date, unit: str) -> str:
    """The TIMEX3 value of the period of granularity `unit` that contains `day`."""
    if unit in ("day", "hour", "minute", "second"):
        return day.isoformat()
    if unit == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        return day.isoformat()[:7]
    if unit == "season":
        return f"{season_year(day):04d}-{season_of(day)}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    return f"{day.year // 100:02d}"


def period_of(day: date, unit: str, text: str, *, inferred: bool = True) -> DateInterval:
    """The whole period of granularity `unit` that contains `day`, as an interval."""
    if unit in ("day", "hour", "minute", "second"):
        return DateInterval(day, day, "day", text, inferred)
    if unit == "week":
        monday = day - timedelta(day.weekday())
        return DateInterval(monday, monday + timedelta(6), "day", text, inferred)
    if unit == "month":
        found = interval(day.year, day.month, text=text)
    elif unit == "season":
        found = season_interval(season_year(day), season_of(day), text=text)
    elif unit == "year":
        found = interval(day.year, text=text)
    elif unit == "decade":
        found = decade_interval(day.year // 10 * 10, text=text)
    else:
        found = century_interval(day.year // 100 + 1, text=text)
    return replace(found, inferred=inferred)


def common_value(start: date, end: date) -> str:
    """The finest TIMEX3 value that covers both days ("1918-01" for 2 and 9 January 1918)."""
    for unit in ("day", "month", "year", "decade"):
        if value_of(start, unit) == value_of(end, unit):
            return value_of(start, unit)
    return value_of(start, "century")


def season_of(day: date) -> str:
    return next(name for name, (first, last) in SEASONS.items() if first <= day.month <= last or (
        last < first and (day.month >= first or day.month <= last)))


def season_year(day: date) -> int:
    """The year a season is named by: January and February belong to the previous year's winter."""
    return day.year - 1 if day.month <= 2 else day.year


def shift(day: date, count: float, unit: str) -> date:
    """`day` moved by `count` units (negative: back); months and years keep the day where they can."""
    if unit in ("hour", "minute", "second"):
        return day + timedelta(hours=count) if unit == "hour" else day
    if unit in ("day", "week"):
        return day + timedelta(days=round(count * (7 if unit == "week" else 1)))
    months = {"month": 1, "season": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, round(count * months))


def is_quarter(span: DateInterval) -> bool:
    """Whether an interval is a quarter of a year (January-March ...), not a season (March-May ...)."""
    return span.precision == "season" and span.start.month in (1, 4, 7, 10) and add_months(span.start, 2).month == span.end.month


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions."""
    return max(a, b, key=lambda p: PRECISIONS.index(p) if p in PRECISIONS else 0)


def _rank(precision: str) -> int:
    return PRECISIONS.index(precision) if precision in PRECISIONS else 0


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    """A date as written; a Julian 29 February in a Gregorian common year has no `date`."""
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)
