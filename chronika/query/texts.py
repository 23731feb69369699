"""Documents' texts read once per listing: the claims of a conflicts listing (people's lives, named
events, figures) look into the same documents, and each text is read from the store once, and
looked at once for whether it speaks of the terror at all."""

from __future__ import annotations

from chronika.extract.topic import about_the_terror
from chronika.store import Store


class Texts:
    """A document's text by its number, read from the store the first time it is asked for."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._read: dict[int, str] = {}
        self._topical: dict[int, bool] = {}

    def __call__(self, document: int) -> str:
        if document not in self._read:
            self._read[document] = self.store.document_text(document)
        return self._read[document]

    def about_the_terror(self, document: int) -> bool:
        """Whether the document names Stalin's terror or its memory (`extract.topic`): a figure in
        one that does not is about none of its events."""
        if document not in self._topical:
            self._topical[document] = about_the_terror(self(document))
        return self._topical[document]
