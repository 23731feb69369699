"""The public JSON shapes (see the README's reference), made from the store's records. The CLI's
`--json` and the web API both print these, so the two cannot drift apart.

The chronology's and the memory's views load when first asked for (PEP 562): they bring the
claims, conflicts and memory readers, which `chronika documents` or `search` need not import."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from chronika.query.naming import resolve_name
from chronika.views.citations import Citer
from chronika.views.documents import date_json, date_label, document, documents
from chronika.views.entities import entities, entity

if TYPE_CHECKING:  # the names loaded on demand, for type checkers (`as`: exported)
    from chronika.views.chronology import conflicts as conflicts, figures as figures, sure as sure
    from chronika.views.chronology import timeline as timeline
    from chronika.views.export import memory_csv as memory_csv, timeline_csv as timeline_csv
    from chronika.views.export import timeline_js as timeline_js
    from chronika.views.memory import barometer_listing as barometer_listing, memory_listing as memory_listing
    from chronika.views.memory import reclassify as reclassify

_LATER = {
    "conflicts": "chronology", "figures": "chronology", "sure": "chronology", "timeline": "chronology",
    "memory_csv": "export", "timeline_csv": "export", "timeline_js": "export",
    "barometer_listing": "memory", "memory_listing": "memory", "reclassify": "memory",
}
__all__ = [
    "Citer", "barometer_listing", "conflicts", "date_json", "date_label", "document", "documents", "entities", "entity",
    "figures", "memory_csv", "memory_listing", "reclassify", "resolve_name", "sure", "timeline", "timeline_csv",
    "timeline_js",
]


def __getattr__(name: str) -> Any:
    if name not in _LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"chronika.views.{_LATER[name]}"), name)
    globals()[name] = value  # found once
    return value
