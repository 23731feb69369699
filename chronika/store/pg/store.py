"""`Store` on a PostgreSQL database: the same mixins, through `PgConnection`, with PostgreSQL's
full-text search, migrations, transactions and budget.

A team at once: readers never wait (each statement reads a consistent snapshot); writers take
turns, as on SQLite (`BEGIN IMMEDIATE`), through a transaction-wide advisory lock, so two users'
corrections made at the same moment are both stored, one after the other."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

import psycopg

from chronika.errors import ChronikaError, OverBudget
from chronika.store import shown
from chronika.store.copying import BATCH, Rows, check_copied
from chronika.store.core import Store
from chronika.store.connection import Connection
from chronika.store.impacts import ImpactList
from chronika.store.pg.connection import PgConnection
from chronika.store.pg.fulltext import PgFullTextStore, index_passages
from chronika.store.pg.schema import MIGRATIONS
from chronika.store.saving import utc_now

_WRITERS = 0x4348524F4E494B41  # the advisory lock writers take turns by ("CHRONIKA")
# The tables whose ids PostgreSQL numbers (identity columns), set past the largest after a copy.
_NUMBERED = ("passages", "changes", "name_mentions", "time_mentions", "figure_mentions", "memory_signals",
             "events", "corrections")


class PgStore(PgFullTextStore, Store):
    """Chronika's store in a PostgreSQL database (`postgresql://USER@HOST/DB`)."""

    db: PgConnection  # type: ignore[assignment]  # in place of the file's sqlite3 connection

    def __init__(self, target: str) -> None:
        self.path = shown(target)
        try:
            self.db = PgConnection(target)
        except psycopg.Error as e:
            raise ChronikaError(f"cannot open the PostgreSQL store {self.path}: {str(e).strip()}") from e
        self._migrate()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PgStore:
        return self

    @contextmanager
    def transaction(self) -> Iterator[Connection]:  # type: ignore[override]
        with self._writing():
            self.db.execute("UPDATE store_writes SET writes = writes + 1")
            yield self.db

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self.db.raw.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (_WRITERS,))
            yield

    @contextmanager
    def budget(self, seconds: float | None) -> Iterator[None]:
        """Statements within the block stop once they have run `seconds` (OverBudget): PostgreSQL's
        `statement_timeout`, which bounds each statement (SQLite's budget bounds the whole block)."""
        if seconds is None:
            yield
            return
        self.db.execute(f"SET statement_timeout = {max(1, int(seconds * 1000))}")
        try:
            yield
        except psycopg.errors.QueryCanceled as e:
            raise OverBudget(f"stopped after {seconds:g} s: the request asks for too much at once; narrow it") from e
        finally:
            self.db.execute("SET statement_timeout = 0")

    def _migrate(self) -> None:
        """Apply the migrations this database lacks, each in its own transaction, one process at a
        time (a store opened for every page finds them applied, and writes nothing)."""
        if len(self._applied()) == len(MIGRATIONS):
            return
        with self._writing():
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text, applied_at text)"
            )
        for version, migration in enumerate(MIGRATIONS, start=1):
            with self._writing():
                if version in self._applied():  # applied before, or by another process while this one waited
                    continue
                migration(self.db)
                self.db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, migration.__name__.lstrip("_"), utc_now())
                )

    def _applied(self) -> set[int]:
        if self.db.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None:
            return set()
        return {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}

    def data_version(self) -> tuple[int, int]:
        """Moves with every transaction that writes, from any connection."""
        return 0, int(self.db.execute("SELECT writes FROM store_writes").fetchone()[0])

    def check(self) -> list[str]:
        problems = []
        orphans = self.db.execute(
            "SELECT count(*) FROM passages WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} passages without a document")
        unindexed = self.db.execute(
            "SELECT count(*) FROM passages p WHERE NOT EXISTS (SELECT 1 FROM passage_terms t WHERE t.passage_id = p.id)"
        ).fetchone()[0]
        if unindexed:
            problems.append(f"full-text index: {unindexed} passages not indexed")
        return problems

    def table_rows(self, table: str) -> tuple[list[str], Rows]:
        """A copied table's columns and its rows in batches, read through a server-side cursor, so
        a copy out of a large database holds one batch at a time."""
        check_copied(table)
        cursor = self.db.raw.cursor(name=f"copying_{table}", withhold=True)
        cursor.execute(f"SELECT * FROM {table} ORDER BY 1")
        columns = [column.name for column in cursor.description or ()]

        def batches() -> Rows:
            try:
                while rows := cursor.fetchmany(BATCH):
                    yield [tuple(row) for row in rows]
            finally:
                cursor.close()

        return columns, batches()

    def _after_copy(self, db: Connection) -> None:
        """Index the copied passages and number new rows past the copied ids."""
        db.execute("DELETE FROM passage_terms")
        last = 0
        while rows := db.execute("SELECT id, text FROM passages WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH)).fetchall():
            index_passages(db, rows)
            last = rows[-1][0]
        for table in _NUMBERED:
            db.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}")

    def _reassign(self, db: Connection, held: dict[tuple[int, str], int]) -> set[tuple[int, int]]:
        if not held:
            return set()
        names, docs, keys = zip(*sorted((name, doc, key) for (doc, name), key in held.items()))
        return {(row[0], row[1]) for row in db.execute(
            "UPDATE name_mentions m SET entity_key = h.entity"
            " FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[])) AS h(normal, doc, entity)"
            " WHERE m.normal = h.normal AND m.document_id = h.doc AND m.entity_key IS DISTINCT FROM h.entity"
            " RETURNING m.document_id, m.sentence_start",
            (list(names), list(docs), list(keys)),
        ).fetchall()}

    # -- the champion lists: PostgreSQL ranks every query itself --------------------------------

    def impacts_state(self) -> dict[str, Any] | None:
        return None

    def impacts_fresh(self) -> bool:
        return True

    def _impacts_stale(self, db: Connection) -> None:
        return None

    def impact_lists(self, keys: list[str] | None = None) -> Iterator[tuple[str, ImpactList]]:
        return iter(())
