"""Search on PostgreSQL beside SQLite: `chronika.query.finding.search` over the same store on both
backends, in the same run.

The SQLite store is `search_latency.py`'s generated one (the seeds and examples/ topped up with
synthetic passages; built once under /tmp/chronika-bench and reused), its champion lists and
postings built as ingest builds them. `chronika copy` moves it into a database of a throw-away
PostgreSQL cluster (`tests/pg_cluster.py`: initdb in a temporary folder, a Unix socket, fsync off,
default memory settings), where each passage's words are written as a tsvector and indexed by GIN.
Then each query of `search_latency.QUERIES` runs `--repeat` times on each store, interleaved,
limit 10; printed per query and over the mix: p50 and p95 in ms on each backend, their ratio, and
how many of PostgreSQL's ten passages are among SQLite's ten (the two rank by different measures:
FTS5's BM25, PostgreSQL's ts_rank_cd). A missed expectation is reported, never an error.

    .venv/bin/python bench/search_postgres.py [--sizes 100k] [--repeat 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from chronika.ingest.copy import copy_store  # noqa: E402
from chronika.query.finding import search  # noqa: E402
from chronika.query.index_refresh import refresh_impacts  # noqa: E402
from chronika.store import Store, open_store  # noqa: E402
from pg_cluster import cluster, create_database  # noqa: E402
from search_latency import DEFAULT_SEEDS, EXAMPLES, QUERIES, SIZES, generated_store, percentile  # noqa: E402


def _timed(store: Store, query: str) -> tuple[float, list[tuple[str, int]]]:
    started = time.perf_counter()
    hits = search(store, query, limit=10).hits
    return (time.perf_counter() - started) * 1000, [(h.document, h.start) for h in hits]


def measure(sqlite: Store, postgres: Store, repeat: int) -> dict[str, Any]:
    rows = []
    every: dict[str, list[float]] = {"sqlite": [], "postgres": []}
    for kind, query in QUERIES:
        times: dict[str, list[float]] = {"sqlite": [], "postgres": []}
        found: dict[str, list[tuple[str, int]]] = {}
        for backend, store in (("sqlite", sqlite), ("postgres", postgres)):
            found[backend] = _timed(store, query)[1]  # warm-up
        for _ in range(repeat):
            for backend, store in (("sqlite", sqlite), ("postgres", postgres)):
                times[backend].append(_timed(store, query)[0])
        for backend in every:
            every[backend] += times[backend]
        shared = len(set(found["postgres"]) & set(found["sqlite"]))
        rows.append({"kind": kind, "query": query, "shared_of_10": shared, "hits": len(found["sqlite"]),
                     **{f"{b}_p50_ms": round(percentile(t, 50), 2) for b, t in times.items()},
                     **{f"{b}_p95_ms": round(percentile(t, 95), 2) for b, t in times.items()}})
    summary = {b: (round(percentile(t, 50), 2), round(percentile(t, 95), 2)) for b, t in every.items()}
    return {"queries": rows, "summary": summary}


def report(size: str, passages: int, copied_s: float, result: dict[str, Any], repeat: int) -> list[str]:
    lines = [f"{size}: {passages:,} passages; copied into PostgreSQL (tsvectors written, GIN built) in {copied_s:.0f} s;"
             f" {repeat} runs per query, interleaved",
             f"{'kind':<18}{'query':<30}{'SQLite p50/p95':>16}{'PostgreSQL p50/p95':>20}{'p95 ratio':>10}{'same of 10':>11}"]
    for row in result["queries"]:
        ratio = row["postgres_p95_ms"] / max(row["sqlite_p95_ms"], 1e-9)
        lines.append(f"{row['kind']:<18}{row['query']:<30}{row['sqlite_p50_ms']:>8.1f}/{row['sqlite_p95_ms']:<7.1f}"
                     f"{row['postgres_p50_ms']:>11.1f}/{row['postgres_p95_ms']:<8.1f}{ratio:>9.1f}x"
                     f"{row['shared_of_10']:>6}/{row['hits']}")
    (s50, s95), (p50, p95) = result["summary"]["sqlite"], result["summary"]["postgres"]
    lines.append(f"over the mix: SQLite p50 {s50:.1f} ms, p95 {s95:.1f} ms; PostgreSQL p50 {p50:.1f} ms, p95 {p95:.1f} ms"
                 f" ({p95 / max(s95, 1e-9):.1f}x at p95)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100k", help="comma-separated, from: " + ", ".join(SIZES))
    parser.add_argument("--repeat", type=int, default=10, help="runs of each query on each backend (default 10)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True)
    out: dict[str, Any] = {}
    with cluster() as base:
        for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            path = generated_store(SIZES[size], args.seeds, EXAMPLES, log)
            url = create_database(base, f"bench_{size.lower()}")
            with Store(path) as sqlite, open_store(url) as postgres:
                refresh_impacts(sqlite, log)
                started = time.perf_counter()
                copied = copy_store(sqlite, postgres)
                copied_s = time.perf_counter() - started
                log(f"  copied into PostgreSQL in {copied_s:.0f} s")
                result = measure(sqlite, postgres, args.repeat)
                passages = sqlite.passage_count()[0]
                sizes = {"sqlite_mb": round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20),
                         "postgres_mb": round(postgres.db.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20)}
            print("\n".join(report(size, passages, copied_s, result, args.repeat)), flush=True)
            print(f"on disk: SQLite file {sizes['sqlite_mb']:,} MB (with its champion lists and postings), PostgreSQL"
                  f" database {sizes['postgres_mb']:,} MB", flush=True)
            out[size] = {"passages": passages, "copy_s": round(copied_s, 1), **sizes, **result, "copied": copied.to_json()}
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
