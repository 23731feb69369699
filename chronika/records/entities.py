"""What resolution reads and makes: stored name mentions and declared aliases, the user's
corrections, and the entities."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MentionRecord:
    """A stored name mention, as resolution sees it."""

    id: int
    document: int
    normal: str
    type: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class AliasRecord:
    document: int
    name: str
    alias: str
    kind: str


@dataclass(frozen=True)
class Correction:
    """A user's correction: merge names into one entity, split a name off, or retype."""

    kind: str  # "merge" | "split" | "retype"
    names: tuple[str, ...]  # merge: every name to join; split: (entity name, name to split off); retype: (name,)
    type: str | None = None  # retype: the new type


@dataclass
class Entity:
    id: str
    name: str
    type: str
    mentions: list[int] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    documents: set[int] = field(default_factory=set)
    note: str | None = None


@dataclass(frozen=True)
class Succession:
    """How re-resolved entities follow the ones they replace, by id. `continued`: the old entity
    each new one carries on (it keeps the old one's key, so the mentions both hold stay as they
    are); `successors`: for each old entity, the new one that holds most of its mentions (an old
    id that is no longer in use then finds that entity)."""

    continued: dict[str, str] = field(default_factory=dict)
    successors: dict[str, str] = field(default_factory=dict)
