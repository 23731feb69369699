"""Postings: every passage holding a frequent word with how often it holds it, and every passage's
length. With them an expression of words is ranked exactly, as FTS5 would, in numpy.

The champion lists (store/impacts.py) rank one common word, or an OR of them, from the passages
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

import json
import sqlite3
from dataclasses import dataclass

import numpy as np

from chronika.query.ranking import Leaf, Query, disjunction
from chronika.query.ranking import weights as bm25_weights
from chronika.query.ranking import leaves as scoring_leaves

_ID = "<u4"  # a passage id in the postings
_LIMIT = 1 << 32


@dataclass
class Scored:
    """Passages (ascending ids) and what a leaf adds to each one's score."""

    ids: np.ndarray
    scores: np.ndarray


def write_postings(db: sqlite3.Connection, passage_ids: np.ndarray, lengths: np.ndarray,
                   postings: list[tuple[str, np.ndarray, np.ndarray]]) -> bool:
    """Replace every word's postings and the passages' lengths (`rows` index `passage_ids`); False
    if there are none to write."""
    db.execute("DELETE FROM term_postings")
    db.execute("DELETE FROM passage_lengths")
    if not len(passage_ids) or int(passage_ids.max()) >= _LIMIT:
        return False  # ids past 32 bits: the champion lists and FTS5 rank alone
    db.executemany(
        "INSERT INTO term_postings (term, passages, hits) VALUES (?, ?, ?)",
        ((word, passage_ids[rows].astype(_ID).tobytes(), hits.astype(np.uint8).tobytes())
         for word, rows, hits in postings),
    )
    dense = np.zeros(int(passage_ids.max()) + 1, dtype=_ID)
    dense[passage_ids] = lengths
    db.execute("INSERT INTO passage_lengths (id, lengths) VALUES (1, ?)", (dense.tobytes(),))
    return True


def merge_postings(db: sqlite3.Connection, added: dict[str, list[tuple[int, int]]], lengths: dict[int, int],
                   alive: np.ndarray | None) -> None:
    """Append passages added since the build (ids above every listed one, so order holds) to their
    words' postings and their lengths; with `alive` (by id, up to the last id listed), drop the
    removed ones. A word that became frequent since gets its postings at the next full build."""
    row = db.execute("SELECT lengths FROM passage_lengths WHERE id = 1").fetchone()
    if row is None:
        return
    if lengths:
        dense = np.frombuffer(row[0], dtype=_ID)
        last = max(lengths)
        if last >= _LIMIT:
            db.execute("DELETE FROM term_postings")
            db.execute("DELETE FROM passage_lengths")
            return
        grown = np.zeros(max(last + 1, len(dense)), dtype=_ID)
        grown[: len(dense)] = dense
        grown[list(lengths)] = list(lengths.values())
        db.execute("UPDATE passage_lengths SET lengths = ? WHERE id = 1", (grown.tobytes(),))
    where = "" if alive is not None else " WHERE term IN (SELECT value FROM json_each(?))"
    rows = db.execute("SELECT term, passages, hits FROM term_postings" + where,
                      () if alive is not None else (json.dumps(list(added)),)).fetchall()
    for word, passages, hits in rows:
        ids, counts = np.frombuffer(passages, dtype=_ID), np.frombuffer(hits, dtype=np.uint8)
        if alive is not None:
            kept = alive[ids]
            ids, counts = ids[kept], counts[kept]
        new = added.get(word, [])
        ids = np.concatenate([ids, np.array([p for p, _ in new], dtype=_ID)])
        counts = np.concatenate([counts, np.array([min(h, 255) for _, h in new], dtype=np.uint8)])
        db.execute("UPDATE term_postings SET passages = ?, hits = ? WHERE term = ?",
                   (ids.astype(_ID).tobytes(), counts.tobytes(), word))


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


class Postings:
    """One query's reads of the postings."""

    def __init__(self, db: sqlite3.Connection, average: float, lengths: np.ndarray) -> None:
        self.db, self.average, self.lengths = db, average, lengths

    def word(self, word: str, leaf_idf: float) -> Scored | None:
        """A frequent word's passages and its BM25 part in each, or None if it has no postings."""
        row = self.db.execute("SELECT passages, hits FROM term_postings WHERE term = ?", (word,)).fetchone()
        if row is None:
            return None
        ids = np.frombuffer(row[0], dtype=_ID).astype(np.int64)
        hits = np.frombuffer(row[1], dtype=np.uint8).astype(np.float64)
        return Scored(ids, leaf_idf * bm25_weights(hits, self.lengths[ids].astype(np.float64), self.average))


def fts_scored(db: sqlite3.Connection, expression: str) -> Scored:
    """Every passage an expression matches, with FTS5's own BM25 for it: quick for rare leaves."""
    rows = db.execute(
        "SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid", (expression,)
    ).fetchall()
    return Scored(np.array([r[0] for r in rows], dtype=np.int64), np.array([r[1] for r in rows], dtype=np.float64))


def lengths_of(db: sqlite3.Connection) -> np.ndarray | None:
    row = db.execute("SELECT lengths FROM passage_lengths WHERE id = 1").fetchone()
    return np.frombuffer(row[0], dtype=_ID) if row else None


def best(query: Query, leaves: dict[Leaf, Scored], size: int, limit: int) -> tuple[list[int], list[float]]:
    """The `limit` best passages matching an additive expression, best first (ties by id, as
    FTS5 orders them), from every leaf's passages (ids below `size`). Scores and matches are
    arrays over every passage id: adding a leaf costs its postings, whatever they overlap."""
    total = np.zeros(size)
    scoring = set(scoring_leaves(query))
    for leaf in scoring:
        total[leaves[leaf].ids] += leaves[leaf].scores  # a leaf's ids are distinct
    # Candidates are the scoring leaves' passages (a passage may come twice), not every id: a scan
    # of every id costs more than the postings of most expressions.
    candidates = np.concatenate([leaves[leaf].ids for leaf in scoring])
    if not disjunction(query):  # in an OR of leaves, holding one is matching
        candidates = candidates[_mask(query, leaves, size)[candidates]]
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


def _mask(query: Query, leaves: dict[Leaf, Scored], size: int) -> np.ndarray:
    """Which passages an expression matches, by id."""
    if isinstance(query, Leaf):
        found = np.zeros(size, dtype=bool)
        found[leaves[query].ids] = True
        return found
    parts = [_mask(c, leaves, size) for c in query.children]
    if query.op == "NOT":
        kept: np.ndarray = parts[0] & ~parts[1]
        return kept
    combine = np.logical_or if query.op == "OR" else np.logical_and
    found = parts[0]
    for other in parts[1:]:
        combine(found, other, out=found)
    return found
