"""The container step: every document a file holds. A file is one document, or a container
(an archive, a mailbox, a mail with attachments) whose members are read in their turn, each a
document named inside its container: `letters.zip!1937/note.txt`, `box.mbox!message-3.eml!scan.pdf`.

Containers nest to a bounded depth, and one file on disk unpacks within one `Budget`: a zip
bomb is refused whole. Member names are names only: nothing is written to disk, so a name such
as `../../etc/passwd` inside an archive is harmless."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterator

from chronika.errors import SourceError
from chronika.extract.read.registry import Budget, Member, Refused, UnpackFunction, read, reader_for
from chronika.records.document import Source

MAX_DEPTH = 4  # containers inside containers: a mail in a mailbox in an archive in an archive
SEPARATOR = "!"  # between a container's name and a member's name inside it

# A folder's own notes are not among its sources (nor are those of a folder inside an archive).
FOLDER_NOTES = re.compile(r"^(readme|licen[cs]e|copying|changelog)(\.\w+)?$", re.IGNORECASE)
# What archivers add beside the files: macOS resource forks and folder settings, Windows thumbnails.
_ARCHIVER_FILES = re.compile(r"^(__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini)$", re.IGNORECASE)


@dataclass(frozen=True)
class LeftOut:
    """A member that is not a source: a folder's README or LICENSE inside an archive."""

    name: str


def documents(data: bytes, name: str) -> Iterator[Source | SourceError | LeftOut]:
    """Every document in the file `name` holding `data`: the file read as one document, or each
    member of a container (a member that is not a document as a SourceError, and the batch goes
    on). Raises SourceError for the whole file where it is not read at all: a corrupt archive, or
    one refused as a zip bomb (members met before the refusal are to be dropped with it)."""
    reader = reader_for(name, data) if data else None
    if reader is None or reader.unpack is None:
        yield _read(data, name)
        return
    yield from _unpacked(reader.name, reader.unpack, data, name, Budget(), 1, name)


def _unpacked(
    kind: str, unpack: UnpackFunction, data: bytes, name: str, budget: Budget, depth: int, top: str
) -> Iterator[Source | SourceError | LeftOut]:
    """The documents of the container `name` (a `kind`, `depth` containers deep in the file `top`)."""
    taken: set[str] = set()
    found = False
    for part in unpack(data, name, budget):
        found = True
        if isinstance(part, Member):  # "./notes/a.txt" and "notes//a.txt" are "notes/a.txt"
            part = Member(str(PurePosixPath(part.name.replace("\\", "/"))), part.data)
        if isinstance(part, (Source, SourceError)):
            yield part
        elif _archiver_file(part.name):
            continue
        elif FOLDER_NOTES.match(PurePosixPath(part.name).name):
            yield LeftOut(_unique(f"{name}{SEPARATOR}{part.name}", taken))
        else:
            yield from _member(_unique(f"{name}{SEPARATOR}{part.name}", taken), part.data, budget, depth, top)
    if not found:
        raise SourceError(name, f"an empty {kind}: nothing in it")


def _member(name: str, data: bytes, budget: Budget, depth: int, top: str) -> Iterator[Source | SourceError | LeftOut]:
    """A member read as a document, or opened where it is a container itself (a corrupt one is
    skipped as a document would be; a refused one refuses the file on disk that holds it)."""
    inner = reader_for(name, data) if data else None
    if inner is None or inner.unpack is None:
        yield _in_container(_read(data, name), top)
    elif depth >= MAX_DEPTH:
        yield SourceError(name, f"a {inner.name} nested more than {MAX_DEPTH} containers deep: not opened")
    else:
        try:
            for part in _unpacked(inner.name, inner.unpack, data, name, budget, depth + 1, top):
                yield _in_container(part, top)
        except Refused as e:
            if e.path == top:
                raise
            raise Refused(top, f"{e.reason} (in {name})") from e
        except SourceError as e:
            yield e


def _read(data: bytes, name: str) -> Source | SourceError:
    try:
        return read(data, name)
    except SourceError as e:
        return e


def _in_container(part: Source | SourceError | LeftOut, top: str) -> Source | SourceError | LeftOut:
    """A member's source, told which file on disk holds it and where inside it."""
    if isinstance(part, Source):
        part.metadata.setdefault("container", top)
        part.metadata.setdefault("member", part.path[len(top) + len(SEPARATOR) :])
    return part


def _archiver_file(inner: str) -> bool:
    """A hidden file or folder, or one an archiver adds: left out as a folder's hidden files are."""
    parts = [part for part in PurePosixPath(inner).parts if part not in (".", "..")]
    return any(part.startswith(".") or _ARCHIVER_FILES.match(part) for part in parts)


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or where a container holds two members of that name, `name (2)` before its extension."""
    found, n = name, 1
    while found in taken:
        n += 1
        stem, dot, extension = name.rpartition(".")
        found = f"{stem} ({n}).{extension}" if dot and SEPARATOR not in extension and "/" not in extension else f"{name} ({n})"
    taken.add(found)
    return found
