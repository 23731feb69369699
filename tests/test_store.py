"""The store: documents saved whole, replaced in one step, found again by full-text search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chronika.extract.build import build_document, content_hash
from chronika.errors import QueryError
from chronika.records.document import Source
from chronika.query.ranked import search
from chronika.store import MIGRATIONS, Store


@pytest.fixture
def store(any_store: Store) -> Store:
    """Every test of this module runs on SQLite and on PostgreSQL."""
    return any_store


def add(store: Store, text: str, path: str = "doc.txt") -> str:
    source = Source(path, text, "text")
    return store.save(build_document(source, content_hash(text.encode())))


def test_migrations_are_recorded_and_the_file_is_plain_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        add(store, "The Solovetsky Stone stands on Lubyanka Square.")
    with Store(path) as again:  # reopening applies nothing twice
        assert again.schema_version() == len(MIGRATIONS)
    plain = sqlite3.connect(path)
    assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in plain.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "passages", "sentences", "changes", "schema_migrations"} <= tables
    assert plain.execute("SELECT title FROM documents").fetchone()[0].startswith("The Solovetsky Stone")


def test_a_store_resolved_before_entity_keys_reads_the_same_after_its_migration(tmp_path: Path) -> None:
    """A file made before migration 8 (mentions and events holding entity ids, a list's df counting
    its segments in its row) answers as before once the migration has run."""
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for version, migration in enumerate(MIGRATIONS[:7], start=1):
        db.execute("BEGIN")
        migration(db)
        db.execute("INSERT INTO schema_migrations VALUES (?, ?, '')", (version, migration.__name__))
        db.execute("COMMIT")
    db.execute("INSERT INTO documents (id, source, content_hash, reader, title, language, words, text, original,"
               " offset_map, ingested_at) VALUES (1, 'a.txt', 'h', 'text', 't', 'en', 9, '', '', '[]', '')")
    for start, normal, entity in ((0, "Kirov", "kirov"), (40, "Leningrad", "leningrad"), (80, "Kirov", "kirov")):
        db.execute('INSERT INTO name_mentions (document_id, passage, start, "end", sentence_start, text, normal, type,'
                   " evidence, entity_id) VALUES (1, 1, ?, ?, 0, ?, ?, 'person', '[]', ?)",
                   (start, start + len(normal), normal, normal, entity))
    db.execute('INSERT INTO time_mentions (id, document_id, passage, start, "end", sentence_start, text, value, type,'
               " date_start, date_end, precision, anchor) VALUES (1, 1, 1, 20, 24, 0, '1934', '1934', 'DATE',"
               " '1934-01-01', '1934-12-31', 'year', 'none')")
    db.execute("INSERT INTO sentences VALUES (1, 1, 0, 0, 99)")
    db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, 1, NULL)",
                   [("leningrad", "Leningrad", "place", 1), ("kirov", "Kirov", "person", 2)])
    db.execute('INSERT INTO events (document_id, passage, start, "end", time_mention, date_start, date_end, precision,'
               " entities) VALUES (1, 1, 0, 99, 1, '1934-01-01', '1934-12-31', 'year', '[\"kirov\",\"leningrad\"]')")
    ids, weights = (1).to_bytes(8, "little"), bytes(8)
    db.execute("INSERT INTO term_impacts VALUES ('kirov', 3, 0.0, ?, ?)", (ids, weights))  # 1 passage + 2 of a segment
    db.execute("INSERT INTO impact_segments VALUES ('kirov', 1, ?, ?)", (ids + (2).to_bytes(8, "little"), bytes(16)))
    db.close()
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert [m.start for m in store.entity_mentions("kirov")] == [0, 80]
        assert [e.entities for e in store.events("leningrad")] == [("kirov", "leningrad")]
        assert [(r.id, r.count) for r in store.related("kirov")] == [("leningrad", 1)]
        listed = store.impact_list("kirov")
        assert listed is not None and listed.df == 3


def test_saving_again_from_the_same_source_replaces_and_keeps_the_id(store: Store) -> None:
    first = add(store, "Yezhov headed the NKVD from 1936.")
    assert store.status_of("doc.txt", content_hash(b"Yezhov was shot in 1940.")) == "replaced"
    second = add(store, "Yezhov was shot in 1940.")
    assert first == second
    assert [d.id for d in store.documents()] == [first]
    add(store, "Kirov was killed in 1934.", "other.txt")
    assert store.sources() == ["doc.txt", "other.txt"]
    assert search(store, "headed") == []
    assert len(search(store, "shot")) == 1
    assert store.check() == []


def test_search_ignores_case_and_diacritics_and_reads_cyrillic(store: Store) -> None:
    add(store, "President Lech Kaczyński died near Smolensk in April 2010.", "a.txt")
    add(store, "Николай Ежов был расстрелян 4 февраля 1940 года.", "b.txt")
    assert len(search(store, "kaczynski")) == 1
    assert len(search(store, "KACZYŃSKI")) == 1
    assert len(search(store, "ежов")) == 1
    assert len(search(store, "Ежов")) == 1


def test_search_speaks_fts_syntax(store: Store) -> None:
    add(store, "Bukharin and Rykov were tried in March 1938.", "a.txt")
    add(store, "Zinoviev and Kamenev were tried in August 1936.", "b.txt")
    add(store, "Tukhachevsky was tried in June 1937 by a special court.", "c.txt")
    assert len(search(store, "tried")) == 3
    assert len(search(store, '"tried in March"')) == 1
    assert len(search(store, "tried NOT Bukharin")) == 2
    assert len(search(store, "Rykov OR Kamenev")) == 2
    assert len(search(store, "Tukhach*")) == 1
    assert len(search(store, "(Rykov OR Kamenev) AND 1938")) == 1


def test_hits_carry_highlights_and_exact_citations(store: Store) -> None:
    doc = add(store, "Stalin's Heading\n\nThe Katyn massacre of 1940 was admitted in 1990.\n\nKatyn again.")
    hits = search(store, "katyn")
    assert [h.passage for h in hits] == [3, 2] or [h.passage for h in hits] == [2, 3]
    _, text, _ = store.document(doc)
    for hit in hits:
        cited = hit.citation()
        assert cited["quote"] == text[cited["start"] : cited["end"]]
        assert cited["document"] == doc
        for s, e in hit.highlights:
            assert hit.text[s:e].lower() == "katyn"


@pytest.mark.parametrize("query", ['"unclosed', "", "AND", "NOT NOT"])
def test_bad_queries_get_a_clear_error(store: Store, query: str) -> None:
    add(store, "Some text about the camps.")
    with pytest.raises(QueryError) as refused:
        search(store, query)
    assert "search" in str(refused.value) or "query" in str(refused.value) or "quote" in str(refused.value)


def test_punctuated_words_are_searched_as_phrases(store: Store) -> None:
    add(store, "The de-Stalinization campaign of 2010 and the VKP(b) Central Committee.")
    assert len(search(store, "de-Stalinization")) == 1
    assert len(search(store, "VKP(b)")) == 1
