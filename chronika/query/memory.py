"""The memory barometer: memory events (sentences by which a society remembers or forgets the
terror, typed by `chronika.extract.memory`) with their date, actor, place and figures, and their
tally over time — de- and re-Stalinization signals by level, and the poll series (`views.memory`
shapes them).

A user's reclassification of an event is stored apart (table `corrections`, kind "memory") and
keyed by the document's source and the sentence's words, so it holds across re-ingests."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from chronika.errors import ChronikaError, UsageError
from chronika.records.dates import DateInterval
from chronika.records.memory import StoredMemoryMention
from chronika.records.stored import StoredDocument, StoredFigure, StoredTime
from chronika.query.named_years import NamedYears, file_name
from chronika.store import Store

KINDS = ("statement", "monument", "rehabilitation", "archive", "poll", "commemoration", "publication", "renaming", "suppression")
DIRECTIONS = ("de-stalinization", "re-stalinization", "ambivalent")
LEVELS = ("state", "society")
# The periods the seeds draw in words; `--periods` replaces them.
PERIODS = [
    ("Stalin's rule", 1924, 1953), ("The Thaw", 1954, 1964), ("Stagnation", 1965, 1984), ("Perestroika", 1985, 1991),
    ("The 1990s", 1992, 1999), ("Putin's first terms", 2000, 2008), ("Medvedev's presidency", 2009, 2012),
    ("Putin's return", 2013, 2013), ("Since Crimea", 2014, 2100),
]


@dataclass(frozen=True)
class MemoryEvent:
    """A sentence read as a memory event (document text[start:end]), as the user's reclassification
    left it: the date of its act (`inferred` unless the sentence states it; `date_from` says how it is
    known: act, narrative, document), how sure it is and the evidence for both, the actor and place it
    names first, its figures and the cues it was read by."""

    id: str
    document: int
    start: int
    end: int
    source: str
    text: str
    date: DateInterval | None
    date_from: str | None
    kind: str
    direction: str
    level: str
    actor: str | None
    place: str | None
    figures: tuple[StoredFigure, ...]
    cues: tuple[str, ...]
    confidence: str = "sure"
    evidence: tuple[str, ...] = ()

@dataclass(frozen=True)
class MemoryListing:
    """The events a listing shows, how many uncertain ones it held back (without `everything`) and
    how many of those it shows are undated (listed last)."""

    events: list[MemoryEvent]
    uncertain: int
    undated: int


@dataclass(frozen=True)
class Poll:
    """A share a poll event gives (a percentage) and the event giving it."""

    figure: StoredFigure
    event: MemoryEvent


@dataclass(frozen=True)
class PeriodTally:
    """A period's memory events: de- and re-Stalinization signals by level, the ambivalent ones and
    the poll figures."""

    period: str
    start: str
    end: str
    de: dict[str, int]
    re: dict[str, int]
    ambivalent: int
    polls: tuple[Poll, ...]
    events: tuple[MemoryEvent, ...]
    uncertain: int = 0  # dated events of the period held back as uncertain


@dataclass(frozen=True)
class Barometer:
    """The barometer's rows, the uncertain events its rows held back, and the undated ones it left out."""

    rows: list[PeriodTally]
    uncertain: int
    undated: int


def memory_events(store: Store, year_from: int | None = None, year_to: int | None = None, kind: str | None = None,
                  everything: bool = False) -> list[MemoryEvent]:
    """Memory events in date order (undated ones last): the sure ones, or all with `everything`."""
    return memory_listing(store, year_from, year_to, kind, everything).events


def memory_listing(store: Store, year_from: int | None = None, year_to: int | None = None, kind: str | None = None,
                   everything: bool = False) -> MemoryListing:
    """Memory events in date order (undated ones last; none passes a year filter), the number of
    uncertain ones held back (all are shown with `everything`) and of undated ones shown."""
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind must be one of {', '.join(KINDS)}, not '{kind}'")
    fixes = {(r.source, r.sentence): r for r in store.memory_corrections()}
    documents = {int(d.id[1:]): d for d in store.documents()}
    named = NamedYears(store)
    texts: dict[int, str] = {}
    out, uncertain, undated = [], 0, 0
    for signal in store.memory_signals():
        doc, start, end = signal.document, signal.start, signal.end
        if doc not in texts:  # read once per document (setdefault would read it for every signal)
            texts[doc] = store.document_text(doc)
        text = texts[doc][start:end]
        fix = fixes.get((signal.source, text))
        date, date_from, why = _act_date(store, signal, documents.get(doc), named)
        event = MemoryEvent(
            id=f"d{doc}:{start}", document=doc, start=start, end=end, source=signal.source, text=text,
            date=date, date_from=date_from,
            kind=fix.kind if fix and fix.kind else signal.kind,
            direction=fix.direction if fix and fix.direction else signal.direction,
            level=fix.level if fix and fix.level else signal.level,
            actor=store.first_named(doc, start, end, ("person", "org")),
            place=store.first_named(doc, start, end, ("place",)),
            figures=tuple(store.figures_between(doc, start, end)),
            cues=signal.cues + (("corrected by the user",) if fix else ()),
            confidence="sure" if fix else signal.confidence,  # a user who reclassified it has read it
            evidence=tuple(e for e in signal.evidence if not e.startswith(("date:", "undated:"))) + why
            + (("corrected by the user",) if fix else ()),
        )
        if kind and event.kind != kind:
            continue
        if not _within(event.date, year_from, year_to):
            continue
        if not (everything or event.confidence == "sure"):
            uncertain += 1
            continue
        undated += event.date is None
        out.append(event)
    out.sort(key=lambda e: (e.date is None, e.date.start if e.date else _NO_DATE, e.id))
    return MemoryListing(out, uncertain, undated)


_NO_DATE = datetime.date.min


def _act_date(store: Store, signal: StoredMemoryMention, document: StoredDocument | None,
              named: NamedYears) -> tuple[DateInterval | None, str | None, tuple[str, ...]]:
    """The act's date as extraction found it, its provenance and why; a date that needs the document's
    date stands only if the document's date rests on evidence (a byline, dateline, header, metadata),
    else it is at most the year the file's name gives (`NamedYears`), inferred and said so."""
    why = tuple(e for e in signal.evidence if e.startswith(("date:", "undated:")))
    if not signal.evidence:  # read before acts were dated: the sentence's first date, else the paragraph's
        return _legacy_date(store, signal)
    if signal.date_from in ("act", "narrative") and signal.date is not None:
        return replace(signal.date, inferred=signal.date_from != "act"), signal.date_from, why
    if signal.date_from == "document":
        if document is None or document.date is None or document.date_provenance in (None, "inferred"):
            if document is not None and _within_days(why) and (year := named.year(document)) is not None:
                name = file_name(document)
                return (DateInterval(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", str(year), True), "file name",
                        (*why, f"date: the year in the file's name ('{name}'); the document states no date of its own"))
            return None, None, (*why, "undated: the document's date rests on no evidence")
        if signal.date is not None:
            return replace(signal.date, inferred=True), "document", why
        return replace(document.date, inferred=True), "document", (*why[:-1], why[-1] + f" ({document.date_provenance})")
    return None, None, why


# Deixis that stays within days of the document's date ("on Monday", "сегодня"), so within the year a
# file's name gives; "in December", "last month" or "2 февраля" may fall in the year before it.
_DAYS_AWAY = re.compile(
    r"(?:(?:late|early|last|this|next|on)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday|tonight|this morning|this afternoon|this evening)|(?:в\s+|во\s+)?(?:понедельник|вторник|среду|"
    r"четверг|пятницу|субботу|воскресенье)|сегодня|вчера|накануне|сейчас",
    re.IGNORECASE,
)
_DEIXIS = re.compile(r"deixis '([^']*)', counted from the document's date")


def _within_days(why: tuple[str, ...]) -> bool:
    """Whether the act's date, counted from the document's date, is no further from it than days."""
    return all(_DAYS_AWAY.fullmatch(m.group(1).strip()) for w in why for m in _DEIXIS.finditer(w))


def _legacy_date(store: Store, signal: StoredMemoryMention) -> tuple[DateInterval | None, str | None, tuple[str, ...]]:
    own = store.times_between(signal.document, signal.start, signal.end)
    dated = [t for t in own if t.type == "DATE"] or own
    if dated:
        return _interval(dated[0], False), "act", ("date: the sentence's first (stored before acts were dated)",)
    before = store.dates_before(signal.document, signal.passage, signal.start)
    if before:
        return _interval(before[-1], True), "narrative", ("date: the paragraph's last (stored before acts were dated)",)
    return None, None, ("undated: no date in the sentence or paragraph",)


def _interval(t: StoredTime, inferred: bool) -> DateInterval:
    return DateInterval(datetime.date.fromisoformat(t.date_start), datetime.date.fromisoformat(t.date_end), t.precision,
                        t.text, inferred)


def _within(date: DateInterval | None, year_from: int | None, year_to: int | None) -> bool:
    if year_from is None and year_to is None:
        return True
    if date is None:
        return False
    return (year_from is None or date.end.year >= year_from) and (year_to is None or date.start.year <= year_to)


def barometer(store: Store, by: str = "period", periods: str | None = None, everything: bool = False) -> list[PeriodTally]:
    """Per period, de- and re-Stalinization signals by level, the ambivalent ones, and the poll
    figures (by year or decade, only those with events); sure events only, unless `everything`."""
    return barometer_reading(store, by, periods, everything).rows


def barometer_reading(store: Store, by: str = "period", periods: str | None = None, everything: bool = False) -> Barometer:
    """The barometer's rows, and how many events it left out: undated ones (always: a bar needs a
    date) and uncertain ones (unless `everything`; each row counts its own)."""
    events = memory_events(store, everything=True)
    spans = _spans(events, by, periods)
    bounds = {name: (start, end) for name, start, end in spans}
    members: dict[str, list[MemoryEvent]] = {name: [] for name in bounds}
    held: dict[str, int] = {name: 0 for name in bounds}
    undated = 0
    for event in events:
        if event.date is None:
            undated += 1
            continue
        year = event.date.start.year
        for name, start, end in spans:
            if int(start[:4]) <= year <= int(end[:4]):
                if everything or event.confidence == "sure":
                    members[name].append(event)
                else:
                    held[name] += 1
                break
    rows = [_tally(name, *bounds[name], members[name], held[name]) for name in bounds
            if members[name] or held[name] or by == "period"]
    return Barometer(rows, sum(held.values()), undated)


def _tally(period: str, start: str, end: str, events: list[MemoryEvent], uncertain: int) -> PeriodTally:
    de = {"state": 0, "society": 0}
    re = {"state": 0, "society": 0}
    ambivalent = 0
    polls: list[Poll] = []
    for event in events:
        if event.direction == "ambivalent":
            ambivalent += 1
        else:
            (de if event.direction == "de-stalinization" else re)[event.level] += 1
        if event.kind == "poll":
            polls.extend(Poll(f, event) for f in event.figures if f.unit == "percent")
    return PeriodTally(period, start, end, de, re, ambivalent, tuple(polls), tuple(events), uncertain)


def _spans(events: list[MemoryEvent], by: str, periods: str | None) -> list[tuple[str, str, str]]:
    if by == "period":
        chosen = _parse_periods(periods) if periods else PERIODS
        return [(name, f"{a:04d}-01-01", f"{b:04d}-12-31") for name, a, b in chosen]
    years = sorted({e.date.start.year for e in events if e.date})
    if by == "year":
        return [(str(y), f"{y:04d}-01-01", f"{y:04d}-12-31") for y in years]
    if by == "decade":
        decades = sorted({y // 10 * 10 for y in years})
        return [(f"{d}s", f"{d:04d}-01-01", f"{d + 9:04d}-12-31") for d in decades]
    raise UsageError(f"--by is year, decade or period, not '{by}'")


def _parse_periods(spec: str) -> list[tuple[str, int, int]]:
    """"Thaw:1954-1964,Perestroika:1985-1991" -> periods."""
    out = []
    for part in spec.split(","):
        name, _, years = part.rpartition(":")
        a, _, b = years.partition("-")
        if not (name.strip() and a.strip().isdigit() and b.strip().isdigit()):
            raise UsageError(f"--periods takes NAME:YYYY-YYYY,... — '{part}' is not of that form")
        out.append((name.strip(), int(a), int(b)))
    return out


def reclassify(store: Store, event_id: str, kind: str | None, direction: str | None, level: str | None) -> MemoryEvent:
    """Record a user's correction of one memory event (by its id, e.g. d3:1234); the event as corrected."""
    for value, allowed, what in ((kind, KINDS, "kind"), (direction, DIRECTIONS, "direction"), (level, LEVELS, "level")):
        if value is not None and value not in allowed:
            raise UsageError(f"--{what} must be one of {', '.join(allowed)}, not '{value}'")
    if not (kind or direction or level):
        raise UsageError("give at least one of --kind, --direction, --level")
    event = next((e for e in memory_events(store, everything=True) if e.id == event_id), None)
    if event is None:
        raise ChronikaError(f"no memory event '{event_id}'; `chronika memory` lists them with their ids")
    store.add_memory_correction(event.source, event.text, {"kind": kind, "direction": direction, "level": level})
    return next(e for e in memory_events(store, everything=True) if e.id == event_id)


__all__ = [
    "KINDS", "PERIODS", "Barometer", "MemoryEvent", "MemoryListing", "PeriodTally", "Poll", "barometer", "barometer_reading",
    "memory_events", "memory_listing", "reclassify",
]
