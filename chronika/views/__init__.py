"""The public JSON shapes (see the README's reference), made from the store's records. The CLI's
`--json` and the web API both print these, so the two cannot drift apart."""

from chronika.views.chronology import conflicts, figures, sure, timeline
from chronika.views.citations import Citer
from chronika.views.documents import date_json, date_label, document, documents
from chronika.query.naming import resolve_name
from chronika.views.entities import entities, entity

__all__ = [
    "Citer", "conflicts", "date_json", "date_label", "document", "documents", "entities", "entity", "figures",
    "resolve_name", "sure", "timeline",
]
