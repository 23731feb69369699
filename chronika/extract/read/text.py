"""Plain text in any common encoding (UTF-8/16/32, cp1251, KOI8-R, Latin-1, ...), detected."""

from __future__ import annotations

import codecs
from typing import BinaryIO, Iterator

from charset_normalizer import from_bytes

from chronika.errors import SourceError
from chronika.extract.read.parts import PART_CHARS, cut_at, page_offsets, part_name
from chronika.extract.read.registry import register, without_controls
from chronika.records.document import Source

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Russian text in a single-byte encoding: the detector can mistake one Cyrillic code page for
# another on short texts, so the candidates are compared by how Russian the result reads.
_CYRILLIC_CODECS = ("cp1251", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5")
_RUSSIAN_TEXT = set(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "«»—–№…“”„" + "".join(chr(c) for c in range(32, 127)) + "\n\t\r"
)


# UTF-8 with a few bytes that do not decode is UTF-8 damaged in places, not another encoding: at
# most this share of its multi-byte sequences (and a few more) may fail.
_DAMAGED_UTF8 = 0.02


@register("text", (".txt", ".text", ".md", ".csv", ".tsv", ""))
def read_text(raw: bytes, name: str) -> Source:
    text, encoding, warnings = decode_text(raw, name)
    pages = _form_feed_pages(text)
    metadata: dict[str, object] = {"encoding": encoding}
    if warnings:
        metadata["warnings"] = warnings
    return Source(name, text, "text", page_starts=pages, metadata=metadata)


_CHUNK_BYTES = 1 << 20  # a large file is read this much at a time; its encoding is told from the first chunk


def read_text_parts(stream: BinaryIO, name: str, size: int = PART_CHARS) -> Iterator[Source]:
    """A text file too large to hold at once, read a chunk at a time into parts of at most `size`
    characters (`chronika.extract.read.parts`), so memory stays bounded whatever its size. Its
    encoding is the one its first chunk is in; bytes that do not decode in it later on are read as
    replacement marks, with a warning on their part. SourceError if it is not text."""
    head = stream.read(_CHUNK_BYTES)
    if not head:
        raise SourceError(name, "empty file")
    first, encoding, _ = decode_text(head, name)
    paged = "\f" in first.rstrip("\f")
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    buffer = decoder.decode(head)
    number, page = 0, 1
    while True:
        chunk = stream.read(_CHUNK_BYTES)
        buffer += decoder.decode(chunk, final=not chunk)
        while len(buffer) > size or (not chunk and buffer):
            end = cut_at(buffer, 0, size)
            text, buffer = buffer[:end], buffer[end:]
            paged = paged or "\f" in text.rstrip("\f")
            if text.strip():
                number += 1
                yield _text_part(name, number, text, encoding, page if paged else None)
            page += text.count("\f")
        if not chunk:
            return


def _text_part(name: str, number: int, text: str, encoding: str, page: int | None) -> Source:
    """One part of a text file read in parts; `page` is the number of the page it begins on."""
    if _control_share(text.replace("\ufffd", "")) > 0.01:
        raise SourceError(name, f"binary data, not text (in part {number})")
    metadata: dict[str, object] = {"encoding": encoding, "part": number, "part_of": name}
    if marks := text.count("\ufffd"):
        metadata["warnings"] = [f"{marks:,} byte sequence(s) are not valid {encoding}; read with replacement marks (\ufffd)"]
    pages = page_offsets(text) if page is not None else []
    return without_controls(Source(part_name(name, number), text, "text", page_starts=pages, metadata=metadata, first_page=page or 1))


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text in `raw` and the encoding it was in; SourceError if it is not text."""
    text, encoding, _ = decode_text(raw, name)
    return text, encoding


def decode_text(raw: bytes, name: str) -> tuple[str, str, list[str]]:
    """The text in `raw`, the encoding it was in, and what was not read as the file has it (bytes
    that do not decode, read as replacement marks); SourceError if it is not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace"), encoding, []
    if (wide := _utf16_or_32(raw)) is not None:
        return raw.decode(wide), wide, []
    if b"\x00" in raw[:65536]:
        raise SourceError(name, "binary data, not text")
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(raw)
    if damaged:
        return raw.decode("utf-8", errors="replace"), "utf-8", [
            f"{damaged:,} byte sequence(s) are not valid UTF-8; read as UTF-8 with replacement marks (\ufffd)"
        ]
    best = from_bytes(raw).best()
    if best is None:
        raise SourceError(name, "binary data or an unknown text encoding")
    encoding = best.encoding
    text = str(best)
    if encoding.replace("-", "_") in _CYRILLIC_CODECS or _cyrillic_share(text) > 0.3:
        encoding, text = max(((c, raw.decode(c, errors="replace")) for c in _CYRILLIC_CODECS), key=_russianness)
    if _control_share(text) > 0.01:
        raise SourceError(name, "binary data, not text")
    return text, encoding, []


def _utf16_or_32(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, where the bytes say so: the zero (or, for
    Cyrillic, 0x04) high bytes of every code unit fall in the same place, and the text decodes
    cleanly into readable characters."""
    sample = raw[:4096]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    for encoding, width, high in (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
                                  ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,))):
        units = len(sample) // width
        if units == 0 or len(raw) % width:
            continue
        fits = sum(all(sample[i * width + h] in (0, 4) for h in high) for i in range(units))
        if fits < 0.9 * units:
            continue
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= 0.01:
            return encoding
    return None


def _damaged_utf8(raw: bytes) -> int:
    """How many byte sequences of `raw` fail to decode as UTF-8, where the rest is UTF-8 (it has
    multi-byte characters that decode) and the failures are a small share of them: UTF-8 damaged
    in places. 0 where it is not UTF-8 at all (a single-byte code page)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = sum(1 for c in text if c >= "\x80") - bad
    return bad if valid > 0 and bad <= _DAMAGED_UTF8 * (valid + bad) + 8 else 0


def _russianness(candidate: tuple[str, str]) -> float:
    """The share of characters that belong in Russian text: a wrong code page turns capitals
    (or everything) into symbols and letters of other alphabets."""
    text = candidate[1]
    if not text:
        return 0.0
    fitting = sum(c in _RUSSIAN_TEXT for c in text) / len(text)
    # Swapped code pages (KOI8-R read as cp1251) still give Russian letters, but in the wrong
    # case and frequency: in Russian prose about half the letters are these common lower-case ones.
    common = sum(c in "оеаинтсрвлкмдпу" for c in text) / len(text)
    return fitting * common


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters) if letters else 0.0


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    return bad / len(text)


def _form_feed_pages(text: str) -> list[int]:
    """Pages of a text file whose pages are separated by form feeds (as pdftotext writes them)."""
    if "\f" not in text.rstrip("\f"):
        return []
    starts = [0]
    starts.extend(i + 1 for i, c in enumerate(text) if c == "\f" and i + 1 < len(text))
    return starts
