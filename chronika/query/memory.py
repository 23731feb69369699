"""The memory barometer: memory events (sentences by which a society remembers or forgets the
terror, typed by `chronika.extract.memory`) with their date, actor, place, figures and citation, and
their tally over time — de- and re-Stalinization signals by level, and the poll series.

A user's reclassification of an event is stored apart (table `corrections`, kind "memory") and
keyed by the document's source and the sentence's words, so it holds across re-ingests."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from chronika.errors import ChronikaError, UsageError
from chronika.store import Store
from chronika.views.chronology import figure_json, time_date
from chronika.views.citations import Citer

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
class Reclassification:
    source: str
    sentence: str
    kind: str | None = None
    direction: str | None = None
    level: str | None = None


def memory_events(store: Store, year_from: int | None = None, year_to: int | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """`memory --json`: memory events in date order (undated ones last)."""
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind must be one of {', '.join(KINDS)}, not '{kind}'")
    citer = Citer(store)
    fixes = {(r.source, r.sentence): r for r in _reclassifications(store)}
    out = []
    for row in store.memory_rows():
        doc, start, end = row["document_id"], row["start"], row["end"]
        cited = citer.cite(doc, start, end)
        fix = fixes.get((row["source"], cited["quote"]))
        event = {
            "id": f"d{doc}:{start}",
            "date": _date(store, row),
            "kind": fix.kind if fix and fix.kind else row["kind"],
            "direction": fix.direction if fix and fix.direction else row["direction"],
            "level": fix.level if fix and fix.level else row["level"],
            "actor": store.first_named(doc, start, end, ("person", "org")),
            "place": store.first_named(doc, start, end, ("place",)),
            "figures": [figure_json(f) for f in store.figures_between(doc, start, end)],
            "cues": json.loads(row["cues"]) + (["corrected by the user"] if fix else []),
            "text": cited["quote"],
            "citation": cited,
        }
        if kind and event["kind"] != kind:
            continue
        if not _within(event["date"], year_from, year_to):
            continue
        out.append(event)
    return sorted(out, key=lambda e: (e["date"] is None, e["date"]["start"] if e["date"] else "", e["id"]))


def _date(store: Store, row: sqlite3.Row) -> dict[str, Any] | None:
    """The event's date: one its sentence states, else the last its paragraph stated before it
    (marked inferred), else none."""
    own = store.times_between(row["document_id"], row["start"], row["end"])
    dated = [t for t in own if t["type"] == "DATE"] or own
    inferred = False
    if not dated:
        dated = store.dates_before(row["document_id"], row["passage"], row["start"])[-1:]
        inferred = True
    if not dated:
        return None
    return time_date(dated[0], inferred)


def _within(date: dict[str, Any] | None, year_from: int | None, year_to: int | None) -> bool:
    if year_from is None and year_to is None:
        return True
    if date is None:
        return False
    return (year_from is None or int(date["end"][:4]) >= year_from) and (year_to is None or int(date["start"][:4]) <= year_to)


def barometer(store: Store, by: str = "period", periods: str | None = None) -> list[dict[str, Any]]:
    """`barometer --json`: per period, de- and re-Stalinization signals by level, the ambivalent
    ones, and the poll figures."""
    spans = _spans(store, by, periods)
    tally: dict[str, dict[str, Any]] = {}
    for name, start, end in spans:
        tally[name] = {"period": name, "start": start, "end": end, "de": {"state": 0, "society": 0},
                       "re": {"state": 0, "society": 0}, "ambivalent": 0, "polls": [], "events": []}
    for event in memory_events(store):
        if event["date"] is None:
            continue
        year = int(event["date"]["start"][:4])
        for name, start, end in spans:
            if int(start[:4]) <= year <= int(end[:4]):
                row = tally[name]
                if event["direction"] == "ambivalent":
                    row["ambivalent"] += 1
                else:
                    row["de" if event["direction"] == "de-stalinization" else "re"][event["level"]] += 1
                if event["kind"] == "poll":
                    row["polls"].extend(f | {"citation": event["citation"]} for f in event["figures"] if f["unit"] == "percent")
                row["events"].append(event["id"])
                break
    return [row for row in tally.values() if row["events"] or by == "period"]


def _spans(store: Store, by: str, periods: str | None) -> list[tuple[str, str, str]]:
    if by == "period":
        chosen = _parse_periods(periods) if periods else PERIODS
        return [(name, f"{a:04d}-01-01", f"{b:04d}-12-31") for name, a, b in chosen]
    years = sorted({int(e["date"]["start"][:4]) for e in memory_events(store) if e["date"]})
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


def reclassify(store: Store, event_id: str, kind: str | None, direction: str | None, level: str | None) -> dict[str, Any]:
    """Record a user's correction of one memory event (by its id, e.g. d3:1234)."""
    for value, allowed, what in ((kind, KINDS, "kind"), (direction, DIRECTIONS, "direction"), (level, LEVELS, "level")):
        if value is not None and value not in allowed:
            raise UsageError(f"--{what} must be one of {', '.join(allowed)}, not '{value}'")
    if not (kind or direction or level):
        raise UsageError("give at least one of --kind, --direction, --level")
    event = next((e for e in memory_events(store) if e["id"] == event_id), None)
    if event is None:
        raise ChronikaError(f"no memory event '{event_id}'; `chronika memory` lists them with their ids")
    store.add_memory_correction(event["citation"]["source"], event["text"], {"kind": kind, "direction": direction, "level": level})
    return next(e for e in memory_events(store) if e["id"] == event_id)


def _reclassifications(store: Store) -> list[Reclassification]:
    out = []
    for payload in store.memory_corrections():
        out.append(Reclassification(payload["source"], payload["sentence"], payload.get("kind"), payload.get("direction"), payload.get("level")))
    return out


__all__ = ["KINDS", "PERIODS", "barometer", "memory_events", "reclassify"]
