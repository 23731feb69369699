"""Full-text search on PostgreSQL: each passage's tokens (`records/tokens.py`, FTS5's) written as
a tsvector with their positions, an expression tree rendered as a tsquery (a phrase's words
`<->`, a prefix `:*`, AND `&`, OR `|`, NOT `& !`), matched through the GIN index and ranked by
`ts_rank_cd` (cover density: how often and how close together the words occur, divided by 1 + the log of the
passage's length; unlike FTS5's BM25 a rare word weighs no more than a common one). The
vocabulary is `passage_words`, which triggers keep (pg/schema.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import psycopg

from chronika.errors import QueryError
from chronika.records.expression import Leaf, Query
from chronika.records.search import Hit, SearchFilters
from chronika.records.tokens import token_spans, tokens
from chronika.store.connection import Connection, Row
from chronika.store.hits import filter_sql, hit_from_row

if TYPE_CHECKING:
    import numpy as np

_LONGEST = 2_000  # bytes: PostgreSQL refuses a longer lexeme (a run of letters that is no word)
_POSITIONS = 255  # positions kept per word in a passage (PostgreSQL keeps 256)
_LAST = 16_383  # PostgreSQL's last position: later words share it
# The passages and their terms, the passage id named `rowid` as the facets' conditions name it.
_TERMS = "(SELECT passage_id AS rowid, terms FROM passage_terms) t"


def tsvector(text: str) -> str:
    """A passage's tokens as a tsvector literal: each word with the positions it holds (from 1)."""
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(tokens(text), start=1):
        held = positions.setdefault(word, [])
        if len(held) < _POSITIONS:
            held.append(min(i, _LAST))
    return " ".join(
        f"{_quoted(word)}:{','.join(map(str, sorted(set(at))))}"
        for word, at in positions.items() if len(word.encode()) <= _LONGEST
    )


def tsquery(query: Query) -> str | None:
    """The expression as a tsquery, or None where it can match nothing (a phrase without a word)."""
    if isinstance(query, Leaf):
        if not query.words:
            return None
        words = [_quoted(w) for w in query.words]
        if query.prefix:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")"
    parts = [tsquery(child) for child in query.children]
    if query.op == "AND":
        return None if None in parts else "(" + " & ".join(p for p in parts if p) + ")"
    if query.op == "OR":
        found = [p for p in parts if p]
        return "(" + " | ".join(found) + ")" if found else None
    left, *rest = parts  # NOT: the first, without any of the rest
    if left is None:
        return None
    excluded = [p for p in rest if p]
    return "(" + " & ".join([left, *(f"!{p}" for p in excluded)]) + ")"


def index_passages(db: Connection, passages: list[tuple[int, str]]) -> None:
    """Write the passages' tsvectors in one statement (the vocabulary's trigger then runs once)."""
    if passages:
        db.execute(
            "INSERT INTO passage_terms (passage_id, terms)"
            " SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS tsvector[]))",
            ([pid for pid, _ in passages], [tsvector(text) for _, text in passages]),
        )


def _quoted(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


class PgFullTextStore:
    """The full-text reads of `Store` on PostgreSQL (they take the place of FTS5's)."""

    db: Connection

    def _index_passages(self, db: Connection, doc_id: int) -> None:
        index_passages(db, db.execute("SELECT id, text FROM passages WHERE document_id = ?", (doc_id,)).fetchall())

    def fts_hits(self, query: Query, limit: int, filters: SearchFilters | None = None) -> dict[int, Hit]:
        where, args = filter_sql(filters or SearchFilters())
        rows = self._matching(
            query,
            "WITH top AS (SELECT rowid AS id, ts_rank_cd(terms, q, 1) AS rank FROM " + _TERMS + ", CAST(? AS tsquery) q"
            " WHERE terms @@ q" + where + " ORDER BY rank DESC, rowid LIMIT ?)"
            ' SELECT p.id, p.document_id, p.n, p.start, p."end", p.page, p.text, d.title, d.source, top.rank'
            " FROM top JOIN passages p ON p.id = top.id JOIN documents d ON d.id = p.document_id"
            " ORDER BY top.rank DESC, p.id",
            (*args, limit),
        )
        return {row["id"]: hit_from_row(row, float(row["rank"]), []) for row in rows}

    def fts_highlights(self, query: Query, ids: list[int]) -> dict[int, list[tuple[int, int]]]:
        """Where each word and phrase of the expression occurs in each passage."""
        found = {leaf for leaf in _leaves(query) if leaf.words}
        texts = dict(self.db.execute("SELECT id, text FROM passages WHERE id = ANY(?)", (ids,)).fetchall())
        marks: dict[int, list[tuple[int, int]]] = {}
        for pid, text in texts.items():
            spans = token_spans(text)
            toks = [t for t, _, _ in spans]
            marks[pid] = sorted({(spans[i][1], spans[i + len(leaf.words) - 1][2])
                                 for leaf in found for i in leaf.positions(toks)})
        return marks

    def fts_scored(self, query: Query) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        rows = self._matching(query, "SELECT passage_id, ts_rank_cd(terms, q, 1) FROM passage_terms, CAST(? AS tsquery) q"
                                     " WHERE terms @@ q ORDER BY passage_id", ())
        return np.array([r[0] for r in rows], dtype=np.int64), np.array([r[1] for r in rows], dtype=np.float64)

    def count_matching(self, query: Query, cap: int) -> int:
        rows = self._matching(
            query, "SELECT count(*) FROM (SELECT 1 FROM passage_terms WHERE terms @@ CAST(? AS tsquery) LIMIT ?) m", (cap,)
        )
        return int(rows[0][0]) if rows else 0

    def passages_matching(self, query: Query, limit: int) -> list[int]:
        rows = self._matching(
            query, "SELECT passage_id FROM passage_terms WHERE terms @@ CAST(? AS tsquery) ORDER BY passage_id LIMIT ?",
            (limit,),
        )
        return [row[0] for row in rows]

    def best_passages(self, query: Query, limit: int, document: int | None = None) -> list[int]:
        within = "" if document is None else " AND passage_id IN (SELECT id FROM passages WHERE document_id = ?)"
        rows = self._matching(
            query,
            "SELECT passage_id FROM passage_terms, CAST(? AS tsquery) q WHERE terms @@ q" + within
            + " ORDER BY ts_rank_cd(terms, q, 1) DESC, passage_id LIMIT ?",
            ((document,) if document is not None else ()) + (limit,),
        )
        return [row[0] for row in rows]

    # -- the vocabulary ------------------------------------------------------------------------

    def words_starting(self, start: str, limit: int | None = None) -> dict[str, int]:
        return dict(self.db.execute(
            "SELECT word, passages FROM passage_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?",
            (start, start + "\U0010ffff", limit),
        ).fetchall())

    def passages_holding(self, word: str) -> int:
        row = self.db.execute("SELECT passages FROM passage_words WHERE word = ?", (word,)).fetchone()
        return int(row[0]) if row else 0

    def indexed(self, words: set[str]) -> set[str]:
        rows = self.db.execute("SELECT word FROM passage_words WHERE word = ANY(?)", (sorted(words),))
        return {row[0] for row in rows}

    def _matching(self, query: Query, sql: str, args: tuple[Any, ...]) -> list[Row]:
        """The rows of a statement whose first argument is the expression's tsquery; none for an
        expression that can match nothing."""
        rendered = tsquery(query)
        if rendered is None:
            return []
        try:
            return self.db.execute(sql, (rendered, *args)).fetchall()
        except psycopg.errors.SyntaxError as e:
            raise QueryError(f"cannot search for {rendered!r}: {e}") from e


def _leaves(query: Query) -> list[Leaf]:
    if isinstance(query, Leaf):
        return [query]
    return [leaf for child in query.children for leaf in _leaves(child)]
