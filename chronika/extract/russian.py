"""Names in Russian text: Natasha's NER (PER, LOC, ORG) with pymorphy3 for the nominative normal form.

Russian inflects names: Сталина, Сталиным and Сталину are all Сталин. Natasha's morphology tagger
says which case and gender each word of a name has in context; pymorphy3 then picks the matching
analysis and puts it in the nominative, keeping the gender (Ахматову -> Ахматова, not Ахматов).
Everything loads from the installed packages (Natasha ships its embeddings and models).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from chronika.records.mentions import NameMention

_TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_NAME_TAGS = ("Surn", "Name", "Patr")


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
            words = [(t.text, t.feats or {}) for t in span.tokens]
            normal = _person_normal(words, morph) if type_ == "person" else _phrase_normal(words, morph)
            mentions.append(NameMention(span.start, span.stop, text[span.start : span.stop], type_, normal,
                                        (f"natasha:{span.type}",)))
        found.append(mentions)
    return found


def _restore_case(word: str, like: str) -> str:
    """`word` capitalised as `like` was (Ежов, ЕЖОВ, ежов)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
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


def _person_normal(words: list[tuple[str, dict[str, str]]], morph: Any) -> str:
    """A person's name in the nominative; the gender comes from the first given name pymorphy3
    knows, else from the tagger (which sometimes mistakes a woman's surname for a man's)."""
    gender = ""
    for word, feats in words:
        named = [p for p in morph.parse(word) if "Name" in p.tag]
        if named:
            gender = named[0].tag.gender or ""
            break
    gender = gender or _GENDERS.get(words[0][1].get("Gender", ""), "") if words else ""
    return " ".join(_nominative(w, f, morph, gender, _NAME_TAGS) for w, f in words)


def _phrase_normal(words: list[tuple[str, dict[str, str]]], morph: Any) -> str:
    """A place's or organisation's name in the nominative: the words up to and including its head
    noun are inflected; what follows (a genitive complement: "комитета партии") is kept."""
    out: list[str] = []
    for i, (word, feats) in enumerate(words):
        if feats.get("Case") in (None, "Nom") or (out and words[i - 1][1].get("Case") != feats.get("Case")):
            out.extend(w for w, _ in words[i:])
            break
        gender = _GENDERS.get(feats.get("Gender", ""), "")
        out.append(_nominative(word, feats, morph, gender, ("Geox", "Orgn")))
    return " ".join(out)
