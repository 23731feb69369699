"""PDF: the text layer page by page; pages without one (scans) go through OCR."""

from __future__ import annotations

import logging
import re
from datetime import date
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
        metadata={"pages": len(texts), "ocr_pages": [i + 1 for i in scanned]}
        | ({"pdf_created": created} if (created := _created(info)) and not scanned else {}),
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


# Makers whose PDFs are copies of something published elsewhere: a page printed from a browser.
_COPYING = re.compile(r"mozilla|chrome|chromium|safari|firefox|webkit|skia|wkhtmltopdf|phantomjs|print", re.IGNORECASE)


def _created(info: dict[str, Any]) -> str | None:
    """The day a born-digital PDF was made (YYYY-MM-DD), when it was not printed from a browser: a
    printed page's creation date is the day of printing, not of publication."""
    made_by = " ".join(str(info.get(key) or "") for key in ("/Creator", "/Producer"))
    value = info.get("/CreationDate")
    if not isinstance(value, str) or _COPYING.search(made_by):
        return None
    m = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", value.strip())
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _meta(info: dict[str, Any], key: str) -> str | None:
    value = info.get(key)
    if not isinstance(value, str):
        return None
    value = value.strip()
    # Producer-made titles ("Microsoft Word - draft3.doc", "untitled") say nothing about the text.
    if not value or value.lower().startswith(("microsoft word", "untitled")) or value.lower().endswith((".doc", ".docx")):
        return None
    return value
