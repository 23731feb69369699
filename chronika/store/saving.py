"""Saving a document: its row, passages, sentences, changes, footnote links and name counts, and the
mentions extraction found, in one transaction that replaces an older version from the same source."""

from __future__ import annotations

import json
from bisect import bisect_right
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Callable

from chronika.records.document import Document
from chronika.store.connection import Connection
from chronika.store.resolution import mentions_removed


class DocumentSaving:
    """Document writing of `Store` (a mixin: `Store` provides the connection, transactions and
    the champion lists' staleness)."""

    db: Connection
    transaction: Callable[[], AbstractContextManager[Connection]]
    _impacts_stale: Callable[[Connection], None]

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
            json.dumps(doc.offset_map, separators=(",", ":")), utc_now(),
        )
        with self.transaction() as db:
            old = db.execute("SELECT id FROM documents WHERE source = ?", (doc.source,)).fetchone()
            if old:
                db.execute("DELETE FROM documents WHERE id = ?", (old["id"],))
                mentions_removed(db)
            self._impacts_stale(db)
            cur = db.execute(
                "INSERT INTO documents (id, source, content_hash, reader, title, author, language, words,"
                " date_start, date_end, date_precision, date_text, date_inferred, date_provenance,"
                " metadata, text, original, offset_map, ingested_at)"
                # a new document takes the next id, as SQLite's rowid would (writers take turns)
                " VALUES (coalesce(?, (SELECT coalesce(max(id), 0) + 1 FROM documents)),"
                " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (old["id"] if old else None, *row),
            )
            doc_id = int(cur.fetchone()[0])
            self._save_parts(db, doc_id, doc)
        return f"d{doc_id}"

    def remove(self, sources: list[str]) -> int:
        """Delete the documents stored from these sources, in one transaction (an old version's
        parts that the new version of a long file no longer has); returns how many."""
        with self.transaction() as db:
            removed = sum(db.execute("DELETE FROM documents WHERE source = ?", (s,)).rowcount for s in sources)
            if removed:
                self._impacts_stale(db)
                mentions_removed(db)
        return removed

    def _index_passages(self, db: Connection, doc_id: int) -> None:
        """Add a document's passages to the full-text index."""
        # Indexed in one statement: a per-row trigger costs three times as much.
        db.execute("INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages WHERE document_id = ?", (doc_id,))

    def _save_parts(self, db: Connection, doc_id: int, doc: Document) -> None:
        text = doc.text
        db.executemany(
            "INSERT INTO passages (document_id, n, kind, start, \"end\", page, orig_start, orig_end, note, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc_id, p.n, p.kind, p.start, p.end, p.page, p.orig_start, p.orig_end, p.note, text[p.start : p.end])
                for p in doc.passages
            ],
        )
        self._index_passages(db, doc_id)
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


def _save_extracted(db: Connection, doc_id: int, doc: Document) -> None:
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
        'INSERT INTO memory_signals (document_id, passage, start, "end", kind, direction, level, cues, date_start,'
        " date_end, date_precision, date_text, date_from, confidence, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (doc_id, m.passage, m.start, m.end, m.kind, m.direction, m.level, json.dumps(m.cues),
             m.date.start.isoformat() if m.date else None, m.date.end.isoformat() if m.date else None,
             m.date.precision if m.date else None, m.date.text if m.date else None, m.date_from, m.confidence,
             json.dumps(m.evidence))
            for m in found.memory
        ],
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


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
