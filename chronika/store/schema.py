"""The schema, as numbered migrations. Each is a function applied once, in its own transaction,
and recorded in `schema_migrations`; a released migration is never edited, only followed."""

from __future__ import annotations

import sqlite3
from typing import Callable


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would commit it)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _m1_documents_and_passages(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            reader TEXT NOT NULL,
            title TEXT NOT NULL,
            author TEXT,
            language TEXT NOT NULL,
            words INTEGER NOT NULL,
            date_start TEXT, date_end TEXT, date_precision TEXT, date_text TEXT,
            date_inferred INTEGER, date_provenance TEXT,
            metadata TEXT NOT NULL DEFAULT '{}',
            text TEXT NOT NULL,
            original TEXT NOT NULL,
            offset_map TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX documents_source ON documents(source);
        CREATE INDEX documents_hash ON documents(content_hash);
        CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            page INTEGER,
            orig_start INTEGER NOT NULL, orig_end INTEGER NOT NULL,
            note TEXT,
            text TEXT NOT NULL,
            UNIQUE (document_id, n)
        );
        CREATE TABLE sentences (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            passage INTEGER NOT NULL,
            n INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (document_id, passage, n)
        ) WITHOUT ROWID;
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            orig_start INTEGER NOT NULL, orig_end INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            original TEXT NOT NULL, replacement TEXT NOT NULL, reason TEXT NOT NULL
        );
        CREATE INDEX changes_document ON changes(document_id);
        CREATE TABLE footnote_links (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            marker TEXT NOT NULL,
            passage INTEGER NOT NULL
        );
        CREATE INDEX footnote_links_document ON footnote_links(document_id);
        CREATE TABLE name_counts (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            n INTEGER NOT NULL
        );
        CREATE INDEX name_counts_name ON name_counts(name);
        CREATE VIRTUAL TABLE passages_fts USING fts5(
            text, content='passages', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3'
        );
        CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
            INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        """
    )


def _m2_mentions_entities_and_chronology(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE name_mentions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            passage INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            text TEXT NOT NULL, normal TEXT NOT NULL, type TEXT NOT NULL, evidence TEXT NOT NULL,
            entity_id TEXT
        );
        CREATE INDEX sentences_start ON sentences(document_id, start);
        CREATE INDEX name_mentions_document ON name_mentions(document_id, start);
        CREATE INDEX name_mentions_sentence ON name_mentions(document_id, sentence_start);
        CREATE INDEX name_mentions_entity ON name_mentions(entity_id);
        CREATE TABLE alias_declarations (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            name_start INTEGER NOT NULL, name_end INTEGER NOT NULL,
            alias_start INTEGER NOT NULL, alias_end INTEGER NOT NULL,
            kind TEXT NOT NULL, name TEXT NOT NULL, alias TEXT NOT NULL
        );
        CREATE TABLE time_mentions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            passage INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            text TEXT NOT NULL, value TEXT NOT NULL, type TEXT NOT NULL,
            date_start TEXT, date_end TEXT, precision TEXT, inferred INTEGER,
            old_style_start TEXT, old_style_end TEXT, anchor TEXT NOT NULL
        );
        CREATE INDEX time_mentions_document ON time_mentions(document_id, start);
        CREATE INDEX time_mentions_date ON time_mentions(date_start);
        CREATE INDEX time_mentions_sentence ON time_mentions(document_id, sentence_start);
        CREATE TABLE figure_mentions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            passage INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            text TEXT NOT NULL, value REAL NOT NULL, low REAL, high REAL,
            approximate INTEGER NOT NULL, unit TEXT, counted TEXT
        );
        CREATE INDEX figure_mentions_document ON figure_mentions(document_id, start);
        CREATE INDEX figure_mentions_sentence ON figure_mentions(document_id, sentence_start);
        CREATE TABLE memory_signals (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            passage INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            kind TEXT NOT NULL, direction TEXT NOT NULL, level TEXT NOT NULL, cues TEXT NOT NULL
        );
        CREATE INDEX memory_signals_document ON memory_signals(document_id, start);
        -- Derived by resolution from the mentions above and the corrections; rebuilt after each ingest.
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL, type TEXT NOT NULL,
            mentions INTEGER NOT NULL, documents INTEGER NOT NULL,
            note TEXT
        );
        CREATE TABLE entity_names (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            name TEXT NOT NULL, mentions INTEGER NOT NULL,
            document_id INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
        );
        CREATE INDEX entity_names_entity ON entity_names(entity_id);
        CREATE TABLE name_keys (
            key TEXT NOT NULL, entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE
        );
        CREATE INDEX name_keys_key ON name_keys(key);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            passage INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            time_mention INTEGER NOT NULL REFERENCES time_mentions(id) ON DELETE CASCADE,
            date_start TEXT NOT NULL, date_end TEXT NOT NULL, precision TEXT NOT NULL,
            entities TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(date_start);
        -- The user's corrections: never touched by ingest or resolution, re-applied by every resolution.
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL
        );
        """,
    )


def _m3_search_indexes(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        -- Derived from passages_fts for large stores, rebuilt by ingest (see query/champions.py): for each
        -- frequent term, the passages it weighs most in, so a common word is ranked without scoring
        -- every passage that holds it.
        -- `passages` and `weights` are little-endian int64 and float64 arrays, best first.
        CREATE TABLE term_impacts (
            term TEXT PRIMARY KEY, df INTEGER NOT NULL, floor REAL NOT NULL,
            passages BLOB NOT NULL, weights BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        -- Sentence embeddings of passages, for the optional semantic search (chronika[semantic]).
        CREATE TABLE passage_vectors (
            passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            vector BLOB NOT NULL
        );
        """,
    )


def _m4_postings(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        -- Beside the champion lists (query/postings.py): every passage holding a frequent word, and
        -- how often it holds it, so an AND of common words is ranked exactly without FTS5 scoring
        -- each passage. `passages` are little-endian uint32 passage ids, ascending; `hits` uint8
        -- (255 for 255 or more).
        CREATE TABLE term_postings (term TEXT PRIMARY KEY, passages BLOB NOT NULL, hits BLOB NOT NULL);
        -- Each passage's length in tokens, as FTS5 counts them: little-endian uint32 by passage id.
        CREATE TABLE passage_lengths (id INTEGER PRIMARY KEY CHECK (id = 1), lengths BLOB NOT NULL);
        """,
    )


def _m5_incremental_resolution(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        -- Each mentioned name's keys as resolution last saw it (spelling keys; 'surname:' and its
        -- surname key where it was a person's), so an ingest or a correction finds the names it can
        -- move without reading every mention (resolve/scope.py). Derived; rebuilt by a full resolution.
        CREATE TABLE mention_keys (key TEXT NOT NULL, normal TEXT NOT NULL, PRIMARY KEY (key, normal)) WITHOUT ROWID;
        CREATE INDEX mention_keys_normal ON mention_keys(normal);
        -- A name's mentions by document, grouped as resolution weighs them, with their entity (store/entities.py).
        CREATE INDEX name_mentions_normal ON name_mentions(normal, document_id, type, evidence, entity_id);
        CREATE INDEX entity_names_name ON entity_names(name);
        CREATE INDEX name_keys_entity ON name_keys(entity_id);
        -- A document's events, by sentence: rebuilt per document, and deleted with it.
        CREATE INDEX events_document ON events(document_id, start);
        """,
    )


def _m6_memory_confidence(db: sqlite3.Connection) -> None:
    """A memory event's act date with its provenance, how sure it is and the evidence for both."""
    for column in ("date_start TEXT", "date_end TEXT", "date_precision TEXT", "date_text TEXT", "date_from TEXT",
                   "confidence TEXT NOT NULL DEFAULT 'sure'", "evidence TEXT NOT NULL DEFAULT '[]'"):
        db.execute(f"ALTER TABLE memory_signals ADD COLUMN {column}")


def _m7_posting_segments(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        -- What merges appended to `term_impacts`, `term_postings` and `passage_lengths` since they
        -- were last written whole (store/impacts.py, store/postings.py): a term's list is the best
        -- `keep` of its row's passages and its segments' (`floor` raised to the best of the rest), a
        -- word's postings its row's followed by its segments' in order, the lengths those of
        -- `passage_lengths` extended by each segment's from id `first`.
        CREATE TABLE impact_segments (
            term TEXT NOT NULL, segment INTEGER NOT NULL, passages BLOB NOT NULL, weights BLOB NOT NULL,
            PRIMARY KEY (term, segment)
        ) WITHOUT ROWID;
        CREATE TABLE posting_segments (
            term TEXT NOT NULL, segment INTEGER NOT NULL, passages BLOB NOT NULL, hits BLOB NOT NULL,
            PRIMARY KEY (term, segment)
        ) WITHOUT ROWID;
        CREATE TABLE length_segments (segment INTEGER PRIMARY KEY, first INTEGER NOT NULL, lengths BLOB NOT NULL);
        """,
    )


def _m8_entity_keys(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        -- Each entity's internal key, which a mention and an event hold: an entity that is renamed
        -- as the corpus grows (kirov -> sergei-kirov) keeps its key, so its mentions and events are
        -- not rewritten; the public id is read through `entities` (store/resolution.py).
        ALTER TABLE entities ADD COLUMN key INTEGER NOT NULL DEFAULT 0;
        UPDATE entities SET key = rowid;
        CREATE UNIQUE INDEX entities_key ON entities(key);
        ALTER TABLE name_mentions ADD COLUMN entity_key INTEGER;
        UPDATE name_mentions SET entity_key = (SELECT key FROM entities WHERE id = name_mentions.entity_id);
        UPDATE events SET entities = (SELECT coalesce(json_group_array(key), '[]') FROM
            (SELECT e.key FROM json_each(events.entities) j JOIN entities e ON e.id = j.value ORDER BY e.key));
        DROP INDEX name_mentions_entity;
        DROP INDEX name_mentions_normal;
        ALTER TABLE name_mentions DROP COLUMN entity_id;
        CREATE INDEX name_mentions_entity ON name_mentions(entity_key);
        CREATE INDEX name_mentions_normal ON name_mentions(normal, document_id, type, evidence, entity_key);
        -- The ids entities had before an update renamed them or merged them into another: each finds
        -- the entity (its key) that took most of its mentions, so an old link or citation still works.
        CREATE TABLE former_ids (id TEXT PRIMARY KEY, key INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX former_ids_key ON former_ids(key);
        -- The corpus's name counts (OCR mending's evidence) read from the index alone.
        DROP INDEX name_counts_name;
        CREATE INDEX name_counts_name ON name_counts(name, document_id, n);
        -- A list's df counts the passages of its segments as it is read, no longer in its row.
        UPDATE term_impacts SET df = df - (SELECT sum(length(s.passages) / 8) FROM impact_segments s WHERE s.term = term_impacts.term)
            WHERE term IN (SELECT term FROM impact_segments);
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _m1_documents_and_passages,
    _m2_mentions_entities_and_chronology,
    _m3_search_indexes,
    _m4_postings,
    _m5_incremental_resolution,
    _m6_memory_confidence,
    _m7_posting_segments,
    _m8_entity_keys,
]


