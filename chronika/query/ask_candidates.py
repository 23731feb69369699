"""Candidate passages for `ask`: full-text searches for all the question's terms together, then all
but one, then each alone, and the passages of documents titled after a name of the question; the
pool ranked by a BM25 of the question's terms as ask weighs them."""

from __future__ import annotations

from dataclasses import replace

from chronika.query.ask_question import NONWORD, Term
from chronika.query.ranking import weight
from chronika.records.expression import Query, all_of, any_of
from chronika.records.search import Hit
from chronika.store import Store

CANDIDATES = 50  # passages whose sentences are scored, the best of the pool
POOL = 400  # passages found, after which no further search is made
SEARCH_CAP = 500  # a search matching more passages than this is too broad to take
TITLED = 5  # documents titled after a name of the question, searched for its other words
TITLED_PASSAGES = 3  # of each one's passages, the best scored besides the CANDIDATES
PASSAGE_CHARS = 600  # the length BM25 takes a passage to have on average, in characters


def candidates(store: Store, terms: list[Term]) -> list[Hit]:
    """Passages holding the question's terms: those holding all of them, then all but one (the
    least weighty left out first), then each alone, and the passages of documents titled after a
    name of the question that hold its other words. A search matching more than SEARCH_CAP passages
    is passed over while narrower ones find some. The pool is ranked by how much of the question
    each passage holds, weighted (a BM25 of the question's terms as ask weighs them), and the best
    CANDIDATES kept. FTS5's own ranking is not used: it reads every match's positions (on 100k
    passages a six-word AND matching ten of them took 67 ms ranked, 27 ms unranked)."""
    usable = [t for t in terms if t.searchable]
    if not usable:
        return []
    searches: list[list[Term]] = [usable]
    if len(usable) > 2:
        searches += [usable[:i] + usable[i + 1 :] for i in range(len(usable) - 1, -1, -1)]
    if len(usable) > 1:
        searches += [[t] for t in usable]
    pool: dict[int, None] = {}
    broad: Query | None = None
    for group in searches:
        match = all_of([t.match for t in group])
        found = store.passages_matching(match, SEARCH_CAP + 1)
        if len(found) > SEARCH_CAP:
            broad = broad or match
            continue
        pool.update(dict.fromkeys(found))
        if len(pool) >= POOL:
            break
    words = [t for t in usable if not t.entity]
    titled: list[Hit] = []
    for doc in _titled(store, [t for t in usable if t.entity]) if words else []:
        found = store.best_passages(any_of([t.match for t in words]), 4 * TITLED_PASSAGES, doc)
        titled += _ranked(store, found, terms)[:TITLED_PASSAGES]
    if not pool and not titled and broad is not None:
        pool.update(dict.fromkeys(store.best_passages(broad, CANDIDATES)))
    best = _ranked(store, list(pool), terms)[:CANDIDATES]
    kept = {(h.document, h.passage) for h in best}
    return best + [h for h in titled if (h.document, h.passage) not in kept]


def _titled(store: Store, names: list[Term]) -> list[int]:
    """Documents whose title names one of the question's names: they speak of it by "he" and "it"
    too, so their passages are searched for the question's other words alone."""
    if not names:
        return []
    found = []
    for titled in store.document_titles():
        if any(t.pattern.search(titled.title.lower()) for t in names):
            found.append(titled.document)
    return found[:TITLED]


def _ranked(store: Store, rowids: list[int], terms: list[Term]) -> list[Hit]:
    """The passages, best first by a BM25 of the question's terms (weights as ask gives them)."""
    hits = []
    for i in range(0, len(rowids), 500):
        for hit in store.passage_hits(dict.fromkeys(rowids[i : i + 500], 0.0)).values():
            spaced = " " + NONWORD.sub(" ", hit.text.lower()) + " "
            score = 0.0
            for term in terms:
                f = sum(spaced.count(key) for key in term.keys)
                score += term.weight * weight(f, len(spaced), PASSAGE_CHARS)
            hits.append(replace(hit, score=round(score, 4)))
    return sorted(hits, key=lambda h: (-h.score, h.document, h.passage))

