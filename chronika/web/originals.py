"""A document's original file: downloaded as it was ingested, and, for scans and PDFs, each page
as an image beside its text (rendered once, kept beside the store: `cache_folder`)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, Response

from chronika.store import cache_folder, is_postgres
from chronika.web import lookup
from chronika.web.failures import WebError
from chronika.web.context import open_store, settings

router = APIRouter(include_in_schema=False)
PAGE_DPI = 110  # a page image readable beside its text, small enough to send
IMAGE_READERS = ("pdf", "ocr")  # readers whose originals have pages to show


def original_path(request: Request, doc: str) -> tuple[Path, str, str]:
    """The original file of a document, if it is still where it was ingested from and unchanged
    (its content hash is the stored one): its path, reader and page count; 404 otherwise."""
    with open_store(request) as store:
        shown = lookup.document(store, doc)
    path = Path(shown["source"])
    db = settings(request).db
    if not path.is_absolute() and not path.exists() and not is_postgres(db):
        path = Path(db).resolve().parent / path  # a relative source, from beside the store's file
    try:
        data = path.read_bytes()
    except OSError:
        raise WebError(404, f"The original of {doc} is no longer at {shown['source']}.") from None
    if hashlib.sha256(data).hexdigest() != shown["content_hash"]:
        raise WebError(404, f"The file at {shown['source']} has changed since {doc} was ingested.")
    return path, shown["reader"], str(shown["metadata"].get("pages") or 1)


@router.get("/documents/{doc}/original")
def original(request: Request, doc: str) -> Response:
    path, _, _ = original_path(request, doc)
    return FileResponse(path, filename=path.name, content_disposition_type="attachment")


@router.get("/documents/{doc}/pages/{n}.png")
def page_image(request: Request, doc: str, n: int) -> Response:
    """Page `n` (from 1) of a scan or PDF, as a PNG rendered at PAGE_DPI and cached by content."""
    path, reader, pages = original_path(request, doc)
    if reader not in IMAGE_READERS or not 1 <= n <= int(pages):
        raise WebError(404, f"{doc} has no page image {n}.")
    cache = cache_folder(settings(request).db, "pages") or Path(".pages")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    cached = cache / f"{digest}-{n}.png"
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(_render(path, reader, n))
    return FileResponse(cached, media_type="image/png")


def _render(path: Path, reader: str, n: int) -> bytes:
    from PIL import Image

    if reader == "pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            page = pdf.pages[n - 1]
            scale = min(PAGE_DPI, 72 * (4000 / max(float(page.width), float(page.height), 1.0)))
            image = page.to_image(resolution=scale).original
    else:
        with Image.open(path) as opened:
            opened.seek(n - 1)
            image = opened.convert("RGB")
            image.thumbnail((1600, 1600))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
