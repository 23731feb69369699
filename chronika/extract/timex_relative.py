"""Relative time expressions, and what they resolve against; with the durations and sets of
`timex_durations`, the candidates `tag_times` takes besides calendar points.

Against the narrative's last date: "three days later", "five days after his death", "the next
morning", "the following spring", "that same day", "the beginning of the century", "on Tuesday"
(in a narrative of days). Against the document's date: "this month", "last year", "two years
ago", "early next year", "today". Spans leave out a leading preposition ("for 17 years" is "17
years") but keep the quantity's modifier ("more than 25 years", mod MORE_THAN)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Callable, Iterable, Iterator

from chronika.records.dates import DateInterval, century_interval, season_interval
from chronika.extract.timex_durations import (
    ANCHORED_DURATION, DURATION, HALF, MOD, NOT_DURATIONS, PRECISION, QUANTITY, SET, UNITS, anchored_duration,
    count_of, document_day, duration, duration_value, mod_of, set_of, unit_of,
)
from chronika.extract.numbers import NUMBER
from chronika.extract.timex_grammar import matches_near
from chronika.extract.timex_resolve import (
    Context, Reading, Resolver, add_months, common_value, narrow, period_of, season_of, season_year, shift,
    value_of,
)

_OFFSET = re.compile(
    rf"\b{MOD}{QUANTITY}{HALF}\s+{UNITS}{HALF.replace('half>', 'half2>')}\s+"
    r"(?P<dir>later|earlier|afterwards?|ago|before|after|previously|prior\s+to|hence)\b",
)
_SEASONS = r"spring|summer|autumn|fall|winter"
_NARRATIVE = re.compile(
    r"\b(?:(?:the|that)\s+(?:very\s+)?(?P<rel>next|following|previous|preceding|same)|(?P<that>that)(?:\s+same)?)\s+"
    rf"(?P<unit>day|morning|afternoon|evening|night|week|month|year|{_SEASONS})\b(?!\s+of\b)"
    r"|\bthe\s+day\s+(?P<dayrel>before|after)\b",
)
_DOCUMENT = re.compile(
    r"\b(?:(?P<part>earlier|later|early|late)\s+(?:in\s+)?)?(?:(?<!the\s)(?P<rel>this|last|next|past|coming|current)"
    r"|the\s+current)\s+(?:fiscal\s+)?"  # "the current fiscal year" is this one ("the last year" the past twelve months)
    rf"(?P<unit>week|month|year|decade|century|{_SEASONS})\b(?!\s+of\b)"
    r"|\b(?P<ref>today|nowadays|at\s+present|at\s+the\s+present\s+time|the\s+present(?:\s+(?:day|time))?(?![\w-]|\s+[a-z])"
    r"|yesterday|tomorrow|сегодня|ныне)\b"
    r"|(?P<ru>(?:прошл|эт|текущ|следующ|будущ)(?:ом|ий)\s+году)\b",
)
_EVENT_AFTER = re.compile(r"\s+(?!yesterday\b)[a-z]")
_THE_CENTURY = re.compile(r"\bthe\s+(?P<part>beginning|start|middle|end|turn)\s+of\s+the\s+century\b")
_RATE_BEFORE = re.compile(rf"(?:\d|\b{NUMBER})(?:\s+[a-z%]+)?\s+$")  # an amount before "a year"
_TIME_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_FINER = {"century": ("year", 100), "decade": ("year", 10), "year": ("month", 12), "month": ("day", 30)}

Found = tuple[int, int, Resolver]
# the words every relative expression, duration or set contains: where `candidates` looks
TRIGGER_WORDS = {
    *(unit + plural for unit in ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade")
      for plural in ("", "s")),
    "century", "centuries", "morning", "afternoon", "evening", "night", *_SEASONS.split("|"), "annually", "yearly",
    "today", "nowadays", "present", "yesterday", "tomorrow", "сегодня", "ныне", "году",
}


def candidates(text: str, low: str, triggers: Iterable[int], *, timeml: bool = False) -> Iterator[Found]:
    """Every relative expression, duration and set in `text` (`low` is `lowered(text)`), each
    with how to resolve it; `triggers` are the positions of the `TRIGGER_WORDS`. With `timeml`
    an offset from an event ("two weeks after the bombing") is no candidate: TimeML tags its
    quantity as a duration ("two weeks"), which `DURATION` finds."""
    for index, m in matches_near(_PATTERNS, low, triggers):
        pattern = _PATTERNS[index][0]
        if pattern is _OFFSET and count_of(m) is None and m.group("dir") in ("before", "after", "prior to"):
            continue  # "several years prior to the RSDRP": a duration before an event the text does not date
        elif pattern is _OFFSET and timeml and _timeml_gap(m):
            continue
        elif pattern is _NARRATIVE and timeml and m.group("dayrel") and _EVENT_AFTER.match(low, m.end()):
            continue  # "the day before authorities issued a warrant": the day of an event the text does not date
        elif pattern is DURATION and (m.group("n"), m.group("unit")) in NOT_DURATIONS:
            continue
        elif pattern is DURATION and m.group("n").lower() in ("a", "an") and _RATE_BEFORE.search(low, max(0, m.start() - 40), m.start()):
            continue  # "$500 million a year", "700 seats a week": a rate, not a duration
        elif pattern is DURATION and not timeml and low.startswith("the", m.start()):
            yield m.start("mod") if m.group("mod") else m.start("n"), m.end(), duration(m)  # the chronicle's span
        else:
            yield m.start(), m.end(), _BUILDERS[index](m)


def _timeml_gap(m: re.Match[str]) -> bool:
    """Whether TimeML reads an offset as the gap between two events, a duration: one counted from
    an event ("a month after the merger", "30 days before closing", "prior to"); "three days
    later", "a year earlier" and "two years ago" are dates."""
    return re.sub(r"\s+", " ", m.group("dir").lower()) in ("before", "after", "prior to")


def _offset(m: re.Match[str]) -> Resolver:
    """"three days later", "two years ago", "five days after": counted from the narrative's date
    (from the document's for "ago" and "hence")."""
    unit, count = unit_of(m), count_of(m)
    direction = m.group("dir").lower()
    from_document = direction in ("ago", "hence")
    # "six weeks ago" is a week, as TimeML writes it ("1999-W47"); "a week later" is a day, as precise as its anchor
    in_weeks = unit == "week" and from_document
    if unit == "week" and count is not None:
        unit, count = "day", count * 7
    while count is not None and count % 1 and unit in _FINER:  # "half a century later" is 50 years on
        unit, factor = _FINER[unit]
        count *= factor
    sign = -1 if direction in ("earlier", "ago", "before", "previously", "prior to") else 1

    def resolve(ctx: Context) -> Reading | None:
        quarter = ctx.reported_quarter() if unit == "year" and count and count % 1 == 0 else None
        if quarter is not None and count is not None:  # after "the third quarter": its quarter
            months = round(sign * count * 12)
            when = DateInterval(add_months(quarter.start, months), add_months(quarter.end, months), "season",
                                m.group(0), True)
            return Reading(f"{when.start.year:04d}-Q{(when.start.month + 2) // 3}", "DATE", when, anchor="narrative")
        anchor = document_day(ctx) if from_document else ctx.anchor(PRECISION.get(unit, unit))
        kind = "document" if from_document else "narrative"
        if anchor is None and ctx.reporting:  # "a year earlier" in a report with no date before it
            anchor, kind = document_day(ctx), "document"
        if anchor is None:
            return Reading(duration_value(count, unit), "DURATION", None, mod=mod_of(m))
        if count is None:  # "several days later": two to nine days on
            near, far = (_shifted(anchor, sign * n, unit, m.group(0)) for n in (2, 9))
            first, last = (near, far) if sign > 0 else (far, near)
            when = DateInterval(first.start, last.end, first.precision, m.group(0), True)
            return Reading(common_value(when.start, when.end), "DATE", when, anchor=kind)
        when = _shifted(anchor, sign * count, unit, m.group(0))
        value = value_of(when.start, "week") if in_weeks and when.precision == "day" else _value(when, unit)
        return Reading(value, "DATE", when, anchor=kind, mod=mod_of(m))

    return resolve


def _narrative(m: re.Match[str]) -> Resolver:
    """"the next day", "the following spring", "that same day", "the day before": one step from
    the narrative's date."""
    unit = (m.group("unit") or "day").lower()
    rel = (m.group("rel") or m.group("dayrel") or "same").lower()
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}.get(rel, 0)

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor("season" if unit in _SEASONS.split("|") else PRECISION.get(unit, unit))
        if anchor is None:
            return None
        if unit in _SEASONS.split("|"):
            return _season(anchor, unit, step, m.group(0), "narrative")
        base = "day" if unit in _TIME_OF_DAY else unit
        when = _shifted(anchor, step, base, m.group(0))
        value = _value(when, base)
        if unit in _TIME_OF_DAY and when.precision == "day" and when.start == when.end:
            return Reading(f"{value}T{_TIME_OF_DAY[unit]}", "TIME", when, anchor="narrative")
        return Reading(value, "DATE", when, anchor="narrative")

    return resolve


def _document(m: re.Match[str]) -> Resolver:
    """"this month", "last year", "early next year", "today": from the document's date."""
    ref = (m.group("ref") or "").lower()
    ru = (m.group("ru") or "").lower()
    unit = (m.group("unit") or "year").lower()
    rel = (m.group("rel") or "this").lower()
    if ru:
        rel = "last" if ru.startswith("прошл") else "next" if ru.startswith(("следующ", "будущ")) else "this"
    part = {"earlier": None, "later": None, "early": "START", "late": "END"}.get((m.group("part") or "").lower())
    possessive = m.string.startswith(("'s", "’s"), m.end())  # "today's youth": the present age

    def resolve(ctx: Context) -> Reading | None:
        doc = document_day(ctx)
        if ref in ("yesterday", "tomorrow"):
            if doc is None:
                return None
            day = doc.start + timedelta(-1 if ref == "yesterday" else 1)
            return Reading(day.isoformat(), "DATE", DateInterval(day, day, "day", m.group(0), True), anchor="document")
        if ref == "today" and doc is not None and (ctx.reporting or ctx.past or ctx.timeml and not possessive):
            day = doc.start
            return Reading(day.isoformat(), "DATE", DateInterval(day, day, "day", m.group(0), True), anchor="document")
        if ref:
            return Reading("PRESENT_REF", "DATE", doc, anchor="document")
        if doc is None:
            return None
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        if unit in _SEASONS.split("|"):
            return _season(doc, unit, step, m.group(0), "document")
        when = _shifted(doc, step, unit, m.group(0))
        return Reading(_value(when, unit), "DATE", when, anchor="document", mod=part)

    return resolve


def _the_century(m: re.Match[str]) -> Resolver:
    """"the beginning of the century": the century of the narrative's date."""
    part = {"beginning": "START", "start": "START", "turn": "START", "middle": "MID", "end": "END"}[m.group("part")]

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor("century")
        if anchor is None:
            return None
        number = anchor.start.year // 100 + 1
        when = narrow(century_interval(number, text=m.group(0)), part)
        return Reading(f"{number - 1:02d}", "DATE", replace(when, inferred=True), anchor="narrative", mod=part)

    return resolve


def _shifted(anchor: DateInterval, count: float, unit: str, text: str) -> DateInterval:
    """The period `count` units from `anchor`: the whole unit when the anchor is as fine as the
    unit ("three days later" after a day), else the anchor's span moved (its precision kept)."""
    finer = ("day", "week", "month", "season", "year", "decade", "century")
    unit_rank = finer.index(unit) if unit in finer else 0
    anchor_rank = finer.index(anchor.precision) if anchor.precision in finer else 0
    if anchor_rank <= unit_rank or anchor.precision == "season" and unit == "season":
        base = anchor.end if count > 0 else anchor.start  # the day after a stretch of days is after its end
        return period_of(shift(base, count, unit), unit, text)
    return DateInterval(shift(anchor.start, count, unit), shift(anchor.end, count, unit), anchor.precision, text, True)


def _value(when: DateInterval, unit: str) -> str:
    """A shifted period's TIMEX3 value: at the unit's granularity, or the coarse span's own."""
    whole_unit = when.precision == ("day" if unit in ("hour", "minute", "second", "week") else unit)
    return value_of(when.start, unit if whole_unit else when.precision)


def _season(anchor: DateInterval, unit: str, step: int, text: str, kind: str) -> Reading:
    """"the following spring": the first such season after the anchor; "the previous" the last
    before it; "this" or "that" the one of the anchor's year."""
    code = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[unit]
    year = anchor.start.year if code != "WI" or anchor.start.month >= 12 else anchor.start.year - 1
    if step == 0 and anchor.precision in ("day", "month", "season") and season_of(anchor.start) == code:
        year = season_year(anchor.start)
    elif step == 0 and code == "WI":
        year = anchor.start.year
    found = season_interval(year, code, text=text)
    while step > 0 and found.start <= anchor.end:
        found = season_interval(found.start.year + 1, code, text=text)
    while step < 0 and found.end >= anchor.start:
        found = season_interval(found.start.year - 1, code, text=text)
    found = DateInterval(found.start, found.end, "season", text, True)
    return Reading(f"{found.start.year:04d}-{code}", "DATE", found, anchor=kind)



# each pattern with how far before its trigger word it may begin ("more than three hundred and fifty years")
_PATTERNS = ((_OFFSET, 70), (DURATION, 70), (ANCHORED_DURATION, 50), (_NARRATIVE, 30), (_DOCUMENT, 30),
             (SET, 50), (_THE_CENTURY, 30))
_BUILDERS: tuple[Callable[[re.Match[str]], Resolver], ...] = (
    _offset, duration, anchored_duration, _narrative, _document, set_of, _the_century,
)
