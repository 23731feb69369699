"""Dates of named events read as claims that can be compared: "the Secret Speech ... on 25
February 1956" here and "his Secret Report ... on February 24, 1956" there disagree.

A sentence makes such a claim only when it names the event and states exactly one date, that date
follows the event's name closely, and nothing between them says the date is of something else
(a death, an anniversary, a publication, "after", "until"): a false conflict costs more than a
missing one. The events are data, English and Russian, beside the subjects of figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronika.records.stored import StoredTime
from chronika.query.texts import Texts
from chronika.store import Store

# (event, what its date is, pattern over the lower-cased sentence, English and Russian).
EVENTS: list[tuple[str, str, str]] = [
    ("Khrushchev's Secret Speech", "date delivered",
     r"secret (?:speech|report)|closed (?:speech|report)|cult of personality and its consequences|"
     r"секретн\w* доклад|закрыт\w* доклад|доклад\w* о культе личности|о культе личности и его последствиях"),
    ("Kirov's murder", "date",
     r"(?:murder|assassination|killing) of (?:sergei |sergey )?(?:m\. )?kirov|kirov (?:was )?(?:murdered|assassinated|shot)|"
     r"убийств\w* (?:сергея )?(?:мироновича )?(?:с\. ?м\. )?кирова|киров (?:был )?(?:убит|застрелен)"),
    ("Stalin's funeral", "date",
     r"stalin'?s funeral|funeral of (?:joseph )?stalin|похорон\w* (?:иосифа )?сталина"),
    ("Yezhov's removal as head of the NKVD", "date",
     r"(?:yezhov|ezhov) (?:was )?(?:removed|dismissed|relieved)|(?:ежов\w*) (?:был )?(?:снят|смещ[её]н|освобожд[её]н)"),
]
_EVENTS = [(event, attribute, re.compile(pattern)) for event, attribute, pattern in EVENTS]
NEAR = 200  # characters: how far after the event's name its date may stand
# Words that make a date another thing's: what happened before or after, to the text, or since.
_OTHER = re.compile(
    r"\b(?:after|before|since|until|following|later|earlier|death|died|born|anniversary|published|publication|printed|"
    r"released|translated|read out|revealed|appeal|после|спустя|до|с тех пор|смерт\w*|умер\w*|родил\w*|годовщин\w*|"
    r"опубликова\w*|публикаци\w*|напечата\w*|зачита\w*|апелляци\w*)\b"
)
_PRECISE = ("day", "month", "year")


@dataclass(frozen=True)
class EventDate:
    """A sentence's claim of when a named event happened."""

    event: str
    attribute: str
    document: int
    start: int  # its sentence
    end: int
    text: str
    time: StoredTime
    why: str


def read_event_dates(store: Store, texts: Texts | None = None) -> list[EventDate]:
    """Every sentence that names an event and states one date for it."""
    texts = texts or Texts(store)
    out = []
    for sentence, time in store.sentences_with_one_date():
        if time.precision not in _PRECISE:
            continue
        text = texts(sentence.document)[sentence.start : sentence.end]
        claim = read_event_date(text, time.start - sentence.start, time.end - sentence.start)
        if claim is not None:
            event, attribute, why = claim
            out.append(EventDate(event, attribute, sentence.document, sentence.start, sentence.end, text, time, why))
    return out


def read_event_date(sentence: str, date_start: int, date_end: int) -> tuple[str, str, str] | None:
    """(event, attribute, why) when the sentence dates a named event by the date at
    sentence[date_start:date_end], else None."""
    low = sentence.lower()
    for event, attribute, cue in _EVENTS:
        for named in cue.finditer(low):
            between = low[named.end() : date_start]
            if 0 <= date_start - named.end() <= NEAR and not _OTHER.search(between):
                return event, attribute, (f"names {event} ('{sentence[named.start():named.end()]}') and dates it "
                                          f"'{sentence[date_start:date_end]}', its sentence's one date")
    return None
