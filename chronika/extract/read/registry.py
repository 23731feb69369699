"""The table of readers: which reader handles which file, found by its content (magic bytes, then
a closer look where several formats share them: Word, OpenDocument and EPUB files are all zip
archives) and then by its name.

Containers (archives, mailboxes, a mail with attachments) are registered beside the readers: they
hold documents of their own, which `chronika.extract.read.containers` reads one by one."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Callable, Iterator

from chronika.errors import SourceError
from chronika.records.document import Source

ReadFunction = Callable[[bytes, str], Source]  # a file's bytes and its name -> the source
SniffFunction = Callable[[bytes], bool]  # whether a file's bytes are this format (beyond its magic)


@dataclass(frozen=True)
class Member:
    """A file inside a container, to be read in its turn: its name inside the container (a path in
    an archive, an attachment's file name) and its bytes."""

    name: str
    data: bytes


class Refused(SourceError):
    """A container refused whole (a zip bomb): nothing in it is read, however deep it sits."""


class Budget:
    """How much one file on disk may unpack to, across every container nested in it: a zip bomb
    (a small file that unpacks to gigabytes, or to a flood of members) is refused, not read."""

    MAX_MEMBERS = 10_000
    MAX_UNPACKED = 2 * 1024**3  # bytes, all members together
    MAX_MEMBER = 512 * 1024**2  # bytes, one member (it is held in memory while it is read)
    MAX_RATIO = 200  # unpacked to packed, for a member over RATIO_FROM bytes: text packs 3 to 10 times
    RATIO_FROM = 1024**2

    def __init__(self) -> None:
        self.members = 0
        self.unpacked = 0

    def take(self, container: str, size: int) -> None:
        """Count one member of `size` unpacked bytes; Refused (naming `container`) where the file
        would unpack past a bound."""
        self.members += 1
        self.unpacked += size
        if self.members > self.MAX_MEMBERS:
            raise Refused(container, f"refused as a likely zip bomb: more than {self.MAX_MEMBERS:,} files inside")
        if size > self.MAX_MEMBER:
            raise Refused(container, f"refused as a likely zip bomb: a file inside unpacks to {size:,} bytes (at most {self.MAX_MEMBER:,})")
        if self.unpacked > self.MAX_UNPACKED:
            raise Refused(container, f"refused as a likely zip bomb: unpacks to more than {self.MAX_UNPACKED:,} bytes")

    def ratio(self, container: str, unpacked: int, packed: int) -> None:
        """Refused where `packed` bytes unpack to `unpacked`, over RATIO_FROM and MAX_RATIO times as many."""
        if unpacked > self.RATIO_FROM and unpacked > self.MAX_RATIO * max(packed, 1):
            raise Refused(container, f"refused as a likely zip bomb: {packed:,} bytes unpack to {unpacked:,} or more")


UnpackFunction = Callable[[bytes, str, Budget], Iterator["Member | Source | SourceError"]]


@dataclass(frozen=True)
class Reader:
    """A format's reader: the extensions and leading bytes it claims, a closer look at the content
    where other formats share those bytes, and its read function; or, for a container, the
    function that unpacks it into members (files to read in turn), sources and refusals."""

    name: str
    extensions: tuple[str, ...]
    magic: tuple[bytes, ...]
    read: ReadFunction | None
    sniff: SniffFunction | None = None
    unpack: UnpackFunction | None = None


_READERS: list[Reader] = []


def register(
    name: str, extensions: tuple[str, ...], magic: tuple[bytes, ...] = (), sniff: SniffFunction | None = None
) -> Callable[[ReadFunction], ReadFunction]:
    """Decorator: make `read` the reader for files with these extensions or leading bytes (and,
    where `sniff` is given, the content it recognises)."""

    def wrap(read: ReadFunction) -> ReadFunction:
        _READERS.append(Reader(name, extensions, magic, read, sniff))
        return read

    return wrap


def register_container(
    name: str, extensions: tuple[str, ...], magic: tuple[bytes, ...] = (), sniff: SniffFunction | None = None
) -> Callable[[UnpackFunction], UnpackFunction]:
    """Decorator: make `unpack` the container for files with these extensions or content."""

    def wrap(unpack: UnpackFunction) -> UnpackFunction:
        _READERS.append(Reader(name, extensions, magic, None, sniff, unpack))
        return unpack

    return wrap


def readers() -> list[Reader]:
    return list(_READERS)


def reader_for(name: str, data: bytes) -> Reader | None:
    """The reader for a file named `name` holding `data`: content beats the name, which can lie.
    Among the readers whose magic bytes match, one whose closer look recognises the content wins,
    then one the name points to (a damaged Word file is still reported as Word), then one that
    needs no closer look (a plain zip archive); failing all, the name's."""
    suffixes = _suffixes(name)
    by_magic = [r for r in _READERS if any(data.startswith(m) for m in r.magic)]
    sniffing = [r for r in _READERS if r.sniff is not None and (r in by_magic or not r.magic)]
    for reader in sniffing:
        if reader.sniff is not None and reader.sniff(data):
            return reader
    for suffix in suffixes:
        for reader in by_magic:
            if suffix in reader.extensions:
                return reader
    for reader in by_magic:
        if reader.sniff is None:
            return reader
    for suffix in suffixes:
        for reader in _READERS:
            if suffix in reader.extensions:
                return reader
    return None


def _suffixes(name: str) -> list[str]:
    """The file's extensions to look up, the longest first: ".tar.gz" before ".gz". A file inside a
    container is named after it ("letters.zip!1937/note"): only its own name counts."""
    suffixes = [s.lower() for s in PurePath(name.rsplit("!", 1)[-1]).suffixes]
    found = ["".join(suffixes[i:]) for i in range(max(len(suffixes) - 2, 0), len(suffixes))]
    return found or [""]


def read(data: bytes, name: str) -> Source:
    """Read one file's bytes into a Source, or raise SourceError saying why it is not a document.
    `name` (its path) names it in errors and, where its content does not, tells its format; no
    file is opened, so a worker can read what it was sent."""
    if not data:
        raise SourceError(name, "empty file")
    reader = reader_for(name, data)
    if reader is None:
        raise SourceError(name, f"not a document Chronika can read (unknown type '{_suffixes(name)[-1] or 'no extension'}')")
    if reader.read is None:
        raise SourceError(name, f"a {reader.name} holds documents of its own: ingest it to read each of them")
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
