"""Fault injection: an ingest killed (SIGKILL, no clean-up) at each of its stages, then run again,
leaves the store exactly as one uninterrupted run would: the same documents, entities, timeline,
figures, conflicts and search results, with the user's corrections still applied.

The kill is real: a child process runs the command line with one stage wrapped so that its N-th
call kills the process, mid-batch and, for saving, inside the open transaction."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES

FIRST = ["kirov-1934.txt", "ezhov-ru.txt"]
SECOND = ["rehabilitation-1956.txt", "stalin-biography.html", "katyn-1940.pdf"]
CORRECTIONS = [["merge", "Петербург", "Leningrad"], ["retype", "Kremlin", "place"]]
QUERIES = ["Kirov", "Ежов", "rehabilitation", "Katyn OR Катынь"]

# stage: (the attribute wrapped, as "module:object.attribute", which call kills). The ranked lists
# are built only for a large store: that stage's runs build them from the first passage on.
STAGES = {
    "reading the second file": ("chronika.ingest.pipeline:documents", 2),
    "building the second document": ("chronika.ingest.pipeline:build_document", 2),
    "saving the second document, inside its transaction": ("chronika.store.saving:DocumentSaving._save_parts", 2),
    "resolving entities": ("chronika.store.resolution:ResolutionStore.save_entities", 1),
    "building the ranked lists": ("chronika.store.impacts:ImpactStore.save_impacts", 1),
}

_KILLER = """
import importlib, os, signal, sys
target, nth, lists_from = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if lists_from:
    import chronika.query.index_refresh
    chronika.query.index_refresh.INDEXED_FROM = lists_from
module_name, _, path = target.partition(":")
owner = importlib.import_module(module_name)
*parents, attribute = path.split(".")
for parent in parents:
    owner = getattr(owner, parent)
original = getattr(owner, attribute)
calls = []

def killing(*args, **kwargs):
    calls.append(1)
    if len(calls) == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(*args, **kwargs)

setattr(owner, attribute, killing)
sys.argv = ["chronika", *sys.argv[4:]]
from chronika.cli import main
main()
"""


def chronika(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "chronika", "--db", str(db), *args], capture_output=True, text=True,
                          timeout=300)


LISTS = "building the ranked lists"


def run_at(db: Path, stage: str, kill: bool, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line with `stage` wrapped (killing at its N-th call when `kill`)."""
    target, nth = STAGES[stage]
    return subprocess.run(
        [sys.executable, "-c", _KILLER, target, str(nth if kill else 0), "1" if stage == LISTS else "0", "--db", str(db), *args],
        capture_output=True, text=True, timeout=300,
    )


def state(db: Path) -> dict[str, Any]:
    """What a user reads from a store, without ids and timings that legitimately differ."""
    def read(*args: str) -> Any:
        done = chronika(db, *args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    documents = sorted((Path(d["source"]).name, d["words"], d["passages"], d["title"]) for d in read("documents"))
    entities = sorted((e["name"], e["type"], e.get("mentions")) for e in read("entities"))
    timeline = sorted((e["date"]["start"], e["text"]) for e in read("timeline"))
    figures = sorted((f["text"], f["counted"] or "") for f in read("figures", "--all"))
    conflicts = sorted((g["subject"], g["attribute"], g["status"]) for g in read("conflicts", "--all"))
    found = {q: sorted(h["text"] for h in read("search", q)) for q in QUERIES}
    with sqlite3.connect(db) as connection:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    return {"documents": documents, "entities": entities, "timeline": timeline, "figures": figures,
            "conflicts": conflicts, "search": found, "integrity": integrity}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kills")
    for name in FIRST + SECOND:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def first_batch(db: Path, corpus: Path) -> None:
    """A store a user has worked in: one batch ingested and corrected."""
    assert chronika(db, "ingest", *(str(corpus / n) for n in FIRST)).returncode == 0
    for correction in CORRECTIONS:
        done = chronika(db, *correction)
        assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def worked(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("worked") / "store.db"
    first_batch(db, corpus)
    return db


@pytest.fixture(scope="module")
def expected(corpus: Path, worked: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("reference") / "store.db"
    shutil.copy(worked, db)
    assert chronika(db, "ingest", *(str(corpus / n) for n in SECOND)).returncode == 0
    return state(db)


@pytest.mark.parametrize("stage", list(STAGES))
def test_an_ingest_killed_at_any_stage_is_completed_by_the_next_run(
    stage: str, corpus: Path, worked: Path, expected: dict[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "store.db"
    shutil.copy(worked, db)
    files = [str(corpus / n) for n in SECOND]
    killed = run_at(db, stage, True, "ingest", *files)
    assert killed.returncode == -signal.SIGKILL, f"not killed at {stage}: {killed.returncode} {killed.stderr[-400:]}"
    again = run_at(db, stage, False, "ingest", *files)
    assert again.returncode == 0, again.stderr
    assert state(db) == expected


def test_a_served_store_answers_every_request_while_an_ingest_writes_to_it(
    corpus: Path, worked: Path, tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from chronika.web import Settings, create_app

    db = tmp_path / "store.db"
    shutil.copy(worked, db)
    writing = subprocess.Popen([sys.executable, "-m", "chronika", "--db", str(db), "ingest", *(str(corpus / n) for n in SECOND)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    paths = ["/api/search?q=Kirov", "/api/entities", "/timeline", "/api/documents", "/entities", "/api/conflicts"]
    answers: list[tuple[str, int]] = []
    with TestClient(create_app(Settings(str(db))), base_url="http://127.0.0.1", raise_server_exceptions=False) as web:
        while writing.poll() is None:
            for path in paths:
                answers.append((path, web.get(path).status_code))
    assert writing.returncode == 0, writing.stderr.read() if writing.stderr else ""
    assert len(answers) >= len(paths), "the ingest ended before the server was asked anything"
    assert [a for a in answers if a[1] != 200] == []
