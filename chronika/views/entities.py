"""Entities: the shapes of `entities --json` and `entity NAME --json`."""

from __future__ import annotations

import re
from typing import Any

from chronika.query.naming import resolve_name
from chronika.store import Store
from chronika.views.citations import Citer
from chronika.views.chronology import event_json

# What happened to a person, in the words the sources use.
HAPPENINGS = re.compile(
    r"\b(born|died|death|arrested|arrest|shot|executed|execution|exiled|exile|deported|rehabilitated|"
    r"rehabilitation|appointed|elected|expelled|sentenced|tried|trial|killed|murdered|assassinated|"
    r"released|dismissed|removed|buried|imprisoned|condemned|purged|liquidated|committed suicide)\b",
    re.IGNORECASE,
)


def entities(store: Store, kind: str | None = None) -> list[dict[str, Any]]:
    """`entities --json`: every entity, most mentioned first."""
    out = []
    for row in store.entity_rows(kind):
        aliases = [n["name"] for n in store.entity_names(row["id"]) if n["name"] != row["name"]]
        out.append(
            {
                "id": row["id"], "name": row["name"], "type": row["type"], "aliases": aliases,
                "mentions": row["mentions"], "documents": row["documents"], "note": row["note"],
            }
        )
    return out


def entity(store: Store, name: str, mentions_limit: int = 200) -> dict[str, Any]:
    """`entity NAME --json`: an entity with its aliases (and where each was first seen), its
    mentions, the entities named with it, its dated events and what happened to it."""
    entity_id = resolve_name(store, name)
    row = next(r for r in store.entity_rows() if r["id"] == entity_id)
    citer = Citer(store)
    names = store.entity_names(entity_id)
    mentions = store.entity_mentions(entity_id, mentions_limit)
    events = [event_json(e, citer, store.entity_names_by_id()) for e in store.event_rows(entity_id)]
    return {
        "id": entity_id,
        "name": row["name"],
        "type": row["type"],
        "note": row["note"],
        "aliases": [n["name"] for n in names if n["name"] != row["name"]],
        "alias_sources": [
            {"name": n["name"], "mentions": n["mentions"], "first_seen": citer.cite(n["document_id"], n["start"], n["end"])}
            for n in names
        ],
        "mentions": [{"text": m["text"], "citation": citer.cite(m["document_id"], m["start"], m["end"])} for m in mentions],
        "mention_count": row["mentions"],
        "documents": row["documents"],
        "related": [{"id": i, "name": n, "count": c} for i, n, c in store.related(entity_id)],
        "events": events,
        "happenings": _happenings(store, entity_id, citer),
    }


def _happenings(store: Store, entity_id: str, citer: Citer) -> list[dict[str, Any]]:
    """Sentences naming the entity that say what happened to it (arrested, shot, rehabilitated ...)."""
    out = []
    for doc, start, end in store.sentences_naming(entity_id):
        text = citer.text(doc)[start:end]
        found = HAPPENINGS.findall(text)
        if found:
            out.append({"what": sorted({w.lower() for w in found}), "text": text, "citation": citer.cite(doc, start, end)})
    return out
