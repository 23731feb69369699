"""The memory barometer: memory events (sentences by which a society remembers or forgets the
terror, typed by `chronika.extract.memory`) with their date, actor, place and figures, and their
tally over time — de- and re-Stalinization signals by level, and the poll series (`views.memory`
shapes them).

A user's reclassification of an event is stored apart (table `corrections`, kind "memory") and
keyed by the document's source and the sentence's words, so it holds across re-ingests."""

from __future__ import annotations

from dataclasses import dataclass

from chronika.errors import ChronikaError, UsageError
from chronika.records.stored import StoredFigure, StoredTime
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
    left it: its date (inferred from the paragraph if the sentence states none), the actor and place
    it names first, its figures and the cues it was read by."""

    id: str
    document: int
    start: int
    end: int
    source: str
    text: str
    date: StoredTime | None
    date_inferred: bool
    kind: str
    direction: str
    level: str
    actor: str | None
    place: str | None
    figures: tuple[StoredFigure, ...]
    cues: tuple[str, ...]


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


def memory_events(store: Store, year_from: int | None = None, year_to: int | None = None, kind: str | None = None) -> list[MemoryEvent]:
    """Memory events in date order (undated ones last)."""
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind must be one of {', '.join(KINDS)}, not '{kind}'")
    fixes = {(r.source, r.sentence): r for r in store.memory_corrections()}
    texts: dict[int, str] = {}
    out = []
    for signal in store.memory_signals():
        doc, start, end = signal.document, signal.start, signal.end
        text = texts.setdefault(doc, store.document_text(doc))[start:end]
        fix = fixes.get((signal.source, text))
        date, inferred = _date(store, doc, signal.passage, start, end)
        event = MemoryEvent(
            id=f"d{doc}:{start}", document=doc, start=start, end=end, source=signal.source, text=text,
            date=date, date_inferred=inferred,
            kind=fix.kind if fix and fix.kind else signal.kind,
            direction=fix.direction if fix and fix.direction else signal.direction,
            level=fix.level if fix and fix.level else signal.level,
            actor=store.first_named(doc, start, end, ("person", "org")),
            place=store.first_named(doc, start, end, ("place",)),
            figures=tuple(store.figures_between(doc, start, end)),
            cues=signal.cues + (("corrected by the user",) if fix else ()),
        )
        if kind and event.kind != kind:
            continue
        if not _within(event.date, year_from, year_to):
            continue
        out.append(event)
    return sorted(out, key=lambda e: (e.date is None, e.date.date_start if e.date else "", e.id))


def _date(store: Store, doc: int, passage: int, start: int, end: int) -> tuple[StoredTime | None, bool]:
    """The event's date and whether it was inferred: one its sentence states, else the last its
    paragraph stated before it (inferred), else none."""
    own = store.times_between(doc, start, end)
    dated = [t for t in own if t.type == "DATE"] or own
    if dated:
        return dated[0], False
    before = store.dates_before(doc, passage, start)
    return (before[-1], True) if before else (None, True)


def _within(date: StoredTime | None, year_from: int | None, year_to: int | None) -> bool:
    if year_from is None and year_to is None:
        return True
    if date is None:
        return False
    return (year_from is None or int(date.date_end[:4]) >= year_from) and (year_to is None or int(date.date_start[:4]) <= year_to)


def barometer(store: Store, by: str = "period", periods: str | None = None) -> list[PeriodTally]:
    """Per period, de- and re-Stalinization signals by level, the ambivalent ones, and the poll
    figures (by year or decade, only those with events)."""
    spans = _spans(store, by, periods)
    bounds = {name: (start, end) for name, start, end in spans}
    members: dict[str, list[MemoryEvent]] = {name: [] for name in bounds}
    for event in memory_events(store):
        if event.date is None:
            continue
        year = int(event.date.date_start[:4])
        for name, start, end in spans:
            if int(start[:4]) <= year <= int(end[:4]):
                members[name].append(event)
                break
    return [_tally(name, *bounds[name], members[name]) for name in bounds if members[name] or by == "period"]


def _tally(period: str, start: str, end: str, events: list[MemoryEvent]) -> PeriodTally:
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
    return PeriodTally(period, start, end, de, re, ambivalent, tuple(polls), tuple(events))


def _spans(store: Store, by: str, periods: str | None) -> list[tuple[str, str, str]]:
    if by == "period":
        chosen = _parse_periods(periods) if periods else PERIODS
        return [(name, f"{a:04d}-01-01", f"{b:04d}-12-31") for name, a, b in chosen]
    years = sorted({int(e.date.date_start[:4]) for e in memory_events(store) if e.date})
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
    event = next((e for e in memory_events(store) if e.id == event_id), None)
    if event is None:
        raise ChronikaError(f"no memory event '{event_id}'; `chronika memory` lists them with their ids")
    store.add_memory_correction(event.source, event.text, {"kind": kind, "direction": direction, "level": level})
    return next(e for e in memory_events(store) if e.id == event_id)


__all__ = ["KINDS", "PERIODS", "MemoryEvent", "PeriodTally", "Poll", "barometer", "memory_events", "reclassify"]
