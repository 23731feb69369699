"""The store's narrow reads for answering questions and expanding names: passages an expression
finds without ranking them all, and the names, sentences, dates and figures of a span of text."""

from __future__ import annotations


from chronika.records.document import Sentence
from chronika.records.stored import DocumentTitle, SpanDate, SpanFigure, SpanName
from chronika.records.expression import Query
from chronika.store.fulltext import fts5
from chronika.store.connection import Connection


class ReadingStore:
    """What `ask` and `finding` read (mixed into Store)."""

    db: Connection

    # -- entities ------------------------------------------------------------------------------

    def entity_name(self, entity_id: str) -> str | None:
        """An entity's name as resolution chose it, or None if there is no such entity."""
        row = self.db.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return str(row[0]) if row else None

    def person_names_starting(self, word: str, other_than: str) -> list[str]:
        """The names of persons other than `other_than` that begin with `word` and a space (SQL LIKE)."""
        rows = self.db.execute(
            "SELECT DISTINCT n.name FROM entity_names n JOIN entities e ON e.id = n.entity_id"
            " WHERE n.entity_id != ? AND e.type = 'person' AND n.name LIKE ?", (other_than, f"{word} %")
        )
        return [row[0] for row in rows]

    # -- passages ------------------------------------------------------------------------------

    def last_passage_id(self) -> int:
        """The largest passage id, 0 in an empty store."""
        return int(self.db.execute("SELECT max(id) FROM passages").fetchone()[0] or 0)

    def count_matching(self, query: Query, cap: int) -> int:
        """How many passages an expression matches, counted up to `cap`."""
        row = self.db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?)", (fts5(query), cap)
        ).fetchone()
        return int(row[0])

    def passages_matching(self, query: Query, limit: int) -> list[int]:
        """Ids of at most `limit` passages an expression matches, unranked."""
        rows = self.db.execute("SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?", (fts5(query), limit))
        return [row[0] for row in rows]

    def best_passages(self, query: Query, limit: int, document: int | None = None) -> list[int]:
        """Ids of the `limit` passages an expression matches best (its BM25), within one
        document if given. A document's passages are numbered in one run, so the search is bounded by
        their range of rowids, within which FTS5 seeks (`rowid IN (...)` would evaluate the
        expression once per passage of the document: seconds on a large store)."""
        match = fts5(query)
        if document is None:
            sql, args = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit)
            return [row[0] for row in self.db.execute(sql, args)]
        low, high = self.db.execute(
            "SELECT min(id), max(id) FROM passages WHERE document_id = ?", (document,)
        ).fetchone()
        if low is None:
            return []
        rows = self.db.execute(
            "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rank LIMIT ?",
            (match, low, high, limit),
        )
        return [row[0] for row in rows]

    def document_titles(self) -> list[DocumentTitle]:
        """Every document's id and title, in id order."""
        return [DocumentTitle(*row) for row in self.db.execute("SELECT id, title FROM documents ORDER BY id")]

    # -- a span of a document ------------------------------------------------------------------

    def names_in_span(self, doc_id: int, start: int, end: int) -> list[SpanName]:
        """Name mentions starting in text[start:end], with their entity and its type if resolved."""
        rows = self.db.execute(
            'SELECT m.start, m."end", e.id, e.type FROM name_mentions m LEFT JOIN entities e ON e.key = m.entity_key'
            " WHERE m.document_id = ? AND m.start >= ? AND m.start < ?",
            (doc_id, start, end),
        )
        return [SpanName(*row) for row in rows]

    def passage_sentences(self, doc_id: int, passage: int) -> list[Sentence]:
        """A passage's sentences (their bounds), in order."""
        rows = self.db.execute(
            'SELECT start, "end" FROM sentences WHERE document_id = ? AND passage = ? ORDER BY n', (doc_id, passage)
        )
        return [Sentence(*row) for row in rows]

    def dates_in_span(self, doc_id: int, start: int, end: int) -> list[SpanDate]:
        """Resolved dates and times starting in text[start:end] (a resolved one always has a
        precision and says whether it was inferred)."""
        rows = self.db.execute(
            'SELECT start, "end", text, precision, inferred FROM time_mentions WHERE document_id = ? AND start >= ?'
            " AND start < ? AND type IN ('DATE', 'TIME') AND date_start IS NOT NULL",
            (doc_id, start, end),
        )
        return [SpanDate(start, end, text, precision, bool(inferred)) for start, end, text, precision, inferred in rows]

    def years_in_span(self, doc_id: int, start: int, end: int) -> set[int]:
        """The years of the dates (day, month, season or year precise) starting in text[start:end]."""
        rows = self.db.execute(
            "SELECT DISTINCT CAST(substr(date_start, 1, 4) AS INTEGER) FROM time_mentions WHERE document_id = ?"
            " AND start >= ? AND start < ? AND type = 'DATE' AND precision IN ('day', 'month', 'season', 'year')",
            (doc_id, start, end),
        )
        return {year for (year,) in rows}

    def figures_in_span(self, doc_id: int, start: int, end: int) -> list[SpanFigure]:
        """Figures starting in text[start:end], with what they count."""
        rows = self.db.execute(
            'SELECT start, "end", text, counted FROM figure_mentions'
            " WHERE document_id = ? AND start >= ? AND start < ?",
            (doc_id, start, end),
        )
        return [SpanFigure(*row) for row in rows]
