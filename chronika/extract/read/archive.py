"""Archives: zip, tar (plain or compressed with gzip, bzip2 or xz) and single compressed files
(gzip, bzip2, xz). Their files are documents of their own, each read in its turn.

A zip's sizes are checked before anything is unpacked (its directory states them, and no more
than stated is ever read); a tar's as each member comes; a compressed stream's as it unpacks."""

from __future__ import annotations

import bz2
import gzip
import lzma
import tarfile
import zipfile
import zlib
from io import BufferedIOBase, BytesIO
from pathlib import PurePosixPath
from typing import Callable, Iterator

from chronika.errors import SourceError
from chronika.extract.read.containers import SEPARATOR
from chronika.extract.read.registry import Budget, Member, register_container
from chronika.records.document import Source

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip with files; an empty zip
_COMPRESSED: dict[bytes, tuple[str, Callable[[BytesIO], BufferedIOBase]]] = {
    b"\x1f\x8b": ("gzip", lambda f: gzip.GzipFile(fileobj=f)),
    b"BZh": ("bzip2", lambda f: bz2.BZ2File(f)),
    b"\xfd7zXZ\x00": ("xz", lambda f: lzma.LZMAFile(f)),
}
_COMPRESSED_EXTENSIONS = (".gz", ".bz2", ".xz")
_UNPACK_ERRORS = (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, zlib.error, lzma.LZMAError, ValueError, NotImplementedError)
_CHUNK = 1024**2


@register_container("zip archive", (".zip",), ZIP_MAGIC)
def unpack_zip(raw: bytes, name: str, budget: Budget) -> Iterator[Member | Source | SourceError]:
    try:
        archive = zipfile.ZipFile(BytesIO(raw))
        files = [info for info in archive.infolist() if not info.is_dir()]
    except _UNPACK_ERRORS as e:
        raise SourceError(name, f"corrupt or unreadable zip archive ({e})") from e
    if (package := _package(archive)) is not None:
        raise SourceError(name, f"{package}, not an archive of documents: not a format Chronika reads")
    # The directory states every size: a bomb is refused before anything is unpacked.
    for info in files:
        budget.take(name, info.file_size)
        budget.ratio(name, info.file_size, info.compress_size)
    budget.ratio(name, sum(info.file_size for info in files), len(raw))
    for info in files:
        inner = _zip_name(info)
        if info.flag_bits & 0x1:
            yield SourceError(f"{name}{SEPARATOR}{inner}", "encrypted inside its zip archive: it needs a password; unpack it and ingest the file")
            continue
        try:
            data = archive.read(info)  # never more than the size the directory states
        except _UNPACK_ERRORS as e:
            yield SourceError(f"{name}{SEPARATOR}{inner}", f"cannot be unpacked from its zip archive ({e})")
            continue
        yield Member(inner, data)


def _is_tar(raw: bytes) -> bool:
    """A tar archive: the "ustar" mark of its first header, or a compressed stream whose first
    block is a tar header."""
    if raw[257:262] == b"ustar":
        return True
    if not raw.startswith(tuple(_COMPRESSED)):
        return False
    try:
        with tarfile.open(fileobj=BytesIO(raw), mode="r|*") as archive:
            return archive.next() is not None
    except _UNPACK_ERRORS:
        return False


@register_container("tar archive", (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz"), sniff=_is_tar)
def unpack_tar(raw: bytes, name: str, budget: Budget) -> Iterator[Member | Source | SourceError]:
    unpacked = 0
    try:
        with tarfile.open(fileobj=BytesIO(raw), mode="r|*") as archive:  # one pass, member after member
            for info in archive:
                if not info.isfile():  # folders, links and devices hold no text of their own
                    continue
                budget.take(name, info.size)
                unpacked += info.size
                budget.ratio(name, unpacked, len(raw))
                stream = archive.extractfile(info)
                yield Member(info.name, stream.read() if stream is not None else b"")
    except _UNPACK_ERRORS as e:
        raise SourceError(name, f"corrupt or unreadable tar archive ({e})") from e


@register_container("compressed file", _COMPRESSED_EXTENSIONS, tuple(_COMPRESSED))
def unpack_compressed(raw: bytes, name: str, budget: Budget) -> Iterator[Member | Source | SourceError]:
    kind, opener = next(value for magic, value in _COMPRESSED.items() if raw.startswith(magic))
    unpacked = bytearray()
    try:
        with opener(BytesIO(raw)) as stream:
            while chunk := stream.read(_CHUNK):
                unpacked += chunk
                budget.ratio(name, len(unpacked), len(raw))  # checked as it unpacks, not after
                if len(unpacked) > Budget.MAX_MEMBER:
                    break
    except _UNPACK_ERRORS as e:
        raise SourceError(name, f"corrupt or unreadable {kind} file ({e})") from e
    budget.take(name, len(unpacked))
    yield Member(_uncompressed_name(name), bytes(unpacked))


def _uncompressed_name(name: str) -> str:
    """The file a compressed file holds, named as compressors name it: without ".gz"."""
    own = PurePosixPath(name.rsplit(SEPARATOR, 1)[-1].replace("\\", "/")).name
    for extension in _COMPRESSED_EXTENSIONS:
        if own.lower().endswith(extension) and len(own) > len(extension):
            return own[: -len(extension)]
    return own


def _package(archive: zipfile.ZipFile) -> str | None:
    """What a zip is where it is a package of one kind of file (a spreadsheet, a presentation, an
    e-book): a `mimetype` member first (OpenDocument, EPUB) or a content-types part (Office)."""
    names = archive.namelist()
    if names and names[0] == "mimetype":
        stated = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
        if stated.startswith("application/"):
            return f"a package of type {stated}"
    if "[Content_Types].xml" in names:
        return "an Office Open XML package (a spreadsheet or presentation)"
    return None


def zip_names(raw: bytes) -> list[str]:
    """The names of the files in a zip (none where it is not one): for readers of zip packages."""
    try:
        return zipfile.ZipFile(BytesIO(raw)).namelist()
    except _UNPACK_ERRORS:
        return []


def zip_mimetype(raw: bytes) -> str | None:
    """The `mimetype` member OpenDocument and EPUB files begin with, where the zip has one."""
    try:
        archive = zipfile.ZipFile(BytesIO(raw))
        if "mimetype" not in archive.namelist():
            return None
        return archive.read("mimetype")[:100].decode("ascii", "replace").strip()
    except _UNPACK_ERRORS:
        return None


def _zip_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its archiver meant it: zips without the UTF-8 flag often hold UTF-8
    names all the same, and Russian Windows archivers write them in cp866."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")  # how zipfile decoded it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    russian = raw.decode("cp866")
    if all("\u0400" <= c <= "\u04ff" or c == "№" for c in russian if ord(c) > 127):
        return russian
    return info.filename
