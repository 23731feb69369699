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
from typing import Any

import pytest

from chronika import views
from chronika.extract.build import build_document
from chronika.extract.read import read_path
from chronika.ingest.pipeline import ingest, source_files
from chronika.query.ranked import search
from chronika.store import Store
from conftest import EXAMPLES, FIXTURES, SEEDS


def test_a_mixed_folder_stores_the_good_and_reports_the_bad(store: Store) -> None:
    summary = ingest(store, [FIXTURES / "mixed"])
    assert len(summary.added) == 3
    skipped = {Path(e.path).name: e.reason for e in summary.skipped}
    assert set(skipped) == {"corrupt.pdf", "binary.dat", "empty.txt"}
    titles = {d.title for d in store.documents()}
    assert "The Solovetsky Stone" in titles
    russian = [d for d in store.documents() if d.language == "ru"]
    assert len(russian) == 1
    assert search(store, "Соловецкий")


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
    assert search(store, "liquidated") and not search(store, "founded")


def test_a_replaced_version_lends_no_evidence_to_mending(store: Store, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("The Bolshevik press. " * 6 + "\n", encoding="utf-8")
    ingest(store, [note], extract=False)
    assert store.name_counts() == {"Bolshevik": 6} and store.name_counts(excluding=[str(note)]) == {}
    note.write_text("An old Boishevik spoke.\n", encoding="utf-8")
    ingest(store, [note], extract=False)
    (doc,) = store.documents()
    assert store.changes(doc.id) == [] and store.name_counts() == {"Boishevik": 1}


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
    attached = "returning-names-2023.eml!spisok.txt"  # a mail's attachment is a document of its own
    assert set(docs) == {p.name for p in EXAMPLES.iterdir() if p.suffix != ".md"} | {attached}
    assert docs[attached].language == "ru" and docs["returning-names-2023.eml"].author is not None
    assert docs["memorial-2022.docx"].date is not None and docs["memorial-2022.docx"].date_provenance == "date line"
    assert docs["stalin-biography.html"].date_provenance == "metadata"
    assert docs["ezhov-ru.txt"].language == "ru"
    pdf = docs["katyn-1940.pdf"]
    _, text, passages = store.document(pdf.id)
    assert {p.page for p in passages} == {1, 2}
    assert "Chronika sample" not in text  # the running head is furniture
    assert search(store, "Yezhov")  # read from the scanned page


@pytest.mark.seeds
@pytest.mark.ocr
@pytest.mark.slow
def test_the_order_of_the_files_does_not_change_the_store(tmp_path: Path) -> None:
    files = [*source_files([EXAMPLES]), *_report_in_parts(tmp_path, 3)]
    forward = _stored([files])
    assert any(c["reason"].startswith("OCR mending") for doc in forward.values() for c in doc["changes"])
    assert _stored([files[::-1]]) == forward
    # Separate calls: each file is mended with the evidence of the store as it is then, so the
    # file ingested last, into a store holding all the others, is built as in one call.
    last = files[-1]
    one_by_one = _stored([[f] for f in files if f != last] + [[last]])
    assert one_by_one[last.name] == forward[last.name]


def _report_in_parts(folder: Path, parts: int) -> list[Path]:
    """The purge chapters of the OCR'd JPRS report (seed 002), cut into files at paragraph breaks:
    a misreading in one part is mended by the evidence in another."""
    lines = (SEEDS / "002_ab14e1f52446b0ff.txt").read_text(encoding="utf-8").splitlines()[1650:2800]
    paragraphs = "\n".join(lines).split("\n\n")
    size = len(paragraphs) // parts + 1
    out = []
    for i in range(parts):
        out.append(folder / f"report-part{i}.txt")
        out[-1].write_text("\n\n".join(paragraphs[i * size : (i + 1) * size]), encoding="utf-8")
    return out


def _stored(batches: list[list[Path]]) -> dict[str, dict[str, Any]]:
    """Each document as stored after ingesting the batches in turn, by file name: what `show`
    says (its id left out) and its mentions."""
    with Store(":memory:") as store:
        for batch in batches:
            assert not ingest(store, batch).skipped
        out = {}
        for listed in views.documents(store):
            shown = {k: v for k, v in views.document(store, listed["id"]).items() if k != "id"}
            shown["mentions"] = _mentions(store, int(listed["id"][1:]))
            out[Path(listed["source"]).name] = shown
        return out


def _mentions(store: Store, doc: int) -> dict[str, list[tuple[Any, ...]]]:
    """A document's mentions of names, aliases, times, figures and memory, row by row (the
    ids given by storing and resolving left out)."""
    found = {}
    for table in ("name_mentions", "alias_declarations", "time_mentions", "figure_mentions", "memory_signals"):
        cursor = store.db.execute(f"SELECT * FROM {table} WHERE document_id = ?", (doc,))
        kept = [i for i, column in enumerate(cursor.description) if column[0] not in ("id", "document_id", "entity_key")]
        found[table] = sorted(tuple(row[i] for i in kept) for row in cursor.fetchall())
    return found


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


def test_a_run_killed_before_resolution_is_completed_by_the_next(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronika.ingest import pipeline

    def killed(_: Store) -> int:
        raise KeyboardInterrupt  # as a kill between storing the documents and resolving them

    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "resolve_entities", killed)
        with pytest.raises(KeyboardInterrupt):
            ingest(store, [EXAMPLES / "kirov-1934.txt"])
    assert store.documents() and store.entities() == []
    summary = ingest(store, [EXAMPLES / "kirov-1934.txt"])
    assert summary.unchanged and not summary.added
    assert any(e.name.endswith("Kirov") for e in store.entities(None))


def test_filesystem_oddities_are_skipped_lines_and_the_batch_goes_on(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "archive"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text("Kirov was killed in Leningrad on 1 December 1934.\n", encoding="utf-8")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "back-up").symlink_to(folder, target_is_directory=True)  # a link to a folder, looping back
    (folder / "odd-\udcff-name.txt").write_bytes("Yezhov was arrested in 1939.\n".encode())
    listing = os.scandir

    def refuse_locked(path: Any = ".") -> Any:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)  # a folder root cannot be kept out of
    summary = ingest(store, [folder])
    reasons = {Path(e.path).name: e.reason for e in summary.skipped}
    assert set(reasons) == {"locked", "loop-a.txt", "loop-b.txt", "dangling.txt", "back-up"}
    assert reasons["locked"].startswith("folder cannot be read") and reasons["back-up"].startswith("a link to a folder")
    assert len(summary.added) == 2 and any("odd-\ufffd-name.txt" in d.source for d in store.documents())
    assert views.entity(store, "Kirov")["mentions"]  # what was stored is resolved


def test_a_document_with_no_words_left_is_reported_not_added(store: Store, tmp_path: Path) -> None:
    (tmp_path / "numbers.txt").write_text("12\n\n13\n\n14\n", encoding="utf-8")
    summary = ingest(store, [tmp_path / "numbers.txt"])
    assert not summary.added and summary.skipped[0].reason == "no words left to store after reading and cleaning"
    assert store.documents() == []


def test_no_cleaning_stage_removes_the_body_of_a_document(store: Store, tmp_path: Path) -> None:
    report = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    joined = tmp_path / "report-joined.txt"  # a report whose lines a web copy joined into one
    joined.write_text(" ".join(report.split("\n")[:6000]), encoding="utf-8")
    summary = ingest(store, [joined], extract=False)
    assert summary.added and summary.words > 0.75 * len(joined.read_text(encoding="utf-8").split())
    assert any("would have removed" in w.reason and "not applied" in w.reason for w in summary.warnings)


def _zip_of(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_an_archives_members_are_stored_and_a_bomb_is_refused_while_the_batch_goes_on(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "letters.zip").write_bytes(_zip_of({
        "1956/return.txt": b"He came back from the camp in the spring of 1956 and found his family.",
        "1989/society.txt": b"The society of remembrance was founded in Moscow in January 1989.",
        "README.txt": b"What the archive holds.",
    }))
    (folder / "bomb.zip").write_bytes(_zip_of({"zeros.txt": bytes(20 * 1024**2)}))
    shutil.copy(FIXTURES / "good" / "message.eml", folder / "message.eml")
    summary = ingest(store, [folder])
    sources = sorted(d.source for d in store.documents())
    assert [s.split("in/", 1)[1] for s in sources] == [
        "letters.zip!1956/return.txt", "letters.zip!1989/society.txt", "message.eml", "message.eml!names.txt",
    ]
    assert [Path(e.path).name for e in summary.skipped] == ["bomb.zip"]
    assert "zip bomb" in summary.skipped[0].reason
    assert any(name.endswith("letters.zip!README.txt") for name in summary.ignored)
    mail = next(d for d in store.documents() if d.source.endswith("message.eml"))
    assert mail.date is not None and mail.date.start.isoformat() == "2007-10-30"
    assert mail.date_provenance == "metadata"


def test_an_unchanged_archive_does_nothing_and_a_changed_one_replaces_its_members(store: Store, tmp_path: Path) -> None:
    archive = tmp_path / "letters.zip"
    archive.write_bytes(_zip_of({"a.txt": b"The first letter was written in the camp in 1938.",
                                 "b.txt": b"The second letter was written after the release in 1947."}))
    first = ingest(store, [archive])
    assert len(first.added) == 2
    again = ingest(store, [archive])
    assert (again.added, again.replaced, len(again.unchanged)) == ([], [], 1)
    archive.write_bytes(_zip_of({"a.txt": b"The first letter, dated 1938, was copied by his daughter.",
                                 "b.txt": b"The second letter was written after the release in 1947.",
                                 "c.txt": b"A third letter was found in the archive of the family in 1991."}))
    changed = ingest(store, [archive])
    assert (len(changed.replaced), len(changed.added)) == (2, 1)
    assert sorted(set(first.added) & set(changed.replaced)) == sorted(first.added)  # same ids kept
    assert len(store.documents()) == 3


def test_the_first_pass_tells_of_each_page_a_long_pdf_reader_reads(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "good" / "text-layer.pdf", tmp_path / "report.pdf")
    heard: list[tuple[str, int, int, str]] = []
    stored: list[str] = []
    store = Store(tmp_path / "pages.db")
    ingest(store, [tmp_path / "report.pdf"], progress=lambda path, words: stored.append(path.name),
           reading=lambda path, done, total, how: heard.append((path.name, done, total, how)))
    assert heard == [("report.pdf", n, 3, "text layer") for n in (1, 2, 3)]
    assert stored == ["report.pdf"]  # the pages are heard of while reading, the document once stored


def test_a_changed_archive_leaves_no_member_or_part_it_no_longer_holds(tmp_path: Path) -> None:
    import zipfile

    from chronika.extract.read.parts import MAX_DOCUMENT_CHARS

    import random

    words = "commission files camp archive letter names victims memory report court list".split()
    pick = random.Random(7).choice  # varied words: a text repeated over and over would pack like a zip bomb
    paragraph = " ".join(pick(words) for _ in range(40)) + ".\n\n"
    long_text = "".join(" ".join(pick(words) for _ in range(40)) + ".\n\n" for _ in range(2 * MAX_DOCUMENT_CHARS // 300))
    archive = tmp_path / "box.zip"

    def pack(members: dict[str, str]) -> None:
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in members.items():
                z.writestr(name, text)

    store = Store(tmp_path / "box.db")
    pack({"letter.txt": "A letter from the camp.\n", "note.txt": "A note.\n", "report.txt": long_text})
    ingest(store, [archive], extract=False)
    def stored() -> list[str]:
        return sorted(source.rsplit("/", 1)[-1] for source in store.sources())

    first = stored()
    assert "box.zip!note.txt" in first and "box.zip!report.txt (part 3)" in first
    pack({"letter.txt": "A letter from the camp, copied again.\n", "report.txt": paragraph * 10})
    ingest(store, [archive], extract=False)
    assert stored() == ["box.zip!letter.txt", "box.zip!report.txt"]
