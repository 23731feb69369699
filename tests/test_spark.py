"""Build on Spark, then load: the store equals the one `ingest` makes of the same files (every
document's text, changes and mentions, the entities, the timeline), and the records survive the
trip through Parquet exactly.

Spark needs Java and pyspark: without them these tests fail, unless CHRONIKA_NO_SPARK=1 says the
machine has no Spark on purpose."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
from typer.testing import CliRunner

from chronika import views
from chronika.cli import app
from chronika.errors import ChronikaError, UsageError
from chronika.ingest import batch
from chronika.ingest.pipeline import ingest
from chronika.records import serial
from chronika.records.dates import DateInterval
from chronika.records.document import Change, Extracted, MemoryMention, Passage, Sentence
from chronika.records.mentions import NameMention
from chronika.store import Store, open_store
from conftest import EXAMPLES, ROOT

NO_SPARK = os.environ.get("CHRONIKA_NO_SPARK") == "1"
needs_spark = pytest.mark.skipif(NO_SPARK, reason="CHRONIKA_NO_SPARK=1: this machine has no Spark on purpose")
# Every reader the examples show but OCR (a scanned image needs tesseract): text, PDF, Word, mail, HTML.
SUBSET = ["kirov-1934.txt", "ezhov-ru.txt", "katyn-1940.pdf", "memorial-2022.docx", "returning-names-2023.eml",
          "stalin-biography.html"]


def test_records_survive_json_exactly() -> None:
    day = DateInterval(datetime.date(1937, 7, 30), datetime.date(1937, 7, 30), "day", "30 July 1937")
    extracted = Extracted(
        names=[NameMention(0, 5, "Ivanov", "person", "Ivanov", ("title", "capital"))],
        memory=[MemoryMention(1, 0, 20, "commemoration", "memory", "society", ("unveiled",), date=day, date_from="act")],
    )
    record = {
        "passages": [Passage(1, 0, 20, "body", page=3, sentences=[Sentence(0, 20)])],
        "changes": [Change(4, 5, 4, 6, "rn", "m", "ocr")],
        "extracted": extracted,
        "metadata": {"warnings": ["page 2 unread"], "part": None, "pages": [1, 2]},
    }
    back = serial.loads(serial.dumps(record))
    assert back == record
    assert isinstance(back["extracted"].memory[0].cues, tuple) and back["extracted"].memory[0].date.start.year == 1937


def test_only_records_are_written() -> None:
    with pytest.raises(TypeError):
        serial.dumps({"when": datetime.datetime(1937, 7, 30)})
    with pytest.raises(TypeError):
        serial.dumps({"@": "a key that would read back as a record"})


def test_load_refuses_a_folder_without_a_build(tmp_path: Path, store: Store) -> None:
    with pytest.raises(UsageError, match="no build"):
        batch.load(store, tmp_path)


def test_build_without_java_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "note.txt").write_text("On 5 March 1953 Stalin died in Kuntsevo.\n", encoding="utf-8")
    monkeypatch.setattr(batch.shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    result = CliRunner().invoke(app, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "needs Java" in result.output


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sources")
    for name in SUBSET:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def built(sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if NO_SPARK:
        pytest.skip("CHRONIKA_NO_SPARK=1")
    out = tmp_path_factory.mktemp("build") / "out"
    summary = batch.build([sources], out, master="local[2]")
    assert summary.documents == len(SUBSET) + 1  # the mail's attachment is a document of its own
    yield out


def _everything(store: Store) -> dict[str, Any]:
    shown = {d["id"]: views.document(store, d["id"]) for d in views.documents(store)}
    listed = views.entities(store)
    return {
        "documents": shown,
        "entities": listed,
        "mentions": {e["id"]: views.entity(store, e["id"], mentions_limit=10_000) for e in listed},
        "timeline": views.timeline(store),
        "figures": views.figures(store),
        "conflicts": views.conflicts(store),
    }


@pytest.mark.slow
@needs_spark
def test_build_then_load_stores_what_ingest_stores(sources: Path, built: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "loaded.db") as loaded, Store(tmp_path / "ingested.db") as ingested:
        summary = batch.load(loaded, built)
        expected = ingest(ingested, [sources])
        assert summary.to_json() | {"seconds": 0} == expected.to_json() | {"seconds": 0}
        got, want = _everything(loaded), _everything(ingested)
        assert len(want["documents"]) == len(SUBSET) + 1 and want["entities"] and want["timeline"]
        for key in want:
            assert got[key] == want[key], key


@pytest.mark.slow
@needs_spark
def test_a_build_loads_into_postgresql_as_into_sqlite(built: Path, database: str, tmp_path: Path) -> None:
    with open_store(database) as postgres, Store(tmp_path / "loaded.db") as sqlite:
        assert batch.load(postgres, built).to_json() | {"seconds": 0} == batch.load(sqlite, built).to_json() | {"seconds": 0}
        got, want = _everything(postgres), _everything(sqlite)
    for key in want:
        assert got[key] == want[key], key


@pytest.mark.slow
@needs_spark
def test_loading_twice_leaves_the_store_alone(built: Path, store: Store) -> None:
    batch.load(store, built)
    again = batch.load(store, built)
    assert again.added == [] and again.replaced == [] and len(again.unchanged) == len(SUBSET)


@pytest.mark.slow
@needs_spark
def test_build_refuses_a_folder_holding_a_build(sources: Path, built: Path) -> None:
    with pytest.raises(UsageError, match="holds a build"):
        batch.build([sources], built)


@pytest.mark.slow
@needs_spark
def test_load_starts_neither_spark_nor_nlp(built: Path, tmp_path: Path) -> None:
    probe = (
        "import json, sys\n"
        "from typer.testing import CliRunner\n"
        "from chronika.cli import app\n"
        f"result = CliRunner().invoke(app, ['--db', {str(tmp_path / 'x.db')!r}, 'load', {str(built)!r}, '--json'])\n"
        "print(json.dumps([result.exit_code, json.loads(result.stdout)['documents_added'],"
        " sorted({m.split('.')[0] for m in sys.modules} & {'pyspark', 'py4j', 'spacy', 'natasha'})]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(done.stdout) == [0, len(SUBSET) + 1, []]


def test_load_refuses_another_version(tmp_path: Path, store: Store) -> None:
    (tmp_path / batch.MANIFEST).write_text(json.dumps({"format": batch.FORMAT, "version": batch.VERSION + 1}))
    with pytest.raises(ChronikaError, match="build it again"):
        batch.load(store, tmp_path)


@pytest.mark.slow
@needs_spark
def test_a_master_spark_cannot_use_is_an_error_that_leaves_no_build(sources: Path, tmp_path: Path) -> None:
    with pytest.raises(ChronikaError, match="Spark"):
        batch.build([sources], tmp_path / "out", master="nowhere://0")
    assert not (tmp_path / "out" / batch.DOCUMENTS).exists() and not (tmp_path / "out" / batch.MANIFEST).exists()


def _long_text(paragraphs: int, salt: str) -> str:
    """An invented text of `paragraphs` paragraphs (over 2,000,000 characters: stored in parts)."""
    return "\n\n".join(
        f"Paragraph {n} {salt}: the village school kept its register from 1931, and the teacher wrote in it each autumn."
        for n in range(paragraphs)
    ) + "\n"


@pytest.mark.slow
@needs_spark
def test_a_long_file_in_parts_and_its_new_version_load_as_ingest_stores_them(tmp_path: Path) -> None:
    """A file stored in parts, then a shorter new version of it stored whole (its parts dropped)."""
    sources = tmp_path / "sources"
    sources.mkdir()
    long = sources / "register.txt"
    with Store(tmp_path / "loaded.db") as loaded, Store(tmp_path / "ingested.db") as ingested:
        for version, paragraphs, documents in (("first", 22_000, 3), ("second", 10_000, 1)):
            long.write_text(_long_text(paragraphs, version), encoding="utf-8")
            out = tmp_path / version
            batch.build([sources], out, master="local[2]", extract=False)
            got, want = batch.load(loaded, out).to_json(), ingest(ingested, [sources], extract=False).to_json()
            assert got | {"seconds": 0} == want | {"seconds": 0}, version
            assert views.documents(loaded) == views.documents(ingested)
            assert len(views.documents(loaded)) == documents, version
        assert all(views.document(loaded, d["id"]) == views.document(ingested, d["id"]) for d in views.documents(loaded))
