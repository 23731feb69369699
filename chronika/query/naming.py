"""Which one entity a name a user typed stands for (an id, an alias, any spelling or script), or
why it stands for none or several."""

from __future__ import annotations

from chronika.errors import ChronikaError
from chronika.store import Store


class AmbiguousName(ChronikaError):
    """A name that several entities bear; the message lists them."""


def resolve_name(store: Store, name: str) -> str:
    """The one entity a name (id, alias, any spelling or script) stands for."""
    found = store.find_entities(name)
    if not found:
        raise ChronikaError(f"no entity is named '{name}'; `chronika entities` lists them")
    if len(found) > 1:
        names = store.entity_names_by_id()
        listed = "; ".join(f"{names.get(i, i)} ({i})" for i in found[:12])
        raise AmbiguousName(f"'{name}' may be any of: {listed}. Name one by its id or fuller name")
    return found[0]
