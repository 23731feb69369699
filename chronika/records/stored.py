"""What the store reads back: documents as listed, their passages, and the mentions, entities,
events and memory signals derived from them, each a frozen record (never a database row)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chronika.records.dates import DateInterval
from chronika.records.mentions import FigureMention


@dataclass(frozen=True)
class StoredDocument:
    """A document as listed: what it is, without its text."""

    id: str
    title: str
    source: str
    date: DateInterval | None
    date_provenance: str | None
    language: str
    words: int
    passages: int
    content_hash: str
    reader: str
    author: str | None
    metadata: dict[str, Any]


@dataclass(frozen=True)
class StoredPassage:
    """A stored passage's place in its document's clean text and in the original (no text)."""

    n: int
    kind: str
    start: int
    end: int
    page: int | None
    orig_start: int
    orig_end: int
    note: str | None


@dataclass(frozen=True)
class StoredEntity:
    """An entity as resolution stored it, with how often and in how many documents it is named."""

    id: str
    name: str
    type: str
    mentions: int
    documents: int
    note: str | None


@dataclass(frozen=True)
class EntityName:
    """One of an entity's names, how often it occurs, and where it was first seen."""

    name: str
    mentions: int
    document: int
    start: int
    end: int


@dataclass(frozen=True)
class EntityMention:
    """Where an entity is named: text[start:end] of a document, in passage `passage`."""

    document: int
    passage: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ResolvedName:
    """A name mention in a document's text resolved to an entity."""

    start: int
    end: int
    entity: str


@dataclass(frozen=True)
class RelatedEntity:
    """An entity named in the same sentences as another, and in how many."""

    id: str
    name: str
    count: int


@dataclass(frozen=True)
class StoredTime:
    """A stored time expression with the interval it resolved to (only dated ones are read)."""

    document: int
    passage: int
    start: int
    end: int
    text: str
    value: str
    type: str
    date_start: str
    date_end: str
    precision: str
    inferred: bool


@dataclass(frozen=True)
class StoredFigure(FigureMention):
    """A stored figure: its value, the bounds its words imply and what it counts, with where it is."""

    document: int
    passage: int


@dataclass(frozen=True)
class StoredEvent:
    """An event: a sentence (document, start, end) with a dated time expression (its words at
    date_at:date_until) and the ids of the entities it names."""

    document: int
    passage: int
    start: int
    end: int
    date_start: str
    date_end: str
    precision: str
    date_text: str
    inferred: bool
    old_style_start: str | None
    old_style_end: str | None
    date_at: int
    date_until: int
    entities: tuple[str, ...]
    anchor: str = "absolute"  # what an inferred date was counted from: "narrative", "document" (else "absolute")


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence of a document: text[start:end]."""

    document: int
    start: int
    end: int


@dataclass(frozen=True)
class PersonSentence:
    """A sentence (document, start, end) about a person: the person is named in it or, for one
    that goes on with a pronoun, named first in the sentence before it."""

    person: str
    document: int
    start: int
    end: int


@dataclass(frozen=True)
class NamedPerson:
    """A person named in a sentence (document, start, end); the name ends at `mention_end`."""

    person: str
    document: int
    start: int
    end: int
    mention_end: int


@dataclass(frozen=True)
class DocumentTitle:
    document: int
    title: str


@dataclass(frozen=True)
class PassageText:
    """A passage's id and text (what an embedding is made from)."""

    id: int
    text: str


@dataclass(frozen=True)
class SpanName:
    """A name mention in a span of text, with the entity it resolved to and that entity's type
    (both None when it was not resolved)."""

    start: int
    end: int
    entity: str | None
    type: str | None


@dataclass(frozen=True)
class SpanDate:
    """A resolved date or time in a span of text: its words, precision and whether it was inferred."""

    start: int
    end: int
    text: str
    precision: str
    inferred: bool


@dataclass(frozen=True)
class SpanFigure:
    """A figure in a span of text and what it counts."""

    start: int
    end: int
    text: str
    counted: str | None
