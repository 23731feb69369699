"""Ingestion: files and folders in, documents stored, one document per transaction.

Two passes over a batch: every file is read once (its source spilled to a temporary folder, so
memory stays flat however large the corpus) while the corpus evidence for OCR mending is
gathered; then each document is built against that one fixed evidence and stored, so the order
of the files does not change the store. A file whose content is already stored is not read
again, and a file that is not a document is recorded as skipped while the batch goes on.

Memory stays bounded whatever the file: a text file too large to hold at once is read a chunk at
a time, and any text longer than `MAX_DOCUMENT_CHARS` is stored as numbered parts
(`chronika.extract.read.parts`), each a document built and saved on its own. Budgets per file
(`FileBudget`: its size, and the time spent on it, checked between pages and parts) skip a file, or
store what was read of it, with the reason in the summary."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import time
from collections import Counter
from contextlib import nullcontext
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from chronika.extract.build import build_document, content_hash, name_evidence, stated_date
from chronika.errors import SourceError, UsageError
from chronika.extract.read import LeftOut, documents, reader_for
from chronika.extract.read.containers import FOLDER_NOTES
from chronika.extract.read.limits import PageRead, reading_limits
from chronika.extract.read.parts import MAX_DOCUMENT_CHARS, PART_CHARS, split_source
from chronika.extract.read.text import read_text_parts
from chronika.records.document import Source
from chronika.ingest.entities import resolve_entities
from chronika.query.index_refresh import refresh_impacts
from chronika.store import Store, cache_folder


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


Progress = Callable[[Path, int], None]  # called after each document (a file, or each part of one) with the words it added
Reading = Callable[[Path, int, int, str], None]  # called in the first pass after each page a file's reader has read


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
                for linked in (d for d in dirs if os.path.islink(os.path.join(root, d))):
                    if unreadable is not None:  # a link may loop back: name the folder itself to read it
                        unreadable.append(SourceError(source_name(Path(root) / linked),
                                                      "a link to a folder, not followed (name the folder itself to read it)"))
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


MB = 1 << 20


@dataclass(frozen=True)
class FileBudget:
    """What one file may cost (None: no limit). A file larger than `max_bytes` is skipped; once
    the time spent on a file passes `max_seconds` (checked between the pages of a PDF and between
    the parts of a long text), the rest of it is left out and what was read is stored."""

    max_bytes: int | None = 300 * MB
    max_seconds: float | None = 1800.0


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    title: str | None = None,
    date: str | None = None,
    progress: Progress | None = None,
    extract: bool = True,
    budget: FileBudget = FileBudget(),
    reading: Reading | None = None,
) -> IngestSummary:
    """Store every document found under `paths`; `title` and `date` override what the sources say.
    `extract=False` stores text, passages and the search index only (no names, times or figures).
    `progress` hears of each document stored, `reading` of each page read (a long PDF's)."""
    started = time.perf_counter()
    if date is not None:
        stated_date(date)  # a bad --date is a usage error before anything is read
    summary = IngestSummary()
    ignored: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="chronika-ingest-") as spill:
        files = source_files(paths, ignored, summary.skipped)
        spent: dict[Path, float] = {}  # seconds spent on each file so far
        read_whole: dict[Path, set[str]] = {}  # each file read to its end: the documents it holds now
        pending, names = _read_batch(store, files, Path(spill), summary, progress, budget, spent, read_whole, reading)
        evidence = _evidence(store, pending, names) if pending else Counter()
        parts = Counter(item.path for item in pending if item.part is not None)
        left_out: Counter[Path] = Counter()
        for item in pending:
            if item.part is not None and _out_of_time(spent[item.path], budget):
                left_out[item.path] += 1
                item.spilled.unlink()
                continue
            building = time.perf_counter()
            words = _build_one(store, item, summary, title, date, evidence, extract)
            spent[item.path] += time.perf_counter() - building
            if progress:
                progress(item.path, words)
        _drop_old_versions(store, {source_name(p): held for p, held in read_whole.items() if p not in left_out})
        for path, missing in left_out.items():
            summary.skipped.append(SourceError(source_name(path), (
                f"stored in part: its last {missing} part(s) of {parts[path]} to store were left out when the time"
                f" budget of {budget.max_seconds:g} s per file ran out (raise --max-seconds, or 0 for no limit)"
            )))
    summary.ignored = [source_name(p) for p in ignored] + summary.left_out
    # Also when nothing was added: a run killed after storing documents but before resolving them
    # left mentions without an entity, and this one completes it.
    resolve_entities(store)
    refresh_impacts(store)  # also after a killed run that changed the store before it stopped
    summary.seconds = time.perf_counter() - started
    return summary


_PART = re.compile(r"^(.*) \(part (\d+)\)$")


def _drop_old_versions(store: Store, read: dict[str, set[str]]) -> None:
    """Remove what an older version of each file read (by name, with the documents it holds now)
    left that the new one does not hold: its whole document once it is stored in parts, its parts
    once it is stored whole, the parts past its new last one, and the members an archive or a
    mail no longer holds (or their parts)."""
    if not read:
        return
    stale = []
    for source in store.sources():
        m = _PART.match(source)
        whole = m[1] if m else source
        owner = whole if whole in read else whole.split("!", 1)[0]
        if owner in read and source not in read[owner]:
            stale.append(source)
    if stale:
        store.remove(stale)


def _out_of_time(seconds: float, budget: FileBudget) -> bool:
    return budget.max_seconds is not None and seconds > budget.max_seconds


@dataclass(frozen=True)
class _Pending:
    """A document read in the first pass (a file, or a part of one), its source spilled to disk
    until it is built."""

    path: Path
    name: str
    digest: str
    status: str  # "added" or "replaced"
    spilled: Path
    part: int | None = None


def _read_batch(
    store: Store,
    files: Iterable[Path],
    spill: Path,
    summary: IngestSummary,
    progress: Progress | None,
    budget: FileBudget,
    spent: dict[Path, float],
    read_whole: dict[Path, set[str]],
    reading: Reading | None = None,
) -> tuple[list[_Pending], Counter[str]]:
    """The first pass: every new or changed file read once and spilled to `spill` (a part at a
    time), with the names the batch holds; unchanged and unreadable files are recorded (and
    counted as done), and a file that fails part way through leaves none of its parts."""
    pending: list[_Pending] = []
    names: Counter[str] = Counter()
    batch: set[str] = set()  # content already in this batch: a second copy is unchanged, as once stored
    for path in files:
        started = time.perf_counter()
        items: list[_Pending] = []
        found: Counter[str] = Counter()
        warnings: list[SourceError] = []
        skipped: list[SourceError] = []  # members of a container that are not documents
        left_out: list[str] = []  # notes inside an archive
        held: set[str] = set()  # the documents the file holds, stored already or not, or unreadable this time
        try:
            told = partial(reading, path) if reading is not None else None
            for got in _read_one(store, path, summary, batch, budget, held, told):
                if isinstance(got, LeftOut):
                    left_out.append(got.name)
                    continue
                if isinstance(got, SourceError):
                    skipped.append(got)
                    held.add(got.path)  # a member unreadable now keeps what an older version stored of it
                    continue
                source, digest, status = got
                found.update(name_evidence(source))
                warnings.extend(SourceError(source.path, w) for w in source.metadata.get("warnings", []))
                spilled = spill / f"{len(pending) + len(items)}.pickle"
                spilled.write_bytes(pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL))
                items.append(_Pending(path, source.path, digest, status, spilled, source.metadata.get("part")))
        except (SourceError, OSError) as e:  # the whole file refused (a corrupt archive, a zip bomb): none of it is stored
            reason = e.reason if isinstance(e, SourceError) else f"cannot be read ({e.strerror or e})"
            summary.skipped.append(SourceError(source_name(path), reason))
            for item in items:
                item.spilled.unlink()
            items, found, warnings, skipped, left_out, held = [], Counter(), [], [], [], set()
        if held:
            read_whole[path] = held
        spent[path] = time.perf_counter() - started
        if not items and progress:
            progress(path, 0)
        pending.extend(items)
        names.update(found)
        summary.warnings.extend(warnings)
        summary.skipped.extend(skipped)
        summary.left_out.extend(left_out)
    return pending, names


def _read_one(
    store: Store, path: Path, summary: IngestSummary, batch: set[str], budget: FileBudget, held: set[str],
    on_page: PageRead | None = None,
) -> Iterator[tuple[Source, str, str] | SourceError | LeftOut]:
    """The documents a file holds (itself, its parts when its text is long, or an archive's or a
    mail's members and their parts), each with its content hash and status ("added" or
    "replaced"), and the members that are not documents; none (and recorded) for a file
    unchanged, a second copy of one in this batch, or over the size budget. The name of every
    document it holds, stored already or not, is added to `held`. A container is unchanged, or refused,
    as a whole: its members are stored under the container's hash. Raises SourceError (or
    OSError) for a file that is not read at all."""
    name = source_name(path)
    size = path.stat().st_size
    if budget.max_bytes is not None and size > budget.max_bytes:
        summary.skipped.append(SourceError(name, (
            f"larger than the size budget ({size / MB:,.0f} MB > {budget.max_bytes / MB:,.0f} MB);"
            " raise --max-size to read it, or 0 for no limit"
        )))
        return
    streamed = size > MAX_DOCUMENT_CHARS and _is_text(path, name)
    data = b"" if streamed else path.read_bytes()
    digest = _file_hash(path) if streamed else content_hash(data)
    if store.status_of(name, digest) == "unchanged" or digest in batch:
        summary.unchanged.append(name)
        return
    batch.add(digest)
    with reading_limits(budget.max_seconds, _ocr_cache(store), on_page), path.open("rb") if streamed else nullcontext() as stream:
        found = read_text_parts(stream, name, PART_CHARS) if stream is not None else _documents(data, name)
        for source in found:
            if isinstance(source, (SourceError, LeftOut)):
                yield source
                continue
            held.add(source.path)
            part = source.metadata.get("part")
            if part is None:
                yield source, digest, store.status_of(source.path, digest)
                continue
            # Each part has its own hash (the file's, its name and its number): a run killed part
            # way through a long file stores the rest of it the next time, and leaves the rest alone.
            part_digest = content_hash(f"{digest} {source.metadata['part_of']} part {part}".encode())
            status = store.status_of(source.path, part_digest)
            if status == "unchanged":
                summary.unchanged.append(source.path)
            else:
                yield source, part_digest, status


def _documents(data: bytes, name: str) -> Iterator[Source | SourceError | LeftOut]:
    """The documents a file read whole holds, a long one in parts."""
    for found in documents(data, name):
        if isinstance(found, Source):
            yield from split_source(found, PART_CHARS, MAX_DOCUMENT_CHARS)
        else:
            yield found


def _ocr_cache(store: Store) -> Path | None:
    """Where OCR keeps the text of the pages it read, by their content (beside the store's file)."""
    return cache_folder(store.path, "ocr")


def _is_text(path: Path, name: str) -> bool:
    """Whether a file is read by the text reader, by its first bytes and its name."""
    with path.open("rb") as f:
        head = f.read(4096)
    reader = reader_for(name, head)
    return reader is not None and reader.name == "text"


def _file_hash(path: Path) -> str:
    """`content_hash` of a file's bytes, read a chunk at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(MB):
            digest.update(chunk)
    return digest.hexdigest()


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
