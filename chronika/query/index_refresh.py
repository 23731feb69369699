"""Keeping the champion lists and postings up to date: after an ingest that changed a large store
(`INDEXED_FROM` passages and more), its new passages are merged into them, or all are built anew
once a tenth of the store has changed since they were built (the counts behind BM25 drift). Until
then, and for small stores, FTS5 ranks."""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable

import numpy as np

from chronika.query.index_build import champion_lists
from chronika.query.ranking import weight
from chronika.records.tokens import tokens
from chronika.store import Store
from chronika.store.impacts import ImpactList

INDEXED_FROM = 20_000  # passages: below this FTS5 ranks any query in well under 100 ms
FREQUENT = 500  # passages a term must be in to get a list; FTS5 ranks rarer ones in a few ms
KEEP = 1_000  # passages kept per list
REBUILD_SHARE = 0.1  # of the passages changed since the last full build: past it, lists are built anew
SEGMENTS = 8  # merges appended as segments before the lists and postings are written whole again


def refresh_impacts(store: Store, log: Callable[[str], None] | None = None) -> bool:
    """Bring the lists up to date if the store is large and changed since; True if anything was
    done. A few changed passages are merged into the lists; past `REBUILD_SHARE` of the store
    changed since the last full build, all are built anew."""
    if store.impacts_fresh():
        return False
    state = store.impacts_state()
    passages, _ = store.passage_count()
    if passages < INDEXED_FROM:
        return False
    if state is not None and "last" in state and "postings" in state:
        added = store.passages_added_since(state["last"])
        removed = max(0, state["passages"] - (passages - added))
        changed = state.get("changed", 0) + added + removed
        if changed <= REBUILD_SHARE * passages:
            _merge(store, state, changed, removed > 0)
            return True
    build_impacts(store, log=log)
    return True


def _merge(store: Store, state: dict[str, Any], changed: int, removed: bool) -> None:
    """Merge the passages added since the lists were built into the lists of their words and
    pairs, and drop the removed ones: a list without them still holds the best of the rest. Added
    passages alone are appended as a segment (what the merge writes is what it adds); a removal,
    or `SEGMENTS` segments, writes the lists and postings whole again. A word that became frequent
    gets its list at the next full build."""
    listed, posted = store.listed_terms(), store.posted_words()
    found: dict[str, list[tuple[int, float]]] = {}
    postings: dict[str, list[tuple[int, int]]] = {}
    lengths: dict[int, int] = {}
    for pid, text in store.passages_after(state["last"]):
        words = tokens(text)
        lengths[pid] = len(words)
        hits = Counter(words) + Counter(f"{a} {b}" for a, b in zip(words, words[1:]))
        for key in hits.keys() & listed:
            found.setdefault(key, []).append((pid, weight(hits[key], len(words), state["average"])))
        for key in hits.keys() & posted:
            postings.setdefault(key, []).append((pid, hits[key]))
    state = state | {"changed": changed}
    segment = state.get("segments", 0) + 1
    if not removed and segment <= SEGMENTS:
        # Only added passages: each list and postings get them as a segment, read with them.
        appended = {key: (np.array([p for p, _ in new], dtype=np.int64), np.array([w for _, w in new]))
                    for key, new in found.items()}
        store.append_impacts(appended, postings, lengths, segment, state | {"segments": segment})
        return
    # Which listed passages are still there: read only when some were removed.
    alive: np.ndarray | None = None
    if removed:
        alive = np.zeros(state["last"] + 1, dtype=bool)
        alive[store.passage_ids_up_to(state["last"])] = True
    # Every list is read only when passages were removed; otherwise those the new passages touch
    # and those with segments, all of which are written whole.
    segmented = store.segmented_terms()
    merged = []
    for key, old in store.impact_lists(None if removed else sorted(found.keys() | segmented)):
        kept_old = alive[old.ids] if alive is not None else np.ones(len(old.ids), dtype=bool)
        new = found.get(key, [])
        if kept_old.all() and not new and key not in segmented:
            continue
        ids = np.concatenate([old.ids[kept_old], np.array([p for p, _ in new], dtype=np.int64)])
        both = np.concatenate([old.weights[kept_old], np.array([w for _, w in new], dtype=np.float64)])
        order = np.lexsort((ids, -both))
        kept, dropped = order[: state["keep"]], order[state["keep"] :]
        floor = max(old.floor, float(both[dropped].max())) if len(dropped) else old.floor
        merged.append((key, ImpactList(old.df + len(new), floor, ids[kept], both[kept])))
    store.update_impacts(merged, postings, lengths, alive, state | {"segments": 0})

def build_impacts(store: Store, frequent: int = FREQUENT, keep: int = KEEP,
                  log: Callable[[str], None] | None = None) -> int:
    """Build every list (and the frequent words' postings) from the passages' text; returns how
    many lists were kept. Two passes over the tokens, in blocks of passages, so memory stays
    near the size of the tokens."""
    built = champion_lists(store.passages_after(0), frequent, keep, log)
    passage_ids = built.passage_ids
    lists = [(name, ImpactList(df, float(w[-1]) if df > len(w) else 0.0, passage_ids[r], w))
             for name, df, r, w in built.lists]
    state = {"passages": len(passage_ids), "average": built.average, "frequent": frequent, "keep": keep,
             "last": int(passage_ids.max()) if len(passage_ids) else 0, "changed": 0}
    store.save_impacts(lists, passage_ids, built.lengths, built.postings, state)
    if log:
        log(f"  {len(built.lists):,} champion lists and {len(built.postings):,} words' postings"
            f" over {len(passage_ids):,} passages")
    return len(built.lists)
