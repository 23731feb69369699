"""OCR misreadings mended from the corpus's own evidence.

A word is mended only when it is rare (seen once or twice) and one OCR-typical confusion away
from a form that is frequent in the same document or the corpus ("Medvedey" beside many
"Medvedev"). Anything weaker is left as it stands; every mending is recorded with its reason."""

from __future__ import annotations

import re
from collections import Counter
from typing import Mapping

from chronika.records.textmap import Edit

# Letters OCR confuses with one another, each group read as "one of these for another".
_CONFUSABLE = ["vy", "ce", "il1", "o0", "un", "hb", "S5", "B8", "Il"]
_SPLIT_CONFUSIONS = [("rn", "m"), ("cl", "d"), ("li", "h"), ("vv", "w")]
_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]{4,}\b")
_LOWER = re.compile(r"\b[a-z][^\W\d_]{4,}\b")
RARE = 2  # a form seen at most this often may be a misreading
FREQUENT = 5  # a form seen at least this often is evidence
RATIO = 5  # ... and at least this many times more often than the rare form

_SUBSTITUTES: dict[str, set[str]] = {}
for group in _CONFUSABLE:
    for a in group:
        _SUBSTITUTES.setdefault(a, set()).update(b for b in group if b != a)


def name_counts(text: str) -> Counter[str]:
    """How often each name occurs in `text`: capitalised words seen in lower case less than a
    fifth as often (so not a common word at a sentence's start)."""
    lower = Counter(_LOWER.findall(text))
    names = Counter(_CAPITALISED.findall(text))
    return Counter({w: n for w, n in names.items() if lower[w.lower()] * 5 < n})


def corrections(
    text: str, corpus: Mapping[str, int] | None = None, also: str = "", own: Mapping[str, int] | None = None
) -> dict[str, tuple[str, str]]:
    """Rare misreadings of names in `text` (and in `also`, e.g. a title page kept as metadata),
    each with the frequent name it stands for and the reason. `own` is the document's own name
    counts (`name_counts` of the whole source as read, furniture included), else counted in `text`.

    Only names are mended: without a dictionary, a rare common word ("mouth") one letter from a
    frequent one ("month") may be right, while a name seen once beside a near twin seen fifty
    times is almost always a misreading. `corpus` holds name counts over the whole corpus this
    document belongs to, counted as its own are and this document's included (the one fixed
    evidence a batch is built against); the rest of the corpus lends its count of a name this
    document also has, or of one it names often."""
    forms = Counter(_CAPITALISED.findall(text + "\n" + also))
    lower = set(_LOWER.findall(text))
    own = own if own is not None else name_counts(text)

    def seen(name: str) -> int:
        here = own.get(name, 0)
        lent = max(corpus.get(name, 0) - here, 0) if corpus else 0
        return here + lent if here or lent >= FREQUENT else here

    fixes: dict[str, tuple[str, str]] = {}
    for word, n in forms.items():
        if n > RARE or word.lower() in lower:
            continue
        # ties broken by the form itself, so the choice does not depend on set order
        best = max(_neighbours(word), key=lambda c: (seen(c), c), default=None)
        if best is None:
            continue
        count = seen(best)
        if count >= FREQUENT and count >= RATIO * n:
            fixes[word] = (best, f"OCR mending: rare '{word}' ({n}x) read as '{best}' ({count}x as a name)")
    return fixes


def mend(text: str, fixes: Mapping[str, tuple[str, str]]) -> list[Edit]:
    """Edits making the `corrections` in `text`."""
    if not fixes:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(fixes, key=len, reverse=True))) + r")\b")
    return [Edit(m.start(), m.end(), fixes[m.group(0)][0], fixes[m.group(0)][1]) for m in pattern.finditer(text)]


def _neighbours(word: str) -> set[str]:
    """Forms one OCR confusion away from `word`."""
    out = set()
    for i, ch in enumerate(word):
        for sub in _SUBSTITUTES.get(ch, ()):
            if sub.isalpha():
                out.add(word[:i] + sub + word[i + 1 :])
    for many, one in _SPLIT_CONFUSIONS:
        for source, target in ((many, one), (one, many)):
            start = word.find(source)
            while start >= 0:
                out.add(word[:start] + target + word[start + len(source) :])
                start = word.find(source, start + 1)
    out.discard(word)
    return out
