"""Answers quoted from the sources: the sentences that best answer a question, verbatim, cited.

A question's type (who, when, where, how many, why, what) says what an answer must hold: a when-
question wants a sentence with a resolved date, a how-many question a figure, a where-question a
place, a who-question a person. Candidate sentences come from a search for the question's names
(expanded to all their forms) and words; each is scored by how much of the question it covers, whether
it names the question's subject, and whether it holds an answer of the wanted type. Nothing is
paraphrased; where no sentence answers, the answer list is empty."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from chronika.finding import Expansion, phrase, expand
from chronika.store import Store
from chronika.views.citations import Citer

CANDIDATES = 40  # passages searched for answer sentences
_TYPES = [
    ("how many", re.compile(r"^\s*(how\s+(many|much)|what\s+(number|share|percentage|proportion))\b", re.I)),
    ("when", re.compile(r"^\s*(when|in\s+what\s+year|what\s+year|on\s+what\s+(day|date)|what\s+date)\b", re.I)),
    ("where", re.compile(r"^\s*(where|in\s+what\s+(city|town|place|country|region))\b", re.I)),
    ("who", re.compile(r"^\s*(who|whom|whose)\b", re.I)),
    ("why", re.compile(r"^\s*why\b", re.I)),
]
_BECAUSE = re.compile(r"\b(because|since|due to|in order to|as a result|so that|the reason|owing to|for fear)\b", re.I)
_STOP = set(
    "a an the of in on at to for from by with and or not is are was were be been being do does did has have had "
    "what which who whom whose when where why how many much that this these those it its his her their there "
    "as into about after before during since than then so such any all some most more other".split()
)


@dataclass(frozen=True)
class Answer:
    text: str
    score: float
    citation: dict[str, Any]
    evidence: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "score": round(self.score, 3), "citation": self.citation, "evidence": list(self.evidence)}


def question_type(question: str) -> str:
    for kind, pattern in _TYPES:
        if pattern.search(question):
            return kind
    return "what"


def ask(store: Store, question: str, limit: int = 5) -> dict[str, Any]:
    """`ask --json`: the best answer sentences, verbatim with citations, best first."""
    kind = question_type(question)
    _, expansions = expand(store, _searchable(question))
    subjects = {e.entity for e in expansions if e.entity}
    keywords = _keywords(question, expansions)
    passages = _candidates(store, expansions, keywords)
    citer = Citer(store)
    answers: dict[tuple[int, int], Answer] = {}
    for doc, n in passages:
        for start, end in store.db.execute(
            'SELECT start, "end" FROM sentences WHERE document_id = ? AND passage = ?', (doc, n)
        ).fetchall():
            found = _score(store, citer, doc, start, end, kind, subjects, keywords)
            if found is not None:
                answers[(doc, start)] = found
    best = sorted(answers.values(), key=lambda a: (-a.score, a.citation["document"], a.citation["start"]))[:limit]
    return {
        "question": question,
        "type": kind,
        "answers": [a.to_json() for a in best],
        "expansions": [e.to_json() for e in expansions],
        "note": None if best else "No sentence in the sources answers this question.",
    }


def _searchable(question: str) -> str:
    """The question as a search: its words, without question marks and FTS syntax."""
    return " ".join(w for w in re.findall(r"[\w'-]+", question) if w.upper() not in ("AND", "OR", "NOT", "NEAR"))


def _keywords(question: str, expansions: list[Expansion]) -> list[str]:
    named = {w.lower() for e in expansions for w in re.findall(r"\w+", e.term)}
    words = [w.lower() for w in re.findall(r"\w+", question)]
    return [w for w in words if w not in _STOP and w not in named and len(w) > 2 and not w.isdigit()]


def _candidates(store: Store, expansions: list[Expansion], keywords: list[str]) -> list[tuple[int, int]]:
    """Passages holding the question's names and words: first those holding all of them, then
    those holding any."""
    groups = ["(" + " OR ".join(phrase(f) for f in e.forms) + ")" for e in expansions if e.forms]
    groups += [_stem_query(k) for k in keywords]
    if not groups:
        return []
    seen: list[tuple[int, int]] = []
    for expression in (" AND ".join(groups), " OR ".join(groups)):
        for hit in store.search_fts(expression, CANDIDATES):
            key = (int(hit.document[1:]), hit.passage)
            if key not in seen:
                seen.append(key)
    return seen


def _stem_query(word: str) -> str:
    return '"' + _stem(word) + '"*'


def _stem(word: str) -> str:
    return word[:6] if len(word) > 6 else word


def _score(
    store: Store, citer: Citer, doc: int, start: int, end: int, kind: str, subjects: set[str], keywords: list[str]
) -> Answer | None:
    text = citer.text(doc)[start:end]
    lower = text.lower()
    covered = [k for k in keywords if re.search(r"\b" + re.escape(_stem(k)), lower)]
    names = store.db.execute(
        'SELECT m.entity_id, e.type FROM name_mentions m JOIN entities e ON e.id = m.entity_id'
        ' WHERE m.document_id = ? AND m.start >= ? AND m."end" <= ?',
        (doc, start, end),
    ).fetchall()
    named = {row[0] for row in names}
    evidence: list[str] = []
    score = 2.0 * (len(covered) / len(keywords) if keywords else 0.0)
    if covered:
        evidence.append("words: " + ", ".join(covered))
    if subjects & named:
        score += 2.0
        evidence.append("names the subject")
    elif subjects:
        score -= 1.0
    typed = _typed(store, doc, start, end, kind, names, subjects, text)
    if typed:
        score += 2.0
        evidence.append(typed)
    elif kind in ("when", "how many", "where", "who", "why"):
        return None
    if score < 2.0 or not (covered or subjects & named):
        return None
    return Answer(text, score, citer.cite(doc, start, end), tuple(evidence))


def _typed(
    store: Store, doc: int, start: int, end: int, kind: str, names: list[Any], subjects: set[str], text: str
) -> str | None:
    """The answer of the wanted type the sentence holds, described, or None."""
    if kind == "when":
        found = store.db.execute(
            "SELECT text FROM time_mentions WHERE document_id = ? AND start >= ? AND \"end\" <= ? AND type = 'DATE'"
            " AND date_start IS NOT NULL",
            (doc, start, end),
        ).fetchone()
        return f"date: {found[0]}" if found else None
    if kind == "how many":
        found = store.db.execute(
            'SELECT text FROM figure_mentions WHERE document_id = ? AND start >= ? AND "end" <= ?', (doc, start, end)
        ).fetchone()
        return f"figure: {found[0]}" if found else None
    if kind in ("where", "who"):
        wanted = "place" if kind == "where" else "person"
        others = [row[0] for row in names if row[1] == wanted and row[0] not in subjects]
        return f"{wanted}: {others[0]}" if others else None
    if kind == "why":
        found_because = _BECAUSE.search(text)
        return f"reason: {found_because.group(0)}" if found_because else None
    return None
