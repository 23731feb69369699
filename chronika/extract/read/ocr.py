"""Optical character recognition with Tesseract, English and Russian."""

from __future__ import annotations

import shutil
from functools import lru_cache

from PIL import Image, ImageOps

from chronika.errors import SourceError

_LANGUAGES = ("eng", "rus")


@lru_cache(maxsize=1)
def _languages() -> str:
    import pytesseract

    available = set(pytesseract.get_languages(config=""))
    wanted = [lang for lang in _LANGUAGES if lang in available]
    return "+".join(wanted) or "eng"


def ocr_image(image: Image.Image, name: str) -> str:
    """The text Tesseract reads in `image` (English and Russian where both are installed)."""
    if shutil.which("tesseract") is None:
        raise SourceError(name, "a scan needs OCR, and Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-rus)")
    import pytesseract

    gray = ImageOps.grayscale(image)
    try:
        text: str = pytesseract.image_to_string(gray, lang=_languages(), config="--psm 3")
    except pytesseract.TesseractError as e:
        raise SourceError(name, f"OCR failed ({e.message.strip() or e})") from e
    return text
