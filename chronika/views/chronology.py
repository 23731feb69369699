"""Chronology: the shapes of `timeline`, `figures` and `conflicts` (`--json`)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from chronika.query.claims import Claim, compare, figure_claims, life_claims
from chronika.query.naming import resolve_name
from chronika.store import Store
from chronika.views.citations import Citer


def _date(start: str, end: str, precision: str, text: str, inferred: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "precision": precision, "text": text, "inferred": bool(inferred)}


def time_date(row: sqlite3.Row, inferred: bool = False) -> dict[str, Any]:
    """The contract's date of a stored time expression (`inferred` also when the caller inferred it)."""
    return _date(row["date_start"], row["date_end"], row["precision"], row["text"], inferred or row["inferred"])


def figure_json(row: sqlite3.Row) -> dict[str, Any]:
    """A stored figure's value, bounds and what it counts, as `figures` and `memory` show it."""
    return {
        "value": row["value"], "low": row["low"], "high": row["high"], "approximate": bool(row["approximate"]),
        "unit": row["unit"], "counted": row["counted"], "text": row["text"],
    }


def event_json(row: sqlite3.Row, citer: Citer, names: dict[str, str]) -> dict[str, Any]:
    """An event: a dated sentence with the entities it names and its citation."""
    cited = citer.cite(row["document_id"], row["start"], row["end"])
    event: dict[str, Any] = {
        "date": _date(row["date_start"], row["date_end"], row["precision"], row["date_text"], row["inferred"]),
        "text": cited["quote"],
        "entities": [names.get(e, e) for e in json.loads(row["entities"])],
        "entity_ids": json.loads(row["entities"]),
        "citation": cited,
        "date_span": [row["date_at"], row["date_until"]],
    }
    if row["old_style_start"]:
        event["old_style"] = {"start": row["old_style_start"], "end": row["old_style_end"]}
    return event


def timeline(store: Store, about: str | None = None, year_from: int | None = None, year_to: int | None = None) -> list[dict[str, Any]]:
    """`timeline --json`: events in date order, for one entity (any alias) and a period if given."""
    entity_id = resolve_name(store, about) if about else None
    citer = Citer(store)
    names = store.entity_names_by_id()
    return [event_json(row, citer, names) for row in store.event_rows(entity_id, year_from, year_to)]


def figures(store: Store, about: str | None = None) -> list[dict[str, Any]]:
    """`figures --json`: every figure (or those about a word), with what it counts and its date."""
    citer = Citer(store)
    out = []
    for row in store.figure_rows(about):
        sentence = store.sentence_at(row["document_id"], row["start"])
        cited = citer.cite(row["document_id"], *sentence)
        out.append(
            figure_json(row)
            | {"date": _nearest_date(store, row, sentence), "span": [row["start"], row["end"]], "citation": cited}
        )
    return out


def _nearest_date(store: Store, row: sqlite3.Row, sentence: tuple[int, int]) -> dict[str, Any] | None:
    """The date a figure refers to: the time expression nearest it in its sentence."""
    times = store.times_between(row["document_id"], *sentence)
    if not times:
        return None
    return time_date(min(times, key=lambda t: abs(t["start"] - row["start"])))


def conflicts(store: Store) -> list[dict[str, Any]]:
    """`conflicts --json`: claims about the same thing from different documents, compared within
    their precision and bounds; conflicts first."""
    citer = Citer(store)
    claims: list[Claim] = life_claims(store) + figure_claims(store)
    out = []
    for group in compare(claims):
        out.append(
            {
                "subject": group.subject,
                "attribute": group.attribute,
                "status": group.status,
                "claims": [
                    {"value": c.value_text, "text": c.text, "citation": citer.cite(c.document, c.start, c.end)}
                    for c in group.claims
                ],
                "reason": group.reason,
            }
        )
    return sorted(out, key=lambda g: (g["status"] != "conflict", g["subject"], g["attribute"]))

