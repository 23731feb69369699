"""Russian figures written in words: "около семисот тысяч", "три историка", "восемь дипломатов",
"половина опрошенных", "каждый пятый", "семь из десяти". A number word is known by its lemma
(pymorphy3), so every case form is read ("семисот", "трёх", "восьми"); a run of them is one
number ("двести пятьдесят тысяч"). A count needs what it counts after it (a noun): "один" alone is
mostly a pronoun; a share is a percentage."""

from __future__ import annotations

import re
from typing import Iterator

from chronika.extract.figures_counted import counted_after, described
from chronika.extract.russian import lemma
from chronika.records.mentions import FigureMention

_UNITS = {
    "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
    "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700,
    "восемьсот": 800, "девятьсот": 900, "полтора": 1.5,
}
_SCALES = {"тысяча": 1e3, "миллион": 1e6, "миллиард": 1e9}
_SHARES = {"половина": 50.0, "треть": 100 / 3, "четверть": 25.0}
_EVERY = {"второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7,
          "восьмой": 8, "девятый": 9, "десятый": 10}
# bound words: (approximate, which bound the number is)
_BOUNDS = {"около": (True, None), "примерно": (True, None), "порядка": (True, None), "приблизительно": (True, None),
           "почти": (True, "high"), "более": (False, "low"), "свыше": (False, "low"), "больше": (False, "low"),
           "менее": (False, "high"), "меньше": (False, "high"), "до": (True, "high")}
_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)


def russian_word_figures(text: str, taken: list[tuple[int, int]]) -> Iterator[FigureMention]:
    """Figures written in Russian words, outside the spans already `taken` (digits, dates)."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        found = _read(text, words, i)
        if found is None:
            i += 1
            continue
        figure, next_i = found
        if not any(figure.start < e and s < figure.end for s, e in taken):
            yield figure
        i = next_i


def _lemma(word: str) -> str:
    return lemma(word.lower())[0]


def _read(text: str, words: list[tuple[str, int, int]], i: int) -> tuple[FigureMention, int] | None:
    """The figure whose number words start at words[i] (a bound word may come first), and the
    index after it."""
    start = words[i][1]
    approximate, bound = _BOUNDS.get(words[i][0].lower(), (False, None))
    j = i + 1 if words[i][0].lower() in _BOUNDS else i
    if j >= len(words) or not _adjacent(text, words, i, j):
        return None
    first = _lemma(words[j][0])
    if first == "каждый" and j + 1 < len(words) and _lemma(words[j + 1][0]) in _EVERY:
        value = round(100 / _EVERY[_lemma(words[j + 1][0])], 1)
        return _made(text, start, words[j + 1][2], value, approximate, bound, percent=True), j + 2
    if first in _SHARES and not (i and _lemma(words[i - 1][0]) in ("первый", "второй")):  # "вторую половину века": a time
        return _made(text, start, words[j][2], round(_SHARES[first], 1), approximate, bound, percent=True), j + 1
    total, current, k = 0.0, 0.0, j
    while k < len(words) and _adjacent(text, words, k - 1, k) and (_lemma(words[k][0]) in _UNITS or _lemma(words[k][0]) in _SCALES):
        word = _lemma(words[k][0])
        if word in _UNITS:
            current += _UNITS[word]
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
        k += 1
    if k == j:
        return None
    value = total + current
    scaled = any(_lemma(w[0]) in _SCALES for w in words[j:k])
    if k + 1 < len(words) and words[k][0].lower() == "из" and _lemma(words[k + 1][0]) in _UNITS:
        of = _UNITS[_lemma(words[k + 1][0])]  # "семь из десяти"
        if 0 < value < of:
            return _made(text, start, words[k + 1][2], round(100 * value / of, 1), approximate, bound, percent=True), k + 2
    counted, _, _ = counted_after(text, words[k - 1][2])
    if counted is None and not scaled:
        return None  # "один" alone is mostly a pronoun; a bare count names what it counts
    if value == 1 and not scaled:
        return None
    return _made(text, start, words[k - 1][2], value, approximate, bound, percent=False), k


def _adjacent(text: str, words: list[tuple[str, int, int]], a: int, b: int) -> bool:
    """Whether words[a] and words[b] stand side by side (only spaces between them)."""
    return a == b or not text[words[a][2] : words[b][1]].strip()


def _made(text: str, start: int, end: int, value: float, approximate: bool, bound: str | None, *, percent: bool) -> FigureMention:
    counted, counted_end, _ = counted_after(text, end, percent=percent, share=percent)
    counted = described(text, start, max(end, counted_end), counted, percent=percent)
    end = max(end, counted_end)
    low = value if bound == "low" else None
    high = value if bound == "high" else None
    return FigureMention(start, end, text[start:end], value, low, high, approximate, "percent" if percent else None, counted)
