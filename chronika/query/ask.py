"""Answers quoted from the sources: the sentences that best answer a question, verbatim, cited.

A question is read as its type (who, when, where, how many, why, what) and its terms: the names in
it (each the entity it stands for, with all its names), its numbers, and its other words (stemmed;
a verb widened to the words that answer it: "shot" also finds "executed", "headed" also "led").
Each term weighs by its rarity. Candidate passages come from full-text searches for all the terms
together, then all but one, then each alone (one word the sources put otherwise must not lose the
answer), and from documents titled after a name of the question (they say "he" for it); the pool
is ranked by a BM25 of the question's terms and the best passages' sentences are scored: how much
of the question's weight a sentence covers (a name it does not repeat counts in part when "he"
follows it, when its passage or its document's title gives it), whether it says the question's
verb, whether it holds an answer of the wanted type (a resolved date, a figure, a place or person
other than those asked about, a reason), how precise that answer is, and how closely it is tied to
the question's terms rather than to another person. Nothing is paraphrased; a sentence covering
less than half the question is no answer, and where none answers, the answer list is empty.

The question is read in `ask_question`, candidates found in `ask_candidates`, sentences scored in
`ask_scoring`; this module assembles the answers."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from typing import Any

from chronika.query.ask_candidates import candidates
from chronika.query.ask_question import (Term, question_names, question_terms, question_type, teller, teller_stems,
                                        weighed)
from chronika.query.ask_scoring import Sentence, read_sentences, score_sentence, unnamed_places, wanted_answers
from chronika.query.search import bounded
from chronika.records.search import Hit
from chronika.records.tokens import tokens
from chronika.store import Store

__all__ = ["Answer", "ask", "question_type"]

TOLD_BY = 1.0  # an answer from the source a question names ("according to X") ranks before others


@dataclass(frozen=True)
class Answer:
    text: str
    score: float
    citation: dict[str, Any]
    evidence: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "score": round(self.score, 3), "citation": self.citation,
                "evidence": list(self.evidence)}


def ask(store: Store, question: str, limit: int = 5) -> dict[str, Any]:
    """`ask --json`: the best answer sentences, verbatim with citations, best first."""
    bounded(question, "question")
    asked, source = teller(question)
    kind = question_type(asked)
    expansions = question_names(store, asked)
    terms = weighed(store, question_terms(asked, expansions))
    given = set(re.findall(r"\d+", asked))
    scored: dict[tuple[str, int], Answer] = {}
    stems = teller_stems(source) if source is not None else ()
    for hit in candidates(store, terms):
        for found in _answers(store, hit, kind, terms, given):
            if source is not None:
                found = _as_told(found, hit, source, stems)
            scored[(found.citation["document"], found.citation["start"])] = found
    best = sorted(scored.values(), key=lambda a: (-a.score, a.citation["document"], a.citation["start"]))[:limit]
    return {
        "question": question,
        "type": kind,
        "answers": [a.to_json() for a in best],
        "expansions": [e.to_json() for e in expansions],
        "note": None if best else "No sentence in the sources answers this question.",
    }


def _answers(store: Store, hit: Hit, kind: str, terms: list[Term], given: set[str]) -> list[Answer]:
    """The sentences of a passage that answer the question, scored."""
    doc = int(hit.document[1:])
    low, high = hit.start, hit.end
    names = store.names_in_span(doc, low, high)
    asked = {t.entity for t in terms if t.entity is not None}
    rivals = [m.start for m in names if m.type == "person" and m.entity not in asked]
    wanted = wanted_answers(store, doc, low, high, kind, terms, names, asked, given)
    if kind == "where":
        wanted += unnamed_places(hit.text, low)
    sentences = read_sentences(store, hit, doc, terms, names)
    found: list[Answer] = []
    for i, sentence in enumerate(sentences):
        beside = [sentences[j] for j in (i - 1, i + 1) if 0 <= j < len(sentences)]
        scored = score_sentence(sentence, beside, kind, terms, wanted, rivals)
        if scored is not None:
            score, evidence = scored
            found.append(Answer(sentence.text, score, _cite(hit, doc, sentence), tuple(evidence)))
    return found


def _as_told(answer: Answer, hit: Hit, source: str, stems: tuple[str, ...]) -> Answer:
    """An answer weighed by whether it comes from the source the question names: its document's
    title, file name or passage shows every stem of the source's name (`stems`), words run
    together as a file name runs them ("The Moscow Times": ".../moscowtimes_stalin_bust.html").
    An answer from elsewhere is kept and says so."""
    shown = "".join(tokens(" ".join((hit.title or "", os.path.basename(hit.source or ""), hit.text))))
    if stems and all("".join(tokens(stem)) in shown for stem in stems):
        return replace(answer, score=answer.score + TOLD_BY, evidence=(*answer.evidence, f"told by: {source}"))
    return replace(answer, evidence=(*answer.evidence, f"not found to be told by: {source}"))


def _cite(hit: Hit, doc: int, sentence: Sentence) -> dict[str, Any]:
    cited: dict[str, Any] = {
        "document": f"d{doc}", "title": hit.title, "source": hit.source, "passage": hit.passage,
        "start": sentence.start, "end": sentence.end, "quote": sentence.text,
    }
    if hit.page is not None:
        cited["page"] = hit.page
    return cited
