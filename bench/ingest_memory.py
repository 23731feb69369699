"""Peak memory and time of ingesting one large text file, for inputs of different sizes side by side.

Inputs, built at run time in a temporary folder (removed afterwards) from the example texts in
examples/ (English and Russian), each copy headed by its own numbered line so no two paragraphs
are alike, in two shapes:
  lines    the texts as written: paragraphs between blank lines
  oneline  the same text with every line end made a space: one line of the whole size
Every measurement ingests one file into a fresh SQLite store in a fresh child process (the code of
this checkout) and reports its own peak RSS (getrusage), also as it stood before the last step
(the search index's champion lists, query/index_refresh.py, built over the whole store once it
holds 20,000 passages), the seconds of the ingest call, the words and the documents (parts) stored. Memory is bounded when peak RSS stays flat as the size grows;
time is linear when MB/s stays flat.

    .venv/bin/python bench/ingest_memory.py [--sizes 20,200] [--shapes lines,oneline] [--text-only] [--json]

--text-only stores text, passages and the search index without NLP (names, times, figures,
memory): a full ingest runs at a few thousand words per second on one core, so 200 MB takes hours.
The table goes to stdout; with --json it goes to stderr and stdout gets one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = ("kirov-1934.txt", "rehabilitation-1956.txt", "ezhov-ru.txt")
SHAPES = ("lines", "oneline")
MB = 1 << 20


# -- child side: one ingest in this process ----------------------------------------------------


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / (1024 if sys.platform == "darwin" else 1)


def child(path: Path, db: Path, text_only: bool) -> None:
    sys.path.insert(0, str(REPO))  # this checkout, not whatever an editable install points at
    from chronika.ingest import pipeline
    from chronika.query.index_refresh import refresh_impacts
    from chronika.store import Store

    # The peak before the last step (the search index's champion lists, built over the whole store
    # once it holds INDEXED_FROM passages) is noted apart: that step's memory grows with the store.
    before_index: list[float] = []

    def noted(store: Store) -> bool:
        before_index.append(_peak_rss_mb())
        return refresh_impacts(store)

    setattr(pipeline, "refresh_impacts", noted)
    with Store(db) as store:
        started = time.perf_counter()
        budget = pipeline.FileBudget(max_bytes=None, max_seconds=None)
        summary = pipeline.ingest(store, [path], extract=not text_only, budget=budget)
        seconds = time.perf_counter() - started
        documents = len(store.documents())
    skipped = [e.reason for e in summary.skipped]
    print(json.dumps({"words": summary.words, "seconds": seconds, "documents": documents, "peak_rss_mb": _peak_rss_mb(),
                      "peak_rss_mb_before_index": before_index[0], "skipped": skipped}))


# -- parent side -------------------------------------------------------------------------------


def example_text() -> str:
    parts = []
    for name in EXAMPLES:
        raw = (REPO / "examples" / name).read_bytes()
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append(raw.decode("cp1251"))
    return "\n\n".join(p.strip() for p in parts) + "\n\n"


def build_input(folder: Path, size_mb: int, shape: str) -> Path:
    """A file of `size_mb` MB of numbered copies of the example texts, in `shape`."""
    unit = example_text()
    path = folder / f"{shape}-{size_mb}mb.txt"
    written, n = 0, 0
    with path.open("w", encoding="utf-8") as f:
        while written < size_mb * MB:
            n += 1
            copy = f"Copy {n} of the example texts.\n\n{unit}"
            block = copy.replace("\n", " ") if shape == "oneline" else copy
            f.write(block)
            written += len(block.encode("utf-8"))
    return path


def measure(path: Path, work: Path, text_only: bool) -> dict[str, Any]:
    db = work / f"{path.stem}.db"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path), "--db", str(db)] + (["--text-only"] if text_only else [])
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=work)
    if done.returncode != 0:
        sys.exit(f"ingest of {path.name} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    for leftover in work.glob(db.name + "*"):
        leftover.unlink()
    size = path.stat().st_size / MB
    result |= {"file_mb": round(size, 1), "mb_per_second": round(size / result["seconds"], 3)}
    result["seconds"] = round(result["seconds"], 1)
    result["peak_rss_mb"] = round(result["peak_rss_mb"], 1)
    result["peak_rss_mb_before_index"] = round(result["peak_rss_mb_before_index"], 1)
    return result


def table(results: dict[str, dict[str, dict[str, Any]]], text_only: bool) -> str:
    lines = [
        f"One large text file ingested {'without NLP (--text-only)' if text_only else 'in full (names, times, figures, memory)'}, each run in a fresh process",
        f"{'shape':<9}{'size MB':>9}{'words':>13}{'documents':>11}{'seconds':>10}{'MB/s':>8}{'peak RSS MB':>13}"
        f"{'before index':>14}",
    ]
    for shape, sizes in results.items():
        for r in sizes.values():
            lines.append(
                f"{shape:<9}{r['file_mb']:>9.1f}{r['words']:>13,}{r['documents']:>11,}{r['seconds']:>10.1f}"
                f"{r['mb_per_second']:>8.3f}{r['peak_rss_mb']:>13.1f}{r['peak_rss_mb_before_index']:>14.1f}"
            )
            lines += [f"  skipped: {reason}" for reason in r["skipped"]]
    for shape, sizes in results.items():
        runs = list(sizes.values())
        if len(runs) >= 2:
            small, large = runs[0], runs[-1]
            lines.append(
                f"{shape}: {large['file_mb'] / small['file_mb']:.0f}x the size took {large['seconds'] / small['seconds']:.1f}x the time"
                f" and {large['peak_rss_mb'] / small['peak_rss_mb']:.2f}x the peak memory"
                f" ({large['peak_rss_mb_before_index'] / small['peak_rss_mb_before_index']:.2f}x before the search index's lists)"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="20,200", help="input sizes in MB, comma-separated (default: %(default)s)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="lines, oneline or both (default: %(default)s)")
    parser.add_argument("--text-only", action="store_true", help="ingest without NLP (text, passages, search index)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout (the table goes to stderr)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.db, args.text_only)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    if not sizes or any(s not in SHAPES for s in shapes):
        parser.error(f"--sizes takes MB (e.g. 20,200); --shapes takes {', '.join(SHAPES)}")
    results: dict[str, dict[str, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="chronika-memory-") as tmp:
        work = Path(tmp)
        for shape in shapes:
            results[shape] = {}
            for size in sizes:
                path = build_input(work, size, shape)
                results[shape][f"{size}mb"] = measure(path, work, args.text_only)
                path.unlink()
    print(table(results, args.text_only), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps({"text_only": args.text_only, "results": results}, indent=1))


if __name__ == "__main__":
    main()
