"""BM25 as SQLite FTS5 computes it, on Chronika's side: the tokens FTS5 sees, a search expression
read into a tree, whether a passage matches it and how it scores.

FTS5 ranks by scoring every passage that matches, which for a common word in a million passages
takes seconds. `query/champions.py` keeps, for each frequent term, the passages it weighs most in
(a "champion list", Manning et al., *Introduction to Information Retrieval*, 7.1.3); this module
scores the few candidates those lists give, with FTS5's own formula, so the order is FTS5's.

The tokens are FTS5's (`records/tokens.py`)."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from chronika.records.expression import Leaf, Node, Query
from chronika.records.tokens import ascii_tokens, fold, token_spans, tokens


K1, B = 1.2, 0.75  # FTS5's bm25() defaults
_EXPRESSION = re.compile(r'"[^"]*"\*?|\(|\)|[^\s()"]+')


class Unsupported(ValueError):
    """An expression this module does not read (NEAR groups, column filters, unbalanced brackets)."""


def parse(expression: str) -> Query:
    """The tree of an FTS5 expression as `search.fts_query` writes it. FTS5's precedence: NOT binds
    tighter than AND (or words side by side), AND tighter than OR."""
    items = _EXPRESSION.findall(expression)
    pos = 0

    def peek() -> str | None:
        return items[pos] if pos < len(items) else None

    def take() -> str:
        nonlocal pos
        pos += 1
        item: str = items[pos - 1]
        return item

    def disjunction() -> Query:
        parts = [conjunction()]
        while peek() == "OR":
            take()
            parts.append(conjunction())
        return parts[0] if len(parts) == 1 else Node("OR", tuple(parts))

    def conjunction() -> Query:
        parts = [negation()]
        while peek() not in (None, "OR", ")"):
            if peek() == "AND":
                take()
            parts.append(negation())
        return parts[0] if len(parts) == 1 else Node("AND", tuple(parts))

    def negation() -> Query:
        left = primary()
        while peek() == "NOT":
            take()
            left = Node("NOT", (left, primary()))
        return left

    def primary() -> Query:
        item = take() if peek() is not None else None
        if item == "(":
            inner = disjunction()
            if peek() != ")":
                raise Unsupported("unbalanced brackets")
            take()
            return inner
        if item is None:
            raise Unsupported("syntax error at the end")
        quoted = item.startswith('"')
        if not quoted and (item.rstrip("*") in ("AND", "OR", "NOT", ")") or item == "NEAR" and peek() == "(" or ":" in item):
            raise Unsupported(f"syntax error near {item!r}")
        # A phrase without a token ("", "_") matches nothing, as in FTS5.
        return Leaf(tuple(tokens(item.rstrip("*").strip('"'))), item.endswith("*"))

    tree = disjunction()
    if pos != len(items):
        raise Unsupported(f"syntax error near {items[pos]!r}")
    return tree


def leaves(query: Query, positive: bool = True) -> list[Leaf]:
    """The leaves that count towards a passage's score: all but those under NOT's right side."""
    if isinstance(query, Leaf):
        return [query]
    if query.op == "NOT":
        return leaves(query.children[0]) if positive else leaves(query.children[0]) + leaves(query.children[1], False)
    return [leaf for child in query.children for leaf in leaves(child, positive)]


def matches(query: Query, counts: dict[Leaf, int]) -> bool:
    if isinstance(query, Leaf):
        return counts[query] > 0
    if query.op == "AND":
        return all(matches(c, counts) for c in query.children)
    if query.op == "OR":
        return any(matches(c, counts) for c in query.children)
    return matches(query.children[0], counts) and not matches(query.children[1], counts)


def _matching_leaves(query: Query, counts: dict[Leaf, int]) -> list[Leaf]:
    """The leaves FTS5 counts hits of in a passage: those of the branches that match in it."""
    if isinstance(query, Leaf):
        return [query] if counts[query] else []
    if not matches(query, counts):
        return []
    if query.op == "NOT":
        return _matching_leaves(query.children[0], counts)
    return [leaf for child in query.children for leaf in _matching_leaves(child, counts)]


def disjunction(query: Query) -> bool:
    """A leaf, or leaves joined by OR: a passage holding any of them matches."""
    return isinstance(query, Leaf) or (query.op == "OR" and all(disjunction(c) for c in query.children))


def idf(passages: int, containing: int) -> float:
    """FTS5's inverse document frequency (never below 1e-6)."""
    value = math.log((passages - containing + 0.5) / (containing + 0.5))
    return value if value > 0 else 1e-6


def smooth_idf(passages: int, containing: int) -> float:
    """An idf that stays above zero however common the term, log(1 + N/n): `ask` weighs a question's
    terms by it, where FTS5's `idf` gives a word in most passages next to nothing."""
    return math.log(1 + passages / max(containing, 1))


def weight(hits: int | float, length: int | float, average: float) -> float:
    """The part of a term's BM25 score that depends on the passage: its hits and its length."""
    return float(weights(hits, length, average)) if hits else 0.0


def weights(hits: Any, length: Any, average: float) -> Any:
    """`weight` for numbers or numpy arrays alike (hits of at least 1: a passage holding the term)."""
    return hits * (K1 + 1) / (hits + K1 * (1 - B + B * length / average))


class Scorer:
    """BM25 for one expression as FTS5 gives it, passage by passage (None for one that does not
    match); what does not change from passage to passage is worked out once."""

    def __init__(self, query: Query, idfs: dict[Leaf, float], average: float) -> None:
        self.query, self.average = query, average
        self.every = list(set(leaves(query, positive=False)))
        self.words = [leaf for leaf in self.every if len(leaf.words) == 1 and not leaf.prefix]
        self.others = [leaf for leaf in self.every if leaf not in self.words]
        self.scoring = [(leaf, idfs[leaf]) for leaf in set(leaves(query))]
        self.disjunction = disjunction(query)

    def __call__(self, text: str) -> float | None:
        toks = tokens(text)
        seen = Counter(toks)
        counts = {leaf: seen[leaf.words[0]] for leaf in self.words} | {leaf: leaf.count(toks) for leaf in self.others}
        if self.disjunction:  # words joined by OR: every leaf found counts
            counting = {leaf for leaf, n in counts.items() if n}
            if not counting:
                return None
        elif matches(self.query, counts):
            counting = set(_matching_leaves(self.query, counts))
        else:
            return None
        return sum(idf * weight(counts[leaf], len(toks), self.average) for leaf, idf in self.scoring if leaf in counting)


def highlights(query: Query, text: str) -> list[tuple[int, int]]:
    """Character spans of the occurrences of the leaves that make the passage match, as FTS5's
    highlight() marks them."""
    spans = token_spans(text)
    toks = [t for t, _, _ in spans]
    counts = {leaf: leaf.count(toks) for leaf in set(leaves(query, positive=False))}
    marked = {
        (spans[i][1], spans[i + len(leaf.words) - 1][2])
        for leaf in set(_matching_leaves(query, counts)) for i in leaf.positions(toks)
    }
    merged: list[tuple[int, int]] = []
    for start, end in sorted(marked):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
