"""Ingestion: files and folders in, documents stored, one document per transaction.

Two passes over a batch: every file is read once (its source spilled to a temporary folder, so
memory stays flat however large the corpus) while the corpus evidence for OCR mending is
gathered; then each document is built against that one fixed evidence and stored, so the order
of the files does not change the store. A file whose content is already stored is not read
again, and a file that is not a document is recorded as skipped while the batch goes on."""

from __future__ import annotations

import os
import pickle
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from chronika.extract.build import build_document, content_hash, name_evidence, stated_date
from chronika.errors import SourceError, UsageError
from chronika.extract.read import LeftOut, documents
from chronika.extract.read.containers import FOLDER_NOTES
from chronika.records.document import Source
from chronika.ingest.entities import resolve_entities
from chronika.query.index_refresh import refresh_impacts
from chronika.store import Store


@dataclass
class IngestSummary:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[SourceError] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    warnings: list[SourceError] = field(default_factory=list)  # stored, but not all as the file has it
    left_out: list[str] = field(default_factory=list)  # notes inside archives, listed among `ignored`
    words: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "documents_added": len(self.added),
            "documents_unchanged": len(self.unchanged),
            "documents_replaced": len(self.replaced),
            "skipped": [{"path": e.path, "reason": e.reason} for e in self.skipped],
            "ignored": self.ignored,
            "warnings": [{"path": e.path, "reason": e.reason} for e in self.warnings],
            "seconds": round(self.seconds, 3),
            "words": self.words,
        }


Progress = Callable[[Path, int], None]  # called after each file with the words it added


def source_files(
    paths: Iterable[str | Path], ignored: list[Path] | None = None, unreadable: list[SourceError] | None = None
) -> Iterator[Path]:
    """Every file named, or under a named folder (recursively, not following links to folders;
    hidden files and a folder's own README/LICENSE left out, and listed in `ignored`), in order.
    A folder that cannot be listed is recorded in `unreadable` and the walk goes on."""

    def cannot_list(e: OSError) -> None:
        if unreadable is not None:
            unreadable.append(SourceError(source_name(Path(e.filename or "")), f"folder cannot be read ({e.strerror or e})"))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=cannot_list):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if FOLDER_NOTES.match(name) and ignored is not None:
                        ignored.append(Path(root) / name)
                    elif not name.startswith(".") and not FOLDER_NOTES.match(name):
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            raise UsageError(f"no such file or folder: {given}")


def source_name(path: Path) -> str:
    """How a source is named in the store: relative to the working folder when inside it, by its
    own name (a symbolic link is named as itself, not its target); a name the file system gave in
    another encoding is shown with replacement marks."""
    try:
        absolute = path.parent.resolve() / path.name
    except (OSError, RuntimeError):  # a loop of symbolic links among the folders: named as given
        absolute = Path(os.path.abspath(path))
    try:
        name = str(absolute.relative_to(Path.cwd().resolve()))
    except ValueError:
        name = str(absolute)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    title: str | None = None,
    date: str | None = None,
    progress: Progress | None = None,
    extract: bool = True,
) -> IngestSummary:
    """Store every document found under `paths`; `title` and `date` override what the sources say.
    `extract=False` stores text, passages and the search index only (no names, times or figures)."""
    started = time.perf_counter()
    if date is not None:
        stated_date(date)  # a bad --date is a usage error before anything is read
    summary = IngestSummary()
    ignored: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="chronika-ingest-") as spill:
        files = source_files(paths, ignored, summary.skipped)
        pending, names = _read_batch(store, files, Path(spill), summary, progress)
        evidence = _evidence(store, pending, names) if pending else Counter()
        for item in pending:
            words = _build_one(store, item, summary, title, date, evidence, extract)
            if progress:
                progress(item.path, words)
    summary.ignored = [source_name(p) for p in ignored] + summary.left_out
    # Also when nothing was added: a run killed after storing documents but before resolving them
    # left mentions without an entity, and this one completes it.
    resolve_entities(store)
    refresh_impacts(store)  # also after a killed run that changed the store before it stopped
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass(frozen=True)
class _Pending:
    """A file read in the first pass, its source spilled to disk until it is built."""

    path: Path
    name: str
    digest: str
    status: str  # "added" or "replaced"
    spilled: Path


def _read_batch(
    store: Store, files: Iterable[Path], spill: Path, summary: IngestSummary, progress: Progress | None
) -> tuple[list[_Pending], Counter[str]]:
    """The first pass: every new or changed file read once and spilled to `spill`, with the
    names the batch holds; unchanged and unreadable files are recorded (and counted as done)."""
    pending: list[_Pending] = []
    names: Counter[str] = Counter()
    batch: set[str] = set()  # content already in this batch: a second copy is unchanged, as once stored
    for path in files:
        read_now = _read_file(store, path, summary, batch)
        if not read_now and progress:
            progress(path, 0)
        for source, digest, status in read_now:
            names.update(name_evidence(source))
            spilled = spill / f"{len(pending)}.pickle"
            spilled.write_bytes(pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL))
            pending.append(_Pending(path, source.path, digest, status, spilled))
    return pending, names


def _read_file(store: Store, path: Path, summary: IngestSummary, batch: set[str]) -> list[tuple[Source, str, str]]:
    """The documents a file holds (itself, or an archive's or a mail's members), each with the
    file's content hash and its status ("added" or "replaced"); none (and recorded) for a file
    unchanged, a second copy of one in this batch, or holding no document. A container is
    unchanged, or refused, as a whole: its members are stored under the container's hash."""
    name = source_name(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        summary.skipped.append(SourceError(name, f"cannot be read ({e.strerror or e})"))
        return []
    digest = content_hash(data)
    if store.status_of(name, digest) == "unchanged" or digest in batch:
        summary.unchanged.append(name)
        return []
    found: list[tuple[Source, str, str]] = []
    skipped: list[SourceError] = []
    left_out: list[str] = []
    try:
        for part in documents(data, name):
            if isinstance(part, LeftOut):
                left_out.append(part.name)
            elif isinstance(part, SourceError):
                skipped.append(part)
            else:
                found.append((part, digest, store.status_of(part.path, digest)))
    except SourceError as e:  # the whole file refused (a corrupt archive, a zip bomb): none of it is stored
        summary.skipped.append(SourceError(name, e.reason))
        return []
    summary.skipped.extend(skipped)
    summary.left_out.extend(left_out)
    for source, _, _ in found:
        summary.warnings.extend(SourceError(source.path, w) for w in source.metadata.get("warnings", []))
    batch.add(digest)
    return found


def _evidence(store: Store, pending: list[_Pending], batch_names: Counter[str]) -> Counter[str]:
    """The corpus evidence every document of the batch is mended against: the names of every
    document the store will hold once the batch is in, the stored ones (less the versions the
    batch replaces) and the batch's own. So a batch added to a store builds each of its
    documents as one batch of all the files would, and a killed run completed later builds what
    the whole run would have; documents stored by earlier calls are not mended again, though,
    with the evidence a later batch brings."""
    replaced = [item.name for item in pending if item.status == "replaced"]
    return Counter(store.name_counts(excluding=replaced)) + batch_names


def _build_one(
    store: Store,
    item: _Pending,
    summary: IngestSummary,
    title: str | None,
    date: str | None,
    evidence: Counter[str],
    extract: bool,
) -> int:
    source = _load(item.spilled)
    doc = build_document(source, item.digest, title=title, date=date, corpus_names=evidence, extract=extract)
    item.spilled.unlink()
    read_warnings = len(source.metadata.get("warnings", []))
    summary.warnings.extend(SourceError(item.name, w) for w in doc.metadata.get("warnings", [])[read_warnings:])
    if doc.words == 0:
        summary.skipped.append(SourceError(item.name, "no words left to store after reading and cleaning"))
        return 0
    doc_id = store.save(doc)
    (summary.replaced if item.status == "replaced" else summary.added).append(doc_id)
    summary.words += doc.words
    return doc.words


def _load(spilled: Path) -> Source:
    source: Source = pickle.loads(spilled.read_bytes())
    return source
