"""Names in Russian text: Natasha's NER (PER, LOC, ORG) with pymorphy3 for the nominative normal form.

Russian inflects names: Сталина, Сталиным and Сталину are all Сталин. Natasha's morphology tagger
says which case and gender each word of a name has in context; pymorphy3 then picks the matching
analysis and puts it in the nominative, keeping the gender (Ахматову -> Ахматова, not Ахматов).
Everything loads from the installed packages (Natasha ships its embeddings and models).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from chronika.records.mentions import NameMention

_TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NAME_TAGS = ("Surn", "Name", "Patr")
_STRESS = "\u0301"  # the stress mark dictionaries and encyclopedias print (Катынь): no part of the name


# A Russian word as the figure readers cut one: letters, hyphenated parts kept together ("девочка-подросток").
RUSSIAN_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)


@lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    """pymorphy3's analyser, loaded once (a fraction of a second) and shared by every Russian stage."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=50_000)
def lemma(word: str) -> tuple[str, str]:
    """A Russian word's dictionary form and the grammatical tag of its likeliest reading (pymorphy3)."""
    parse = morph_analyzer().parse(word)[0]
    return str(parse.normal_form).replace("ё", "е"), str(parse.tag)


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any, Any]:
    """Natasha's segmenter, NER and morphology taggers and pymorphy3's analyser, loaded once."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), morph_analyzer()


def russian_name_mentions(passages: list[str]) -> list[list[NameMention]]:
    """The names in each Russian passage, with nominative normal forms."""
    from natasha import Doc

    segmenter, ner, morph_tagger, morph = _models()
    found: list[list[NameMention]] = []
    for text in passages:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        doc.tag_morph(morph_tagger)
        mentions = []
        for span in doc.spans:
            type_ = _TYPES.get(span.type)
            if type_ is None:
                continue
            words = [_Word(t.text.replace(_STRESS, ""), t.start, t.stop, t.pos or "", t.feats or {})
                     for t in span.tokens]
            parts = [p for named in _glossed(words) for p in (_people(named, morph) if type_ == "person" else [named])]
            for part in parts:
                normal = _person_normal(part, morph) if type_ == "person" else _phrase_normal(part, morph)
                start, end = part[0].start, part[-1].stop
                mentions.append(NameMention(start, end, text[start:end], type_, _joined(normal, part),
                                            (f"natasha:{span.type}",)))
        found.append(mentions)
    return found


class _Word(NamedTuple):
    """A token of a name: its text and offsets, and the morphology tagger's part of speech and features."""

    text: str
    start: int
    stop: int
    pos: str
    feats: dict[str, str]


def _glossed(words: list[_Word]) -> list[list[_Word]]:
    """A name and the gloss in brackets the press puts after it, each a name of its own: the
    original spelling or an abbreviation ("Питер Браун (Peter Brown)", "Конституционный суд (КС)").
    A bracket written against the word before it is part of the name ("ВКП(б)"); a gloss that
    does not open with a capital is dropped."""
    if len(words) > 2 and words[-1].text == ")":
        for i in range(len(words) - 2, 0, -1):
            if words[i].text == "(":
                if words[i].start == words[i - 1].stop:
                    break
                gloss = words[i + 1 : -1]
                return [words[:i], gloss] if gloss and gloss[0].text[:1].isupper() else [words[:i]]
    return [words]


def _joined(normal: list[str], words: list[_Word]) -> str:
    """The normal forms of a name's words joined as the text joins them ("Общество «Мемориал»",
    "ЦК ВКП(б)"), any run of spaces made one."""
    out = normal[0]
    for previous, word, form in zip(words, words[1:], normal[1:]):
        out += (" " if word.start > previous.stop else "") + form
    return out


def _name_readings(word: str, morph: Any) -> set[tuple[str, str]]:
    """The (case, gender) pairs pymorphy3 gives `word` as a person's name (surname, given name or
    patronymic), gender "" where the word has either (Джугашвили); empty when it does not know
    the word as a name."""
    return {(str(p.tag.case or ""), str(p.tag.gender or "")) for p in morph.parse(word)
            if any(t in p.tag for t in _NAME_TAGS)}


def _agreeing_readings(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The readings two words of one name can share: the same case, the same gender or either's."""
    return {(case, gender or other) for case, gender in a for c, other in b
            if c == case and (gender == other or not gender or not other)}


def _people(words: list[_Word], morph: Any) -> list[list[_Word]]:
    """A person span without a rank before the name, cut between two surnames that cannot belong
    to one person: the words of one name agree in case and gender, so "Люшкова Ежову" (genitive,
    dative) is two people. Only words pymorphy3 reads as surnames and never as given names or
    patronymics count: a foreign given name it half-knows ("Мэри Браун") and initials never
    cut a span."""
    parts: list[list[_Word]] = [[]]
    previous: set[tuple[str, str]] = set()
    while len(words) > 1 and _is_title(words[0].text, morph):
        words = words[1:]  # "Товарищу Молотову", "Маршала Блюхера": the rank is no part of the name
    for word in words:
        readings = _surname_readings(word.text, morph) if word.text[:1].isupper() else set()
        if parts[-1] and readings and previous and not _agreeing_readings(readings, previous):
            parts.append([])
        parts[-1].append(word)
        previous = readings
    return parts


def _is_title(word: str, morph: Any) -> bool:
    """Whether `word` is a common noun for a person (товарищ, маршал, нарком) that never is a name."""
    parses = morph.parse(word)
    return morph.word_is_known(word.lower()) and all(
        "NOUN" in p.tag and "anim" in p.tag and not any(t in p.tag for t in _NAME_TAGS) for p in parses)


def _surname_readings(word: str, morph: Any) -> set[tuple[str, str]]:
    """The (case, gender) pairs of `word` read as a surname, or none if it may be another kind of name."""
    parses = morph.parse(word)
    if any("Name" in p.tag or "Patr" in p.tag for p in parses):
        return set()
    return {(str(p.tag.case or ""), str(p.tag.gender or "")) for p in parses if "Surn" in p.tag}


def _restore_case(word: str, like: str) -> str:
    """`word` capitalised as `like` was (Ежов, ЕЖОВ, ежов; each part of "Санкт-Петербург")."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, likes = word.split("-"), like.split("-")
    if len(parts) > 1 and len(parts) == len(likes):
        return "-".join(_restore_case(part, model) for part, model in zip(parts, likes))
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _nominative(word: str, feats: dict[str, str], morph: Any, gender: str, prefer: tuple[str, ...]) -> str:
    """One word in the nominative: the pymorphy3 analysis agreeing with the tagged case and the
    name's gender (names first), inflected; the word itself when nothing fits."""
    case = _CASES.get(feats.get("Case", ""), "")
    parses = morph.parse(word)
    def rank(p: Any) -> tuple[int, int, int]:
        tag = p.tag
        return (case in tag if case else 0, gender in tag if gender else 0, any(t in tag for t in prefer))
    for parse in sorted(parses, key=rank, reverse=True):
        wanted = {"nomn", "sing"} if "sing" in parse.tag else {"nomn"}
        if gender and "femn" in parse.tag and gender != "femn" and any(t in parse.tag for t in _NAME_TAGS):
            continue  # Сталина read as a woman's name when the name is a man's
        if (form := parse.inflect(wanted)) is not None:
            return _restore_case(form.word, word)
    return word


def _person_normal(words: list[_Word], morph: Any) -> list[str]:
    """A person's name in the nominative; the gender comes from the first given name pymorphy3
    knows, else from the tagger (which sometimes mistakes a woman's surname for a man's). A word
    the tagger reads as nominative and pymorphy3 does not know as a name stays as written
    (Коба, not Коб)."""
    gender = ""
    for word in words:
        named = [p for p in morph.parse(word.text) if "Name" in p.tag]
        if named:
            gender = named[0].tag.gender or ""
            break
    gender = gender or _GENDERS.get(words[0].feats.get("Gender", ""), "") if words else ""
    return [
        w.text if w.feats.get("Case") == "Nom" and not _name_readings(w.text, morph)
        else _nominative(w.text, w.feats, morph, gender, _NAME_TAGS)
        for w in words
    ]


def _phrase_normal(words: list[_Word], morph: Any) -> list[str]:
    """A place's or organisation's name in the nominative: its head (the first noun) put in the
    nominative in its own number, the adjectives before it made to agree ("Верховного суда" ->
    "Верховный суд"), and what follows the head kept as written (a genitive complement:
    "Министерства обороны" -> "Министерство обороны")."""
    adjectives = [_is_adjective(w, morph) for w in words]
    head = next((i for i, w in enumerate(words) if w.pos in ("NOUN", "PROPN") and not adjectives[i]), len(words) - 1)
    noun = _head_nominative(words[head], morph)
    if noun is None:
        return [w.text for w in words]
    form, number, gender = noun
    agreeing = [_agreeing(w, morph, number, gender) if adjective else w.text
                for w, adjective in zip(words[:head], adjectives)]
    return [*agreeing, form, *(w.text for w in words[head + 1 :])]


def _is_adjective(word: _Word, morph: Any) -> bool:
    """An adjective by the tagger, or a proper name's word the tagger calls a noun that pymorphy3
    reads first as an adjective ("Соединённых Штатов")."""
    if word.pos == "ADJ":
        return True
    best = morph.parse(word.text)[0].tag
    return word.pos == "PROPN" and ("ADJF" in best or "PRTF" in best)


def _head_nominative(word: _Word, morph: Any) -> tuple[str, str, str] | None:
    """The head noun in the nominative with its number and gender, or None when pymorphy3 cannot
    read it. A word the tagger calls nominative stays as written if pymorphy3 agrees it can be one."""
    parses = [p for p in morph.parse(word.text) if "NOUN" in p.tag] or morph.parse(word.text)
    case = _CASES.get(word.feats.get("Case", ""), "")
    number = "plur" if word.feats.get("Number") == "Plur" else "sing"
    if case == "nomn" and any("nomn" in p.tag for p in parses):
        nominative = next(p for p in parses if "nomn" in p.tag)
        return word.text, nominative.tag.number or number, nominative.tag.gender or ""

    def rank(p: Any) -> tuple[int, int, int]:
        return (case in p.tag if case else 0, number in p.tag, "Geox" in p.tag or "Orgn" in p.tag)

    for parse in sorted(parses, key=rank, reverse=True):
        own = parse.tag.number or number
        if (form := parse.inflect({"nomn", own}) or parse.inflect({"nomn"})) is not None:
            return _restore_case(form.word, word.text), own, parse.tag.gender or ""
    return None


def _agreeing(word: _Word, morph: Any, number: str, gender: str) -> str:
    """An adjective before the head noun in the nominative, in the noun's number and gender."""
    wanted = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", gender or "masc"}
    for parse in morph.parse(word.text):
        if "ADJF" in parse.tag or "PRTF" in parse.tag:
            if (form := parse.inflect(wanted)) is not None:
                return _restore_case(form.word, word.text)
    return word.text
