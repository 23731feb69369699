"""Semantic search (the `chronika[semantic]` extra): embedding speed and query latency.

On a copy of the seed store (the three seeds and examples/, built once by bench/search_latency.py
and kept under /tmp), prints how long the model takes to load, how fast `embed_missing` embeds the
passages (passages/s, the model already loaded), and the p50/p95 latency of a query by meaning
alone (`semantic.nearest`: the query's embedding and the brute-force cosine) and fused with BM25
(`semantic.semantic_search`), over a fixed mix of queries that paraphrase rather than quote. Then the
cosine step alone over a matrix of `--scale` random unit vectors, since brute force grows with the
corpus while the query's embedding does not.

    .venv/bin/python bench/semantic_search.py [--repeat 5] [--scale 100000] [--seeds DIR]

A missed target is reported, never an error (exit status 0).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from chronika.query import semantic  # noqa: E402
from chronika.store import Store  # noqa: E402
from search_latency import DEFAULT_SEEDS, EXAMPLES, percentile, seed_store  # noqa: E402

QUERIES = [
    "army commanders executed after a secret trial",
    "prisoners released from labour camps",
    "hunger in the countryside after farms were collectivised",
    "what ordinary people think of the dictator today",
    "memorials to the victims of repression",
    "hitman fired pistol",
]
TARGET_P95_MS = 200.0  # a fused query on the seed store, the model loaded


def timed(work: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of `repeat` runs."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        work()
        times.append((time.perf_counter() - began) * 1000)
    return times


def report(name: str, times: list[float]) -> float:
    p95 = percentile(times, 95)
    print(f"  {name:<34} p50 {percentile(times, 50):8.1f} ms   p95 {p95:8.1f} ms   ({len(times)} runs)")
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query (default 5)")
    parser.add_argument("--scale", type=int, default=100_000, help="rows of the synthetic matrix (default 100000)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args()
    if not semantic.available():
        raise SystemExit(semantic.OFF)
    with tempfile.TemporaryDirectory(prefix="chronika-semantic-") as folder:
        db = Path(folder) / "seeds.db"
        shutil.copy(seed_store(args.seeds, EXAMPLES), db)
        with Store(db) as store:
            began = time.perf_counter()
            semantic.embed(["warm-up"])
            print(f"model loaded in {time.perf_counter() - began:.1f} s (torch imported, weights read)")
            done = semantic.embed_missing(store)
            print(f"embedded {done.embedded:,} passages in {done.seconds:.1f} s: "
                  f"{done.embedded / done.seconds:,.1f} passages/s")
            print(f"queries over {done.vectors:,} passages ({len(QUERIES)} queries x {args.repeat}):")
            near: list[float] = []
            fused: list[float] = []
            for query in QUERIES:
                near += timed(lambda: semantic.nearest(store, query, semantic.POOL), args.repeat)
                fused += timed(lambda: semantic.semantic_search(store, query, 10), args.repeat)
            report("by meaning (nearest)", near)
            p95 = report("fused with BM25 (semantic_search)", fused)
    rows = np.random.default_rng(0).standard_normal((args.scale, 384)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    query = rows[0]
    print(f"cosine step alone over {args.scale:,} vectors:")
    report("matrix @ query + top 50", timed(lambda: np.argpartition(-(rows @ query), 49)[:50], args.repeat * 4))
    verdict = "met" if p95 <= TARGET_P95_MS else "MISSED"
    print(f"target: fused p95 <= {TARGET_P95_MS:.0f} ms on the seed store: {verdict}")


if __name__ == "__main__":
    main()
