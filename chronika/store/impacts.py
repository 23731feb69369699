"""Where the champion lists are kept (`term_impacts`: for a frequent term or two-word phrase, the
passages where it weighs most and their weights) with their state in `store_state`: the counts
behind them and whether the store changed since. How they are built, merged and read to rank is
the query layer's (`query/champions.py`, `query/index_build.py`, `query/index_refresh.py`)."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator

from chronika.store.postings import merge_postings, write_postings
from chronika.store.connection import Connection

if TYPE_CHECKING:
    import numpy as np

_STATE = "impacts"


@dataclass
class ImpactList:
    """A term's list: the passages holding it, the most a passage outside the list weighs for it,
    and the listed passages (ids) with their weights, best first."""

    df: int
    floor: float
    ids: np.ndarray
    weights: np.ndarray


class ImpactStore:
    """The champion lists (mixed into Store)."""

    db: Connection
    transaction: Callable[[], AbstractContextManager[Connection]]

    def impacts_state(self) -> dict[str, Any] | None:
        """The lists' state: passages, average length, `frequent`, `keep`, the last passage id
        listed, passages changed since the last full build, `dirty` and `postings`; None before
        any build."""
        row = self.db.execute("SELECT value FROM store_state WHERE key = ?", (_STATE,)).fetchone()
        return json.loads(row[0]) if row else None

    def impacts_fresh(self) -> bool:
        """Lists built, with postings (lists built before the store had them are built anew), and
        the store unchanged since."""
        state = self.impacts_state()
        return state is not None and not state.get("dirty") and "postings" in state

    def _impacts_stale(self, db: Connection) -> None:
        """Called in every transaction that adds or removes passages: until the lists are refreshed, FTS5 ranks."""
        db.execute("UPDATE store_state SET value = json_set(value, '$.dirty', json('true')) WHERE key = ?", (_STATE,))

    def impact_list(self, key: str) -> ImpactList | None:
        found = dict(self.impact_lists([key]))
        return found.get(key)

    def impact_lists(self, keys: list[str] | None = None) -> Iterator[tuple[str, ImpactList]]:
        """The lists of the terms named, or every list (each with what merges appended since it
        was written whole)."""
        where = "" if keys is None else " WHERE term IN (SELECT value FROM json_each(?))"
        args = () if keys is None else (json.dumps(keys),)
        rows = self.db.execute("SELECT term, df, floor, passages, weights FROM term_impacts" + where, args).fetchall()
        appended: dict[str, list[tuple[bytes, bytes]]] = {}
        for term, passages, weights in self.db.execute(
            "SELECT term, passages, weights FROM impact_segments" + where + " ORDER BY term, segment", args
        ):
            appended.setdefault(term, []).append((passages, weights))
        keep = int((self.impacts_state() or {}).get("keep", 0)) if appended else 0
        for term, *rest in rows:
            yield term, _with_segments(_list(*rest), appended.get(term, []), keep)

    def segmented_terms(self) -> set[str]:
        """The terms whose lists have segments appended since they were written whole."""
        return {key for (key,) in self.db.execute("SELECT DISTINCT term FROM impact_segments")}

    def listed_terms(self) -> set[str]:
        """The terms and pairs with a list."""
        return {key for (key,) in self.db.execute("SELECT term FROM term_impacts")}

    def passage_count(self) -> tuple[int, int]:
        """How many passages there are, and the largest id (0 in an empty store)."""
        passages, last = self.db.execute("SELECT count(*), coalesce(max(id), 0) FROM passages").fetchone()
        return int(passages), int(last)

    def passages_added_since(self, last: int) -> int:
        return int(self.db.execute("SELECT count(*) FROM passages WHERE id > ?", (last,)).fetchone()[0])

    def passages_after(self, last: int) -> Iterator[tuple[int, str]]:
        """Every passage (id, text) with an id above `last`, in id order."""
        yield from self.db.execute("SELECT id, text FROM passages WHERE id > ? ORDER BY id", (last,))

    def passage_ids_up_to(self, last: int) -> np.ndarray:
        import numpy as np

        return np.fromiter((pid for (pid,) in self.db.execute("SELECT id FROM passages WHERE id <= ?", (last,))),
                           dtype=np.int64)

    def save_impacts(self, lists: list[tuple[str, ImpactList]], passage_ids: np.ndarray, lengths: np.ndarray,
                     postings: list[tuple[str, np.ndarray, np.ndarray]], state: dict[str, Any]) -> None:
        """Replace every list, every word's postings (rows of `passage_ids`, their hits) and the
        passages' lengths (by row), and the state, in one transaction; the state records whether
        the postings could be kept (passage ids up to 32 bits)."""
        with self.transaction() as db:
            db.execute("DELETE FROM term_impacts")
            db.execute("DELETE FROM impact_segments")
            db.executemany(
                "INSERT INTO term_impacts (term, df, floor, passages, weights) VALUES (?, ?, ?, ?, ?)",
                [(name, one.df, one.floor, one.ids.astype("<i8").tobytes(), one.weights.astype("<f8").tobytes())
                 for name, one in lists],
            )
            written = write_postings(db, passage_ids, lengths, postings)
            db.execute("INSERT INTO store_state (key, value) VALUES (?, ?)"
                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       (_STATE, json.dumps(state | {"postings": bool(written)})))

    def update_impacts(self, lists: list[tuple[str, ImpactList]], postings: dict[str, list[tuple[int, int]]],
                       lengths: dict[int, int], alive: np.ndarray | None, state: dict[str, Any]) -> None:
        """Write merged lists whole (those with segments among them: every one that has some),
        write the postings whole with the passages added and the lengths (dropping the removed
        ones, by `alive`, if given), drop the segments and save the state with the passages counted
        now, fresh, in one transaction."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE term_impacts SET df = ?, floor = ?, passages = ?, weights = ? WHERE term = ?",
                [(one.df, one.floor, one.ids.astype("<i8").tobytes(), one.weights.astype("<f8").tobytes(), key)
                 for key, one in lists],
            )
            db.execute("DELETE FROM impact_segments")
            merge_postings(db, postings, lengths, alive)
            _save_state(db, state)

    def append_impacts(self, added: dict[str, tuple[np.ndarray, np.ndarray]],
                       postings: dict[str, list[tuple[int, int]]], lengths: dict[int, int], segment: int,
                       state: dict[str, Any]) -> None:
        """Append the passages added since the last merge, as segment number `segment`: to each
        term's list its new passages and their weights (its `df` counts them as it is read), to each word's
        postings its new passages and hits, and their lengths; save the state with the passages
        counted now, fresh, in one transaction. What a merge writes is what it adds."""
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO impact_segments (term, segment, passages, weights) VALUES (?, ?, ?, ?)",
                [(key, segment, ids.astype("<i8").tobytes(), weights.astype("<f8").tobytes())
                 for key, (ids, weights) in sorted(added.items())],
            )
            merge_postings(db, postings, lengths, None, segment)
            _save_state(db, state)


def _save_state(db: Connection, state: dict[str, Any]) -> None:
    passages, last = db.execute("SELECT count(*), coalesce(max(id), 0) FROM passages").fetchone()
    state = state | {"passages": passages, "last": last, "dirty": False}
    db.execute("UPDATE store_state SET value = ? WHERE key = ?", (json.dumps(state), _STATE))


def _with_segments(base: ImpactList, segments: list[tuple[bytes, bytes]], keep: int) -> ImpactList:
    """A list with the passages its segments add: the best `keep` of all (ties by id), the floor
    raised to the best of the rest, its `df` counting the added passages (a segment holds each one)."""
    import numpy as np

    if not segments:
        return base
    ids = np.concatenate([base.ids, *(np.frombuffer(p, dtype="<i8") for p, _ in segments)])
    weights = np.concatenate([base.weights, *(np.frombuffer(w, dtype="<f8") for _, w in segments)])
    order = np.lexsort((ids, -weights))
    kept, dropped = order[:keep], order[keep:]
    floor = max(base.floor, float(weights[dropped].max())) if len(dropped) else base.floor
    return ImpactList(base.df + len(ids) - len(base.ids), floor, ids[kept], weights[kept])


def _list(df: int, floor: float, passages: bytes, weights: bytes) -> ImpactList:
    import numpy as np

    return ImpactList(df, floor, np.frombuffer(passages, dtype="<i8"), np.frombuffer(weights, dtype="<f8"))
