"""Semantic search (the `chronika[semantic]` extra): passages found by meaning, fused with BM25,
vectors kept with their passages, and a clear message where the extra is not installed."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from chronika.query import semantic
from chronika.cli import app
from chronika.extract.build import build_document, content_hash
from chronika.query.finding import search as find
from chronika.records.document import Source
from chronika.ingest.pipeline import ingest
from chronika.records.search import Hit, SearchFilters
from chronika.store import Store
from chronika.web import Settings, create_app
from conftest import EXAMPLES

runner = CliRunner()
PARAPHRASE = "hitman fired pistol"  # Kirov's murder, in none of its passage's words


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def extra() -> None:
    """The extra must be there in CI (its setup installs it); a local venv without it skips."""
    if not semantic.available():
        if os.environ.get("CI"):
            pytest.fail(f"CI must install the semantic extra ({semantic.OFF})")
        pytest.skip(semantic.OFF)


@pytest.fixture(scope="module")
def examples_db(extra: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples (less the scan, which needs OCR), ingested and embedded once for the module."""
    db = tmp_path_factory.mktemp("semantic") / "examples.db"
    with Store(db) as store:
        ingest(store, sorted(p for p in EXAMPLES.iterdir() if p.suffix not in (".md", ".png")))
        semantic.embed_missing(store)
    return db


@pytest.fixture
def examples(examples_db: Path) -> Iterator[Store]:
    with Store(examples_db) as store:
        yield store


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def hit(document: str, passage: int, marked: list[tuple[int, int]] | None = None) -> Hit:
    return Hit(1.0, document, "t", "s.txt", passage, 0, 4, None, "text", marked or [])


# -- fusion and the vector table, no model needed ------------------------------------------------


def test_fusion_adds_reciprocal_ranks_and_shows_the_bm25_hit() -> None:
    by_words = [hit("d1", 1, [(0, 2)]), hit("d1", 2, [(1, 3)])]
    by_meaning = [hit("d2", 7), hit("d1", 1)]
    fused = semantic.fuse(by_words, by_meaning, limit=3)
    assert [(f.hit.document, f.hit.passage) for f in fused] == [("d1", 1), ("d2", 7), ("d1", 2)]
    first, second, third = fused
    assert first.hit.score == round(1 / 61 + 1 / 62, 6)
    assert first.hit.highlights == [(0, 2)]  # the BM25 hit, highlights and all
    assert (first.bm25_rank, first.semantic_rank) == (1, 2)
    assert (second.bm25_rank, second.semantic_rank) == (None, 1)
    assert (third.bm25_rank, third.semantic_rank) == (2, None)
    assert len(semantic.fuse(by_words, by_meaning, limit=1)) == 1


def test_vectors_round_trip_and_the_matrix_is_reread_only_after_a_write(store: Store) -> None:
    text = "Kirov was shot.\n\nNikolaev was seized.\n\nStalin came to Leningrad."
    store.save(build_document(Source("a.txt", text, "text"), content_hash(text.encode())))
    rows = [(row[0], row[1]) for row in store.db.execute("SELECT id, text FROM passages ORDER BY id")]
    (a, _), (b, _), (c, _) = rows
    assert store.count_without_vectors("m") == 3
    assert store.passages_without_vectors("m", after=a, limit=5) == rows[1:]
    store.save_vectors("m", [(a, np.array([1, 0], dtype=np.float32)), (c, np.array([0, 1], dtype=np.float32))])
    assert store.passages_without_vectors("m") == [rows[1]]
    ids, matrix = store.vector_matrix("m")
    assert ids.tolist() == [a, c] and matrix.tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert store.vector_matrix("m")[1] is matrix  # cached: no write since
    store.save_vectors("m", [(b, np.array([0.6, 0.8], dtype=np.float32))])
    assert store.vector_matrix("m")[0].tolist() == [a, b, c]
    assert store.count_without_vectors("m") == 0 and store.vector_count("m") == 3
    assert store.vector_count("other model") == 0


# -- the model ------------------------------------------------------------------------------------


@pytest.mark.semantic
def test_a_paraphrase_finds_the_passage_by_meaning(examples: Store) -> None:
    result = semantic.semantic_search(examples, PARAPHRASE, limit=3)
    assert find(examples, PARAPHRASE, 3).hits == []  # no word of it is in the corpus
    best = result.fused[0]
    assert "Kirov was shot from behind" in best.hit.text
    assert not words(PARAPHRASE) & words(best.hit.text)
    assert (best.bm25_rank, best.semantic_rank) == (None, 1)
    assert best.hit.highlights == []


@pytest.mark.semantic
def test_fusion_keeps_what_bm25_finds(examples: Store) -> None:
    by_words = find(examples, "rehabilitation", 10).hits
    assert by_words
    fused = semantic.semantic_search(examples, "rehabilitation", limit=10).fused
    kept = {(f.hit.document, f.hit.passage): f for f in fused}
    for rank, found in enumerate(by_words, start=1):
        shown = kept[(found.document, found.passage)]
        assert shown.bm25_rank == rank and shown.hit.highlights == found.highlights
    assert [f.hit.score for f in fused] == sorted((f.hit.score for f in fused), reverse=True)


@pytest.mark.semantic
def test_semantic_hits_respect_the_document_facet(examples: Store) -> None:
    biography = next(d for d in examples.documents() if d.source.endswith("stalin-biography.html"))
    only = SearchFilters(document=int(biography.id[1:]))
    fused = semantic.semantic_search(examples, PARAPHRASE, limit=5, filters=only).fused
    assert fused and {f.hit.document for f in fused} == {biography.id}


@pytest.mark.semantic
def test_embedding_is_incremental_and_vectors_leave_with_their_passages(extra: None, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(EXAMPLES / "kirov-1934.txt", corpus)
    shutil.copy(EXAMPLES / "rehabilitation-1956.txt", corpus)
    with Store(tmp_path / "c.db") as store:
        ingest(store, [corpus])
        passages = store.db.execute("SELECT count(*) FROM passages").fetchone()[0]
        assert semantic.embed_missing(store).embedded == passages
        assert semantic.embed_missing(store).embedded == 0
        kirov = corpus / "kirov-1934.txt"
        kirov.write_text(kirov.read_text(encoding="utf-8") + "\n\nA new closing paragraph.\n", encoding="utf-8")
        assert len(ingest(store, [corpus]).replaced) == 1
        rehabilitation = store.db.execute(
            "SELECT count(*) FROM passages p JOIN documents d ON d.id = p.document_id WHERE d.source LIKE '%rehab%'"
        ).fetchone()[0]
        assert store.vector_count(semantic.MODEL) == rehabilitation  # Kirov's old vectors went with his passages
        assert semantic.pending(store) == passages - rehabilitation + 1
        assert semantic.embed_missing(store).embedded == passages - rehabilitation + 1


# -- the command line -----------------------------------------------------------------------------


@pytest.mark.semantic
def test_search_semantic_json_keeps_the_contract_and_cites_exactly(examples_db: Path) -> None:
    code, out, _ = run(examples_db, "search", PARAPHRASE, "--semantic", "--json", "--limit", "4")
    assert code == 0
    hits: list[dict[str, Any]] = json.loads(out)
    assert len(hits) == 4 and "Kirov was shot" in hits[0]["text"]
    texts: dict[str, str] = {}
    for found in hits:
        assert set(found) >= {"score", "text", "citation", "highlights", "expansions", "bm25_rank", "semantic_rank"}
        cited = found["citation"]
        if cited["document"] not in texts:
            texts[cited["document"]] = json.loads(run(examples_db, "show", cited["document"], "--json")[1])["text"]
        assert texts[cited["document"]][cited["start"] : cited["end"]] == cited["quote"] == found["text"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


@pytest.mark.semantic
def test_embed_json_and_search_before_embedding(extra: None, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run(db, "ingest", str(EXAMPLES / "kirov-1934.txt"))
    code, _, err = run(db, "search", PARAPHRASE, "--semantic")
    assert code == 2 and "chronika embed" in err
    code, out, _ = run(db, "embed", "--json")
    summary = json.loads(out)
    assert code == 0 and summary["embedded"] == summary["vectors"] > 0 and summary["model"] == semantic.MODEL
    code, out, _ = run(db, "embed", "--json")
    assert code == 0 and json.loads(out)["embedded"] == 0


def test_without_the_extra_semantic_search_is_off_and_the_rest_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(semantic, "available", lambda: False)
    db = tmp_path / "c.db"
    assert run(db, "ingest", str(EXAMPLES / "kirov-1934.txt"))[0] == 0
    for args in (("embed",), ("search", "Kirov", "--semantic", "--json")):
        code, out, err = run(db, *args)
        assert code == 2 and out == ""
        assert "semantic search is off: pip install 'chronika[semantic]'" in " ".join(err.split())
    code, out, _ = run(db, "search", "Kirov", "--json")
    assert code == 0 and json.loads(out)


@pytest.mark.semantic
def test_the_api_searches_by_meaning_as_the_cli_does(examples_db: Path, tmp_path: Path) -> None:
    with TestClient(create_app(Settings(str(examples_db), "127.0.0.1", None)), base_url="http://127.0.0.1") as web:
        answer = web.get("/api/search", params={"q": PARAPHRASE, "semantic": "true", "limit": 4})
        assert answer.status_code == 200
        assert answer.json() == json.loads(run(examples_db, "search", PARAPHRASE, "--semantic", "--json", "--limit", "4")[1])
        page = web.get("/search", params={"q": PARAPHRASE, "semantic": "true"})
        assert page.status_code == 200 and 'id="semantic" name="semantic" value="true" checked' in page.text
        assert "Kirov was shot" in page.text.split('class="results"')[1]
    bare = tmp_path / "bare.db"
    run(bare, "ingest", str(EXAMPLES / "kirov-1934.txt"))
    with TestClient(create_app(Settings(str(bare), "127.0.0.1", None)), base_url="http://127.0.0.1") as web:
        answer = web.get("/api/search", params={"q": PARAPHRASE, "semantic": "true"})
        assert answer.status_code == 400 and "chronika embed" in answer.text
