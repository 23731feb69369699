"""What the champion lists and FTS5 know of one query's leaves, read once: how many passages hold
each, how rare it is, and the lists a ranking reads its candidates from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np

from chronika.query.ranking import idf, leaves
from chronika.records.expression import Leaf, Query, any_of
from chronika.store import Store
from chronika.store.impacts import ImpactList


@dataclass
class ScoredList:
    ids: np.ndarray
    contributions: np.ndarray  # idf x weight, best first
    floor: float  # the most a passage outside the list can score for it


class Costly(Exception):
    """Reading the lists would cost more than letting FTS5 rank."""


class LeafStats:
    """One query's reads of the lists' counts, and of FTS5 for leaves without a list."""

    def __init__(self, store: Store, state: dict[str, Any]) -> None:
        self.store = store
        self.state = json.dumps(state)
        self.passages = int(state["passages"])
        self.average = float(state["average"])
        self.frequent = int(state["frequent"])
        self._rows: dict[str, ImpactList | None] = {}
        self._prefixes: dict[str, dict[str, int]] = {}
        self._counted: dict[Leaf, int] = {}  # rare leaves, counted when FTS5 listed them

    def _row(self, key: str) -> ImpactList | None:
        if key not in self._rows:
            self._rows[key] = self.store.impact_list(key)
        return self._rows[key]

    def _expansions(self, leaf: Leaf) -> dict[str, int]:
        """The terms a one-word prefix stands for, with the passages holding each (FTS5's count);
        only for a prefix standing for more words than `spell_prefixes` spells out."""
        start = leaf.words[0]
        if start not in self._prefixes:
            self._prefixes[start] = self.store.words_starting(start)
        return self._prefixes[start]

    def df(self, leaf: Leaf) -> int:
        """Passages holding the leaf, at most (FREQUENT - 1 for one without a list)."""
        rare = self.frequent - 1
        if leaf in self._counted:
            return self._counted[leaf]
        if leaf.key is not None:
            row = self._row(leaf.key)
            return row.df if row else rare
        if leaf.prefix and len(leaf.words) == 1:
            return min(self.passages, sum(self._expansions(leaf).values()))
        pairs = [self._row(f"{a} {b}") for a, b in zip(leaf.words, leaf.words[1:])]
        return min(row.df if row else rare for row in pairs)

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

    def lists(self, scoring: list[Leaf]) -> list[ScoredList]:
        """Where the candidates come from: the leaves' champion lists, and every passage of the rare
        ones from FTS5 (the rare words in one query)."""
        found: list[ScoredList] = []
        rare_words: list[Leaf] = []
        for leaf in scoring:
            if leaf.key is not None and (row := self._row(leaf.key)) is not None:
                found.append(_scored(row, self.idf(leaf)))
            elif leaf.prefix and len(leaf.words) == 1:
                found.extend(self._prefix_lists(leaf))
            elif not self.rare(leaf):  # a long phrase of common words: its rarest pair's list
                pairs = [self._row(f"{a} {b}") for a, b in zip(leaf.words, leaf.words[1:])]
                found.append(_scored(min((p for p in pairs if p), key=lambda p: p.df), self.idf(leaf)))
            elif len(leaf.words) == 1:
                rare_words.append(leaf)
            else:
                found.append(self._fts(leaf))
                self._counted[leaf] = len(found[-1].ids)
        if rare_words:
            for leaf in rare_words:
                self._counted[leaf] = self.store.passages_holding(leaf.words[0])
            found.append(self._fts(any_of(rare_words)))
        return found

    def _prefix_lists(self, leaf: Leaf) -> list[ScoredList]:
        """A prefix standing for many words, as each word it stands for: their sum bounds its score."""
        found, rare = [], []
        for term, df in self._expansions(leaf).items():
            row = self._row(term)
            if row is not None:
                found.append(_scored(row, idf(self.passages, row.df)))
            else:
                rare.append(term)
        if sum(self._expansions(leaf)[t] for t in rare) > 4 * self.frequent:
            raise Costly(f"{len(rare)} rare words start with {leaf.words[0]!r}")
        if rare:
            found.append(self._fts(any_of([Leaf((t,)) for t in rare])))
        return found

    def _fts(self, query: Query) -> ScoredList:
        """Every passage of a rare leaf, scored by FTS5 itself: the list is complete, its floor 0."""
        ids, scores = self.store.fts_scored(query)
        return ScoredList(ids, scores, 0.0)


def _scored(row: ImpactList, leaf_idf: float) -> ScoredList:
    return ScoredList(row.ids, row.weights * leaf_idf, row.floor * leaf_idf)

