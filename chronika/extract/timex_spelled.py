"""Years written in words, as speech and its transcripts say them: "nineteen ninety-six", "in
nineteen thirty-seven", "January nineteen ninety-seven", "the winter of nineteen ninety-four" (a month or a season with it),
"the year two thousand". Only where the words before it make it a time ("in", "of", "since", a
month, "the year"): "nineteen forty-five-minute sessions" counts something."""

from __future__ import annotations

import re
from typing import Iterator

from chronika.extract.timex_composite import Found, point_resolver
from chronika.extract.timex_grammar import MONTH, SEASON_WORDS, Point, month_number

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_CENTURIES = {"seventeen": 1700, "eighteen": 1800, "nineteen": 1900}


def _words(names: dict[str, int]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


_SPELLED = re.compile(
    rf"(?:(?P<month>{MONTH})\s+|(?P<season>(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of)\s+|(?P<lead>\b(?:in|of|since|until|till|by|from|to|during|before|after|year|the\s+year)\s+))"
    rf"(?:(?P<century>{_words(_CENTURIES)})[\s-]+(?:(?P<tens>{_words(_TENS)})(?:[\s-]+(?P<unit>{_words(_UNITS)}))?"
    rf"|(?P<teen>{_words(_TEENS)})|(?P<hundred>hundred))"
    rf"|(?P<millennium>two\s+thousand)(?:(?:\s+and)?[\s-]+(?:(?P<m_teen>{_words(_TEENS)})|(?P<m_unit>{_words(_UNITS)})))?)"
    r"(?![\w-])(?!\s+(?:[a-z]+s|people|men|women|children)\b)"
)


def candidates(low: str) -> Iterator[Found]:
    """Every year in words in `low` (a lowered text), with the month before it if one is named."""
    if "nineteen" not in low and "eighteen" not in low and "seventeen" not in low and "thousand" not in low:
        return
    for m in _SPELLED.finditer(low):
        year = _year(m)
        lead = m.group("lead") or ""
        start = (m.start("month") if m.group("month") else m.start("season") if m.group("season")
                 else m.start("lead") if lead.strip().endswith("year") else m.end("lead"))
        if m.group("month"):
            point = Point("month", year, month_number(m.group("month")))
        elif m.group("season"):
            point = Point("season", year, season=SEASON_WORDS[m.group("season").split()[-2]])
        else:
            point = Point("year", year)
        yield start, m.end(), point_resolver(point, low[start : m.end()])


def _year(m: re.Match[str]) -> int:
    if m.group("millennium"):
        return 2000 + (_TEENS.get(m.group("m_teen") or "", 0) or _UNITS.get(m.group("m_unit") or "", 0))
    century = _CENTURIES[m.group("century")]
    if m.group("hundred"):
        return century
    if m.group("teen"):
        return century + _TEENS[m.group("teen")]
    return century + _TENS[m.group("tens")] + _UNITS.get(m.group("unit") or "", 0)
