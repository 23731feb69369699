"""Answers that take longer than a page may (the conflicts, compared across the whole corpus),
computed once and kept while the store is unchanged: any write changes the store's file or its
write-ahead log (on PostgreSQL, the store's count of its writes), and with it the key they are
kept under."""

from __future__ import annotations

import copy
import os
import threading
from typing import Any, Callable

from fastapi import Request

from chronika import views
from chronika.store import is_postgres
from chronika.web.context import open_store, settings

_KEPT: dict[tuple[str, str], tuple[tuple[int, ...], Any]] = {}
_LOCK = threading.Lock()


def store_state(db: str) -> tuple[int, ...]:
    """What any write to the store changes: its file's and its log's identity, size and time."""
    state: list[int] = []
    for path in (db, db + "-wal"):
        try:
            found = os.stat(path)
        except FileNotFoundError:
            state += [0, 0, 0]
        else:
            state += [found.st_ino, found.st_size, found.st_mtime_ns]
    return tuple(state)


def kept(request: Request, name: str, compute: Callable[[], Any]) -> Any:
    """`compute()`'s answer for this store as it is now: computed again only after a write. Each
    caller gets its own copy, so a page that narrows it cannot change another's."""
    target = settings(request).db
    if is_postgres(target):  # a database's own count of its writes
        db = target
        with open_store(request) as store:
            state: tuple[int, ...] = store.data_version()
    else:
        db = os.path.abspath(target)
        state = store_state(db)
    with _LOCK:
        known = _KEPT.get((db, name))
    if known is None or known[0] != state:
        known = (state, compute())
        with _LOCK:
            _KEPT[(db, name)] = known
    return copy.deepcopy(known[1])


def conflicts(request: Request) -> list[dict[str, Any]]:
    """`views.conflicts` for this store (every pair, sure and uncertain), kept until it changes."""

    def compute() -> list[dict[str, Any]]:
        with open_store(request) as store:
            return views.conflicts(store)

    found: list[dict[str, Any]] = kept(request, "conflicts", compute)
    return found
