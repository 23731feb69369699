"""Durations and sets: "17 years", "more than 25 years", "a four-year course", "the 12-year-old",
"several years", "the next 15 years" (from the narrative's date), "the last year" (to the
document's), "every year", "annually", "twice a year", and the quantity grammar that relative
expressions ("three days later") share with them."""

from __future__ import annotations

import re
from datetime import timedelta

from chronika.records.dates import DateInterval
from chronika.extract.numbers import NUMBER, alternation, number_value
from chronika.extract.timex_resolve import Context, Reading, Resolver, shift

UNITS = r"(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))s?"
QUANTITY = rf"(?P<n>{NUMBER}(?:\s*(?:-|–|to|or)\s*{NUMBER})?|half\s+an?|an?|several|a\s+few|a\s+couple\s+of|some|many)"
HALF = r"(?P<half>\s+and\s+a\s+half|\s+1/2|\s?½)?"
_MODS = {
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "approximately": "APPROX", "roughly": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN", "only": None, "just": None,
}
MOD = rf"(?:(?P<mod>{alternation(w for w in _MODS if _MODS[w])})\s+)?"
DURATION = re.compile(  # "the first nine months", "the six months": TimeML spans the determiner too; "two more weeks"
    r"\b(?:the\s+(?:first\s+)?(?=\S+\s+(?:second|minute|hour|day|week|fortnight|month|year|decade|centur)))?"
    rf"{MOD}{QUANTITY}{HALF}(?:\s+(?:more|additional|further|extra))?[\s-]+{UNITS}{HALF.replace('half>', 'half2>')}"
    r"(?P<old>[\s-]+old)?\b(?!-)"
    r"(?![\s-]+plans?\b)"
)
ANCHORED_DURATION = re.compile(
    rf"\bthe\s+(?:(?P<rel>next|following|last|past|previous|preceding)\s+(?P<n>{NUMBER}|several|few)"
    rf"|(?P<rel1>last|past))\s+{UNITS}\b(?!\s+of\b)",
)
SET = re.compile(
    rf"\b(?:every|each)\s+(?:(?P<n>{NUMBER}|other)\s+)?{UNITS}\b|\b(?P<adv>annually|yearly)\b"
    rf"|\b(?P<times>once|twice|thrice|{NUMBER}\s+times)\s+(?:a|an|per|each)\s+(?P<per>day|week|month|year)\b"
    r"|\b(?P<by>day|week|month|year)\s+(?:by|after)\s+(?P=by)\b",
)
CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
        "decade": "DE", "century": "CE", "fortnight": "W"}
# the precision of the date a unit counts from ("three hours later" counts from a day)
PRECISION = {"hour": "day", "minute": "day", "second": "day", "week": "day", "morning": "day", "afternoon": "day",
             "evening": "day", "night": "day"}
NOT_DURATIONS = {("some", "day"), ("many", "day"), ("a", "second"), ("one", "second")}  # "some day", "a second plan"
VAGUE = {"several", "a few", "a couple of", "some", "many", "few"}


def unit_of(m: re.Match[str]) -> str:
    """The unit a match counts in (a fortnight counts in weeks)."""
    unit = m.group("unit").lower()
    return {"centurie": "century", "fortnight": "week"}.get(unit, unit)


def count_of(m: re.Match[str]) -> float | None:
    """How many units; None when the text does not say ("several", "4-6")."""
    words = re.sub(r"\s+", " ", m.group("n").lower())
    if words in VAGUE or re.search(r"\d\s*(?:-|–|to|or)\s*\d|\w\s+(?:to|or)\s+\w", words):
        count = None
    else:
        count = 1.0 if words in ("a", "an") else 0.5 if words.startswith("half") else number_value(words)
    half = m.groupdict().get("half") or m.groupdict().get("half2")
    if count is not None and half:
        count += 0.5
    if count is not None and m.group("unit").lower() == "fortnight":
        count *= 2
    return count


def mod_of(m: re.Match[str]) -> str | None:
    """The TIMEX3 mod of the quantity's modifier ("more than" is MORE_THAN)."""
    words = m.group("mod")
    mod = _MODS.get(re.sub(r"\s+", " ", words.lower())) if words else None
    if mod is None and m.group("n").lower() in VAGUE:
        return None
    return mod


def duration_value(count: float | None, unit: str) -> str:
    """The TIMEX3 value of a duration ("P17Y", "PT30M"; "PXY" when the count is not stated). A
    decade is written in years, as TimeBank writes it ("two decades" is P20Y, "decades" PXY)."""
    if unit == "decade":
        count, unit = None if count is None else count * 10, "year"
    clock = "T" if unit in ("hour", "minute", "second") else ""
    if count is not None and count % 1 and unit in ("hour", "minute"):  # "5 1/2 hours" is PT5H30M
        whole, sixtieths = int(count), round(count % 1 * 60)
        return f"PT{f'{whole}{CODE[unit]}' if whole else ''}{sixtieths}{'M' if unit == 'hour' else 'S'}"
    return f"P{clock}{'X' if count is None else f'{count:g}'}{CODE[unit]}"


def duration(m: re.Match[str]) -> Resolver:
    """"17 years", "the 12-year-old": a duration with no anchor."""
    unit, count = unit_of(m), count_of(m)
    reading = Reading(duration_value(count, unit), "DURATION", None, mod=mod_of(m))
    return lambda ctx: reading


def anchored_duration(m: re.Match[str]) -> Resolver:
    """"the next 15 years" (from the narrative's date), "the last year" (to the document's)."""
    unit = unit_of(m)
    words = (m.group("n") or "").lower()
    count = 1.0 if not words else None if words in VAGUE else number_value(words)
    rel = m.group("rel") or m.group("rel1")
    if not words and m.group(0).endswith("s"):
        count = None

    def resolve(ctx: Context) -> Reading | None:
        if rel in ("last", "past"):
            anchor = document_day(ctx)
            kind = "document"
        else:
            anchor = ctx.anchor(PRECISION.get(unit, unit))
            kind = "narrative"
        value = duration_value(count, unit)
        if anchor is None or count is None:
            return Reading(value, "DURATION", None)
        if rel in ("next", "following"):
            start = anchor.end + timedelta(1)
            when = DateInterval(start, shift(start, count, unit) - timedelta(1), "day", m.group(0), True)
        else:
            edge = anchor.start
            when = DateInterval(shift(edge, -count, unit), edge - timedelta(1 if kind == "narrative" else 0),
                                "day", m.group(0), True)
        return Reading(value, "DURATION", when, anchor=kind)

    return resolve


def set_of(m: re.Match[str]) -> Resolver:
    """"every year", "annually", "twice a year", "month by month": a set, no anchor."""
    if m.group("adv"):
        return lambda ctx: Reading("P1Y", "SET", None)
    if m.group("per"):
        unit = m.group("per")
        return lambda ctx: Reading(duration_value(1, unit), "SET", None)
    if m.group("by"):
        unit = m.group("by").lower()
        return lambda ctx: Reading(f"P1{CODE[unit]}", "SET", None)
    unit = unit_of(m)
    words = (m.group("n") or "").lower()
    count = 2.0 if words == "other" else number_value(words) if words else 1.0
    return lambda ctx: Reading(duration_value(count, unit), "SET", None)


def document_day(ctx: Context) -> DateInterval | None:
    """The document's date as a day interval, if it has one."""
    doc = ctx.document_date
    return None if doc is None else DateInterval(doc, doc, "day", "", True)
