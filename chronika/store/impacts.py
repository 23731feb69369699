"""Champion lists: ranking a common word without scoring every passage that holds it.

FTS5 computes BM25 for every passage an expression matches before it can return the best ten:
about 6 µs a passage, so seconds for a word in half of a million passages. For a large store
(`INDEXED_FROM` passages and more), ingest keeps, for every term and every two-word phrase found
in `FREQUENT` passages or more, the `KEEP` passages where it weighs most (its BM25 weight: hits
against length), in `term_impacts`. A query then gathers candidates from those lists (and, for a
rare word in the same query, from FTS5, which is quick for it), scores them with FTS5's own
formula (`chronika.query.ranking`) on their text, best candidates first, and stops when no passage left
can beat the ones found (the threshold algorithm, Fagin et al. 2003): passages outside every list
score at most the sum of the lists' last weights. What cannot be settled within `BUDGET`
passages read is ranked by what was read, and the result says it is approximate.

The lists serve an OR of very common words. An AND of common words needs passages that need not be
any word's best; an expression of words up to `EXACT_COST` postings is therefore ranked exactly
from the words' postings instead (`store/postings.py`), and so is an OR the lists could not settle.

An ingest that changed the store merges its new passages into the lists, or builds them anew once
a tenth of the store has changed since they were built (`store/impact_lists.py`); until then, and
for small stores, filtered searches and expressions the ranker does not read, FTS5 ranks as before.
One-word prefixes are spelled out into the words they stand for first, so the lists can rank them."""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
from dataclasses import dataclass
from collections import Counter
from typing import Any, Callable

import numpy as np

from chronika.query.ranking import Leaf, Node, Query, Scorer, Unsupported, disjunction, fold, highlights, idf, leaves, parse, tokens, weight
from chronika.store.impact_lists import champion_lists
from chronika.store.postings import (
    Postings, Scored, additive, best, fts_scored, lengths_of, merge_postings, write_postings,
)

INDEXED_FROM = 20_000  # passages: below this FTS5 ranks any query in well under 100 ms
FREQUENT = 500  # passages a term must be in to get a list; FTS5 ranks rarer ones in a few ms
KEEP = 1_000  # passages kept per list
RANK_FROM = 1  # x FREQUENT: estimated matches from which the lists rank (FTS5 scores 1,000 words in about 6 ms, phrases slower)
REBUILD_SHARE = 0.1  # of the passages changed since the last full build: past it, lists are built anew
EXACT_COST = 300_000  # postings read at most to rank an expression of words exactly (store/postings.py)
EXACT_FIRST = 100_000  # postings below which an OR of words is ranked from them without trying the lists
BUDGET = 100  # passages read and scored at most per query (first `limit`, then twice as many each time)
_STATE = "impacts"
MAX_SPELLED = 30  # words a prefix may stand for and still be spelled out
_PREFIX = re.compile(r'(?<![\w"])(\w+)\*|"(\w+)"\*')


@dataclass(frozen=True)
class Ranked:
    """Passage ids best first with their scores and highlights, and whether the order is proven
    to be FTS5's (no passage outside those read could rank higher)."""

    ids: list[int]
    scores: list[float]
    highlights: list[list[tuple[int, int]]]
    exact: bool


@dataclass
class _List:
    ids: np.ndarray
    contributions: np.ndarray  # idf x weight, best first
    floor: float  # the most a passage outside the list can score for it


class ImpactStore:
    """The champion lists (mixed into Store)."""

    db: sqlite3.Connection

    # -- building -------------------------------------------------------------------------------

    def _impacts_state(self) -> dict[str, Any] | None:
        row = self.db.execute("SELECT value FROM store_state WHERE key = ?", (_STATE,)).fetchone()
        return json.loads(row[0]) if row else None

    def impacts_fresh(self) -> bool:
        state = self._impacts_state()
        return state is not None and not state.get("dirty") and "postings" in state

    def _impacts_stale(self, db: sqlite3.Connection) -> None:
        """Called in every transaction that adds or removes passages: until `refresh_impacts`, FTS5 ranks."""
        db.execute("UPDATE store_state SET value = json_set(value, '$.dirty', json('true')) WHERE key = ?", (_STATE,))

    def refresh_impacts(self, log: Callable[[str], None] | None = None) -> bool:
        """Bring the lists up to date if the store is large and changed since; True if anything was
        done. A few changed passages are merged into the lists; past `REBUILD_SHARE` of the store
        changed since the last full build (the counts behind BM25 drift), all are built anew."""
        state = self._impacts_state()
        if state is not None and not state.get("dirty") and "postings" in state:
            return False  # ("postings": lists built before the store had them are built anew)
        passages, last = self.db.execute("SELECT count(*), coalesce(max(id), 0) FROM passages").fetchone()
        if passages < INDEXED_FROM:
            return False
        if state is not None and "last" in state and "postings" in state:
            added = self.db.execute("SELECT count(*) FROM passages WHERE id > ?", (state["last"],)).fetchone()[0]
            removed = max(0, state["passages"] - (passages - added))
            changed = state.get("changed", 0) + added + removed
            if changed <= REBUILD_SHARE * passages:
                self._merge_impacts(state, changed, removed > 0)
                return True
        self.build_impacts(log=log)
        return True

    def _merge_impacts(self, state: dict[str, Any], changed: int, removed: bool) -> None:
        """Merge the passages added since the lists were built into the lists of their words and
        pairs, and drop the removed ones: a list without them still holds the best of the rest. A
        word that became frequent gets its list at the next full build."""
        listed = {key for (key,) in self.db.execute("SELECT term FROM term_impacts")}
        posted = {key for (key,) in self.db.execute("SELECT term FROM term_postings")}
        found: dict[str, list[tuple[int, float]]] = {}
        postings: dict[str, list[tuple[int, int]]] = {}
        lengths: dict[int, int] = {}
        for pid, text in self.db.execute("SELECT id, text FROM passages WHERE id > ? ORDER BY id", (state["last"],)):
            words = tokens(text)
            lengths[pid] = len(words)
            hits = Counter(words) + Counter(f"{a} {b}" for a, b in zip(words, words[1:]))
            for key in hits.keys() & listed:
                found.setdefault(key, []).append((pid, weight(hits[key], len(words), state["average"])))
            for key in hits.keys() & posted:
                postings.setdefault(key, []).append((pid, hits[key]))
        alive = np.zeros(state["last"] + 1, dtype=bool)
        alive[np.fromiter((pid for (pid,) in self.db.execute("SELECT id FROM passages WHERE id <= ?", (state["last"],))),
                          dtype=np.int64)] = True
        # Every list is read only when passages were removed; otherwise those the new passages touch.
        touched = "" if removed else " WHERE term IN (SELECT value FROM json_each(?))"
        with self.transaction() as db:  # type: ignore[attr-defined]
            rows = db.execute("SELECT term, df, floor, passages, weights FROM term_impacts" + touched,
                              () if removed else (json.dumps(list(found)),)).fetchall()
            for key, df, floor, passages, weights in rows:
                old_ids, old_weights = np.frombuffer(passages, dtype="<i8"), np.frombuffer(weights, dtype="<f8")
                kept_old = alive[old_ids]
                new = found.get(key, [])
                if kept_old.all() and not new:
                    continue
                ids = np.concatenate([old_ids[kept_old], np.array([p for p, _ in new], dtype=np.int64)])
                both = np.concatenate([old_weights[kept_old], np.array([w for _, w in new], dtype=np.float64)])
                order = np.lexsort((ids, -both))
                kept, dropped = order[: state["keep"]], order[state["keep"] :]
                floor = max(floor, float(both[dropped].max())) if len(dropped) else floor
                db.execute(
                    "UPDATE term_impacts SET df = ?, floor = ?, passages = ?, weights = ? WHERE term = ?",
                    (df + len(new), floor, ids[kept].astype("<i8").tobytes(), both[kept].astype("<f8").tobytes(), key),
                )
            merge_postings(db, postings, lengths, alive if removed else None)
            passages, last = db.execute("SELECT count(*), coalesce(max(id), 0) FROM passages").fetchone()
            state.update(passages=passages, last=last, changed=changed, dirty=False)
            db.execute("UPDATE store_state SET value = ? WHERE key = ?", (json.dumps(state), _STATE))

    def build_impacts(self, frequent: int = FREQUENT, keep: int = KEEP, log: Callable[[str], None] | None = None) -> int:
        """Build every list (and the frequent words' postings) from the passages' text; returns how
        many lists were kept. Two passes over the tokens, in blocks of passages, so memory stays
        near the size of the tokens."""
        built = champion_lists(self.db, frequent, keep, log)
        passage_ids = built.passage_ids
        with self.transaction() as db:  # type: ignore[attr-defined]
            db.execute("DELETE FROM term_impacts")
            db.executemany(
                "INSERT INTO term_impacts (term, df, floor, passages, weights) VALUES (?, ?, ?, ?, ?)",
                [(name, df, float(w[-1]) if df > len(w) else 0.0, passage_ids[r].astype("<i8").tobytes(),
                  w.astype("<f8").tobytes()) for name, df, r, w in built.lists],
            )
            written = write_postings(db, passage_ids, built.lengths, built.postings)
            state = {"passages": len(passage_ids), "average": built.average, "frequent": frequent, "keep": keep,
                     "last": int(passage_ids.max()) if len(passage_ids) else 0, "changed": 0,
                     "postings": bool(written)}
            db.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES (?, ?)", (_STATE, json.dumps(state)))
        if log:
            log(f"  {len(built.lists):,} champion lists and {len(built.postings):,} words' postings"
                f" over {len(passage_ids):,} passages")
        return len(built.lists)

    # -- ranking --------------------------------------------------------------------------------

    def spell_prefixes(self, match: str) -> str:
        """Each one-word prefix (`terror*`) as the words it stands for (`("terror" OR "terrorist" ...)`),
        when they are few: each word then weighs by its own rarity, as in Lucene's scoring rewrite,
        and the lists can rank it. A prefix standing for more words stays as it is."""

        def spelled(m: re.Match[str]) -> str:
            found = self._words_starting(fold(m.group(1) or m.group(2)))
            if not 0 < len(found) <= MAX_SPELLED:
                return m.group(0)
            return "(" + " OR ".join(f'"{w}"' for w in found) + ")"

        return _PREFIX.sub(spelled, match)

    def _words_starting(self, start: str) -> list[str]:
        _vocabulary(self.db)
        return [t for (t,) in self.db.execute(
            "SELECT term FROM temp.passages_vocab WHERE term >= ? AND term < ? LIMIT ?", (start, start + "\U0010ffff", MAX_SPELLED + 1)
        )]

    def rank_by_impacts(self, match: str, limit: int) -> Ranked | None:
        """The best `limit` passages for an FTS5 expression from the lists, or None when FTS5
        should rank it itself (no fresh lists, an expression only rare words make cheap, or one
        the ranker does not read)."""
        state = self._impacts_state()
        if state is None or state.get("dirty"):
            return None
        try:
            tree = parse(match)
        except Unsupported:
            return None
        stats = _Stats(self.db, state)
        if disjunction(tree) and stats.postings(tree) > EXACT_FIRST:
            # The lists first: they settle most ORs of very common words in a few reads.
            listed = self._by_lists(tree, stats, limit)
            return listed if listed is None or listed.exact else self._exactly(tree, stats, limit) or listed
        if additive(tree) and (exactly := self._exactly(tree, stats, limit)) is not None:
            return exactly
        return self._by_lists(tree, stats, limit)

    def _by_lists(self, tree: Query, stats: "_Stats", limit: int) -> Ranked | None:
        """The best passages from the champion lists (see the module's docstring)."""
        matching = stats.estimate(tree)
        if matching < RANK_FROM * stats.frequent:
            return None
        if matching / max(1.0, stats.estimate(Node("OR", tuple(set(leaves(tree)))))) * BUDGET < limit:
            return None  # an AND of common words and phrases: too few candidates would match, FTS5 finds them faster
        scoring = sorted(set(leaves(tree)), key=lambda leaf: leaf.words)
        try:
            order, upper, missing, unseen = _candidates(stats.lists(scoring))
        except _Costly:
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
            texts.update(self._texts(unread))
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
        texts.update(self._texts([-p for _, p in best if -p not in texts]))
        best = [item for item in best if -item[1] in texts]
        return Ranked([-p for _, p in best], [s for s, _ in best], [highlights(tree, texts[-p]) for _, p in best], exact)

    def _exactly(self, tree: Query, stats: "_Stats", limit: int) -> Ranked | None:
        """The best passages of an additive expression from the postings of its frequent words and
        FTS5's passages of its rare leaves, exactly; None when a leaf is a phrase of common words,
        when every leaf is rare (FTS5 ranks those quickly itself), or when the postings to read
        are more than `EXACT_COST` (the champion lists are quicker)."""
        every = set(leaves(tree, positive=False))
        words = {leaf for leaf in every if not stats.rare(leaf)}
        if not words or any(leaf.prefix or len(leaf.words) > 1 for leaf in words):
            return None
        if stats.postings(tree) > EXACT_COST or (lengths := self._lengths(stats.state)) is None:
            return None
        reader = Postings(self.db, stats.average, lengths)
        found: dict[Leaf, Scored] = {}
        for leaf in every:
            if leaf not in words:
                found[leaf] = fts_scored(self.db, _expression(leaf))
            elif (scored := reader.word(leaf.words[0], stats.idf(leaf))) is not None:
                found[leaf] = scored
            else:
                return None
        if any(len(s.ids) and s.ids[-1] >= len(lengths) for s in found.values()):
            return None  # a passage added since the lengths were written
        ids, scores = best(tree, found, len(lengths), limit)
        texts = self._texts(ids)
        kept = [(pid, score) for pid, score in zip(ids, scores) if pid in texts]
        return Ranked([p for p, _ in kept], [s for _, s in kept], [highlights(tree, texts[p]) for p, _ in kept], True)

    def _lengths(self, state: str) -> np.ndarray | None:
        """The passages' lengths, read once per state of the lists (`store_state`'s JSON)."""
        cached: tuple[str, np.ndarray | None] | None = getattr(self, "_lengths_cache", None)
        if cached is None or cached[0] != state:
            cached = (state, lengths_of(self.db))
            self._lengths_cache = cached
        return cached[1]

    def _texts(self, ids: list[int]) -> dict[int, str]:
        return dict(self.db.execute(f"SELECT id, text FROM passages WHERE id IN ({','.join('?' * len(ids))})", ids))


def _candidates(lists: list[_List]) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
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


class _Costly(Exception):
    """Reading the lists would cost more than letting FTS5 rank."""


class _Stats:
    """What the lists and FTS5 know of one query's leaves, read once."""

    def __init__(self, db: sqlite3.Connection, state: dict[str, float]) -> None:
        self.db = db
        self.state = json.dumps(state)
        self.passages = int(state["passages"])
        self.average = float(state["average"])
        self.frequent = int(state["frequent"])
        self._rows: dict[str, tuple[int, float, bytes, bytes] | None] = {}
        self._prefixes: dict[str, dict[str, int]] = {}
        self._counted: dict[Leaf, int] = {}  # rare leaves, counted when FTS5 listed them

    def _row(self, key: str) -> tuple[int, float, bytes, bytes] | None:
        if key not in self._rows:
            self._rows[key] = self.db.execute(
                "SELECT df, floor, passages, weights FROM term_impacts WHERE term = ?", (key,)
            ).fetchone()
        return self._rows[key]

    def _expansions(self, leaf: Leaf) -> dict[str, int]:
        """The terms a one-word prefix stands for, with the passages holding each (FTS5's count);
        only for a prefix standing for more words than `spell_prefixes` spells out."""
        start = leaf.words[0]
        if start not in self._prefixes:
            self._vocabulary()
            self._prefixes[start] = dict(self.db.execute(
                "SELECT term, doc FROM temp.passages_vocab WHERE term >= ? AND term < ?", (start, start + "\U0010ffff")
            ).fetchall())
        return self._prefixes[start]

    def df(self, leaf: Leaf) -> int:
        """Passages holding the leaf, at most (FREQUENT - 1 for one without a list)."""
        rare = self.frequent - 1
        if leaf in self._counted:
            return self._counted[leaf]
        if leaf.key is not None:
            row = self._row(leaf.key)
            return row[0] if row else rare
        if leaf.prefix and len(leaf.words) == 1:
            return min(self.passages, sum(self._expansions(leaf).values()))
        pairs = [self._row(f"{a} {b}") for a, b in zip(leaf.words, leaf.words[1:])]
        return min(row[0] if row else rare for row in pairs)

    def estimate(self, tree: Query) -> float:
        """About how many passages the expression matches (words of an AND taken as independent):
        what FTS5 would score."""
        if isinstance(tree, Leaf):
            return self.df(tree)
        if tree.op == "AND":
            share = 1.0
            for child in tree.children:
                share *= min(1.0, self.estimate(child) / self.passages)
            return share * self.passages
        if tree.op == "OR":
            return sum(self.estimate(c) for c in tree.children)
        return self.estimate(tree.children[0])

    def idf(self, leaf: Leaf) -> float:
        return idf(self.passages, self.df(leaf))

    def bounded(self, leaf: Leaf) -> bool:
        """Whether the lists bound the leaf's score from above (not so for a phrase of three words
        or more read through one of its pairs, nor for a phrase ending in a prefix)."""
        return leaf.key is not None or (leaf.prefix and len(leaf.words) == 1) or self.rare(leaf)

    def postings(self, tree: Query) -> int:
        """About how many postings ranking the expression exactly reads."""
        return sum(self.df(leaf) for leaf in set(leaves(tree, positive=False)))

    def rare(self, leaf: Leaf) -> bool:
        return self.df(leaf) < self.frequent

    def lists(self, scoring: list[Leaf]) -> list[_List]:
        """Where the candidates come from: the leaves' champion lists, and every passage of the rare
        ones from FTS5 (the rare words in one query)."""
        found: list[_List] = []
        rare_words: list[Leaf] = []
        for leaf in scoring:
            if leaf.key is not None and (row := self._row(leaf.key)) is not None:
                found.append(self._list(row, self.idf(leaf)))
            elif leaf.prefix and len(leaf.words) == 1:
                found.extend(self._prefix_lists(leaf))
            elif not self.rare(leaf):  # a long phrase of common words: its rarest pair's list
                pairs = [self._row(f"{a} {b}") for a, b in zip(leaf.words, leaf.words[1:])]
                found.append(self._list(min((p for p in pairs if p), key=lambda p: p[0]), self.idf(leaf)))
            elif len(leaf.words) == 1:
                rare_words.append(leaf)
            else:
                found.append(self._fts(_expression(leaf)))
                self._counted[leaf] = len(found[-1].ids)
        if rare_words:
            self._vocabulary()
            for leaf in rare_words:
                row = self.db.execute("SELECT doc FROM temp.passages_vocab WHERE term = ?", leaf.words).fetchone()
                self._counted[leaf] = row[0] if row else 0
            found.append(self._fts(" OR ".join(_expression(leaf) for leaf in rare_words)))
        return found

    def _prefix_lists(self, leaf: Leaf) -> list[_List]:
        """A prefix standing for many words, as each word it stands for: their sum bounds its score."""
        found, rare = [], []
        for term, df in self._expansions(leaf).items():
            row = self._row(term)
            if row is not None:
                found.append(self._list(row, idf(self.passages, row[0])))
            else:
                rare.append(term)
        if sum(self._expansions(leaf)[t] for t in rare) > 4 * self.frequent:
            raise _Costly(f"{len(rare)} rare words start with {leaf.words[0]!r}")
        if rare:
            found.append(self._fts(" OR ".join(f'"{t}"' for t in rare)))
        return found

    def _vocabulary(self) -> None:
        _vocabulary(self.db)

    @staticmethod
    def _list(row: tuple[int, float, bytes, bytes], leaf_idf: float) -> _List:
        df, floor, passages, weights = row
        return _List(np.frombuffer(passages, dtype="<i8"), np.frombuffer(weights, dtype="<f8") * leaf_idf,
                     floor * leaf_idf)

    def _fts(self, expression: str) -> _List:
        """Every passage of a rare leaf, scored by FTS5 itself: the list is complete, its floor 0."""
        scored = fts_scored(self.db, expression)
        return _List(scored.ids, scored.scores, 0.0)


def _vocabulary(db: sqlite3.Connection) -> None:
    """FTS5's own vocabulary (terms and the passages holding each), as `temp.passages_vocab`."""
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab USING fts5vocab(main, 'passages_fts', 'row')")


def _expression(leaf: Leaf) -> str:
    return '"' + " ".join(leaf.words) + '"' + ("*" if leaf.prefix else "")
