"""Copy a store into another (any two targets `open_store` accepts): the documents with everything
stored for them, the corrections, and the derived state (entities, events, search indexes), so
the copy answers every command as its source does."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from chronika.errors import UsageError
from chronika.store import Store
from chronika.store.copying import COPIED_TABLES

# What the summary counts, in the historian's words: each a sum of tables' rows.
COUNTED = {
    "documents": ("documents",),
    "passages": ("passages",),
    "sentences": ("sentences",),
    "changes": ("changes",),
    "mentions": ("name_mentions", "time_mentions", "figure_mentions", "memory_signals"),
    "entities": ("entities",),
    "events": ("events",),
    "corrections": ("corrections",),
    "vectors": ("passage_vectors",),
}


@dataclass
class CopySummary:
    rows: dict[str, int] = field(default_factory=dict)  # rows copied per table
    replaced: bool = False
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        counts = {name: sum(self.rows.get(t, 0) for t in tables) for name, tables in COUNTED.items()}
        return counts | {"rows": self.rows, "replaced": self.replaced, "seconds": round(self.seconds, 3)}


def copy_store(source: Store, target: Store, *, replace: bool = False) -> CopySummary:
    """Copy `source` into `target`; a target holding documents or corrections is refused unless
    `replace` (it is then emptied first, in the same transaction as the copy)."""
    started = time.perf_counter()
    holds = target.holds_anything()
    if holds and not replace:
        raise UsageError("the target store is not empty; pass --replace to empty it before copying")
    tables = ((table, *source.table_rows(table)) for table in COPIED_TABLES)
    summary = CopySummary(rows=target.take_copy(tables), replaced=holds)
    summary.seconds = time.perf_counter() - started
    return summary
