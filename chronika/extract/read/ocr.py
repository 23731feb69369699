"""Optical character recognition with Tesseract, English and Russian: many pages at once on the
available cores, each page's text kept by its content so a page is never read twice."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from PIL import Image, ImageOps

from chronika.errors import SourceError
from chronika.extract.read.limits import ocr_cache, out_of_time

_LANGUAGES = ("eng", "rus")
_CONFIG = "--psm 3"


@lru_cache(maxsize=1)
def _languages() -> str:
    import pytesseract

    available = set(pytesseract.get_languages(config=""))
    wanted = [lang for lang in _LANGUAGES if lang in available]
    return "+".join(wanted) or "eng"


def _need_tesseract(name: str) -> None:
    if shutil.which("tesseract") is None:
        raise SourceError(name, "a scan needs OCR, and Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-rus)")


def _recognise(gray: Image.Image, name: str) -> str:
    """The text Tesseract reads in a greyscale page (English and Russian where both are installed)."""
    _need_tesseract(name)
    import pytesseract

    try:
        text: str = pytesseract.image_to_string(gray, lang=_languages(), config=_CONFIG)
    except pytesseract.TesseractError as e:
        raise SourceError(name, f"OCR failed ({e.message.strip() or e})") from e
    return text


def workers(pages: int) -> int:
    """How many pages are read at once: one per core this process may use, at most one per page."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, pages))


Render = Callable[[], "Image.Image | None"]  # a page's image, made when it is needed; None for a page with no ink


def ocr_pages(pages: Iterable[tuple[int, Render]], count: int, name: str, left_out: list[int]) -> Iterator[tuple[int, str]]:
    """The text of each (number, image) of `pages` (`count` of them), in their order. Each page is
    a Tesseract process of its own, as many at once as `workers(count)` (rendering the next pages
    while they run, at most two per worker waiting); a page whose content was read before (the
    cache folder set around the reading) is not read again. Pages not begun when the reading's
    time limit runs out are not rendered, and are added to `left_out`."""
    _need_tesseract(name)
    size = workers(count)
    if size > 1:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract's own threads would only compete
    cache = ocr_cache()
    waiting: deque[tuple[int, str | Future[str], Path | None]] = deque()
    with ThreadPoolExecutor(max_workers=size) as pool:
        for number, render in pages:
            if out_of_time():
                left_out.append(number)
                continue
            image = render()
            if image is None:
                continue
            gray = ImageOps.grayscale(image)
            kept = _kept(cache, gray)
            if kept is not None and kept.exists():
                waiting.append((number, kept.read_text(encoding="utf-8"), None))
            else:
                waiting.append((number, pool.submit(_recognise, gray, f"{name} (page {number})"), kept))
            while len(waiting) > 2 * size or (waiting and isinstance(waiting[0][1], str)):
                yield _done(*waiting.popleft())
        while waiting:
            yield _done(*waiting.popleft())


def _done(number: int, text: str | Future[str], keep: Path | None) -> tuple[int, str]:
    read = text if isinstance(text, str) else text.result()
    if keep is not None:
        keep.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=keep.parent, delete=False) as f:
            f.write(read)
        os.replace(f.name, keep)
    return number, read


def _kept(cache: Path | None, gray: Image.Image) -> Path | None:
    """Where the text of a page with these pixels is kept (read with these languages and settings)."""
    if cache is None:
        return None
    digest = hashlib.sha256(f"{gray.size} {_languages()} {_CONFIG}\n".encode())
    digest.update(gray.tobytes())
    key = digest.hexdigest()
    return cache / key[:2] / f"{key}.txt"
