"""A psycopg connection that reads the store's SQL as `sqlite3` does: `?` placeholders, rows read
by position and by column name, and the few SQLite functions the shared mixins use put in
PostgreSQL's words. Each statement is translated once (`postgres_sql`) and then cached."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Sequence

import psycopg
from psycopg.adapt import Dumper, Loader
from psycopg.rows import RowMaker

from chronika.store.connection import Cursor


class Row(tuple[Any, ...]):
    """A row readable as `sqlite3.Row` is: by position, or by column name."""

    names: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


def _rows(cursor: psycopg.Cursor[Any]) -> RowMaker[Row]:
    """Rows of one result, all of one subclass of `Row` that knows its columns."""
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    kind = type("Row", (Row,), {"names": names})
    return lambda values: kind(values)


# SQLite's functions and clauses in the mixins' SQL, and PostgreSQL's for them. The mixins write
# every other statement in SQL both read (see store/connection.py).
_REWRITES = (
    # a JSON array's elements (each `value`, as text)
    (re.compile(r"\bjson_each\(([^()]*)\)"), r"json_array_elements_text((\1)::json)"),
    (re.compile(r"\bjson_group_array\("), "json_agg("),
    # an index SQLite is told to use: PostgreSQL's planner chooses its own
    (re.compile(r"\s+INDEXED BY \w+"), ""),
    # SQLite's LIKE ignores the case of ASCII letters
    (re.compile(r"\bLIKE\b"), "ILIKE"),
)


@lru_cache(maxsize=1024)
def postgres_sql(sql: str) -> str:
    """A statement of the store's SQL as PostgreSQL reads it: `?` as psycopg's `%s` (a literal `%`
    doubled), SQLite's functions as PostgreSQL's."""
    sql = sql.replace("%", "%%").replace("?", "%s")
    for pattern, replacement in _REWRITES:
        sql = pattern.sub(replacement, sql)
    return sql


class _BoolDumper(Dumper):
    """True and False as 1 and 0: SQLite keeps flags as integers, and so do the tables here."""

    oid = psycopg.postgres.types["int2"].oid

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


class _NumericLoader(Loader):
    """A sum of bigints (numeric) as an int when whole, as SQLite gives it; else a float."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


class PgConnection:
    """The store's connection to PostgreSQL, in autocommit (each transaction opened by the store)."""

    def __init__(self, target: str) -> None:
        self.raw = psycopg.connect(target, autocommit=True, row_factory=_rows)
        self.raw.adapters.register_dumper(bool, _BoolDumper)
        self.raw.adapters.register_loader("numeric", _NumericLoader)

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        return self.raw.execute(postgres_sql(sql), tuple(parameters), prepare=False)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor:
        cursor = self.raw.cursor()
        cursor.executemany(postgres_sql(sql), list(parameters))
        return cursor

    def close(self) -> None:
        self.raw.close()
