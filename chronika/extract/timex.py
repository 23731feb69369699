"""Time expressions: every date, period, relative expression and duration a text states, with its
TIMEX3 value (TempEval-3 conventions) and the interval it stands for.

`tag_times` collects candidates from the calendar grammar (`timex_grammar`: days, months, seasons,
years, decades, centuries, with parts such as "the early 1930s"), from ranges and lists built of
those points, and from relative expressions and durations (`timex_relative`). Overlaps go to the
leftmost, then longest, candidate. The survivors are then read in text order, so that an expression
without a year ("April 7") or a relative one ("three days later") can take the narrative's last
date; "this month", "last year" and "two years ago" take the document's date instead.

Spans follow TimeML: prepositions are left out ("in 1962" is "1962"), determiners and modifiers are
kept ("the early 1930s"). A range ("1937-1938", "between August 1937 and October 1938") is one
DURATION mention whose interval spans both ends, as TimeML anchors a duration by its end points
(with `timeml`, a range written with words is its two dates, as TimeML tags it). Holidays
(`timex_holidays`) and the periods of reports of results (`timex_reports`) are dates too."""

from __future__ import annotations

import datetime
import re
from collections import deque
from dataclasses import dataclass, replace
from typing import Iterator

from chronika.records.mentions import TimeMention
from chronika.records.dates import DateInterval, interval
from chronika.extract import (
    timex_composite, timex_deixis, timex_holidays, timex_relative, timex_reports, timex_russian, timex_spelled, timex_timeml,
)
from chronika.extract.numbers import alternation
from chronika.extract.timex_composite import point_resolver
from chronika.extract.timex_grammar import (
    MONTH, POINT, POINT_WORDS, YEAR_MARKERS, Point, lowered, matches_near, parse_point,
)
from chronika.extract.timex_resolve import Context, Reading, Resolver, is_quarter

__all__ = ["TimeMention", "tag_times"]


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    resolve: Resolver


_RELATIVE_TRIGGERS = (
    timex_relative.TRIGGER_WORDS | timex_deixis.TRIGGER_WORDS | timex_russian.TRIGGER_WORDS | timex_timeml.TRIGGER_WORDS
    | timex_reports.TRIGGER_WORDS | timex_holidays.TRIGGER_WORDS
)
_TRIGGER = re.compile(rf"\d+|'\d|\b(?:{alternation(POINT_WORDS | _RELATIVE_TRIGGERS)})\b|\b(?:вв?\.)")
_RECENT = 2000  # characters: how far back a narrative's dates count as recent
_SINCE = re.compile(r"\bmembers?\s+(?:of\s+the\s+\w+\s+)?since\s+$")  # "a party member since 1919": an aside
_AGE = re.compile(r"[\s-]old$")  # "a 52-year-old": an age, which TimeML does not tag
# where a sentence ends: a full stop before a capital after a word of four letters ("Iran.", not an
# abbreviation such as "Oct.", "U.S.", "Gen." or "Capt."), a number or a closing quote or bracket
_SENTENCE_END = re.compile(
    r"(?:(?<=[a-zа-яё]{4})|(?<=\b[A-ZА-ЯЁ][a-zа-яё]{3})(?<!\b(?:Capt|Prof|Dept|Corp|Univ|Supt|Insp|Sept))|(?<=\d)"
    r"|(?<=[)\"”»]))[.!?][\"”’»)]*\s+(?=[A-ZА-ЯЁ\"“«(])"
)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_COMPARED_WITH = re.compile(r"(?:a|one|the)\s+year\s+(?:earlier|ago|before)|(?:the\s+)?year-(?:earlier|ago)")
_PART_OF_YEAR = re.compile(r"P(?:[2-9]|1[01])M")  # "the first nine months": a report turns from its quarter to its year
_REACH = 60  # characters: how far before its number or month name a point may begin ("the very end of the")
_BARE_MONTH_BEFORE = re.compile(
    rf"(?:\b(?:in|by|until|till|since|from|during|before|after|through|to|last|next|this|that|each|every|"
    rf"early|late|mid|в|с|по|до)\s+|{MONTH}\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|и)\s+))$"
)
_COMMON_NOUN_AFTER = re.compile(r" [a-z]{3,}\b")
_TEMPORAL_BEFORE = re.compile(
    r"(?:\b(?:in|by|since|until|till|from|to|during|before|after|of|year|years|circa|c\.|about|around|early|late|"
    r"mid|between|through|the|a|an|this|that|his|her|their|its|в|с|по|до|к|после|между|году?)"
    r"|(?:1[0-9]{3}|20[0-9]{2}),?\s+(?:and|or|и))\W*$"
)
_COUNT_AFTER = re.compile(
    r"\s+(?!(?:was|has|is|as|this|its|his|thus|us|always|perhaps|afterwards|towards|besides|less|unless|across|"
    r"yes|does|whereas)\b)(?:[a-z]+s|people|men|women|children)\b"
)


def tag_times(text: str, document_date: datetime.date | None = None, *, timeml: bool = False) -> list[TimeMention]:
    """Every time expression in `text`, sorted by start and non-overlapping. `document_date` is what
    "this month", "last year" or "two years ago" refer to, and dates without a year fall back on.
    With `timeml` the expressions follow TimeML's annotation guidelines where the chronicle's differ:
    the vague references ("now", "recently", "the past") are tagged, ages ("a 52-year-old") are not."""
    chosen: list[_Candidate] = []
    low = lowered(text)
    reporting = timex_deixis.reporting(text, document_date)
    for found in sorted(_candidates(text, low, timeml), key=lambda c: (c.start, c.start - c.end)):
        if not chosen or found.start >= chosen[-1].end:
            chosen.append(found)
    mentions: list[TimeMention] = []
    narrative: DateInterval | None = None
    narrative_year: int | None = None
    recent: deque[tuple[int, DateInterval]] = deque()
    for found in chosen:
        inside = _in_parentheses(text, found.start, found.end)
        while recent and recent[0][0] < found.start - _RECENT:
            recent.popleft()
        near = bool(recent) and not _PARAGRAPH_END.search(text, recent[-1][0], found.start)
        same_sentence = near and not _SENTENCE_END.search(text, recent[-1][0], found.start)
        context = Context(
            document_date, narrative, narrative_year, inside, tuple(w for _, w in recent), near, reporting,
            timex_deixis.future_clause(low, found.start, found.end), timex_deixis.past_verb_before(low, found.start),
            timeml, same_sentence, timex_deixis.past_clause(low, found.start, found.end),
        )
        reading = _read(found.resolve, context)
        span = text[found.start : found.end]
        if reading is None or timeml and reading.type == "DURATION" and _AGE.search(span):
            continue
        when = reading.date
        if when is not None and when.text != span:
            when = replace(when, text=span)
        old = reading.old_style if reading.old_style is None else replace(reading.old_style, text=span)
        mentions.append(TimeMention(found.start, found.end, span, reading.value, reading.type, when, old,
                                    reading.anchor, reading.mod))
        if narrative is not None and is_quarter(narrative) and _PART_OF_YEAR.fullmatch(reading.value):
            narrative = replace(interval(narrative.start.year, text=""), inferred=True)  # "the first nine months"
            recent = deque((at, when) for at, when in recent if not is_quarter(when))
        aside = _SINCE.search(low, max(0, found.start - 40), found.start) is not None
        # a report compares its period with the year before ("up from $1.2 million a year earlier"): the
        # year compared with is not where its story moves, and the next comparison counts from the same place
        aside = aside or reporting and _COMPARED_WITH.fullmatch(low, found.start, found.end) is not None
        if when is not None and not inside and not aside and reading.type != "SET" and "REF" not in reading.value:
            if reading.type != "DURATION" or reading.anchor == "absolute":
                narrative = when
                recent.append((found.end, when))
                if when.start.year == when.end.year or when.precision in ("day", "month", "season"):
                    narrative_year = when.start.year
    return mentions


def _read(resolve: Resolver, context: Context) -> Reading | None:
    """The reading of a candidate; none where its arithmetic leaves the calendar `datetime` knows
    (years 1-9999: "5000 centuries earlier", a document dated 9999)."""
    try:
        return resolve(context)
    except (ValueError, OverflowError):
        return None


def _candidates(text: str, low: str, timeml: bool) -> Iterator[_Candidate]:
    point_triggers: list[int] = []
    relative_triggers: list[int] = []
    for m in _TRIGGER.finditer(low):
        word = m.group()
        if word[0].isdigit() or word[0] == "'" or word in POINT_WORDS or word.startswith("в"):
            point_triggers.append(m.start())
        if word in _RELATIVE_TRIGGERS:
            relative_triggers.append(m.start())
    points = _raw_points(low, point_triggers)
    composite = timex_composite.candidates(
        text, low, points, point_triggers, lambda p, m: _plausible(p, m, text, low, timeml), timeml=timeml
    )
    for start, end, resolve in composite:  # first: of two candidates with one span, the first is taken
        yield _Candidate(start, end, resolve)
    for m, point in points:
        if _plausible(point, m, text, low, timeml):
            yield _Candidate(m.start(), m.end(), point_resolver(point, m.group(0)))
    relative = timex_relative.candidates(text, low, relative_triggers, timeml=timeml)
    deixis = timex_deixis.candidates(text, low, relative_triggers)
    russian = timex_russian.candidates(text, low, relative_triggers)
    reports = timex_reports.candidates(text, low, relative_triggers)
    holidays = timex_holidays.candidates(text, low, relative_triggers)
    timeml_only = timex_timeml.candidates(text, low, relative_triggers) if timeml else ()
    spelled = timex_spelled.candidates(low)
    for start, end, resolve in (*relative, *deixis, *russian, *reports, *holidays, *spelled, *timeml_only):
        yield _Candidate(start, end, resolve)


def _raw_points(low: str, triggers: list[int]) -> list[tuple[re.Match[str], Point]]:
    """Every calendar point, leftmost and then longest first, before any check of its context."""
    found = sorted(
        ((m, p) for _, m in matches_near([(POINT, _REACH)], low, triggers) if (p := parse_point(m)) is not None),
        key=lambda mp: (mp[0].start(), -mp[0].end()),
    )
    points: list[tuple[re.Match[str], Point]] = []
    for m, point in found:
        if not points or m.start() >= points[-1][0].end():
            points.append((m, point))
    return points


def _plausible(point: Point, m: re.Match[str], text: str, low: str, timeml: bool = False) -> bool:
    """False for what only looks like a date: a bare month that is a verb or a name ("may", "the
    April Theses"), a number that is a page, a volume, an order's number or a count of things. A
    month before a common noun ("the March accession") is a date only for TimeML: in a history
    "the October coup" or "the February revolution" names an event, not a month of the narrative."""
    start, end = m.start(), m.end()
    before = low[max(0, start - 40) : start]
    if YEAR_MARKERS.search(before):
        return False
    if point.precision == "month" and point.year is None and not m.group("part"):
        # "in March", "by May"; "the March accession" (a month before a common noun, not "the April Theses")
        attributive = timeml and before.endswith("the ") and _COMMON_NOUN_AFTER.match(text, end) is not None
        return text[start].isupper() and (bool(_BARE_MONTH_BEFORE.search(before)) or attributive)
    if point.precision != "year" or m.group("part"):
        return True
    if start >= 2 and low[start - 1] in "-,./$£€" and low[start - 2].isdigit():
        return False
    if low[end : end + 1] == "%" or re.match(r"[,.]\d{3}\b|-\d|\.\d", low[end : end + 5]):  # "2082.1": a decimal
        return False
    temporal = bool(_TEMPORAL_BEFORE.search(before))
    if point.year is not None and point.year < 1700 and not temporal:
        return False
    return temporal or not _COUNT_AFTER.match(low, end)


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """Whether the span sits inside "( ... )" within its paragraph (a source citation, mostly)."""
    window_start = max(0, start - 300)
    before = text[window_start:start]
    paragraph = before.rfind("\n\n")
    if paragraph >= 0:
        before = before[paragraph:]
    opened = before.rfind("(")
    if opened < 0 or before.rfind(")") > opened:
        return False
    after = text[end : end + 300]
    closed = after.find(")")
    return closed >= 0 and (after.find("\n\n") < 0 or closed < after.find("\n\n")) and after.find("(", 0, closed) < 0
