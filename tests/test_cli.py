"""The command line as scripts use it: `--json` shapes, exit statuses, messages on stderr."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from chronika.cli import app
from conftest import FIXTURES

runner = CliRunner()


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def as_json(stdout: str) -> Any:
    return json.loads(stdout)  # exactly one JSON value, nothing else on stdout


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "c.db"


def test_ingest_json_summary_and_partial_exit(db: Path) -> None:
    code, out, err = run(db, "ingest", str(FIXTURES / "mixed"), "--json")
    assert code == 3
    summary = as_json(out)
    assert set(summary) >= {"documents_added", "documents_unchanged", "documents_replaced", "skipped", "seconds"}
    assert summary["documents_added"] == 3
    assert {Path(s["path"]).name for s in summary["skipped"]} == {"corrupt.pdf", "binary.dat", "empty.txt"}
    assert all(set(s) == {"path", "reason"} for s in summary["skipped"])
    for name in ("corrupt.pdf", "binary.dat", "empty.txt"):
        assert name in err
    code, out, _ = run(db, "ingest", str(FIXTURES / "mixed" / "solovetsky-stone.html"), "--json")
    assert code == 0 and as_json(out)["documents_unchanged"] == 1


def test_documents_show_and_search_shapes(db: Path) -> None:
    run(db, "ingest", str(FIXTURES / "mixed"))
    code, out, _ = run(db, "documents", "--json")
    assert code == 0
    listed = as_json(out)
    assert len(listed) == 3
    for d in listed:
        assert set(d) >= {"id", "title", "source", "date", "words", "passages"}
        if d["date"] is not None:
            assert set(d["date"]) >= {"start", "end", "precision", "text", "inferred"}
    doc = listed[0]["id"]
    code, out, _ = run(db, "show", doc, "--json")
    shown = as_json(out)
    assert set(shown) >= {"id", "title", "source", "date", "text", "passages"}
    for p in shown["passages"]:
        assert set(p) >= {"n", "start", "end", "page"}
    code, out, _ = run(db, "search", "Solovetsky", "--json", "--limit", "2")
    hits = as_json(out)
    assert code == 0 and 0 < len(hits) <= 2
    for hit in hits:
        assert set(hit) >= {"score", "text", "citation"}
        cited = hit["citation"]
        assert set(cited) >= {"document", "title", "source", "passage", "start", "end", "quote"}
        _, shown_out, _ = run(db, "show", cited["document"], "--json")
        assert as_json(shown_out)["text"][cited["start"] : cited["end"]] == cited["quote"] == hit["text"]


def test_errors_and_usage_errors(db: Path, tmp_path: Path) -> None:
    run(db, "ingest", str(FIXTURES / "mixed"))
    code, out, err = run(db, "search", '"unclosed', "--json")
    assert code == 2 and out == "" and "quote" in err
    code, _, err = run(db, "show", "d999")
    assert code == 1 and "d999" in err
    code, _, err = run(db, "show", "d99999999999999999999")  # past SQLite's integers: no traceback
    assert code == 1 and "d99999999999999999999" in err and "Traceback" not in err
    code, _, err = run(db, "ingest", str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt" in err
    code, _, err = run(db, "ingest", str(FIXTURES / "good" / "plain-utf8.txt"), "--date", "last spring")
    assert code == 2 and "YYYY-MM-DD" in err
    code, _, _ = run(db, "search")
    assert code == 2


def test_a_file_that_is_not_a_store_is_an_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not sqlite at all " * 100, encoding="utf-8")
    code, _, err = run(bogus, "documents")
    assert code == 1 and "not a Chronika store" in " ".join(err.split())  # rich wraps long paths


def test_human_output_marks_hits(db: Path) -> None:
    run(db, "ingest", str(FIXTURES / "mixed"))
    code, out, _ = run(db, "search", "Solovetsky")
    assert code == 0 and "Solovetsky" in out and "passage" in out
