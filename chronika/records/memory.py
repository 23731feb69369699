"""What the store keeps of memory events: the signals extraction found in a sentence, and the
user's reclassifications of them."""

from __future__ import annotations

from dataclasses import dataclass

from chronika.records.document import MemoryMention


@dataclass(frozen=True)
class StoredMemoryMention(MemoryMention):
    """A stored memory mention, with its document and the document's source."""

    document: int
    source: str


@dataclass(frozen=True)
class Reclassification:
    """A user's correction of a memory event, keyed by its document's source and its words."""

    source: str
    sentence: str
    kind: str | None = None
    direction: str | None = None
    level: str | None = None
