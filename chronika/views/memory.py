"""The memory barometer: the shapes of `memory`, `barometer` and `reclassify` (`--json`)."""

from __future__ import annotations

from typing import Any

from chronika.query import memory as recall
from chronika.query.memory import MemoryEvent, PeriodTally
from chronika.store import Store
from chronika.views.chronology import figure_json, time_date
from chronika.views.citations import Citer


def memory_events(store: Store, year_from: int | None = None, year_to: int | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """`memory --json`: memory events in date order (undated ones last)."""
    citer = Citer(store)
    return [_event_json(e, citer) for e in recall.memory_events(store, year_from, year_to, kind)]


def barometer(store: Store, by: str = "period", periods: str | None = None) -> list[dict[str, Any]]:
    """`barometer --json`: per period, de- and re-Stalinization signals by level, the ambivalent
    ones, the poll figures (each with its event's citation) and the ids of the events counted."""
    citer = Citer(store)
    return [_tally_json(row, citer) for row in recall.barometer(store, by, periods)]


def reclassify(store: Store, event_id: str, kind: str | None, direction: str | None, level: str | None) -> dict[str, Any]:
    """`reclassify --json`: the memory event as the user corrected it."""
    return _event_json(recall.reclassify(store, event_id, kind, direction, level), Citer(store))


def _event_json(event: MemoryEvent, citer: Citer) -> dict[str, Any]:
    cited = citer.cite(event.document, event.start, event.end)
    return {
        "id": event.id,
        "date": time_date(event.date, event.date_inferred) if event.date else None,
        "kind": event.kind,
        "direction": event.direction,
        "level": event.level,
        "actor": event.actor,
        "place": event.place,
        "figures": [figure_json(f) for f in event.figures],
        "cues": list(event.cues),
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
    }
