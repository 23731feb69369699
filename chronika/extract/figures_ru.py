"""Russian figures written in words: "около семисот тысяч", "три историка", "восемь дипломатов",
"половина опрошенных", "каждый пятый", "семь из десяти". A number word is known by its lemma
(pymorphy3), so every case form is read ("семисот", "трёх", "восьми"); a run of them is one
number ("двести пятьдесят тысяч"). A count needs what it counts after it (a noun): "один" alone is
mostly a pronoun; a share is a percentage."""

from __future__ import annotations

import re
from dataclasses import replace
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
# A unit of time before a number word ("лет пятнадцать", "дней десять") is Russian for about so long: a duration.
_TIME_BEFORE = {"лет", "годов", "дней", "суток", "недель", "месяцев", "часов", "минут", "веков", "десятилетий"}


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


def russian_word_ranges(text: str, taken: list[tuple[int, int]]) -> Iterator[FigureMention]:
    """Ranges in Russian words ("от двух до восьми миллионов человек") outside the spans `taken`:
    read before the other figures, so that "миллионов" is not taken for a vague "millions"."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    for i, word in enumerate(words):
        if word[0].lower() == "от" and (found := _range(text, words, i)) is not None:
            figure = found[0]
            if not any(figure.start < e and s < figure.end for s, e in taken):
                yield figure


def _lemma(word: str) -> str:
    return lemma(word.lower())[0]


def _read(text: str, words: list[tuple[str, int, int]], i: int) -> tuple[FigureMention, int] | None:
    """The figure whose number words start at words[i] (a bound word may come first), and the
    index after it."""
    start = words[i][1]
    if i and words[i - 1][0].lower() in _TIME_BEFORE and _adjacent(text, words, i - 1, i):
        return None
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
    number = _number(text, words, j)
    if number is None:
        return None
    value, k, scale = number
    scaled = scale is not None
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


def _number(text: str, words: list[tuple[str, int, int]], j: int) -> tuple[float, int, float | None] | None:
    """The number whose words start at words[j] ("двести пятьдесят тысяч"), the index after them,
    and the scale its last word is (1000 for "тысяч"; None when it ends in a unit word)."""
    total, current, k, scale = 0.0, 0.0, j, None
    while k < len(words) and _adjacent(text, words, k - 1, k) and (_lemma(words[k][0]) in _UNITS or _lemma(words[k][0]) in _SCALES):
        word = _lemma(words[k][0])
        if word in _UNITS:
            current += _UNITS[word]
            scale = None
        else:
            total += max(current, 1) * _SCALES[word]
            current, scale = 0, _SCALES[word]
        k += 1
    return None if k == j else (total + current, k, scale)


def _range(text: str, words: list[tuple[str, int, int]], j: int) -> tuple[FigureMention, int] | None:
    """"от двух до восьми миллионов человек": a range in words (at words[j], "от"), its high's scale
    word standing for its low too when the low has none ("от двух до восьми миллионов" is 2 to 8
    million; "от двадцати до ста человек" stays 20 to 100)."""
    low = _number(text, words, j + 1) if _adjacent(text, words, j, j + 1) else None
    if low is None or low[1] + 1 >= len(words) or words[low[1]][0].lower() != "до":
        return None
    high = _number(text, words, low[1] + 1) if _adjacent(text, words, low[1], low[1] + 1) else None
    if high is None:
        return None
    low_value, high_value = low[0], high[0]
    if low[2] is None and high[2] is not None and low_value * high[2] < high_value:
        low_value *= high[2]
    if high_value <= low_value:
        return None
    k = high[1]
    made = _made(text, words[j][1], words[k - 1][2], (low_value + high_value) / 2, False, None, percent=False)
    if made.counted is None and high[2] is None:
        return None  # "от двух до трёх" alone: no count
    return replace(made, low=low_value, high=high_value), k


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
