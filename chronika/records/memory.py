"""What the store keeps of memory events: the signals extraction found in a sentence, and the
user's reclassifications of them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MemorySignal:
    """A sentence extraction read as a memory event, with its document's source."""

    document: int
    passage: int
    start: int
    end: int
    kind: str
    direction: str
    level: str
    cues: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Reclassification:
    """A user's correction of a memory event, keyed by its document's source and its words."""

    source: str
    sentence: str
    kind: str | None = None
    direction: str | None = None
    level: str | None = None
