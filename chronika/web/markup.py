"""A passage's text as a tree of marked spans (names, dates, figures, mended words) for the
document page. Pure: text and marks in, nodes out; the template escapes every string in them.

A passage's rendered text content must equal the clean text of the passage exactly, character for
character, so a citation's offsets can be found in the page (the page's script marks `#c-S-E`)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Sequence, Union

TAGS = frozenset({"a", "time", "span", "sup"})  # the only elements a mark may become


@dataclass(frozen=True)
class Mark:
    """text[start:end] to be wrapped in an element; at the same span a lower rank is outermost."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]
    rank: int = 0


@dataclass
class Node:
    """An element of the rendered passage: a whitelisted tag, its attributes, its children."""

    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    children: list[Union["Node", str]] = field(default_factory=list)


Piece = Union[Node, str]


def annotate(text: str, start: int, end: int, marks: Sequence[Mark]) -> list[Piece]:
    """text[start:end] with the marks inside it as nested nodes. A mark that crosses the edge of
    one already placed, repeats one, or would put a link inside a link is left out."""
    root = Node("")
    stack: list[tuple[Node, int]] = [(root, end)]
    pos = start
    seen: set[tuple[int, int, str]] = set()
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.rank)):
        if mark.tag not in TAGS or mark.start >= mark.end or mark.start < start or mark.end > end:
            continue
        while len(stack) > 1 and stack[-1][1] <= mark.start:
            node, node_end = stack.pop()
            _text(node, text, pos, node_end)
            pos = max(pos, node_end)
        key = (mark.start, mark.end, mark.tag)
        crosses = mark.start < pos or mark.end > stack[-1][1]
        nested_link = mark.tag == "a" and any(n.tag == "a" for n, _ in stack)
        if crosses or key in seen or nested_link:
            continue
        seen.add(key)
        _text(stack[-1][0], text, pos, mark.start)
        pos = mark.start
        node = Node(mark.tag, mark.attrs)
        stack[-1][0].children.append(node)
        stack.append((node, mark.end))
    while len(stack) > 1:
        node, node_end = stack.pop()
        _text(node, text, pos, node_end)
        pos = max(pos, node_end)
    _text(root, text, pos, end)
    return root.children


def _text(node: Node, text: str, start: int, end: int) -> None:
    if start < end:
        node.children.append(text[start:end])


def plain(pieces: Sequence[Piece]) -> str:
    """The text content of rendered pieces (what a browser's textContent gives)."""
    return "".join(p if isinstance(p, str) else plain(p.children) for p in pieces)


def within(marks: Sequence[Mark], starts: Sequence[int], start: int, end: int) -> list[Mark]:
    """The marks (sorted by start, `starts` their start offsets) that begin inside [start, end)."""
    i = bisect_left(starts, start)
    j = bisect_left(starts, end)
    return list(marks[i:j])
