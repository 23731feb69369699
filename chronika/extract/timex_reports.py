"""The periods a company's report of results names, as the business press writes them: "fiscal
1989", "this year's third quarter", "next year's first quarter", "last year's quarter", "the 1988
period", "the 1988 quarter", "the corresponding period last year", "the quarter a year ago", "the
year-ago third quarter", "the latest period", "the first two quarters of 1990", and "the year ended
March 31" (twelve months, a duration).

Where the text does not say which quarter, it is the one the report is speaking of (the last
quarter it named, `Context.reported_quarter`), else the last one closed by the document's date,
the one a company reports on; "the 1988 period" after a report of the first nine months is the
year."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from chronika.records.dates import interval
from chronika.extract.numbers import alternation
from chronika.extract.timex_deixis import closed_quarter, quarter_reading
from chronika.extract.timex_grammar import MONTH, YEAR, matches_near
from chronika.extract.timex_resolve import Context, Reading, Resolver, narrow

Found = tuple[int, int, Resolver]

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_N = rf"(?P<NAME>{alternation(_ORDINALS)})[\s-]+(?:fiscal\s+)?"
_AGO = r"(?:last\s+year|a\s+year\s+(?:ago|earlier))"
_PERIOD = re.compile(
    rf"\bfiscal(?:\s+year)?\s+(?P<fiscal>{YEAR})\b"
    rf"|\b(?P<own>this|last|next)\s+year'?s\s+(?:{_N.replace('NAME', 'n')})?(?:fiscal\s+)?quarter\b"
    rf"|\bthe\s+(?P<stated>{YEAR})\s+(?:fiscal\s+)?(?P<what>period|quarter)\b"
    rf"|\bthe\s+(?:(?:corresponding|comparable|same)\s+(?:period|quarter)\s+(?:of\s+)?|quarter\s+){_AGO}"
    rf"|\b(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?P<ago>year[\s-](?:ago|earlier))\s+{_N.replace('NAME', 'n2')}quarter\b"
    r"|\bthe\s+(?P<latest>latest|most\s+recent)\s+period\b"
    rf"|\bthe\s+(?:fiscal\s+)?(?P<twelve>year)(?=\s+(?:ended|ending)\s+(?:on\s+)?(?:{MONTH}|\d|today|tomorrow|yesterday))"
    rf"|\b(?:the\s+)?(?P<half>first|last)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?(?P<half_y>{YEAR})\b"
)
# the words every period here contains: where `candidates` looks
TRIGGER_WORDS = {"fiscal", "quarter", "quarters", "period", "year"}


def candidates(text: str, low: str, triggers: Iterable[int]) -> Iterator[Found]:
    """Every period of a report of results in `text` (`low` is `lowered(text)`)."""
    for _, m in matches_near([(_PERIOD, 40)], low, triggers):
        yield m.start(), m.end(), _period(m)


def _period(m: re.Match[str]) -> Resolver:
    span = m.group(0)
    ordinal = m.group("n") or m.group("n2")
    number = _ORDINALS[ordinal.lower()] if ordinal else 0
    if m.group("twelve"):  # "the year ended March 31": twelve months, whichever they are
        return lambda ctx: Reading("P1Y", "DURATION", None)
    if m.group("fiscal"):
        year = int(m.group("fiscal"))
        return lambda ctx: Reading(f"{year:04d}", "DATE", interval(year, text=span))
    if m.group("half"):
        year, half = int(m.group("half_y")), "H1" if m.group("half") == "first" else "H2"
        return lambda ctx: Reading(f"{year:04d}-{half}", "DATE", narrow(interval(year, text=span), half))
    if m.group("stated"):
        return _stated_period(int(m.group("stated")), m.group("what") == "period", span)
    shift = {"this": 0, "last": -1, "next": 1}[m.group("own")] if m.group("own") else 0 if m.group("latest") else -1

    def resolve(ctx: Context) -> Reading | None:
        doc = ctx.document_date
        reported = ctx.reported_quarter()
        if reported is not None:
            year, quarter = reported.start.year, reported.start.month // 3 + 1
        elif doc is not None:
            year, quarter = closed_quarter(doc)
        else:
            return None
        if m.group("own") and doc is not None:
            year = doc.year
        return quarter_reading(year + shift, number or quarter, span, stated=False)

    return resolve


def _stated_period(year: int, period: bool, span: str) -> Resolver:
    """"the 1988 quarter": the quarter the report speaks of, in 1988; "the 1988 period" that
    quarter too, or the year when the report speaks of none (after "the first nine months")."""

    def resolve(ctx: Context) -> Reading | None:
        reported = ctx.reported_quarter()
        if reported is not None:
            return quarter_reading(year, reported.start.month // 3 + 1, span, stated=True)
        if period or ctx.document_date is None:
            return Reading(f"{year:04d}", "DATE", interval(year, text=span))
        return quarter_reading(year, closed_quarter(ctx.document_date)[1], span, stated=True)

    return resolve
