"""The grammar of a calendar point: one regex for every way the sources write a day, a month, a
season, a year, a decade or a century (English and Russian), with an optional part ("the early",
"the end of", "the first half of"), and the parse of a match into a `Point`.

For speed the patterns are lower case and run over `lowered(text)` (same length, same offsets),
and only where a point can be: `matches_near` tries them at the few word starts before each
trigger (a number, a month's or a season's name ...) instead of at every character."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from chronika.records.dates import MONTHS, numeric_date
from chronika.extract.numbers import NUMBER, alternation, number_value

RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_RU_MONTH = r"(?:январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
MONTH = rf"(?:\b(?:{alternation(_ABBREVIATIONS)})\b\.?|\b(?:{alternation(set(MONTHS) - _ABBREVIATIONS)})\b|\b{_RU_MONTH}\b)"
YEAR = r"(?<!\d)(?:1[0-9]{3}|20[0-9]{2})(?!\d)"
DAY = r"(?<!\d)(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_RU_YEAR = r"(?:\s*(?:годах|годов|года|году|год\b|гг?\.))"
_OLD_STYLE = r"(?:\s*\(?\s*(?:o\.\s?s\.|old\s+style|по\s+старому\s+стилю|ст\.\s?ст\.)\s*\)?)"
_NEW_STYLE = r"(?:\s*\(?\s*(?:n\.\s?s\.|new\s+style|по\s+новому\s+стилю|н\.\s?ст\.)\s*\)?)"
SEASON_WORDS = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
    "весной": "SP", "летом": "SU", "осенью": "FA", "зимой": "WI",
}
_DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960, "seventies": 1970,
    "eighties": 1980, "nineties": 1990,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}
_PART_WORDS = {
    "beginning": "START", "start": "START", "outset": "START", "early": "START", "first part": "START",
    "early part": "START", "first days": "START", "first weeks": "START", "first months": "START",
    "middle": "MID", "mid": "MID", "end": "END", "close": "END", "late": "END", "latter part": "END",
    "last part": "END", "last days": "END", "last weeks": "END", "last months": "END", "first half": "H1",
    "second half": "H2", "latter half": "H2", "last half": "H2",
}
_RU_PART_STEMS = {"начал": "START", "середин": "MID", "конц": "END", "конец": "END", "перв": "H1", "втор": "H2"}
_PART = (
    r"(?P<part>(?:the\s+)?(?:very\s+)?(?P<part_of>beginning|start|outset|middle|end|close|first\s+half|"
    r"second\s+half|latter\s+half|last\s+half|first\s+part|early\s+part|latter\s+part|last\s+part|first\s+days|"
    r"first\s+weeks|first\s+months|last\s+days|last\s+weeks|last\s+months|"
    rf"first\s+(?P<part_n>{NUMBER})\s+(?P<part_unit>days|weeks|months))\s+of\s+"
    r"|(?:the\s+)?(?:very\s+)?(?P<part_adj>early|late|mid|middle)(?:\s*-\s*|\s+in\s+|\s+)"
    r"|(?P<part_ru>начал[еоа]|середин[еаы]|конц[еа]|конец|(?:перв|втор)(?:ой|ая|ую)\s+половин[еаыу])\s+)?"
)
_DECADE = (
    r"(?:the\s+)?(?:(?P<de_y>1[0-9]{2}0|20[0-9]0)(?:'s|’s|s\b|-(?:е|х|ые|ых)\b)|'(?P<de_yy>[0-9]0)'?s\b"
    rf"|(?P<de_w>{alternation(_DECADE_WORDS)})\b|(?<!\d)(?P<de_ru>[1-9]0)-(?:е|х|ые|ых)\b)"
    r"(?:\s+(?:годы|годов|годах|гг\.))?"
)
_CENTURY = (
    r"(?:the\s+)?(?:(?P<ce_n>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)|(?P<ce_w>"
    + alternation(ORDINAL_WORDS)
    + r"))[\s-]+centur(?:y|ies)\b|(?P<ce_r>\b[xvi]{1,5})\s+(?:век[аеу]?|в\.)"
)
POINT_PATTERN = rf"""
{_PART}(?:
    (?P<iso_y>{YEAR})-(?P<iso_m>[01][0-9])-(?P<iso_d>[0-3][0-9])(?![\d-])
  | (?<![\d.,/])(?P<num_a>[0-3]?[0-9])(?P<num_sep>[./])(?P<num_b>[0-3]?[0-9])(?P=num_sep)
      (?P<num_y>1[0-9]{{3}}|20[0-9]{{2}}|[0-9]{{2}})(?![\d]|[./,]\d){_RU_YEAR}?
  | (?P<dmy_d>{DAY})(?:\s*\((?P<dmy_ns>{DAY})\))?\s+(?:of\s+)?(?P<dmy_m>{MONTH})
      (?:\s*\((?P<dmy_ns2>{DAY})\s+(?P<dmy_nsm>{MONTH})\))?(?:,?\s+(?P<dmy_y>{YEAR}){_RU_YEAR}?)?
      (?P<dmy_os>{_OLD_STYLE})?{_NEW_STYLE}?
  | (?P<mdy_m>{MONTH})\s+(?P<mdy_d>{DAY})(?:,?\s+(?P<mdy_y>{YEAR}))?(?P<mdy_os>{_OLD_STYLE})?{_NEW_STYLE}?
  | (?P<my_m>{MONTH}),?\s+(?:of\s+)?(?:(?P<my_y>{YEAR})|(?P<my_yy>'?[3-9][0-9])\b){_RU_YEAR}?
  | (?:the\s+)?(?P<se_s>spring|summer|autumn|fall|winter|весной|летом|осенью|зимой)\s+(?:of\s+)?
      (?P<se_y>{YEAR})(?:\s?[-–/]\s?(?P<se_y2>{YEAR}|[0-9]{{2}}(?!\d)))?{_RU_YEAR}?
  | {_DECADE}
  | {_CENTURY}
  | (?P<bm_m>{MONTH})
  | (?P<y_y>{YEAR}){_RU_YEAR}?
)"""
POINT = re.compile(POINT_PATTERN, re.VERBOSE)
# what comes before a number that is not a year: a page, a volume, an order ... ("Vol 45", "order No. 1937")
YEAR_MARKERS = re.compile(
    r"(?:\b(?:p|pp|pages?|vols?|volume|nos?|numbers?|nr|issue|item|art|article|fig|figure|notes?|fn|tables?|"
    r"chapter|ch|sec|section|paragraph|para|file|fond|delo|opis|op|d|f|l|ll|orders?|decree|case|protocol|"
    r"tel|phone|code|series|box|folder|list|тома?)\.?|\b(?:т|с|стр|ф|оп|д|л)\.|№|#)\s*[:#]?\s*$"
)
# the words a point is built around (besides numbers): where `matches_near` looks for one
POINT_WORDS = {
    *MONTHS, *SEASON_WORDS, *_DECADE_WORDS, "century", "centuries", "век", "века", "веке", "веку", "май", "мая", "мае",
    *(stem + end for stem in ("январ", "феврал", "апрел", "июн", "июл", "сентябр", "октябр", "ноябр", "декабр")
      for end in "ьяе"),
    *(stem + end for stem in ("март", "август") for end in ("", "а", "е")),
}
_ROMAN = {"i": 1, "v": 5, "x": 10}
_TOKEN_START = re.compile(r"(?<![\w'’])[\w'’]|[“\"]")
_LOWER = {**{c: c + 32 for c in range(0x41, 0x5B)}, **{c: c + 32 for c in range(0x410, 0x430)}, 0x401: 0x451}


def lowered(text: str) -> str:
    """`text` in lower case, character for character (offsets stay valid)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_LOWER)


def matches_near(
    patterns: Sequence[tuple[re.Pattern[str], int]], low: str, triggers: Iterable[int]
) -> Iterator[tuple[int, re.Match[str]]]:
    """(index of the pattern, match) for matches in `low` of each (pattern, reach) that start at
    a word start at most `reach` characters before a trigger position and run past it: every
    match there is, tried only where one can be instead of at every character."""
    reach = max(r for _, r in patterns)
    tried = 0
    for at in triggers:
        for start in _TOKEN_START.finditer(low, max(tried, at - reach), at + 1):
            position = start.start()
            tried = position + 1
            for index, (pattern, its_reach) in enumerate(patterns):
                if at - position <= its_reach and (m := pattern.match(low, position)) is not None and m.end() > at:
                    yield index, m


@dataclass(frozen=True)
class Point:
    """A calendar point as written: only what the text states (year None when it gives none)."""

    precision: str  # day, month, season, year, decade, century
    year: int | None = None  # for a decade its first year; for a century its number (19 for the 19th)
    month: int | None = None
    day: int | None = None
    season: str | None = None  # SP, SU, FA, WI
    part: str | None = None  # START, MID, END, H1, H2 (TIMEX3 mod, or half of a year)
    first_months: int | None = None  # "the first seven months of 2025"
    old_day: int | None = None  # "9 (21) December": the Old Style day and month the text also gives
    old_month: int | None = None
    julian: bool = False  # the text says Old Style: the day, month and year are Julian
    year_end: int | None = None  # "the winter of 1927-1928"


def month_number(name: str) -> int:
    """The month an English or Russian month name stands for ("Sept." is 9, "февраля" 2)."""
    key = name.lower().rstrip(".")
    if key in MONTHS:
        return MONTHS[key]
    for stem, number in RU_MONTHS.items():
        if key.startswith(stem):
            return number
    raise ValueError(f"not a month name: {name!r}")


def parse_point(m: re.Match[str]) -> Point | None:
    """The `Point` a `POINT` match states; None when the numbers are impossible (31 April)."""
    g = m.groupdict()
    part, first_months = _part(g)
    point = _bare_point(g)
    if point is None:
        return None
    if part is not None and point.precision == "day":
        part = None  # "the end of 24 October" says no more than the day
    return Point(**{**point.__dict__, "part": part, "first_months": first_months})


def _bare_point(g: dict[str, str | None]) -> Point | None:
    if g["iso_y"]:
        return _day(int(g["iso_y"]), int(g["iso_m"] or 0), int(g["iso_d"] or 0))
    if g["num_a"]:  # "28.12.2021", "28/12/2021": only where one reading is a date
        found = numeric_date(g["num_a"], g["num_sep"] or "", g["num_b"] or "", g["num_y"] or "")
        return None if found is None else _day(*found)
    if g["dmy_d"]:
        year = int(g["dmy_y"]) if g["dmy_y"] else None
        month = month_number(g["dmy_m"] or "")
        day = _int(g["dmy_d"])
        if g["dmy_ns"]:  # "9 (21) December 1879": Old Style, then New Style in brackets
            return _double(year, month, day, month, _int(g["dmy_ns"]))
        if g["dmy_ns2"]:  # "19 February (3 March) 1917"
            return _double(year, month, day, month_number(g["dmy_nsm"] or ""), _int(g["dmy_ns2"]))
        return _day(year, month, day, julian=bool(g["dmy_os"]))
    if g["mdy_m"]:
        year = int(g["mdy_y"]) if g["mdy_y"] else None
        return _day(year, month_number(g["mdy_m"]), _int(g["mdy_d"] or ""), julian=bool(g["mdy_os"]))
    if g["my_m"]:
        if not g["my_y"] and g["my_m"].rstrip(".") not in _ABBREVIATIONS and "'" not in (g["my_yy"] or ""):
            return None  # "Jan 89" is January 1989; "March 45" is not
        year = int(g["my_y"]) if g["my_y"] else 1900 + int((g["my_yy"] or "0").lstrip("'"))
        return Point("month", year, month_number(g["my_m"]))
    if g["se_s"]:
        year = int(g["se_y"] or 0)
        end = g["se_y2"]
        year_end = None if end is None else int(end) if len(end) == 4 else year // 100 * 100 + int(end)
        if year_end is not None and year_end != year + 1:
            return None
        return Point("season", year, season=SEASON_WORDS[g["se_s"].lower()], year_end=year_end)
    if g["de_y"] or g["de_yy"] or g["de_w"] or g["de_ru"]:
        if g["de_y"]:
            first = int(g["de_y"])
        elif g["de_w"]:
            first = _DECADE_WORDS[g["de_w"].lower()]
        else:
            first = 1900 + int(g["de_yy"] or g["de_ru"] or 0)
        return Point("decade", first)
    if g["ce_n"] or g["ce_w"] or g["ce_r"]:
        if g["ce_n"]:
            number = int(g["ce_n"])
        elif g["ce_w"]:
            number = ORDINAL_WORDS[g["ce_w"].lower().replace(" ", "-")]
        else:
            number = _roman(g["ce_r"] or "")
        return Point("century", number) if 1 <= number <= 21 else None
    if g["bm_m"]:
        name = g["bm_m"]
        return Point("month", None, month_number(name))
    if g["y_y"]:
        return Point("year", int(g["y_y"]))
    return None


def _part(g: dict[str, str | None]) -> tuple[str | None, int | None]:
    if g["part_n"]:
        count = number_value(g["part_n"])
        months = int(count) if count is not None and (g["part_unit"] or "").lower() == "months" else None
        return "START", months if months is not None and 1 <= months <= 12 else None
    if g["part_ru"]:
        return next(part for stem, part in _RU_PART_STEMS.items() if g["part_ru"].startswith(stem)), None
    words = g["part_of"] or g["part_adj"]
    return (_PART_WORDS.get(re.sub(r"\s+", " ", words)) if words else None), None


def _day(year: int | None, month: int, day: int, *, julian: bool = False) -> Point | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if day > _month_length(year if year is not None else 2000, month, julian=julian):
        return None
    return Point("day", year, month, day, julian=julian and year is not None)


def _double(year: int | None, month: int, day: int, new_month: int, new_day: int) -> Point | None:
    """A double date: the Old Style day as written and the New Style day in brackets."""
    if _day(year, new_month, new_day) is None or _day(year, month, day, julian=True) is None:
        return None
    return Point("day", year, new_month, new_day, old_day=day, old_month=month)


def _month_length(year: int, month: int, *, julian: bool) -> int:
    if month == 2:
        leap = year % 4 == 0 and (julian or year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _int(text: str | None) -> int:
    return int(re.sub(r"\D", "", text or "") or 0)


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
