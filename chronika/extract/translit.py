"""Romanisation-insensitive keys for names: one name spelt Yezhov, Ezhov or Ежов gets one key.

Cyrillic is romanised with several standard schemas (iuliia); every Latin spelling is then folded:
diacritics, apostrophes and soft signs dropped, and the letters on which the schemas and the
English-language habits disagree (y/i, ye/e, kh/h, zh/j, dzh/dj, final -iy/-y, doubled letters)
brought to one form. Keys are lowercase ASCII, words joined by one space. Different names must
keep different keys (Medvedev and Medved, Kirov and Kirova): folding only merges letters that
romanisations render differently, never endings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import iuliia

_SCHEMAS = (
    iuliia.WIKIPEDIA,
    iuliia.BGN_PCGN,
    iuliia.MOSMETRO,
    iuliia.ICAO_DOC_9303,
    iuliia.MVD_782,
    iuliia.YANDEX_MAPS,
    iuliia.ALA_LC,
)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WORD = re.compile(r"[^\W\d_]+(?:['’ʹʼ`-][^\W\d_]+)*")
# Letters that NFKD would not reduce to the romanisations' usual digraphs.
_SPECIAL = str.maketrans({"š": "sh", "ž": "zh", "č": "ch", "ŝ": "shch", "ё": "e", "ß": "ss", "ø": "o", "æ": "ae"})
_NOT_LETTER = re.compile(r"[^a-z]")
# (pattern, replacement) applied in order to a lowercase ASCII word. Order matters: digraphs first.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"shch|shh|sch", "sch"),  # Khrushchev / Khruschev / Xrushhyov
        (r"dzh|dj", "j"),  # Dzhugashvili / Djugashvili / Jugashvili
        (r"zh", "j"),  # Yezhov / Ejov
        (r"kh", "h"),  # Tukhachevsky / Tuhachevsky
        (r"x", "ks"),  # Aleksandr / Alexandr
        (r"w", "v"),
        (r"y", "i"),  # Yezhov / Iezhov, Vyshinsky / Vishinsky
        (r"([a-z])\1+", r"\1"),  # Iossif / Iosif, -skii / -ski
        (r"ie", "e"),  # Yezhov / Ezhov, Zinovyev / Zinoviev / Zinovev
        (r"io", "e"),  # Khrushchyov / Khrushchev, Pyotr / Petr
    )
)


def _romanisations(name: str) -> tuple[str, ...]:
    """The name in Latin letters: itself, or its Cyrillic under each schema."""
    if not _CYRILLIC.search(name):
        return (name,)
    return tuple(dict.fromkeys(schema.translate(name) for schema in _SCHEMAS))


def romanised(name: str) -> str:
    """A Cyrillic name in Latin letters as English-language reference works write it (iuliia's
    Wikipedia schema), each hyphenated part capitalised: "бутово" -> "Butovo"."""
    return "-".join(part.capitalize() for part in iuliia.WIKIPEDIA.translate(name).split("-"))


def _ascii(text: str) -> str:
    """Lowercase, the romanisations' diacritic letters spelt out, other marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_word(word: str) -> str:
    folded = _NOT_LETTER.sub("", _ascii(word).encode("ascii", "ignore").decode("ascii"))
    for pattern, replacement in _FOLDS:
        folded = pattern.sub(replacement, folded)
    return folded


def _fold(latin: str) -> str:
    return " ".join(w for w in (_fold_word(m.group()) for m in _WORD.finditer(_ascii(latin))) if w)


@lru_cache(maxsize=65536)
def name_keys(name: str) -> frozenset[str]:
    """Keys shared by the spellings of `name` across romanisations and scripts (lowercase ASCII).

    Two spellings are of one name when their key sets intersect. Initials stay as letters, so
    "N. I. Yezhov" and "Nikolai Yezhov" differ: short forms are matched with `surname_key`."""
    return frozenset(k for k in (_fold(latin) for latin in _romanisations(name)) if k)


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str:
    """The key of the name's last word (its surname in Russian and English order), or "" if none.

    Only the first romanisation is used: a Cyrillic surname folds to one key under every schema."""
    latin = _romanisations(name)[0]
    words = [m.group() for m in _WORD.finditer(latin) if len(m.group()) > 1 or m.group().islower()]
    if not words:
        return ""
    return _fold_word(words[-1].replace("-", ""))
