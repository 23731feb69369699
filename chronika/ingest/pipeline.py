"""Ingestion: files and folders in, documents stored, one document per transaction.

Files are read and built one at a time (memory stays flat however large the corpus), a file
whose content is already stored is not read again, and a file that is not a document is
recorded as skipped while the batch goes on."""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from chronika.extract.build import build_document, content_hash, stated_date
from chronika.errors import SourceError, UsageError
from chronika.extract.read import read
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
    words: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "documents_added": len(self.added),
            "documents_unchanged": len(self.unchanged),
            "documents_replaced": len(self.replaced),
            "skipped": [{"path": e.path, "reason": e.reason} for e in self.skipped],
            "ignored": self.ignored,
            "seconds": round(self.seconds, 3),
            "words": self.words,
        }


Progress = Callable[[Path, int], None]  # called after each file with the words it added


# A folder's own notes are not among its sources (they are read when named as files).
_FOLDER_NOTES = re.compile(r"^(readme|licen[cs]e|copying|changelog)(\.\w+)?$", re.IGNORECASE)


def source_files(paths: Iterable[str | Path], ignored: list[Path] | None = None) -> Iterator[Path]:
    """Every file named, or under a named folder (recursively; hidden files and a folder's own
    README/LICENSE left out, and listed in `ignored`), in order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if _FOLDER_NOTES.match(name) and ignored is not None:
                        ignored.append(Path(root) / name)
                    elif not name.startswith(".") and not _FOLDER_NOTES.match(name):
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            raise UsageError(f"no such file or folder: {given}")


def source_name(path: Path) -> str:
    """How a source is named in the store: relative to the working folder when inside it."""
    absolute = path.resolve()
    try:
        return str(absolute.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(absolute)


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
    names = Counter(store.name_counts())
    ignored: list[Path] = []
    for path in source_files(paths, ignored):
        words = _ingest_one(store, path, summary, title, date, names, extract)
        if progress:
            progress(path, words)
    summary.ignored = [source_name(p) for p in ignored]
    if summary.added or summary.replaced:
        resolve_entities(store)
    refresh_impacts(store)  # also after a killed run that changed the store before it stopped
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_one(
    store: Store,
    path: Path,
    summary: IngestSummary,
    title: str | None,
    date: str | None,
    names: Counter[str],
    extract: bool,
) -> int:
    name = source_name(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        summary.skipped.append(SourceError(name, f"cannot be read ({e.strerror or e})"))
        return 0
    digest = content_hash(data)
    status = store.status_of(name, digest)
    if status == "unchanged":
        summary.unchanged.append(name)
        return 0
    try:
        source = read(path)
    except SourceError as e:
        summary.skipped.append(SourceError(name, e.reason))
        return 0
    source.path = name
    doc = build_document(source, digest, title=title, date=date, corpus_names=names, extract=extract)
    doc_id = store.save(doc)
    names.update(doc.name_counts)
    (summary.replaced if status == "replaced" else summary.added).append(doc_id)
    summary.words += doc.words
    return doc.words
