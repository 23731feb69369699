"""The store's entities and events as users read them, and the user's corrections that resolution
re-applies every time. What resolution reads and writes is `store/resolution.py`."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Callable

from chronika.resolve.resolution import name_key_set
from chronika.records.entities import Correction
from chronika.records.memory import Reclassification
from chronika.records.stored import EntityMention, EntityName, RelatedEntity, StoredEntity, StoredEvent
from chronika.store.connection import Connection, Row


class EntityStore:
    """Entity tables of `Store` (a mixin: `Store` provides the connection and transactions)."""

    db: Connection
    transaction: Callable[[], AbstractContextManager[Connection]]

    # -- the user's corrections, which resolution re-applies -------------------------------------

    def add_correction(self, correction: Correction) -> int:
        payload = {"names": list(correction.names), "type": correction.type}
        with self.transaction() as db:
            row = db.execute(
                "INSERT INTO corrections (kind, payload, created_at) VALUES (?, ?, ?) RETURNING id",
                (correction.kind, json.dumps(payload, ensure_ascii=False), datetime.now(timezone.utc).isoformat()),
            ).fetchone()
        return int(row[0])

    def add_memory_correction(self, source: str, sentence: str, fields: dict[str, str | None]) -> None:
        """Record a reclassified memory event, keyed by its document's source and its words."""
        payload = {"source": source, "sentence": sentence} | {k: v for k, v in fields.items() if v}
        with self.transaction() as db:
            db.execute(
                "INSERT INTO corrections (kind, payload, created_at) VALUES ('memory', ?, ?)",
                (json.dumps(payload, ensure_ascii=False), datetime.now(timezone.utc).isoformat()),
            )

    def memory_corrections(self) -> list[Reclassification]:
        out = []
        for (payload,) in self.db.execute("SELECT payload FROM corrections WHERE kind = 'memory' ORDER BY id"):
            data = json.loads(payload)
            out.append(Reclassification(data["source"], data["sentence"], data.get("kind"), data.get("direction"), data.get("level")))
        return out

    def corrections(self) -> list[Correction]:
        out = []
        for kind, payload in self.db.execute("SELECT kind, payload FROM corrections WHERE kind != 'memory' ORDER BY id"):
            data = json.loads(payload)
            out.append(Correction(kind, tuple(data["names"]), data.get("type")))
        return out

    # -- what users read -----------------------------------------------------------------------

    def entities(self, kind: str | None = None) -> list[StoredEntity]:
        """Every entity (of one type if given), most mentioned first."""
        sql = "SELECT id, name, type, mentions, documents, note FROM entities" + (" WHERE type = ?" if kind else "")
        rows = self.db.execute(sql + " ORDER BY mentions DESC, name, id", (kind,) if kind else ())
        return [StoredEntity(*row) for row in rows]

    def entity_names(self, entity_id: str) -> list[EntityName]:
        rows = self.db.execute(
            'SELECT name, mentions, document_id, start, "end" FROM entity_names WHERE entity_id = ? ORDER BY mentions DESC, name',
            (entity_id,),
        )
        return [EntityName(*row) for row in rows]

    def find_entities(self, name: str) -> list[str]:
        """Ids of the entities a name may stand for: an id, or an id the entity had before an update
        renamed it or merged it into another, or any alias in any spelling or script, or an
        established equivalent of it (Moscow finds Москва)."""
        if self.db.execute("SELECT 1 FROM entities WHERE id = ?", (name,)).fetchone():
            return [name]
        former = self.db.execute(
            "SELECT e.id FROM former_ids f JOIN entities e ON e.key = f.key WHERE f.id = ?", (name,)
        ).fetchone()
        if former:
            return [former[0]]
        keys = sorted(name_key_set(name.strip()))
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT k.entity_id FROM name_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key IN ({marks})"
            " GROUP BY k.entity_id ORDER BY max(e.mentions) DESC, k.entity_id",
            keys,
        )
        return [row[0] for row in rows]

    def entity_mentions(self, entity_id: str, limit: int | None = None) -> list[EntityMention]:
        sql = (
            'SELECT document_id, passage, start, "end", text FROM name_mentions'
            " WHERE entity_key = (SELECT key FROM entities WHERE id = ?)"
            " ORDER BY document_id, start" + (" LIMIT ?" if limit else "")
        )
        return [EntityMention(*row) for row in self.db.execute(sql, (entity_id, limit) if limit else (entity_id,))]

    def related(self, entity_id: str, limit: int = 10) -> list[RelatedEntity]:
        """Entities named in the same sentences, most often first."""
        rows = self.db.execute(
            """
            SELECT e.id, e.name, count(DISTINCT a.document_id || ':' || a.sentence_start) AS n
            FROM name_mentions a
            JOIN name_mentions b ON b.document_id = a.document_id AND b.sentence_start = a.sentence_start
            JOIN entities e ON e.key = b.entity_key
            WHERE a.entity_key = (SELECT key FROM entities WHERE id = ?) AND e.id != ?
            GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?
            """,
            (entity_id, entity_id, limit),
        )
        return [RelatedEntity(*row) for row in rows]

    def events(self, entity_id: str | None = None, year_from: int | None = None, year_to: int | None = None) -> list[StoredEvent]:
        """Events in date order, naming an entity and overlapping a span of years if given."""
        where, args = [], []
        if entity_id:
            where.append("EXISTS (SELECT 1 FROM json_each(ev.entities) AS taking"
                         " WHERE CAST(taking.value AS INTEGER) = (SELECT key FROM entities WHERE id = ?))")
            args.append(entity_id)
        if year_from is not None:
            where.append("ev.date_end >= ?")
            args.append(f"{year_from:04d}-01-01")
        if year_to is not None:
            where.append("ev.date_start <= ?")
            args.append(f"{year_to:04d}-12-31")
        sql = (
            "SELECT ev.*, t.text AS date_text, t.inferred, t.old_style_start, t.old_style_end,"
            " t.start AS date_at, t.\"end\" AS date_until, t.anchor"
            " FROM events ev JOIN time_mentions t ON t.id = ev.time_mention"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY ev.date_start, ev.date_end, ev.document_id, ev.start, ev.time_mention"
        )
        rows = self.db.execute(sql, args).fetchall()
        keys = {key for row in rows for key in json.loads(row["entities"])}
        ids = {row[0]: row[1] for row in self.db.execute(
            "SELECT key, id FROM entities WHERE key IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
            (json.dumps(sorted(keys)),),
        )}
        return [_event(row, ids) for row in rows]

    def entity_names_by_id(self) -> dict[str, str]:
        return {row[0]: row[1] for row in self.db.execute("SELECT id, name FROM entities")}


def _event(row: Row, ids: dict[int, str]) -> StoredEvent:
    """An event, its participants (held by their keys) by their ids."""
    return StoredEvent(
        document=row["document_id"], passage=row["passage"], start=row["start"], end=row["end"],
        date_start=row["date_start"], date_end=row["date_end"], precision=row["precision"], date_text=row["date_text"],
        inferred=bool(row["inferred"]), old_style_start=row["old_style_start"], old_style_end=row["old_style_end"],
        date_at=row["date_at"], date_until=row["date_until"], anchor=row["anchor"],
        entities=tuple(sorted(ids[key] for key in json.loads(row["entities"]))),
    )
