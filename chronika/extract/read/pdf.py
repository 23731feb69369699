"""PDF: the text layer page by page; pages without one (scans) go through OCR."""

from __future__ import annotations

import logging
import math
import re
from datetime import date
from io import BytesIO
from typing import Any

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from chronika.errors import SourceError
from chronika.extract.read.image import join_pages
from chronika.extract.read.ocr import ocr_image
from chronika.extract.read.registry import register
from chronika.records.document import Source

# A page with fewer letters than this in its text layer is treated as a scan.
_MIN_LETTERS = 20
OCR_DPI = 300  # scans are rendered for OCR at this resolution ...
MAX_PIXELS = 60_000_000  # ... unless the page would take more pixels than this (a 5x4 m poster)
MIN_OCR_DPI = 100  # below this resolution OCR reads nothing: such a page is too large to render
_PREVIEW_DPI = 24  # a preview to see whether a page has any ink at all
_INK = 160  # a grey level darker than this is ink
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
    warnings: list[str] = []
    for i, page_text in _ocr_pages(raw, name, scanned, warnings):
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
        | ({"pdf_created": created} if (created := _created(info)) and not scanned else {})
        | ({"warnings": warnings} if warnings else {}),
    )


def _ocr_pages(raw: bytes, name: str, indexes: list[int], warnings: list[str]) -> list[tuple[int, str]]:
    """OCR of the pages without a text layer that hold ink: a page with nothing drawn on it, or
    whose drawing shows no dark pixel, is blank and costs no OCR; a page too large to render at a
    readable resolution within MAX_PIXELS is skipped with a warning."""
    if not indexes:
        return []
    import pdfplumber

    out = []
    with pdfplumber.open(BytesIO(raw)) as pdf:
        for i in indexes:
            page = pdf.pages[i]
            if not (page.images or page.curves or page.rects or page.lines):
                continue
            resolution = min(OCR_DPI, 72 * math.sqrt(MAX_PIXELS / max(float(page.width * page.height), 1.0)))
            if resolution < MIN_OCR_DPI:
                warnings.append(f"page {i + 1} is too large to render for OCR ({page.width:.0f} x {page.height:.0f} pt); its text is left out")
                continue
            if _blank(page.to_image(resolution=_PREVIEW_DPI * resolution / OCR_DPI).original):
                continue
            image = page.to_image(resolution=resolution).original
            out.append((i, ocr_image(image, f"{name} (page {i + 1})")))
    return out


def _blank(preview: Image.Image) -> bool:
    """Whether a page's low-resolution rendering holds no dark pixel (no ink to read)."""
    darkest = preview.convert("L").getextrema()[0]
    return isinstance(darkest, (int, float)) and darkest >= _INK


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
