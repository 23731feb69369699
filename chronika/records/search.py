"""What a search asks and finds: the facets it is narrowed by, and hits with their citations."""

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

    def sql(self) -> tuple[str, list[Any]]:
        """Conditions on the FTS rowid (a passage id), and their arguments."""
        where: list[str] = []
        args: list[Any] = []
        if self.document is not None:
            # A document's passages are stored together: a rowid range lets FTS5 skip the rest.
            where.append(
                "rowid BETWEEN (SELECT min(id) FROM passages WHERE document_id = ?)"
                " AND (SELECT max(id) FROM passages WHERE document_id = ?)"
            )
            args.extend([self.document, self.document])
        if self.reader:
            where.append("rowid IN (SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.reader = ?)")
            args.append(self.reader)
        if self.entity:
            where.append(
                "rowid IN (SELECT p.id FROM passages p JOIN name_mentions m ON m.document_id = p.document_id"
                " AND m.passage = p.n WHERE m.entity_id = ?)"
            )
            args.append(self.entity)
        if self.year_from is not None or self.year_to is not None:
            where.append(
                "rowid IN (SELECT p.id FROM passages p JOIN time_mentions t ON t.document_id = p.document_id"
                " AND t.passage = p.n WHERE t.date_end >= ? AND t.date_start <= ?)"
            )
            args.append(f"{self.year_from if self.year_from is not None else 1:04d}-01-01")
            args.append(f"{self.year_to if self.year_to is not None else 9999:04d}-12-31")
        return "".join(" AND " + w for w in where), args


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

    @classmethod
    def from_row(cls, row: Any, score: float, marked: list[tuple[int, int]]) -> Hit:
        """A hit from a passages row joined with its document (document_id, n, start, end, page,
        text, title, source)."""
        return cls(
            score=round(score, 4),
            document=f"d{row['document_id']}",
            title=row["title"],
            source=row["source"],
            passage=row["n"],
            start=row["start"],
            end=row["end"],
            page=row["page"],
            text=row["text"],
            highlights=marked,
        )

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
