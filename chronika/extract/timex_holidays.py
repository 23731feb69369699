"""Holidays and days of remembrance as dates: "Thanksgiving Day", "last Thanksgiving", "Election
Day", "Christmas 1937", "New Year's Eve", "Victory Day", "День Победы", "Первомай", "День памяти
жертв политических репрессий" (30 October).

A holiday is a day of the calendar, fixed ("Christmas": 25 December) or counted in its month
("Thanksgiving": the fourth Thursday of November). Its year is the one it states ("Christmas
1937"), the one "last", "next" or "this" points to from the document's date, or else the one a
day written without a year would take (`context_year`: the narrative's, or the nearest one to the
document's date). A name that could be an adjective ("Christmas shopping") is a date only when a
preposition or "last"/"next"/"this" comes before it, or "Day"/"Eve" is part of it; one that is part
of a longer name ("Christmas Island") is none. The Orthodox Christmas is left out: "Рождества"
names churches and icons ("церковь Рождества Богородицы") more often than a day."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable, Iterable, Iterator

from chronika.records.dates import DateInterval
from chronika.extract.timex_grammar import YEAR, Point, matches_near
from chronika.extract.timex_resolve import Context, Reading, Resolver, context_year

Found = tuple[int, int, Resolver]
Rule = Callable[[int], date]


def _nth(month: int, weekday: int, n: int) -> Rule:
    """The `n`th `weekday` (0 Monday) of `month`; the last one for n = -1."""

    def day(year: int) -> date:
        if n < 0:
            last = date(year + month // 12, month % 12 + 1, 1) - timedelta(1)
            return last - timedelta((last.weekday() - weekday) % 7)
        first = date(year, month, 1)
        return first + timedelta((weekday - first.weekday()) % 7 + 7 * (n - 1))

    return day


def _fixed(month: int, day: int) -> Rule:
    return lambda year: date(year, month, day)


def _election_day(year: int) -> date:
    """The Tuesday after the first Monday of November (United States)."""
    return _nth(11, 0, 1)(year) + timedelta(1)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


# each holiday's names (lower case, as a regex) and its day; names that are never adjectives end in
# "day" or "eve" or are Russian ("День Победы")
_HOLIDAYS: tuple[tuple[str, Rule], ...] = (
    (r"thanksgiving(?:\s+day)?", _nth(11, 3, 4)),
    (r"election\s+day", _election_day),
    (r"christmas\s+eve", _fixed(12, 24)),
    (r"christmas(?:\s+day)?", _fixed(12, 25)),
    (r"new\s+year'?s\s+eve", _fixed(12, 31)),
    (r"new\s+year'?s(?:\s+day)?", _fixed(1, 1)),
    (r"independence\s+day", _fixed(7, 4)),
    (r"labou?r\s+day", _nth(9, 0, 1)),
    (r"memorial\s+day", _nth(5, 0, -1)),
    (r"halloween", _fixed(10, 31)),
    (r"valentine'?s\s+day", _fixed(2, 14)),
    (r"veterans'?\s+day|armistice\s+day", _fixed(11, 11)),
    (r"easter\s+(?:sunday|day)", _easter),
    (r"victory\s+day|д(?:ень|ня|нём|нем|ню)\s+победы", _fixed(5, 9)),
    (r"перво?ма[йяюе]", _fixed(5, 1)),
    (r"д(?:ень|ня|нём|нем|ню)\s+памяти\s+жертв\s+политических\s+репрессий", _fixed(10, 30)),
)
_NAMES = "|".join(f"(?P<h{i}>{name})" for i, (name, _) in enumerate(_HOLIDAYS))
_HOLIDAY = re.compile(
    rf"\b(?:(?P<rel>last|next|this|past|coming)\s+)?(?:{_NAMES})\b(?:,?\s+(?:of\s+)?(?P<year>{YEAR})(?:\s+года?)?)?"
)
_DATE_BEFORE = re.compile(r"\b(?:on|since|until|till|before|after|by|at|over|during|through|from|to|in|в|на|к|до|после|с)\s+$")
_ADJECTIVE_AFTER = re.compile(r"\s+[a-z]")  # "Christmas shopping", "Halloween costumes"
_NAME_AFTER = re.compile(r"\s+[A-Z]")  # "Christmas Island", "the Easter Rising" (a name, not a day)
# the words every holiday contains: where `candidates` looks
TRIGGER_WORDS = {
    "thanksgiving", "election", "christmas", "new", "independence", "labor", "labour", "memorial", "halloween",
    "valentine", "veterans", "armistice", "easter", "victory", "победы", "памяти", "первомай", "первомая", "первомаю",
    "первомае",
}


def candidates(text: str, low: str, triggers: Iterable[int]) -> Iterator[Found]:
    """Every holiday written as a date in `text` (`low` is `lowered(text)`)."""
    for _, m in matches_near([(_HOLIDAY, 20)], low, triggers):
        index = next(int(name[1:]) for name, value in m.groupdict().items() if name.startswith("h") and value)
        name = m.group(f"h{index}")
        if not text[m.start(f"h{index}")].isupper():
            continue  # "a new year's resolution", "день победы" in running text
        proper = re.search(r"(?:day|eve|[а-яё])$", name) is not None
        framed = m.group("rel") or m.group("year") or _DATE_BEFORE.search(low, max(0, m.start() - 12), m.start())
        if not proper and (_NAME_AFTER.match(text, m.end()) or not framed and _ADJECTIVE_AFTER.match(text, m.end())):
            continue
        yield m.start(), m.end(), _holiday(_HOLIDAYS[index][1], m)


def _holiday(rule: Rule, m: re.Match[str]) -> Resolver:
    rel = (m.group("rel") or "").lower()
    stated = int(m.group("year")) if m.group("year") else None

    def resolve(ctx: Context) -> Reading | None:
        doc = ctx.document_date
        if stated is not None:
            year: int | None = stated
        elif rel and doc is not None:
            year = doc.year
            if rel in ("last", "past") and rule(year) >= doc:
                year -= 1
            elif rel in ("next", "coming") and rule(year) <= doc:
                year += 1
        else:
            near = rule(doc.year if doc is not None else 2000)
            year, _ = context_year(Point("day", None, near.month, near.day), ctx)
        if year is None:
            return None
        day = rule(year)
        anchor = "absolute" if stated is not None else "document"
        return Reading(day.isoformat(), "DATE", DateInterval(day, day, "day", m.group(0), stated is None), anchor=anchor)

    return resolve
