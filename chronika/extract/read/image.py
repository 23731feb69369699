"""Scanned pages as images (PNG, JPEG, TIFF; a multi-page TIFF is several pages), through OCR."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageSequence, UnidentifiedImageError

from chronika.errors import SourceError
from chronika.extract.read.ocr import ocr_image
from chronika.extract.read.registry import register
from chronika.records.document import Source


@register(
    "image",
    (".png", ".jpg", ".jpeg", ".tif", ".tiff"),
    (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"),
)
def read_image(raw: bytes, name: str) -> Source:
    try:
        with Image.open(BytesIO(raw)) as image:
            pages = [ocr_image(frame.copy(), name) for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, SyntaxError) as e:
        raise SourceError(name, f"not a readable image ({e})") from e
    text, starts = join_pages(pages)
    return Source(name, text, "ocr", page_starts=starts, metadata={"ocr": "tesseract"})


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """One text from page texts, blank-line separated, and where each page starts in it."""
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        body = page.rstrip() + "\n\n"
        parts.append(body)
        offset += len(body)
    return "".join(parts), starts
