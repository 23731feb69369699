"""Full-text search: a user's query made safe for SQLite FTS5, and hits with their citations.

Users type words, "quoted phrases", AND/OR/NOT, parentheses and prefix* as FTS5 has them; a
word with punctuation inside ("de-Stalinization", "VKP(b)") is searched as the phrase FTS5
would make of it, instead of failing on FTS5's own syntax."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from chronika.errors import QueryError

_CHUNK = re.compile(r'"[^"]*"\*?|[^\s"]+')
_OPERATORS = {"AND", "OR", "NOT"}
_BAREWORD = re.compile(r"^\w+\*?$")


@dataclass(frozen=True)
class SearchFilters:
    """Facets a search can be narrowed by: a document, a span of years (the passage states a date
    in it), an entity (named in the passage, by id) and the kind of source (its reader)."""

    document: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    entity: str | None = None
    reader: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """Conditions on the FTS rowid (a passage id), and their arguments."""
        where: list[str] = []
        args: list[Any] = []
        if self.document is not None:
            # A document's passages are stored together: a rowid range lets FTS5 skip the rest.
            where.append(
                "rowid BETWEEN (SELECT min(id) FROM passages WHERE document_id = ?)"
                " AND (SELECT max(id) FROM passages WHERE document_id = ?)"
            )
            args.extend([self.document, self.document])
        if self.reader:
            where.append("rowid IN (SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.reader = ?)")
            args.append(self.reader)
        if self.entity:
            where.append(
                "rowid IN (SELECT p.id FROM passages p JOIN name_mentions m ON m.document_id = p.document_id"
                " AND m.passage = p.n WHERE m.entity_id = ?)"
            )
            args.append(self.entity)
        if self.year_from is not None or self.year_to is not None:
            where.append(
                "rowid IN (SELECT p.id FROM passages p JOIN time_mentions t ON t.document_id = p.document_id"
                " AND t.passage = p.n WHERE t.date_end >= ? AND t.date_start <= ?)"
            )
            args.append(f"{self.year_from if self.year_from is not None else 1:04d}-01-01")
            args.append(f"{self.year_to if self.year_to is not None else 9999:04d}-12-31")
        return "".join(" AND " + w for w in where), args


@dataclass(frozen=True)
class Hit:
    """A passage that matches a query, with where the query's words stand in it."""

    score: float
    document: str
    title: str
    source: str
    passage: int
    start: int
    end: int
    page: int | None
    text: str
    highlights: list[tuple[int, int]]

    @classmethod
    def from_row(cls, row: Any, score: float, marked: list[tuple[int, int]]) -> Hit:
        """A hit from a passages row joined with its document (document_id, n, start, end, page,
        text, title, source)."""
        return cls(
            score=round(score, 4),
            document=f"d{row['document_id']}",
            title=row["title"],
            source=row["source"],
            passage=row["n"],
            start=row["start"],
            end=row["end"],
            page=row["page"],
            text=row["text"],
            highlights=marked,
        )

    def citation(self) -> dict[str, Any]:
        cited: dict[str, Any] = {
            "document": self.document,
            "title": self.title,
            "source": self.source,
            "passage": self.passage,
            "start": self.start,
            "end": self.end,
            "quote": self.text,
        }
        if self.page is not None:
            cited["page"] = self.page
        return cited

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "text": self.text,
            "citation": self.citation(),
            "highlights": [list(h) for h in self.highlights],
        }


def fts_query(query: str) -> str:
    """The FTS5 expression for a user's query; QueryError for one that cannot mean anything."""
    if not query.strip():
        raise QueryError("the search query is empty: give a word, a \"phrase\", or words with AND/OR/NOT")
    if query.count('"') % 2:
        raise QueryError(f"unbalanced quote in {query!r}: close the phrase with a second \"")
    parts: list[str] = []
    for chunk in _CHUNK.findall(query):
        if chunk.startswith('"'):
            parts.append(chunk)
            continue
        # Brackets that group ("(Rykov OR Kamenev)") stand apart; those inside a word ("VKP(b)") do not.
        opening = len(chunk) - len(chunk.lstrip("("))
        word = chunk[opening:]
        closing = 0
        while word.endswith(")") and word.count(")") > word.count("("):
            word, closing = word[:-1], closing + 1
        parts.extend("(" * opening)
        if word in _OPERATORS or _BAREWORD.match(word):
            parts.append(word)
        elif words := re.findall(r"\w+", word):
            parts.append('"' + " ".join(words) + '"' + ("*" if word.endswith("*") else ""))
        parts.extend(")" * closing)
    if not any(p not in _OPERATORS and p not in "()" for p in parts):
        raise QueryError(f"nothing to search for in {query!r}: it has no words")
    return " ".join(_explicit_and(parts))


def _explicit_and(parts: list[str]) -> list[str]:
    """AND written out between words side by side: FTS5 reads `a b` as `a AND b`, but rejects
    `a (b OR c)` and `(a) b`, which name expansion writes."""
    joined: list[str] = []
    for part in parts:
        if joined and joined[-1] not in _OPERATORS and joined[-1] != "(" and part not in _OPERATORS and part != ")":
            joined.append("AND")
        joined.append(part)
    return joined


def highlights(marked: str) -> list[tuple[int, int]]:
    """Offsets of the hits in a passage, from FTS5's highlight() output marked with \\x02...\\x03."""
    spans = []
    removed = 0
    for m in re.finditer("\x02([^\x03]*)\x03", marked):
        start = m.start() - removed
        spans.append((start, start + len(m.group(1))))
        removed += 2
    return spans
