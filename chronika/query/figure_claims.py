"""Figures as claims that can be compared: like with like. A claim is a figure about one subject
(an event or site of the terror, a poll) and one attribute (people killed, people who passed
through the camps, people buried, a share approving of Stalin ...), read from the figure's
counted words and its clause, in English and Russian; the subject from its sentence, else the
passage before it, else its document's title. A figure whose subject or attribute cannot be read
makes no claim: a false conflict costs more than a missing one.

A part of a whole ("including about 8,000 officers", "Of the total killed, 6,000 were police
officers") is compared only with parts that name the same thing, and only to corroborate; a
share is compared only with shares of the same year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronika.records.stored import StoredFigure
from chronika.store import Store

# The events and sites of the terror and its memory that sources give figures about, as data:
# (subject, pattern over the lower-cased text, English and Russian).
SUBJECTS: list[tuple[str, str]] = [
    ("Katyn massacre", r"katyn|катын|mednoye|медное|kharkiv prison|piatykhatky|пятихатк"),
    ("Order No. 00447 (the kulak operation)", r"00447|kulak operation|кулацк\w* операц"),
    ("famine of 1932-33", r"holodomor|голодомор|famine|голод(?:а|е|у|ом)?\b"),
    ("Gulag", r"gulag|гулаг|labou?r camps?|исправительно-трудов"),
    ("Great Terror (1937-38)", r"great terror|great purge|yezhovshchina|ezhovshchina|ежовщин|большой террор|большого террора"),
    ("Butovo firing range", r"butovo|бутов"),
    ("Kommunarka", r"kommunarka|коммунарк"),
    ("Sandarmokh", r"sandarmokh|сандармох"),
    ("Levashovo", r"levashovo|левашов"),
    ("Kurapaty", r"kurapaty|курапат"),
    ("Bykivnia", r"bykivnia|быковн"),
    ("Solovki", r"solovki|solovetsk|соловк|соловецк"),
    ("Kolyma", r"kolyma|колым"),
    ("dekulakization", r"dekulakiz|раскулачив"),
    ("deportation of peoples", r"deportation of (?:the )?(?:chechens|ingush|crimean tatars|volga germans|kalmyks)|депортаци\w* (?:чечен|ингуш|крымских татар|немцев|калмык)"),
    ("Levada Center poll", r"levada|левада"),
    ("VTsIOM poll", r"vtsiom|вциом"),
]
_SUBJECTS = [(subject, re.compile(pattern)) for subject, pattern in SUBJECTS]

# What a count is of, by the words that say what happened (checked in this order: "condemned, of
# whom 387,000 were executed" is a count of the executed).
ATTRIBUTES: list[tuple[str, str]] = [
    ("people who passed through the camps", r"passed through|прош(?:ли|ло|ел|ёл) через"),
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
# What a count of people is not: things, places and spans of time ("236 execution pits", "19 km").
_NOT_PEOPLE = re.compile(r"\b(?:pits?|graves?|burials|years?|months?|days?|weeks?|hours?|km|miles?|metres|roubles|rubles|"
                         r"dollars|tons?|tonnes|cases|votes|monuments?|camps?|prisons?|books?|cities|towns|villages|"
                         r"nationalities|times|names|sites?|trains?|documents?|pages?|volumes?)\b")
_POPULATION = re.compile(r"russians|respondents|citizens|residents|individuals|россиян|респондент|опрошенн|жител|граждан")
_PART = re.compile(r"(?:including|among them|among whom|of them|в том числе|из них|среди них)\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()\[\]—–]|\band\b|\bи\b")
_CYRILLIC = re.compile(r"[а-яё]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
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


def read_claims(store: Store) -> list[FigureClaim]:
    """Every sure figure that makes a claim about a known subject and attribute."""
    titles = {t.document: t.title for t in store.document_titles()}
    years = {int(d.id[1:]): d.date.start.year for d in store.documents() if d.date is not None and not d.date.inferred}
    texts: dict[int, str] = {}
    out = []
    for figure in store.figures():
        if figure.document not in texts:
            texts[figure.document] = store.document_text(figure.document)
        text = texts[figure.document]
        start, end = store.sentence_at(figure.document, figure.start)
        claim = read_claim(figure, text, start, end, titles.get(figure.document, ""), years.get(figure.document))
        if claim is not None:
            out.append(claim)
    return out


def read_claim(figure: StoredFigure, text: str, start: int, end: int, title: str, year: int | None) -> FigureClaim | None:
    """The claim a figure makes, or None when its subject or attribute cannot be read."""
    sentence = text[start:end]
    subject, where = _subject(sentence, text[max(0, start - CONTEXT) : start], title)
    if subject is None:
        return None
    counted = (figure.counted or "").lower()
    clause = _clause_before(text, start, figure.start).lower()
    if figure.unit == "percent":
        if not _POPULATION.search(counted + " " + clause):
            return None  # a breakdown ("52 % call it largely positive") is no claim about the whole
        attribute = next((a for a, cue in _SHARES if cue.search(counted) or cue.search(clause)), None)
        stated = [int(y) for y in _YEAR.findall(sentence)]
        poll_year = stated[0] if len(stated) == 1 else year if not stated else None
        if attribute is None or poll_year is None:
            return None
        return FigureClaim(figure, subject, attribute, None, poll_year, start, end, sentence,
                           f"{subject} ({where}); {attribute} ({figure.counted}); poll of {poll_year}",
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
    if attribute is None and part is not None:  # "22,000 were shot, including about 8,000 officers"
        attribute = next((a for a, cue in _ATTRIBUTES if cue.search(text[start : figure.start].lower())), None)
        told = "its sentence says of the whole"
    if attribute is None:
        return None
    sure = where == "named in its sentence" or told.startswith("counts")
    return FigureClaim(figure, subject, attribute, part, None, start, end, sentence,
                       f"{subject} ({where}); {attribute} ({told})" + (f"; a part: {part}" if part else ""), sure)


def _head(counted: str) -> str:
    """The first words of what a figure counts, before any "of" or verb: its head noun and modifiers."""
    return re.split(r"\s(?:of|и|and|were|had|passed|died)\s|,|\(", counted)[0] + " " + (
        counted[counted.find("(") :] if "(" in counted and _CYRILLIC.match(counted) else "")


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
    about 8,000 officers", "Of the total killed, about 8,000 were officers"."""
    counted = figure.counted or ""
    noun = re.match(r"[^\W\d][\w'’-]*(?:\s+[^\W\d][\w'’-]*)?", counted)
    if noun is None:
        return None
    if ", of the " in counted or _PART.search(text[max(0, figure.start - 30) : figure.start]):
        head = noun.group().split()
        return head[-1].lower() if head[-1].lower().endswith(("s", "ов", "ей", "ых", "их")) else head[0].lower()
    return None
