"""The tokens a full-text index holds, as FTS5's `unicode61 remove_diacritics 2` tokenizer makes
them: letters and digits make tokens, anything else separates them; tokens are lower-cased and
Latin letters lose their diacritics (Cyrillic ё and й keep theirs). The ranking scores by them
(`query/ranking.py`) and PostgreSQL's index is written from them (`store/pg/`), so every backend
matches what FTS5 matches."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+")
_LATIN = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """A token as FTS5 stores it."""
    word = word.lower()
    if word.isascii() or not _LATIN.search(word):
        return word
    return "".join(
        "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)) if _LATIN.match(ch) else ch
        for ch in word
    )


def tokens(text: str) -> list[str]:
    if text.isascii():
        return ascii_tokens(text)
    return [fold(w) for w in _TOKEN.findall(text)]


_ASCII_TOKEN = re.compile(r"[a-z0-9]+")


def ascii_tokens(text: str) -> list[str]:
    """`tokens` for ASCII text, several times faster."""
    return _ASCII_TOKEN.findall(text.lower())


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens with their character offsets."""
    if text.isascii():  # lower-casing ASCII keeps every offset
        return [(m.group(), *m.span()) for m in _ASCII_TOKEN.finditer(text.lower())]
    return [(fold(m.group()), *m.span()) for m in _TOKEN.finditer(text)]
