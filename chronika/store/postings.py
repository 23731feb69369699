"""Where the postings are kept: for each frequent word, every passage holding it (`term_postings`,
ids as 32-bit integers) with its hits there, and every passage's length in tokens
(`passage_lengths`, one array indexed by id), and what merges appended since they were written whole
(`posting_segments`, `length_segments`). Ranking from them is `query/postings.py`'s."""

from __future__ import annotations

from typing import TYPE_CHECKING
from chronika.store.connection import Connection

if TYPE_CHECKING:
    import numpy as np

_ID = "<u4"  # a passage id in the postings
_LIMIT = 1 << 32


def write_postings(db: Connection, passage_ids: np.ndarray, lengths: np.ndarray,
                   postings: list[tuple[str, np.ndarray, np.ndarray]]) -> bool:
    """Replace every word's postings and the passages' lengths (`rows` index `passage_ids`); False
    if there are none to write."""
    import numpy as np

    _clear(db)
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


def merge_postings(db: Connection, added: dict[str, list[tuple[int, int]]], lengths: dict[int, int],
                   alive: np.ndarray | None, segment: int | None = None) -> None:
    """Add passages added since the build (ids above every listed one, so order holds) to their
    words' postings and their lengths: as segment number `segment`, so a merge writes what it
    adds rather than every word's whole postings, or, without one, written whole with the
    segments before; with `alive` (by id, up to the last id listed), drop the removed ones. A word
    that became frequent since gets its postings at the next full build."""
    if db.execute("SELECT 1 FROM passage_lengths WHERE id = 1").fetchone() is None:
        return
    if lengths and max(lengths) >= _LIMIT:
        _clear(db)
        return
    if segment is not None and alive is None:
        _append(db, segment, added, lengths)
    else:
        _rewrite(db, added, lengths, alive)


def _append(db: Connection, segment: int, added: dict[str, list[tuple[int, int]]],
            lengths: dict[int, int]) -> None:
    import numpy as np

    if not lengths:
        return
    first = min(lengths)
    dense = np.zeros(max(lengths) - first + 1, dtype=_ID)
    dense[[pid - first for pid in lengths]] = list(lengths.values())
    db.execute("INSERT INTO length_segments (segment, first, lengths) VALUES (?, ?, ?)",
               (segment, first, dense.tobytes()))
    db.executemany(
        "INSERT INTO posting_segments (term, segment, passages, hits) VALUES (?, ?, ?, ?)",
        ((word, segment, *_encoded(new)) for word, new in sorted(added.items())),
    )


def _rewrite(db: Connection, added: dict[str, list[tuple[int, int]]], lengths: dict[int, int],
             alive: np.ndarray | None) -> None:
    """Write the postings of every word (with `alive`) or of those with segments or added passages
    whole, their segments and `added` in, and the lengths whole; drop the segments."""
    import numpy as np

    dense = _lengths(db)
    assert dense is not None
    if lengths:
        grown = np.zeros(max(max(lengths) + 1, len(dense)), dtype=_ID)
        grown[: len(dense)] = dense
        grown[list(lengths)] = list(lengths.values())
        dense = grown
    db.execute("UPDATE passage_lengths SET lengths = ? WHERE id = 1", (dense.tobytes(),))
    if alive is not None:
        words = [word for (word,) in db.execute("SELECT term FROM term_postings")]
    else:
        segmented = {word for (word,) in db.execute("SELECT DISTINCT term FROM posting_segments")}
        words = sorted(segmented | set(added))
    for word in words:
        read = _postings(db, word)
        if read is None:
            continue
        ids, counts = read
        if alive is not None:
            kept = alive[ids]
            ids, counts = ids[kept], counts[kept]
        new_ids, new_hits = _encoded(added.get(word, []))
        db.execute("UPDATE term_postings SET passages = ?, hits = ? WHERE term = ?",
                   (ids.astype(_ID).tobytes() + new_ids, counts.astype(np.uint8).tobytes() + new_hits, word))
    db.execute("DELETE FROM posting_segments")
    db.execute("DELETE FROM length_segments")


def _encoded(new: list[tuple[int, int]]) -> tuple[bytes, bytes]:
    """Passages (ascending ids) with their hits, as stored."""
    import numpy as np

    return (np.array([p for p, _ in new], dtype=_ID).tobytes(),
            np.array([min(h, 255) for _, h in new], dtype=np.uint8).tobytes())


def _clear(db: Connection) -> None:
    for table in ("term_postings", "passage_lengths", "posting_segments", "length_segments"):
        db.execute(f"DELETE FROM {table}")


def _postings(db: Connection, word: str) -> tuple[np.ndarray, np.ndarray] | None:
    """A word's postings: its row, then its segments in order."""
    import numpy as np

    row = db.execute("SELECT passages, hits FROM term_postings WHERE term = ?", (word,)).fetchone()
    if row is None:
        return None
    parts = [(row[0], row[1])] + db.execute(
        "SELECT passages, hits FROM posting_segments WHERE term = ? ORDER BY segment", (word,)).fetchall()
    return (np.frombuffer(b"".join(p[0] for p in parts), dtype=_ID),
            np.frombuffer(b"".join(p[1] for p in parts), dtype=np.uint8))


def _lengths(db: Connection) -> np.ndarray | None:
    """Every passage's length in tokens by id: the lengths written whole, extended by the segments'."""
    import numpy as np

    row = db.execute("SELECT lengths FROM passage_lengths WHERE id = 1").fetchone()
    if row is None:
        return None
    dense = np.frombuffer(row[0], dtype=_ID)
    segments = db.execute("SELECT first, lengths FROM length_segments ORDER BY segment").fetchall()
    for first, stored in segments:
        part = np.frombuffer(stored, dtype=_ID)
        grown = np.zeros(max(len(dense), first + len(part)), dtype=_ID)
        grown[: len(dense)] = dense
        grown[first : first + len(part)] = part
        dense = grown
    return dense


class PostingStore:
    """The postings' reads (mixed into Store)."""

    db: Connection

    def postings_of(self, word: str) -> tuple[np.ndarray, np.ndarray] | None:
        """A frequent word's passages (ascending ids) and its hits in each, or None if it has none."""
        import numpy as np

        found = _postings(self.db, word)
        return None if found is None else (found[0].astype(np.int64), found[1])

    def passage_lengths(self) -> np.ndarray | None:
        """Every passage's length in tokens, by id (0 for an id without a passage)."""
        return _lengths(self.db)

    def posted_words(self) -> set[str]:
        """The words with postings."""
        return {word for (word,) in self.db.execute("SELECT term FROM term_postings")}
