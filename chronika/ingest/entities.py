"""Entities rebuilt from the stored mentions, and the user's corrections recorded and applied.
No reader or NLP model is needed here: a correction works on what the store already holds."""

from __future__ import annotations

from chronika.records.entities import Correction
from chronika.resolve.resolution import resolve
from chronika.store import Store


def resolve_entities(store: Store) -> int:
    """Rebuild the entities (and events) from every stored mention, the user's corrections applied."""
    entities = resolve(store.mention_records(), store.alias_records(), store.corrections())
    store.save_entities(entities)
    return len(entities)


def correct(store: Store, correction: Correction) -> None:
    """Record a user's correction and rebuild the entities with it (it is re-applied after every
    later ingest too)."""
    store.add_correction(correction)
    resolve_entities(store)
