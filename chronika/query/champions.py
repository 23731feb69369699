"""Champion lists: ranking a common word without scoring every passage that holds it.

FTS5 computes BM25 for every passage an expression matches before it can return the best ten:
about 6 µs a passage, so seconds for a word in half of a million passages. For a large store,
ingest keeps, for every term and every two-word phrase found in `FREQUENT` passages or more, the
`KEEP` passages where it weighs most (its BM25 weight: hits against length; `query/index_build.py`,
kept in `term_impacts`). A query then gathers candidates from those lists (and, for a rare word in
the same query, from FTS5, which is quick for it), scores them with FTS5's own formula
(`query/ranking.py`) on their text, best candidates first, and stops when no passage left can beat
the ones found (the threshold algorithm, Fagin et al. 2003): passages outside every list score at
most the sum of the lists' last weights. What cannot be settled within `BUDGET` passages read is
ranked by what was read, and the result says it is approximate."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np

from chronika.query.leaf_stats import Costly, LeafStats, ScoredList
from chronika.query.ranking import Scorer, disjunction, highlights, leaves
from chronika.records.expression import Node, Query
from chronika.store import Store

RANK_FROM = 1  # x FREQUENT: estimated matches from which the lists rank (FTS5 scores 1,000 words in about 6 ms, phrases slower)
BUDGET = 100  # passages read and scored at most per query (first `limit`, then twice as many each time)


@dataclass(frozen=True)
class Ranked:
    """Passage ids best first with their scores and highlights, and whether the order is proven
    to be FTS5's (no passage outside those read could rank higher)."""

    ids: list[int]
    scores: list[float]
    highlights: list[list[tuple[int, int]]]
    exact: bool


def by_lists(store: Store, tree: Query, stats: LeafStats, limit: int) -> Ranked | None:
    """The best passages from the champion lists, or None when FTS5 should rank (too few
    candidates, or passages outside the lists may match)."""
    matching = stats.estimate(tree)
    if matching < RANK_FROM * stats.frequent:
        return None
    if matching / max(1.0, stats.estimate(Node("OR", tuple(set(leaves(tree)))))) * BUDGET < limit:
        return None  # an AND of common words and phrases: too few candidates would match, FTS5 finds them faster
    scoring = sorted(set(leaves(tree)), key=lambda leaf: leaf.words)
    try:
        order, upper, missing, unseen = _candidates(stats.lists(scoring))
    except Costly:
        return None
    exact = all(stats.bounded(leaf) for leaf in scoring)
    score = Scorer(tree, {leaf: stats.idf(leaf) for leaf in scoring}, stats.average)
    # In an OR of words, a passage every list of whose words either holds it or is complete
    # scores what the lists say: no need to read it.
    settled = upper - missing if disjunction(tree) else np.full(len(order), np.nan)
    settled[missing > 0] = np.nan
    best: list[tuple[float, int]] = []  # a min-heap of the best found
    done, read, batch = 0, 0, limit
    texts: dict[int, str] = {}
    while done < len(order):
        if len(best) >= limit and best[0][0] >= max(upper[done], unseen):
            break  # no passage left, read or not, can beat the ones found
        if read >= BUDGET:
            exact = False
            break
        step = order[done : done + min(batch, BUDGET - read)].tolist()
        known = settled[done : done + len(step)].tolist()
        done, batch = done + len(step), batch * 2
        unread = [pid for pid, k in zip(step, known) if k != k]  # NaN: to be read
        read += len(unread)
        texts.update(store.passage_texts(unread))
        for pid, k in zip(step, known):
            scored = k if k == k else (score(texts[pid]) if pid in texts else None)  # gone: removed since
            if scored is not None:
                heapq.heappush(best, (scored, -pid))
                if len(best) > limit:
                    heapq.heappop(best)
    if len(best) < limit and (unseen > 0 or done < len(order)):
        return None  # passages outside the lists may match: FTS5 must look
    if done >= len(order) and best and best[0][0] < unseen:
        exact = False
    best.sort(key=lambda item: (-item[0], -item[1]))
    texts.update(store.passage_texts([-p for _, p in best if -p not in texts]))
    best = [item for item in best if -item[1] in texts]
    return Ranked([-p for _, p in best], [s for s, _ in best], [highlights(tree, texts[-p]) for _, p in best], exact)


def _candidates(lists: list[ScoredList]) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Every passage in the lists, by the most it can score, best first; what it can score; how
    much of that is the floors of the lists it is not in; and the most a passage in no list can
    score. A passage scores at most what its lists say plus, for each list it is not in, that
    list's floor."""
    unseen = sum(one.floor for one in lists)
    if not lists:
        return np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0), unseen
    ids = np.concatenate([one.ids for one in lists])
    known = np.concatenate([one.contributions for one in lists])
    covered = np.concatenate([np.full(len(one.ids), one.floor) for one in lists])
    unique, where = np.unique(ids, return_inverse=True)
    missing = unseen - np.bincount(where, weights=covered)
    missing[missing < 1e-12] = 0.0
    upper = np.bincount(where, weights=known) + missing
    order = np.argsort(-upper, kind="stable")
    return unique[order], upper[order], missing[order], unseen
