"""Hostile inputs for ingest, generated at test time: files too long to hold at once, files over
a budget, files that fail part way through. The bounds are made small here (a part of a few
thousand characters) so each test runs in a moment; bench/ingest_memory.py measures real sizes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from chronika.errors import SourceError
from chronika.extract.read.parts import cut_at, split_source
from chronika.extract.read.text import read_text_parts
from chronika.ingest import pipeline
from chronika.ingest.pipeline import Budget, ingest
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


def test_a_file_over_the_size_budget_is_skipped_and_the_batch_goes_on(store: Store, tmp_path: Path) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(PARAGRAPH, encoding="utf-8")
    large.write_text(PARAGRAPH * 20, encoding="utf-8")
    summary = ingest(store, [small, large], extract=False, budget=Budget(max_bytes=1000))
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

    def after_two_parts(seconds: float, budget: Budget) -> bool:  # a clock that runs out after two parts
        nonlocal built
        built += 1
        return built > 2 and real_out_of_time(1e9, budget)

    monkeypatch.setattr(pipeline, "_out_of_time", after_two_parts)
    summary = ingest(store, [big], extract=False, budget=Budget(max_seconds=60))
    assert len(summary.added) == 2
    [skipped] = summary.skipped
    assert skipped.path.endswith("big.txt")
    assert "stored in part: 2 of its" in skipped.reason and "--max-seconds" in skipped.reason
    assert len(store.documents()) == 3  # the earlier document is still there


def test_a_file_that_fails_part_way_through_leaves_none_of_its_parts(store: Store, tmp_path: Path, small_parts: int) -> None:
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes((PARAGRAPH * 120).encode() + bytes(range(1, 32)) * 500)
    good = tmp_path / "good.txt"
    good.write_text(PARAGRAPH, encoding="utf-8")
    summary = ingest(store, [mixed, good], extract=False)
    assert len(summary.added) == 1 and [Path(s.path).name for s in summary.skipped] == ["mixed.txt"]
    assert [d.source.endswith("good.txt") for d in store.documents()] == [True]
