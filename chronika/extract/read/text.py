"""Plain text in any common encoding (UTF-8/16/32, cp1251, KOI8-R, Latin-1, ...), detected."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from chronika.errors import SourceError
from chronika.extract.read.registry import register
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


@register("text", (".txt", ".text", ".md", ".csv", ".tsv", ""))
def read_text(raw: bytes, name: str) -> Source:
    text, encoding = decode(raw, name)
    pages = _form_feed_pages(text)
    return Source(name, text, "text", page_starts=pages, metadata={"encoding": encoding})


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """The text in `raw` and the encoding it was in; SourceError if it is not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    if b"\x00" in raw[:65536]:
        raise SourceError(name, "binary data, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise SourceError(name, "binary data or an unknown text encoding")
    encoding = best.encoding
    text = str(best)
    if encoding.replace("-", "_") in _CYRILLIC_CODECS or _cyrillic_share(text) > 0.3:
        encoding, text = max(((c, raw.decode(c, errors="replace")) for c in _CYRILLIC_CODECS), key=_russianness)
    if _control_share(text) > 0.01:
        raise SourceError(name, "binary data, not text")
    return text, encoding


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
