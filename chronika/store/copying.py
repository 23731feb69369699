"""A store's whole content as rows, table by table, and taken in by another store: what `chronika
copy` moves. Derived state (entities, events, search indexes) is copied with the rest, so the copy
answers every query as its source does; the full-text index is rebuilt from the passages."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Callable, Iterable, Iterator
from chronika.store.connection import Connection

# Every table of the schema, parents before children (the foreign keys hold at every row);
# passages_fts is rebuilt, not copied, and schema_migrations belongs to each store.
COPIED_TABLES = (
    "documents", "passages", "sentences", "changes", "footnote_links", "name_counts",
    "name_mentions", "alias_declarations", "time_mentions", "figure_mentions", "memory_signals",
    "entities", "entity_names", "name_keys", "events", "mention_keys", "former_ids", "corrections",
    "term_impacts", "term_postings", "passage_lengths", "store_state", "passage_vectors",
)
BATCH = 2_000  # rows read and written at a time

Rows = Iterator[list[tuple[object, ...]]]


class StoreCopying:
    """Copying of `Store` (a mixin: `Store` provides the connection and transactions)."""

    db: Connection
    transaction: Callable[[], AbstractContextManager[Connection]]

    def holds_anything(self) -> bool:
        """Whether the store holds a document or a correction."""
        return any(self.db.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in ("documents", "corrections"))

    def table_rows(self, table: str) -> tuple[list[str], Rows]:
        """A copied table's columns, and its rows in batches, in the order of its key."""
        check_copied(table)
        cursor = self.db.execute(f"SELECT * FROM {table} ORDER BY 1")
        columns = [d[0] for d in cursor.description]

        def batches() -> Rows:
            while rows := cursor.fetchmany(BATCH):
                yield [tuple(row) for row in rows]

        return columns, batches()

    def take_copy(self, tables: Iterable[tuple[str, list[str], Rows]]) -> dict[str, int]:
        """Store every table's rows in place of the store's own, in one transaction (a failed copy
        leaves the store as it was); the full-text index is rebuilt. Returns the rows written per
        table."""
        written: dict[str, int] = {}
        with self.transaction() as db:
            for table in reversed(COPIED_TABLES):
                db.execute(f"DELETE FROM {table}")
            for table, columns, batches in tables:
                check_copied(table)
                names = ", ".join(f'"{c}"' for c in columns)
                insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"
                written[table] = 0
                for rows in batches:
                    db.executemany(insert, rows)
                    written[table] += len(rows)
            self._after_copy(db)
        return written


    def _after_copy(self, db: Connection) -> None:
        """Build the full-text index anew from the passages."""
        db.execute("INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')")


def check_copied(table: str) -> None:
    if table not in COPIED_TABLES:
        raise ValueError(f"not a table a store copies: {table}")
