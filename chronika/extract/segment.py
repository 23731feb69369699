"""Clean text cut into citable passages (paragraphs, long ones split at sentence boundaries,
headings, verse and footnotes) and sentences, with footnote markers linked to their notes."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from chronika.records.document import FootnoteLink, Passage, Sentence

MAX_WORDS = 250  # a longer paragraph is split at sentence boundaries into parts of about this size

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "vol", "vols", "no", "nos", "pp", "p", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "lt", "capt", "maj", "prof", "sgt",
    "gov", "sen", "rep", "rev", "fr", "jr", "sr", "cf", "vs", "etc", "op", "cit", "ibid", "ed", "eds",
    "comp", "ch", "fig", "art", "approx", "ca", "c", "e.g", "i.e", "u.s", "u.k", "u.s.s.r", "tov", "im",
    "ul", "g", "gg", "t", "tt", "ya", "ye", "yu", "yo", "zh", "kh", "sh", "shch", "ts",
    # Russian ones written before what they qualify (св. Николай, т. Иванов, им. Кирова, ок. 1,5 млн,
    # ст. 58, с. 45, т. е.): never the end of a sentence.
    "св", "т", "тт", "т.е", "е", "им", "ок", "ст", "с", "д", "р", "см", "т.н", "ул", "пер", "пл", "просп",
    "обл", "акад", "проф", "ген", "тов", "гр", "напр", "ср", "стр", "рис", "гл", "ч", "п", "тел",
}
# Russian ones that may close a sentence: after a year or a number (1937 г., 1930-х гг., XX в.,
# 20 тыс., 1,5 млн.) or a list (и т.д., и т.п., и др., и пр.), and "г."/"пр." before a name (г. Москва,
# пр. Мира). A capitalised word after them starts a sentence only if it is one that cannot be a name.
_RU_MAY_END = {"г", "гг", "в", "вв", "тыс", "млн", "млрд", "руб", "коп", "т.д", "т.п", "др", "пр", "н.э", "э", "чел"}
_LIST_END = re.compile(r"т\.\s?[дп]$")  # "и т. д.", "и т. п." with a space
# Initials written together (И.В., V.I.) or a single capital letter (И., V.).
_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.)*[A-ZА-ЯЁ]")
_CYRILLIC_INITIAL = re.compile(r"[А-ЯЁ]")
_NEXT_WORD = re.compile(r"""\s+["'“‘(\[«]?([^\W\d_]+)(\.?)""")
# Parts of speech that cannot begin a name (pymorphy3's tags): a capitalised word of these after an
# abbreviation starts a new sentence ("... в 1937 г. Затем ..."); a noun or adjective may be a name
# ("в 1937 г. Сталин", "г. Москва", "в 1991 г. Советский Союз") and the sentence goes on.
_SENTENCE_OPENERS = {"NPRO", "PREP", "CONJ", "PRCL", "ADVB", "VERB", "INFN", "PRED", "INTJ", "NUMR", "Apro"}
_BOUNDARY = re.compile(
    r"""[.!?]+["'”’)\]]*(?:\s?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=\s))?(?=\s+["'“‘(\[]?[A-ZА-ЯЁ0-9])"""
)
_LAST_WORD = re.compile(r"[\w.]+$")
_FOOTNOTE_HEADING = re.compile(r"^(?:foot|end)?notes$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^(?:-\s*)?(\d{1,3})[.)]\s")
# A note's number after a closing quote ('campaign." 10'), glued to a sentence's end ('e.4 His')
# or in superscript ('Krupskaya.¹¹').
_MARKER = re.compile(
    r"""(?:(?<=[.!?,]["'”’)\]])\s?|(?<=[a-z][.,;:!?]))(\d{1,2})(?=\s|$)|(?<=[\w.,;:!?"')\]])([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"""
)
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TERMINAL = re.compile(r"""[.!?:;]["'”’)\]]*\s*$""")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end], as offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if not _ends_sentence(text, m.start(), m.end()):
            continue
        out.append(Sentence(pos, m.end()))
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        out.append(Sentence(pos, len(text[:end].rstrip())))
    return out


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """Whether the punctuation at `dot` ends a sentence, given the word before it and, after a
    Russian abbreviation or initials, the word that follows (which starts at or after `after`)."""
    if text[dot] != ".":
        return True
    m = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if m is None:
        return True
    word = m.group(0).strip(".")
    lower = word.lower()
    if lower in _RU_MAY_END or _LIST_END.search(text, max(0, dot - 4), dot):
        return _opens_sentence(text, after)
    if _INITIALS.fullmatch(word):
        # Initials: "И.В. Сталин", "И. В. Сталин" never end a sentence; after a Russian surname
        # ("Сталин И.В.") they end one when a word that cannot be a name follows.
        return bool(_CYRILLIC_INITIAL.match(word)) and _opens_sentence(text, after) and not _next_is_initial(text, after)
    return lower not in _ABBREVIATIONS


def _next_is_initial(text: str, after: int) -> bool:
    m = _NEXT_WORD.match(text, after)
    return m is not None and bool(m.group(2)) and _INITIALS.fullmatch(m.group(1)) is not None


def _opens_sentence(text: str, after: int) -> bool:
    """Whether the capitalised Russian word at `after` is one that begins a sentence, not a name:
    a pronoun, preposition, conjunction, particle, adverb or verb by its likeliest reading."""
    m = _NEXT_WORD.match(text, after)
    if m is None:
        return not text[after:].strip()[:1].isdigit()  # a quote or a bracket: a new sentence
    word = m.group(1)
    if not _CYRILLIC_INITIAL.match(word):
        return False
    if word.isupper() and len(word) > 1:
        return False  # an abbreviation: НКВД, СССР
    best = _morph().parse(word.lower())[0]
    return bool(_SENTENCE_OPENERS & set(best.tag.grammemes))


@lru_cache(maxsize=1)
def _morph() -> Any:
    """pymorphy3's analyser, loaded the first time a Russian abbreviation needs it."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs: runs of text between blank lines."""
    for m in re.finditer(r"[^\n](?:.|\n(?!\n))*", text):
        yield m.start(), m.end()


def passages(text: str) -> tuple[list[Passage], list[FootnoteLink]]:
    """Cut the clean text into passages, numbered from 1, and link footnote markers to notes."""
    out: list[Passage] = []
    in_notes = False
    for start, end in paragraphs(text):
        body = text[start:end]
        note = _FOOTNOTE.match(body)
        if _FOOTNOTE_HEADING.match(body.strip()):
            in_notes = True
            out.append(Passage(len(out) + 1, start, end, "heading", sentences=[Sentence(start, end)]))
            continue
        if in_notes and (note or body.startswith("- ")):
            number = note.group(1) if note else None  # a note whose number the OCR lost
            out.append(Passage(len(out) + 1, start, end, "footnote", note=number, sentences=sentences(text, start, end)))
            continue
        in_notes = False
        kind = _kind(body)
        if kind != "body":
            out.append(Passage(len(out) + 1, start, end, kind, sentences=sentences(text, start, end) if kind == "verse" else [Sentence(start, end)]))
            continue
        for part in _split_long(sentences(text, start, end)):
            out.append(Passage(len(out) + 1, part[0].start, part[-1].end, "body", sentences=part))
    return out, _footnote_links(text, out)


def _kind(body: str) -> str:
    if "\n" in body:
        return "verse"
    if len(body.split()) <= 20 and not _TERMINAL.search(body):
        return "heading"
    return "body"


def _split_long(sents: list[Sentence]) -> Iterator[list[Sentence]]:
    part: list[Sentence] = []
    words = 0
    for s in sents:
        n = s.end - s.start
        size = max(1, n // 6)  # about six characters a word: cheaper than counting
        if part and words + size > MAX_WORDS:
            yield part
            part, words = [], 0
        part.append(s)
        words += size
    if part:
        yield part


def _footnote_links(text: str, found: list[Passage]) -> list[FootnoteLink]:
    """Link each marker in the body to the note of that number in the next block of notes."""
    links: list[FootnoteLink] = []
    # Group passages into sections: body passages, then the notes that follow them.
    section: list[Passage] = []
    notes: dict[str, Passage] = {}
    for passage in found + [Passage(0, len(text), len(text), "end")]:
        if passage.kind == "footnote":
            if passage.note:
                notes[passage.note] = passage
            continue
        if notes or (section and section[-1].kind == "footnote"):
            links.extend(_link_section(text, section, notes))
            section, notes = [], {}
        section.append(passage)
    return links


def _link_section(text: str, section: list[Passage], notes: dict[str, Passage]) -> Iterator[FootnoteLink]:
    for passage in section:
        if passage.kind in ("heading", "end"):
            continue
        for m in _MARKER.finditer(text, passage.start, passage.end):
            group = 1 if m.group(1) else 2
            number = m.group(group).translate(_SUPERSCRIPT)
            if number in notes:
                yield FootnoteLink(m.start(group), m.end(group), m.group(group), notes[number].n)
