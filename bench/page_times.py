"""How long each page of the reading room takes on a store of the seeds and the examples, beside
the time to read the same store's document list (the least a page can cost), in the same run.

The store is built once in a temporary folder (the seeds from ../shared/seeds and examples/), or
given with --db. Each page is requested --repeat times in-process (Starlette's TestClient: no
network, the app as `chronika serve` builds it); the median, the first request's time (what the
reading room keeps, such as the conflicts, is computed then) and the largest response size are
reported. Target: every page under 0.5 s. A missed target is reported, never an error.

    .venv/bin/python bench/page_times.py [--db STORE] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
TARGET_S = 0.5


def build(folder: Path) -> Path:
    from chronika.ingest.pipeline import ingest
    from chronika.store import Store

    db = folder / "pages.db"
    with Store(db) as store:
        ingest(store, [SEEDS, REPO / "examples"])
    return db


def pages(db: Path) -> list[str]:
    """Every kind of page, with the corpus's most mentioned person and its longest document."""
    from chronika import views
    from chronika.store import Store

    with Store(db) as store:
        documents = views.documents(store)
        longest = max(documents, key=lambda d: d["words"])["id"]
        person = views.entities(store, "person")[0]["id"]
    return ["/", "/search?q=Stalin", "/search?q=Stalin&year=1937", "/ask?q=When+was+Kirov+killed%3F", "/timeline",
            "/figures", "/conflicts", "/memory", "/entities", f"/entities/{person}", f"/documents/{longest}",
            "/api/timeline", "/api/search?q=NKVD"]


def measure(db: Path, repeat: int) -> list[dict[str, Any]]:
    from fastapi.testclient import TestClient

    from chronika.store import Store
    from chronika.web import Settings, create_app

    client = TestClient(create_app(Settings(str(db))), base_url="http://127.0.0.1")
    rows = []
    baseline = []
    for _ in range(repeat):
        started = time.perf_counter()
        with Store(db) as store:
            store.documents()
        baseline.append(time.perf_counter() - started)
    rows.append({"page": "(store.documents(), the floor)", "seconds": statistics.median(baseline), "first": baseline[0], "kb": 0.0})
    for path in pages(db):
        times, size = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            answer = client.get(path, headers={"Accept-Encoding": "gzip"})
            times.append(time.perf_counter() - started)
            size = max(size, len(answer.content))
            if answer.status_code != 200:
                raise SystemExit(f"{path} answered {answer.status_code}")
        rows.append({"page": path, "seconds": statistics.median(times), "first": times[0], "kb": size / 1024})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chronika-pages-") as tmp:
        db = args.db or build(Path(tmp))
        rows = measure(db, args.repeat)
    slow = [r["page"] for r in rows[1:] if r["seconds"] > TARGET_S]
    out = sys.stderr if args.json else sys.stdout
    print(f"page times, median of {args.repeat} and the first, in-process (sizes decompressed)", file=out)
    for r in rows:
        print(f"{r['page']:<45} {r['seconds'] * 1000:8.0f} ms {r['first'] * 1000:8.0f} ms first {r['kb']:9.0f} KB", file=out)
    print(f"target: every page under {TARGET_S * 1000:.0f} ms: " + ("met" if not slow else "not met: " + ", ".join(slow)), file=out)
    if args.json:
        json.dump({"repeat": args.repeat, "rows": rows, "target_s": TARGET_S, "slow": slow}, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
