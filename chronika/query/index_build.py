"""Building champion lists (see query/champions.py) from the passages' text with numpy: every
passage tokenized as FTS5 does, then, block by block, for each frequent term and two-word phrase the
passages where it weighs most, and for each frequent word every passage holding it (its postings,
query/postings.py). Memory stays near the size of the tokens (4 bytes each) and the frequent words'
postings (9 bytes each), plus a bounded working set: a block of 5,000 passages at a time, the best
rows kept so far merged every two blocks, pairs counted in a fixed 64 MB array of buckets; time
stays near that of tokenizing them (about 3.5 minutes for a million passages on one core)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import numpy as np

from chronika.records.tokens import ascii_tokens, tokens
from chronika.query.ranking import weights as bm25_weights

Lists = list[tuple[str, int, np.ndarray, np.ndarray]]  # name, passages holding it, best rows, their weights
Postings = list[tuple[str, np.ndarray, np.ndarray]]  # word, every row holding it (ascending), its hits in each


@dataclass
class Built:
    passage_ids: np.ndarray  # by row
    lengths: np.ndarray  # tokens, by row
    average: float
    lists: Lists  # words' and pairs'
    postings: Postings  # words' only


def champion_lists(passages: Iterable[tuple[int, str]], frequent: int, keep: int,
                   log: Callable[[str], None] | None) -> Built:
    """The champion lists of frequent words and pairs, and the postings of frequent words, from
    every passage (id, text) in id order."""
    passage_ids, length, blocks, vocabulary = _tokenized(passages, log)
    average = float(length.mean()) if len(length) else 1.0
    words = _TopLists(len(vocabulary), frequent, keep, length, average, full=True)
    for rows, terms in _blocks(blocks, length):
        words.count(terms, rows)
    for rows, terms in _blocks(blocks, length):
        words.add(terms, rows)
    # A pair is in no more passages than either of its words: only pairs of frequent words
    # are counted, which keeps memory near the size of the tokens.
    common_word = words.df >= frequent
    common = _common_pairs(lambda: _pair_codes(blocks, length, len(vocabulary), common_word), frequent)
    pairs = _TopLists(len(common), frequent, keep, length, average)
    for keys, rows in _common_pair_keys(blocks, length, len(vocabulary), common_word, common):
        pairs.count(keys, rows)
    for keys, rows in _common_pair_keys(blocks, length, len(vocabulary), common_word, common):
        pairs.add(keys, rows)
    blocks.clear()  # the tokens: what is left to do (the postings) needs them no more
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    size = max(len(vocabulary), 1)
    lists = [(names[k], df, r, w) for k, df, r, w in words.result()]
    lists += [(f"{names[int(common[k]) // size]} {names[int(common[k]) % size]}", df, r, w)
              for k, df, r, w in pairs.result()]
    postings = [(names[k], rows, hits) for k, rows, hits in words.postings()]
    return Built(passage_ids, length, average, lists, postings)


_BLOCK = 5_000  # passages tokenized at a time: a block's arrays (several copies of its tokens) bound the memory beyond the tokens


def _tokenized(passages: Iterable[tuple[int, str]], log: Callable[[str], None] | None
               ) -> tuple[np.ndarray, np.ndarray, list[tuple[int, np.ndarray]], dict[str, int]]:
    """Every passage's tokens as term numbers, in blocks: (passage ids, lengths, [(first row,
    terms)], the vocabulary). A Python list of every token would take gigabytes."""
    vocabulary: dict[str, int] = {}
    number = vocabulary.__getitem__
    ids: list[int] = []
    lengths: list[int] = []
    blocks: list[tuple[int, np.ndarray]] = []
    flat: list[int] = []
    for pid, text in passages:
        words = ascii_tokens(text) if text.isascii() else tokens(text)
        for new in set(words).difference(vocabulary):
            vocabulary[new] = len(vocabulary)
        terms = list(map(number, words))
        ids.append(pid)
        lengths.append(len(terms))
        flat.extend(terms)
        if len(ids) % _BLOCK == 0:
            blocks.append((len(ids) - _BLOCK, np.array(flat, dtype=np.int32)))
            flat = []
            if log and len(ids) % 100_000 == 0:
                log(f"  read {len(ids):,} passages")
    if flat or not blocks:
        blocks.append((len(ids) - len(ids) % _BLOCK if len(ids) % _BLOCK else len(ids), np.array(flat, dtype=np.int32)))
    return np.array(ids, dtype=np.int64), np.array(lengths, dtype=np.int64), blocks, vocabulary


def _blocks(blocks: list[tuple[int, np.ndarray]], length: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Each block's tokens with the row each stands in."""
    for first, terms in blocks:
        last = min(first + _BLOCK, len(length))
        yield np.repeat(np.arange(first, last, dtype=np.int64), length[first:last]), terms.astype(np.int64)


def _pairs(terms: np.ndarray, rows: np.ndarray, size: int, common: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Neighbouring tokens of one passage, both frequent words, as one number each, and the rows
    they stand in."""
    same = (rows[1:] == rows[:-1]) & common[terms[:-1]] & common[terms[1:]]
    return terms[:-1][same] * max(size, 1) + terms[1:][same], rows[:-1][same]


def _pair_codes(blocks: list[tuple[int, np.ndarray]], length: np.ndarray, size: int, common: np.ndarray) -> Iterator[np.ndarray]:
    for rows, terms in _blocks(blocks, length):
        yield _pairs(terms, rows, size, common)[0]


def _common_pair_keys(blocks: list[tuple[int, np.ndarray]], length: np.ndarray, size: int, common_word: np.ndarray,
                      common: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Each block's frequent pairs, numbered by their place in `common`, with their rows."""
    for rows, terms in _blocks(blocks, length):
        codes, at = _pairs(terms, rows, size, common_word)
        found = np.isin(codes, common)
        yield np.searchsorted(common, codes[found]), at[found]


_BUCKETS = 1 << 24


def _common_pairs(codes: Callable[[], Iterator[np.ndarray]], frequent: int) -> np.ndarray:
    """The pairs seen `frequent` times or more (a pair in that many passages is seen that often),
    sorted. A first pass counts pairs by hash bucket, which can only overcount; the second counts
    exactly the pairs whose bucket reached `frequent`: memory stays small however many pairs there are."""
    buckets = np.zeros(_BUCKETS, dtype=np.int32)  # a count is at most the tokens: 64 MB, not 128
    for block in codes():
        seen, times = _counted(block % _BUCKETS)
        buckets[seen] += times.astype(np.int32)
    unique, counts = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    for block in codes():  # the likely pairs counted block by block: memory near the distinct pairs, not the tokens
        more, times = _counted(block[buckets[block % _BUCKETS] >= frequent])
        unique, counts = _summed(np.concatenate([unique, more]), np.concatenate([counts, times]))
    return unique[counts >= frequent]


def _summed(values: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, each with the sum of its counts."""
    order = np.argsort(values, kind="stable")
    values, counts = values[order], counts[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else np.zeros(0, dtype=np.int64)
    return values[starts], np.add.reduceat(counts, starts) if len(starts) else counts


def _counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and how often each occurs (np.unique, by sorting: several times
    faster than its hash table on tens of millions of integers)."""
    ordered = np.sort(values)
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else np.zeros(0, dtype=np.int64)
    return ordered[starts], np.diff(np.r_[starts, len(ordered)])


class _TopLists:
    """Per key (a term or a pair), the rows it weighs most in, gathered block by block: first how
    many rows hold each key (`count`), then, for the frequent keys only, each block's best `keep`
    (`add`): a row in a key's best `keep` overall is in its best `keep` of its own block."""

    def __init__(self, keys: int, frequent: int, keep: int, length: np.ndarray, average: float, full: bool = False) -> None:
        self.keys, self.frequent, self.keep = max(keys, 1), frequent, keep
        self.length, self.average = length, average
        self.df = np.zeros(self.keys, dtype=np.int64)
        self.kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.full = full  # keep every frequent key's rows and hits too
        self.every: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def count(self, key: np.ndarray, row: np.ndarray) -> None:
        self.df += np.bincount(_counted(row * self.keys + key)[0] % self.keys, minlength=self.keys)

    def add(self, key: np.ndarray, row: np.ndarray) -> None:
        frequent = self.df[key] >= self.frequent
        combined, hits = _counted(row[frequent] * self.keys + key[frequent])
        rows, keyed = combined // self.keys, combined % self.keys
        if self.full:  # by row, then key
            self.every.append((keyed.astype(np.int32), rows.astype(np.int32), np.minimum(hits, 255).astype(np.uint8)))
        weights = bm25_weights(hits, self.length[rows], self.average)
        keyed, rows, weights = self._best(keyed, rows, weights)
        self.kept.append((keyed.astype(np.int32), rows.astype(np.int32), weights))
        if len(self.kept) >= 2:  # what the blocks so far keep, merged: memory stays near keys x keep
            self.kept = [self._merged()]

    def _best(self, keyed: np.ndarray, rows: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        # By key, then weight down (weights are below K1 + 1 < 4); stable, so rows stay in
        # ascending order among equals.
        order = np.argsort(keyed * 4.0 - weights, kind="stable")
        keyed, rows, weights = keyed[order], rows[order], weights[order]
        starts = np.flatnonzero(np.r_[True, keyed[1:] != keyed[:-1]]) if len(keyed) else np.zeros(0, dtype=np.int64)
        rank = np.arange(len(keyed)) - np.repeat(starts, np.diff(np.r_[starts, len(keyed)]))
        chosen = rank < self.keep
        return keyed[chosen], rows[chosen], weights[chosen]

    def _merged(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        keyed, rows, weights = (np.concatenate(parts) for parts in zip(*self.kept))
        best = self._best(keyed.astype(np.int64), rows.astype(np.int64), weights.astype(np.float64))
        return best[0].astype(np.int32), best[1].astype(np.int32), best[2]

    def result(self) -> list[tuple[int, int, np.ndarray, np.ndarray]]:
        """(key, rows holding it, its best rows, their weights) for every key in `frequent` rows or more."""
        if not self.kept:
            return []
        keyed, rows, weights = (part.astype(np.float64 if i == 2 else np.int64) for i, part in enumerate(self._merged()))
        starts = np.flatnonzero(np.r_[True, keyed[1:] != keyed[:-1]]) if len(keyed) else np.zeros(0, dtype=np.int64)
        ends = np.r_[starts[1:], len(keyed)]
        return [(int(keyed[s]), int(self.df[keyed[s]]), rows[s:e], weights[s:e]) for s, e in zip(starts.tolist(), ends.tolist())]

    def postings(self) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """(key, every row holding it in ascending order, its hits there) for every frequent key;
        needs `full`. A stable sort by key keeps each key's rows in the order the blocks gave them."""
        if not self.every:
            return
        # A counting sort: each block's entries go to their key's place in two arrays the size of
        # every posting (rows, hits), and the block is freed; no sort of all postings at once.
        per_key = np.zeros(self.keys, dtype=np.int64)
        for keyed, _, _ in self.every:
            per_key += np.bincount(keyed, minlength=self.keys)
        total = int(per_key.sum())
        if not total:  # no key frequent enough to be posted
            self.every = []
            return
        starts = np.r_[0, np.cumsum(per_key)[:-1]]
        filled = starts.copy()
        rows = np.empty(total, dtype=np.int32)
        hits = np.empty(total, dtype=np.uint8)
        while self.every:
            keyed, at, hit = self.every.pop(0)
            order = np.argsort(keyed, kind="stable")  # a block's rows stay ascending within a key
            keyed = keyed[order]
            first = np.flatnonzero(np.r_[True, keyed[1:] != keyed[:-1]])
            rank = np.arange(len(keyed)) - np.repeat(first, np.diff(np.r_[first, len(keyed)]))
            places = filled[keyed] + rank
            rows[places], hits[places] = at[order], hit[order]
            filled += np.bincount(keyed, minlength=self.keys)
        for key in np.flatnonzero(per_key).tolist():
            yield key, rows[starts[key] : filled[key]], hits[starts[key] : filled[key]]
