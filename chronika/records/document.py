"""The records that flow through Chronika: a source as read, and the document, passages and
sentences made from it. Plain dataclasses, so extraction can run anywhere and the store decides
how they are kept."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from chronika.records.dates import DateInterval
from chronika.records.mentions import AliasDeclaration, FigureMention, NameMention, TimeMention



@dataclass
class Source:
    """What a reader got out of one file: its text as read, where its pages start, and what
    the file itself states about it (title, author, date)."""

    path: str
    text: str
    reader: str
    page_starts: list[int] = field(default_factory=list)  # offsets in `text` where pages 1, 2, ... begin
    title: str | None = None
    author: str | None = None
    date: str | None = None  # as the file's metadata states it
    metadata: dict[str, Any] = field(default_factory=dict)
    first_page: int = 1  # the number of the page `page_starts[0]` begins: a part of a file goes on counting its pages

    def page_at(self, offset: int) -> int | None:
        """The page number holding offset `offset` of `text`, if the source has pages."""
        if not self.page_starts:
            return None
        return max(bisect_right(self.page_starts, offset), 1) + self.first_page - 1


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass
class Passage:
    """A citable stretch of a document's clean text: a paragraph, a part of a long one, a
    heading or a footnote."""

    n: int
    start: int
    end: int
    kind: str  # "body", "heading", "footnote", "verse"
    page: int | None = None
    orig_start: int = 0
    orig_end: int = 0
    note: str | None = None  # the footnote's number, for kind == "footnote"
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class Change:
    """What cleaning changed, located in both texts: original[orig_start:orig_end] stood where
    text[start:end] stands now (empty where something was dropped), and why."""

    start: int
    end: int
    orig_start: int
    orig_end: int
    original: str
    replacement: str
    reason: str


@dataclass(frozen=True)
class FootnoteLink:
    """A footnote marker in the text (e.g. the "4" after a sentence) and the footnote it calls."""

    start: int
    end: int
    marker: str
    passage: int  # n of the footnote passage


@dataclass
class Extracted:
    """What extraction found in a document's clean text, offsets into that text."""

    names: list[NameMention] = field(default_factory=list)
    aliases: list[AliasDeclaration] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    figures: list[FigureMention] = field(default_factory=list)
    memory: list[MemoryMention] = field(default_factory=list)


@dataclass(frozen=True)
class MemoryMention:
    """A sentence read as a memory event (see `chronika.extract.memory`)."""

    passage: int
    start: int
    end: int
    kind: str
    direction: str
    level: str
    cues: tuple[str, ...]
    # When the act happened and how that is known: `date_from` is "act" (a date the sentence gives the
    # act), "narrative" (the paragraph's current date) or "document" (reported in the present, or with
    # "today"-type deixis: the document's date, when it has one from evidence, dates it; `date` is then
    # the deictic expression resolved against it, or None); None when nothing dates it.
    date: DateInterval | None = field(default=None, kw_only=True)
    date_from: str | None = field(default=None, kw_only=True)
    confidence: str = field(default="sure", kw_only=True)  # "sure" | "uncertain"
    evidence: tuple[str, ...] = field(default=(), kw_only=True)  # the cues, the date's provenance, the doubts


@dataclass
class Document:
    """A source made ready to store: clean text, its map back to the original, and its parts."""

    source: str
    content_hash: str
    reader: str
    title: str
    text: str
    original: str
    offset_map: list[list[int]]
    language: str
    words: int
    date: DateInterval | None
    date_provenance: str | None  # "argument", "metadata", "header", or the opening line that states it (extract/dating.py)
    author: str | None
    metadata: dict[str, Any]
    passages: list[Passage]
    changes: list[Change]
    footnote_links: list[FootnoteLink]
    name_counts: dict[str, int]  # how often each name occurs in the source as read: evidence for mending others
    extracted: Extracted | None = None  # names, times and figures (None when built without NLP)
