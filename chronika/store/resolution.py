"""What resolution reads and writes in the store: every stored mention and declared alias, the
entities and events it derives (replaced whole, or only those an update reaches), and the names'
keys an update uses to find what a change can move (resolve/scope.py).

A mention and an event hold their entity by its internal key (`entities.key`), never by its public
id: an entity renamed as the corpus grows ("Kirov", then one document's "Sergei Kirov": kirov ->
sergei-kirov) keeps its key, so an update rewrites only the mentions that changed entity."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Callable, Iterable

from chronika.records.entities import AliasRecord, Entity, MentionRecord, Succession
from chronika.resolve.resolution import name_key_set
from chronika.store.connection import Connection


class ResolutionStore:
    """Resolution's tables of `Store` (a mixin: `Store` provides the connection and transactions)."""

    db: Connection
    transaction: Callable[[], AbstractContextManager[Connection]]

    # -- what resolution reads -----------------------------------------------------------------

    def mention_records(self) -> list[MentionRecord]:
        return [
            MentionRecord(row[0], row[1], row[2], row[3], tuple(json.loads(row[4])))
            for row in self.db.execute("SELECT id, document_id, normal, type, evidence FROM name_mentions ORDER BY id")
        ]

    def alias_records(self) -> list[AliasRecord]:
        return [AliasRecord(*row) for row in self.db.execute("SELECT document_id, name, alias, kind FROM alias_declarations")]

    # -- what resolution writes ----------------------------------------------------------------

    def save_entities(
        self, entities: list[Entity], scopes: dict[str, frozenset[str]] | None = None, succession: Succession | None = None
    ) -> None:
        """Replace the derived entity tables and events in one transaction; with `scopes` (every
        mentioned name's keys, resolve/scope.py) later updates may re-resolve only what they reach;
        `succession`: how the new entities follow the stored ones (their keys and former ids)."""
        with self.transaction() as db:
            kept = {row[0]: row[1] for row in db.execute("SELECT id, key FROM entities")}
            keys = _keys(entities, succession or Succession(), kept, max(kept.values(), default=0))
            _follow(db, kept, keys, succession or Succession())
            for table in ("events", "name_keys", "entity_names", "entities", "mention_keys"):
                db.execute(f"DELETE FROM {table}")
            db.execute("UPDATE name_mentions SET entity_key = NULL")
            _insert_entities(db, entities, keys, _first_seen(db))
            for e in entities:
                db.executemany("UPDATE name_mentions SET entity_key = ? WHERE id = ?", [(keys[e.id], m) for m in e.mentions])
            _rebuild_events(db)
            db.execute("DELETE FROM store_state WHERE key IN (?, ?)", (_SCOPES, _REMOVED))
            if scopes is not None:
                _insert_scopes(db, scopes)
                db.execute("INSERT INTO store_state (key, value) VALUES (?, '{}')", (_SCOPES,))

    def replace_entities(
        self,
        old: Iterable[str],
        entities: list[Entity],
        succession: Succession,
        held: dict[tuple[int, str], str],
        scopes: dict[str, frozenset[str]],
        gone: Iterable[str] = (),
    ) -> None:
        """Replace some entities by those re-resolved from all the mentions they and the new ones hold
        (`succession`: how the new ones follow the old, their keys and former ids; `held`: the new
        entity of each name in each document where its mentions change entity; `scopes`: those
        names' keys; `gone`: names no longer mentioned), in one transaction. Events are rebuilt for
        documents that have none yet (new ones) and refreshed in the sentences whose mentions
        changed entity."""
        with self.transaction() as db:
            ids = json.dumps(sorted(set(old) | {e.id for e in entities}))
            kept = {row[0]: row[1] for row in db.execute(
                "SELECT id, key FROM entities WHERE id IN (SELECT value FROM json_each(?))", (ids,)
            )}
            last = int(db.execute("SELECT coalesce(max(key), 0) FROM entities").fetchone()[0])
            keys = _keys(entities, succession, kept, last)
            _follow(db, kept, keys, succession)
            for table in ("name_keys", "entity_names"):
                db.execute(f"DELETE FROM {table} WHERE entity_id IN (SELECT value FROM json_each(?))", (ids,))
            db.execute("DELETE FROM entities WHERE id IN (SELECT value FROM json_each(?))", (ids,))
            _insert_entities(db, entities, keys, _first_seen(db, {n for e in entities for n in e.names}))
            changed = self._reassign(db, {place: keys[entity] for place, entity in held.items()})
            names = json.dumps(sorted(set(scopes) | set(gone)))
            db.execute("DELETE FROM mention_keys WHERE normal IN (SELECT value FROM json_each(?))", (names,))
            _insert_scopes(db, scopes)
            new = _documents_without_events(db)
            _rebuild_events(db, new)
            db.execute("DELETE FROM store_state WHERE key = ?", (_REMOVED,))
            fresh = set(new)
            db.executemany(
                f"UPDATE events SET entities = {_PARTICIPANTS.format(doc='events.document_id', sentence='events.start')}"
                " WHERE document_id = ? AND start = ?",
                sorted((doc, sentence) for doc, sentence in changed if doc not in fresh),
            )

    def _reassign(self, db: Connection, held: dict[tuple[int, str], int]) -> set[tuple[int, int]]:
        """Give each name's mentions in a document their new entity's key (`held`), in one
        statement; the (document, sentence) of every mention that changed entity."""
        given = json.dumps(sorted([name, doc, key] for (doc, name), key in held.items()), ensure_ascii=False)
        return {(row[0], row[1]) for row in db.execute(
            "UPDATE name_mentions SET entity_key = j.value ->> 2 FROM json_each(?) j"
            " WHERE normal = j.value ->> 0 AND document_id = j.value ->> 1 AND entity_key IS NOT j.value ->> 2"
            " RETURNING document_id, sentence_start",
            (given,),
        ).fetchall()}

    def build_missing_events(self) -> None:
        """Events for the documents with dated times but no events yet: new ones that name no one,
        which an update of the entities does not reach."""
        if _documents_without_events(self.db):
            with self.transaction() as db:
                _rebuild_events(db, _documents_without_events(db))

    # -- what an update of the entities reads --------------------------------------------------

    def mention_entities(self) -> dict[int, str]:
        """Every resolved mention's entity, by the mention's id."""
        return {row[0]: row[1] for row in self.db.execute(
            "SELECT m.id, e.id FROM name_mentions m JOIN entities e ON e.key = m.entity_key"
        )}

    def scopes_stored(self) -> bool:
        """Whether the mentioned names' keys are stored (by a full resolution since they were added)."""
        return self.db.execute("SELECT 1 FROM store_state WHERE key = ?", (_SCOPES,)).fetchone() is not None

    def unresolved_names(self) -> list[str]:
        """The names of mentions that no entity holds yet (those of new documents)."""
        return [row[0] for row in self.db.execute("SELECT DISTINCT normal FROM name_mentions WHERE entity_key IS NULL")]

    def stale_entities(self) -> list[str]:
        """Entities that lost mentions since they were resolved (their documents replaced or
        removed): none unless a document was, and then found by counting every entity's mentions."""
        if self.db.execute("SELECT 1 FROM store_state WHERE key = ?", (_REMOVED,)).fetchone() is None:
            return []
        rows = self.db.execute(
            "SELECT id FROM entities e WHERE mentions != (SELECT count(*) FROM name_mentions m WHERE m.entity_key = e.key)"
        )
        return [row[0] for row in rows]

    def name_scopes(self, names: Iterable[str]) -> dict[str, frozenset[str]]:
        """The keys stored for these names by the last resolution that saw them."""
        found: dict[str, set[str]] = {}
        for normal, key in self.db.execute(
            "SELECT normal, key FROM mention_keys WHERE normal IN (SELECT value FROM json_each(?))", (_json(names),)
        ):
            found.setdefault(normal, set()).add(key)
        return {normal: frozenset(keys) for normal, keys in found.items()}

    def names_keyed(self, keys: Iterable[str]) -> set[str]:
        """The mentioned names that have one of these keys."""
        rows = self.db.execute("SELECT normal FROM mention_keys WHERE key IN (SELECT value FROM json_each(?))", (_json(keys),))
        return {row[0] for row in rows}

    def names_of_entities(self, ids: Iterable[str]) -> set[str]:
        """Every name the entities had when resolved (the names of the mentions they still hold are among them)."""
        rows = self.db.execute(
            "SELECT DISTINCT name FROM entity_names WHERE entity_id IN (SELECT value FROM json_each(?))", (_json(ids),)
        )
        return {row[0] for row in rows}

    def entities_naming(self, names: Iterable[str]) -> set[str]:
        """The entities that had one of these names when resolved (every entity that holds a mention of one)."""
        rows = self.db.execute(
            "SELECT DISTINCT entity_id FROM entity_names WHERE name IN (SELECT value FROM json_each(?))", (_json(names),)
        )
        return {row[0] for row in rows}

    def mention_groups(
        self, names: Iterable[str]
    ) -> tuple[list[MentionRecord], dict[int, int], dict[int, str | None]]:
        """The mentions of these names, those of one name in one document with one type, the same
        cues and the same entity read as one record (its id their smallest), in the order of their
        ids; how many each stands for (`resolve_counted`), and the entity that holds them."""
        rows = self.db.execute(
            "SELECT g.*, e.id FROM (SELECT min(id) AS first, document_id, normal, type, evidence, count(*) AS n, entity_key"
            " FROM name_mentions WHERE normal IN (SELECT value FROM json_each(?))"
            " GROUP BY normal, document_id, type, evidence, entity_key) AS g"
            " LEFT JOIN entities e ON e.key = g.entity_key ORDER BY g.first",
            (_json(names),),
        ).fetchall()
        records = [MentionRecord(row[0], row[1], row[2], row[3], _evidence(row[4])) for row in rows]
        return records, {row[0]: row[5] for row in rows if row[5] > 1}, {row[0]: row[7] for row in rows}

    def mention_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM name_mentions").fetchone()[0])

    def entities_with_slugs(self, slugs: Iterable[str]) -> list[tuple[str, str]]:
        """(id, name) of the stored entities whose ids may be one of these slugs or a numbered one."""
        out: list[tuple[str, str]] = []
        for slug in sorted(set(slugs)):
            rows = self.db.execute(
                "SELECT id, name FROM entities WHERE id = ? OR (id > ? AND id < ?)", (slug, f"{slug}-", f"{slug}.")
            )
            out.extend((row[0], row[1]) for row in rows)
        return out


_SCOPES = "mention_keys"  # store_state: the names' keys are stored
_REMOVED = "mentions_removed"  # store_state: a document's mentions were deleted since the last resolution
# The entities named in one sentence of a document, as an event's JSON list of their keys.
_PARTICIPANTS = (
    "(SELECT coalesce(json_group_array(entity_key), '[]') FROM (SELECT DISTINCT m.entity_key FROM name_mentions m"
    " WHERE m.document_id = {doc} AND m.sentence_start = {sentence} AND m.entity_key IS NOT NULL ORDER BY m.entity_key)"
    " AS named)"
)


@lru_cache(maxsize=4096)
def _evidence(stored: str) -> tuple[str, ...]:
    """A mention's cues from their JSON (most mentions share a few lists)."""
    return tuple(json.loads(stored))


def mentions_removed(db: Connection) -> None:
    """Record, in the caller's transaction, that a document's mentions were deleted: the next
    update of the entities looks for the entities that lost some (`stale_entities`)."""
    db.execute("INSERT INTO store_state (key, value) VALUES (?, '{}') ON CONFLICT (key) DO NOTHING", (_REMOVED,))


def _json(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)), ensure_ascii=False)


def _keys(entities: list[Entity], succession: Succession, kept: dict[str, int], last: int) -> dict[str, int]:
    """Each new entity's key: the key of the stored entity it continues, else one past `last`
    (the largest key in use, so that no key is ever given to two entities)."""
    keys: dict[str, int] = {}
    for e in entities:
        if succession.continued.get(e.id) in kept:
            keys[e.id] = kept[succession.continued[e.id]]
        else:
            last += 1
            keys[e.id] = last
    return keys


def _follow(db: Connection, kept: dict[str, int], keys: dict[str, int], succession: Succession) -> None:
    """Keep the former ids pointing at live entities as the stored ones (`kept`, id: key) are
    replaced by the new ones (`keys`): an old id no longer in use, and every former id of an old
    entity, find the old entity's successor (they are dropped when none holds its mentions); an id
    in use again is no longer a former one."""
    if not kept:
        return
    moved: dict[int, int | None] = {}
    for old, key in kept.items():
        heir = succession.successors.get(old)
        moved[key] = keys.get(heir) if heir is not None else None
    olds = json.dumps(sorted(set(moved)))
    rows = db.execute("SELECT id, key FROM former_ids WHERE key IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
                      (olds,)).fetchall()
    former = {row[0]: moved[row[1]] for row in rows}
    former |= {old: moved[key] for old, key in kept.items() if old not in keys}
    live = {old: key for old, key in former.items() if key is not None and old not in keys}
    db.execute("DELETE FROM former_ids WHERE key IN (SELECT CAST(value AS INTEGER) FROM json_each(?))", (olds,))
    db.execute("DELETE FROM former_ids WHERE id IN (SELECT value FROM json_each(?))", (_json(set(live) | set(keys)),))
    db.executemany("INSERT INTO former_ids (id, key) VALUES (?, ?)", sorted(live.items()))


def _insert_entities(
    db: Connection, entities: list[Entity], keys: dict[str, int], first_seen: dict[str, tuple[int, int, int]]
) -> None:
    for e in entities:
        db.execute(
            "INSERT INTO entities (id, name, type, mentions, documents, note, key) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (e.id, e.name, e.type, sum(e.names.values()), len(e.documents), e.note, keys[e.id]),
        )
        db.executemany(
            "INSERT INTO entity_names VALUES (?, ?, ?, ?, ?, ?)",
            [(e.id, name, n, *first_seen[name]) for name, n in e.names.items() if name in first_seen],
        )
        name_keys = {k for name in e.names for k in name_key_set(name)}
        db.executemany("INSERT INTO name_keys VALUES (?, ?)", [(k, e.id) for k in sorted(name_keys)])


def _insert_scopes(db: Connection, scopes: dict[str, frozenset[str]]) -> None:
    db.executemany(
        "INSERT INTO mention_keys (key, normal) VALUES (?, ?)",
        [(key, normal) for normal, keys in scopes.items() for key in sorted(keys)],
    )


def _first_seen(db: Connection, names: set[str] | None = None) -> dict[str, tuple[int, int, int]]:
    """Where each name (of `names`, else every name) is first mentioned: (document, start, end)."""
    seen: dict[str, tuple[int, int, int]] = {}
    if names is None:
        rows = db.execute('SELECT normal, document_id, start, "end" FROM name_mentions ORDER BY document_id, start')
    else:
        rows = db.execute(
            'SELECT m.normal, m.document_id, m.start, m."end" FROM json_each(?) j JOIN name_mentions m ON m.id ='
            " (SELECT id FROM name_mentions WHERE normal = j.value ORDER BY document_id, start LIMIT 1)",
            (_json(names),),
        )
    for normal, doc, start, end in rows:
        seen.setdefault(normal, (doc, start, end))
    return seen


# the time expressions that date an event: a date or a time of day, or a range between two stated dates
# ("from 1936 to 1938", TIMEX3's DURATION anchored at both ends); never a duration or a set on its own
_DATED = "t.date_start IS NOT NULL AND (t.type IN ('DATE', 'TIME') OR t.type = 'DURATION' AND t.anchor = 'absolute')"


def _documents_without_events(db: Connection) -> list[int]:
    """The documents that have a dated time expression but no event (new since the last resolution)."""
    return [row[0] for row in db.execute(
        "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id)"
        " AND EXISTS (SELECT 1 FROM time_mentions t WHERE t.document_id = d.id AND " + _DATED + ")"
    )]


def _rebuild_events(db: Connection, documents: list[int] | None = None) -> None:
    """An event is a sentence with a dated time expression (a date, a time of day, a range of dates),
    its participants the entities named in it.
    Built for `documents` (else all), each time's sentence found through (document, start)."""
    only = "" if documents is None else " AND t.document_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))"
    args = () if documents is None else (json.dumps(documents),)
    if documents is not None:
        db.execute("DELETE FROM events WHERE document_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))", args)
    db.execute(
        'INSERT INTO events (document_id, passage, start, "end", time_mention, date_start, date_end, precision, entities)'
        ' SELECT t.document_id, s.passage, s.start, s."end", t.id, t.date_start, t.date_end, t.precision, '
        + _PARTICIPANTS.format(doc="t.document_id", sentence="t.sentence_start")
        + " FROM time_mentions t JOIN sentences s INDEXED BY sentences_start"
        " ON s.document_id = t.document_id AND s.start = t.sentence_start"
        " WHERE " + _DATED + only + " ORDER BY t.id",
        args,
    )
