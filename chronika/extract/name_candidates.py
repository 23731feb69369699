"""Spans that may be names, proposed in a passage before their types are voted.

spaCy's entities are repaired (initials and patronymics kept with their surname, titles, articles
and possessives cut, lists split), and phrases the model misses are added when their own cues are
strong: initials before a surname, capitalised words before an organisation's head written small
("the Whig party"), capitalised runs with good evidence. Names that run on past what the
model saw are joined: a party's acronym and its body ("USSR Procuracy"), a town and its state
("Memphis, Tenn."), a person's name and the firm's word ("J. B. Lippincott Co.").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from chronika.extract import name_rules as R
from chronika.extract import name_rules_en as EN

if TYPE_CHECKING:
    from spacy.tokens import Doc
from chronika.extract.name_cues import cues_for, describes, is_acronym, is_name_like
from chronika.extract.name_vote import type_from_evidence, weight

Candidate = tuple[int, int, tuple[str, ...]]  # start, end, evidence

_INITIAL = r"(?:[A-Z][a-z]?|Dzh|" + "|".join(EN.GIVEN_ABBREVIATIONS) + r")\.\s?"
_SURNAME = r"[A-Z](?:[a-z'’]+|[A-Z'’]+)(?:-[A-Z][a-z]+)*"
_STRONG = (
    re.compile(rf"(?<![\w.])(?:{_INITIAL}){{1,3}}{_SURNAME}"),  # A. Ya. Vyshinskiy, V.I. Lenin
    re.compile(rf"(?<![\w.])[A-Z][a-z]+\s+[A-Z][a-z]+(?:ovich|evich|ich|ovna|evna|ichna)\b(?:\s+{_SURNAME})?"),
)
_CAP_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?:\([a-z]\))?"
# Capitalised words before an organisation's head word written small: "the Whig party",
# "the Erie railroad", "the Methodist church" (not "Stalin's party").
_LOWER_HEAD = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w-]*\s+)*[A-Z][\w-]*(?<![’']s)\s+(?:" + "|".join(sorted(EN.LOWER_ORG_HEADS))
    + r")\b(?![’'-])"
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_CAP_RUN = re.compile(
    rf"(?<![\w'’\-]){_CAP_WORD}(?:\s+(?:(?:of|for|de|la|le|du|di|da|del|von|van|der|den)\s+(?:the\s+)?)?{_CAP_WORD})*"
)
_LEADING = re.compile(
    r"(?:(?:the|The|THE|a|A|an|An)\s+|(?:" + "|".join(re.escape(t) for t in sorted(R.TITLES, key=len, reverse=True))
    + r"|January|February|March|April|May|June|July|August|September|October|November|December)\s+)+"
)
_TRAILING = re.compile(r"(?:['’]s?|[\s,;:.!?\"“”(\[\]-]|\)(?<!\([a-z]\)))+$")
# What separates the names in a phrase: list punctuation, and a preposition of place written
# small ("the Ridge near Albany", "Fort Pitt on the Ohio" are two names each).
_SEPARATOR = re.compile(r"[,;/|]|\s(?:near|at|in|on|from|into|via)\s")
_TRAILING_TITLE = re.compile(
    r"\s+(?:" + "|".join(re.escape(t) for t in sorted(R.TITLE_WORDS, key=len, reverse=True)) + r")\.?$"
)
_WORDS = re.compile(r"\S+")
_GROUP_OF = re.compile(r"(?:[A-Z][\w-]*\s+)*?(?:" + "|".join(sorted(R.GROUP_WORDS, key=len, reverse=True)) + r")\s+of\s+(?:the\s+)?")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_PREFIX = re.compile(r"(?:USSR|RSFSR|SSSR|[A-Z][A-Za-z]{1,5}\([a-z]\)|CPSU|KPSS|RSDRP|NKVD|OGPU)")


def _score(evidence: Iterable[str], type_: str, skip_spacy: bool = False) -> float:
    return sum(weight(c).get(type_, 0.0) for c in evidence if not (skip_spacy and c.startswith("spacy")))


def _clean(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A proposed span cut to its name(s): articles, titles, months and group words ("the Bolsheviks
    of") in front, possessives and punctuation behind removed, lists split at commas, and events cut
    at their head word ("the 15th VKP(b) Congress" keeps "VKP(b)")."""
    pieces = []
    bounds = [start, *(i for m in _SEPARATOR.finditer(text, start, end) for i in m.span()), end]
    for ps, pe in zip(bounds[::2], bounds[1::2]):
        for s, e in _cut_events(text, ps, pe) if pe > ps else ():
            s += len(text[s:e]) - len(text[s:e].lstrip())
            if lead := _LEADING.match(text, s, e):
                s = lead.end()
            if group := _GROUP_OF.match(text, s, e):
                s = group.end()
            if title := _TRAILING_TITLE.search(text, s, e):
                e = title.start()
            if trail := _TRAILING.search(text, s, e):
                last = text[s : trail.start() + 1].split()[-1:] if trail.group().startswith(".") else []
                if not (last and len(last[0]) <= 4 and last[0][0].isupper() and last[0].count(".") == 1):
                    e = trail.start()
            if e > s and is_name_like(text[s:e]):
                pieces.append((s, e))
    return pieces


def _cut_events(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a phrase that are not an event: a numbered congress, conference or plenum keeps
    only the names before it; an unnumbered one ends the name it closes."""
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
    for i, (ws, we) in enumerate(words):
        if text[ws:we] not in R.EVENT_HEADS:
            continue
        before = text[max(0, start - 30) : start].split()[-2:] + [text[a:b] for a, b in words[:i]]
        if any(R.ORDINAL_BEFORE_EVENT.match(w) for w in before) or text[ws:we] not in ("Congress", "Conference"):
            kept = [(a, b) for a, b in words[:i] if not R.ORDINAL_BEFORE_EVENT.match(text[a:b])]
            head = [(kept[0][0], kept[-1][1])] if kept else []
        else:
            head = [(start, we)]
        rest = words[i + 1 :]
        while rest and text[rest[0][0] : rest[0][1]] in ("of", "the"):
            rest = rest[1:]  # "Congress of Soviets": the rest of an event's name is not a name either
        return head + (_cut_events(text, rest[0][0], end) if rest and not _OF.match(text, we) else [])
    return [(start, end)]


def overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in taken)


def _subtract(s: int, e: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [(s, e)]
    for a, b in taken:
        pieces = [p for ps, pe in pieces for p in ((ps, min(pe, a)), (max(ps, b), pe)) if p[0] < p[1]]
    return pieces


def candidates(doc: Doc, min_new_score: float) -> list[Candidate]:
    """(start, end, evidence) of the spans that may be names, in text order, not overlapping."""
    from spacy.lang.en.stop_words import STOP_WORDS  # runs inside spaCy's pipeline only

    text = doc.text
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    people = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    for pattern in _STRONG:
        for m in pattern.finditer(text):
            for s, e in _clean(text, _given_before(text, m.start(), people), m.end()):
                if not overlaps(s, e, taken) and _strong_enough(text, s, e, 2.0):
                    found.append((s, e, ()))
                    taken.append((s, e))
    for m in _LOWER_HEAD.finditer(text):
        after = _NEXT_WORD.match(text, m.end())
        if after and after.group(1) not in STOP_WORDS:
            continue  # "the Moscow party organisation": the head word is not the end of the name
        for s, e in _clean(text, m.start(), m.end()):
            if not overlaps(s, e, taken) and _strong_enough(text, s, e, 2.0):
                found.append((s, e, ()))
                taken.append((s, e))
    ents = list(doc.ents)
    works = [(ent.start_char, ent.end_char) for ent in ents if ent.label_ == "WORK_OF_ART"]
    seeds: list[Candidate] = []
    for ent in ents:
        if ent.label_ not in R.SPACY_TYPES:
            continue
        pieces = _subtract(ent.start_char, ent.end_char, taken)
        cut = pieces != [(ent.start_char, ent.end_char)]
        for ps, pe in pieces:
            for s, e in _clean(text, ps, pe):
                if not cut or _strong_enough(text, s, e, min_new_score):
                    seeds.append((s, e, (_spacy_cue(ent.label_, text[s:e]),)))
    for s, e, ev in _merge_of(text, seeds):
        if not overlaps(s, e, taken):
            found.append((s, e, ev))
            taken.append((s, e))
    for m in _CAP_RUN.finditer(text):
        for free_start, free_end in _subtract(m.start(), m.end(), taken):
            for rs, re_ in _runs(text, free_start, free_end):
                for s, e in _clean(text, rs, re_):
                    in_work = overlaps(s, e, works)  # a title names people, not organisations
                    if not overlaps(s, e, taken) and _strong_enough(text, s, e, min_new_score, in_work):
                        found.append((s, e, ()))
                        taken.append((s, e))
    return _join_after(text, _join_publications(text, _join_prefixed(text, sorted(found))))


_GIVEN_BEFORE = re.compile(r"(?<![\w.'’-])[A-Z][a-z]+\s+$")


_ONE_INITIAL = re.compile(r"[A-Z]\.\s?[A-Z][a-z]")


def _given_before(text: str, start: int, people: list[tuple[int, int]]) -> int:
    """Where a name found by its initials starts: "Q. Adams" after "John" is "John Q. Adams"
    when the word is a given name, or when one initial follows and spaCy read the word as
    part of the same person (not a title, group or place: "Historian M. N. Ivanov")."""
    m = _GIVEN_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return start
    word = m.group().rstrip()
    if word in R.GIVEN_NAMES:
        return m.start()
    if (_ONE_INITIAL.match(text, start) and any(a <= m.start() < b and start < b for a, b in people)
            and not describes(word)):
        return m.start()
    return start


_STATE_AFTER = re.compile(r",\s*(?:" + "|".join(EN.US_STATE_ABBREVIATIONS) + r")(?![\w.])")
_PERSON_CUES = ("spacy:PERSON", "title:", "given:", "initials:", "patronymic:", "known:person")


_FIRM_AFTER = re.compile(r"(?:\s*&\s*|\s+)(?:Co\.|Co\b|Company\b|Bros\.|Bros\b)|\s*&\s*Sons?\b")


def _join_after(text: str, found: list[Candidate]) -> list[Candidate]:
    """What follows a name and makes it another kind of name joined to it: a town and the
    abbreviated state after it, the American way of naming a place ("Memphis, Tenn."; not after
    a person's name), and a person's name that a firm bears ("J. B. Lippincott Co.", "Smith & Co.")."""
    joined: list[Candidate] = []
    end = -1
    for s, e, ev in found:
        if s < end:
            continue  # the state or the firm's word, already joined to the name before it
        if firm := _FIRM_AFTER.match(text, e):
            e = end = firm.end()
            ev = (*ev, "org-word:" + firm.group().strip(" &."))
        elif (state := _STATE_AFTER.match(text, e)) and not any(
            c.startswith(_PERSON_CUES) for c in (*ev, *cues_for(text, s, e))
        ):
            e = end = state.end()
        joined.append((s, e, ev))
    return joined


_PUBLICATION_PREFIX = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, R.PUBLICATION_PREFIXES)) + r")[ \t]+$")


def _join_publications(text: str, found: list[Candidate]) -> list[Candidate]:
    """A name after a publication's opening words, in running text, made the publication's name:
    "(Re: Russia, May 12)" cites the publication "Re: Russia", an organisation, and says
    nothing of the country. The model's label of the name inside no longer counts."""
    joined: list[Candidate] = []
    for s, e, ev in found:
        prefix = _PUBLICATION_PREFIX.search(text, max(0, s - 10), s)
        if prefix and R.PUBLICATION_BEFORE.search(text, max(0, prefix.start() - 30), prefix.start()):
            s, ev = prefix.start(), ("publication:" + prefix.group().strip(),)
        joined.append((s, e, ev))
    return joined


def _spacy_cue(label: str, span: str) -> str:
    """spaCy's label as a cue; ORG on one capitalised word (not an acronym) is the small model's
    guess for a word it does not know, and counts for less ("spacy-guess:ORG")."""
    if label == "ORG" and " " not in span and not span.isupper() and not is_acronym(span):
        return "spacy-guess:ORG"
    return f"spacy:{label}"


def _join_prefixed(text: str, found: list[Candidate]) -> list[Candidate]:
    """A party's or state's acronym joined to the body after it: "VKP(b) Politburo", "USSR Procuracy"."""
    joined: list[Candidate] = []
    for s, e, ev in found:
        if joined and text[joined[-1][1] : s] == " " and _PREFIX.fullmatch(text, joined[-1][0], joined[-1][1]):
            if any(c.startswith(("org-word:", "known:org")) for c in cues_for(text, s, e)):
                joined[-1] = (joined[-1][0], e, joined[-1][2] + ev)
                continue
        joined.append((s, e, ev))
    return joined


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The phrases to try in a run of capitalised words: the whole run, then each word (an ALL-CAPS
    heading is tried word by word only)."""
    words = [(start + w.start(), start + w.end()) for w in re.finditer(r"[^\s,;:]+", text[start:end])]
    if len(words) <= 1:
        return words
    return words if text[start:end].isupper() else [(start, end), *words]


def _merge_of(text: str, seeds: list[Candidate]) -> list[Candidate]:
    """spaCy's "the Communist Party" + "of the" + "Soviet Union" joined into one organisation."""
    merged: list[Candidate] = []
    for s, e, ev in sorted(seeds):
        if merged and merged[-1][2][0].endswith(":ORG") and _OF.fullmatch(text, merged[-1][1], s):
            merged[-1] = (merged[-1][0], e, merged[-1][2])
        else:
            merged.append((s, e, ev))
    return merged


def _strong_enough(text: str, start: int, end: int, minimum: float, people_only: bool = False) -> bool:
    """Whether a span's own cues (not spaCy's label) reach `minimum` for the type they vote for."""
    cues = cues_for(text, start, end)
    try:
        type_ = type_from_evidence(cues)
    except ValueError:
        return False
    if people_only:
        return type_ == "person" and _score(cues, type_) >= minimum + 1.0
    return _score(cues, type_) >= minimum
