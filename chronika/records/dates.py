"""Date intervals with their precision, and the explicit calendar dates a text states.

`explicit_dates` knows absolute dates only ("5 JULY 1989", "Oct. 30, 2009", "February 2010", "1989",
"28.12.2021", "28/12/2021");
it is what a document's date is found or inferred from. The interval helpers below (seasons, decades,
centuries, Julian dates) serve the time-expression tagger in `chronika.extract.timex`."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
}
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?[0-9])"

# numeric dates: day first with dots ("28.12.2021", "30.07.37"), either order with slashes ("28/12/2021",
# "12/28/2021") where only one reading is a calendar date; never inside a longer run of numbers
_NUMERIC = re.compile(
    r"(?<![\d.,/])(?P<a>[0-3]?[0-9])(?P<sep>[./])(?P<b>[0-3]?[0-9])(?P=sep)(?P<y>1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?![\d]|[./,]\d)"
)
_PATTERNS = [
    ("day", re.compile(rf"\b(?P<year>1[0-9]{{3}}|20[0-9]{{2}})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])\b")),
    ("day", _NUMERIC),
    ("day", re.compile(rf"\b{_DAY}(?:\s*\((?P<new_style>[0-3]?[0-9])\))?\s+{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE)),
    ("month", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE)),
    ("year", re.compile(rf"(?<![\d,.-]){_YEAR}(?![\d-]|'?s\b)")),
]


@dataclass(frozen=True)
class DateInterval:
    """A stretch of time as precise as the source says, never more: "1940" is the whole year."""

    start: date
    end: date
    precision: str  # day, month, season, year, decade, century
    text: str
    inferred: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "text": self.text,
            "inferred": self.inferred,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DateInterval:
        return cls(
            date.fromisoformat(data["start"]),
            date.fromisoformat(data["end"]),
            data["precision"],
            data["text"],
            bool(data.get("inferred", False)),
        )


def interval(year: int, month: int | None = None, day: int | None = None, *, text: str) -> DateInterval:
    """The interval a year, a month of a year or a day stands for."""
    if month is None:
        return DateInterval(date(year, 1, 1), date(year, 12, 31), "year", text)
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return DateInterval(date(year, month, 1), date(year, month, last), "month", text)
    return DateInterval(date(year, month, day), date(year, month, day), "day", text)


def parse_date(text: str) -> DateInterval | None:
    """The date a whole string states ("2021-03-05", "5 July 1989", "Oct. 30, 2009", "1989")."""
    text = text.strip()
    for found in explicit_dates(text):
        if found[0] == 0:
            return found[2]
    return None


def explicit_dates(text: str) -> Iterator[tuple[int, int, DateInterval]]:
    """Every absolute calendar date in `text` as (start, end, interval), most precise first where
    they overlap, in text order otherwise."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, DateInterval]] = []
    for _, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _interval(m)
            if value is not None:
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(), value))
    yield from sorted(found, key=lambda f: f[0])


def numeric_date(first_text: str, separator: str, second_text: str, written: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a numeric date ("28", ".", "12", "2021") where only one reading is a past calendar date:
    dots put the day first (European and Russian usage); with slashes the day is first or second
    (British or American usage), so "05/06/2021" is no date; a two-digit year only when the
    twenty-first century's reading lies in the future ("30.07.37" is 1937; "28.12.21" could be 1921)."""
    first, second = int(first_text), int(second_text)
    if len(written) == 2:
        if separator != "." or 2000 + int(written) <= date.today().year:
            return None
        year = 1900 + int(written)
    else:
        year = int(written)
    readings = {(first, second)} if separator == "." else {(first, second), (second, first)}
    valid = [(day, month) for day, month in readings
             if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]]
    if len(valid) != 1 or year > date.today().year:
        return None
    day, month = valid[0]
    return year, month, day


def _interval(m: re.Match[str]) -> DateInterval | None:
    if m.re is _NUMERIC:
        found = numeric_date(m.group("a"), m.group("sep"), m.group("b"), m.group("y"))
        return None if found is None else interval(found[0], found[1], found[2], text=m.group(0))
    parts = m.groupdict()
    year = int(parts["year"])
    month_text = parts.get("month")
    month = None
    if month_text is not None:
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    day = int(parts["day"]) if parts.get("day") else None
    if parts.get("new_style"):  # "9 (21) December 1879": Old Style day, then New Style in brackets
        day = int(parts["new_style"])
    if year > date.today().year or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return interval(year, month, day, text=m.group(0))


def latest_date(text: str) -> DateInterval | None:
    """The explicit date in `text` that ends latest; a document is at least that recent. Of two
    that end together ("2010" and "31 December 2010") the more precise wins."""
    best: DateInterval | None = None
    for _, _, value in explicit_dates(text):
        if best is None or (value.end, -_rank(value)) > (best.end, -_rank(best)):
            best = value
    return best


def _rank(value: DateInterval) -> int:
    return PRECISIONS.index(value.precision) if value.precision in PRECISIONS else len(PRECISIONS)


PRECISIONS = ("day", "month", "season", "year", "decade", "century")  # finest first
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}  # first and last month


def season_interval(year: int, season: str, *, text: str) -> DateInterval:
    """A season of a year, by meteorological months (spring March-May ...); "the winter of 1932"
    is the winter that begins in December 1932 and ends in February 1933, as TIMEX3 "1932-WI"."""
    first, last = SEASONS[season]
    end_year = year + 1 if last < first else year
    return DateInterval(
        date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1]), "season", text
    )


def decade_interval(first_year: int, *, text: str) -> DateInterval:
    """The decade that begins with `first_year` ("the 1930s": 1930-1939)."""
    return DateInterval(date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade", text)


def century_interval(ordinal: int, *, text: str) -> DateInterval:
    """The `ordinal`th century as TIMEX3 counts it: "the 19th century" is "18", 1800-1899 (not the
    strict 1801-1900), as readers mean it."""
    first = (ordinal - 1) * 100
    return DateInterval(date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century", text)


def julian_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian (New Style) date of a Julian (Old Style) one: 25 October 1917 O.S. is
    7 November 1917. Russia used the Julian calendar until 31 January 1918 (O.S.)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    julian_day_number = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return date.fromordinal(julian_day_number - 1721425)
