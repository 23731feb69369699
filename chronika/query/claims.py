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

from chronika.store import Store

APPROXIMATE = 0.1  # "about 22,000" covers 22,000 give or take a tenth
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
_KILLED = re.compile(r"\b(killed|killing|shot|shooting|executed|execution|murdered|massacre|perished|died|victims)\b", re.I)
# What a count of people is of: compared together, however the source words it.
_PEOPLE = re.compile(
    r"\b(people|persons|victims|prisoners|officers|poles|polish|citizens|men|women|children|dead|killed|shot|"
    r"executed|arrested|deported|delegates|russians|soviet)\b",
    re.IGNORECASE,
)


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


@dataclass(frozen=True)
class ClaimGroup:
    subject: str
    attribute: str
    status: str  # "conflict" | "corroborated"
    claims: list[Claim]
    reason: str


def life_claims(store: Store) -> list[Claim]:
    """Birth and death dates of people: the person named, a birth or death word just after the
    name, and a date just after that ("Yezhov was shot on 4 February 1940")."""
    texts: dict[int, str] = {}
    out: dict[tuple[str, str, int, int], Claim] = {}
    for named in store.dated_person_sentences():
        name, doc, start, end, mention_end = named.person, named.document, named.start, named.end, named.mention_end
        text = _text(store, texts, doc)[start:end]
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
        text = _text(store, texts, doc)[start:end]
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


def _text(store: Store, texts: dict[int, str], doc: int) -> str:
    """A document's text, read once per listing (setdefault would read it again for every claim)."""
    if doc not in texts:
        texts[doc] = store.document_text(doc)
    return texts[doc]


def _ordinal(iso: str) -> float:
    return float(date.fromisoformat(iso).toordinal())


def figure_claims(store: Store) -> list[Claim]:
    """Counts of people killed, tied to the place their passage names and the year their sentence
    first states: "about 22,000 Poles" shot in 1940 near Katyn and "21,857" killed there in 1940
    are claims about one thing; the 96 killed near Katyn in 2010 are another."""
    out = []
    texts: dict[int, str] = {}
    for figure in store.figures():
        if figure.unit == "percent":
            continue
        doc = figure.document
        start, end = store.sentence_at(doc, figure.start)
        text = _text(store, texts, doc)[start:end]
        if not _KILLED.search(text) or (figure.counted and not _PEOPLE.search(figure.counted)):
            continue
        years = [t.date_start[:4] for t in store.times_between(doc, start, end)]
        if not years:
            continue
        low, high = _bounds(figure.value, figure.low, figure.high, figure.approximate)
        for place in store.places_in_passage(doc, figure.passage):
            out.append(Claim(place, f"people killed in {min(years)}", doc, start, end, text, figure.text, low, high))
    return out


def _bounds(value: float, low: float | None, high: float | None, approximate: bool) -> tuple[float, float]:
    if low is not None or high is not None:
        return (low if low is not None else 0.0, high if high is not None else float("inf"))
    if approximate:
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    return value, value


def compare(claims: Iterable[Claim]) -> list[ClaimGroup]:
    """Group claims by subject and attribute; keep groups that span documents; judge each."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[(claim.subject, claim.attribute)].append(claim)
    out = []
    for (subject, attribute), members in sorted(groups.items()):
        if len({c.document for c in members}) < 2:
            continue
        clash = _first_clash(members)
        if clash:
            a, b = clash
            reason = f"'{a.value_text}' (d{a.document}) and '{b.value_text}' (d{b.document}) cannot both hold"
            out.append(ClaimGroup(subject, attribute, "conflict", members, reason))
        else:
            out.append(ClaimGroup(subject, attribute, "corroborated", members, "every claim fits within the others' bounds"))
    return out


def _first_clash(claims: list[Claim]) -> tuple[Claim, Claim] | None:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.document != b.document and (a.high < b.low or b.high < a.low):
                return a, b
    return None
