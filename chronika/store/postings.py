"""Where the postings are kept: for each frequent word, every passage holding it (`term_postings`,
ids as 32-bit integers) with its hits there, and every passage's length in tokens
(`passage_lengths`, one array indexed by id). Ranking from them is `query/postings.py`'s."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_ID = "<u4"  # a passage id in the postings
_LIMIT = 1 << 32


def write_postings(db: sqlite3.Connection, passage_ids: np.ndarray, lengths: np.ndarray,
                   postings: list[tuple[str, np.ndarray, np.ndarray]]) -> bool:
    """Replace every word's postings and the passages' lengths (`rows` index `passage_ids`); False
    if there are none to write."""
    import numpy as np

    db.execute("DELETE FROM term_postings")
    db.execute("DELETE FROM passage_lengths")
    if not len(passage_ids) or int(passage_ids.max()) >= _LIMIT:
        return False  # ids past 32 bits: the champion lists and FTS5 rank alone
    db.executemany(
        "INSERT INTO term_postings (term, passages, hits) VALUES (?, ?, ?)",
        ((word, passage_ids[rows].astype(_ID).tobytes(), hits.astype(np.uint8).tobytes())
         for word, rows, hits in postings),
    )
    dense = np.zeros(int(passage_ids.max()) + 1, dtype=_ID)
    dense[passage_ids] = lengths
    db.execute("INSERT INTO passage_lengths (id, lengths) VALUES (1, ?)", (dense.tobytes(),))
    return True


def merge_postings(db: sqlite3.Connection, added: dict[str, list[tuple[int, int]]], lengths: dict[int, int],
                   alive: np.ndarray | None) -> None:
    """Append passages added since the build (ids above every listed one, so order holds) to their
    words' postings and their lengths; with `alive` (by id, up to the last id listed), drop the
    removed ones. A word that became frequent since gets its postings at the next full build."""
    import numpy as np

    row = db.execute("SELECT lengths FROM passage_lengths WHERE id = 1").fetchone()
    if row is None:
        return
    if lengths:
        dense = np.frombuffer(row[0], dtype=_ID)
        last = max(lengths)
        if last >= _LIMIT:
            db.execute("DELETE FROM term_postings")
            db.execute("DELETE FROM passage_lengths")
            return
        grown = np.zeros(max(last + 1, len(dense)), dtype=_ID)
        grown[: len(dense)] = dense
        grown[list(lengths)] = list(lengths.values())
        db.execute("UPDATE passage_lengths SET lengths = ? WHERE id = 1", (grown.tobytes(),))
    where = "" if alive is not None else " WHERE term IN (SELECT value FROM json_each(?))"
    rows = db.execute("SELECT term, passages, hits FROM term_postings" + where,
                      () if alive is not None else (json.dumps(list(added)),)).fetchall()
    for word, passages, hits in rows:
        ids, counts = np.frombuffer(passages, dtype=_ID), np.frombuffer(hits, dtype=np.uint8)
        if alive is not None:
            kept = alive[ids]
            ids, counts = ids[kept], counts[kept]
        new = added.get(word, [])
        ids = np.concatenate([ids, np.array([p for p, _ in new], dtype=_ID)])
        counts = np.concatenate([counts, np.array([min(h, 255) for _, h in new], dtype=np.uint8)])
        db.execute("UPDATE term_postings SET passages = ?, hits = ? WHERE term = ?",
                   (ids.astype(_ID).tobytes(), counts.tobytes(), word))


class PostingStore:
    """The postings' reads (mixed into Store)."""

    db: sqlite3.Connection

    def postings_of(self, word: str) -> tuple[np.ndarray, np.ndarray] | None:
        """A frequent word's passages (ascending ids) and its hits in each, or None if it has none."""
        import numpy as np

        row = self.db.execute("SELECT passages, hits FROM term_postings WHERE term = ?", (word,)).fetchone()
        if row is None:
            return None
        return np.frombuffer(row[0], dtype=_ID).astype(np.int64), np.frombuffer(row[1], dtype=np.uint8)

    def passage_lengths(self) -> np.ndarray | None:
        """Every passage's length in tokens, by id (0 for an id without a passage)."""
        import numpy as np

        row = self.db.execute("SELECT lengths FROM passage_lengths WHERE id = 1").fetchone()
        return np.frombuffer(row[0], dtype=_ID) if row else None

    def posted_words(self) -> set[str]:
        """The words with postings."""
        return {word for (word,) in self.db.execute("SELECT term FROM term_postings")}
