"""What the one reading a file sets around a reader, so readers keep their bytes-in signature: a
time limit that a reader of many pages checks between them, and the folder where OCR keeps the
text it read by page content. Both are unset by default (no limit, no cache)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

_DEADLINE: ContextVar[float | None] = ContextVar("chronika_read_deadline", default=None)
_OCR_CACHE: ContextVar[Path | None] = ContextVar("chronika_ocr_cache", default=None)


@contextmanager
def reading_limits(seconds: float | None = None, ocr_cache: Path | None = None) -> Iterator[None]:
    """Within this block a reader stops after `seconds` (None: never), and OCR keeps what it reads
    in `ocr_cache` (None: nowhere)."""
    deadline = _DEADLINE.set(time.monotonic() + seconds if seconds is not None else None)
    cache = _OCR_CACHE.set(ocr_cache)
    try:
        yield
    finally:
        _DEADLINE.reset(deadline)
        _OCR_CACHE.reset(cache)


def out_of_time() -> bool:
    """Whether the time limit set around this reading has run out."""
    deadline = _DEADLINE.get()
    return deadline is not None and time.monotonic() > deadline


def ocr_cache() -> Path | None:
    return _OCR_CACHE.get()
