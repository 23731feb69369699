"""PDF: the text layer page by page; pages without one (scans) go through OCR."""

from __future__ import annotations

import logging
import math
import re
from datetime import date
from functools import partial
from io import BytesIO
from typing import Any, Iterator

from PIL import Image
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError

from chronika.errors import SourceError
from chronika.extract.read.image import join_pages
from chronika.extract.read.limits import out_of_time, page_read
from chronika.extract.read.ocr import Render, ocr_pages
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
        texts = _text_layer(reader)
        info: dict[str, Any] = dict(reader.metadata or {})
    except FileNotDecryptedError as e:
        raise SourceError(name, "encrypted PDF: it needs a password; save an unencrypted copy and ingest that") from e
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise SourceError(name, f"corrupt or unreadable PDF ({e})") from e
    scanned = [i for i, t in enumerate(texts) if sum(c.isalpha() for c in t) < _MIN_LETTERS]
    warnings: list[str] = []
    if len(texts) < len(reader.pages):
        warnings.append(f"stored in part: pages 1-{len(texts)} of {len(reader.pages)} read before the time budget per file ran out (raise --max-seconds)")
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


def _text_layer(reader: PdfReader) -> list[str]:
    """The text layer of each page, up to the page where the time limit set around the reading
    runs out."""
    texts = []
    total = len(reader.pages)
    for page in reader.pages:
        if out_of_time():
            break
        texts.append(page.extract_text() or "")
        page_read(len(texts), total, "text layer")
    return texts


def _ocr_pages(raw: bytes, name: str, indexes: list[int], warnings: list[str]) -> list[tuple[int, str]]:
    """OCR of the pages without a text layer that hold ink, several at once (`ocr.ocr_pages`): a
    page with nothing drawn on it, or whose drawing shows no dark pixel, is blank and costs no
    OCR; a page too large to render at a readable resolution within MAX_PIXELS is skipped with a
    warning, as are the pages left when the time limit runs out."""
    if not indexes:
        return []
    import pdfplumber

    left_out: list[int] = []
    with pdfplumber.open(BytesIO(raw)) as pdf:
        inked = _inked_pages(pdf, indexes, warnings)
        found = []
        for number, text in ocr_pages(inked, len(indexes), name, left_out):
            found.append((number - 1, text))
            page_read(len(found), len(indexes), "OCR")
    if left_out:
        warnings.append(f"stored in part: OCR of {len(left_out)} page(s) from page {left_out[0]} left out when the time budget per file ran out (raise --max-seconds)")
    return found


def _inked_pages(pdf: Any, indexes: list[int], warnings: list[str]) -> Iterator[tuple[int, Render]]:
    """Page numbers of `indexes`, each with how to render it for OCR: nothing for a page with no
    ink, or too large to render (with a warning)."""
    for i in indexes:
        yield i + 1, partial(_inked, pdf.pages[i], i + 1, warnings)


def _inked(page: Any, number: int, warnings: list[str]) -> Image.Image | None:
    if not (page.images or page.curves or page.rects or page.lines):
        return None
    resolution = min(OCR_DPI, 72 * math.sqrt(MAX_PIXELS / max(float(page.width * page.height), 1.0)))
    if resolution < MIN_OCR_DPI:
        warnings.append(f"page {number} is too large to render for OCR ({page.width:.0f} x {page.height:.0f} pt); its text is left out")
        return None
    if _blank(page.to_image(resolution=_PREVIEW_DPI * resolution / OCR_DPI).original):
        return None
    image: Image.Image = page.to_image(resolution=resolution).original
    return image


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
