"""Expressions that point at the time of writing, as the press writes them: weekdays ("said
Friday", "on Tuesday", "Thursday evening", "noon Saturday", "each Monday"), parts of the day
("this morning", "last night"), months named against the year ("last May", "June last year"),
quarters of a (fiscal) year ("the third quarter", "third-quarter", "the year-ago quarter").

A weekday counts back from the document's date (a report says what happened), forward when the
clause speaks of what will be ("will meet Monday", "On Monday, the league plans to ...", but not
"had been due to expire Monday"); in a narrative of days far from the time of writing it counts on
from the narrative's day, as a diary or a chronicle does. `past_clause` tells a sentence about the
past, where a month or day without a year is the last one ("bought it in February")."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable, Iterator

from chronika.records.dates import DateInterval
from chronika.extract.numbers import alternation
from chronika.extract.russian import lemma
from chronika.extract.timex_composite import CLOCK_PATTERN, clock_value, point_resolver
from chronika.extract.timex_grammar import MONTH, POINT_PATTERN, YEAR, matches_near, month_number, parse_point
from chronika.extract.timex_resolve import Context, Reading, Resolver

Found = tuple[int, int, Resolver]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WD = "|".join(WEEKDAYS)
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_WEEKDAY = re.compile(
    r"\b(?:(?P<pre>on|by|until|till|since|from|before|after)\s+(?:the\s+)?|(?P<rel>last|next|this(?:\s+coming)?|that|"
    r"the\s+(?:previous|following)|"
    r"each|every|(?:early|earlier|late|later)(?:\s+on)?)\s+|(?P<clock>noon|midnight)\s+(?:on\s+)?)?"
    rf"(?P<wd>{_WD})(?P<plural>s)?\b(?:\s+(?P<part>morning|afternoon|evening|night)(?P<parts>s)?\b)?"
)
_CLOCK_WEEKDAY = re.compile(
    rf"(?<![\d:])(?:{CLOCK_PATTERN})(?:\s+(?:est|edt|cst|cdt|pst|pdt|gmt|local\s+time))?,?\s+(?:on\s+)?(?P<wd>{_WD})\b"
)
_TODAY_PART = re.compile(
    r"\b(?:(?P<later>later|earlier|early|late)\s+)?(?P<rel>this|yesterday|tomorrow|last)\s+"
    r"(?P<part>morning|afternoon|evening|night)\b|\b(?P<tonight>tonight)\b"
)
_MONTH_OF_YEAR = re.compile(
    rf"\b(?P<rel>last|this|next|this\s+coming|past)\s+(?P<m>{MONTH})(?!\.?\s*\d|\s+{YEAR})"
    rf"|(?P<m2>{MONTH})\s+(?:of\s+)?(?P<rel2>this|last|next)\s+year\b"
)
_ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER = re.compile(
    rf"\b(?:the\s+)?(?:(?P<y1>{YEAR})\s+)?(?:fiscal\s+)?(?P<n>{alternation(_ORDINAL_QUARTERS)})"
    rf"(?:[\s-]+(?:fiscal\s+)?)quarter(?![\s-]+(?:of\s+)?(?:a|the)\s+century)(?:\s+of\s+(?:fiscal\s+)?(?P<y2>{YEAR}))?\b"
    r"|\b(?P<ago>(?:the\s+)?year[\s-](?:ago|earlier)\s+(?:quarter|period)|year-(?:ago|earlier)(?=\s+[a-z]))\b"
)
_ADJECTIVE_QUARTER = re.compile(r"[a-z\s]*-quarter\s+[a-z]")
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|wo\s+n't|shall|'ll|going\s+to|would\s+be\s+[a-z]+ing|scheduled|expected\s+to|plans?\s+to|"
    r"planned|planning\s+to|"
    r"due\s+to|set\s+to|is\s+to|are\s+to|next|as\s+soon\s+as|as\s+early\s+as|effective|payable|of\s+record|"
    # a deadline: "has until Friday", "postponed until Tuesday", "given the relatives until 9 a.m. Tuesday"
    r"(?:has|have|given|postponed|delayed|extended|deferred|adjourned)\b[^.!?;()“”\"]{0,40}\buntil|"
    r"будет|будут|состоится|состоятся|планиру\w+|намечен\w*|предстоит|собирается|собираются|намерен\w*|ожидается)"
    r"(?![\w-])[^.!?;()“”\"]*$"
)
_GLOSS_OPEN = re.compile(r"\(\s*$")  # "(4 a.m. EDT Thursday)": a gloss of what comes before the bracket
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:previously|already|originally|earlier)\s+)?(?:been\s+)?$")
# what may come before an expression that opens its sentence: "On Tuesday, ...", "And on Friday, ..."
_SENTENCE_OPENING = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:(?:and|but|also|а|и)\s+)?(?:on\s+|by\s+|this\s+|в\s+|во\s+|к\s+)?$"
)
# the cues that speak of the future in the clause an expression opens ("planned" there is mostly past)
_FUTURE_AFTER = re.compile(
    r"\b(?:will|won't|shall|'ll|(?:is|are)\s+(?:going|expected|scheduled|set|due)\s+to|plans?\s+to|is\s+to|are\s+to|"
    r"будет|будут|состоится|состоятся|планиру\w+|предстоит|собирается|собираются|намерен\w*|ожидается)(?![\w-])"
)
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’)]*\s+|\n)(?!.*(?:[.!?][\"”’)]*\s+|\n))", re.S)
_SENTENCE_STOP = re.compile(r"[.!?;](?:\s|$)")
_PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|said|told|took|gave|made|went|came|met|began|left|bought|brought|sold|won|lost|fell|rose|"
    r"became|paid|held|spent|saw|found|got|struck|shot|hit|(?P<ed>[a-z]{3,}ed))\b"
)
# what makes a sentence look ahead even with a verb in the past in it ("said it would buy in January")
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|won't|shall|'ll|would|could|may|might|can|should|must|going\s+to|expects?|expected|scheduled|"
    r"plans?|planned|planning|due|set\s+to|is\s+to|are\s+to|next|until|payable|effective|of\s+record|"
    r"(?:is|are)\s+[a-z]+ing|to\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those)\b)[a-z]+)\b"
)
_CYRILLIC = re.compile(r"[а-яё]")
_RU_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)?")
_LOOKS_AHEAD_RU = re.compile(
    r"(?<![\w-])(?:будет|будут|планиру\w*|намечен\w*|предстоит|собира\w+|намерен\w*|ожида\w+|следующ\w*|"
    r"должен|должна|должно|должны|чтобы|до\s+тех\s+пор|бы)(?![\w-])"
)
# participles that mostly stand as adjectives ("the United States", "an unspecified date")
_ADJECTIVES_IN_ED = {
    "united", "armed", "based", "related", "limited", "concerned", "called", "named", "unspecified", "proposed",
    "advanced", "detailed", "needed", "used", "owned", "listed", "combined", "adjusted", "estimated", "increased",
}
# words after which a participle in -ed is not a simple past ("has agreed", "to be signed", "the revised plan")
_NOT_PAST_BEFORE = {
    "be", "been", "being", "is", "are", "am", "has", "have", "to", "the", "a", "an", "its", "his", "her", "their",
    "our", "this", "that", "still", "newly", "not", "get", "gets",
}
_CLAUSE_AFTER = re.compile(r"[^.!?;()“”\"]{0,90}")
_WORD_BEFORE = re.compile(r"(?P<word>[\w.'’-]+)\s+$")
# words that make a weekday after them the name of a day, not a date of the report
_DAY_NAMES = {
    "black", "good", "easter", "palm", "ash", "holy", "maundy", "shrove", "whit", "low", "trinity", "mothering",
    "bloody", "super", "cyber", "blue", "fat", "man", "girl", "great", "orthodox", "red", "clean", "rose",
}
_NAME_AFTER = re.compile(rf"\s+(?!{MONTH.replace('(?:', '(?i:', 1)})[A-Z][a-z]")
_DATE_AFTER = re.compile(r",?\s+(?:the\s+)?" + POINT_PATTERN, re.VERBOSE)  # "Saturday, April 25": the day it names
_REPORTING_CUES = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|tomorrow|tonight|"
    r"[Tt]his\s+week|[Ll]ast\s+week|[Nn]ext\s+week)\b"
)
_YEARS = re.compile(r"(?<![\d,.$£€-])(1[5-9]\d\d|20\d\d)(?![\d%]|,\d)")
_TODAY_PAST = re.compile(r"\b(?:[a-z]+ed|said|says|told|took|gave|made|went|came|met|sought|began|left|was|were)\s+$")
# the words every expression here contains: where `candidates` looks
TRIGGER_WORDS = {
    *WEEKDAYS, *(day + "s" for day in WEEKDAYS), "morning", "afternoon", "evening", "night", "tonight", "quarter",
    "now", "currently", "nowadays", "these", "moment", "recently", "previously", "formerly", "lately",
    "past", "future", "recent", "coming", "daily", "weekly", "monthly", "hourly", "nightly", "weekend", "year-ago", "year-earlier", "year", *(
        name for name in ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                          "sept", "oct", "nov", "dec")),
}


def candidates(text: str, low: str, triggers: Iterable[int]) -> Iterator[Found]:
    """Every weekday, part of the day, month against the year and quarter in `text` (`low` is
    `lowered(text)`)."""
    for index, m in matches_near(_PATTERNS, low, triggers):
        pattern = _PATTERNS[index][0]
        if pattern is _WEEKDAY:
            found = _weekday_candidate(text, m)
            dated = _DATE_AFTER.match(low, m.end()) if found is not None and not m.group("part") else None
            point = parse_point(dated) if dated is not None else None
            if found is not None and point is not None and point.precision == "day" and dated is not None:
                yield found[0], dated.end(), point_resolver(point, text[found[0] : dated.end()])
            elif found is not None:
                yield found
        elif pattern is _CLOCK_WEEKDAY:
            if text[m.start("wd")].isupper():
                yield m.start(), m.end(), _clock_weekday(m)
        elif pattern is _TODAY_PART:
            yield m.start(), m.end(), _today_part(m)
        elif pattern is _MONTH_OF_YEAR:
            name = m.group("m") or m.group("m2")
            if text[m.start("m") if m.group("m") else m.start("m2")].isupper():
                yield m.start(), m.end(), _month_of_year(m)
        elif pattern is _QUARTER:
            # "the third-quarter results": "the" is the results' ("the third quarter" keeps it)
            adjective = low.startswith("the ", m.start()) and _ADJECTIVE_QUARTER.match(low, m.start() + 4, m.end() + 2)
            yield m.start() + (4 if adjective else 0), m.end(), _quarter(m)


def future_clause(low: str, start: int, end: int | None = None) -> bool:
    """Whether the clause of the expression at `start`-`end` speaks of what will be ("will meet",
    "is scheduled to"): the words before it, a gloss in brackets sharing its clause's ("will leave
    at 4 in the morning (4 a.m. Thursday)"); for an expression that opens its sentence ("On Tuesday,
    the league plans to ...") the words after it too. A plan told in the pluperfect ("had been due
    to expire Friday") is what was to be, and so is past."""
    before = low[max(0, start - 70) : start]
    gloss = _GLOSS_OPEN.search(before)
    if gloss is not None:
        start -= len(before) - gloss.start()
    cue = _FUTURE_CUE.search(low, max(0, start - 70), start)
    if cue is not None:
        return _PLUPERFECT.search(low, max(0, cue.start() - 30), cue.start()) is None
    if end is None or _SENTENCE_OPENING.search(low, max(0, start - 30), start) is None:
        return False
    clause = _CLAUSE_AFTER.match(low, end)
    return clause is not None and _FUTURE_AFTER.search(clause.group()) is not None


def _weekday_candidate(text: str, m: re.Match[str]) -> Found | None:
    """A weekday written with a capital and not part of a name ("Black Monday", "Sunday Times")."""
    wd = m.start("wd")
    if not text[wd].isupper():
        return None
    if not (m.group("pre") or m.group("rel") or m.group("clock")):
        if _name_before(text, wd) or _NAME_AFTER.match(text, m.end("wd")):
            return None
    start = m.start() if (m.group("rel") or m.group("clock")) else wd
    return start, m.end(), _weekday(m)


def _name_before(text: str, at: int) -> bool:
    """Whether the word just before `at` makes the weekday a name ("Black Monday", "Good Friday",
    "Bloody Sunday"). Any other name before it is the subject or the place of what happened, as
    the press writes them ("President Clinton Saturday vowed", "in Kenya and Tanzania Friday")."""
    before = text[max(0, at - 40) : at]
    word = _WORD_BEFORE.search(before)
    if word is None or not word.group("word")[0].isupper():
        return False
    return word.group("word").lower().rstrip(".") in _DAY_NAMES


def _weekday(m: re.Match[str]) -> Resolver:
    """"Friday", "on Tuesday", "next Monday", "Thursday evening", "noon Saturday", "each Monday"."""
    weekday = WEEKDAYS.index(m.group("wd").lower())
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    anaphoric = rel in ("the previous", "the following")  # counted from the day the text speaks of
    rel = {"the previous": "last", "the following": "next"}.get(rel, rel)
    part = (m.group("part") or "").lower()
    clock = {"noon": "T12:00", "midnight": "T24:00"}.get((m.group("clock") or "").lower(), "")
    time = clock or (f"T{_DAY_PARTS[part]}" if part else "")
    if m.group("plural") or m.group("parts") or rel in ("each", "every"):
        return lambda ctx: Reading(f"XXXX-WXX-{weekday + 1}{time}", "SET", None)

    def resolve(ctx: Context) -> Reading | None:
        recent = ctx.anchor("day") if anaphoric and ctx.recent else None
        if recent is not None and recent.precision == "day" and recent.start == recent.end:
            # "closed Friday ... down from the previous Friday": the one before the narrative's day
            if rel == "next":
                found = recent.start + timedelta((weekday - recent.start.weekday()) % 7 or 7)
            else:
                found = recent.start - timedelta((recent.start.weekday() - weekday) % 7 or 7)
            interval = DateInterval(found, found, "day", m.group(0), True)
            return Reading(found.isoformat() + time, "TIME" if time else "DATE", interval, anchor="narrative")
        day = weekday_date(weekday, rel, ctx)
        if day is None:
            return Reading(f"XXXX-WXX-{weekday + 1}{time}", "TIME" if time else "DATE", None, anchor="document")
        found, kind = day
        interval = DateInterval(found, found, "day", m.group(0), True)
        return Reading(found.isoformat() + time, "TIME" if time else "DATE", interval, anchor=kind)

    return resolve


def weekday_date(weekday: int, rel: str, ctx: Context) -> tuple[date, str] | None:
    """The day a weekday names: counted on from the narrative's day, stated in the same paragraph,
    when that day is far from the time of writing (a chronicle of 1934), else from the document's
    date, back unless the clause speaks of the future or says "next"; "this" is in the anchor's week."""
    recent = ctx.anchor("day")
    doc = ctx.document_date
    narrative = recent is not None and recent.precision == "day" and rel != "this" and ctx.narrative_near and (
        doc is None or not ctx.reporting and abs((recent.start - doc).days) > 31
    )
    if narrative and recent is not None:
        day = recent.start
        return day + timedelta((weekday - day.weekday()) % 7 or (7 if rel == "next" else 0)), "narrative"
    if doc is None:
        return None
    if rel.startswith("this"):
        ahead = (weekday - doc.weekday()) % 7
        return (doc + timedelta(ahead) if rel == "this coming" or ctx.future else doc + timedelta(weekday - doc.weekday())), "document"
    if rel == "next" or (ctx.future and rel != "last"):
        return doc + timedelta((weekday - doc.weekday()) % 7 or (7 if rel == "next" else 0)), "document"
    back = (doc.weekday() - weekday) % 7
    return doc - timedelta(back or (7 if rel == "last" else 0)), "document"


def _clock_weekday(m: re.Match[str]) -> Resolver:
    """"10 p.m. Wednesday", "9 a.m. EST Tuesday": a clock time on the day the weekday names."""
    weekday, clock = WEEKDAYS.index(m.group("wd").lower()), clock_value(m)

    def resolve(ctx: Context) -> Reading | None:
        day = weekday_date(weekday, "", ctx)
        if day is None:
            return Reading(f"XXXX-WXX-{weekday + 1}{clock}", "TIME", None, anchor="document")
        found, kind = day
        return Reading(found.isoformat() + clock, "TIME", DateInterval(found, found, "day", m.group(0), True), anchor=kind)

    return resolve


def _today_part(m: re.Match[str]) -> Resolver:
    """"this morning", "last night", "yesterday afternoon", "tonight": a part of a day near the
    document's date (TIME)."""
    if m.group("tonight"):
        rel, part = "this", "night"
    else:
        rel, part = m.group("rel").lower(), m.group("part").lower()
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(rel, 0)

    def resolve(ctx: Context) -> Reading | None:
        if ctx.document_date is None:
            return None
        day = ctx.document_date + timedelta(shift)
        interval = DateInterval(day, day, "day", m.group(0), True)
        return Reading(f"{day.isoformat()}T{_DAY_PARTS[part]}", "TIME", interval, anchor="document")

    return resolve


def _month_of_year(m: re.Match[str]) -> Resolver:
    """"last May" (the last May before the document's date), "this September", "June last year"."""
    month = month_number(m.group("m") or m.group("m2"))
    rel = re.sub(r"\s+", " ", (m.group("rel") or m.group("rel2") or "").lower())
    by_year = m.group("rel2") is not None

    def resolve(ctx: Context) -> Reading | None:
        doc = ctx.document_date
        if doc is None:
            return None
        if by_year:
            year = doc.year + {"last": -1, "next": 1}.get(rel, 0)
        elif rel in ("last", "past"):
            year = doc.year if month < doc.month else doc.year - 1
        elif rel in ("next", "this coming"):
            year = doc.year if month > doc.month else doc.year + 1
        else:
            year = doc.year
        first = date(year, month, 1)
        last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(1)
        return Reading(f"{year:04d}-{month:02d}", "DATE", DateInterval(first, last, "month", m.group(0), True),
                       anchor="document")

    return resolve


def _quarter(m: re.Match[str]) -> Resolver:
    """"the third quarter" (the latest one begun by the document's date), "the third quarter of
    1984", "the 1988 third quarter", "the year-ago quarter" (the last one closed, a year back)."""
    number = _ORDINAL_QUARTERS[m.group("n").lower()] if m.group("n") else 0
    stated = m.group("y1") or m.group("y2")

    def resolve(ctx: Context) -> Reading | None:
        doc = ctx.document_date
        if stated:
            return quarter_reading(int(stated), number, m.group(0), stated=True)
        if doc is None:
            return Reading(f"XXXX-Q{number}" if number else "XXXX-QX", "DATE", None, anchor="document")
        if not number:
            year, quarter = closed_quarter(doc)
            return quarter_reading(year - 1, quarter, m.group(0), stated=False)
        return quarter_reading(doc.year if number <= (doc.month - 1) // 3 + 1 else doc.year - 1, number, m.group(0),
                               stated=False)

    return resolve


def closed_quarter(doc: date) -> tuple[int, int]:
    """(year, quarter) of the last quarter closed by `doc`, the one a company reports on."""
    closed = (doc.month - 1) // 3
    return (doc.year - 1, 4) if closed == 0 else (doc.year, closed)


def quarter_reading(year: int, quarter: int, text: str, *, stated: bool) -> Reading:
    """A quarter of a year as TIMEX3 writes it ("1989-Q3"), its interval three months long."""
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - timedelta(1)
    return Reading(f"{year:04d}-Q{quarter}", "DATE", DateInterval(first, last, "season", text, not stated),
                   anchor="absolute" if stated else "document")


def past_verb_before(low: str, start: int) -> bool:
    """Whether a verb in the past comes just before `start` ("said today", "was arrested today")."""
    return _TODAY_PAST.search(low, max(0, start - 30), start) is not None


def past_clause(low: str, start: int, end: int) -> bool:
    """Whether the sentence of the expression at `start`-`end` tells of the past: a verb in the
    simple past ("bought", "was", "changed") and nothing that looks ahead ("will", "would",
    "plans to", "expected"). "Since the company bought it in February": the last February."""
    opening = _SENTENCE_START.search(low, max(0, start - 200), start)
    first = opening.end() if opening is not None else max(0, start - 200)
    closing = _SENTENCE_STOP.search(low, end, end + 150)
    sentence = low[first : closing.start() if closing is not None else end + 150]
    if _CYRILLIC.search(low, start, end):
        return _russian_past(sentence)
    if _LOOKS_AHEAD.search(sentence):
        return False
    for m in _PAST_VERB.finditer(sentence):
        if not m.group("ed"):
            return True
        before = _WORD_BEFORE.search(sentence, 0, m.start())
        if m.group("ed") not in _ADJECTIVES_IN_ED and (before is None or before.group("word") not in _NOT_PAST_BEFORE):
            return True
    return False


def _russian_past(sentence: str) -> bool:
    """The Russian `past_clause`: a verb in the past (pymorphy3's likeliest reading) and none in the
    future, nor a word that looks ahead ("планирует", "предстоит", "следующем")."""
    if _LOOKS_AHEAD_RU.search(sentence):
        return False
    tags = [lemma(word)[1] for word in _RU_WORD.findall(sentence)]
    return any("VERB" in tag and "past" in tag for tag in tags) and not any("futr" in tag for tag in tags)


def reporting(text: str, document_date: date | None) -> bool:
    """Whether a dated text reports its own present, as the press does: it names weekdays or
    says "yesterday", "last week" at least once in 2,000 words, or most years it states lie
    within two years of its date. A history of 1937 written in 2010 is no report."""
    if document_date is None:
        return False
    cues = sum(1 for _ in _REPORTING_CUES.finditer(text))
    if cues > 0 and cues * 2000 * 6 >= len(text):
        return True
    years = [int(y) for y in _YEARS.findall(text)]
    near = sum(1 for y in years if document_date.year - 2 <= y <= document_date.year + 1)
    return 2 * near > len(years) > 0


_PATTERNS = ((_WEEKDAY, 24), (_CLOCK_WEEKDAY, 30), (_TODAY_PART, 20), (_MONTH_OF_YEAR, 12), (_QUARTER, 30))
