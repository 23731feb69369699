"""The store on PostgreSQL: every command answers as on SQLite (search ranks by PostgreSQL's own
measure, so its hits are compared as a set), corrections made there land as on SQLite, a store
moves between the backends without loss, and a team reads and corrects at once."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from chronika.records.entities import Correction
from chronika.store import Store, open_store
from chronika.store.pg.schema import MIGRATIONS as PG_MIGRATIONS
from chronika.web import Settings, create_app
from pg_cluster import create_database
from test_copy import _commands, correct, corrected, run  # noqa: F401 (the fixture `corrected`)

@pytest.fixture(scope="module")
def examples_pg(postgres: str) -> str:
    """examples/ ingested into a PostgreSQL database through the command line."""
    url = create_database(postgres, "examples")
    summary = run(url, "ingest", str(Path(__file__).resolve().parent.parent / "examples"))
    assert summary["documents_added"] >= 9 and not summary["skipped"]
    return url


def _same(command: list[str], db: Path, url: str) -> Any:
    """The answers of one command on the two backends: equal, or for a search every passage found
    (the whole list, whose order differs)."""
    if command[0] == "search":
        command = [*command, "--limit", "1000"]
    sqlite, postgres = run(db, *command), run(url, *command)
    if command[0] == "search":
        assert _cited(postgres) == _cited(sqlite), command
    elif command[0] == "ask":  # candidates ranked otherwise: the best answer the same
        assert postgres["answers"][:1] == sqlite["answers"][:1], command
    else:
        assert postgres == sqlite, command
    return sqlite


def _cited(hits: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    """Each hit's citation and highlights, without its score and rank."""
    return {(h["citation"]["document"], h["citation"]["start"], h["citation"]["end"], str(h["highlights"])) for h in hits}


def test_migrations_are_postgresql_own_and_applied_once(database: str) -> None:
    with open_store(database) as store:
        assert store.schema_version() == len(PG_MIGRATIONS)
        tables: dict[str, list[str]] = {}
        for table, column in store.db.execute("SELECT table_name, column_name FROM information_schema.columns"
                                              " WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"):
            tables.setdefault(table, []).append(column)
    with open_store(database) as again:  # reopening applies nothing twice
        assert again.schema_version() == len(PG_MIGRATIONS)
        names = [row[0] for row in again.db.execute("SELECT name FROM schema_migrations ORDER BY version")]
    assert names == [m.__name__.lstrip("_") for m in PG_MIGRATIONS]
    with Store(":memory:") as sqlite:  # SQLite's tables with their columns in order, and the full-text index's own
        sqlite_tables = {row[0]: [c[1] for c in sqlite.db.execute(f"PRAGMA table_info({row[0]})")] for row in sqlite.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages_fts%'")}
    assert set(tables) - set(sqlite_tables) == {"passage_terms", "passage_words", "store_writes"}
    assert {t: tables[t] for t in sqlite_tables} == sqlite_tables


@pytest.mark.slow
def test_every_command_answers_on_postgresql_as_on_sqlite(examples_pg: str, examples_store: Path) -> None:
    commands = _commands(examples_store)
    assert len(commands) > 20 and any(c[0] == "search" for c in commands)
    facets = [["search", "Kirov", "--document", "d4"], ["search", "Stalin", "--from", "1930", "--to", "1940"],
              ["search", "shot", "--entity", "Kirov"], ["search", "Katyn", "--source-type", "pdf"],
              ["search", "Stalin", "--exact"], ["search", "Stalin NOT Kirov"]]
    for command in commands + [["search", "Ежов"], ["search", '"Solovetsky Stone"'], ["search", "Kir*"]]:
        _same(command, examples_store, examples_pg)
    for command in facets:
        assert _same(command, examples_store, examples_pg), command


@pytest.mark.slow
def test_corrections_made_on_postgresql_land_as_on_sqlite(corrected: Path, postgres: str) -> None:
    url = create_database(postgres, "corrected")
    run(url, "ingest", str(Path(__file__).resolve().parent.parent / "examples"))
    correct(url)
    for command in _commands(corrected):
        _same(command, corrected, url)


@pytest.mark.slow
def test_a_store_moves_between_sqlite_and_postgresql_without_loss(corrected: Path, postgres: str, tmp_path: Path) -> None:
    url = create_database(postgres, "copied")
    there = run(corrected, "copy", str(corrected), url)
    back = run(corrected, "copy", url, str(tmp_path / "back.db"))
    assert there["corrections"] == back["corrections"] == 4
    assert {k: there[k] for k in ("documents", "passages", "mentions", "entities", "events")} == \
        {k: back[k] for k in ("documents", "passages", "mentions", "entities", "events")}
    for command in _commands(corrected):  # back on SQLite: every answer as before, search included
        assert run(tmp_path / "back.db", *command) == run(corrected, *command), command
    # rows added after the copy are numbered past the copied ones
    added = run(url, "ingest", str(Path(__file__).resolve().parent / "fixtures" / "good"))
    assert added["documents_added"] > 0
    with open_store(url) as store:
        assert store.check() == []


def test_two_users_corrections_made_at_once_both_land(database: str) -> None:
    with open_store(database):
        pass  # migrated once, before the users arrive
    start = threading.Barrier(2)
    ids: list[int] = []

    def user(names: tuple[str, ...]) -> None:
        with open_store(database) as store:
            start.wait()
            ids.append(store.add_correction(Correction("merge", names, None)))

    users = [threading.Thread(target=user, args=(names,)) for names in (("Koba", "Stalin"), ("Ежов", "Yezhov"))]
    for t in users:
        t.start()
    for t in users:
        t.join()
    with open_store(database) as store:
        assert sorted(c.names for c in store.corrections()) == [("Koba", "Stalin"), ("Ежов", "Yezhov")]
    assert len(set(ids)) == 2


class _Undone(Exception):
    pass


def test_readers_do_not_wait_for_a_writer(examples_pg: str) -> None:
    with open_store(examples_pg) as writer, open_store(examples_pg) as reader:
        listed = [d.id for d in reader.documents()]
        with pytest.raises(_Undone):
            with writer.transaction() as db:
                db.execute("DELETE FROM documents")
                with reader.budget(5):  # at once, and the store as it was before the write
                    assert [d.id for d in reader.documents()] == listed
                raise _Undone  # rolled back
        assert [d.id for d in reader.documents()] == listed


def test_the_reading_room_serves_a_postgresql_store(examples_pg: str) -> None:
    client = TestClient(create_app(Settings(examples_pg)), base_url="http://127.0.0.1")
    for page in ("/", "/search?q=Kirov", "/conflicts", "/memory", "/timeline", "/entities", "/documents/d4"):
        assert client.get(page).status_code == 200, page
