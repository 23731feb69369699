"""The table of readers: which reader handles which file, found by magic bytes then by name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from chronika.errors import SourceError
from chronika.records.document import Source


@dataclass(frozen=True)
class Reader:
    """A format's reader: the extensions and leading bytes it claims, and its read function."""

    name: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...]
    read: Callable[[Path], Source]


_READERS: list[Reader] = []


def register(name: str, extensions: tuple[str, ...], magic: tuple[bytes, ...] = ()) -> Callable[
    [Callable[[Path], Source]], Callable[[Path], Source]
]:
    """Decorator: make `read` the reader for files with these extensions or leading bytes."""

    def wrap(read: Callable[[Path], Source]) -> Callable[[Path], Source]:
        _READERS.append(Reader(name, extensions, magic, read))
        return read

    return wrap


def readers() -> list[Reader]:
    return list(_READERS)


def reader_for(path: Path, head: bytes) -> Reader | None:
    """The reader for a file, given its first bytes: content beats the name, which can lie."""
    for reader in _READERS:
        if any(head.startswith(m) for m in reader.magic):
            return reader
    suffix = path.suffix.lower()
    for reader in _READERS:
        if suffix in reader.extensions:
            return reader
    return None


def read(path: Path) -> Source:
    """Read one file into a Source, or raise SourceError saying why it is not a document."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as e:
        raise SourceError(str(path), f"cannot be opened ({e.strerror or e})") from e
    if not head:
        raise SourceError(str(path), "empty file")
    reader = reader_for(path, head)
    if reader is None:
        raise SourceError(str(path), f"not a document Chronika can read (unknown type '{path.suffix or 'no extension'}')")
    try:
        source = reader.read(path)
    except SourceError:
        raise
    except Exception as e:  # a third-party parser failing on one file must not end the batch
        raise SourceError(str(path), f"could not be read as {reader.name} ({type(e).__name__}: {e})") from e
    if not source.text.strip():
        raise SourceError(str(path), "no text found in it")
    return source
