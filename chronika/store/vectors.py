"""The store's passage vectors: sentence embeddings kept as float32 BLOBs in `passage_vectors`.

This Python's sqlite3 cannot load extensions (no sqlite-vec), so the vectors are read into one numpy
matrix and compared by brute force; the matrix is kept on the store until the file changes."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Callable, Iterable

from chronika.records.search import SearchFilters
from chronika.records.stored import PassageText
from chronika.store.hits import filter_sql
from chronika.store.connection import Connection

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]
    Ids = npt.NDArray[np.int64]


class VectorStore:
    """Vector table of `Store` (a mixin: `Store` provides the connection and transactions)."""

    db: Connection
    transaction: Callable[[], AbstractContextManager[Connection]]
    data_version: Callable[[], tuple[int, int]]
    _vectors: tuple[tuple[str, int, int], Ids, Matrix] | None = None

    def passages_without_vectors(self, model: str, after: int = 0, limit: int = 64) -> list[PassageText]:
        """The next passages after id `after` that have no vector from `model`, in id order, so a
        caller pages through them once however many there are."""
        rows = self.db.execute(
            "SELECT p.id, p.text FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ?"
            " WHERE p.id > ? AND v.passage_id IS NULL ORDER BY p.id LIMIT ?",
            (model, after, limit),
        )
        return [PassageText(*row) for row in rows]

    def count_without_vectors(self, model: str) -> int:
        return int(
            self.db.execute(
                "SELECT count(*) FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ?"
                " WHERE v.passage_id IS NULL",
                (model,),
            ).fetchone()[0]
        )

    def vector_count(self, model: str) -> int:
        return int(self.db.execute("SELECT count(*) FROM passage_vectors WHERE model = ?", (model,)).fetchone()[0])

    def save_vectors(self, model: str, vectors: Iterable[tuple[int, Matrix]]) -> None:
        """Store one vector per passage (float32 bytes), replacing one another model made."""
        import numpy as np

        with self.transaction() as db:
            db.executemany(
                "INSERT INTO passage_vectors (passage_id, model, vector) VALUES (?, ?, ?)"
                " ON CONFLICT (passage_id) DO UPDATE SET model = excluded.model, vector = excluded.vector",
                [(passage_id, model, np.asarray(vector, dtype=np.float32).tobytes()) for passage_id, vector in vectors],
            )

    def vector_matrix(self, model: str) -> tuple[Ids, Matrix]:
        """Passage ids and their vectors as one matrix (a row per passage). Read once and kept until
        this connection or another writes to the store (`data_version`), where a row count or
        largest id would miss a replaced document whose passages reuse the old ids."""
        import numpy as np

        key = (model, *self.data_version())
        if self._vectors is not None and self._vectors[0] == key:
            return self._vectors[1], self._vectors[2]
        rows = self.db.execute(
            "SELECT passage_id, vector FROM passage_vectors WHERE model = ? ORDER BY passage_id", (model,)
        ).fetchall()
        ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        width = len(rows[0][1]) // 4 if rows else 0
        matrix = np.frombuffer(b"".join(row[1] for row in rows), dtype=np.float32).reshape(len(rows), width)
        self._vectors = (key, ids, matrix)
        return ids, matrix

    def passage_ids_matching(self, filters: SearchFilters) -> set[int]:
        """The passages (ids) a search's facets allow, by the conditions full-text search uses (they
        name `rowid`, which in `passages` is the id)."""
        where, args = filter_sql(filters)
        return {row[0] for row in self.db.execute("SELECT id FROM passages WHERE TRUE" + where, args)}
