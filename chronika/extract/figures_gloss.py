"""What a Russian figure counts, glossed in English beside the words as written: "3 200 польских
офицеров" counts "польских офицеров (Polish officers)", so `figures --about prisoners`, a
reader without Russian and the comparison of sources across the two languages find it. The words
are listed by lemma in `glossary_ru.py`, so any case form is glossed; a word not listed is left as
written, a proper name is given in English or romanised."""

from __future__ import annotations

import re

from chronika.extract.glossary_ru import COUNTED, DONE, QUALIFIERS
from chronika.extract.name_equivalents import english_spelling
from chronika.extract.russian import RUSSIAN_WORD, lemma, morph_analyzer
from chronika.extract.translit import romanised

_WORD = RUSSIAN_WORD
_VERBAL = ("VERB", "PRTS", "PRTF", "INFN", "GRND")
_CLAUSE_END = re.compile(r"[.!?;:()\[\]|\n—–]")


def gloss(phrase: str) -> str:
    """The English of a Russian phrase's listed words and proper names, in their order ("" when
    it holds neither)."""
    words = [_english(w) for w in _WORD.findall(phrase)]
    out: list[str] = []
    for word in words:
        if word and word not in out:
            out.append(word)
    return " ".join(out)


_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn"}  # pymorphy3's tags of names of people and places


def _english(word: str) -> str | None:
    """A Russian word in English: a listed word's gloss; a proper name (capitalized, read as a
    name or place, or unknown to the dictionary) in its established English spelling, else
    romanised in the nominative ("Сталину" -> "Stalin", "Бутово" -> "Butovo"); None otherwise."""
    normal, tag = lemma(word.lower())
    proper = bool(_PROPER & set(re.split("[ ,]", tag)))
    if not word[0].isupper() or not (proper or not morph_analyzer().word_is_known(word.lower())):
        # "пройти" is "passed through" only with "через" ("прошли через лагеря"); "акция прошла" took place
        return COUNTED.get(normal) or QUALIFIERS.get(normal) or (DONE.get(normal) if normal != "пройти" else None)
    if not proper:
        normal = word.lower()  # a name the dictionary does not know stays as written
    english = english_spelling(normal)
    return english or romanised(normal)


def glossed(counted: str | None) -> str | None:
    """`counted` with its English beside it when it holds Russian words: "польских офицеров (Polish officers)"."""
    if not counted or not _WORD.search(counted) or counted.endswith(")"):
        return counted
    english = gloss(counted)
    return f"{counted} ({english})" if english else counted


def done_around(text: str, start: int, end: int) -> str | None:
    """The Russian verb or participle that says what was done to what a figure counts: among the
    three words before the figure in its clause, or the two after it (with the phrases its clause
    adds to it there: "осуждены за участие в крестьянском восстании"), as written."""
    window = max(0, start - 60)
    cut = max((m.end() for m in _CLAUSE_END.finditer(text, window, start)), default=window)
    candidates = list(_WORD.finditer(text, cut, start))[-3:][::-1]
    stop = _CLAUSE_END.search(text, end, end + 40)
    clause_end = stop.start() if stop else min(len(text), end + 40)
    after = list(_WORD.finditer(text, end, clause_end))[:2]
    for m in candidates + after:
        normal, tag = lemma(m.group().lower())
        if normal in DONE and tag.split(",")[0] in _VERBAL:
            return m.group() + (complement(text, m.end()) if m in after else "")
    return None


_PHRASE_WORDS = {"NOUN", "ADJF", "PRTF", "NPRO", "ADJS"}


_ABBREVIATIONS = {"г", "гг", "обл", "пос"}  # "от г. Смоленска": город, годы, область, посёлок


def _abbreviated(text: str, dot: int) -> bool:
    """Whether the period at text[dot] ends an abbreviation ("г.") rather than a sentence."""
    word = re.search(r"([а-яё]+)$", text[max(0, dot - 4) : dot], re.IGNORECASE)
    return text[dot : dot + 1] == "." and word is not None and word.group(1).lower() in _ABBREVIATIONS


def complement(text: str, position: int) -> str:
    """Up to two prepositional phrases after a verb, as written: "осуждены за участие в
    крестьянском восстании", "погибли в лагерях" (a phrase holding a number, a date, ends it)."""
    stop = next((m for m in _CLAUSE_END.finditer(text, position, position + 120) if not _abbreviated(text, m.start())), None)
    words = list(_WORD.finditer(text, position, stop.start() if stop else min(len(text), position + 120)))
    out_end, i, phrases = position, 0, 0
    while i < len(words) and phrases < 2 and not text[out_end : words[i].start()].strip():
        if lemma(words[i].group().lower())[1].split(",")[0] != "PREP":
            break
        j = i + 1
        while j < len(words) and j - i <= 3 and (not text[words[j - 1].end() : words[j].start()].strip()
                                                 or _abbreviated(text, words[j - 1].end())) \
                and (words[j - 1].group().lower() in _ABBREVIATIONS
                     or lemma(words[j].group().lower())[1].split(",")[0].split(" ")[0] in _PHRASE_WORDS):
            j += 1
        if j == i + 1:
            break
        out_end, i, phrases = words[j - 1].end(), j, phrases + 1
    return text[position:out_end]
