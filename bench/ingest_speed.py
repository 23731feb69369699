"""Ingestion speed without NLP: reading, cleaning, passage cutting, storing and FTS5 indexing.

Corpora, built at run time in a temporary folder (removed afterwards):
  1x   the seed texts (../shared/seeds relative to the repo root, or --seeds)
  10x  ten copies of each seed, each ending with its own "copy N" line so its content hash differs

Every measurement runs in a fresh child process (pinned to one CPU where the OS allows it) that
ingests into a fresh SQLite file and reports words, seconds and its own peak RSS. Each is run
--repeat times and the median kept. The baseline does the bare minimum on the same files: read,
decode, split on blank lines, insert the raw paragraphs into a plain FTS5 table (unicode61
remove_diacritics 2), one transaction per file, same pragmas as Chronika's store (WAL, synchronous
NORMAL). Times cover ingestion only, not opening the database or starting Python.

    .venv/bin/python bench/ingest_speed.py [--seeds DIR] [--repeat N] [--json]

The table goes to stdout; with --json it goes to stderr and stdout gets one JSON object. A missed
target is reported, never an error: the exit status is 0 whatever the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
SIZES = {"1x": 1, "10x": 10}
KINDS = ("chronika", "baseline")
TARGET_WPM = 1_000_000
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")


# -- child side: one measurement in this process ---------------------------------------------


def _pin_to_one_core() -> bool:
    """Run on one CPU (the lowest this process may use); False where the OS has no affinity."""
    if not hasattr(os, "sched_setaffinity"):
        return False
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    return True


def _peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux, bytes on macOS
    return kb / 1024 / (1024 if sys.platform == "darwin" else 1)


def _files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_file())


def run_chronika(corpus: Path, db: Path) -> tuple[int, float]:
    from chronika.ingest.pipeline import ingest
    from chronika.store import Store

    with Store(db) as store:
        started = time.perf_counter()
        summary = ingest(store, _files(corpus), extract=False)
        seconds = time.perf_counter() - started
    if summary.skipped:
        raise SystemExit(f"chronika skipped files: {summary.to_json()['skipped']}")
    return summary.words, seconds


def run_baseline(corpus: Path, db: Path) -> tuple[int, float]:
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("CREATE VIRTUAL TABLE raw USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    words = 0
    started = time.perf_counter()
    for path in _files(corpus):
        text = path.read_bytes().decode("utf-8")
        words += len(text.split())
        con.execute("BEGIN")
        con.executemany("INSERT INTO raw(text) VALUES (?)", ((p,) for p in _PARAGRAPH.split(text) if p.strip()))
        con.execute("COMMIT")
    seconds = time.perf_counter() - started
    con.close()
    return words, seconds


def child(kind: str, corpus: Path, db: Path) -> None:
    pinned = _pin_to_one_core()
    words, seconds = (run_chronika if kind == "chronika" else run_baseline)(corpus, db)
    print(json.dumps({"words": words, "seconds": seconds, "peak_rss_mb": _peak_rss_mb(), "pinned": pinned}))


# -- parent side: corpora, runs, report ------------------------------------------------------


def build_corpus(seeds: list[Path], copies: int, folder: Path) -> Path:
    """`copies` distinct copies of every seed in `folder` (the seeds themselves for one copy)."""
    folder.mkdir()
    for seed in seeds:
        data = seed.read_bytes()
        for n in range(1, copies + 1):
            name = seed.name if copies == 1 else f"{seed.stem}_copy{n:02d}{seed.suffix}"
            (folder / name).write_bytes(data if copies == 1 else data + f"\ncopy {n}\n".encode())
    return folder


def measure(kind: str, corpus: Path, work: Path, repeat: int) -> dict[str, Any]:
    """Median of `repeat` fresh-process runs of `kind` over `corpus`."""
    runs = []
    for i in range(repeat):
        db = work / f"{kind}-{corpus.name}-{i}.db"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--corpus", str(corpus), "--db", str(db)]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            sys.exit(f"{kind} run on {corpus.name} failed:\n{done.stderr}")
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        for leftover in work.glob(db.name + "*"):
            leftover.unlink()
    seconds = statistics.median(r["seconds"] for r in runs)
    words = runs[0]["words"]
    return {
        "words": words,
        "seconds": round(seconds, 4),
        "words_per_second": round(words / seconds),
        "words_per_minute": round(words / seconds * 60),
        "peak_rss_mb": round(statistics.median(r["peak_rss_mb"] for r in runs), 1),
        "pinned_to_one_core": all(r["pinned"] for r in runs),
        "runs_seconds": [round(r["seconds"], 4) for r in runs],
    }


def report(results: dict[str, dict[str, dict[str, Any]]], seeds: Path, repeat: int) -> dict[str, Any]:
    chronika = results["chronika"]
    slowest_wpm = min(chronika[size]["words_per_minute"] for size in SIZES)
    return {
        "seeds": str(seeds),
        "repeat": repeat,
        "results": results,
        "ratio_to_baseline": {s: round(chronika[s]["seconds"] / results["baseline"][s]["seconds"], 2) for s in SIZES},
        "memory_flatness": round(chronika["10x"]["peak_rss_mb"] / chronika["1x"]["peak_rss_mb"], 2),
        "baseline_memory_flatness": round(results["baseline"]["10x"]["peak_rss_mb"] / results["baseline"]["1x"]["peak_rss_mb"], 2),
        "target_words_per_minute": TARGET_WPM,
        "target_met": slowest_wpm >= TARGET_WPM,
    }


def table(summary: dict[str, Any]) -> str:
    results = summary["results"]
    pinned = all(r["pinned_to_one_core"] for kind in results.values() for r in kind.values())
    lines = [
        f"Chronika ingestion without NLP: median of {summary['repeat']} run(s), each in a fresh process"
        f"{' pinned to one core' if pinned else ' (NOT pinned: no CPU affinity here)'}",
        f"{'run':<14}{'words':>12}{'seconds':>10}{'words/s':>12}{'words/min':>14}{'peak RSS MB':>13}",
    ]
    for size in SIZES:
        for kind in KINDS:
            r = results[kind][size]
            lines.append(
                f"{kind + ' ' + size:<14}{r['words']:>12,}{r['seconds']:>10.3f}{r['words_per_second']:>12,}"
                f"{r['words_per_minute']:>14,}{r['peak_rss_mb']:>13.1f}"
            )
    ratio = summary["ratio_to_baseline"]
    lines += [
        f"chronika time / baseline time: 1x {ratio['1x']:.2f}x, 10x {ratio['10x']:.2f}x",
        f"memory flatness (peak RSS 10x / 1x): chronika {summary['memory_flatness']:.2f}, "
        f"baseline {summary['baseline_memory_flatness']:.2f}",
        f"target: >= {TARGET_WPM:,} words/minute on one core: {'met' if summary['target_met'] else 'not met'}"
        f" (slower size: {min(results['chronika'][s]['words_per_minute'] for s in SIZES):,} words/min)",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seed texts (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is kept (default: 3)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout (the table goes to stderr)")
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.corpus, args.db)
    seeds = sorted(args.seeds.glob("[0-9][0-9][0-9]_*.txt"))
    if not seeds:
        parser.error(f"no seed texts (NNN_*.txt) in {args.seeds}")
    with tempfile.TemporaryDirectory(prefix="chronika-bench-") as tmp:
        work = Path(tmp)
        corpora = {size: build_corpus(seeds, copies, work / size) for size, copies in SIZES.items()}
        results = {kind: {size: measure(kind, corpora[size], work, max(1, args.repeat)) for size in SIZES} for kind in KINDS}
    summary = report(results, args.seeds.resolve(), max(1, args.repeat))
    print(table(summary), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
