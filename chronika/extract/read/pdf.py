"""PDF: the text layer page by page; pages without one (scans) go through OCR."""

from __future__ import annotations

import logging
from io import BytesIO
from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from chronika.errors import SourceError
from chronika.extract.read.image import join_pages
from chronika.extract.read.ocr import ocr_image
from chronika.extract.read.registry import register
from chronika.records.document import Source

# A page with fewer letters than this in its text layer is treated as a scan.
_MIN_LETTERS = 20
logging.getLogger("pypdf").setLevel(logging.ERROR)


@register("pdf", (".pdf",), (b"%PDF",))
def read_pdf(raw: bytes, name: str) -> Source:
    try:
        reader = PdfReader(BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError(name, "encrypted PDF: it needs a password; save an unencrypted copy and ingest that")
        texts = [page.extract_text() or "" for page in reader.pages]
        info: dict[str, Any] = dict(reader.metadata or {})
    except FileNotDecryptedError as e:
        raise SourceError(name, "encrypted PDF: it needs a password; save an unencrypted copy and ingest that") from e
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise SourceError(name, f"corrupt or unreadable PDF ({e})") from e
    scanned = [i for i, t in enumerate(texts) if sum(c.isalpha() for c in t) < _MIN_LETTERS]
    for i, page_text in _ocr_pages(raw, name, scanned):
        texts[i] = page_text
    text, starts = join_pages(texts)
    return Source(
        name,
        text,
        "pdf",
        page_starts=starts,
        title=_meta(info, "/Title"),
        author=_meta(info, "/Author"),
        metadata={"pages": len(texts), "ocr_pages": [i + 1 for i in scanned]},
    )


def _ocr_pages(raw: bytes, name: str, indexes: list[int]) -> list[tuple[int, str]]:
    if not indexes:
        return []
    import pdfplumber

    out = []
    with pdfplumber.open(BytesIO(raw)) as pdf:
        for i in indexes:
            image = pdf.pages[i].to_image(resolution=300).original
            out.append((i, ocr_image(image, f"{name} (page {i + 1})")))
    return out


def _meta(info: dict[str, Any], key: str) -> str | None:
    value = info.get(key)
    if not isinstance(value, str):
        return None
    value = value.strip()
    # Producer-made titles ("Microsoft Word - draft3.doc", "untitled") say nothing about the text.
    if not value or value.lower().startswith(("microsoft word", "untitled")) or value.lower().endswith((".doc", ".docx")):
        return None
    return value
