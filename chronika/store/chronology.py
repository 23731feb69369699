"""The store's time expressions, sentences and figures, as the chronology views read them."""

from __future__ import annotations

import json
from datetime import date

from chronika.records.dates import DateInterval
from chronika.records.memory import StoredMemoryMention
from chronika.records.stored import NamedPerson, PersonSentence, ResolvedName, SentenceSpan, StoredFigure, StoredTime
from chronika.store.connection import Connection, Row


class ChronologyStore:
    """Chronology tables of `Store` (a mixin: `Store` provides the connection)."""

    db: Connection

    def figures(self, about: str | None = None) -> list[StoredFigure]:
        """Figures in document order; with `about`, those whose counted words or sentence hold it."""
        figures = [_figure(row) for row in self.db.execute("SELECT * FROM figure_mentions ORDER BY document_id, start")]
        if not about:
            return figures
        word = about.lower()
        kept = []
        for figure in figures:
            start, end = self.sentence_at(figure.document, figure.start)
            sentence = self.db.execute(
                "SELECT substr(text, ?, ?) FROM documents WHERE id = ?", (start + 1, end - start, figure.document)
            ).fetchone()[0]
            if word in (figure.counted or "").lower() or word in sentence.lower():
                kept.append(figure)
        return kept

    def sentence_at(self, doc_id: int, offset: int) -> tuple[int, int]:
        """The sentence holding an offset of a document's text (start, end)."""
        row = self.db.execute(
            'SELECT start, "end" FROM sentences WHERE document_id = ? AND start <= ? ORDER BY start DESC LIMIT 1',
            (doc_id, offset),
        ).fetchone()
        return (row[0], row[1]) if row else (offset, offset)

    def times_between(self, doc_id: int, start: int, end: int) -> list[StoredTime]:
        rows = self.db.execute(
            'SELECT * FROM time_mentions WHERE document_id = ? AND start >= ? AND "end" <= ? AND date_start IS NOT NULL'
            " ORDER BY start",
            (doc_id, start, end),
        )
        return [_time(row) for row in rows]

    def sentences_naming(self, entity_id: str) -> list[SentenceSpan]:
        """Every sentence that names an entity. (INDEXED BY: left to itself the planner looks a
        sentence up by its document alone, reading every sentence of a long document per mention.)"""
        rows = self.db.execute(
            """
            SELECT DISTINCT s.document_id, s.start, s."end" FROM name_mentions m
            JOIN sentences s INDEXED BY sentences_start ON s.document_id = m.document_id AND s.start = m.sentence_start
            WHERE m.entity_key = (SELECT key FROM entities WHERE id = ?) ORDER BY s.document_id, s.start
            """,
            (entity_id,),
        )
        return [SentenceSpan(*row) for row in rows]

    def dated_person_sentences(self) -> list[NamedPerson]:
        """Every mention of a person in a sentence that also holds a dated time expression: the
        person's name, the sentence and where the mention ends."""
        rows = self.db.execute(
            """
            SELECT e.name, m.document_id, s.start, s."end", m."end" FROM name_mentions m
            JOIN entities e ON e.key = m.entity_key AND e.type = 'person'
            JOIN sentences s INDEXED BY sentences_start ON s.document_id = m.document_id AND s.start = m.sentence_start
            WHERE EXISTS (SELECT 1 FROM time_mentions t WHERE t.document_id = m.document_id
                          AND t.sentence_start = m.sentence_start AND t.date_start IS NOT NULL)
            ORDER BY m.document_id, m.start
            """
        )
        return [NamedPerson(*row) for row in rows]

    def sentences_with_one_date(self) -> list[tuple[SentenceSpan, StoredTime]]:
        """Every sentence that states exactly one dated time expression, with that expression."""
        rows = self.db.execute(
            """
            SELECT t.*, s."end" AS sentence_end FROM time_mentions t
            JOIN sentences s INDEXED BY sentences_start ON s.document_id = t.document_id AND s.start = t.sentence_start
            WHERE t.date_start IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM time_mentions o WHERE o.document_id = t.document_id
                AND o.sentence_start = t.sentence_start AND o.date_start IS NOT NULL AND o.id != t.id
            )
            ORDER BY t.document_id, t.sentence_start
            """
        )
        return [(SentenceSpan(row["document_id"], row["sentence_start"], row["sentence_end"]), _time(row)) for row in rows]

    def person_mention_starts(self, doc_id: int, start: int, end: int) -> list[int]:
        rows = self.db.execute(
            "SELECT m.start FROM name_mentions m JOIN entities e ON e.key = m.entity_key AND e.type = 'person'"
            ' WHERE m.document_id = ? AND m.start >= ? AND m.start < ? AND m."end" <= ? ORDER BY m.start',
            (doc_id, start, end, end),  # start < end bounds the index range (else it runs to the document's end)
        )
        return [r[0] for r in rows]

    def places_in_passage(self, doc_id: int, passage: int) -> list[str]:
        rows = self.db.execute(
            "SELECT DISTINCT e.name FROM name_mentions m JOIN entities e ON e.key = m.entity_key AND e.type = 'place'"
            " WHERE m.document_id = ? AND m.passage = ? ORDER BY e.name",
            (doc_id, passage),
        )
        return [r[0] for r in rows]

    def pronoun_sentences(self) -> list[PersonSentence]:
        """Dated sentences that name no person, each with the person the sentence before it (in the
        same passage) names first."""
        rows = self.db.execute(
            """
            SELECT s.document_id, s.passage, s.start, s."end" FROM sentences s
            WHERE EXISTS (SELECT 1 FROM time_mentions t WHERE t.document_id = s.document_id
                          AND t.sentence_start = s.start AND t.date_start IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM name_mentions m JOIN entities e ON e.key = m.entity_key AND e.type = 'person'
                              WHERE m.document_id = s.document_id AND m.sentence_start = s.start)
            """
        ).fetchall()
        out = []
        for doc, passage, start, end in rows:
            before = self.db.execute(
                'SELECT start FROM sentences WHERE document_id = ? AND passage = ? AND start < ? ORDER BY start DESC LIMIT 1',
                (doc, passage, start),
            ).fetchone()
            if before is None:
                continue
            # INDEXED BY: for ORDER BY start the planner reads all of the document's mentions.
            first = self.db.execute(
                "SELECT e.name FROM name_mentions m INDEXED BY name_mentions_sentence"
                " JOIN entities e ON e.key = m.entity_key AND e.type = 'person'"
                " WHERE m.document_id = ? AND m.sentence_start = ? ORDER BY m.start LIMIT 1",
                (doc, before[0]),
            ).fetchone()
            if first is not None:
                out.append(PersonSentence(str(first[0]), doc, start, end))
        return out

    def document_mentions(self, doc_id: int) -> list[ResolvedName]:
        """A document's resolved name mentions in text order."""
        rows = self.db.execute(
            'SELECT m.start, m."end", e.id FROM name_mentions m JOIN entities e ON e.key = m.entity_key'
            " WHERE m.document_id = ? ORDER BY m.start",
            (doc_id,),
        )
        return [ResolvedName(*row) for row in rows]

    def document_figures(self, doc_id: int) -> list[StoredFigure]:
        rows = self.db.execute("SELECT * FROM figure_mentions WHERE document_id = ? ORDER BY start", (doc_id,))
        return [_figure(row) for row in rows]

    def memory_signals(self) -> list[StoredMemoryMention]:
        """Every sentence read as a memory event, in document order, with its document's source."""
        rows = self.db.execute(
            "SELECT m.*, d.source FROM memory_signals m JOIN documents d ON d.id = m.document_id ORDER BY m.document_id, m.start"
        )
        return [
            StoredMemoryMention(
                document=row["document_id"], passage=row["passage"], start=row["start"], end=row["end"], kind=row["kind"],
                direction=row["direction"], level=row["level"], cues=tuple(json.loads(row["cues"])), source=row["source"],
                date=_interval(row), date_from=row["date_from"], confidence=row["confidence"],
                evidence=tuple(json.loads(row["evidence"])),
            )
            for row in rows
        ]

    def first_named(self, doc_id: int, start: int, end: int, types: tuple[str, ...]) -> str | None:
        """The first entity of one of `types` named in text[start:end] of a document."""
        marks = ",".join("?" * len(types))
        row = self.db.execute(
            f"SELECT e.name FROM name_mentions m JOIN entities e ON e.key = m.entity_key AND e.type IN ({marks})"
            ' WHERE m.document_id = ? AND m.start >= ? AND m."end" <= ? ORDER BY m.start LIMIT 1',
            (*types, doc_id, start, end),
        ).fetchone()
        return str(row[0]) if row else None

    def figures_between(self, doc_id: int, start: int, end: int) -> list[StoredFigure]:
        rows = self.db.execute(
            'SELECT * FROM figure_mentions WHERE document_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
            (doc_id, start, end),
        )
        return [_figure(row) for row in rows]

    def dates_before(self, doc_id: int, passage: int, offset: int) -> list[StoredTime]:
        """Dated time expressions of a passage before an offset, in text order."""
        rows = self.db.execute(
            "SELECT * FROM time_mentions WHERE document_id = ? AND passage = ? AND start < ? AND date_start IS NOT NULL"
            " AND type = 'DATE' ORDER BY start",
            (doc_id, passage, offset),
        )
        return [_time(row) for row in rows]

    def document_text(self, doc_id: int) -> str:
        return str(self.db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])


def _interval(row: Row) -> DateInterval | None:
    """A memory event's act date, as extraction stored it."""
    if row["date_start"] is None:
        return None
    return DateInterval(date.fromisoformat(row["date_start"]), date.fromisoformat(row["date_end"]), row["date_precision"],
                        row["date_text"])


def _time(row: Row) -> StoredTime:
    return StoredTime(
        document=row["document_id"], passage=row["passage"], start=row["start"], end=row["end"], text=row["text"],
        value=row["value"], type=row["type"], date_start=row["date_start"], date_end=row["date_end"],
        precision=row["precision"], inferred=bool(row["inferred"]),
    )


def _figure(row: Row) -> StoredFigure:
    return StoredFigure(
        document=row["document_id"], passage=row["passage"], start=row["start"], end=row["end"], text=row["text"],
        value=row["value"], low=row["low"], high=row["high"], approximate=bool(row["approximate"]), unit=row["unit"],
        counted=row["counted"],
    )
