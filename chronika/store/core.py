"""The store's core: the connection, migrations, the integrity check and full-text search."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from chronika.errors import ChronikaError, QueryError
from chronika.query.ranking import Unsupported, parse
from chronika.query.ranking import highlights as marked_words
from chronika.query.search import fts_query, highlights
from chronika.records.search import Hit, SearchFilters
from chronika.store.chronology import ChronologyStore
from chronika.store.documents import DocumentReading
from chronika.store.entities import EntityStore
from chronika.store.hits import filter_sql, hit_from_row
from chronika.store.impacts import ImpactStore
from chronika.store.reading import ReadingStore
from chronika.store.saving import DocumentSaving, utc_now
from chronika.store.vectors import VectorStore
from chronika.store.schema import MIGRATIONS


class Store(DocumentSaving, DocumentReading, EntityStore, ChronologyStore, VectorStore, ImpactStore, ReadingStore):
    """Chronika's SQLite file."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise ChronikaError(f"{self.path} is not a Chronika store ({e}); name another file with --db") from e

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        done = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        for version, migration in enumerate(MIGRATIONS, start=1):
            if version in done:
                continue
            with self.transaction() as db:
                migration(db)
                db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (version, migration.__name__.lstrip("_"), utc_now()),
                )

    def schema_version(self) -> int:
        return int(self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0)

    def search(self, query: str, limit: int = 10, filters: SearchFilters | None = None) -> list[Hit]:
        """Passages matching a user's full-text query, best first (BM25), with the hits marked."""
        return self.search_fts(fts_query(query), limit, filters, shown=query)

    def search_fts(
        self, match: str, limit: int = 10, filters: SearchFilters | None = None, shown: str | None = None
    ) -> list[Hit]:
        """Passages matching an FTS5 expression, best first (see `rank_fts`)."""
        return self.rank_fts(match, limit, filters, shown)[0]

    def rank_fts(
        self, match: str, limit: int = 10, filters: SearchFilters | None = None, shown: str | None = None,
        full_rank: bool = False,
    ) -> tuple[list[Hit], bool]:
        """Passages matching an FTS5 expression, best first, and whether their order may differ from
        BM25's. A large store ranks from its champion lists (store/impacts.py) unless `full_rank`;
        otherwise, and for filtered searches, FTS5 ranks: the index is asked for the best `limit`
        rows first and only those are joined."""
        match = self.spell_prefixes(match)
        if not full_rank and (filters is None or filters == SearchFilters()):
            ranked = self._ranked(match, limit, shown)
            if ranked is not None:
                return ranked
        where, args = filter_sql(filters or SearchFilters())
        rows = self._fts_rows(
            # bm25() ordered by SQLite's sorter: a third faster than FTS5's own `ORDER BY rank`.
            "WITH top AS (SELECT rowid AS id, bm25(passages_fts) AS rank FROM passages_fts WHERE passages_fts MATCH ?"
            + where + " ORDER BY rank LIMIT ?)"
            " SELECT p.id, p.document_id, p.n, p.start, p.\"end\", p.page, p.text, d.title, d.source, top.rank"
            " FROM top JOIN passages p ON p.id = top.id JOIN documents d ON d.id = p.document_id ORDER BY top.rank",
            (match, *args, limit), shown or match,
        )
        marks = self._highlights(match, rows, shown or match)
        return [hit_from_row(row, -row["rank"], marks[row["id"]]) for row in rows], False

    def _highlights(self, match: str, rows: list[sqlite3.Row], shown: str) -> dict[int, list[tuple[int, int]]]:
        """Where the expression's words stand in each passage. Marked here rather than by FTS5's
        highlight(), which a query ordered by rank computes for every passage that matches."""
        try:
            tree = parse(match)
        except Unsupported:
            ids = [row["id"] for row in rows]
            return {rowid: highlights(marked) for rowid, marked in self._fts_rows(
                "SELECT rowid, highlight(passages_fts, 0, char(2), char(3)) FROM passages_fts WHERE passages_fts MATCH ?"
                f" AND rowid IN ({','.join('?' * len(ids))})", (match, *ids), shown,
            )}
        return {row["id"]: marked_words(tree, row["text"]) for row in rows}

    def _ranked(self, match: str, limit: int, shown: str | None) -> tuple[list[Hit], bool] | None:
        try:
            ranked = self.rank_by_impacts(match, limit)
        except sqlite3.OperationalError as e:
            raise _query_error(shown or match, e) from e
        if ranked is None:
            return None
        rows = {row["id"]: row for row in self._fts_rows(
            "SELECT p.id, p.document_id, p.n, p.start, p.\"end\", p.page, p.text, d.title, d.source"
            f" FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id IN ({','.join('?' * len(ranked.ids))})",
            ranked.ids, shown or match,
        )}
        hits = [hit_from_row(rows[pid], s, h) for pid, s, h in zip(ranked.ids, ranked.scores, ranked.highlights) if pid in rows]
        return hits, not ranked.exact

    def _fts_rows(self, sql: str, args: Any, shown: str) -> list[sqlite3.Row]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as e:
            raise _query_error(shown, e) from e

    def check(self) -> list[str]:
        """Problems found in the store (an empty list for a consistent one)."""
        problems = [row[0] for row in self.db.execute("PRAGMA integrity_check") if row[0] != "ok"]
        try:
            self.db.execute("INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as e:
            problems.append(f"full-text index: {e}")
        orphans = self.db.execute(
            "SELECT count(*) FROM passages WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} passages without a document")
        return problems


def _query_error(shown: str, e: sqlite3.OperationalError) -> QueryError:
    return QueryError(f"cannot search for {shown!r}: {e}. Quote phrases in \"...\", use AND/OR/NOT and word*")
