"""The words by which a memory act's date is told from the remembered past's, per language, as data
(`dating` reads them): words of the terror a date qualifies ("the 1940 massacre", "репрессии 1937
года"), words that report an act as news (the present perfect, "today", "сегодня"), and the years
from which the bodies that act in memory politics exist (a date before them dates what they remember)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DatingCues:
    terror_after: re.Pattern[str]  # matched right after a time expression; group 'w' is the word
    terror_before: re.Pattern[str]  # searched in the words just before it
    reported_now: re.Pattern[str]
    deixis: re.Pattern[str]  # "this year", "в этом году": the document's now, whatever the paragraph's date
    target_before: re.Pattern[str]  # "by 2017", "к 2017 году": a deadline, not when the act happened
    participle_before: re.Pattern[str]  # "вышедших в 1993 году": the date of the participle's event; group 'w'"
    sequence: re.Pattern[str]  # "later", "затем": the act follows an earlier event, not the document's day
    anniversary: re.Pattern[str]  # "the 80th anniversary of", "к 80-летию": group 'n' is how many years on
    comparison: re.Pattern[str]  # "up from", "по сравнению с": a poll's year is an earlier wave's
    actor_since: tuple[tuple[re.Pattern[str], int], ...]


def _since(table: tuple[tuple[str, int], ...]) -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple((re.compile(p), year) for p, year in table)


_TERROR_EN = (
    r"massacres?|executions?|repressions?|purges?|terror|famine|deportations?|arrests?|killings?|shootings?"
    r"|(?:show )?trials?|murders?"
)
_TERROR_RU = r"репресс|расстрел|террор|арест|казн|депортац|высел|чистк|голод|убийств|процесс"

ENGLISH = DatingCues(
    terror_after=re.compile(rf"(?:'s)?\s+(?:(?!(?:the|a|an|this|that|its|his|their)\b)[\w-]+\s+)?(?P<w>{_TERROR_EN})\b", re.IGNORECASE),
    terror_before=re.compile(
        rf"\b(?P<w>{_TERROR_EN}|murdered|shot|executed|arrested|deported|killed|died|born|perished|exiled)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:in|of|on|during|between|from|since)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?$",
        re.IGNORECASE,
    ),
    reported_now=re.compile(
        r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?(?:just\s+)?[a-z]+(?:ed|en|wn|ne|ht|id|un|ng|de)\b"
        r"|\b(?:says|tells|calls|urges|warns|insists|argues|claims|denies|accuses|condemns|praises|plans|wants|proposes)\b"
        r"|\b(?:today|tonight|yesterday|this (?:week|month|year)|last week|recently)\b"
        r"|\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        re.IGNORECASE,
    ),
    deixis=re.compile(r"\b(?:today|tonight|yesterday|this (?:week|month|year)|last week)\b", re.IGNORECASE),
    target_before=re.compile(r"\b(?:by|until|till|before|due in|planned for|scheduled for)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE),
    participle_before=re.compile(r"(?!)"),  # English participles read as past tenses: not told apart by their form
    sequence=re.compile(r"\b(?:later|subsequently|eventually|afterwards?|then|thereafter|soon after|years after|decades after)\b"
                        r"|\b(?:before|after) (?:the|his|her|its|their|this|that)\b", re.IGNORECASE),
    anniversary=re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\b", re.IGNORECASE),
    comparison=re.compile(r"\b(?:up|down|rose|risen|fell|fallen|grew|grown|increased|decreased|dropped) from\b"
                          r"|\bcompared (?:with|to)\b|\bthan in\b|\bas against\b", re.IGNORECASE),
    actor_since=_since((
        (r"\bDuma\b", 1993), (r"\bPutin\b", 1999), (r"(?<!Roy )\bMedvedev\b", 2008), (r"\bMemorial\b", 1988),
        (r"\bLevada\b", 1988), (r"\bVTsIOM\b", 1987), (r"\bFSB\b", 1995), (r"\bGorbachev\b", 1985),
        (r"\bYeltsin\b", 1990), (r"\bKhrushchev\b", 1953), (r"\bBrezhnev\b", 1964), (r"\bRussian Federation\b", 1991),
    )),
)

RUSSIAN = DatingCues(
    terror_after=re.compile(
        rf"\s*(?:года|годов|годах|году|гг?\.)?\s*(?:[\w-]+\s+)?(?:был[аои]?\s+)?(?P<w>(?:{_TERROR_RU}|расстрелян|арестован"
        r"|репрессирован|депортирован|казнен|казнён|убит|погиб|умер|родил)\w*)",
        re.IGNORECASE,
    ),
    terror_before=re.compile(rf"(?P<w>(?:{_TERROR_RU})\w*)\s+(?:[\w-]+\s+)?(?:в\s+|во\s+время\s+|с\s+)?$", re.IGNORECASE),
    reported_now=re.compile(
        r"\b(?:сегодня|вчера|накануне|ныне|сейчас|на (?:этой|прошлой) неделе|в этом году"
        r"|в (?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))\b",
        re.IGNORECASE,
    ),
    deixis=re.compile(r"\b(?:сегодня|вчера|на (?:этой|прошлой) неделе|в этом году|в этом месяце)\b", re.IGNORECASE),
    target_before=re.compile(r"(?:\b(?:к|до|по)\s+(?:концу\s+)?|\bзапланирован\w*\s+на\s+)$", re.IGNORECASE),
    participle_before=re.compile(  # a past active or passive participle: "вышедших", "изданные", "открытого"
        r"\b(?P<w>\w+(?:вш|ш|нн|ен|т)(?:ий|ая|ое|ее|ие|его|ей|их|ым|ыми|ими|ого|ую|ую|ый|ые|ых|ой))\s+(?:в|во)\s+$",
        re.IGNORECASE,
    ),
    sequence=re.compile(r"\b(?:позже|позднее|впоследствии|затем|потом|спустя|вскоре|после этого)\b|\b(?:после|перед) [а-яё]{3,}", re.IGNORECASE),
    comparison=re.compile(r"\bпо сравнению с\b|\bпротив \d|\bчем в\b|\bтак (?:считали|думали|отвечали)\b"
                          r"|\bза последн\w+ (?:время|год|годы|лет)\b", re.IGNORECASE),
    anniversary=re.compile(r"\b(?P<n>\d{1,3})\s*-?\s*(?:лети[еяюи]\w*|(?:[ийюя]|ю|й)\s+годовщин\w*)", re.IGNORECASE),
    actor_since=_since((
        (r"\bДум[аеуыой]+\b", 1993), (r"\bПутин", 1999), (r"(?<!Рой )\bМедведев", 2008), (r"\bМемориал", 1988),
        (r"\bЛевада", 1988), (r"\bВЦИОМ\b", 1987), (r"\bФСБ\b", 1995), (r"\bГорбач[её]в", 1985), (r"\bЕльцин", 1990),
        (r"\bХрущ[её]в", 1953), (r"\bБрежнев", 1964), (r"\bРоссийск\w+ Федераци", 1991),
    )),
)

CUES = {"en": ENGLISH, "ru": RUSSIAN}
