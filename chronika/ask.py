"""Answers quoted from the sources: the sentences that best answer a question, verbatim, cited.

A question is read as its type (who, when, where, how many, why, what) and its terms: the names in
it (expanded through the entity index to all their forms) and its other words (stemmed, and a verb
widened to the words that answer it: "shot" also finds "executed", "headed" also "led"). Candidate
passages come from full-text searches for all the terms together, then for all but one of them, so
that one word the sources put differently does not lose the answer; a search matching too many
passages to rank quickly is skipped for a narrower one. Every sentence of those passages is scored:
how much of the question it covers (each term weighted by how rare it is; a name the sentence does
not repeat counts in part when its passage or document names it), whether it holds an answer of the
wanted type (a resolved date, a figure, a place or person other than those asked about, a reason),
how precise that answer is and how close it stands to the question's terms. Nothing is paraphrased;
where no sentence answers, the answer list is empty."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from chronika.finding import Expansion, expand, phrase
from chronika.search import Hit
from chronika.store import Store

CANDIDATES = 40  # passages taken from each search, best first
ENOUGH = 80  # passages after which no further search is made
RANK_CAP = 2000  # a search matching more passages than this is not ranked (ranking costs per match)
DF_CAP = 5000  # passage counts are taken up to this (rarer terms weigh more)
MIN_COVERAGE = 0.45  # share of the question's weight a sentence must cover to answer it
_TYPES = [
    ("how many", re.compile(r"^\s*(how\s+(many|much)|what\s+(number|share|percentage|proportion|fraction)|сколько)\b", re.I)),
    ("when", re.compile(r"^\s*(when|in\s+(what|which)\s+year|(what|which)\s+year|on\s+what\s+(day|date)|what\s+date|когда|в\s+каком\s+году)\b", re.I)),
    ("where", re.compile(r"^\s*(where|in\s+(what|which)\s+(city|town|place|country|region|village)|где|куда|откуда)\b", re.I)),
    ("who", re.compile(r"^\s*(who|whom|whose|кто|кого|кому|кем)\b", re.I)),
    ("why", re.compile(r"^\s*(why|for\s+what\s+reason|почему|зачем)\b", re.I)),
]
# Words that say why, and how surely.
_REASONS = [
    (re.compile(r"\b(because|due to|owing to|for (this|that|the) reason|the reasons?\b|in order to|so as to|so that|for fear"
                r"|for lack of|as a result|explained why|explains why|caused by|motive|потому что|из-за|поэтому|чтобы)", re.I), 1.0),
    (re.compile(r"\b(drives?|driven|drove|to hide|to ensure|aimed at|led to|given that|thus|therefore|hence|pretext"
                r"|since (?![\d]|then|the (early|late|mid|end|beginning)))", re.I), 0.7),
]
# A question's verb and the words that answer it (stems, matched at the start of a word).
_RELATED = [
    "die died dies death dead perish killed shot execut murder assassin умер смерт погиб расстрел казн",
    "shot shoot execut firing расстрел казн",
    "kill murder assassin shot slain убит убий",
    "born birth родил",
    "arrest seized detain арест",
    "head led lead chief chair presid direct руковод возглав",
    "replac succeed вместо",
    "sign подпис",
    "wrote write written writing author letter",
    "appoint became become elected назнач стал",
    "sentenc condemn приговор",
    "rehabilit cleared exonerat реабилит",
    "met meet acquaint встреч",
    "began begin start open",
    "call named known прозва",
    "publish issu adopt statement released",
    "visit trip travel arriv",
    "crash accident",
    "said say speak spoke speech told",
    "admit acknowledg recogni",
    "plane aircraft",
    "flee fled escap",
    "exile deport banish ссыл",
]
_STOP = set(
    "a an the of in on at to for from by with and or not is are was were be been being do does did has have had "
    "what which who whom whose when where why how many much that this these those it its his her their there "
    "as into about after before during since than then so such any all some most more other first last "
    "за из от до по при для без над под через как что кто где когда почему зачем сколько ли же это этот эта "
    "был была было были быть его её их он она они в во на и с со к ко о об у".split()
)
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_PRECISION = {"day": 1.0, "month": 0.85, "season": 0.75, "year": 0.7, "decade": 0.4, "century": 0.3}


@dataclass(frozen=True)
class Answer:
    text: str
    score: float
    citation: dict[str, Any]
    evidence: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "score": round(self.score, 3), "citation": self.citation, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class _Term:
    """One thing the question asks about: a name (an entity, with its forms) or a word (its stems)."""

    label: str
    match: str  # the FTS5 expression that finds it
    stems: tuple[str, ...] = ()  # lower-case word starts that show it in a sentence
    forms: tuple[str, ...] = ()  # a name's forms, lower-case
    entity: str | None = None
    weight: float = 1.0


def question_type(question: str) -> str:
    for kind, pattern in _TYPES:
        if pattern.search(question):
            return kind
    return "what"


def ask(store: Store, question: str, limit: int = 5) -> dict[str, Any]:
    """`ask --json`: the best answer sentences, verbatim with citations, best first."""
    kind = question_type(question)
    searchable = _searchable(question)
    expansions = expand(store, searchable)[1] if searchable else []
    terms = _weighed(store, _terms(question, expansions))
    given = set(re.findall(r"\d+", question))
    scored: dict[tuple[str, int], Answer] = {}
    for hit in _candidates(store, terms):
        for found in _answers(store, hit, kind, terms, given):
            scored[(found.citation["document"], found.citation["start"])] = found
    best = sorted(scored.values(), key=lambda a: (-a.score, a.citation["document"], a.citation["start"]))[:limit]
    return {
        "question": question,
        "type": kind,
        "answers": [a.to_json() for a in best],
        "expansions": [e.to_json() for e in expansions],
        "note": None if best else "No sentence in the sources answers this question.",
    }


# -- reading the question ------------------------------------------------------------------------


def _searchable(question: str) -> str:
    """The question as a search: its words, without question marks and FTS syntax."""
    return " ".join(w for w in re.findall(r"[\w'-]+", question) if w.upper() not in ("AND", "OR", "NOT", "NEAR"))


def _stem(word: str) -> str:
    """A word's start that its other forms share ("killings" -> "kill", "арестован" -> "арестов")."""
    word = re.sub(r"['’]s$", "", word.lower())
    if re.search(r"[а-яё]", word):
        return word[: max(4, len(word) - 2)]
    for suffix in ("ations", "ation", "tion", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("t" if suffix == "tion" else "")
    return word


def _related(word: str) -> tuple[str, ...]:
    """The stems that answer a question's word: its own, and those of every word family it is in."""
    stems = {_stem(word)}
    lower = word.lower()
    for family in _RELATED:
        members = family.split()
        if any(lower.startswith(m) for m in members):
            stems.update(members)
    return tuple(sorted(stems))


def _terms(question: str, expansions: list[Expansion]) -> list[_Term]:
    terms = [
        _Term(e.term, "(" + " OR ".join(phrase(f) for f in e.forms) + ")", forms=tuple(sorted({f.lower() for f in e.forms})),
              entity=e.entity)
        for e in expansions if e.entity and e.forms
    ]
    named = {w.lower() for t in terms for w in _WORD.findall(t.label)}
    seen: set[str] = set()
    for word in _WORD.findall(question):
        lower = word.lower()
        if lower in _STOP or lower in named or len(lower) < 3 or lower.isdigit() or lower in seen:
            continue
        seen.add(lower)
        stems = _related(word)
        terms.append(_Term(word, "(" + " OR ".join(f'"{s}"*' for s in stems) + ")", stems=stems))
    return terms


def _weighed(store: Store, terms: list[_Term]) -> list[_Term]:
    """Each term weighted by its rarity (inverse passage frequency, counted up to DF_CAP); terms
    no passage holds are dropped (they cannot be matched, and make no sentence an answer)."""
    if not terms:
        return []
    total = max(1, store.db.execute("SELECT max(id) FROM passages").fetchone()[0] or 1)
    weighed = []
    for term in terms:
        df = _count(store, term.match, DF_CAP)
        weight = math.log(1 + total / max(df, 1))
        weighed.append(_Term(term.label, term.match, term.stems, term.forms, term.entity, weight if df else 0.0))
    return sorted(weighed, key=lambda t: -t.weight)


def _count(store: Store, match: str, cap: int) -> int:
    row = store.db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)", (match, cap)
    ).fetchone()
    return int(row[0])


# -- finding candidate passages ------------------------------------------------------------------


def _candidates(store: Store, terms: list[_Term]) -> list[Hit]:
    """Passages holding the question's terms: all of them, then all but one (the least weighty
    left out first), then the weightiest alone; a search that matches more than RANK_CAP passages
    is passed over while a narrower one remains."""
    usable = [t for t in terms if t.weight > 0]
    if not usable:
        return []
    searches: list[list[_Term]] = [usable]
    if len(usable) > 2:
        searches += [usable[:i] + usable[i + 1 :] for i in range(len(usable) - 1, -1, -1)]
    if len(usable) > 1:
        searches += [[t] for t in usable]
    hits: dict[tuple[str, int], Hit] = {}
    broad: str | None = None
    for group in searches:
        match = " AND ".join(t.match for t in group)
        n = _count(store, match, RANK_CAP + 1)
        if n == 0:
            continue
        if n > RANK_CAP:
            broad = broad or match
            continue
        for hit in store.search_fts(match, CANDIDATES):
            hits.setdefault((hit.document, hit.passage), hit)
        if len(hits) >= ENOUGH:
            break
    if not hits and broad is not None:
        for hit in store.search_fts(broad, CANDIDATES):
            hits.setdefault((hit.document, hit.passage), hit)
    return list(hits.values())


# -- scoring sentences ---------------------------------------------------------------------------


def _answers(store: Store, hit: Hit, kind: str, terms: list[_Term], given: set[str]) -> list[Answer]:
    """The sentences of a passage that answer the question, scored."""
    doc = int(hit.document[1:])
    low, high = hit.start, hit.end
    sentences = store.db.execute(
        'SELECT start, "end" FROM sentences WHERE document_id = ? AND passage = ? ORDER BY n', (doc, hit.passage)
    ).fetchall()
    names = store.db.execute(
        'SELECT m.start, m."end", m.entity_id, e.type FROM name_mentions m LEFT JOIN entities e ON e.id = m.entity_id'
        " WHERE m.document_id = ? AND m.start >= ? AND m.start < ?",
        (doc, low, high),
    ).fetchall()
    wanted: list[tuple[int, int, float, str]] = []  # (start, end, quality, description) of typed answers
    if kind == "when":
        for start, end, text, precision, inferred in store.db.execute(
            'SELECT start, "end", text, precision, inferred FROM time_mentions WHERE document_id = ? AND start >= ?'
            " AND start < ? AND type = 'DATE' AND date_start IS NOT NULL",
            (doc, low, high),
        ):
            if set(re.findall(r"\d+", text)) & given and not set(re.findall(r"\d+", text)) - given:
                continue  # the date the question itself gives
            quality = _PRECISION.get(precision, 0.5) * (0.8 if inferred else 1.0)
            wanted.append((start, end, quality, f"date: {text}"))
    elif kind == "how many":
        words = {s for t in terms for s in t.stems} | {f for t in terms for f in t.forms}
        for start, end, text, counted in store.db.execute(
            'SELECT start, "end", text, counted FROM figure_mentions WHERE document_id = ? AND start >= ? AND start < ?',
            (doc, low, high),
        ):
            if set(re.findall(r"\d+", text)) & given:
                continue
            about = (counted or text).lower()
            tied = any(re.search(r"\b" + re.escape(w), about) for w in words)
            wanted.append((start, end, 1.0 if tied else 0.75, f"figure: {text}"))
    elif kind in ("who", "where"):
        entity_type = "person" if kind == "who" else "place"
        asked = {t.entity for t in terms if t.entity}
        for start, end, entity, typ in names:
            if typ == entity_type and entity not in asked:
                wanted.append((start, end, 1.0, f"{entity_type}: {entity}"))
    text_of = hit.text
    found: list[Answer] = []
    previous = 0.0
    for s_start, s_end in sentences:
        text = text_of[s_start - low : s_end - low]
        scored = _score(text, s_start, s_end, kind, terms, names, wanted, hit, previous)
        previous = scored[1]
        if scored[0] is not None:
            score, evidence = scored[0]
            found.append(Answer(text, score, _cite(hit, doc, s_start, s_end, text), tuple(evidence)))
    return found


def _score(
    text: str, start: int, end: int, kind: str, terms: list[_Term], names: list[Any],
    wanted: list[tuple[int, int, float, str]], hit: Hit, previous: float,
) -> tuple[tuple[float, list[str]] | None, float]:
    """(score and evidence, or None if the sentence does not answer; the sentence's coverage)."""
    lower = text.lower()
    total = sum(t.weight for t in terms) or 1.0
    covered = 0.0
    places: list[int] = []  # where the question's terms stand in the document
    words: list[str] = []
    subject = ""
    for term in terms:
        presence, at = _presence(term, lower, start, end, names, hit)
        covered += term.weight * presence
        places += at
        if presence >= 1.0:
            words.append(term.label)
        elif presence > 0:
            subject = subject or f"{term.label} named in the {'passage' if presence > 0.55 else 'document'}"
    coverage = covered / total
    evidence = ["words: " + ", ".join(words)] if words else []
    if subject:
        evidence.append(subject)
    answer: tuple[int, int, float, str] | None = None
    if kind == "why":
        for pattern, quality in _REASONS:
            cue = pattern.search(text)
            if cue:
                answer = (start + cue.start(), start + cue.end(), quality, f"reason: {cue.group(0)}")
                break
        if answer is not None and previous * 0.8 > coverage:
            coverage = previous * 0.8  # an explanation often follows what it explains
            evidence.append("follows a sentence on the question")
    elif kind != "what":
        inside = [w for w in wanted if w[0] >= start and w[1] <= end]
        if inside:
            answer = max(inside, key=lambda w: w[2] + _near(w, places))
    if coverage < MIN_COVERAGE or (kind != "what" and answer is None):
        return None, coverage
    score = 4.0 * coverage
    if answer is not None:
        score += 2.0 * answer[2] + _near(answer, places)
        evidence.append(answer[3])
    length = len(_WORD.findall(text))
    score /= 1.0 + max(0, length - 40) / 80
    return (score, evidence), coverage


def _presence(term: _Term, lower: str, start: int, end: int, names: list[Any], hit: Hit) -> tuple[float, list[int]]:
    """How surely a sentence speaks of a term (1 it names it; less when only its passage or
    document's title does), and where in the document it names it."""
    if term.entity:
        at = [m[0] for m in names if m[2] == term.entity and start <= m[0] < end]
        if at or any(_has(lower, f) for f in term.forms):
            return 1.0, at
        if any(_has(hit.text.lower(), f) for f in term.forms) or any(m[2] == term.entity for m in names):
            return 0.6, []
        if any(_has(hit.title.lower(), f) for f in term.forms):
            return 0.5, []
        return 0.0, []
    at = [start + m.start() for s in term.stems for m in re.finditer(r"\b" + re.escape(s), lower)]
    return (1.0, at) if at else (0.0, [])


def _has(lower: str, form: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", lower) is not None


def _near(answer: tuple[int, int, float, str], places: list[int]) -> float:
    """1 when the answer stands beside the question's terms, falling off with the distance."""
    if not places:
        return 0.0
    distance = min(0 if answer[0] <= p < answer[1] else min(abs(p - answer[0]), abs(p - answer[1])) for p in places)
    return 1.0 / (1.0 + distance / 40)


def _cite(hit: Hit, doc: int, start: int, end: int, text: str) -> dict[str, Any]:
    cited: dict[str, Any] = {
        "document": f"d{doc}", "title": hit.title, "source": hit.source, "passage": hit.passage,
        "start": start, "end": end, "quote": text,
    }
    if hit.page is not None:
        cited["page"] = hit.page
    return cited
