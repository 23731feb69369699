"""Entities: the shapes of `entities --json` and `entity NAME --json`."""

from __future__ import annotations

from typing import Any

from chronika.query.happenings import happenings
from chronika.query.naming import resolve_name
from chronika.store import Store
from chronika.views.citations import Citer
from chronika.views.chronology import event_json

def entities(store: Store, kind: str | None = None) -> list[dict[str, Any]]:
    """`entities --json`: every entity, most mentioned first."""
    out = []
    for e in store.entities(kind):
        aliases = [n.name for n in store.entity_names(e.id) if n.name != e.name]
        out.append(
            {
                "id": e.id, "name": e.name, "type": e.type, "aliases": aliases,
                "mentions": e.mentions, "documents": e.documents, "note": e.note,
            }
        )
    return out


def entity(store: Store, name: str, mentions_limit: int = 200) -> dict[str, Any]:
    """`entity NAME --json`: an entity with its aliases (and where each was first seen), its
    mentions, the entities named with it, its dated events and what happened to it."""
    entity_id = resolve_name(store, name)
    found = next(e for e in store.entities() if e.id == entity_id)
    citer = Citer(store)
    names = store.entity_names(entity_id)
    mentions = store.entity_mentions(entity_id, mentions_limit)
    everyone = store.entity_names_by_id()
    events = [event_json(e, citer, everyone) for e in store.events(entity_id)]
    return {
        "id": entity_id,
        "name": found.name,
        "type": found.type,
        "note": found.note,
        "aliases": [n.name for n in names if n.name != found.name],
        "alias_sources": [
            {"name": n.name, "mentions": n.mentions, "first_seen": citer.cite(n.document, n.start, n.end)}
            for n in names
        ],
        "mentions": [{"text": m.text, "citation": citer.cite(m.document, m.start, m.end)} for m in mentions],
        "mention_count": found.mentions,
        "documents": found.documents,
        "related": [{"id": r.id, "name": r.name, "count": r.count} for r in store.related(entity_id)],
        "events": events,
        "happenings": _happenings(store, entity_id, citer),
    }


def _happenings(store: Store, entity_id: str, citer: Citer) -> list[dict[str, Any]]:
    """Sentences naming the entity that say what happened to it (arrested, shot, rehabilitated;
    арестован, расстрелян, реабилитирован ...)."""
    out = []
    for sentence in store.sentences_naming(entity_id):
        doc, start, end = sentence.document, sentence.start, sentence.end
        text = citer.text(doc)[start:end]
        found = happenings(text)
        if found:
            out.append({"what": found, "text": text, "citation": citer.cite(doc, start, end)})
    return out
