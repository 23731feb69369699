"""Ingest in two steps for large corpora: `build` the documents on Spark into Parquet, then `load`
them into a store. Together they store what `ingest` of the same files stores.

`build` reads and lists the files as ingest does, on the driver, and gathers the corpus evidence
for OCR mending once there (the first pass of `chronika.ingest.pipeline`); then Spark maps the
pure `build_document` over the documents read (each passed as its source's bytes and name; the
NLP models load once per Python worker, which Spark reuses from task to task) in one job, each
task writing its documents to a Parquet file of its own in `documents/`; the driver hears only
their names, words and warnings, and writes `manifest.json`. A build holds no store: its evidence
is the batch's own names, as an ingest into an empty store has. On a cluster, the output folder
must be one the workers and the loading machine share.

`load` reads that folder with pyarrow alone (no Spark, no NLP), saves each document as ingest's
second pass does (unchanged ones left alone, changed ones replaced), then resolves the entities
and refreshes what depends on them once."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from chronika.errors import ChronikaError, SourceError, UsageError
from chronika.extract.build import build_document, stated_date
from chronika.ingest.entities import resolve_entities
from chronika.ingest.pipeline import (
    FileBudget,
    IngestSummary,
    Progress,
    _drop_old_versions,
    _evidence,
    _read_batch,
    source_files,
    source_name,
)
from chronika.query.index_refresh import refresh_impacts
from chronika.records import serial
from chronika.records.document import Document
from chronika.store import Store, open_store

FORMAT = "chronika-build"
VERSION = 1
DOCUMENTS = "documents"  # a folder of Parquet files, part-00000.parquet ..., one a Spark task
MANIFEST = "manifest.json"
ROW_GROUP = 64  # documents per Parquet row group: what a task and load hold in memory at once
MAX_TASKS = 4096  # a document a task up to this many; past it, a task builds several in a row

# Document's fields kept as they are in the Parquet file; every other field is a JSON column
# (`chronika.records.serial`), so the file holds everything ingest stores for a document.
_PLAIN = {"source", "content_hash", "reader", "title", "text", "original", "language", "words", "date_provenance", "author"}
_COLUMNS = [f.name for f in fields(Document)]

Built = Callable[[str, int], None]  # called on the driver after each document built, with its name and words


@dataclass
class BuildSummary:
    documents: int = 0
    words: int = 0
    skipped: list[SourceError] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    warnings: list[SourceError] = field(default_factory=list)
    master: str = ""
    out: str = ""
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "documents_built": self.documents,
            "skipped": [{"path": e.path, "reason": e.reason} for e in self.skipped],
            "ignored": self.ignored,
            "warnings": [{"path": e.path, "reason": e.reason} for e in self.warnings],
            "seconds": round(self.seconds, 3),
            "words": self.words,
            "master": self.master,
            "out": self.out,
        }


def build(
    paths: Iterable[str | Path],
    out: Path,
    *,
    master: str = "local[2]",
    title: str | None = None,
    date: str | None = None,
    extract: bool = True,
    budget: FileBudget = FileBudget(),
    progress: Progress | None = None,
    built: Built | None = None,
) -> BuildSummary:
    """Build every document found under `paths` on Spark (`master`: local[N] or a cluster's URL)
    and write them to the folder `out` (created; refused when it holds a build already)."""
    started = time.perf_counter()
    if date is not None:
        stated_date(date)
    if (out / MANIFEST).exists() or (out / DOCUMENTS).exists():
        raise UsageError(f"{out} holds a build already; name a new folder with --out, or remove it")
    summary = BuildSummary(master=master, out=str(out))
    reading = IngestSummary()
    ignored: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="chronika-build-") as spill, open_store(":memory:") as empty:
        files = source_files(paths, ignored, reading.skipped)
        read_whole: dict[Path, set[str]] = {}
        pending, names = _read_batch(empty, files, Path(spill), reading, progress, budget, {}, read_whole)
        evidence = dict(_evidence(empty, pending, names)) if pending else {}
        tasks = [(n, source_name(item.path), item.digest, item.spilled.read_bytes()) for n, item in enumerate(pending)]
        for item in pending:
            item.spilled.unlink()
        out.mkdir(parents=True, exist_ok=True)
        options = {"title": title, "date": date, "extract": extract}
        (out / DOCUMENTS).mkdir()
        try:
            done = _on_spark(master, tasks, evidence, options, out / DOCUMENTS) if tasks else []
        except BaseException:
            shutil.rmtree(out / DOCUMENTS)  # no half a build: the folder can be used again
            raise
        _count(done, summary, built)
    summary.skipped[:0] = reading.skipped
    summary.warnings[:0] = reading.warnings
    summary.ignored = [source_name(p) for p in ignored] + reading.left_out
    summary.seconds = time.perf_counter() - started
    manifest = {
        "format": FORMAT, "version": VERSION, "documents": summary.documents, "words": summary.words,
        "unchanged": reading.unchanged,  # second copies within the batch
        "held": {source_name(p): sorted(held) for p, held in read_whole.items()},  # the documents each file holds
        **{k: v for k, v in summary.to_json().items() if k in ("skipped", "ignored", "warnings", "master", "seconds")},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary


def load(store: Store, folder: Path, progress: Progress | None = None) -> IngestSummary:
    """Store the documents a `build` wrote to `folder`, then resolve the entities once."""
    started = time.perf_counter()
    manifest = _manifest(folder)
    summary = IngestSummary(unchanged=list(manifest["unchanged"]))
    summary.skipped = [SourceError(e["path"], e["reason"]) for e in manifest["skipped"]]
    summary.warnings = [SourceError(e["path"], e["reason"]) for e in manifest["warnings"]]
    summary.ignored = list(manifest["ignored"])
    # As ingest reads a whole batch before it stores any of it: each document's status is the one
    # it has against the store as it was; a file unchanged is named once, a part of one by itself.
    statuses = [store.status_of(source, digest) for source, digest in _keys(folder)]
    for status, (file, doc) in zip(statuses, documents_built(folder)):
        if status == "unchanged":
            name = doc.source if doc.metadata.get("part") is not None else file
            if name not in summary.unchanged:
                summary.unchanged.append(name)
        else:
            doc_id = store.save(doc)
            (summary.replaced if status == "replaced" else summary.added).append(doc_id)
            summary.words += doc.words
        if progress:
            progress(Path(doc.source), doc.words)
    _drop_old_versions(store, {name: set(held) for name, held in manifest["held"].items()})
    resolve_entities(store)
    refresh_impacts(store)
    summary.seconds = time.perf_counter() - started
    return summary


def documents_built(folder: Path) -> Iterator[tuple[str, Document]]:
    """The documents of a build, each with the name of the file it was read from, in the order
    ingest would store them (part after part, each in order), a row group at a time."""
    import pyarrow.parquet as pq

    for part in _parts(folder):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=ROW_GROUP):
            for row in batch.to_pylist():
                yield row["file"], _document(row)


def _keys(folder: Path) -> Iterator[tuple[str, str]]:
    """Each document's source and content hash, in the same order, without reading the rest."""
    import pyarrow.parquet as pq

    for part in _parts(folder):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=4096, columns=["source", "content_hash"]):
            yield from zip(batch.column("source").to_pylist(), batch.column("content_hash").to_pylist())


def _parts(folder: Path) -> list[Path]:
    return sorted((folder / DOCUMENTS).glob("part-*.parquet"))


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise UsageError(f"{folder} holds no build (no {MANIFEST}); make one with `chronika build`") from e
    except (OSError, ValueError) as e:
        raise ChronikaError(f"{folder / MANIFEST} cannot be read ({e})") from e
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise ChronikaError(f"{folder} holds no build of version {VERSION}; build it again with this version")
    return manifest


def _row(doc: Document) -> dict[str, Any]:
    return {c: getattr(doc, c) if c in _PLAIN else serial.dumps(getattr(doc, c)) for c in _COLUMNS}


def _document(row: dict[str, Any]) -> Document:
    return Document(**{c: row[c] if c in _PLAIN else serial.loads(row[c]) for c in _COLUMNS})


def _schema() -> Any:
    import pyarrow as pa

    kinds = {"words": pa.int64()}
    return pa.schema([pa.field("order", pa.int64()), pa.field("file", pa.string())]
                     + [pa.field(c, kinds.get(c, pa.string())) for c in _COLUMNS])


Done = tuple[int, str, int, list[str]]  # what the driver hears of a document built: its number, source, words and warnings


def build_partition(
    index: int, tasks: Iterable[tuple[int, str, str, bytes]], folder: str, evidence: dict[str, int], options: dict[str, Any]
) -> Iterator[Done]:
    """Spark's task: each source read (its number, file's name, content hash and pickled bytes)
    built, the documents with words written to `part-INDEX.parquet` in `folder` (a task run again
    writes the same file again), and a line for each document returned to the driver."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    corpus = Counter(evidence)
    schema = _schema()
    group: list[dict[str, Any]] = []
    with pq.ParquetWriter(Path(folder) / f"part-{index:05d}.parquet", schema, compression="zstd") as writer:
        for n, file, digest, data in tasks:
            source = pickle.loads(data)
            doc = build_document(source, digest, corpus_names=corpus, **options)
            read_warnings = len(source.metadata.get("warnings", []))
            if doc.words:
                group.append(_row(doc) | {"order": n, "file": file})
            if len(group) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(group, schema))
                group = []
            yield n, doc.source, doc.words, doc.metadata.get("warnings", [])[read_warnings:]
        if group:
            writer.write_table(pa.Table.from_pylist(group, schema))


def _on_spark(
    master: str, tasks: list[tuple[int, str, str, bytes]], evidence: dict[str, int], options: dict[str, Any], folder: Path
) -> list[Done]:
    """Build `tasks` on Spark in one job, each task writing its part to `folder`; what each
    document built gives the driver, in order."""
    spark = _session(master)
    try:
        context = spark.sparkContext
        shared = context.broadcast(evidence)
        slices = min(len(tasks), MAX_TASKS)  # a document a task, Spark hands them to the cores free
        where = str(folder.resolve())
        rdd = context.parallelize(tasks, slices)
        done: list[Done] = rdd.mapPartitionsWithIndex(
            lambda index, part: build_partition(index, part, where, shared.value, options)
        ).collect()
    except Exception as e:  # a task failed (Py4JJavaError carries the worker's traceback)
        raise ChronikaError(f"the build failed on Spark: {_last_line(e)}") from e
    finally:
        spark.stop()
    return sorted(done)


def _session(master: str) -> Any:
    """A Spark session whose Python workers import this Chronika; ChronikaError when Java or
    pyspark is missing."""
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        raise ChronikaError("building on Spark needs Java (17 or later): install it, or set JAVA_HOME")
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise ChronikaError("building on Spark needs pyspark: pip install 'chronika[spark]'") from e
    package_root = str(Path(__file__).resolve().parents[2])
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        spark = (
            SparkSession.builder.master(master).appName("chronika-build")
            .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "true")
            .config("spark.python.worker.reuse", "true").getOrCreate()
        )
    except Exception as e:  # the JVM did not start, or the master cannot be reached
        raise ChronikaError(f"Spark did not start with master {master} ({_last_line(e)})") from e
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _last_line(e: Exception) -> str:
    """The line of a (Java or Python) traceback that says what went wrong."""
    lines = [line.strip() for line in str(e).splitlines() if line.strip() and not line.startswith((" ", "\t"))]
    errors = [line for line in lines if "Error" in line or "Exception" in line]
    return (errors or lines or [type(e).__name__])[-1][:500]


def _count(done: list[Done], summary: BuildSummary, built: Built | None) -> None:
    """The documents built counted, those left without words recorded as skipped, the warnings
    of building as warnings."""
    for _, name, words, warnings in done:
        summary.warnings.extend(SourceError(name, w) for w in warnings)
        if words == 0:
            summary.skipped.append(SourceError(name, "no words left to store after reading and cleaning"))
        else:
            summary.documents += 1
            summary.words += words
        if built:
            built(name, words)
