"""Scoring a passage's sentences for `ask`: how much of the question's weight a sentence covers (a
name it does not repeat counts in part when "he" follows it, when its passage or its document's
title gives it), whether it says the question's verb, whether it holds an answer of the wanted type
(a resolved date, a figure, a place or person other than those asked about, a reason), how precise
that answer is, and how closely it is tied to the question's terms rather than to another person."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from chronika.query.ask_question import WORD, Term
from chronika.records.search import Hit
from chronika.records.stored import SpanName
from chronika.store import Store

MIN_COVERAGE = 0.5  # share of the question's weight a sentence must cover to answer it
UNSAID_COVERAGE = 0.8  # share a sentence not saying the question's verb (died, signed ...) must cover
UNSAID_PENALTY = 1.0  # taken from such a sentence's score (4 x its coverage, plus its answer's)
# Words that say why, and how surely.
_REASONS = [
    (re.compile(r"\b(because|due to|owing to|for (this|that|the) reason|the reasons?\b|in order to|so as to|so that"
                r"|for fear|for lack of|as a result|explained why|explains why|caused by|motive"
                r"|потому что|из-за|поэтому|чтобы)", re.I), 1.0),
    (re.compile(r"\b(drives?|driven|drove|to hide|to ensure|aimed at|led to|given that|thus|therefore|hence|pretext"
                r"|since (?![\d]|then|the (early|late|mid|end|beginning)))", re.I), 0.7),
]
_PRONOUN = re.compile(r"(?<!\w)(he|him|his|she|her|он|его|ему|им|она|её|ее|ей)(?!\w)")
_LOCATIVE = re.compile(
    r"\b(?:in|at|on|into|to|near|inside)\s+((?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:hospital|prison|camp|camps|street|square|hall|house|home|village|town|city|region|district|province|area"
    r"|dacha|monastery|cemetery|church|tower|station|building|office|apartment|island|colony|zone|zones|embassy))\b"
)
_PRECISION = {"day": 1.0, "month": 0.85, "season": 0.75, "year": 0.7, "decade": 0.4, "century": 0.3}


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    presence: list[float]  # per term: 1 the sentence names it, less when only its surroundings do
    places: list[int]  # where the question's terms stand in it (document offsets)
    subjects: list[int]  # where it names the question's names
    predicates: list[int]  # where it says the question's verb


def unnamed_places(text: str, low: int) -> list[tuple[int, int, float, str]]:
    """Places no name gives, answers to "where": "in a French hospital", "on Voinov Street"."""
    return [(low + m.start(1), low + m.end(1), 0.6, f"place: {m.group(1)}") for m in _LOCATIVE.finditer(text)]


def read_sentences(store: Store, hit: Hit, doc: int, terms: list[Term], names: list[SpanName]) -> list[Sentence]:
    """The passage's sentences, with where each names the question's terms."""
    passage, title = hit.text.lower(), hit.title.lower()
    named = {m.entity for m in names}
    # What a sentence that does not name a term still has of it: a name its passage gives ("he",
    # "the commissar" may stand for it) or its document's title (the document is about it); a
    # word of its passage or title (what the sentence is about).
    around = [
        (0.6 if t.entity in named or t.pattern.search(passage) else 0.5 if t.pattern.search(title) else 0.0)
        if t.entity else (0.35 if t.pattern.search(passage) or t.pattern.search(title) else 0.0)
        for t in terms
    ]
    out: list[Sentence] = []
    for bounds in store.passage_sentences(doc, hit.passage):
        start, end = bounds.start, bounds.end
        text = hit.text[start - hit.start : end - hit.start]
        lower = text.lower()
        presence, places, subjects, predicates = [], [], [], []
        for term, context in zip(terms, around):
            at = [start + m.start() for m in term.pattern.finditer(lower)]
            if term.entity:
                # "Stalin" in "the Stalin Prize" is another entity's name
                at = [a for a in at if not any(m.start <= a < m.end and m.entity != term.entity for m in names)]
                at += [m.start for m in names if m.entity == term.entity and start <= m.start < end]
                subjects += at
            elif term.predicate:
                predicates += at
            presence.append(1.0 if at else context)
            places += at
        if out and _PRONOUN.search(lower):
            # "He was arrested ...": a pronoun stands for a name the sentence before gives.
            presence = [0.85 if t.entity and p < 0.85 and out[-1].presence[i] >= 1.0 else p
                        for i, (t, p) in enumerate(zip(terms, presence))]
        out.append(Sentence(start, end, text, presence, places, subjects, predicates))
    return out


def wanted_answers(
    store: Store, doc: int, low: int, high: int, kind: str, terms: list[Term], names: list[SpanName], asked: set[str],
    given: set[str],
) -> list[tuple[int, int, float, str]]:
    """The passage's answers of the wanted type: (start, end, quality, description)."""
    wanted: list[tuple[int, int, float, str]] = []
    if kind == "when":
        for date in store.dates_in_span(doc, low, high):
            digits = set(re.findall(r"\d+", date.text))
            if digits and digits <= given:
                continue  # the date the question itself gives
            quality = _PRECISION.get(date.precision, 0.5) * (0.6 if date.inferred else 1.0)  # "three days later"
            wanted.append((date.start, date.end, quality, f"date: {date.text}"))
    elif kind == "how many":
        for figure in store.figures_in_span(doc, low, high):
            if set(re.findall(r"\d+", figure.text)) & given:
                continue
            about = (figure.counted or "").lower()
            tied = any(t.pattern.search(about) for t in terms if not t.entity)
            wanted.append((figure.start, figure.end, 1.0 if tied else 0.8, f"figure: {figure.text}"))
    elif kind == "who":
        wanted = [(m.start, m.end, 1.0, f"person: {m.entity}") for m in names if m.type == "person" and m.entity not in asked]
    elif kind == "where":
        kinds = {"place": 1.0, "org": 0.6}
        wanted = [(m.start, m.end, kinds[m.type], f"{m.type}: {m.entity}") for m in names if m.type in kinds and m.entity not in asked]
    return wanted


def score_sentence(
    sentence: Sentence, beside: list[Sentence], kind: str, terms: list[Term],
    wanted: list[tuple[int, int, float, str]], rivals: list[int],
) -> tuple[float, list[str]] | None:
    """The sentence's score and evidence, or None if it does not answer the question."""
    total = sum(t.weight for t in terms) or 1.0
    presence = [max([p] + [0.5 * b.presence[i] for b in beside]) for i, p in enumerate(sentence.presence)]
    unsaid = any(t.predicate for t in terms) and not any(p >= 0.5 for t, p in zip(terms, presence) if t.predicate)
    coverage = sum(t.weight * p for t, p in zip(terms, presence)) / total
    evidence = []
    words = [t.label for t, p in zip(terms, sentence.presence) if p >= 1.0]
    if words:
        evidence.append("words: " + ", ".join(words))
    around = [t.label for t, p, own in zip(terms, presence, sentence.presence) if 0 < p and own < 1.0]
    if around:
        evidence.append("named around it: " + ", ".join(around))
    answer: tuple[int, int, float, str] | None = None
    own = [r for r in rivals if sentence.start <= r < sentence.end]
    if kind == "why":
        for pattern, quality in _REASONS:
            cue = pattern.search(sentence.text)
            if cue:
                answer = (sentence.start + cue.start(), sentence.start + cue.end(), quality, f"reason: {cue.group(0)}")
                break
    elif kind != "what":
        inside = [w for w in wanted if w[0] >= sentence.start and w[1] <= sentence.end]
        if inside:
            answer = max(inside, key=lambda w: _tied(w, sentence, own, kind))
    # A reason no word marks ("In a road accident he injured ...") still answers "why": a cue only
    # adds to the score. Other types need an answer of their type in the sentence.
    if coverage < MIN_COVERAGE or (kind not in ("what", "why") and answer is None):
        return None
    if unsaid and coverage < UNSAID_COVERAGE:
        return None  # it does not say what the question asks about (died, signed, headed ...)
    score = 4.0 * coverage - (UNSAID_PENALTY if unsaid else 0.0)
    if answer is not None:
        score += _tied(answer, sentence, own, kind)
        evidence.append(answer[3])
        verb = sentence.predicates
        if kind != "who" and sentence.subjects and _distance(verb, own) < _distance(verb, sentence.subjects):
            score -= 0.5  # the verb belongs to someone else: "When Lenin died in 1924, Stalin ..."
    length = len(WORD.findall(sentence.text))
    return score / (1.0 + max(0, length - 40) / 80), evidence


def _tied(answer: tuple[int, int, float, str], sentence: Sentence, rivals: list[int], kind: str) -> float:
    """How good an answer is and how closely it is tied to the question's terms: a date or figure
    standing nearer another person than the question's names is likely to be about that person."""
    value = 2.0 * answer[2] + _near(answer, sentence.predicates or sentence.places)
    others = [r for r in rivals if not answer[0] <= r < answer[1]]
    span = [answer[0], answer[1]]
    if kind in ("when", "how many") and others and _distance(span, others) < _distance(span, sentence.subjects):
        value -= 0.75
    return value


def _distance(a: list[int], b: list[int]) -> float:
    return min((abs(x - y) for x in a for y in b), default=math.inf)


def _near(answer: tuple[int, int, float, str], places: list[int]) -> float:
    """1 when the answer stands beside the question's terms, falling off with the distance."""
    if not places:
        return 0.0
    distance = min(0 if answer[0] <= p < answer[1] else min(abs(p - answer[0]), abs(p - answer[1])) for p in places)
    return 1.0 / (1.0 + distance / 40)

