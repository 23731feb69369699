"""Date intervals with their precision, and the explicit calendar dates a text states.

This module knows absolute dates only ("5 JULY 1989", "Oct. 30, 2009", "February 2010", "1989");
it is what a document's date is found or inferred from."""

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

_PATTERNS = [
    ("day", re.compile(rf"\b(?P<year>1[0-9]{{3}}|20[0-9]{{2}})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])\b")),
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


def _interval(m: re.Match[str]) -> DateInterval | None:
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
    return {"day": 0, "month": 1, "year": 2}.get(value.precision, 3)
