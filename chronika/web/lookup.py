"""Finding what a URL names: a document by id, an entity by id or any of its names; 404 for
nothing, 409 (listing the candidates) for a name several entities bear."""

from __future__ import annotations

from typing import Any, Sequence

from chronika import views
from chronika.store import Store
from chronika.web.failures import WebError


def candidates(store: Store, ids: Sequence[str]) -> list[dict[str, str]]:
    names = store.entity_names_by_id()
    return [{"id": i, "name": names.get(i, i)} for i in ids]


def entity_id(store: Store, name: str) -> str:
    """The one entity a name stands for: 404 for none, 409 (listing them) for several."""
    found = store.find_entities(name)
    if not found:
        raise WebError(404, f"No entity is named '{name}'.")
    if len(found) > 1:
        raise WebError(409, f"'{name}' may stand for several entities; name one of them.", candidates(store, found[:20]))
    return found[0]


def document_number(store: Store, doc: str) -> int:
    """The number of a stored document's id ('d3' or '3'), or 404."""
    ref = doc if doc[:1] == "d" else f"d{doc}"
    if ref not in {d.id for d in store.documents()}:
        raise WebError(404, f"No document '{doc}' in this store.")
    return int(ref[1:])


def document(store: Store, doc: str) -> dict[str, Any]:
    """`views.document`, with an unknown or malformed id answered 404."""
    return views.document(store, f"d{document_number(store, doc)}")
