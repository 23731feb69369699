"""Search facets: how the passages a query found fall by document, year, entity and kind of
source, each with its count, so a reader narrows the results with one click."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from chronika.records.search import Hit
from chronika.store import Store

SHOWN = 12  # values a facet lists at most (the most frequent)


@dataclass(frozen=True)
class Facet:
    """One value of a facet: what a link narrows to (`value`), how it reads, and how many passages."""

    value: str
    label: str
    count: int


def search_facets(store: Store, hits: list[Hit]) -> dict[str, list[Facet]]:
    """The facets of `hits`: documents and entities by count, years in order, kinds of source.
    A passage counts once for each value it has (two dates in 1937 count it once for 1937)."""
    readers = {d.id: d.reader for d in store.documents()}
    names = store.entity_names_by_id()
    documents: Counter[tuple[str, str]] = Counter()
    years: Counter[int] = Counter()
    entities: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for hit in hits:
        doc_id = int(hit.document[1:])
        documents[(hit.document, hit.title)] += 1
        years.update(store.years_in_span(doc_id, hit.start, hit.end))
        entities.update({m.entity for m in store.names_in_span(doc_id, hit.start, hit.end) if m.entity})
        kinds[readers.get(hit.document, "text")] += 1
    return {
        "documents": [Facet(d, title, n) for (d, title), n in documents.most_common(SHOWN)],
        "years": sorted((Facet(str(y), str(y), n) for y, n in years.most_common(SHOWN)), key=lambda f: f.value),
        "entities": [Facet(e, names.get(e, e), n) for e, n in entities.most_common(SHOWN)],
        "source_types": [Facet(k, k, n) for k, n in kinds.most_common()],
    }
