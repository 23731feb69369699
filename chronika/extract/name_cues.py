"""The cues of a phrase that may be a name, read off it and the words before it with the lists of
`name_rules` (a title, a place context, initials, a given name, a known name, a surname shape ...),
and whether a phrase can be a name at all."""

from __future__ import annotations

import re

from chronika.extract import name_rules_en as EN
from chronika.extract.name_rules import (
    GENERIC_HEADS, GIVEN_NAMES, GROUP_SUFFIX, GROUP_WORDS, INITIALS, KNOWN_ORGS, KNOWN_PEOPLE, KNOWN_PLACES, NOT_INITIALS,
    NOT_NAMES, ORG_HEADS, ORG_SHAPE, PATRONYMIC, PLACE_CONTEXT, PLACE_CONTEXT_WEAK, PLACE_HEADS, PLACE_NOT_ORG,
    PLACE_NOUNS, PLACE_SHAPE, ROLES, SURNAME_SHAPE, TITLE_WORDS, TITLES,
)

_TITLE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<title>" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\s+$"
)
_ROLE_BEFORE = re.compile(r"(?<![\w-])(?P<role>[a-z]+),?\s+$")
_PLACE_CONTEXT = re.compile(
    r"(?<![\w-])(?:(?:the|a)(?:\s+[a-z-]+){0,2}?\s+(?P<noun>" + "|".join(PLACE_NOUNS) + r")\s+of|(?P<context>"
    + "|".join(re.escape(c) for c in sorted(PLACE_CONTEXT, key=len, reverse=True)) + r"))\s+$"
)
_WEAK_CONTEXT = re.compile(r"(?<![\w-])(?P<context>" + "|".join(PLACE_CONTEXT_WEAK) + r")\s+(?:the\s+)?$")
_WORD = re.compile(r"[^\s,;:]+")
_SPACE = re.compile(r"\s+")
# A middle initial between a given name and a surname: "Ulysses S. Grant", "John Q. Adams".
_MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+\s+((?:[A-Z]\.\s?){1,2})[A-Z][a-z]")
_STATE_AT_END = re.compile(r",\s*(" + "|".join(EN.US_STATE_ABBREVIATIONS) + r")$")
_LETTERS = re.compile(r"[^\W\d_]")
# An acronym: capitals with at most one vowel ("NKVD", "TASS"), or capitals with one small letter
# among them ("TsKK", "VTsIK"); not an ALL-CAPS word ("NOTICE") nor a name like "McDonald".
_ACRONYM = re.compile(r"^(?=[A-Z])(?:[B-DF-HJ-NP-TV-Z]*[AEIOUY]?[B-DF-HJ-NP-TV-Z]*|[A-Z]+[a-z][A-Z]+[a-z]?)"
                      r"(?:\([a-z]\))?$")


def is_acronym(word: str) -> bool:
    """Whether a word is an acronym: "NKVD", "TASS", "TsKK", "VKP(b)"."""
    return bool(_ACRONYM.match(word))


def _plain(word: str) -> str:
    """A word as the lists spell it: possessive cut, ALL CAPS title-cased ("BUKHARIN" -> "Bukharin")."""
    word = re.sub(r"['’]s$", "", word).strip(".,;:\"“”")
    word = word.lstrip("(") if word.count("(") < word.count(")") or word.startswith("(") else word
    word = word.rstrip(")") if word.count(")") > word.count("(") else word
    return word.title() if word.isupper() and len(word) > 3 else word


def is_name_like(text: str) -> bool:
    """Whether a phrase can be a name at all: capitalised, letters, not a group, ideology or fragment."""
    raw = _WORD.findall(text)
    words = [_plain(w) for w in raw]
    if not words or not text[:1].isupper() or len(_LETTERS.findall(text)) < 2:
        return False
    if all(INITIALS.fullmatch(w + " ") for w in raw):
        return False  # "Ye", "Ya.", "A. I."
    if len(words) == 1 and (len(words[0]) <= 2 and not words[0].isupper() or words[0] in NOT_NAMES
                            or words[0].rstrip(".") in TITLE_WORDS or words[0] in GENERIC_HEADS):
        return False
    content = [w for w in words if w.lower() not in ("of", "the", "and", "for")]
    if all(w in GROUP_WORDS for w in content):
        return False
    return not (len(content) == 1 and GROUP_SUFFIX.search(content[0]) and content[0] not in KNOWN_PLACES)


def describes(word: str) -> bool:
    """Whether a capitalised word describes rather than names: a title, role, group, ideology,
    known place or common word ("Historian", "Stalinist", "Leningrad", "Even")."""
    plain = _plain(word)
    return (plain in NOT_NAMES or plain.rstrip(".") in TITLE_WORDS or plain in GROUP_WORDS or plain.lower() in ROLES
            or bool(GROUP_SUFFIX.search(plain)) or _known(plain, KNOWN_PLACES))


def _known(word: str, names: frozenset[str]) -> bool:
    return word in names or word.title() in names or word.upper() in names


def cues_for(text: str, start: int, end: int) -> list[str]:
    """The cues for the phrase text[start:end] found in itself and in the words before it."""
    span = text[start:end]
    words = [_plain(w) for w in _WORD.findall(span)]
    if not words:
        return []
    cues: list[str] = []
    before = text[max(0, start - 40) : start]
    if m := _TITLE_BEFORE.search(before):
        cues.append(f"title:{m.group('title')}")
    elif (m := _ROLE_BEFORE.search(before)) and m.group("role") in ROLES:
        cues.append(f"role:{m.group('role')}")
    lower = before.lower()
    if m := _PLACE_CONTEXT.search(lower):
        cues.append(f"context:{m.group('context') or 'the ' + m.group('noun') + ' of'}")
    elif (m := _WEAK_CONTEXT.search(lower)) and not re.match(r"['’]s\b", text[end : end + 2]):
        cues.append(f"context:{m.group('context')}")
    if m := INITIALS.match(span):
        if len(words) > 1 and m.group().split()[0].rstrip(".") not in NOT_INITIALS:
            cues.append(f"initials:{m.group().strip()}")
    elif m := _MIDDLE_INITIAL.match(span):
        cues.append(f"initials:{m.group(1).strip()}")
    if patronymics := [w for w in words[1:] if PATRONYMIC.match(w)]:
        cues.append(f"patronymic:{patronymics[0]}")
    given = words[0] in GIVEN_NAMES
    if given:
        cues.append(f"given:{words[0]}")
    whole = " ".join(words)
    last = words[-1]
    heads = [w for w in words if w in ORG_HEADS] or [w for w in words[1:][-1:] if w in EN.LOWER_ORG_HEADS]
    if whole in PLACE_NOT_ORG or _known(whole, KNOWN_PLACES):
        cues.append("known:place")
    elif _known(whole, KNOWN_ORGS) or words[1:2] == ["of"] and last[:1].isupper() and _known(words[0], KNOWN_ORGS):
        cues.append("known:org")
    elif _known(whole, KNOWN_PEOPLE) or (last in KNOWN_PEOPLE and not heads and (given or INITIALS.match(span))):
        cues.append("known:person")
    if m := _STATE_AT_END.search(span):
        cues.append(f"place-word:{_SPACE.sub(' ', m.group(1))}")
    elif last in PLACE_HEADS and len(words) > 1:
        cues.append(f"place-word:{last}")
    elif len(words) > 1 and (words[0] in EN.PLACE_FIRST or words[0] in EN.PLACE_OF and words[1] == "of"):
        cues.append(f"place-word:{words[0]}")
    elif heads and whole not in PLACE_NOT_ORG:
        cues.append(f"org-word:{heads[-1]}")
    elif m := ORG_SHAPE.search(last):
        cues.append(f"org-word:-{m.group()}")
    elif last not in NOT_NAMES and last not in KNOWN_PLACES and len(last) >= 5:
        if m := SURNAME_SHAPE.search(last):
            cues.append(f"surname:-{m.group('shape')}")
        elif (m := PLACE_SHAPE.search(last)) and last not in KNOWN_PEOPLE:
            cues.append(f"place-shape:-{m.group('shape')}")
    if len(words) == 1 and is_acronym(span.strip()) and "known:place" not in cues:
        cues.append(f"acronym:{span.strip()}")
    return cues

