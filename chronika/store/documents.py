"""Reading documents back: the listing, one document's clean text and passages, what cleaning
changed in it, its footnote links, and the name counts OCR mending weighs."""

from __future__ import annotations

import json
from typing import Collection

from chronika.errors import ChronikaError
from chronika.records.dates import DateInterval
from chronika.records.document import Change, FootnoteLink
from chronika.records.stored import StoredDocument, StoredPassage
from chronika.store.connection import Connection, Row


class DocumentReading:
    """Document reads of `Store` (a mixin: `Store` provides the connection and its path)."""

    db: Connection
    path: str

    def name_counts(self, excluding: Collection[str] = ()) -> dict[str, int]:
        """How often each name occurs across the stored documents (evidence for OCR mending),
        leaving out the documents from the `excluding` sources (about to be replaced)."""
        rows = self.db.execute(
            "SELECT name, sum(n) FROM name_counts WHERE document_id NOT IN"
            " (SELECT id FROM documents WHERE source IN (SELECT value FROM json_each(?))) GROUP BY name",
            (json.dumps(list(excluding)),),
        )
        return {row[0]: row[1] for row in rows}

    def sources(self) -> list[str]:
        """Every stored document's source, in the order of their ids (without reading their text)."""
        return [row[0] for row in self.db.execute("SELECT source FROM documents ORDER BY id")]

    def documents(self) -> list[StoredDocument]:
        """Every document as listed, without its text (reading every text would read the corpus)."""
        rows = self.db.execute(
            f"SELECT {_LISTED}, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passage_count"
            " FROM documents d ORDER BY d.id"
        )
        return [_stored(row) for row in rows]

    def document(self, ref: str) -> tuple[StoredDocument, str, list[StoredPassage]]:
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
        )
        return _stored(row), row["text"], [StoredPassage(*p) for p in passages]

    def changes(self, ref: str) -> list[Change]:
        rows = self.db.execute(
            'SELECT start, "end", orig_start, orig_end, original, replacement, reason FROM changes'
            " WHERE document_id = ? ORDER BY orig_start",
            (doc_number(ref),),
        )
        return [Change(*row) for row in rows]

    def footnote_links(self, ref: str) -> list[FootnoteLink]:
        rows = self.db.execute(
            'SELECT start, "end", marker, passage FROM footnote_links WHERE document_id = ? ORDER BY start',
            (doc_number(ref),),
        )
        return [FootnoteLink(*row) for row in rows]


def doc_number(ref: str) -> int:
    digits = ref[1:] if ref[:1] in ("d", "D") else ref
    if not digits.isdigit():
        raise ChronikaError(f"'{ref}' is not a document id (ids look like d3); `chronika documents` lists them")
    number = int(digits)
    if number >= 1 << 63:  # past SQLite's integers: no document can have it
        raise ChronikaError(f"no document '{ref}'; `chronika documents` lists them")
    return number


# What a document's listing reads: everything but its texts and offset map.
_LISTED = ", ".join(f"d.{c}" for c in (
    "id", "source", "content_hash", "reader", "title", "author", "language", "words", "date_start", "date_end",
    "date_precision", "date_text", "date_inferred", "date_provenance", "metadata",
))


def _stored(row: Row) -> StoredDocument:
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
