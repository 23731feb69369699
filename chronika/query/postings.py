"""Ranking from postings: every passage holding a frequent word with how often it holds it, and
every passage's length. With them an expression of words is ranked exactly, as FTS5 would, in numpy.

The champion lists (`query/champions.py`) rank one common word, or an OR of them, from the passages
where each weighs most. They cannot rank an AND of common words seldom found together ("Kirov AND
Leningrad": 56,000 and 40,000 passages of a million, 3,000 together): its best passages need not
be any word's best. FTS5 can, but it scores every passage that matches, about 6 µs each. From the
postings the matching passages are an intersection of sorted arrays, and each one's BM25 is its
hits, its length and the words' rarity: a few milliseconds whatever the number of matches.

Kept for words in `FREQUENT` passages or more, built and merged with the champion lists; rare words
and phrases come from FTS5, which lists them quickly. An expression whose score is not a sum over
the leaves it holds (an OR of ANDs, where FTS5 counts only the branches that match), or that has a
phrase of common words, is left to the champion lists or to FTS5."""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

import numpy as np

from chronika.query.champions import Ranked
from chronika.query.leaf_stats import LeafStats
from chronika.query.ranking import disjunction, highlights, leaves
from chronika.query.ranking import weights as bm25_weights
from chronika.records.expression import Leaf, Query
from chronika.store import Store

EXACT_COST = 300_000  # postings read at most to rank an expression of words exactly

_LENGTHS: WeakKeyDictionary[Store, tuple[str, np.ndarray | None]] = WeakKeyDictionary()


@dataclass
class Scored:
    """Passages (ascending ids) and what a leaf adds to each one's score."""

    ids: np.ndarray
    scores: np.ndarray


def additive(query: Query) -> bool:
    """Whether a matching passage's score is the sum over the scoring leaves it holds: leaves and
    ORs of leaves joined by AND, each side of a NOT alike (its right side scores nothing)."""
    if isinstance(query, Leaf):
        return True
    if query.op == "OR":
        return all(isinstance(c, Leaf) or (c.op == "OR" and additive(c)) for c in query.children)
    if query.op == "AND":
        return all(additive(c) for c in query.children)
    return additive(query.children[0])


def exactly(store: Store, tree: Query, stats: LeafStats, limit: int) -> Ranked | None:
    """The best passages of an additive expression from the postings of its frequent words and
    FTS5's passages of its rare leaves, exactly; None when a leaf is a phrase of common words,
    when every leaf is rare (FTS5 ranks those quickly itself), or when the postings to read
    are more than `EXACT_COST` (the champion lists are quicker)."""
    every = set(leaves(tree, positive=False))
    words = {leaf for leaf in every if not stats.rare(leaf)}
    if not words or any(leaf.prefix or len(leaf.words) > 1 for leaf in words):
        return None
    if stats.postings(tree) > EXACT_COST or (lengths := _lengths(store, stats.state)) is None:
        return None
    found: dict[Leaf, Scored] = {}
    for leaf in every:
        if leaf not in words:
            found[leaf] = Scored(*store.fts_scored(leaf))
        elif (posted := store.postings_of(leaf.words[0])) is not None:
            ids, hits = posted
            found[leaf] = Scored(ids, stats.idf(leaf) * bm25_weights(
                hits.astype(np.float64), lengths[ids].astype(np.float64), stats.average))
        else:
            return None
    if any(len(s.ids) and s.ids[-1] >= len(lengths) for s in found.values()):
        return None  # a passage added since the lengths were written
    ranked, scores = best(tree, found, len(lengths), limit)
    texts = store.passage_texts(ranked)
    kept = [(pid, score) for pid, score in zip(ranked, scores) if pid in texts]
    return Ranked([p for p, _ in kept], [s for _, s in kept], [highlights(tree, texts[p]) for p, _ in kept], True)


def _lengths(store: Store, state: str) -> np.ndarray | None:
    """The passages' lengths, read once per state of the lists (`store_state`'s JSON)."""
    cached = _LENGTHS.get(store)
    if cached is None or cached[0] != state:
        cached = (state, store.passage_lengths())
        _LENGTHS[store] = cached
    return cached[1]


def best(query: Query, found: dict[Leaf, Scored], size: int, limit: int) -> tuple[list[int], list[float]]:
    """The `limit` best passages matching an additive expression, best first (ties by id, as
    FTS5 orders them), from every leaf's passages (ids below `size`). Scores and matches are
    arrays over every passage id: adding a leaf costs its postings, whatever they overlap."""
    total = np.zeros(size)
    scoring = set(leaves(query))
    for leaf in scoring:
        total[found[leaf].ids] += found[leaf].scores  # a leaf's ids are distinct
    # Candidates are the scoring leaves' passages (a passage may come twice), not every id: a scan
    # of every id costs more than the postings of most expressions.
    candidates = np.concatenate([found[leaf].ids for leaf in scoring])
    if not disjunction(query):  # in an OR of leaves, holding one is matching
        candidates = candidates[_mask(query, found, size)[candidates]]
    scores = total[candidates]
    wanted = limit * len(scoring)  # a passage comes at most once per leaf: this many hold `limit` passages
    if len(candidates) > wanted:
        edge = np.partition(scores, len(scores) - wanted)[len(scores) - wanted]
        keep = scores >= edge  # every tie at the edge too, so ids settle it
        candidates, scores = candidates[keep], scores[keep]
    candidates, first = np.unique(candidates, return_index=True)
    scores = scores[first]
    order = np.lexsort((candidates, -scores))[:limit]
    return candidates[order].tolist(), scores[order].tolist()


def _mask(query: Query, found: dict[Leaf, Scored], size: int) -> np.ndarray:
    """Which passages an expression matches, by id."""
    if isinstance(query, Leaf):
        matched = np.zeros(size, dtype=bool)
        matched[found[query].ids] = True
        return matched
    parts = [_mask(c, found, size) for c in query.children]
    if query.op == "NOT":
        kept: np.ndarray = parts[0] & ~parts[1]
        return kept
    combine = np.logical_or if query.op == "OR" else np.logical_and
    matched = parts[0]
    for other in parts[1:]:
        combine(matched, other, out=matched)
    return matched
