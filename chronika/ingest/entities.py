"""Entities brought up to date with the stored mentions, and the user's corrections recorded and
applied. No reader or NLP model is needed here: a correction works on what the store already holds.

After an ingest only the names its documents' mentions reach are re-resolved (resolve/scope.py),
so adding a small file to a large store costs about what the file costs; the result is the one a
full resolution gives. A full resolution runs when the store has none yet, or when the change
reaches most of the mentions."""

from __future__ import annotations

import re
from collections import Counter

from chronika.errors import ChronikaError
from chronika.query.naming import resolve_name
from chronika.records.entities import Correction, Entity, Succession
from chronika.resolve.resolution import name_kinds, resolve_counted, slug
from chronika.resolve.scope import alias_link, correction_link, linked, name_scope
from chronika.store import Store

MOST = 0.5  # a change that reaches this share of the mentions re-resolves them all


def resolve_entities(store: Store) -> int:
    """Update the entities (and events) for the mentions added or removed since the last resolution,
    the user's corrections applied. Returns how many entities were re-resolved."""
    if not store.scopes_stored():
        return rebuild_entities(store)
    return _update(store, set())


def rebuild_entities(store: Store) -> int:
    """Rebuild the entities (and events) from every stored mention, the user's corrections applied."""
    mentions = store.mention_records()
    kinds = name_kinds(mentions, {})
    entities = resolve_counted(mentions, {}, store.alias_records(), store.corrections(), kinds)
    before = store.mention_entities()
    store.save_entities(entities, _scopes(kinds), _succession(entities, {m.id: before.get(m.id) for m in mentions}, {}))
    return len(entities)


def check(store: Store, correction: Correction) -> None:
    """Refuse, before anything is recorded, a correction that names no entity or several
    (`AmbiguousName`), merges one entity with itself, or splits off a name its entity does not
    bear. The command line and the reading room both check corrections here."""
    named = correction.names[:1] if correction.kind == "split" else correction.names
    ids = [resolve_name(store, name) for name in named]  # ChronikaError for none, AmbiguousName for several
    if correction.kind == "merge" and len(set(ids)) < 2:
        raise ChronikaError(f"'{correction.names[0]}' and '{correction.names[1]}' are one entity already")
    if correction.kind == "split":
        bears = {n.name.lower() for n in store.entity_names(ids[0])}
        if correction.names[1].lower() not in bears:
            raise ChronikaError(
                f"'{correction.names[1]}' is not a name of {correction.names[0]}; split off one of its own names"
            )


def correct(store: Store, correction: Correction) -> None:
    """Record a user's correction and re-resolve the names it reaches (it is re-applied after every
    later ingest too)."""
    store.add_correction(correction)
    if store.scopes_stored():
        _update(store, set(correction_link(correction)))
    else:
        rebuild_entities(store)


def _update(store: Store, keys: set[str]) -> int:
    """Re-resolve what the keys `keys`, the mentions no entity holds yet and the entities that lost
    mentions reach, closed over shared keys, declared aliases, corrections, the entities that hold
    them and those whose ids they could renumber; replace those entities with what that gives."""
    new = set(store.unresolved_names())
    old = set(store.stale_entities())
    if not new and not old and not keys:
        store.build_missing_events()  # a new document naming no one still has its dated sentences
        return 0  # every mention has its entity, and every entity its mentions
    gone = store.names_of_entities(old)
    keys |= {k for name in new for k in name_scope(name, True)}
    keys |= {k for ks in store.name_scopes(gone).values() for k in ks}
    aliases = [(alias_link(a), a) for a in store.alias_records()]
    corrections = store.corrections()
    links = [link for link, _ in aliases] + [correction_link(c) for c in corrections]
    total = store.mention_count()
    names: set[str] = set()
    while True:
        names, old = _closure(store, keys, links, new | names, old)
        mentions, counts, before = store.mention_groups(names)
        if mentions and len(mentions) + sum(counts.values()) - len(counts) > MOST * total:
            return rebuild_entities(store)
        kinds = name_kinds(mentions, counts)
        entities = resolve_counted(mentions, counts, [a for link, a in aliases if link & keys], corrections, kinds)
        scopes = _scopes(kinds)
        wider = {k for ks in scopes.values() for k in ks} - keys
        slugs = {slug(e.name) for e in entities} | {s for e in old for s in (e, re.sub(r"-\d+$", "", e))}
        renumbered = {e for e, name in store.entities_with_slugs(slugs) if e not in old and slug(name) in slugs}
        if not wider and not renumbered:
            break
        keys |= wider
        old |= renumbered
    succession = _succession(entities, before, counts)
    named = {m.id: (m.document, m.normal) for m in mentions}
    held = {named[record]: e.id for e in entities for record in e.mentions
            if before[record] is None or before[record] != succession.continued.get(e.id)}
    store.replace_entities(old, entities, succession, held, scopes, gone - set(scopes))
    return len(entities)


def _succession(entities: list[Entity], before: dict[int, str | None], counts: dict[int, int]) -> Succession:
    """How the re-resolved entities follow the old ones (`before`: each record's old entity), by
    the mentions they share. Each new entity continues the old one whose mentions it holds most of,
    each old one continued once, the largest shares first: a continued entity keeps its key in the
    store, so its mentions stay as they are even when its id changes (a fuller name). Each old
    entity's successor is the new one that holds most of its mentions (a merge's, a rename's)."""
    shares: Counter[tuple[str, str]] = Counter()
    for e in entities:
        for record in e.mentions:
            held_by = before[record]
            if held_by is not None:
                shares[e.id, held_by] += counts.get(record, 1)
    continued: dict[str, str] = {}
    successors: dict[str, str] = {}
    taken: set[str] = set()
    for (new, old), _ in sorted(shares.items(), key=lambda item: (-item[1], item[0][1], item[0][0])):
        successors.setdefault(old, new)
        if new not in continued and old not in taken:
            continued[new] = old
            taken.add(old)
    return Succession(continued, successors)


def _closure(
    store: Store, keys: set[str], links: list[frozenset[str]], names: set[str], old: set[str]
) -> tuple[set[str], set[str]]:
    """The names and entities that `names`, `keys` and `old` reach (`keys` grows in place)."""
    done: set[str] = set()
    while True:
        keys |= linked(keys, links)
        names = names | store.names_keyed(keys) | store.names_of_entities(old)
        fresh = names - done
        held = old | store.entities_naming(fresh)
        more = {k for ks in store.name_scopes(fresh).values() for k in ks} - keys
        if not fresh and held == old and not more:
            return names, old
        done, old = names, held
        keys |= more


def _scopes(kinds: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each mentioned name's keys, as resolution now types it."""
    return {name: name_scope(name, kind == "person") for name, kind in kinds.items()}
