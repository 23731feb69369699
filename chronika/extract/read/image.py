"""Scanned pages as images (PNG, JPEG, TIFF; a multi-page TIFF is several pages), through OCR."""

from __future__ import annotations

from functools import partial
from io import BytesIO

from PIL import Image, ImageSequence, UnidentifiedImageError

from chronika.errors import SourceError
from chronika.extract.read.ocr import ocr_pages
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
            frames = [(n, frame.copy()) for n, frame in enumerate(ImageSequence.Iterator(image), start=1)]
    except (UnidentifiedImageError, OSError, SyntaxError) as e:
        raise SourceError(name, f"not a readable image ({e})") from e
    left_out: list[int] = []
    read = dict(ocr_pages(((n, partial(_as_is, frame)) for n, frame in frames), len(frames), name, left_out))
    text, starts = join_pages([read.get(n, "") for n, _ in frames])
    metadata: dict[str, object] = {"ocr": "tesseract"}
    if left_out:
        metadata["warnings"] = [f"stored in part: OCR of {len(left_out)} page(s) from page {left_out[0]} left out when the time budget per file ran out (raise --max-seconds)"]
    return Source(name, text, "ocr", page_starts=starts, metadata=metadata)


def _as_is(frame: Image.Image) -> Image.Image:
    return frame


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
