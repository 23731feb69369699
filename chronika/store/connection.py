"""What the store's mixins ask of a database connection, whichever backend holds it: `sqlite3`'s
own connection for a file, `pg/connection.py`'s for PostgreSQL. The mixins write SQL both engines
read; what differs is in the backends (`core.py`, `pg/`)."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Protocol

# A row read back: by position, and by column name (`sqlite3.Row`, `pg.connection.Row`).
Row = Any


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ..., /) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...
