"""The memory barometer: the shapes of `memory`, `barometer` and `reclassify` (`--json`)."""

from __future__ import annotations

from typing import Any

from chronika.query import memory as recall
from chronika.query.memory import MemoryEvent, PeriodTally
from chronika.store import Store
from chronika.views.chronology import figure_json
from chronika.views.citations import Citer


def memory_events(store: Store, year_from: int | None = None, year_to: int | None = None, kind: str | None = None,
                  everything: bool = False) -> list[dict[str, Any]]:
    """`memory --json`: memory events in date order (undated ones last); the sure ones unless `everything`."""
    return memory_listing(store, year_from, year_to, kind, everything)[0]


def memory_listing(store: Store, year_from: int | None = None, year_to: int | None = None, kind: str | None = None,
                   everything: bool = False) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """`memory --json`, how many uncertain events it held back and how many undated ones it shows:
    {"uncertain": n, "undated": n}."""
    citer = Citer(store)
    listing = recall.memory_listing(store, year_from, year_to, kind, everything)
    return [_event_json(e, citer) for e in listing.events], {"uncertain": listing.uncertain, "undated": listing.undated}


def barometer(store: Store, by: str = "period", periods: str | None = None, everything: bool = False) -> list[dict[str, Any]]:
    """`barometer --json`: per period, de- and re-Stalinization signals by level, the ambivalent
    ones, the poll figures (each with its event's citation), the ids of the events counted and how
    many uncertain ones were held back."""
    return barometer_listing(store, by, periods, everything)[0]


def barometer_listing(store: Store, by: str = "period", periods: str | None = None,
                      everything: bool = False) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """`barometer --json` and how many events it left out: {"uncertain": n, "undated": n}."""
    citer = Citer(store)
    reading = recall.barometer_reading(store, by, periods, everything)
    return [_tally_json(row, citer) for row in reading.rows], {"uncertain": reading.uncertain, "undated": reading.undated}


def reclassify(store: Store, event_id: str, kind: str | None, direction: str | None, level: str | None) -> dict[str, Any]:
    """`reclassify --json`: the memory event as the user corrected it."""
    return _event_json(recall.reclassify(store, event_id, kind, direction, level), Citer(store))


def _event_json(event: MemoryEvent, citer: Citer) -> dict[str, Any]:
    cited = citer.cite(event.document, event.start, event.end)
    return {
        "id": event.id,
        "date": event.date.to_json() if event.date else None,
        "date_from": event.date_from,
        "kind": event.kind,
        "direction": event.direction,
        "level": event.level,
        "actor": event.actor,
        "place": event.place,
        "figures": [figure_json(f) for f in event.figures],
        "cues": list(event.cues),
        "confidence": event.confidence,
        "evidence": list(event.evidence),
        "text": cited["quote"],
        "citation": cited,
    }


def _tally_json(row: PeriodTally, citer: Citer) -> dict[str, Any]:
    return {
        "period": row.period, "start": row.start, "end": row.end, "de": row.de, "re": row.re, "ambivalent": row.ambivalent,
        "polls": [
            figure_json(p.figure) | {"citation": citer.cite(p.event.document, p.event.start, p.event.end)} for p in row.polls
        ],
        "events": [e.id for e in row.events],
        "uncertain": row.uncertain,
    }
