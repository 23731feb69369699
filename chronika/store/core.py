"""The store's core: the connection, migrations and the integrity check."""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from chronika.errors import ChronikaError, OverBudget
from chronika.store.chronology import ChronologyStore
from chronika.store.copying import StoreCopying
from chronika.store.documents import DocumentReading
from chronika.store.entities import EntityStore
from chronika.store.fulltext import FullTextStore
from chronika.store.hits import PassageReading
from chronika.store.impacts import ImpactStore
from chronika.store.postings import PostingStore
from chronika.store.reading import ReadingStore
from chronika.store.resolution import ResolutionStore
from chronika.store.saving import DocumentSaving, utc_now
from chronika.store.vectors import VectorStore
from chronika.store.schema import MIGRATIONS


_STEPS = 1_000  # SQLite virtual-machine steps between two looks at a budget's clock


class Store(
    DocumentSaving, DocumentReading, EntityStore, ResolutionStore, ChronologyStore, VectorStore, ImpactStore,
    PostingStore, FullTextStore, PassageReading, ReadingStore, StoreCopying,
):
    """Chronika's SQLite file."""

    db: sqlite3.Connection

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            # Deleted content is zeroed in the pages a write touches anyway, never by writing freed
            # pages again (Debian's SQLite zeroes those too: a fifth of what an ingest wrote).
            self.db.execute("PRAGMA secure_delete = FAST")
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
    def budget(self, seconds: float | None) -> Iterator[None]:
        """Reads within the block stop once `seconds` have passed (OverBudget): SQLite checks the
        clock every few thousand steps of its work, so a costly query ends when its budget does,
        whether or not anyone still waits for it. None: no budget."""
        if seconds is None:
            yield
            return
        deadline = time.monotonic() + seconds
        self.db.set_progress_handler(lambda: int(time.monotonic() > deadline), _STEPS)
        try:
            yield
        except sqlite3.OperationalError as e:
            if "interrupted" not in str(e):
                raise
            raise OverBudget(f"stopped after {seconds:g} s: the request asks for too much at once; narrow it") from e
        finally:
            self.db.set_progress_handler(None, 0)

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

    def data_version(self) -> tuple[int, int]:
        """Moves whenever this connection (`total_changes`) or another (`data_version`) writes to the file."""
        return self.db.total_changes, int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def schema_version(self) -> int:
        return int(self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0)

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
