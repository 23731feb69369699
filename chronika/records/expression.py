"""A search expression as a tree, whatever the backend: words, prefixes and phrases joined by AND,
OR and NOT. The query layer reads a user's query into it and ranks it; the store renders it in its
own syntax (FTS5's `MATCH`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence


@dataclass(frozen=True)
class Leaf:
    """A term, a prefix (`word*`) or a phrase (`"a b"`, its last word a prefix with `*`), as the
    tokens the index holds; without any (a phrase of punctuation) it matches nothing."""

    words: tuple[str, ...]
    prefix: bool = False
    _hash: int = field(default=0, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((self.words, self.prefix)))  # asked for per passage scored

    def __hash__(self) -> int:
        return self._hash

    @property
    def key(self) -> str | None:
        """Its name in the champion lists: a word, or two words for a phrase of two; none for a
        prefix or a longer phrase."""
        if self.prefix or len(self.words) > 2:
            return None
        return " ".join(self.words)

    def count(self, toks: list[str]) -> int:
        """How often it occurs in a passage's tokens (FTS5's phrase hits)."""
        first = self.words[0]
        if len(self.words) == 1:
            return sum(1 for t in toks if t.startswith(first)) if self.prefix else toks.count(first)
        return len(self.positions(toks))

    def positions(self, toks: list[str]) -> list[int]:
        """Where it starts in a passage's tokens."""
        n, last, first = len(self.words), len(self.words) - 1, self.words[0]
        starts = [i for i, t in enumerate(toks) if (t.startswith(first) if self.prefix and n == 1 else t == first)]
        if n == 1:
            return starts
        return [
            i for i in starts
            if i + last < len(toks) and toks[i + 1 : i + last] == list(self.words[1:last])
            and (toks[i + last].startswith(self.words[last]) if self.prefix else toks[i + last] == self.words[last])
        ]


@dataclass(frozen=True)
class Node:
    """AND, OR or NOT (`left NOT right`) over sub-expressions."""

    op: str
    children: tuple[Query, ...]


Query = Leaf | Node


def any_of(parts: Sequence[Query]) -> Query:
    """Passages holding any of the parts (the one part itself when alone)."""
    return parts[0] if len(parts) == 1 else Node("OR", tuple(parts))


def all_of(parts: Sequence[Query]) -> Query:
    """Passages holding every part (the one part itself when alone)."""
    return parts[0] if len(parts) == 1 else Node("AND", tuple(parts))
