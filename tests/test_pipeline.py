"""Ingestion end to end: folders, bad files skipped, re-ingest idempotent, a killed run recoverable."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronika.extract.build import build_document
from chronika.extract.read import read_path
from chronika.ingest.pipeline import ingest
from chronika.store import Store
from conftest import EXAMPLES, FIXTURES


def test_a_mixed_folder_stores_the_good_and_reports_the_bad(store: Store) -> None:
    summary = ingest(store, [FIXTURES / "mixed"])
    assert len(summary.added) == 3
    skipped = {Path(e.path).name: e.reason for e in summary.skipped}
    assert set(skipped) == {"corrupt.pdf", "binary.dat", "empty.txt"}
    titles = {d.title for d in store.documents()}
    assert "The Solovetsky Stone" in titles
    russian = [d for d in store.documents() if d.language == "ru"]
    assert len(russian) == 1
    assert store.search("Соловецкий")


def test_reingesting_unchanged_files_does_nothing(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "mixed", folder)
    ingest(store, [folder])
    before = [(d.id, d.content_hash) for d in store.documents()]
    again = ingest(store, [folder])
    assert (len(again.added), len(again.replaced), len(again.unchanged)) == (0, 0, 3)
    assert [(d.id, d.content_hash) for d in store.documents()] == before


def test_a_changed_file_replaces_its_old_version(store: Store, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Memorial was founded in 1989.\n", encoding="utf-8")
    first = ingest(store, [note])
    note.write_text("Memorial was liquidated by court order in December 2021.\n", encoding="utf-8")
    second = ingest(store, [note])
    assert second.replaced == first.added
    assert len(store.documents()) == 1
    assert store.search("liquidated") and not store.search("founded")


def test_title_and_date_can_be_given(store: Store) -> None:
    ingest(store, [FIXTURES / "good" / "plain-utf8.txt"], title="Camps", date="1991-10-18")
    (doc,) = store.documents()
    assert doc.title == "Camps"
    assert doc.date is not None and doc.date.start.isoformat() == "1991-10-18"
    assert doc.date_provenance == "argument" and not doc.date.inferred


@pytest.mark.ocr
@pytest.mark.slow
def test_the_examples_are_all_read(store: Store) -> None:
    summary = ingest(store, [EXAMPLES])
    assert summary.skipped == []
    docs = {Path(d.source).name: d for d in store.documents()}
    assert set(docs) == {p.name for p in EXAMPLES.iterdir() if p.suffix != ".md"}
    assert docs["stalin-biography.html"].date_provenance == "metadata"
    assert docs["ezhov-ru.txt"].language == "ru"
    pdf = docs["katyn-1940.pdf"]
    _, text, passages = store.document(pdf.id)
    assert {p["page"] for p in passages} == {1, 2}
    assert "Chronika sample" not in text  # the running head is furniture
    assert store.search("Yezhov")  # read from the scanned page


def _many_files(folder: Path, count: int) -> None:
    folder.mkdir()
    paragraph = "The commission heard witnesses about the camps of Kolyma and the trials of 1937. " * 40
    for i in range(count):
        (folder / f"doc{i:03}.txt").write_text(f"Document {i}\n\n" + (paragraph + "\n\n") * 10, encoding="utf-8")


@pytest.mark.slow
def test_a_killed_ingest_leaves_a_consistent_store_that_a_second_run_completes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    _many_files(folder, 24)
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "chronika", "--db", str(db), "ingest", str(folder), "--json"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    while stored == 0 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as peek:
                    stored = peek.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0  # schema not created yet
    assert child.poll() is None, "ingest finished before it could be killed: give it more to do"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with Store(db) as store:
        assert store.check() == []
        kept = len(store.documents())
        assert 0 < kept < 24
        expected = len(build_document(read_path(folder / "doc000.txt"), "x", extract=False).passages)
        for doc in store.documents():  # nothing half-written: every stored document has all its passages
            assert doc.passages == expected
        summary = ingest(store, [folder], extract=False)  # completing the store is what is tested, not NLP
        assert len(summary.unchanged) == kept
        assert len(summary.added) == 24 - kept
        assert store.check() == []
