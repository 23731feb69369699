"""When a memory act happened: the date of the act, not of what it remembers.

In order: a time expression of the sentence that belongs to the act (the nearest to the act's
verb, leaving out those that plainly date the remembered past: "the 1940 massacre", "executions in
1937", a year before the acting body existed), or "the 80th anniversary of" a year it states; else,
with "this year"-type deixis, the document's date; else the paragraph's current date (the last such
expression of the sentences before it); else, for an act reported in the present or present perfect,
the document's date (read by the query layer, which knows whether the document's date rests on
evidence), as it does for an act in a news lead (the first sentences of the body) and for one in the
past while the story has not left the document's day; else the year earlier paragraphs moved the
story to, in a text that opened with a date and has not spoken of its own day; else none. Each
answer says where it came from.
Cue words are data in `dating_cues`, per language."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Sequence

from chronika.extract.memory.dating_cues import CUES, DatingCues
from chronika.records.dates import DateInterval
from chronika.records.mentions import TimeMention

_TERROR_ERA_END = 1953  # a paragraph's date this early is the terror's, not a later act's
_NARRATIVE_PRECISIONS = ("day", "month", "season", "year")  # "the 2000s" sets no scene
_RUSSIAN_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]')
_NEAR = 30  # characters around a time expression read for the noun or verb it dates


@dataclass(frozen=True)
class ActDate:
    """A memory act's date (None when only the document's date can give it, or nothing can), where it
    came from ("act", "narrative", "document" or None) and why, for the event's evidence."""

    date: DateInterval | None
    source: str | None
    why: str


def act_date(text: str, sentence: tuple[int, int], act_at: int, passage_start: int, times: Sequence[TimeMention],
             language: str, lead: bool = False, document_year: int | None = None,
             opening: tuple[int, int] | None = None, kind: str | None = None) -> ActDate:
    """The date of the act a sentence (text[sentence[0]:sentence[1]]) reports, its verb at `act_at`
    (an offset into the sentence); `times` are the document's time expressions. `lead`: the sentence
    opens the document's body, where news reports what happened when it was published.
    `document_year`: the year the document's date gives, if it has one; `opening`: the span of the
    body's first paragraph, where a report opens in its present and a history at its start. `kind`:
    the act's kind (a poll compares its waves: the latest year is its own)."""
    cues = CUES.get(language, CUES["en"])
    start, end = sentence
    floor = _actor_floor(text[start:end], act_at, cues)
    own = [t for t in times if start <= t.start and t.end <= end and t.date is not None and t.type in ("DATE", "DURATION")]
    kept = [t for t in own if not _remembered(text, t, start + act_at, floor, cues)]
    if kind == "poll":
        kept = _current_wave(text[start:end], kept, cues)
    deictic = [t for t in times if start <= t.start and t.end <= end and t.date is None and t.anchor == "document"]
    if kept:
        best = min(kept, key=lambda t: (_distance(t, start + act_at), t.start))
        if best.anchor == "document":
            return ActDate(best.date, "document", f"date: deixis '{best.text}', counted from the document's date")
        return ActDate(best.date, "act", f"date: the act's own ('{best.text}')")
    if (jubilee := _anniversary(text, start, end, own, cues)) is not None:
        return jubilee
    if deictic:  # "published Tuesday" in a document whose date is not known here
        return ActDate(None, "document", f"date: deixis '{deictic[0].text}', counted from the document's date")
    if now := cues.deixis.search(text, start, end):  # "this year" is the document's, not the paragraph's
        return ActDate(None, "document", f"date: the document's, deixis '{now.group(0)}'")
    if (scene := _scene(text, times, passage_start, start, floor, cues)) is not None:
        return ActDate(scene.date, "narrative", f"date: the paragraph's ('{scene.text}')")
    sentence_text = text[start:end]
    if m := cues.reported_now.search(sentence_text):
        return ActDate(None, "document", f"date: the document's, reported in the present ('{m.group(0)}')")
    if language == "ru" and (verb := _russian_present(sentence_text)):
        return ActDate(None, "document", f"date: the document's, reported in the present ('{verb}')")
    if lead:
        return ActDate(None, "document", "date: the document's, reported in its lead")
    if (story := _story(text, times, passage_start, (start, end), document_year, opening, floor, cues)) is not None:
        return story
    if dropped := [t for t in own if t not in kept]:
        return ActDate(None, None, f"undated: '{dropped[0].text}' dates what is remembered, not the act")
    return ActDate(None, None, "undated: no date for the act")


def _scene(text: str, times: Sequence[TimeMention], since: int, until: int, floor: int | None,
           cues: DatingCues) -> TimeMention | None:
    """The narrative's current date between two offsets: the last date stated, as precise as a year
    or more, after the terror years, not the remembered past's, not counted from the document's date."""
    for t in reversed([t for t in times if since <= t.start and t.end <= until and t.type in ("DATE", "DURATION")]):
        if t.anchor == "document":
            return None  # a deictic date depends on the document's date: the tense test decides
        if t.date is None or t.date.precision not in _NARRATIVE_PRECISIONS or t.date.end.year <= _TERROR_ERA_END:
            continue
        if not _remembered(text, t, None, floor, cues):
            return t
    return None


def _story(text: str, times: Sequence[TimeMention], passage_start: int, sentence: tuple[int, int], document_year: int | None,
           opening: tuple[int, int] | None, floor: int | None, cues: DatingCues) -> ActDate | None:
    """The story's current date for an act in the past tense with no date of its own, when its
    paragraph states none before it. A report keeps to the day it is published until it names another
    time ("In 1990 the truth was acknowledged" moves it; "the 1940 massacre" does not; a deictic "next
    month" brings it back): while it has not moved, the act is the document's. Once an earlier
    paragraph moved it to another year, the act is that year's (a single year, not a span) when the
    text never spoke of the document's own day before and its opening paragraph states a date (a
    history told from its start); after a report of the present (an opening with no date is one), an
    earlier year is background the act may not belong to: none. A word of sequence
    ("later", "after the speech") ties the act to an event the rules cannot place: none."""
    start, end = sentence
    if cues.sequence.search(_QUOTED.sub(" ", text[start:end])):
        return None  # words quoted ("condemn and then forgive") do not order the act
    if any(passage_start <= t.start < start for t in times if t.type in ("DATE", "DURATION")):
        return None  # the paragraph set its own scene (kept by `_scene` if it could date the act)
    earlier = [t for t in times if t.end <= passage_start and t.type in ("DATE", "DURATION") and t.date is not None]

    def present(t: TimeMention) -> bool:  # the document's own day: a deictic date, or one of its year
        return t.anchor == "document" or (document_year is not None and t.date is not None
                                          and t.date.start.year <= document_year <= t.date.end.year)

    for k in range(len(earlier) - 1, -1, -1):
        t = earlier[k]
        if present(t):
            break
        assert t.date is not None
        if t.date.precision not in _NARRATIVE_PRECISIONS or t.date.end.year <= _TERROR_ERA_END:
            continue
        if _remembered(text, t, None, floor, cues):
            continue
        if t.date.start.year != t.date.end.year or any(present(e) for e in earlier[:k]) or _opens_in_present(times, opening):
            return None  # a span ("from 1953 to 1964"), or a report's background: no scene to carry over
        return ActDate(t.date, "narrative", f"date: the story's, from the paragraphs before ('{t.text}')")
    return ActDate(None, "document", "date: the document's, its story has not left the day it reports")


def _current_wave(sentence: str, kept: list[TimeMention], cues: DatingCues) -> list[TimeMention]:
    """A poll's own dates among a sentence's: of several years, the latest (the earlier ones are the
    waves it is compared with: "from 41% in 2008 to 30% in 2018"); a lone year beside a comparison
    ("up from 19% in 2008", "в 2008 году так думали 19%") is the earlier wave, not the poll's."""
    years = {t.date.start.year for t in kept if t.date is not None}
    if len(years) > 1:
        return [t for t in kept if t.date is not None and t.date.start.year == max(years)]
    if years and cues.comparison.search(sentence):
        return []
    return kept


def _anniversary(text: str, start: int, end: int, own: Sequence[TimeMention], cues: DatingCues) -> ActDate | None:
    """An act on "the 80th anniversary of the 1937 terror" ("к 80-летию ... 1937 года") happened that
    many years after the year it remembers, when the sentence states that year after the words."""
    m = cues.anniversary.search(text, start, end)
    if m is None:
        return None
    remembered = [t for t in own if t.start >= m.end() and t.date is not None and t.date.precision == "year"
                  and t.date.start.year == t.date.end.year]
    if not remembered:
        return None
    assert remembered[0].date is not None
    year = remembered[0].date.start.year + int(m.group("n"))
    date = DateInterval(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", m.group(0), inferred=True)
    return ActDate(date, "act", f"date: the {m.group('n')}th anniversary of '{remembered[0].text}'")


def _opens_in_present(times: Sequence[TimeMention], opening: tuple[int, int] | None) -> bool:
    """Whether the body's first paragraph states no date of its own: a report opening in its present."""
    return opening is not None and not any(
        opening[0] <= t.start < opening[1] and t.type in ("DATE", "DURATION") and t.date is not None and t.anchor != "document"
        for t in times
    )


def _russian_present(sentence: str) -> str | None:
    """A verb of the sentence in the present indicative ("предусматривает", "требует"), by its lemma tag."""
    from chronika.extract.russian import lemma

    for word in _RUSSIAN_WORD.findall(sentence):
        tag = lemma(word.lower())[1]
        if tag.startswith("VERB") and "pres" in tag and "indc" in tag:
            return str(word)
    return None


def _distance(t: TimeMention, at: int) -> int:
    return max(t.start - at, at - t.end, 0)


def _remembered(text: str, t: TimeMention, act: int | None, floor: int | None, cues: DatingCues) -> bool:
    """Whether a time expression dates the remembered past rather than the act: it qualifies a word
    of the terror ("the 1940 massacre", "repressions of 1937") or a participle ("вышедших в 1993
    году") that is not the act itself, it is a deadline, it falls in the terror years as a range, or
    it precedes the acting body's existence."""
    if cues.target_before.search(text, max(0, t.start - _NEAR), t.start):
        return True  # a deadline ("by 2017") is not when the act happened
    year = t.date.start.year if t.date else None
    if year is not None and floor is not None and year < floor:
        return True
    if t.date is not None and t.date.end.year <= _TERROR_ERA_END and t.date.start.year < t.date.end.year:
        return True  # "1937-1938": the terror years
    after = cues.terror_after.match(text, t.end, t.end + _NEAR)
    before = cues.terror_before.search(text, max(0, t.start - _NEAR), t.start)
    participle = cues.participle_before.search(text, max(0, t.start - _NEAR), t.start)  # another event's date
    return any(m is not None and (act is None or abs(m.start("w") - act) > 3) for m in (after, before, participle))


def _actor_floor(sentence: str, act_at: int, cues: DatingCues) -> int | None:
    """The year from which the actor named nearest before the act (else first after it) exists."""
    found = sorted((m.start(), year) for rx, year in cues.actor_since for m in rx.finditer(sentence))
    if not found:
        return None
    before = [y for at, y in found if at <= act_at]
    return before[-1] if before else found[0][1]

