"""FTS5, the store's full-text index: an expression tree rendered in FTS5's `MATCH` syntax, the
passages it matches ranked by FTS5's `bm25()`, scored or counted, and FTS5's vocabulary."""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING, Any

from chronika.errors import QueryError
from chronika.records.expression import Leaf, Query
from chronika.records.search import Hit, SearchFilters
from chronika.store.hits import filter_sql, hit_from_row
from chronika.store.connection import Connection, Row

if TYPE_CHECKING:
    import numpy as np


def fts5(query: Query) -> str:
    """The expression in FTS5's syntax: each leaf a quoted phrase (its last word a prefix with `*`),
    each node in brackets."""
    if isinstance(query, Leaf):
        return '"' + " ".join(query.words) + '"' + ("*" if query.prefix else "")
    return "(" + f" {query.op} ".join(fts5(child) for child in query.children) + ")"


class FullTextStore:
    """FTS5's reads (mixed into Store)."""

    db: Connection

    def fts_hits(self, query: Query, limit: int, filters: SearchFilters | None = None) -> dict[int, Hit]:
        """The best `limit` passages an expression matches by FTS5's BM25 within the facets, best
        first, by passage id, without highlights. The index is asked for the best rows first and
        only those are joined."""
        where, args = filter_sql(filters or SearchFilters())
        rows = self._fts_rows(
            # bm25() ordered by SQLite's sorter: a third faster than FTS5's own `ORDER BY rank`.
            "WITH top AS (SELECT rowid AS id, bm25(passages_fts) AS rank FROM passages_fts WHERE passages_fts MATCH ?"
            + where + " ORDER BY rank LIMIT ?)"
            " SELECT p.id, p.document_id, p.n, p.start, p.\"end\", p.page, p.text, d.title, d.source, top.rank"
            " FROM top JOIN passages p ON p.id = top.id JOIN documents d ON d.id = p.document_id ORDER BY top.rank",
            (fts5(query), *args, limit),
        )
        return {row["id"]: hit_from_row(row, -row["rank"], []) for row in rows}

    def fts_highlights(self, query: Query, ids: list[int]) -> dict[int, list[tuple[int, int]]]:
        """Where FTS5's highlight() marks the expression in each of the passages."""
        return {rowid: marked_spans(marked) for rowid, marked in self._fts_rows(
            "SELECT rowid, highlight(passages_fts, 0, char(2), char(3)) FROM passages_fts WHERE passages_fts MATCH ?"
            f" AND rowid IN ({','.join('?' * len(ids))})", (fts5(query), *ids),
        )}

    def fts_scored(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        """Every passage an expression matches (ascending ids) with FTS5's own BM25 for it: quick
        for rare words."""
        import numpy as np

        rows = self._fts_rows(
            "SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid", (fts5(query),)
        )
        return np.array([r[0] for r in rows], dtype=np.int64), np.array([r[1] for r in rows], dtype=np.float64)

    # -- FTS5's vocabulary ---------------------------------------------------------------------

    def words_starting(self, start: str, limit: int | None = None) -> dict[str, int]:
        """The indexed words beginning with `start` (at most `limit`), with the passages holding each."""
        self._vocabulary()
        return dict(self.db.execute(
            "SELECT term, doc FROM temp.passages_vocab WHERE term >= ? AND term < ? LIMIT ?",
            (start, start + "\U0010ffff", -1 if limit is None else limit),
        ).fetchall())

    def passages_holding(self, word: str) -> int:
        """How many passages hold an indexed word."""
        self._vocabulary()
        row = self.db.execute("SELECT doc FROM temp.passages_vocab WHERE term = ?", (word,)).fetchone()
        return int(row[0]) if row else 0

    def indexed(self, words: set[str]) -> set[str]:
        """Those of the words the index holds."""
        self._vocabulary()
        found: set[str] = set()
        ordered = sorted(words)
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            found.update(term for (term,) in self.db.execute(
                f"SELECT term FROM temp.passages_vocab WHERE term IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def _vocabulary(self) -> None:
        """FTS5's own vocabulary (terms and the passages holding each), as `temp.passages_vocab`."""
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab USING fts5vocab(main, 'passages_fts', 'row')")

    def _fts_rows(self, sql: str, args: Any) -> list[Row]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as e:
            raise QueryError(f"cannot search for {args[0]!r}: {e}") from e


def marked_spans(marked: str) -> list[tuple[int, int]]:
    """Offsets of the hits in a passage, from FTS5's highlight() output marked with \\x02...\\x03."""
    spans = []
    removed = 0
    for m in re.finditer("\x02([^\x03]*)\x03", marked):
        start = m.start() - removed
        spans.append((start, start + len(m.group(1))))
        removed += 2
    return spans
