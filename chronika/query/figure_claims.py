"""Figures as claims that can be compared: like with like. A claim is a figure about one subject
(an event or site of the terror, a poll) and one attribute (people killed, people who passed
through the camps, people buried, a share approving of Stalin ...), read from the figure's
counted words and its clause, in English and Russian; the subject from its sentence, else the
passage before it, else its document's title. A figure whose subject or attribute cannot be read
makes no claim: a false conflict costs more than a missing one.

A part of a whole ("including about 3,000 officers", "Of the total shot, 2,000 were teachers")
is compared only with parts that name the same thing, and only to corroborate; a
share is compared only with shares of the same year."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from chronika.extract.glossary_ru import DONE
from chronika.records.stored import StoredFigure
from chronika.query.texts import Texts
from chronika.query.named_years import NamedYears
from chronika.store import Store

# The events and sites of the terror and its memory that sources give figures about, as data:
# (subject, pattern over the lower-cased text, English and Russian).
SUBJECTS: list[tuple[str, str, int | None]] = [
    # Katyn also by what it was: the 1940 shooting of Polish prisoners of war and officers.
    ("Katyn massacre", r"katyn|катын|mednoye|медное|kharkiv prison|piatykhatky|пятихатк|"
     r"(?:execution|shooting|massacre)s? of (?:the )?polish (?:officers|prisoners|pows)|расстрел\w* польских (?:военнопленных|офицеров)", 1940),
    ("Order No. 00447 (the kulak operation)", r"00447|kulak operation|кулацк\w* операц", 1937),
    ("famine of 1932-33", r"holodomor|голодомор|famine|голод(?:а|е|у|ом)?\b", 1931),
    ("Gulag", r"gulag|гулаг|labou?r camps?|исправительно-трудов", 1918),
    ("Great Terror (1937-38)", r"great terror|great purge|yezhovshchina|ezhovshchina|ежовщин|большой террор|большого террора", 1936),
    ("Butovo firing range", r"butovo|бутов", 1937),
    ("Kommunarka", r"kommunarka|коммунарк", 1937),
    ("Sandarmokh", r"sandarmokh|сандармох", 1937),
    ("Levashovo", r"levashovo|левашов", 1937),
    ("Kurapaty", r"kurapaty|курапат", 1937),
    ("Bykivnia", r"bykivnia|быковн", 1937),
    ("Solovki", r"solovki|solovetsk|соловк|соловецк", 1923),
    ("Kolyma", r"kolyma|колым", 1931),
    ("dekulakization", r"dekulak|раскулач", 1929),
    ("deportation of peoples", r"deportation of (?:the )?(?:chechens|ingush|crimean tatars|volga germans|kalmyks)|депортаци\w* (?:чечен|ингуш|крымских татар|немцев|калмык)", 1941),
    ("Levada Center poll", r"levada|левада", None),
    ("VTsIOM poll", r"vtsiom|вциом", None),
]
_SUBJECTS = [(subject, re.compile(pattern)) for subject, pattern, _ in SUBJECTS]
_POLLS = {subject for subject, _, _ in SUBJECTS if subject.endswith(" poll")}
_FIRST_YEAR = {subject: first for subject, _, first in SUBJECTS}

# What a count is of, by the words that say what happened (checked in this order: "condemned, of
# whom 90,000 were shot" is a count of the executed).
ATTRIBUTES: list[tuple[str, str]] = [
    ("prisoners held in the camps (passed through)", r"passed through|прош(?:ли|ло|ел|ёл) через"),
    ("people killed (shot, executed)", r"\bshot\b|shooting|execut|\bkill|murder|massacre|slaughter|расстрел|казн|убит|убий"),
    ("deaths", r"\b(?:victim|death|died|perish|dead\b|casualt|lives\b)|погиб|умер|смерт|жертв"),
    ("people buried", r"buried|burial|захорон|похорон"),
    ("people deported", r"deport|exiled|депорт|выслан|высел"),
    ("people arrested", r"arrest|арест"),
    ("people condemned", r"condemn|sentenced|осужд|приговор"),
]
_ATTRIBUTES = [(attribute, re.compile(pattern)) for attribute, pattern in ATTRIBUTES]
# Shares: what the respondents said of Stalin (disapproval before approval: "disapprove" holds "approve").
SHARES: list[tuple[str, str]] = [
    ("share disapproving of Stalin", r"disapprov|disprov|negativ|unfavou?rabl|отрицательн|негатив"),
    ("share approving of Stalin", r"approv|favou?rabl|positiv|положительн|одобр"),
]
_SHARES = [(attribute, re.compile(pattern)) for attribute, pattern in SHARES]
# What a count of people is not: things, places and spans of time ("140 burial pits", "12 km").
_NOT_PEOPLE = re.compile(r"\b(?:pits?|graves?|burials|years?|months?|days?|weeks?|hours?|km|miles?|metres|roubles|rubles|"
                         r"dollars|tons?|tonnes|cases|votes|monuments?|camps?|prisons?|books?|cities|towns|villages|"
                         r"nationalities|times|names|sites?|trains?|documents?|pages?|volumes?)\b")
# What a count of people names itself: who they were, or what was done to them (English, and
# Russian with its English gloss).
_PEOPLE = re.compile(
    r"\b(?:people|persons|victims|prisoners|inmates|officers|soldiers|citizens|civilians|men|women|children|peasants|"
    r"kulaks|families|households|poles|ukrainians|russians|germans|jews|deportees|settlers|respondents|delegates|"
    r"priests|clergy|intelligentsia|dead|deaths)\b|человек|люд[иейям]|жертв|заключ[её]нн|военноплен|офицер|граждан|"
    r"крестьян|дет[иея]|семей|поляк|респондент|опрошенн|россиян|спецпереселен|раскулач|священ"
)
_UNITS = re.compile(r"^(?:km|kilomet\w*|miles?|metres?|meters?|hectares?|км|метр\w*|гектар\w*|тонн\w*|рубл\w*)\b")
_SHARE_WORDS = re.compile(r"\b(?:two-thirds|two thirds|one-third|a third|half|a quarter|three-quarters|majority|"
                          r"треть|трети|половин\w*|четверт\w*|большинств\w*)\b")
_SHARE_YEAR = re.compile(r"\s*(?:in|в)\s+((?:19|20)\d\d)\b(?!\s*[-–—]\s*\d|\s*(?:to|до)\b)")  # not a range of years
_PERCENT = re.compile(r"\d\s?%|\d\s+(?:percent|per cent|процент)")
# What else a share may approve of than Stalin himself: a monument, a bust, an idea, a renaming.
_OTHER_OBJECT = re.compile(r"monument|memorial|bust|statue|renam|idea\b|памятник|бюст|идее|иде[юя]|переимен")
# Stalin's approval rating: by what it is, a share of the whole population polled
_STALIN_RATING = re.compile(r"stalin\S*\s+(?:\w+\s+){0,3}(?:approval\s+)?rating|rating\s+(?:of|for)\s+(?:\w+\s+)?stalin|"
                            r"рейтинг\w*\s+(?:\w+\s+){0,2}сталин")
_POPULATION = re.compile(r"russians|respondents|citizens|residents|individuals|россиян|респондент|опрошенн|жител|граждан")
# A count of what was proposed, ordered or allowed, not done ("proposed to shoot 25,000", "a limit of
# 10,000 to be shot", "с предложением расстрелять", "подлежащих расстрелу"): compared only with other plans.
_PLANNED = re.compile(r"\b(?:propos\w*|order\w* (?:the )?(?:shooting|execution|arrest)|limits?|quotas?|to be (?:shot|executed|arrested)|"
                      r"предлож\w*|лимит\w*|подлежа\w*|приказа\w* (?:расстрелять|арестовать)|"
                      r"(?:расстрелять|арестовать|выселить|казнить))\b")
# Events, not places: a count of those held in one kind of place is a part of the event's whole
# ("1.8 to 2.1 million dekulakized died in the special settlements" against all who died of it).
_EVENTS = {"famine of 1932-33", "dekulakization", "Great Terror (1937-38)", "Order No. 00447 (the kulak operation)",
           "deportation of peoples"}
_HELD_IN = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:soviet\s+)?((?:special|labou?r)\s+settlements?|camps|prisons|exile)\b|"
    r"\bв\s+(?:\w+\s+)?(спецпос[её]лк\w*|спецпоселени\w*|трудпоселк\w*|лагерях|тюрьмах|ссылке)"
)
_PART = re.compile(r"(?:including|among them|among whom|of them|в том числе|из них|среди них)\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()\[\]—–]|\band\b|\bи\b")
# Two counts one sentence adds up: "..., as well as 10,685 Poles", "..., а также 10685 поляков".
_JOINED = re.compile(r"^[^.;:!?()\[\]]{0,160}?(?:,\s*|\s)(as well as|and another|and a further|plus|а также|а ещё|а еще|и ещё|и еще)\s+$",
                     re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
          r"октября|ноября|декабря)\.?")
# A count up to a date, opening its sentence ("By March 1, 1938, 120,000 had been exiled",
# "К 1 января 1938 года ..."): an interim count, compared only with counts to the same date.
_AS_OF = re.compile(r"^\W*(?:by(?: the (?:end|start|beginning|middle) of)?|as of|к(?: (?:концу|началу|середине))?|на)\s+"
                    rf"((?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?(?:\d{{1,2}},?\s+)?(?:18|19|20)\d\d)\b", re.IGNORECASE)
# the English the gloss gives what was done to what a Russian figure counts
_DONE_GLOSS = re.compile(r"\s(?:" + "|".join(sorted({re.escape(v.split()[0]) for v in DONE.values()})) + r")\b")
CONTEXT = 600  # characters before a figure's sentence where its subject may be named


@dataclass(frozen=True)
class FigureClaim:
    """A figure read as a claim: about what, of what, a part or the whole, and the words that tell."""

    figure: StoredFigure
    subject: str
    attribute: str
    part: str | None  # the thing a part of a whole names ("officers"), None for the whole
    year: int | None  # for shares: the year the poll gives
    start: int  # its sentence
    end: int
    text: str
    why: str
    sure: bool = True  # its subject named in its sentence, or its attribute in what it counts
    as_of: str | None = None  # an interim count: the date its sentence counts up to ("January 1, 1938")

    @property
    def label(self) -> str:
        """The attribute as claims are grouped by: with the part, the poll's year, the interim date."""
        return (self.attribute + (f": {self.part}" if self.part else "") + (f" ({self.year})" if self.year else "")
                + (f" (as of {self.as_of})" if self.as_of else ""))


def read_claims(store: Store, texts: Texts | None = None) -> list[FigureClaim]:
    """Every sure figure that makes a claim about a known subject and attribute."""
    texts = texts or Texts(store)
    titles = {t.document: t.title for t in store.document_titles()}
    documents = {int(d.id[1:]): d for d in store.documents()}
    named = NamedYears(store)
    out: list[FigureClaim] = []
    for figure in store.figures():
        doc = figure.document
        if not texts.about_the_terror(doc):
            continue  # news of a bombing or of migrants who died of hunger is about no event of the terror
        text = texts(doc)
        start, end = store.sentence_at(doc, figure.start)
        dated = documents[doc].date
        year = dated.start.year if dated is not None and not dated.inferred else None
        from_name = False
        if year is None and figure.unit == "percent":  # a poll's year, where the document states none
            year = named.year(documents[doc])
            from_name = year is not None
        claim = read_claim(figure, text, start, end, titles.get(doc, ""), year, from_name)
        if out and (whole := _sum(out[-1], figure, claim, text)) is not None:
            out[-1] = whole  # "14 000 prisoners of war in three camps, as well as 10 000 Poles": one count of both
        elif claim is not None:
            out.append(claim)
    return out


def _sum(first: FigureClaim, figure: StoredFigure, own: FigureClaim | None, text: str) -> FigureClaim | None:
    """The claim of two counts of people that one sentence joins with "as well as" ("а также"): the
    sum of both, when the second says nothing else was done to its people than the first's."""
    one = first.figure
    if (figure.document != one.document or not one.end <= figure.start < first.end or first.part is not None
            or first.year is not None or one.unit == "percent" or figure.unit == "percent"):
        return None
    joined = _JOINED.search(text[one.end : figure.start])
    counted = (figure.counted or "").lower()
    if joined is None or not _PEOPLE.search(counted) or _NOT_PEOPLE.search(_head(counted)):
        return None
    if own is not None and (own.subject, own.attribute, own.part) != (first.subject, first.attribute, None):
        return None
    if own is None and any(cue.search(counted) for _, cue in _ATTRIBUTES):
        return None  # "1,000 prisoners shot, as well as 500 arrested": two things done
    both = replace(one, end=figure.end, text=text[one.start : figure.end], value=one.value + figure.value,
                   low=None, high=None, approximate=one.approximate or figure.approximate,
                   counted=f"{one.counted} + {figure.counted}")
    return replace(first, figure=both, why=first.why + f"; the sum of two counts its sentence joins ('{joined.group(1)}'): "
                   f"{one.text} + {figure.text}")


def read_claim(figure: StoredFigure, text: str, start: int, end: int, title: str, year: int | None,
               year_from_name: bool = False) -> FigureClaim | None:
    """The claim a figure makes, or None when its subject or attribute cannot be read. `year` is the
    document's (`year_from_name`: the year its file's name gives, its text stating no date). The
    caller asks first whether the document speaks of the terror at all (`Texts.about_the_terror`)."""
    sentence = text[start:end]
    subject, where = _subject(sentence, text[max(0, start - CONTEXT) : start], title)
    if subject is None and figure.unit == "percent":
        subject, where = _only_poll(text), "the one poll its document names"
    if subject is None:
        return None
    counted = (figure.counted or "").lower()
    clause = _clause_before(text, start, figure.start).lower()
    if figure.unit == "percent":
        if not _POPULATION.search(counted + " " + clause) and not _STALIN_RATING.search(counted + " " + clause):
            return None  # a breakdown ("48 % call it mostly good") is no claim about the whole
        if _OTHER_OBJECT.search(counted + " " + clause):
            return None  # approving of a monument or a renaming is not approving of Stalin
        attribute = next((a for a, cue in _SHARES if cue.search(counted) or cue.search(clause)), None)
        stated = [int(y) for y in _YEAR.findall(sentence)]
        shares = len(_PERCENT.findall(sentence)) + len(_SHARE_WORDS.findall(sentence.lower()))
        # A year right after a share is its poll's ("47 percent in 2012"); a year beside two or more
        # shares may be another wave's ("37 % (in 2010, 27 %)", "47 percent in 2012, but now nearly three-quarters").
        own = _SHARE_YEAR.match(text, figure.end)
        poll_year = (int(own.group(1)) if own else stated[0] if len(stated) == 1 and shares == 1
                     else year if not stated else None)
        if attribute is None or poll_year is None:
            return None
        return FigureClaim(figure, subject, attribute, None, poll_year, start, end, sentence,
                           f"{subject} ({where}); {attribute} ({figure.counted}); poll of {poll_year}"
                           + (" (the year in the file's name)" if year_from_name and not stated else ""),
                           where != "its document's title")
    if figure.value < 100 or _NOT_PEOPLE.search(_head(counted)):
        return None
    if not re.search(r"\d", figure.text) and figure.low is not None and figure.high is not None:
        return None  # a vague plural ("millions of victims") asserts no estimate to compare
    around = counted or text[figure.end : min(end, figure.end + 80)].lower()
    attribute = next((a for a, cue in _ATTRIBUTES if cue.search(counted)), None)
    told = f"counts '{figure.counted}'"
    if attribute is None:
        attribute = next((a for a, cue in _ATTRIBUTES if cue.search(clause) or cue.search(around)), None)
        told = "its clause says"
    part = _part(figure, text)
    if part is None and _dated_before(subject, sentence):
        return None  # "300 children died of hunger in 1929" counts nothing of the famine of 1932-33
    if attribute is None and part is not None:  # "22,000 were shot, including about 8,000 officers"
        attribute = next((a for a, cue in _ATTRIBUTES if cue.search(text[start : figure.start].lower())), None)
        told = "its sentence says of the whole"
    if attribute is None:
        return None
    if part is None and subject in _EVENTS and (held := _HELD_IN.search(sentence.lower())) is not None:
        part = held.group(1) or held.group(2)  # "погибли ... в спецпоселках": those who died there, a part of the event's dead
    if where == "named before it" and _subject("", "", title)[0] == subject:
        where += " and in its document's title"  # two places agree on what the sentence speaks of
    sure = where in ("named in its sentence", "named before it and in its document's title") or told.startswith("counts")
    if _PLANNED.search(clause) or _PLANNED.search(counted):
        attribute += ", as planned or ordered"
        told += "; a plan or order, not what was done"
    interim = _AS_OF.match(sentence)
    as_of = " ".join(interim.group(1).lower().split()) if interim and interim.end() <= figure.start - start else None
    return FigureClaim(figure, subject, attribute, part, None, start, end, sentence,
                       f"{subject} ({where}); {attribute} ({told})" + (f"; a part: {part}" if part else "")
                       + (f"; a count to {as_of}" if as_of else ""), sure, as_of)


def _head(counted: str) -> str:
    """The first words of what a figure counts, before any "of" or verb: its head noun and modifiers."""
    head = re.split(r"(?:^|\s)(?:of|и|and|were|had|passed|died|shot|killed|executed|buried|arrested|deported)\s|,|\(",
                    counted)[0]
    if "(" not in counted or not _CYRILLIC.match(counted):
        return head + " "
    # a Russian phrase's English, up to what was done ("(prisoners died camps)": prisoners)
    gloss = counted[counted.find("(") :].split(")")[0]  # the head's English, not a participle's after it
    return head + " " + _DONE_GLOSS.split(gloss)[0]


def named_subject(text: str, start: int, end: int, counted: str) -> str | None:
    """The event, site or poll (of `SUBJECTS`) that a count of people or a share in the sentence
    text[start:end] is about, named there or in the passage just before it ("victims" of the Katyn
    massacre); None for a count of things or distances, or a sentence dated before it began."""
    sentence = text[start:end]
    subject, where = _subject(sentence, text[max(0, start - CONTEXT) : start], "")
    low = counted.lower()
    people = _PEOPLE.search(low) or any(cue.search(low) for _, cue in _ATTRIBUTES)
    if subject is None or not people or _NOT_PEOPLE.search(_head(low)) or _UNITS.search(low):
        return None
    return None if _dated_before(subject, sentence) else subject


def _dated_before(subject: str, sentence: str) -> bool:
    """Whether every year a sentence states falls before its subject began (a count of something else)."""
    first = _FIRST_YEAR[subject]
    stated = [int(y) for y in _YEAR.findall(sentence)]
    return first is not None and bool(stated) and max(stated) < first


@lru_cache(maxsize=16)
def _only_poll(text: str) -> str | None:
    """The poll a document names, when it names one and no other: a report of a poll names its
    pollster once and goes on with the findings. (Asked for each share of a document: its text is
    read once.)"""
    low = text.lower()
    named = {subject for subject, cue in _SUBJECTS if subject in _POLLS and cue.search(low)}
    return named.pop() if len(named) == 1 else None


def _subject(sentence: str, before: str, title: str) -> tuple[str | None, str]:
    for where, words in (("named in its sentence", sentence), ("named before it", before), ("its document's title", title)):
        low = words.lower()
        found = [(m.start(), subject) for subject, cue in _SUBJECTS for m in cue.finditer(low)]
        if found:
            return max(found)[1], where  # the one named nearest the figure
    return None, ""


def _clause_before(text: str, sentence_start: int, figure_start: int) -> str:
    """The words of a figure's clause before it ("были убиты", "approve his role ... by")."""
    before = text[sentence_start:figure_start]
    cut = max((m.end() for m in _CLAUSE.finditer(before)), default=0)
    return before[cut:]


def _part(figure: StoredFigure, text: str) -> str | None:
    """The thing a figure counts when it is a part of a whole its sentence gives: "including
    about 3,000 officers", "Of the total shot, some 2,000 were teachers"."""
    counted = figure.counted or ""
    noun = re.match(r"[^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*)?", counted)
    if noun is None:
        return None
    if ", of the " in counted or _PART.search(text[max(0, figure.start - 30) : figure.start]):
        head = noun.group().split()
        return head[-1].lower() if head[-1].lower().endswith(("s", "ов", "ей", "ых", "их")) else head[0].lower()
    return None
