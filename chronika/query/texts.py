"""Documents' texts read once per listing: the claims of a conflicts listing (people's lives, named
events, figures) look into the same documents, and each text is read from the store once."""

from __future__ import annotations

from chronika.store import Store


class Texts:
    """A document's text by its number, read from the store the first time it is asked for."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._read: dict[int, str] = {}

    def __call__(self, document: int) -> str:
        if document not in self._read:
            self._read[document] = self.store.document_text(document)
        return self._read[document]
