"""What the one reading a file sets around a reader, so readers keep their bytes-in signature: a
time limit that a reader of many pages checks between them, the folder where OCR keeps the text it
read by page content, and whom to tell of each page read (a progress bar). All are unset by
default (no limit, no cache, no one told)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Callable, Iterator

_DEADLINE: ContextVar[float | None] = ContextVar("chronika_read_deadline", default=None)
_OCR_CACHE: ContextVar[Path | None] = ContextVar("chronika_ocr_cache", default=None)
PageRead = Callable[[int, int, str], None]  # (pages read, pages in all, "text layer" or "OCR")
_ON_PAGE: ContextVar[PageRead | None] = ContextVar("chronika_on_page", default=None)


@contextmanager
def reading_limits(seconds: float | None = None, ocr_cache: Path | None = None,
                   on_page: PageRead | None = None) -> Iterator[None]:
    """Within this block a reader stops after `seconds` (None: never), OCR keeps what it reads in
    `ocr_cache` (None: nowhere), and a reader of pages tells `on_page` of each page it has read."""
    deadline = _DEADLINE.set(time.monotonic() + seconds if seconds is not None else None)
    cache = _OCR_CACHE.set(ocr_cache)
    told = _ON_PAGE.set(on_page)
    try:
        yield
    finally:
        _DEADLINE.reset(deadline)
        _OCR_CACHE.reset(cache)
        _ON_PAGE.reset(told)


def page_read(done: int, total: int, how: str) -> None:
    """Tell whoever the reading names that `done` of `total` pages are read (`how`: "text layer", "OCR")."""
    on_page = _ON_PAGE.get()
    if on_page is not None:
        on_page(done, total, how)


def out_of_time() -> bool:
    """Whether the time limit set around this reading has run out."""
    deadline = _DEADLINE.get()
    return deadline is not None and time.monotonic() > deadline


def ocr_cache() -> Path | None:
    return _OCR_CACHE.get()
