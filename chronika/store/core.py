"""The store's core: the connection, migrations, documents, passages and full-text search."""

from __future__ import annotations

import json
from bisect import bisect_right
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Collection, Iterator

from chronika.records.dates import DateInterval
from chronika.errors import ChronikaError, QueryError
from chronika.records.document import Document
from chronika.query.ranking import Unsupported, parse
from chronika.query.ranking import highlights as marked_words
from chronika.query.search import Hit, SearchFilters, fts_query, highlights
from chronika.store.chronology import ChronologyStore
from chronika.store.entities import EntityStore
from chronika.store.impacts import ImpactStore
from chronika.store.reading import ReadingStore
from chronika.store.vectors import VectorStore
from chronika.store.schema import MIGRATIONS


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


class Store(EntityStore, ChronologyStore, VectorStore, ImpactStore, ReadingStore):
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
                    (version, migration.__name__.lstrip("_"), _now()),
                )

    def schema_version(self) -> int:
        return int(self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0)

    # -- writing -------------------------------------------------------------------------------

    def status_of(self, source: str, digest: str) -> str:
        """'unchanged' if this content is stored already, 'replaced' if the source is stored
        with other content, else 'added'."""
        if self.db.execute("SELECT 1 FROM documents WHERE content_hash = ?", (digest,)).fetchone():
            return "unchanged"
        if self.db.execute("SELECT 1 FROM documents WHERE source = ?", (source,)).fetchone():
            return "replaced"
        return "added"

    def save(self, doc: Document) -> str:
        """Store a document in one transaction, replacing an older version from the same
        source (which keeps its id). Returns the document's id."""
        date = doc.date
        row = (
            doc.source, doc.content_hash, doc.reader, doc.title, doc.author, doc.language, doc.words,
            date.start.isoformat() if date else None, date.end.isoformat() if date else None,
            date.precision if date else None, date.text if date else None,
            int(date.inferred) if date else None, doc.date_provenance,
            json.dumps(doc.metadata, ensure_ascii=False, default=str), doc.text, doc.original,
            json.dumps(doc.offset_map, separators=(",", ":")), _now(),
        )
        with self.transaction() as db:
            old = db.execute("SELECT id FROM documents WHERE source = ?", (doc.source,)).fetchone()
            if old:
                db.execute("DELETE FROM documents WHERE id = ?", (old["id"],))
            self._impacts_stale(db)
            cur = db.execute(
                "INSERT INTO documents (id, source, content_hash, reader, title, author, language, words,"
                " date_start, date_end, date_precision, date_text, date_inferred, date_provenance,"
                " metadata, text, original, offset_map, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (old["id"] if old else None, *row),
            )
            doc_id = cur.lastrowid
            self._save_parts(db, doc_id, doc)
        return f"d{doc_id}"

    def _save_parts(self, db: sqlite3.Connection, doc_id: int | None, doc: Document) -> None:
        text = doc.text
        db.executemany(
            "INSERT INTO passages (document_id, n, kind, start, \"end\", page, orig_start, orig_end, note, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, p.n, p.kind, p.start, p.end, p.page, p.orig_start, p.orig_end, p.note, text[p.start : p.end])
                for p in doc.passages
            ],
        )
        # Indexed in one statement: a per-row trigger costs three times as much.
        db.execute("INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages WHERE document_id = ?", (doc_id,))
        db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
            [(doc_id, p.n, i, s.start, s.end) for p in doc.passages for i, s in enumerate(p.sentences, start=1)],
        )
        db.executemany(
            "INSERT INTO changes (document_id, orig_start, orig_end, start, \"end\", original, replacement, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, c.orig_start, c.orig_end, c.start, c.end, c.original, c.replacement, c.reason) for c in doc.changes],
        )
        db.executemany(
            "INSERT INTO footnote_links VALUES (?, ?, ?, ?, ?)",
            [(doc_id, link.start, link.end, link.marker, link.passage) for link in doc.footnote_links],
        )
        db.executemany(
            "INSERT INTO name_counts VALUES (?, ?, ?)", [(doc_id, name, n) for name, n in doc.name_counts.items()]
        )
        if doc.extracted is not None:
            _save_extracted(db, doc_id, doc)

    # -- reading -------------------------------------------------------------------------------

    def name_counts(self, excluding: Collection[str] = ()) -> dict[str, int]:
        """How often each name occurs across the stored documents (evidence for OCR mending),
        leaving out the documents from the `excluding` sources (about to be replaced)."""
        rows = self.db.execute(
            "SELECT name, sum(n) FROM name_counts WHERE document_id NOT IN"
            " (SELECT id FROM documents WHERE source IN (SELECT value FROM json_each(?))) GROUP BY name",
            (json.dumps(list(excluding)),),
        )
        return {row[0]: row[1] for row in rows}

    def documents(self) -> list[StoredDocument]:
        rows = self.db.execute(
            "SELECT d.*, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count"
            " FROM documents d ORDER BY d.id"
        )
        return [_stored(row) for row in rows]

    def document(self, ref: str) -> tuple[StoredDocument, str, list[sqlite3.Row]]:
        """A document by id ('d3' or '3'): its listing, clean text and passages."""
        doc_id = doc_number(ref)
        row = self.db.execute(
            "SELECT d.*, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count"
            " FROM documents d WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise ChronikaError(f"no document '{ref}' in {self.path}; `chronika documents` lists them")
        passages = self.db.execute(
            'SELECT n, kind, start, "end", page, orig_start, orig_end, note FROM passages WHERE document_id = ? ORDER BY n',
            (doc_id,),
        ).fetchall()
        return _stored(row), row["text"], passages

    def changes(self, ref: str) -> list[sqlite3.Row]:
        return self.db.execute(
            'SELECT orig_start, orig_end, start, "end", original, replacement, reason FROM changes'
            " WHERE document_id = ? ORDER BY orig_start",
            (doc_number(ref),),
        ).fetchall()

    def footnote_links(self, ref: str) -> list[sqlite3.Row]:
        return self.db.execute(
            'SELECT start, "end", marker, passage FROM footnote_links WHERE document_id = ? ORDER BY start',
            (doc_number(ref),),
        ).fetchall()

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
        where, args = (filters or SearchFilters()).sql()
        rows = self._fts_rows(
            # bm25() ordered by SQLite's sorter: a third faster than FTS5's own `ORDER BY rank`.
            "WITH top AS (SELECT rowid AS id, bm25(passages_fts) AS rank FROM passages_fts WHERE passages_fts MATCH ?"
            + where + " ORDER BY rank LIMIT ?)"
            " SELECT p.id, p.document_id, p.n, p.start, p.\"end\", p.page, p.text, d.title, d.source, top.rank"
            " FROM top JOIN passages p ON p.id = top.id JOIN documents d ON d.id = p.document_id ORDER BY top.rank",
            (match, *args, limit), shown or match,
        )
        marks = self._highlights(match, rows, shown or match)
        return [Hit.from_row(row, -row["rank"], marks[row["id"]]) for row in rows], False

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
        hits = [Hit.from_row(rows[pid], s, h) for pid, s, h in zip(ranked.ids, ranked.scores, ranked.highlights) if pid in rows]
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


def _save_extracted(db: sqlite3.Connection, doc_id: int | None, doc: Document) -> None:
    found = doc.extracted
    if found is None:
        return
    starts = [p.start for p in doc.passages]
    sentence_starts = [s.start for p in doc.passages for s in p.sentences]

    def passage(offset: int) -> int:
        return doc.passages[max(0, bisect_right(starts, offset) - 1)].n if starts else 0

    def sentence(offset: int) -> int:
        return sentence_starts[max(0, bisect_right(sentence_starts, offset) - 1)] if sentence_starts else 0

    db.executemany(
        'INSERT INTO name_mentions (document_id, passage, start, "end", sentence_start, text, normal, type, evidence)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, passage(m.start), m.start, m.end, sentence(m.start), m.text, m.normal, m.type, json.dumps(m.evidence))
            for m in found.names
        ],
    )
    text = doc.text
    db.executemany(
        "INSERT INTO alias_declarations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, a.name_start, a.name_end, a.alias_start, a.alias_end, a.kind,
             text[a.name_start : a.name_end], text[a.alias_start : a.alias_end])
            for a in found.aliases
        ],
    )
    db.executemany(
        'INSERT INTO time_mentions (document_id, passage, start, "end", sentence_start, text, value, type, date_start,'
        " date_end, precision, inferred, old_style_start, old_style_end, anchor)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, passage(t.start), t.start, t.end, sentence(t.start), t.text, t.value, t.type,
             t.date.start.isoformat() if t.date else None, t.date.end.isoformat() if t.date else None,
             t.date.precision if t.date else None, int(t.date.inferred) if t.date else None,
             t.old_style.start.isoformat() if t.old_style else None,
             t.old_style.end.isoformat() if t.old_style else None, t.anchor)
            for t in found.times
        ],
    )
    db.executemany(
        'INSERT INTO memory_signals (document_id, passage, start, "end", kind, direction, level, cues)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, m.passage, m.start, m.end, m.kind, m.direction, m.level, json.dumps(m.cues)) for m in found.memory],
    )
    db.executemany(
        'INSERT INTO figure_mentions (document_id, passage, start, "end", sentence_start, text, value, low, high,'
        " approximate, unit, counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, passage(f.start), f.start, f.end, sentence(f.start), f.text, f.value, f.low, f.high,
             int(f.approximate), f.unit, f.counted)
            for f in found.figures
        ],
    )


def doc_number(ref: str) -> int:
    digits = ref[1:] if ref[:1] in ("d", "D") else ref
    if not digits.isdigit():
        raise ChronikaError(f"'{ref}' is not a document id (ids look like d3); `chronika documents` lists them")
    return int(digits)


def _stored(row: sqlite3.Row) -> StoredDocument:
    date = None
    if row["date_start"]:
        date = DateInterval.from_json(
            {
                "start": row["date_start"],
                "end": row["date_end"],
                "precision": row["date_precision"],
                "text": row["date_text"],
                "inferred": bool(row["date_inferred"]),
            }
        )
    return StoredDocument(
        id=f"d{row['id']}",
        title=row["title"],
        source=row["source"],
        date=date,
        date_provenance=row["date_provenance"],
        language=row["language"],
        words=row["words"],
        passages=row["passage_count"],
        content_hash=row["content_hash"],
        reader=row["reader"],
        author=row["author"],
        metadata=json.loads(row["metadata"]),
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
