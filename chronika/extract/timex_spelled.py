"""Years written in words, as speech and its transcripts say them: "nineteen ninety-six", "in
nineteen thirty-seven", "January nineteen ninety-seven", "the winter of nineteen ninety-four" (a month or a season with it),
"the year two thousand". Only where the words before it make it a time ("in", "of", "since", a
month, "the year"): "nineteen forty-five-minute sessions" counts something."""

from __future__ import annotations

import re
from typing import Iterator

from chronika.extract.numbers import SMALL, TENS, alternation
from chronika.extract.timex_composite import Found, point_resolver
from chronika.extract.timex_grammar import MONTH, SEASON_WORDS, Point, month_number

_UNITS = {word: n for word, n in SMALL.items() if 1 <= n <= 9}
_TEENS = {word: n for word, n in SMALL.items() if n >= 10}
_CENTURIES = {"seventeen": 1700, "eighteen": 1800, "nineteen": 1900}
_WORDS = {name: alternation(words) for name, words in (("units", _UNITS), ("teens", _TEENS), ("tens", TENS), ("centuries", _CENTURIES))}


_SPELLED = re.compile(
    rf"(?:(?P<month>{MONTH})\s+|(?P<season>(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of)\s+|(?P<lead>\b(?:in|of|since|until|till|by|from|to|during|before|after|year|the\s+year)\s+))"
    rf"(?:(?P<century>{_WORDS['centuries']})[\s-]+(?:(?P<tens>{_WORDS['tens']})(?:[\s-]+(?P<unit>{_WORDS['units']}))?"
    rf"|(?P<teen>{_WORDS['teens']})|(?P<hundred>hundred))"
    rf"|(?P<millennium>two\s+thousand)(?:(?:\s+and)?[\s-]+(?:(?P<m_teen>{_WORDS['teens']})|(?P<m_unit>{_WORDS['units']})))?)"
    r"(?![\w-])(?!\s+(?!(?:has|was|is|as|its|his|this|thus|does)\b)(?:[a-z]+s|people|men|women|children)\b)"
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
    return century + TENS[m.group("tens")] + _UNITS.get(m.group("unit") or "", 0)
