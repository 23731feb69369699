"""What a share in a Russian poll report says, as the genre writes it.

Russian reports of polls (Levada Center, VTsIOM, FOM) say what a share chose in three ways, and
often in one sentence: after the share and who it is of ("48% опрошенных выбрали ответ «скорее
одобряю»"), before it, the predicate first ("Резко негативно итоги реформ оценивают 6%
респондентов", "С гордостью ... вспоминают 30% россиян"), or as a list of options that names the
respondents once and leaves them out after ("еще 21% — «полностью одобряю»", "скорее
негативно — 15%", "«с гордостью» (33%), «со стыдом» (9%)"). A share is read here as who it
is of (said after it, else the last respondents its sentence named before it) and what its clause
says of them. A share whose clause says nothing of it keeps only who it is of."""

from __future__ import annotations

import re

from chronika.extract.glossary_ru import QUALIFIERS
from chronika.extract.russian import RUSSIAN_WORD, lemma

# who a poll's share is of, by lemma (pymorphy3 gives a participle's verb: "опрошенных" -> "опросить")
_POPULATION = {"респондент", "опросить", "опрошенный", "россиянин", "гражданин", "житель", "участник", "человек"}
_WORD = RUSSIAN_WORD
# where a clause ends: sentence and clause punctuation, a dash, brackets (a share in brackets
# belongs to the option before it)
_CLAUSE_END = re.compile(r"[.!?;:()\[\]\n]|\s[—–-]\s|[—–]")
# words that open a clause without saying anything of the share: attributions, links
_OPENERS = re.compile(
    r"^(?:(?:а|и|но|еще|ещё|также|при\s+этом|всего|лишь|только|из\s+них|среди\s+них)\s+)+", re.IGNORECASE
)
_ATTRIBUTION = re.compile(r"^(?:по\s+данным|согласно|по\s+словам|по\s+мнению|как\s+(?:показал|сообщ|говор))", re.IGNORECASE)
# a share in brackets restates the phrase before it ("каждый четвертый житель (25%) ответил"):
# for either, what is said follows the brackets
_BRACKETED = re.compile(r"^\s*(?:\(\s*\d[\d\s.,]*\s*%\s*\)|\))")
_THAT = re.compile(r"^[^,]{1,60}?,\s*(?:что|чтобы|будто)\s", re.IGNORECASE)
_NEXT_SHARE = re.compile(r"\s*(?:,|\s(?:и|а|но))?\s+(?:(?:лишь|только|еще|ещё|почти|около)\s+)*\d")
# parts of speech that say something: a noun, a verb, an adjective that is no pronoun or numeral
_SAYING = {"NOUN", "VERB", "INFN", "PRTF", "PRTS", "ADJS"}
_LONGEST = 12  # words: the most a clause may hold to be read as what a share says
_NUMBER = re.compile(r"\d")


def russian_share(text: str, start: int, end: int, counted: str | None, before: str) -> str | None:
    """What the Russian share at text[start:end] counts: "percent of <who>" (`counted` when the
    words after it said who) with what its clause says of them; None when neither is found.
    `before`: the words of its sentence before it."""
    who = counted or _respondents_before(before)
    # a share in brackets after a quoted option is that option's ("«с гордостью» (33%)"); after a
    # phrase, it restates the phrase's share, and what is said follows ("почти каждый пятый (19%) не возражает")
    opening = text[max(0, start - 80) : start].rstrip()
    after = None if re.search(r"[»\"”]\s*\($", opening) else _said_after(text, end)
    says = after or _said_before(before)
    if says is None:
        return who
    if who is None:
        return f"percent: {says}"
    return f"{who} {says}" if after and counted else f"{who}: {says}"


def _respondents_before(before: str) -> str | None:
    """"percent of X", X the last respondents (Russians, citizens ...) the sentence named before the share."""
    for m in reversed(list(_WORD.finditer(before))):
        if lemma(m.group().lower())[0] in _POPULATION:
            return f"percent of {m.group()}"
    return None


def _said_after(text: str, end: int) -> str | None:
    """The clause after a share and who it is of, when it says something: "выбрали вариант
    «скорее положительную»", or after a dash "— «целиком положительную»"."""
    rest = _BRACKETED.sub("", text[end : end + 240], count=1)
    dash = re.match(r"\s*[—–-]\s*", rest)
    rest = rest[dash.end() :] if dash is not None else rest.lstrip(" \t")
    stop = _CLAUSE_END.search(rest)
    clause = rest[: stop.start() if stop else len(rest)]
    if (that := _THAT.search(clause)) is not None:  # "считают, что ...": what they think is the clause after
        first = clause[that.end() :].split(",")[0]
        clause = clause[: that.end()] + first
    else:
        clause = clause.split(",")[0]
    # a list goes on with the next share ("... и лишь 12% граждан ответили ..."): it stops before it
    clause = _NEXT_SHARE.split(clause)[0]
    cut = list(_WORD.finditer(clause))[_LONGEST - 1 : _LONGEST]
    return _kept(clause[: cut[0].end()] if cut else clause)  # what follows says it at most in its first words


def _said_before(before: str) -> str | None:
    """The clause before a share when the predicate comes first ("Резко негативно итоги реформ
    оценивают"), or the option a listed share follows ("скорее негативно —", "«со стыдом» (")."""
    before = re.sub(r"[\s(—–-]+$", "", before)
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    clause = before[cut:]
    if len(_WORD.findall(clause)) > _LONGEST or "," in clause and _NUMBER.search(clause):
        clause = clause.rsplit(",", 1)[-1]  # a long clause, or one that holds another share: its last part
    return _kept(clause.lstrip(" ,"))


def _kept(clause: str) -> str | None:
    """The clause as it will be shown, or None when it says nothing (no word, only an attribution
    or link, a number, or too long to be what one share says)."""
    clause = _OPENERS.sub("", " ".join(clause.split())).strip(" ,")
    words = _WORD.findall(clause)
    if not words or len(words) > _LONGEST or _ATTRIBUTION.match(clause) or _NUMBER.search(clause):
        return None
    return clause if "«" in clause or any(_says(word) for word in words) else None


def _says(word: str) -> bool:
    """Whether a word says something of a share ("оценивают", "негативно", "итоги"), unlike
    "сегодня", "при этом", "каждый третий": a noun, verb or adjective, or an adverb of judgement."""
    normal, tag = lemma(word.lower())
    part = tag.split(",")[0].split(" ")[0]
    if part == "ADJF":
        return not {"Apro", "Anum"} & set(re.split("[ ,]", tag))
    return part in _SAYING or part == "ADVB" and normal in QUALIFIERS
