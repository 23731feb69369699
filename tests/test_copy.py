"""`chronika copy SRC DST`: the copy answers every command as its source does, corrections
included, says what it copied, and refuses to overwrite a store unless told."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronika.cli import app
from chronika.errors import UsageError
from chronika.ingest.copy import copy_store
from chronika.ingest.entities import rebuild_entities
from chronika.store import Store
from conftest import copy_store as copy_file

runner = CliRunner()


def run(db: Path | str, *args: str) -> Any:
    result = runner.invoke(app, ["--db", str(db), *args, "--json"])
    assert result.exit_code == 0, (args, result.output)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def corrected(examples_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples' store with one correction of each kind, chosen from what the store holds."""
    path = copy_file(examples_store, tmp_path_factory.mktemp("corrected") / "corrected.db")
    correct(path)
    return path


def correct(db: Path | str) -> None:
    """One correction of each kind (merge, split, retype, reclassify), chosen from what the store holds."""
    people = [e for e in run(db, "entities", "--type", "person") if e["aliases"]]
    places = run(db, "entities", "--type", "place")
    assert len(people) >= 3 and places
    run(db, "merge", people[0]["name"], people[1]["name"])
    run(db, "split", people[2]["name"], people[2]["aliases"][-1])
    run(db, "retype", places[0]["name"], "org")
    memory = run(db, "memory")
    run(db, "reclassify", memory[0]["id"], "--level", "state" if memory[0]["level"] == "society" else "society")


def _commands(db: Path | str) -> list[list[str]]:
    """Every reading command, and each document and entity shown."""
    documents = run(db, "documents")
    entities = run(db, "entities")
    return (
        [["documents"], ["entities"], ["timeline"], ["timeline", "--all"], ["figures"], ["conflicts"], ["memory"],
         ["barometer"], ["search", "Kirov"], ["search", "Сталин"], ["ask", "When was Kirov killed?"]]
        + [["show", d["id"]] for d in documents]
        + [["entity", e["id"]] for e in entities]
    )


@pytest.mark.slow
def test_a_copy_answers_every_command_as_its_source(corrected: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    result = runner.invoke(app, ["copy", str(corrected), str(target), "--json"])
    assert result.exit_code == 0, result.output
    copied = json.loads(result.stdout)
    with Store(corrected) as source:
        counts = {t: source.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "passages", "corrections")}
    assert counts["corrections"] == 4
    assert {k: copied[k] for k in counts} == counts
    assert copied["mentions"] > 0 and copied["entities"] > 0 and copied["replaced"] is False
    commands = _commands(corrected)
    assert len(commands) > 20
    for command in commands:
        assert run(target, *command) == run(corrected, *command), command


@pytest.mark.slow
def test_a_copy_keeps_its_corrections_as_corrections(corrected: Path, tmp_path: Path) -> None:
    """Corrections are copied as corrections, not only as their effect: rebuilding the entities
    of the copy and of the source applies them alike."""
    target, again = tmp_path / "copy.db", copy_file(corrected, tmp_path / "source.db")
    with Store(corrected) as source, Store(target) as copy:
        copy_store(source, copy)
    for path in (target, again):
        with Store(path) as store:
            rebuild_entities(store)
    assert run(target, "entities") == run(again, "entities")
    assert run(target, "memory") == run(again, "memory")


def test_a_store_that_holds_anything_is_refused_unless_replaced(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as a, Store(tmp_path / "b.db") as b:
        a.db.execute("INSERT INTO corrections (kind, payload, created_at) VALUES ('retype', '{}', 'now')")
        b.db.execute("INSERT INTO corrections (kind, payload, created_at) VALUES ('merge', '{}', 'then')")
        with pytest.raises(UsageError, match="not empty"):
            copy_store(a, b)
        summary = copy_store(a, b, replace=True)
        assert summary.replaced and summary.to_json()["corrections"] == 1
        assert [tuple(r) for r in b.db.execute("SELECT kind, created_at FROM corrections")] == [("retype", "now")]


def test_copy_refuses_a_store_into_itself_or_from_nowhere(tmp_path: Path) -> None:
    Store(tmp_path / "a.db").close()
    same = runner.invoke(app, ["copy", str(tmp_path / "a.db"), str(tmp_path / "." / "a.db")])
    missing = runner.invoke(app, ["copy", str(tmp_path / "none.db"), str(tmp_path / "b.db")])
    assert same.exit_code == 2 and "same store" in same.output
    assert missing.exit_code == 2 and "no store" in missing.output and not (tmp_path / "b.db").exists()
