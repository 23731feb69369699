"""Corrections from the web: who may make them, checking them against the store, applying them.

A correction names entities by their names (any alias or spelling) so it holds across re-ingests;
an id given here is turned into the entity's name before it is recorded."""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit
from typing import Any, Sequence

from fastapi import Request

from chronika import views
from chronika.errors import ChronikaError
from chronika.ingest.entities import check, correct
from chronika.records.entities import Correction
from chronika.store import Store
from chronika.web import context
from chronika.web.failures import WebError
from chronika.web.lookup import entity_id

KINDS = ("merge", "split", "retype")
TYPES = ("person", "place", "org")
SHOWN = ("id", "name", "type", "aliases", "mention_count", "documents")  # what `merge --json` prints


def bearer(request: Request) -> str | None:
    """The token in an `Authorization: Bearer T` header, if any."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def check_allowed(request: Request, token: str | None) -> None:
    """Refuse a correction sent from another site's page, on a server reachable from other machines
    without a token, or with the wrong token."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise WebError(403, "Corrections are taken only from this reading room's own pages.")
    settings = context.settings(request)
    if settings.read_only:
        raise WebError(
            403,
            f"Corrections are read-only: this server listens on {settings.host}, which other machines can reach, "
            "and has no token. Restart `chronika serve` with --token T (or $CHRONIKA_TOKEN) to allow them.",
        )
    if settings.token and not hmac.compare_digest((token or "").encode(), settings.token.encode()):
        raise WebError(401, "Corrections need this server's token: send `Authorization: Bearer T` or fill in the token field.")


def correction(kind: str, names: Sequence[str], kind_to: str | None = None) -> Correction:
    """A correction from a request's fields, or 400 saying what is wrong with them."""
    names = [n.strip() for n in names if n and n.strip()]
    if kind not in KINDS:
        raise WebError(400, f"A correction's kind is one of {', '.join(KINDS)}, not '{kind}'.")
    if kind == "merge" and len(names) < 2:
        raise WebError(400, "A merge needs two names or more.")
    if kind == "split" and len(names) != 2:
        raise WebError(400, "A split needs two names: the entity, then the name to split off.")
    if kind == "retype" and (len(names) != 1 or kind_to not in TYPES):
        raise WebError(400, f"A retype needs one name and a type: one of {', '.join(TYPES)}.")
    return Correction(kind, tuple(names), kind_to if kind == "retype" else None)


def apply(store: Store, wanted: Correction) -> dict[str, Any]:
    """Check a correction's names against the store (404 for a name no entity bears, 409 listing
    those that bear it, 400 for a correction that cannot apply), record it, re-resolve the
    entities, and return the entity it leaves (for a split, the entity split off)."""
    names_by_id = store.entity_names_by_id()
    ids = [entity_id(store, n) for n in (wanted.names[:1] if wanted.kind == "split" else wanted.names)]
    names = [names_by_id[i] if n == i else n for n, i in zip(wanted.names, ids)] + list(wanted.names[len(ids):])
    fixed = Correction(wanted.kind, tuple(names), wanted.type)
    try:
        check(store, fixed)
    except ChronikaError as e:
        raise WebError(400, f"{e}.") from e
    correct(store, fixed)
    shown = views.entity(store, _left(store, names[-1:] if fixed.kind == "split" else names))
    return {key: shown[key] for key in SHOWN}


def _left(store: Store, names: Sequence[str]) -> str:
    """The entity a correction left: the one bearing all its names (ids change with resolution)."""
    found = store.find_entities(names[0])
    for name in names[1:]:
        found = [i for i in found if i in store.find_entities(name)] or found
    if not found:
        raise WebError(404, f"After the correction no entity is named '{names[0]}'.")
    return found[0]
