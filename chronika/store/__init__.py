"""The store: one SQLite file, and the only package that speaks SQL.

Everything Chronika keeps goes through `Store`, so another backend (PostgreSQL for an archive and
a team) means another implementation of this one class. The schema is versioned: migrations are
numbered functions (`schema.py`), and the versions applied are recorded in `schema_migrations`."""

from chronika.store.core import Store
from chronika.store.schema import MIGRATIONS

__all__ = ["MIGRATIONS", "Store", "open_store"]


def open_store(target: str) -> Store:
    """The store that `target` names (the `--db` option, `$CHRONIKA_DB`): a SQLite file's path."""
    return Store(target)
