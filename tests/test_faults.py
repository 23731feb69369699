"""Hostile inputs for ingest, generated at test time: files too long to hold at once, files over
a budget, files that fail part way through. The bounds are made small here (a part of a few
thousand characters) so each test runs in a moment; bench/ingest_memory.py measures real sizes."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter

from chronika.errors import SourceError
from chronika.extract.read import ocr, pdf, read
from chronika.extract.read.limits import reading_limits
from chronika.extract.read.parts import cut_at, split_source
from chronika.extract.read.text import read_text_parts
from chronika.ingest import pipeline
from chronika.ingest.pipeline import FileBudget, ingest
from chronika.records.document import Source
from chronika.store import Store

PARAGRAPH = (
    "The regional archive opened its reading room to the families in the spring of that year. "
    "Each visitor was shown the file of a relative and could copy the pages by hand.\n\n"
)
RUSSIAN = "Архив открыл читальный зал для родственников весной того же года. Каждый посетитель видел дело.\n\n"


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> int:
    """Parts of at most 4,000 characters, and any text over 8,000 cut into them."""
    monkeypatch.setattr(pipeline, "PART_CHARS", 4000)
    monkeypatch.setattr(pipeline, "MAX_DOCUMENT_CHARS", 8000)
    return 4000


def test_a_part_ends_at_a_paragraph_break_else_a_sentence_end_else_a_space() -> None:
    text = "One sentence here. " * 30 + "\n\n" + "Another sentence follows. " * 30
    end = cut_at(text, 0, 1000)
    assert text[:end].endswith("\n\n")
    one_line = "The archive was opened. " * 100
    end = cut_at(one_line, 0, 1000)
    assert end <= 1000 and one_line[:end].endswith("opened. ")
    no_stops = "word " * 400
    end = cut_at(no_stops, 0, 1000)
    assert end <= 1000 and no_stops[:end].endswith(" ")
    assert cut_at("x" * 3000, 0, 1000) == 1000  # nothing to cut at: at the bound
    assert cut_at("short text", 0, 1000) == len("short text")


def test_an_initial_is_not_a_sentence_end_to_cut_at() -> None:
    text = "x" * 600 + " written by I. Ivanov and by A. Petrov, who signed " + "y" * 600
    end = cut_at(text, 0, 1000)
    assert not text[:end].rstrip().endswith(("I.", "A."))


def test_a_long_source_is_cut_into_parts_that_keep_their_page_numbers() -> None:
    pages = [f"Page {n}. " + PARAGRAPH * 3 for n in range(1, 21)]
    text = "".join(pages)
    starts = [sum(len(p) for p in pages[:i]) for i in range(len(pages))]
    source = Source("long.pdf", text, "pdf", page_starts=starts, title="A Long Report", metadata={"warnings": ["w"]})
    parts = list(split_source(source, size=2000, longest=4000))
    assert len(parts) > 3
    assert "".join(p.text for p in parts) == text
    assert [p.path for p in parts[:2]] == ["long.pdf (part 1)", "long.pdf (part 2)"]
    assert parts[1].title == "A Long Report (part 2)"
    assert parts[0].metadata["warnings"] == ["w"] and "warnings" not in parts[1].metadata
    offset = 0
    for part in parts:
        for at in (0, len(part.text) - 1):
            page = next(n for n, s in enumerate(starts, start=1) if s <= offset + at < (starts + [len(text)])[n])
            assert part.page_at(at) == page
        offset += len(part.text)


def test_a_short_source_stays_whole() -> None:
    source = Source("short.txt", PARAGRAPH, "text")
    assert list(split_source(source, size=2000, longest=4000)) == [source]


def test_a_text_read_in_parts_keeps_every_character_in_any_encoding() -> None:
    text = RUSSIAN * 300
    parts = list(read_text_parts(io.BytesIO(text.encode("cp1251")), "big.txt", 3000))
    assert len(parts) > 5 and all(len(p.text) <= 3000 for p in parts)
    assert "".join(p.text for p in parts) == text
    assert {p.metadata["encoding"] for p in parts} == {"cp1251"}


def test_a_text_read_in_parts_counts_its_form_feed_pages_across_parts() -> None:
    text = "".join(f"Page {n}. " + PARAGRAPH + "\f" for n in range(1, 41))
    parts = list(read_text_parts(io.BytesIO(text.encode()), "paged.txt", 1000))
    for part in parts:
        for at in (0, len(part.text) - 2):
            number = int(part.text[: at + 1].split("Page ")[-1].split(".")[0]) if "Page " in part.text[: at + 1] else None
            if number is not None:
                assert part.page_at(at) == number


def test_bytes_that_do_not_decode_later_in_a_large_file_are_marked_and_warned() -> None:
    dashed = PARAGRAPH.replace(". ", " — ")  # UTF-8 beyond ASCII, so the damage is seen as damage
    data = (dashed * 100).encode() + b"\xff\xfe broken \xff" + (dashed * 10).encode()
    parts = list(read_text_parts(io.BytesIO(data), "damaged.txt", 3000))
    warned = [p for p in parts if p.metadata.get("warnings")]
    assert len(warned) == 1 and "\ufffd" in warned[0].text
    assert "not valid utf-8" in warned[0].metadata["warnings"][0]


def test_binary_data_part_way_through_a_text_is_refused() -> None:
    data = (PARAGRAPH * 100).encode() + bytes(range(1, 32)) * 200
    with pytest.raises(SourceError, match="binary data"):
        list(read_text_parts(io.BytesIO(data), "mixed.txt", 3000))


def test_a_long_text_file_is_stored_as_numbered_parts(store: Store, tmp_path: Path, small_parts: int) -> None:
    big = tmp_path / "big.txt"
    big.write_text(PARAGRAPH * 120, encoding="utf-8")
    summary = ingest(store, [big], extract=False)
    stored = sorted(store.documents(), key=lambda d: d.id)
    assert not summary.skipped and len(summary.added) == len(stored) > 5
    assert [d.source.rsplit(" ", 2)[-2:] for d in stored][:2] == [["(part", "1)"], ["(part", "2)"]]
    assert sum(d.words for d in stored) == len((PARAGRAPH * 120).split())
    again = ingest(store, [big], extract=False)
    assert (again.added, again.replaced, len(again.unchanged)) == ([], [], len(stored))


def test_a_one_line_file_is_cut_at_sentence_ends(store: Store, tmp_path: Path, small_parts: int) -> None:
    line = tmp_path / "line.txt"
    line.write_text(PARAGRAPH.replace("\n", " ") * 100, encoding="utf-8")
    ingest(store, [line], extract=False)
    texts = [store.document(d.id)[1] for d in store.documents()]
    assert len(texts) >= 5
    assert all(t.rstrip().endswith(".") for t in texts)


def test_a_run_killed_part_way_through_a_long_file_stores_the_rest_next_time(
    store: Store, tmp_path: Path, small_parts: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    big.write_text(PARAGRAPH * 120, encoding="utf-8")
    saved = 0
    real_save = store.save

    def dying_save(doc: object) -> str:
        nonlocal saved
        if saved == 3:
            raise KeyboardInterrupt  # killed while storing the fourth part
        saved += 1
        return real_save(doc)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "save", dying_save)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [big], extract=False)
    monkeypatch.setattr(store, "save", real_save)
    assert len(store.documents()) == 3
    again = ingest(store, [big], extract=False)
    assert len(again.unchanged) == 3 and len(again.added) > 2
    assert sum(d.words for d in store.documents()) == len((PARAGRAPH * 120).split())


def test_a_new_version_of_a_long_file_leaves_nothing_of_the_old_one(store: Store, tmp_path: Path, small_parts: int) -> None:
    big = tmp_path / "big.txt"

    def stored() -> list[str]:
        return sorted(d.source.rsplit("/", 1)[-1] for d in store.documents())

    big.write_text(PARAGRAPH * 120, encoding="utf-8")
    ingest(store, [big], extract=False)
    many = stored()
    big.write_text("A new version. " + PARAGRAPH * 60, encoding="utf-8")  # fewer parts
    ingest(store, [big], extract=False)
    fewer = stored()
    assert 2 < len(fewer) < len(many) and all("(part" in s for s in fewer)
    big.write_text(PARAGRAPH, encoding="utf-8")  # short enough to be one document
    ingest(store, [big], extract=False)
    assert stored() == ["big.txt"]
    big.write_text("Longer again. " + PARAGRAPH * 120, encoding="utf-8")
    ingest(store, [big], extract=False)
    assert stored() == sorted(f"big.txt (part {n})" for n in range(1, len(many) + 1))
    assert not any("A new version" in store.document(d.id)[1] for d in store.documents())


def test_a_file_over_the_size_budget_is_skipped_and_the_batch_goes_on(store: Store, tmp_path: Path) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(PARAGRAPH, encoding="utf-8")
    large.write_text(PARAGRAPH * 20, encoding="utf-8")
    summary = ingest(store, [small, large], extract=False, budget=FileBudget(max_bytes=1000))
    assert len(summary.added) == 1
    [skipped] = summary.skipped
    assert skipped.path.endswith("large.txt") and "size budget" in skipped.reason and "--max-size" in skipped.reason


def test_a_file_over_the_time_budget_is_stored_in_part_and_nothing_stored_is_lost(
    store: Store, tmp_path: Path, small_parts: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first.txt"
    first.write_text(PARAGRAPH, encoding="utf-8")
    ingest(store, [first], extract=False)
    big = tmp_path / "big.txt"
    big.write_text(PARAGRAPH * 120, encoding="utf-8")
    built = 0
    real_out_of_time = pipeline._out_of_time

    def after_two_parts(seconds: float, budget: FileBudget) -> bool:  # a clock that runs out after two parts
        nonlocal built
        built += 1
        return built > 2 and real_out_of_time(1e9, budget)

    monkeypatch.setattr(pipeline, "_out_of_time", after_two_parts)
    summary = ingest(store, [big], extract=False, budget=FileBudget(max_seconds=60))
    assert len(summary.added) == 2
    [skipped] = summary.skipped
    assert skipped.path.endswith("big.txt")
    parts = len(list(read_text_parts(io.BytesIO(big.read_bytes()), "big.txt", small_parts)))
    assert f"stored in part: its last {parts - 2} part(s) of {parts}" in skipped.reason and "--max-seconds" in skipped.reason
    assert len(store.documents()) == 3  # the earlier document is still there


def test_a_file_that_fails_part_way_through_leaves_none_of_its_parts(store: Store, tmp_path: Path, small_parts: int) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes((PARAGRAPH * 120).encode() + bytes(range(1, 32)) * 500)
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPH, encoding="utf-8")
    summary = ingest(store, [mixed, good], extract=False)
    assert len(summary.added) == 1 and [Path(s.path).name for s in summary.skipped] == ["mixed.txt"]
    assert [d.source.endswith("good.txt") for d in store.documents()] == [True]


# -- OCR: blank pages, several pages at once, pages kept by content; a PDF over its time budget -----


def _scan(words: str, size: tuple[int, int] = (600, 200)) -> Image.Image:
    from PIL import ImageDraw

    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((20, 80), words, fill="black")
    return image


def _scanned_pdf(pages: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=100)
    return out.getvalue()


@pytest.fixture
def recognised(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """OCR replaced by a stand-in that records the size of each page it is given to read."""
    seen: list[tuple[int, int]] = []

    def fake(gray: Image.Image, name: str) -> str:
        seen.append(gray.size)
        return f"The text of a page {gray.size[0]} by {gray.size[1]} pixels, read by the stand-in for Tesseract (page {len(seen)})."

    monkeypatch.setattr(ocr, "_recognise", fake)
    return seen


def test_ocr_reads_pages_in_their_order_on_several_workers(recognised: list[tuple[int, int]]) -> None:
    pages = [(n, lambda n=n: _scan(f"page {n}", (300 + 10 * n, 200))) for n in range(1, 8)]
    read = list(ocr.ocr_pages(iter(pages), len(pages), "scans.tiff", []))
    assert [n for n, _ in read] == list(range(1, 8))
    assert [t.split()[5] for _, t in read] == [str(300 + 10 * n) for n in range(1, 8)]
    assert ocr.workers(7) == min(7, len(os.sched_getaffinity(0))) and ocr.workers(1) == 1


def test_ocr_keeps_each_page_by_its_content_so_a_changed_file_reads_only_what_changed(
    recognised: list[tuple[int, int]], tmp_path: Path
) -> None:
    pages = [_scan("Solovki 1937"), _scan("Butovo 1938"), _scan("Kommunarka 1937")]
    with reading_limits(ocr_cache=tmp_path / "cache"):
        first = read(_scanned_pdf(pages), "scans.pdf")
        assert len(recognised) == 3
        changed = read(_scanned_pdf([pages[0], pages[1], _scan("Levashovo 1938", (700, 200))]), "scans.pdf")
    assert len(recognised) == 4 and recognised[-1][0] > recognised[0][0]  # only the new page was read
    assert first.text.split("\n\n")[:2] == changed.text.split("\n\n")[:2]
    without_cache = read(_scanned_pdf(pages), "scans.pdf")
    assert len(recognised) == 4 + 3 and without_cache.text.count("\n\n") == 3  # without a cache every page is read


def test_a_pdf_of_blank_pages_costs_no_ocr(recognised: list[tuple[int, int]]) -> None:
    writer = PdfWriter()
    for _ in range(300):
        writer.add_blank_page(612, 792)
    blank = io.BytesIO()
    writer.write(blank)
    with pytest.raises(SourceError, match="no text"):
        read(blank.getvalue(), "blank.pdf")
    white = _scanned_pdf([Image.new("RGB", (600, 800), "white")] * 3)  # images drawn, but no ink on them
    with pytest.raises(SourceError, match="no text"):
        read(white, "white.pdf")
    assert recognised == []


def test_a_pdf_over_its_time_budget_is_stored_in_part_with_a_warning(
    recognised: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = 0

    def after_six_checks() -> bool:  # a clock that runs out after six pages: four read, two OCR'd
        nonlocal checks
        checks += 1
        return checks == 5 or checks > 7

    monkeypatch.setattr(pdf, "out_of_time", after_six_checks)
    monkeypatch.setattr(ocr, "out_of_time", after_six_checks)
    source = read(_scanned_pdf([_scan(f"page {n}") for n in range(1, 9)]), "scans.pdf")
    assert source.metadata["pages"] == 4
    warnings = source.metadata["warnings"]
    assert any(w.startswith("stored in part: pages 1-4 of 8") for w in warnings)
    assert len(recognised) == 2 and any(w.startswith("stored in part: OCR of 2 page(s) from page 3 left out") for w in warnings)
    assert "page 2" in source.text and "page 3" not in source.text


def test_the_ocr_cache_sits_beside_the_store_file(tmp_path: Path, recognised: list[tuple[int, int]]) -> None:
    scans = tmp_path / "scans.pdf"
    scans.write_bytes(_scanned_pdf([_scan("Sandarmokh 1937")]))
    with Store(tmp_path / "s.db") as store:
        ingest(store, [scans], extract=False)
    assert len(list((tmp_path / "s.db.ocr").glob("*/*.txt"))) == 1


def test_the_budgets_are_ingest_options_and_a_file_over_one_is_a_skipped_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from chronika.cli import app

    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(PARAGRAPH, encoding="utf-8")
    large.write_text(PARAGRAPH * 20, encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "c.db"), "ingest", str(small), str(large), "--max-size", "0.001", "--json"])
    assert result.exit_code == 3
    summary = json.loads(result.stdout)
    assert summary["documents_added"] == 1
    assert [Path(s["path"]).name for s in summary["skipped"]] == ["large.txt"]
    assert "size budget" in summary["skipped"][0]["reason"] and "large.txt" in result.stderr
    again = CliRunner().invoke(app, ["--db", str(tmp_path / "c.db"), "ingest", str(large), "--max-size", "0", "--max-seconds", "0", "--json"])
    assert again.exit_code == 0 and json.loads(again.stdout)["documents_added"] == 1
