"""Claims and their comparison: where the sources agree and where they disagree.

A claim is a sentence saying something checkable about a subject: a person's birth or death date,
or a count ("about 22,000 Poles" at Katyn). Claims about the same subject and attribute from
different documents are compared within their stated precision and bounds: "about 22,000" and
"21,857" corroborate, "over 20,000" and 20,761 are compatible, a death in 1953 and one in 1956
conflict."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from chronika.query.event_dates import read_event_dates
from chronika.query.figure_claims import read_claims
from chronika.query.texts import Texts
from chronika.store import Store

APPROXIMATE = 0.1  # "about 22,000" covers 22,000 give or take a tenth
ROUNDED = 0.05  # "20,000" as written rounded covers 20,000 give or take a twentieth
NEAR = 80  # characters: how close a life word must follow the name, and its date the word
_LIFE = {
    "birth": re.compile(r"\b(born|birth|родился|родилась)\b", re.IGNORECASE),
    "death": re.compile(
        r"\b(died|death|shot|executed|execution|killed|murdered|assassinated|умер|умерла|скончал\w*|расстрел\w*|казн\w*)\b",
        re.IGNORECASE,
    ),
}
# A sentence that goes on about the person the sentence before named first ("He was shot ...").
_PRONOUN = re.compile(r"^(he|she|его|её|он|она)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[—–;(]|\b(who|whom|whose|which)\b")
@dataclass(frozen=True)
class Claim:
    subject: str
    attribute: str
    document: int
    start: int  # the sentence that makes the claim
    end: int
    text: str
    value_text: str  # the value as written ("about 22,000", "4 February 1940")
    low: float
    high: float
    why: str = ""  # why it was read as a claim about this subject and attribute
    part: bool = False  # a part of a whole: compared only to corroborate
    ranged: bool = False  # a stated range: compared end to end with another range
    sure: bool = True  # read from its own sentence or counted words, not only from farther context
    years: tuple[int, int] | None = None  # the years its sentence states, first to last: claims of other years differ


@dataclass(frozen=True)
class ClaimGroup:
    subject: str
    attribute: str
    status: str  # "conflict" | "corroborated"
    claims: list[Claim]
    reason: str
    confidence: str = "sure"  # "uncertain" when a claim rests on context beyond its sentence and counted words


def life_claims(store: Store, texts: Texts | None = None) -> list[Claim]:
    """Birth and death dates of people: the person named, a birth or death word just after the
    name, and a date just after that ("Yezhov was shot on 4 February 1940")."""
    texts = texts or Texts(store)
    out: dict[tuple[str, str, int, int], Claim] = {}
    for named in store.dated_person_sentences():
        name, doc, start, end, mention_end = named.person, named.document, named.start, named.end, named.mention_end
        text = texts(doc)[start:end]
        after = mention_end - start
        others = [m - start for m in store.person_mention_starts(doc, start, end) if m >= mention_end]
        for attribute, cue in _LIFE.items():
            found = cue.search(text, after, after + NEAR)
            if not found or any(after <= m < found.start() for m in others) or _CLAUSE.search(text, after, found.start()):
                continue  # what happened must be said of this person, not of another or in another clause
            dated = [t for t in store.times_between(doc, start, end) if 0 <= t.start - start - found.end() <= NEAR]
            if dated:
                t = dated[0]
                claim = Claim(name, attribute, doc, start, end, text, t.text, _ordinal(t.date_start), _ordinal(t.date_end))
                out.setdefault((name, attribute, doc, start), claim)
    for said in store.pronoun_sentences():
        name, doc, start, end = said.person, said.document, said.start, said.end
        text = texts(doc)[start:end]
        pronoun = _PRONOUN.match(text)
        if pronoun is None:
            continue
        for attribute, cue in _LIFE.items():
            found = cue.search(text, pronoun.end(), pronoun.end() + NEAR)
            if not found or _CLAUSE.search(text, pronoun.end(), found.start()):
                continue
            dated = [t for t in store.times_between(doc, start, end) if 0 <= t.start - start - found.end() <= NEAR]
            if dated:
                t = dated[0]
                claim = Claim(name, attribute, doc, start, end, text, t.text, _ordinal(t.date_start), _ordinal(t.date_end))
                out.setdefault((name, attribute, doc, start), claim)
    return list(out.values())


def event_claims(store: Store, texts: Texts | None = None) -> list[Claim]:
    """Dates of named events (`query/event_dates.py`): "the Secret Speech ... on 25 February 1956"."""
    return [Claim(read.event, read.attribute, read.document, read.start, read.end, read.text, read.time.text,
                  _ordinal(read.time.date_start), _ordinal(read.time.date_end), why=read.why, sure=not read.time.inferred)
            for read in read_event_dates(store, texts)]



def _ordinal(iso: str) -> float:
    return float(date.fromisoformat(iso).toordinal())


def figure_claims(store: Store, texts: Texts | None = None) -> list[Claim]:
    """Figures read as claims about one subject and attribute (`query/figure_claims.py`): "about
    22,000" Polish officers shot at Katyn and "21,857" killed there are claims about one thing; a
    part of the whole ("including about 8,000 officers") is another."""
    out = []
    for read in read_claims(store, texts):
        figure = read.figure
        low, high = _bounds(figure.value, figure.low, figure.high, figure.approximate)
        out.append(Claim(read.subject, read.label, figure.document, read.start, read.end, read.text, figure.text, low, high,
                         why=read.why, part=read.part is not None, ranged=figure.low is not None and figure.high is not None,
                         sure=read.sure, years=_years(store, figure.document, read.start, read.end)))
    return out


def _years(store: Store, document: int, start: int, end: int) -> tuple[int, int] | None:
    """The first and last year a sentence's time expressions cover, or None when it states none."""
    times = store.times_between(document, start, end)
    if not times:
        return None
    return min(int(t.date_start[:4]) for t in times), max(int(t.date_end[:4]) for t in times)


def _bounds(value: float, low: float | None, high: float | None, approximate: bool) -> tuple[float, float]:
    """What a figure's words allow: its range; "up to"/"nearly" X (an estimate's top) a little
    below X to X; "over" X from X up; "about" X a tenth either way; a round number ("20,000")
    as rounded, a twentieth either way."""
    if low is not None and high is not None:
        return low, high
    if high is not None:
        return (high * (1 - 2 * APPROXIMATE), high) if approximate else (0.0, high)
    if low is not None:
        return low, float("inf")
    if approximate:
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    if value >= 1000 and _round(value):
        return value * (1 - ROUNDED), value * (1 + ROUNDED)
    return value, value


def _round(value: float) -> bool:
    """Whether a number is written rounded: two significant digits or fewer ("20,000", "1.5 million")."""
    digits = str(int(value)).rstrip("0")
    return len(digits) <= 2


def compare(claims: Iterable[Claim]) -> list[ClaimGroup]:
    """Group claims by subject and attribute; keep groups that span documents; judge each. Parts
    of a whole are reported only where they agree (a part named alike may still be another part)."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.subject, claim.attribute)].append(claim)
    out = []
    for (subject, attribute), members in sorted(groups.items()):
        if not any(a.document != b.document and _comparable(a, b) for i, a in enumerate(members) for b in members[i + 1 :]):
            continue  # one document, or claims of different years
        confidence = "sure" if len({c.document for c in members if c.sure}) >= 2 else "uncertain"
        if any(c.part for c in members):
            agreeing = _agreeing(members)
            if agreeing:
                out.append(ClaimGroup(subject, attribute, "corroborated", agreeing,
                                      "parts of the whole named alike, each within the others' bounds", confidence))
            continue
        clash = _first_clash(members)
        if clash:
            a, b = clash
            reason = f"'{a.value_text}' (d{a.document}) and '{b.value_text}' (d{b.document}) cannot both hold"
            out.append(ClaimGroup(subject, attribute, "conflict", members, reason, confidence))
        else:
            out.append(ClaimGroup(subject, attribute, "corroborated", members, "every claim fits within the others' bounds",
                                  confidence))
    return out


def _agreeing(claims: list[Claim]) -> list[Claim]:
    """The largest set of claims from two or more documents that all fit within each other's bounds."""
    best: list[Claim] = []
    for a in claims:
        fitting = [b for b in claims if not _clash(a, b)]
        fitting = [b for b in fitting if all(not _clash(b, c) for c in fitting)]
        if len({c.document for c in fitting}) >= 2 and len(fitting) > len(best):
            best = fitting
    return best


def _comparable(a: Claim, b: Claim) -> bool:
    """Whether two claims speak of the same time: years that meet, or one states none."""
    return a.years is None or b.years is None or not (a.years[1] < b.years[0] or b.years[1] < a.years[0])


def _clash(a: Claim, b: Claim) -> bool:
    """Whether two claims cannot both hold: their bounds do not meet, or two stated ranges differ
    at an end ("1.5 to 8.8 million" and "3 to 8.8 million" are different estimates). Claims of
    different years never clash."""
    if not _comparable(a, b):
        return False
    if a.high < b.low or b.high < a.low:
        return True
    if a.ranged and b.ranged:
        return not (_near(a.low, b.low) and _near(a.high, b.high))
    return False


def _near(x: float, y: float) -> bool:
    return abs(x - y) <= APPROXIMATE * max(abs(x), abs(y))


def _first_clash(claims: list[Claim]) -> tuple[Claim, Claim] | None:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.document != b.document and _clash(a, b):
                return a, b
    return None
