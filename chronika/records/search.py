"""What a search is asked and answers: the facets it is narrowed by, and hits with their citations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SearchFilters:
    """Facets a search can be narrowed by: a document, a span of years (the passage states a date
    in it), an entity (named in the passage, by id) and the kind of source (its reader)."""

    document: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    entity: str | None = None
    reader: str | None = None


@dataclass(frozen=True)
class Hit:
    """A passage that matches a query, with where the query's words stand in it."""

    score: float
    document: str
    title: str
    source: str
    passage: int
    start: int
    end: int
    page: int | None
    text: str
    highlights: list[tuple[int, int]]

    def citation(self) -> dict[str, Any]:
        cited: dict[str, Any] = {
            "document": self.document,
            "title": self.title,
            "source": self.source,
            "passage": self.passage,
            "start": self.start,
            "end": self.end,
            "quote": self.text,
        }
        if self.page is not None:
            cited["page"] = self.page
        return cited

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "text": self.text,
            "citation": self.citation(),
            "highlights": [list(h) for h in self.highlights],
        }
