"""Citations: the exact words a result rests on, as the contract shapes them."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from chronika.records.stored import StoredDocument, StoredPassage
from chronika.store import Store


class Citer:
    """Makes citations into stored documents, reading each document's text and passages once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._docs: dict[int, tuple[str, str, str, list[StoredPassage], list[int]]] = {}
        self._stored: dict[int, StoredDocument] = {}

    def _doc(self, doc_id: int) -> tuple[str, str, str, list[StoredPassage], list[int]]:
        if doc_id not in self._docs:
            stored, text, passages = self.store.document(f"d{doc_id}")
            self._docs[doc_id] = (stored.title, stored.source, text, passages, [p.start for p in passages])
            self._stored[doc_id] = stored
        return self._docs[doc_id]

    def document(self, doc_id: int) -> StoredDocument:
        """The stored document (its date and where the date came from), read once."""
        self._doc(doc_id)
        return self._stored[doc_id]

    def text(self, doc_id: int) -> str:
        return self._doc(doc_id)[2]

    def cite(self, doc_id: int, start: int, end: int) -> dict[str, Any]:
        """The citation of text[start:end] of document `doc_id`."""
        title, source, text, passages, starts = self._doc(doc_id)
        passage = passages[max(0, bisect_right(starts, start) - 1)] if passages else None
        cited: dict[str, Any] = {
            "document": f"d{doc_id}",
            "title": title,
            "source": source,
            "passage": passage.n if passage else None,
            "start": start,
            "end": end,
            "quote": text[start:end],
        }
        if passage is not None and passage.page is not None:
            cited["page"] = passage.page
        return cited
