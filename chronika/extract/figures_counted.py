"""What a figure counts: the noun phrase after the number ("about 22,000 Poles", "72 percent of
Russians", "over 20,000 people were killed"). A few words at most, by word shape and a stop list,
without a parser: it names the figure in listings and lets `figures --about WORD` find it."""

from __future__ import annotations

import re

from chronika.extract.russian import lemma

_STOP = set(
    """a an the and or but nor of in on at by for with from to into onto over under about as than that which
    who whom whose were was are is be been being had has have would could should will shall may might must can
    did do does not no also only alone each per while when where why how this these those there their they them
    he she it its his her we our you your i me my out up down more most less least among during before after
    since until including like such so all both either neither every some any now then still yet even just
    already almost nearly again too very here what whether if because though although against within without
    between through toward towards upon across per cent percent one other others own same many much few
    several us him them it itself themselves became become began begin went came took made got gave said left
    fell stood held won lost met sat saw knew thought found brought fought wrote ran rose spent sent kept led paid
    sold told felt put set cut let remain remained died lived approve approves disapprove support supports oppose
    say says believe believes think thinks agree agrees disagree want wants consider considers view views see
    sees regard regards favor favour prefer prefers remember know hold feel expect trust like admire fear live
    work die tend tends
    и в во на с со к ко по из от до за у о об при для без над под через что как не ни а но или либо это этот эта
    эти тот та те который которая которые которых был была было были быть есть является являются стал стала
    стали его её их им ему ей всего всех все всё ещё уже лишь только же ли бы также тоже около более менее свыше
    почти примерно""".split()
)
TIME_UNITS = {"years", "months", "days", "weeks", "decades", "centuries", "hours", "minutes", "seconds", "year"}
_LEADING = {"other", "more", "new", "additional", "further", "extra", "such", "different", "individual", "some"}
_DETERMINERS = {"the", "these", "those", "its", "their", "his", "her", "our", "all", "of"}
PARTICIPLES = set(
    """shot killed executed arrested repressed deported exiled rehabilitated sentenced convicted imprisoned polled
    surveyed murdered wounded captured released expelled purged dekulakized resettled evicted dispossessed
    interviewed questioned elected registered buried""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_GAP = re.compile(r"[ \t]+|[ \t]*\n[ \t]*(?!\n)")


def counted_after(text: str, position: int, *, percent: bool = False, share: bool = False) -> tuple[str | None, int]:
    """The noun phrase that starts at `position` (after a figure), and where it ends: up to four
    words, stopping at a function word, punctuation or a verb; for a percentage, "percent of X"
    when "of X" follows (or X, after a share: "seven in ten Russians"). (None, position) when
    there is none."""
    words = _words(text, position, 8)
    if percent:
        if words and words[0][0].lower() == "of":
            words = words[1:]
        elif words and _CYRILLIC.match(words[0][0]) and words[0][0].lower() not in _STOP:
            pass  # Russian puts what a share is of right after it, in the genitive: "70% россиян"
        elif not share or not words or re.fullmatch(r"[a-z]+ed", words[0][0]):
            return None, position  # "60 percent support", "roughly half refused"
        phrase, end = _phrase(words)
        return (f"percent of {phrase}", end) if phrase else (None, position)
    if words and words[0][0].lower() == "of":
        words = words[1:]
    phrase, end = _phrase(words)
    return (phrase, end) if phrase else (None, position)


def _words(text: str, position: int, limit: int) -> list[tuple[str, int]]:
    """Up to `limit` words from `position` on within one paragraph, each with its end."""
    found: list[tuple[str, int]] = []
    while len(found) < limit:
        gap = _GAP.match(text, position)
        if gap is not None:
            position = gap.end()
        m = _WORD.match(text, position)
        if m is None:
            break
        word = m.group().rstrip("'’-")
        found.append((word, m.start() + len(word)))
        position = m.end()
    return found


# Parts of speech that end a Russian noun phrase: verbs, short forms, adverbs, prepositions ...
_RUSSIAN_BREAKS = {"VERB", "INFN", "PRTS", "ADJS", "GRND", "ADVB", "CONJ", "PREP", "PRCL", "COMP", "PRED", "INTJ"}


def _russian_break(word: str) -> bool:
    """Whether a Russian word cannot belong to the noun phrase a figure counts (pymorphy3's likeliest reading)."""
    if not _CYRILLIC.match(word):
        return False
    return lemma(word.lower())[1].split(",")[0].split(" ")[0] in _RUSSIAN_BREAKS


def _phrase(words: list[tuple[str, int]]) -> tuple[str | None, int]:
    while words and words[0][0].lower() in _DETERMINERS:
        words = words[1:]
    while words and words[0][0].lower() in _LEADING:
        words = words[1:]
    phrase: list[str] = []
    end = 0
    for word, word_end in words[:4]:
        low = word.lower()
        if low in PARTICIPLES and phrase:
            phrase.append(word)
            end = word_end
            break
        if low in _STOP or _russian_break(word) or len(word) == 1 and word.isupper() or low.endswith("ly") and len(low) > 4 or (low.endswith("ed") and "-" not in low and phrase):
            break
        phrase.append(word)
        end = word_end
    return (" ".join(phrase) or None), end


# What a figure's sentence says of it, around the noun after the number: the thing counted named
# before it ("the number of victims is estimated at about 22,000", "Deaths | 21,857", "Of the 1,966
# delegates, 1,108 were arrested") and what happened to it ("681,000 persons had been shot").
_NUMBER_OF = re.compile(
    r"\bnumbers?\s+of\s+(?P<what>[^\W\d][^.!?;|\n]{2,120}?)\s*,?\s+(?:(?:is|was|were|are|has|had|have)\s+(?:been\s+)?)?"
    r"(?:estimated|put|reached|stood|stands|rose|fell|totall?ed|amounted|came|grew|declined|increased|exceeded|was|were|is|are)\b",
    re.IGNORECASE,
)
_LABEL = re.compile(r"(?:^|\n|\|)\s*(?P<label>[^\W\d][\w' -]{2,40}?)\s*\|\s*$")
_OF_THE = re.compile(r"\bof\s+the\s+(?:total\s+)?$", re.IGNORECASE)
_PASSIVE = re.compile(
    # plural auxiliaries only: in "about 22,000 Poles was recorded" what was recorded is not the Poles
    r"\s*(?:,\s*)?(?:were|had\s+been|have\s+been|are|being)\s+(?:\w+ly\s+)?"
    r"(?P<done>[a-z]+ed|shot|slain|born|sent|held|taken|hit|beaten|thrown|driven|given|sentenced)\b",
    re.IGNORECASE,
)
_DIED = re.compile(r"\s*(?P<done>died|perished|starved|disappeared|vanished|survived|fled)\b", re.IGNORECASE)
_SHARE_VERB = re.compile(r"\s+(?P<says>(?:[^\W\d][\w'’-]*\s+){1,6}?[^\W\d][\w'’-]*)(?=\s*(?:[.,;:()\[\]–—]|\s-\s|$))")
_FUNCTION = set("and or but nor of in on at to from by with the a an than as while which who whom that this these those its "
                "their his her up down since before after for per during over under between among".split())
_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-ZА-ЯЁ\"“])|\n")


def described(text: str, start: int, end: int, counted: str | None, *, percent: bool) -> str | None:
    """What a figure at text[start:end] counts as its sentence tells it: the noun after it, or
    else the thing its sentence names for it before it; with what was done to it or what the share
    says, where the words right after it tell ("were executed", "died", "approve his role")."""
    before = text[max(0, start - 240) : start]
    cut = max((m.end() for m in _SENTENCE_START.finditer(before)), default=0)
    before = before[cut:]
    if counted is None:
        if (m := _LABEL.search(before)) is not None:
            counted = m.group("label").strip()
        elif (named := list(_NUMBER_OF.finditer(before))) and named[-1].end() > len(before) - 60:
            counted = named[-1].group("what").strip()
            counted = f"percent of {counted}" if percent else counted
    if percent:
        says = _SHARE_VERB.match(text, end)
        if says is None or says.group("says").split()[0].lower() in _FUNCTION:
            return counted
        return f"{counted or 'percent'} {says.group('says')}"  # "52 % call it largely positive"
    if counted is None:
        return None
    done = _PASSIVE.match(text, end) or _DIED.match(text, end)
    return f"{counted} {done.group('done')}" if done else counted
