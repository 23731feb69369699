"""What a figure counts: the noun phrase after the number ("about 22,000 Poles", "72 percent of
Russians", "over 20,000 people were killed"). A few words at most, by word shape and a stop list,
without a parser: it names the figure in listings and lets `figures --about WORD` find it."""

from __future__ import annotations

import re

from chronika.extract.figures_gloss import complement, done_around, glossed
from chronika.extract.figures_shares_ru import russian_share
from chronika.extract.russian import RUSSIAN_WORD, lemma
from chronika.extract.timex_durations import CODE

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
# the units of time a figure may count in, as the time expressions read them, singular and plural
TIME_UNITS = {form for unit in CODE if unit != "fortnight" for form in (unit, "centuries" if unit == "century" else unit + "s")}
_LEADING = {"other", "more", "new", "additional", "further", "extra", "such", "different", "individual", "some"}
_DETERMINERS = {"the", "these", "those", "its", "their", "his", "her", "our", "your", "my", "a", "an", "all", "of"}
PARTICIPLES = set(
    """shot killed executed arrested repressed deported exiled rehabilitated sentenced convicted imprisoned polled
    surveyed murdered wounded captured released expelled purged dekulakized resettled evicted dispossessed
    interviewed questioned elected registered buried""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_GAP = re.compile(r"[ \t]*,[ \t]*(?=[^\W\d_])|[ \t]+|[ \t]*\n[ \t]*(?!\n)")


def counted_after(text: str, position: int, *, percent: bool = False, share: bool = False) -> tuple[str | None, int, int]:
    """The noun phrase that starts at `position` (after a figure), where its first part ends (a
    figure's span stops there) and where it ends: a head and what qualifies it, stopping at a
    function word, punctuation or a verb (`_phrase`); for a percentage, "percent of X" when "of X"
    follows (or X, after a share: "seven in ten Russians"). (None, position, position) when there
    is none."""
    words = _words(text, position, _LONGEST + 2)
    if words and "," in text[position : words[0][1] - len(words[0][0])]:
        return None, position, position  # "to 8,189.49, leaving the index ...": a new clause, not what it counts
    if percent:
        if words and words[0][0].lower() == "of":
            words = words[1:]
        elif words and _CYRILLIC.match(words[0][0]) and words[0][0].lower() not in _STOP:
            pass  # Russian puts what a share is of right after it, in the genitive: "70% россиян"
        elif not share or not words or re.fullmatch(r"[a-z]+ed", words[0][0]):
            return None, position, position  # "60 percent support", "roughly half refused"
        phrase, end, phrase_end = _phrase(words, text)
        return (f"percent of {phrase}", end, phrase_end) if phrase else (None, position, position)
    if words and words[0][0].lower() == "of":
        words = words[1:]
    phrase, end, phrase_end = _phrase(words, text)
    return (phrase, end, phrase_end) if phrase else (None, position, position)


def _words(text: str, position: int, limit: int) -> list[tuple[str, int]]:
    """Up to `limit` words from `position` on within one paragraph (across commas), each with its end."""
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


_JOINERS = {"and", "or", "и", "или"}
_LONGEST = 12  # words: the longest phrase a figure's counted thing may be
_LIST_GAP = re.compile(r"[ \t]*,[ \t]*")


def _content(word: str) -> bool:
    """Whether a word may open what a phrase goes on with after "of" or "and" (no function word, no verb)."""
    low = word.lower()
    return not (low in _STOP or low in PARTICIPLES or _russian_break(word) or low.endswith("ed") and "-" not in low)


def _phrase(words: list[tuple[str, int]], text: str = "") -> tuple[str | None, int, int]:
    """The noun phrase the words open and where its first part ends (the figure's span stops
    there): the head with the words that qualify it ("heads of families", "Latvian army and police
    officers, clerks, and teachers"). A comma goes on only with a
    list that "and" or "or" closes; without `text` the phrase ends at its first "of" or "and".
    Returns the phrase as written, where its first part ends and where it ends."""
    while words and words[0][0].lower() in _DETERMINERS:
        words = words[1:]
    while words and words[0][0].lower() in _LEADING:
        words = words[1:]
    taken: list[tuple[str, int]] = []
    first_part = 0
    open_list = 0  # how many words came before the list comma no "and" has closed yet
    for index, (word, word_end) in enumerate(words[:_LONGEST]):
        low = word.lower()
        if taken:
            gap = text[taken[-1][1] : word_end - len(word)] if text else " "
            if _LIST_GAP.fullmatch(gap) and text:
                open_list = open_list or len(taken)
            elif gap.strip():
                break
        joins = low in _JOINERS or low == "of"
        following = [w for w, _ in words[index + 1 : index + 3] if w.lower() not in _LEADING][:1]
        if joins and taken and text and following and _content(following[0]):
            first_part = first_part or taken[-1][1]
            open_list = 0 if low in _JOINERS else open_list
            taken.append((word, word_end))
            continue
        if low in _LEADING and taken and taken[-1][0].lower() in _JOINERS:
            taken.append((word, word_end))  # "miners and other workers"
            continue
        if low in PARTICIPLES and taken:
            taken.append((word, word_end))
            break
        verb = low.endswith("ed") and "-" not in low and (taken or low not in PARTICIPLES)
        if low in _STOP or _russian_break(word) or len(word) == 1 and word.isupper() or low.endswith("ly") and len(low) > 4 or verb:
            break
        taken.append((word, word_end))
    if open_list:
        taken = taken[:open_list]
    while taken and (taken[-1][0].lower() in _JOINERS or taken[-1][0].lower() == "of"):
        taken.pop()
    if not taken:
        return None, 0, 0
    end = taken[-1][1]
    if not text:
        return " ".join(word for word, _ in taken), end, end
    first = taken[0][1] - len(taken[0][0])
    return re.sub(r"\s+", " ", text[first:end]), first_part or end, end


# What a figure's sentence says of it, around the noun after the number: the thing counted named
# before it ("the number of deportees is put at about 40,000", "her estimate of the camp deaths is
# put at", "estimated the number of victims of the purge at", "the party's approval rating stood at",
# "Arrests | 13,204", "Of the 1,966 delegates, 1,108 were arrested"), what it is ("about 3,000 were
# engineers"), what happened to it ("90,000 persons had been exiled", "2 million people passed
# through the camps") and how its source qualifies it ("1.1 million (archival count)").
_MEASURES = r"(?:numbers?|estimates?|totals?|tolls?|figures?|counts?|population|shares?|proportion|percentage|ratings?)"
_MEASURE_VERBS = (r"(?:estimated|put|placed|reached|stood|stands|rose|fell|totall?ed|amounted|came|grew|declined|increased|"
                  r"exceeded|ranges?|ranged|varied|varies|went\s+up|went\s+down|dropped|to\s+be|was|were|is|are)")
_NUMBER_OF = re.compile(
    rf"\b(?P<head>(?:[\w'’-]+\s+){{0,2}}?{_MEASURES})\s+(?:of|for)\s+(?P<what>[^\W\d][^.!?;|\n]{{2,120}}?)\s*,?\s+"
    rf"(?:(?:(?:is|was|were|are|has|had|have)\s+(?:been\s+)?)?{_MEASURE_VERBS}\b|at\s*$)",
    re.IGNORECASE,
)
_RATED = re.compile(  # "the party's approval rating stood at"
    rf"(?P<what>(?:[\w'’-]+\s+){{1,4}}(?:rating|record|population|toll|level))\s+{_MEASURE_VERBS}\b[^.!?;\n]{{0,20}}$",
    re.IGNORECASE,
)
# Who a share is of, named before it as the subject of a change ("The number who trust the courts
# fell from 41% to 30%", "those who fear them grew sharply, from 12% to 19%").
_WHO = re.compile(
    r"\b(?:(?:the\s+)?(?:number|share|proportion|percentage)(?:\s+of\s+[^\W\d][\w'’-]*)?|those|people|respondents)\s+"
    r"(?P<who>who\s+[^.!?;|\n\d%]{2,80}?)\s*,?\s+(?:has\s+|have\s+)?(?:slightly\s+)?(?:declined|rose|fell|increased|"
    r"decreased|dropped|grew|went\s+(?:up|down)|stood|reached)\b(?:\s+\w+ly)?,?\s+(?:from|to|at)\b[^.!?;\n]{0,20}$",
    re.IGNORECASE,
)
_WHO_RU = re.compile(  # "Доля тех, кто доверяет судам, сократилась — с 41% ... до", "Те, кто боится их, выросли с"
    r"(?:(?:доля|число|количество)\s+(?:тех|людей|россиян|респондентов|опрошенных)|\bте)\s*,\s*(?P<who>кто\s+[^.!?;|\n\d%]{2,80}?)"
    r"\s*,?\s+(?:также\s+|ещё\s+|еще\s+)?[а-яё]+(?:ась|ось|ся|ла|ло|ли|ил|ал)\b\s*[-–—]?\s*(?:с|до|на)\b[^.!?;\n]{0,25}$",
    re.IGNORECASE,
)
# Russian names what a number counts before it as English does: "число погибших составило 300",
# "общее количество репрессированных достигает", "число жертв оценивается в" (never "их число":
# what "их" stands for is in another sentence).
_NUMBER_OF_RU = re.compile(
    r"\b(?:общее\s+|точное\s+)?(?:число|количество)\s+(?P<what>[а-яё][а-яё\s-]{2,60}?)\s*,?\s+"
    r"(?:(?:по\s+\w+\s+(?:данным|оценкам)\s+)?(?:составил[оа]?|составляет|достиг(?:ло|ла|ает|нет|ло\s+бы)?|"
    r"может\s+достигать|превысил[оа]?|превышает|оценивается\s+в|насчитывает|было|равно|составит))"
    r"(?:\s+(?:в|до|около|более|свыше|почти|примерно|порядка))*\s*$",
    re.IGNORECASE,
)
_COUNTED_PLAIN = {"number", "numbers", "total", "totals", "count", "counts"}  # "the number of victims" counts victims
_LABEL = re.compile(r"(?:^|\n|\|)\s*(?P<label>[^\W\d][\w' -]{2,40}?)\s*\|\s*$")
_OF_WHOLE = re.compile(r"^\s*(?:\[\w{1,3}\]\s*)*Of\s+the\s+(?P<whole>(?:total\s+)?[^\W\d][\w'’ -]{2,60}?),", re.IGNORECASE)
_MARK = re.compile(r"(?:\[\w{1,3}\])+")  # a reference mark right after the figure: "900,000[c] died"
_PREPOSITIONS = (r"due\s+to|as\s+a\s+result\s+of|in\s+favou?r\s+of|to|through|in|into|at|from|of|by|during|under|for|"
                 r"across|near|within|with|on|since|after|before|between|and|or|but|while")
_COMPLEMENT = (  # up to two phrases after the verb: "passed through the camps", "died due to hunger in the settlements"
    rf"(?:\s+(?:{_PREPOSITIONS})(?:\s+(?!(?:{_PREPOSITIONS})\b)[\"“”'‘’]*[^\W\d][\w'’-]*[\"“”'‘’]*){{1,4}}){{0,2}}"
)
_PASSIVE = re.compile(
    # plural auxiliaries only: in "about 9,000 Latvians was recorded" what was recorded is not the Latvians
    r"\s*(?:,\s*)?(?:were|had\s+been|have\s+been|are|being)\s+(?:\w+ly\s+)?[\"“]?"
    r"(?P<done>[a-z]+ed|shot|slain|born|sent|held|taken|hit|beaten|thrown|driven|given|sentenced)\b[\"”]?"
    r"(?:\s+(?:and|or)\s+[a-z]+ed\b)?" + _COMPLEMENT,
    re.IGNORECASE,
)
_DIED = re.compile(
    r"\s*(?:(?:had|have|may\s+have|might\s+have)\s+)?(?P<done>died|perished|starved|disappeared|vanished|survived|fled|"
    r"passed|voted|escaped|returned|emigrated|fell)\b" + _COMPLEMENT,
    re.IGNORECASE,
)
_WERE = re.compile(r"\s+(?:were|was)\s+(?=[^\W\d])", re.IGNORECASE)  # "about 3,000 were engineers"
_QUALIFIER = re.compile(r"\s*\((?P<how>[^\W\d][^()\d]{3,40})\)")  # "1.1 million (archival count)"
_SHARE_VERB = re.compile(r"\s*(?:[–—:]\s*)?(?P<says>(?:[^\W\d][\w'’-]*\s+){0,10}?[^\W\d][\w'’-]*)(?=\s*(?:[.,;:()\[\]–—]|\s-\s|$))")
_FUNCTION = set("and or but nor of in on at to from by with the a an than as while which whom that this these those its "
                "their his her up down since before after for per during over under between among".split())
_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-ZА-ЯЁ\"“\[])|\n")


def described(text: str, start: int, end: int, counted: str | None, *, percent: bool) -> str | None:
    """What a figure at text[start:end] counts (`_described`), without the time its words end with
    ("$3 million last year", "2% so far this year": the year is when, not what is counted)."""
    counted = _described(text, start, end, None if counted is not None and _WHEN.fullmatch(counted.strip()) else counted,
                         percent=percent)
    if counted is None or (when := _WHEN.search(counted)) is None:
        return counted
    return counted[: when.start()].strip() or None


def _described(text: str, start: int, end: int, counted: str | None, *, percent: bool) -> str | None:
    """What a figure at text[start:end] counts (`_read_sentence`); in Russian with what was done
    to it, wherever the clause says it ("в лесу было расстреляно 3 200 польских офицеров"), and its
    English beside it ("польских заключённых расстреляно (Polish prisoners shot)")."""
    if percent and _CYRILLIC.search(text[max(0, start - 40) : start] + text[end : end + 40]):
        before = _sentence_before(text, start)
        named = None if counted else _named_before(before, percent)
        return glossed(named or russian_share(text, start, end, counted, before))
    if counted is not None and _DISTANCE.fullmatch(counted):
        return glossed(counted + _distance_from(text, end))
    if counted is not None and re.match(r"\w+\s+(?:and|or)\s", counted) and counted.split()[0].lower() in TIME_UNITS:
        counted = counted.split()[0]  # "within ten days and heard without ...": the list is the clause's, not the unit's
    if counted is not None and (counted.lower() in TIME_UNITS or _russian_span(counted)):
        return glossed(counted + _span_of(text, start, end))
    counted = _read_sentence(text, start, end, counted, percent=percent)
    if counted and _CYRILLIC.search(counted) and not percent:
        done = done_around(text, start, end)
        participle = _participle_after(text, end)
        if done and participle and participle.startswith(done):
            done = None  # the participle after the comma says it, with what it adds ("казнённых немцами")
        counted = f"{counted} {done}" if done and done not in counted else counted
        if participle and participle not in counted:  # its English apart: the head's stays first
            return f"{glossed(counted)}, {glossed(participle)}"
    return glossed(counted)


# When a figure was, said right after what it counts: "percent last year", "(dollars) so far this year".
_WHEN = re.compile(r"(?:^|\s)(?:(?:so\s+far|earlier|later)\s+)?(?:last|next|this)\s+(?:year|month|week|quarter|decade|"
                   r"spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$",
                   re.IGNORECASE)

# A distance is measured from a place: "8 miles (13 km) north of Minsk", "в 12 километрах от
# Петрозаводска", "в 20 км к востоку от Твери".
_DISTANCE = re.compile(r"km|kilomet(?:er|re)s?|miles?|км|километр\w*|вёрст|верст\w*", re.IGNORECASE)
_CONVERSION = re.compile(r"\s*\([^()\n]{1,24}\)")
_CLOSING = re.compile(r"\)")
_FROM_PLACE = re.compile(
    r"\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|(?:away\s+)?from|outside(?:\s+of)?)"
    r"(?:\s+the\s+[a-z][\w-]*|(?:\s+the)?(?:\s+[A-Z][\w'’-]*){1,3})"
)


def _distance_from(text: str, end: int) -> str:
    """The place a distance is measured from, as written after it (a conversion in brackets skipped)."""
    conversion = _CONVERSION.match(text, end) or _CLOSING.match(text, end)  # or the conversion itself: "(19 km)"
    position = conversion.end() if conversion else end
    if _CYRILLIC.search(text[position : position + 8]):
        return complement(text, position)
    place = _FROM_PLACE.match(text, position)
    return place.group() if place else ""


# A span of time measures what its clause tells: the time passed since something ("Thirty years
# have passed since the camp was closed"), where it was spent ("17 years in camps"), or, said
# before it, what lasted ("public debate on the camps had been all but silenced for the past").
_SINCE = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:passed|elapsed|gone\s+by)\s+(?:since\s+[^.,;:!?()\n]{3,80})?",
                    re.IGNORECASE)
_SPENT_IN = re.compile(r"\s+(?:in|of|behind)\s+(?:the\s+)?[^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*){0,3}?(?=\s*(?:[.,;:!?()]|$))")
_CLAUSE_BEFORE = re.compile(r"[.!?;:()\[\]—–\n]|,(?!\d)|\s--\s")


# A span of time that dates something, says how often it recurs or is the time of a rate is no
# measure: "two days later", "ten years ago", "three weeks after the trial", "every 7-10 days",
# "$1.76 a year"; "три дня назад", "через 65 лет после ...", "за два дня до гонки", "каждые пять лет".
_OFFSET_AFTER = re.compile(r"\s+(?:later|ago|earlier|afterwards?|before|after|following|hence|since|on|from\s+now|"
                           r"назад|спустя|тому\s+назад|после|до|перед)\b", re.IGNORECASE)
_RATE = re.compile(r"\b(?:a|an|per|each|every|в)\s+$", re.IGNORECASE)
_OFFSET_BEFORE = re.compile(r"\b(?:every|each|через|спустя|каждые|каждый|каждую|каждое|раз\s+в)\s+$", re.IGNORECASE)


def time_reading(text: str, start: int, end: int, counted: str | None, unit: str | None) -> tuple[bool, str | None]:
    """Whether the figure at text[start:end] stays a figure once its span of time is read, and what
    it then counts. An amount per unit of time counts its unit per span ("$1.76 a year": "dollars a
    year"); a span that dates something or says how often, or a rate with no unit to count, is no
    figure ("two days later", "every five years", "358,000 a month"). Any other figure stays as it is."""
    head = re.match(r"[^\W\d_]+", counted or "")
    if head is None or not (head.group().lower() in TIME_UNITS or _russian_span(head.group())):
        return True, counted
    at = text.find(head.group(), start)
    rate = _RATE.search(text, max(start, at - 12), at) if at >= 0 else None
    if rate is not None and unit and head.group().lower() in TIME_UNITS:
        return True, f"{unit} {rate.group().strip()} {head.group()}"
    after = at + len(head.group()) if at >= 0 else end
    offset = _OFFSET_AFTER.match(text, after) or _OFFSET_BEFORE.search(text, max(0, start - 20), start)
    return rate is None and offset is None, counted


def _russian_span(counted: str) -> bool:
    """Whether a Russian counted thing is a unit of time alone ("лет", "дней", "часов")."""
    return " " not in counted and bool(_CYRILLIC.match(counted)) and lemma(counted.lower())[0] in _RUSSIAN_TIME_UNITS


_RUSSIAN_TIME_UNITS = {"год", "месяц", "неделя", "день", "сутки", "час", "минута", "десятилетие", "век"}


def _span_of(text: str, start: int, end: int) -> str:
    """What a span of time at text[start:end] measures, as its clause tells it (`_SINCE`,
    `_SPENT_IN`, else at most the last twelve words of its clause before it), as written."""
    if (after := _SINCE.match(text, end) or _SPENT_IN.match(text, end)) is not None:
        return " " + " ".join(after.group().split())
    if _CYRILLIC.search(text[end : end + 12]) and (where := complement(text, end).strip()):
        return " " + where  # "10 лет в лагерях"
    before = text[max(0, start - 200) : start]
    clause = before[max((m.end() for m in _CLAUSE_BEFORE.finditer(before)), default=0) :]
    words = clause.split()[-12:]
    while words and words[0].lower() in _STOP:
        words = words[1:]
    if len(words) < 2:
        return ""
    return ": " + " ".join(words)


_PARTICIPLE_GAP = re.compile(r"[ \t]*,[ \t]*")
_PARTICIPLE_END = re.compile(r"[,.;:!?()\[\]\n—–]")


def _participle_after(text: str, end: int) -> str | None:
    """A Russian participial phrase that qualifies what a figure counts, set off by a comma right
    after it ("14 736 военнопленных, находящихся в специальных лагерях НКВД"): up to nine words, to
    the end of its clause; None when the words after the comma are no participle."""
    gap = _PARTICIPLE_GAP.match(text, end)
    if gap is None:
        return None
    stop = _PARTICIPLE_END.search(text, gap.end(), gap.end() + 100)
    words = list(RUSSIAN_WORD.finditer(text[gap.end() : stop.start() if stop else gap.end() + 100]))
    if not words or words[0].start() != 0 or lemma(words[0].group().lower())[1].split(",")[0] != "PRTF":
        return None
    words = words[:9]
    return text[gap.end() : gap.end() + words[-1].end()]


def _read_sentence(text: str, start: int, end: int, counted: str | None, *, percent: bool) -> str | None:
    """What a figure at text[start:end] counts as its sentence tells it: the noun after it, or
    else the thing its sentence names for it before it; with what was done to it or what the share
    says, where the words right after it tell ("were executed", "died", "approve his role"), and
    how the source qualifies it in a parenthesis right after it."""
    before = _sentence_before(text, start)
    mark = _MARK.match(text, end)
    end = mark.end() if mark else end
    if counted is None:
        counted = _named_before(before, percent)
    if counted is None and not percent and (were := _WERE.match(text, end)) is not None:
        counted, _, end = counted_after(text, were.end())
        if counted is not None and (whole := _OF_WHOLE.match(before)) is not None:
            counted = f"{counted}, of the {whole.group('whole')}"  # "Of the total arrested, about 3,000 were engineers"
    qualifier = _QUALIFIER.match(text, end)
    how = f" ({qualifier.group('how').strip()})" if qualifier else ""
    if percent:
        says = _SHARE_VERB.match(text, end)
        if says is None or says.group("says").split()[0].lower() in _FUNCTION:
            return f"{counted}{how}" if counted else counted
        return f"{counted or 'percent'} {says.group('says')}"  # "48 % call it mostly good"
    done = _PASSIVE.match(text, end) or _DIED.match(text, end)
    if done is None:
        return f"{counted}{how}" if counted else None
    what_happened = _clean(text[done.start("done") : done.end()])
    return f"{counted} {what_happened}{how}" if counted else what_happened


def _sentence_before(text: str, start: int) -> str:
    """The words of the sentence before `start` (at most 240 characters)."""
    before = text[max(0, start - 240) : start]
    return before[max((m.end() for m in _SENTENCE_START.finditer(before)), default=0) :]


def _clean(words: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[\"“”]", "", words)).strip()


def _named_before(before: str, percent: bool) -> str | None:
    """The thing a figure's sentence names for it before it: a table's label, "the number of X is
    estimated at", "estimated the number of X at", "the approval rating stood at"."""
    if (m := _LABEL.search(before)) is not None:
        return m.group("label").strip()
    if not percent and (russian := _NUMBER_OF_RU.search(before)) is not None:
        return russian.group("what").strip()  # "число погибших составило": погибших
    named = list(_NUMBER_OF.finditer(before))
    if named and named[-1].end() > len(before) - 60:
        head = named[-1].group("head")
        what = re.sub(r"^(?:the\s+)?(?:total\s+)?(?:number|count)s?\s+of\s+", "", named[-1].group("what").strip())
        head_words = head.split()
        if head_words[-1].lower() not in _COUNTED_PLAIN:
            what = f"{' '.join(w for w in head_words if w.lower() not in _DETERMINERS)} of {what}"
        return f"percent of {what}" if percent else what
    who = _WHO.search(before) if percent else None
    if who is not None:
        return f"percent {who.group('who').strip()}"
    who = _WHO_RU.search(before) if percent else None
    if who is not None:
        return f"percent: тех, {who.group('who').strip()}"
    rated = _RATED.search(before)
    if rated is not None:
        what = " ".join(w for w in rated.group("what").split() if w.lower() not in _DETERMINERS)
        return f"percent: {what}" if percent else what
    return None
