"""The table of readers: which reader handles which file, found by magic bytes then by name."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Callable

from chronika.errors import SourceError
from chronika.records.document import Source

ReadFunction = Callable[[bytes, str], Source]  # a file's bytes and its name -> the source


@dataclass(frozen=True)
class Reader:
    """A format's reader: the extensions and leading bytes it claims, and its read function."""

    name: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...]
    read: ReadFunction


_READERS: list[Reader] = []


def register(name: str, extensions: tuple[str, ...], magic: tuple[bytes, ...] = ()) -> Callable[[ReadFunction], ReadFunction]:
    """Decorator: make `read` the reader for files with these extensions or leading bytes."""

    def wrap(read: ReadFunction) -> ReadFunction:
        _READERS.append(Reader(name, extensions, magic, read))
        return read

    return wrap


def readers() -> list[Reader]:
    return list(_READERS)


def reader_for(name: str, head: bytes) -> Reader | None:
    """The reader for a file named `name`, given its first bytes: content beats the name, which can lie."""
    for reader in _READERS:
        if any(head.startswith(m) for m in reader.magic):
            return reader
    suffix = PurePath(name).suffix.lower()
    for reader in _READERS:
        if suffix in reader.extensions:
            return reader
    return None


def read(data: bytes, name: str) -> Source:
    """Read one file's bytes into a Source, or raise SourceError saying why it is not a document.
    `name` (its path) names it in errors and, where its content does not, tells its format; no
    file is opened, so a worker can read what it was sent."""
    if not data:
        raise SourceError(name, "empty file")
    reader = reader_for(name, data[:16])
    if reader is None:
        raise SourceError(name, f"not a document Chronika can read (unknown type '{PurePath(name).suffix or 'no extension'}')")
    try:
        source = reader.read(data, name)
    except SourceError:
        raise
    except Exception as e:  # a third-party parser failing on one file must not end the batch
        raise SourceError(name, f"could not be read as {reader.name} ({type(e).__name__}: {e})") from e
    if not source.text.strip():
        raise SourceError(name, "; ".join(["no text found in it", *source.metadata.get("warnings", [])]))
    return without_controls(source)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # never text (tab, line ends and form feed stay)


def without_controls(source: Source) -> Source:
    """The source with control characters (NUL and the like, from any reader) dropped, its page
    starts moved with them, and a warning saying how many."""
    found = [m.start() for m in _CONTROL.finditer(source.text)]
    if not found:
        return source
    source.text = _CONTROL.sub("", source.text)
    source.page_starts = [start - bisect_left(found, start) for start in source.page_starts]
    source.metadata["warnings"] = [*source.metadata.get("warnings", []), f"{len(found):,} control character(s) (such as NUL) dropped"]
    return source


def read_path(path: Path) -> Source:
    """`read` for a caller holding a path: the file's bytes, named by its path."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(str(path), f"cannot be opened ({e.strerror or e})") from e
    return read(data, str(path))
