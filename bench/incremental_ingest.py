"""Ingesting a small file into a large store against ingesting it into an empty one, in the same run.

The large store is the seed corpus ingested once, then its documents (with their passages, search
index, sentences and mentions) copied inside the database until it holds `--copies` copies of each
seed under distinct sources and hashes, then resolved once (by ingesting one example file). It is
cached in a temporary folder, one per content of chronika's source, so a rerun only copies it. The small file (~1,000 words) is composed
at run time from the project's own example texts (examples/), never from the seeds.

    .venv/bin/python bench/incremental_ingest.py [--copies 20] [--repeat 3] [--seeds DIR]

Prints both median times and their ratio (target: within 2x), the median CPU times beside them,
and the times with the checkpoint that writes what the ingest logged into the database file."""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import chronika
from chronika.ingest.pipeline import ingest
from chronika.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# Tables that hang off a document, copied with it (passages first: the search index needs their ids).
_PARTS = ("sentences", "changes", "footnote_links", "name_counts", "name_mentions", "alias_declarations",
          "time_mentions", "figure_mentions", "memory_signals")


class _Paragraphs(HTMLParser):
    """The text of a page's <p> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.inside = True
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != "p"

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.paragraphs[-1] += data


def small_file(folder: Path) -> Path:
    """About 1,000 words from the examples: the Kirov and rehabilitation texts and the biography's paragraphs."""
    page = _Paragraphs()
    page.feed((EXAMPLES / "stalin-biography.html").read_text(encoding="utf-8"))
    parts = [
        (EXAMPLES / "kirov-1934.txt").read_text(encoding="utf-8"),
        (EXAMPLES / "rehabilitation-1956.txt").read_text(encoding="utf-8"),
        "\n\n".join(re.sub(r"\s+", " ", p).strip() for p in page.paragraphs if len(p.split()) > 8),
    ]
    path = folder / "small" / "chronicle-note.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def _copy_document(db: sqlite3.Connection, doc: int, copy: int) -> None:
    columns = [row[1] for row in db.execute("PRAGMA table_info(documents)") if row[1] != "id"]
    listed = ", ".join(f'"{c}"' for c in columns)
    picked = listed.replace('"source"', f"source || ' (copy {copy})'").replace(
        '"content_hash"', f"content_hash || '-copy-{copy}'"
    )
    new = db.execute(f"INSERT INTO documents ({listed}) SELECT {picked} FROM documents WHERE id = ?", (doc,)).lastrowid
    for table in ("passages", *_PARTS):
        cols = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] not in ("id", "document_id", "entity_key")]
        names = ", ".join(f'"{c}"' for c in cols)
        db.execute(f"INSERT INTO {table} (document_id, {names}) SELECT ?, {names} FROM {table} WHERE document_id = ?",
                   (new, doc))
    db.execute("INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages WHERE document_id = ?", (new,))


def big_store(seeds: Path, copies: int, cache: Path) -> Path:
    """The seeds ingested once and copied `copies` times in all, resolved once; built once per cache."""
    path = cache / f"seeds-x{copies}.db"
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    building = cache / "building.db"
    building.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(building) as store:
        ingest(store, sorted(seeds.glob("0*.txt")))
        print(f"seeds ingested in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        originals = [row[0] for row in store.db.execute("SELECT id FROM documents ORDER BY id")]
        for copy in range(2, copies + 1):
            with store.transaction() as db:
                for doc in originals:
                    _copy_document(db, doc, copy)
        # One more (small, example) file: the ingest resolves the whole store and builds its search lists.
        ingest(store, [EXAMPLES / "ezhov-ru.txt"])
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    building.rename(path)
    print(f"store of {copies} copies built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def timed_ingest(db: Path, file: Path) -> tuple[float, float, float, int]:
    """Wall and CPU seconds of ingesting `file` (CPU time changes far less with the machine's other
    load), then the seconds and pages of checkpointing what it wrote into the database file (SQLite
    does that itself once the log holds 1,000 pages, so some later ingest pays for it)."""
    with Store(db) as store:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")  # the checkpoint is timed on its own
        started, cpu = time.perf_counter(), time.process_time()
        ingest(store, [file])
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        started = time.perf_counter()
        pages = store.db.execute("PRAGMA wal_checkpoint(FULL)").fetchone()[1]
        return wall, cpu, time.perf_counter() - started, int(pages)


def _synced_copy(source: Path, target: Path) -> None:
    """A copy of the store on disk: without the fsync, the first checkpoint into the copy would
    also write out the whole copied file."""
    shutil.copy(source, target)
    with open(target, "rb+") as copied:
        os.fsync(copied.fileno())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    code = Path(chronika.__file__).resolve().parent
    # Keyed on the code's content: a store built by other code (another checkout, an older commit) is not reused.
    digest = hashlib.sha1()
    for source in sorted(code.rglob("*.py")):
        digest.update(str(source.relative_to(code)).encode() + source.read_bytes())
    cache = Path(tempfile.gettempdir()) / "chronika-incremental-bench" / digest.hexdigest()[:10]
    big = big_store(args.seeds, args.copies, cache)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        file = small_file(work)
        words = len(file.read_text(encoding="utf-8").split())
        timed_ingest(work / "warm.db", file)  # loads the NLP models
        empty, large = [], []
        for n in range(args.repeat):
            empty.append(timed_ingest(work / f"empty-{n}.db", file))
            copy = work / "big.db"
            _synced_copy(big, copy)
            large.append(timed_ingest(copy, file))
            copy.unlink()
        with Store(big) as store:
            stored = store.db.execute("SELECT sum(words), count(*) FROM documents").fetchone()
            mentions = store.db.execute("SELECT count(*) FROM name_mentions").fetchone()[0]
    e, b = statistics.median(run[0] for run in empty), statistics.median(run[0] for run in large)
    ce, cb = statistics.median(run[1] for run in empty), statistics.median(run[1] for run in large)
    ke, kb = statistics.median(run[0] + run[2] for run in empty), statistics.median(run[0] + run[2] for run in large)
    print(f"chronika from {code}")
    print(f"small file: {words} words; large store: {stored[0]:,} words in {stored[1]} documents, {mentions:,} name mentions")
    for name, runs, wall, cpu, checked in (("an empty store", empty, e, ce, ke), ("the large store", large, b, cb, kb)):
        print(f"ingest into {name}: {wall:.2f} s (median of {args.repeat}: {', '.join(f'{run[0]:.2f}' for run in runs)});"
              f" CPU {cpu:.2f} s; with the checkpoint of its {statistics.median(run[3] for run in runs):.0f} pages"
              f" {checked:.2f} s")
    print(f"ratio: {b / e:.1f}x, CPU {cb / ce:.1f}x, with the checkpoint {kb / ke:.1f}x"
          f" (target: within 2x: {'met' if b <= 2 * e else 'not met'})")


if __name__ == "__main__":
    main()
