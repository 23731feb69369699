"""TimeML's conventions where they differ from the chronicle's, for `chronika tag`: the vague
references ("now", "currently", "the current ...", "recently", "the past", "the future", "recent years": PRESENT_REF,
PAST_REF, FUTURE_REF), adverbial sets ("daily"), "the quarter" (the last one closed by the
document's date) and "the weekend" ("1990-W32-WE"). The chronicle leaves them out: they date
nothing a historian can place on a timeline."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Iterable, Iterator

from chronika.records.dates import DateInterval
from chronika.extract.timex_deixis import closed_quarter, quarter_reading
from chronika.extract.timex_grammar import matches_near
from chronika.extract.timex_resolve import Context, Reading, Resolver

Found = tuple[int, int, Resolver]

_VAGUE = re.compile(
    r"\b(?P<present>now|currently|nowadays|these\s+days|at\s+(?:this|the)\s+(?:time|moment)(?!\s+(?:of|when|that))|"
    r"right\s+now|(?<!then\s)current(?!\s+(?:(?:fiscal|calendar)\s+)?(?:year|month|week|quarter|three\s+months|account|"
    r"accounts|events|affairs|prices|dollars)\b))\b"
    r"|\b(?P<past>recently|lately|(?:in\s+)?the\s+past(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|"
    r"decades?|centur(?:y|ies)|\d|several|few|two|three|four|five)))\b"
    r"|\b(?P<future>the\s+(?:near\s+|foreseeable\s+|distant\s+)?future)\b"
    r"|\b(?P<set>daily|weekly|monthly|hourly|nightly)\b"
    r"|\b(?P<quarter>(?:the|this)\s+(?:latest\s+|last\s+|most\s+recent\s+|current\s+|same\s+)?(?:quarter|three\s+months)(?!\s+of))\b"
    r"|\b(?P<weekend>(?:the|this|last|next)\s+weekend)\b"
    r"|\b(?P<recent>recent|coming|past)\s+(?P<unit>days|weeks|months|years|decades)\b"
)
# the words every expression here contains: where `candidates` looks
TRIGGER_WORDS = {
    "now", "currently", "current", "nowadays", "these", "moment", "recently", "lately", "past", "future", "recent", "coming",
    "daily", "weekly", "monthly", "hourly", "nightly", "weekend", "quarter", "months",
}


def candidates(text: str, low: str, triggers: Iterable[int]) -> Iterator[Found]:
    """Every vague reference, adverbial set, "the quarter" and "the weekend" in `text`."""
    for _, m in matches_near([(_VAGUE, 30)], low, triggers):
        found = _vague_candidate(text, low, m)
        if found is not None:
            yield found


def _vague_candidate(text: str, low: str, m: re.Match[str]) -> Found | None:
    """TimeML's references that the chronicle leaves out: "now", "currently", "recently", "the
    past", "the future", "recent years" (PRESENT_REF, PAST_REF, FUTURE_REF), "daily" (a set),
    "the quarter" (the last one closed), "the weekend"."""
    start = m.start()
    if m.group("set"):
        unit = {"daily": "D", "nightly": "D", "weekly": "W", "monthly": "M", "hourly": "TH"}[m.group("set")]
        reading = Reading(f"P1{unit}" if unit != "TH" else "PT1H", "SET", None)
        return start, m.end(), lambda ctx: reading
    if m.group("quarter"):
        return start, m.end(), _quarter_current if "current" in m.group("quarter") else _quarter_closed
    if m.group("weekend"):
        return start, m.end(), _weekend(low[start : m.end()].split()[0])
    if m.group("past") and low.startswith("in ", start):
        start += 3
    if m.group("recent"):
        value = "FUTURE_REF" if m.group("recent") == "coming" else "PAST_REF"
    else:
        value = "PRESENT_REF" if m.group("present") else "PAST_REF" if m.group("past") else "FUTURE_REF"
    if m.group("present") and low.startswith("now", start) and re.match(r"\s*(?:that|on|,\s*(?:now|then))\b", low[m.end():]):
        return None
    reading = Reading(value, "DATE", None, anchor="document")
    return start, m.end(), lambda ctx: reading


def _quarter_closed(ctx: Context) -> Reading | None:
    """"the quarter", "the latest quarter": the last quarter closed by the document's date, the
    one a company reports on."""
    if ctx.document_date is None:
        return Reading("XXXX-QX", "DATE", None, anchor="document")
    year, quarter = closed_quarter(ctx.document_date)
    return quarter_reading(year, quarter, "", stated=False)


def _quarter_current(ctx: Context) -> Reading | None:
    """"the current quarter": the one the document's date lies in."""
    if ctx.document_date is None:
        return Reading("XXXX-QX", "DATE", None, anchor="document")
    doc = ctx.document_date
    return quarter_reading(doc.year, (doc.month - 1) // 3 + 1, "", stated=False)


def _weekend(rel: str) -> Resolver:
    """"the weekend": the last one by the document's date (the next one when the clause speaks of
    the future), as TIMEX3 writes it ("1990-W32-WE")."""

    def resolve(ctx: Context) -> Reading | None:
        doc = ctx.document_date
        if doc is None:
            return Reading("XXXX-WXX-WE", "DATE", None, anchor="document")
        saturday = doc - timedelta((doc.weekday() - 5) % 7)
        if rel == "next" or ctx.future and rel != "last":
            saturday += timedelta(7 if doc.weekday() < 5 or rel == "next" else 0)
        elif rel == "last" and doc.weekday() >= 5:
            saturday -= timedelta(7)
        year, week, _ = saturday.isocalendar()
        interval = DateInterval(saturday, saturday + timedelta(1), "day", "", True)
        return Reading(f"{year:04d}-W{week:02d}-WE", "DATE", interval, anchor="document")

    return resolve
