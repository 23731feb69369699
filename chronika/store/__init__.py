"""The store: one SQLite file or a PostgreSQL database, and the only package that speaks SQL.

Everything Chronika keeps goes through `Store`; PostgreSQL (for an archive and a team) is the same
class on another connection (`pg/`), with its own migrations and full-text search. The schema is
versioned: migrations are numbered functions (`schema.py`, `pg/schema.py`), and the versions
applied are recorded in `schema_migrations`."""

import hashlib
import os
import re
from pathlib import Path

from chronika.store.core import Store
from chronika.store.schema import MIGRATIONS

__all__ = ["MIGRATIONS", "Store", "cache_folder", "is_postgres", "open_store", "shown"]


def open_store(target: str) -> Store:
    """The store that `target` names (the `--db` option, `$CHRONIKA_DB`): a SQLite file's path, or
    a PostgreSQL database's URL (`postgresql://USER@HOST/DB`, `postgres://...`)."""
    if is_postgres(target):
        # psycopg loads only for a PostgreSQL store
        from chronika.store.pg.store import PgStore

        return PgStore(target)
    return Store(target)


def is_postgres(target: str) -> bool:
    """Whether a store target names a PostgreSQL database rather than a SQLite file."""
    return target.startswith(("postgresql://", "postgres://"))


def cache_folder(target: str, kind: str) -> Path | None:
    """Where work done for a store is kept by content (`kind`: "ocr", "pages"): beside a SQLite
    file; for a PostgreSQL database in the user's cache folder, one per database; none in memory."""
    if target == ":memory:":
        return None
    if not is_postgres(target):
        return Path(f"{target}.{kind}")
    name = hashlib.sha256(target.encode()).hexdigest()[:16]
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "chronika" / f"{kind}-{name}"


def shown(target: str) -> str:
    """A store target as messages show it: a database URL without its password."""
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", target)
