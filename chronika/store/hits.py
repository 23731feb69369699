"""What a search reads in SQL besides its ranking: the conditions a search's facets put on the
passages, a hit made from a passage row joined with its document, and passages read by id."""

from __future__ import annotations

from typing import Any

from chronika.records.search import Hit, SearchFilters
from chronika.store.connection import Connection, Row


def filter_sql(filters: SearchFilters) -> tuple[str, list[Any]]:
    """Conditions on the FTS rowid (a passage id), each after an AND, and their arguments."""
    where: list[str] = []
    args: list[Any] = []
    if filters.document is not None:
        # A document's passages are stored together: a rowid range lets FTS5 skip the rest.
        where.append(
            "rowid BETWEEN (SELECT min(id) FROM passages WHERE document_id = ?)"
            " AND (SELECT max(id) FROM passages WHERE document_id = ?)"
        )
        args.extend([filters.document, filters.document])
    if filters.reader:
        where.append("rowid IN (SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.reader = ?)")
        args.append(filters.reader)
    if filters.entity:
        where.append(
            "rowid IN (SELECT p.id FROM passages p JOIN name_mentions m ON m.document_id = p.document_id"
            " AND m.passage = p.n WHERE m.entity_key = (SELECT key FROM entities WHERE id = ?))"
        )
        args.append(filters.entity)
    if filters.year_from is not None or filters.year_to is not None:
        where.append(
            "rowid IN (SELECT p.id FROM passages p JOIN time_mentions t ON t.document_id = p.document_id"
            " AND t.passage = p.n WHERE t.date_end >= ? AND t.date_start <= ?)"
        )
        args.append(f"{filters.year_from if filters.year_from is not None else 1:04d}-01-01")
        args.append(f"{filters.year_to if filters.year_to is not None else 9999:04d}-12-31")
    return "".join(" AND " + w for w in where), args


def hit_from_row(row: Row, score: float, marked: list[tuple[int, int]]) -> Hit:
    """A hit from a passages row joined with its document (document_id, n, start, end, page, text,
    title, source)."""
    return Hit(
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


class PassageReading:
    """Passages read by id for a search that found them elsewhere (lists, postings, vectors): their
    texts, or hits with their citations (a mixin of `Store`)."""

    db: Connection

    def passage_texts(self, ids: list[int]) -> dict[int, str]:
        """The text of each passage still stored, by id."""
        return dict(self.db.execute(f"SELECT id, text FROM passages WHERE id IN ({','.join('?' * len(ids))})", ids))

    def passage_hits(self, scores: dict[int, float]) -> dict[int, Hit]:
        """Hits for passages found by id (not by words): their citation, no highlights."""
        if not scores:
            return {}
        marks = ",".join("?" * len(scores))
        rows = self.db.execute(
            'SELECT p.id, p.document_id, p.n, p.start, p."end", p.page, p.text, d.title, d.source'
            " FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id IN (" + marks + ")",
            list(scores),
        )
        return {row["id"]: hit_from_row(row, scores[row["id"]], []) for row in rows}
