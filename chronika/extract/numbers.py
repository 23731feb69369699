"""Numbers as the sources write them: digits with separators ("22,000", "1.5") and English words
("thirteen", "twenty-five", "three hundred and fifty thousand"). Shared by the time-expression
tagger (durations, "three days later") and the figure tagger."""

from __future__ import annotations

import re
from typing import Any, Iterable

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}



def alternation(words: Iterable[str]) -> str:
    """A regex that matches any of `words`, written as a trie ("jan(?:uary)?|ju(?:ly|ne)"): the
    regex engine then tries a few branches per position instead of every word. A space in a word
    matches any run of white space."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return (f"(?:{body})" if len(branches) == 1 and len(branches[0]) > 1 else body) + "?"
    return body


_ALT = alternation
_SIMPLE = rf"(?:(?:{_ALT(TENS)})(?:-(?:{_ALT(SMALL)}))?|{_ALT(SMALL)})"
# "three", "twenty-five", "two hundred", "three hundred and fifty thousand", "a hundred", "a dozen"
WORD_NUMBER = (
    rf"(?:(?:{_SIMPLE}|a)(?:[\s-]+(?:{_ALT(SCALES)}))+(?:(?:\s+and\s+|[\s-]+){_SIMPLE}(?:[\s-]+(?:{_ALT(SCALES)}))*)*"
    rf"|{_SIMPLE}|a\s+dozen|dozen)"
)
# "22,000", "21 857" (a space, thin or no-break space groups thousands, as Russian prints them),
# "1.5", "1,5" (the decimal comma: one or two digits after it), "680000"; never a piece of a longer number
DIGITS = (
    r"(?<![\w.,])\d{1,3}(?:(?:,|\u00a0|\u202f|\u2009|\x20)\d{3})+(?![\d])(?:\.\d+)?"
    r"|(?<![\w.,])\d+(?:\.\d+|,\d{1,2}(?![\d,]))?(?![\d])"
)
NUMBER = rf"(?:{DIGITS}|\b{WORD_NUMBER}\b)"

_NUMBER = re.compile(rf"^(?:{NUMBER})$", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z]+")


def number_value(text: str) -> float | None:
    """The value of a number written in digits or words; None when `text` is not one number."""
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    if text[0].isdigit():
        if re.fullmatch(r"\d+,\d{1,2}", text):  # the decimal comma: "1,5"
            return float(text.replace(",", "."))
        return float(re.sub(r"[,\u00a0\u202f\u2009 ]", "", text))
    return word_value(text)


def word_value(text: str) -> float | None:
    """The value of an English number in words ("two hundred and fifty thousand" is 250000)."""
    total = 0
    current = 0
    seen = False
    for token in _TOKEN.findall(text.lower()):
        if token == "and":
            continue
        if token == "a":
            current = max(current, 1)
        elif token == "dozen":
            current = max(current, 1) * 12
        elif token in SMALL:
            current += SMALL[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None
