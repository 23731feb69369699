"""Documents: the shapes of `documents --json` and `show DOC --json`."""

from __future__ import annotations

from typing import Any

from chronika.records.dates import DateInterval
from chronika.records.stored import StoredDocument
from chronika.store import Store


def date_json(value: DateInterval | None) -> dict[str, Any] | None:
    return value.to_json() if value else None


def date_label(value: dict[str, Any] | None) -> str:
    """A date as a person reads it: what the source says, and (inferred) where it was guessed."""
    if not value:
        return "undated"
    return str(value["text"]) + (" (inferred)" if value.get("inferred") else "")


# Where a date came from that may not be when the source was published: a PDF made later than
# the text it holds (a scan, an export) carries the day it was made.
UNCERTAIN_PROVENANCE = {"pdf metadata"}


def date_confidence(provenance: str | None) -> str | None:
    """How sure a document's date is: "sure" where the source states it (a date line, a
    byline, a header, the page's markup, the user), "uncertain" where it is only the file's."""
    if provenance is None:
        return None
    return "uncertain" if provenance in UNCERTAIN_PROVENANCE else "sure"


def _listing(d: StoredDocument) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "source": d.source,
        "date": date_json(d.date),
        "words": d.words,
        "passages": d.passages,
        "date_provenance": d.date_provenance,
        "date_evidence": d.metadata.get("date_evidence"),
        "date_confidence": date_confidence(d.date_provenance),
        "language": d.language,
        "author": d.author,
        "reader": d.reader,
    }


def documents(store: Store) -> list[dict[str, Any]]:
    """`documents --json`: every stored document."""
    return [_listing(d) for d in store.documents()]


def document(store: Store, ref: str) -> dict[str, Any]:
    """`show DOC --json`: one document's clean text, passages, changes and footnote links."""
    stored, text, passages = store.document(ref)
    shown = _listing(stored)
    shown.update(
        text=text,
        content_hash=stored.content_hash,
        metadata=stored.metadata,
        passages=[
            {
                "n": p.n,
                "start": p.start,
                "end": p.end,
                "page": p.page,
                "kind": p.kind,
                "note": p.note,
                "original_start": p.orig_start,
                "original_end": p.orig_end,
            }
            for p in passages
        ],
        changes=[
            {
                "orig_start": c.orig_start, "orig_end": c.orig_end, "start": c.start, "end": c.end,
                "original": c.original, "replacement": c.replacement, "reason": c.reason,
            }
            for c in store.changes(ref)
        ],
        footnotes=[{"start": f.start, "end": f.end, "marker": f.marker, "passage": f.passage} for f in store.footnote_links(ref)],
    )
    return shown
