"""Every reader, on good and broken inputs (tests/fixtures/README.md lists them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronika.errors import SourceError
from chronika.extract.read import read, read_path
from conftest import FIXTURES

GOOD = FIXTURES / "good"
BROKEN = FIXTURES / "broken"


@pytest.mark.parametrize(
    ("name", "encoding", "words"),
    [
        ("plain-utf8.txt", "utf-8-sig", ["Gulag"]),
        ("russian-cp1251.txt", "cp1251", ["Соловецкий", "лагерь", "назначения"]),
        ("russian-koi8r.txt", "koi8_r", ["Бутовский", "полигон", "Москвы"]),
        ("russian-utf16.txt", "utf-16", ["Общество", "Мемориал"]),
        ("latin1.txt", "cp1252", ["Société", "soviétique"]),
    ],
)
def test_text_encodings_are_detected(name: str, encoding: str, words: list[str]) -> None:
    source = read_path(GOOD / name)
    assert source.reader == "text"
    assert source.metadata["encoding"] == encoding
    for word in words:
        assert word in source.text
    assert "\ufffd" not in source.text


def test_html_keeps_the_article_and_its_metadata_without_boilerplate() -> None:
    source = read_path(GOOD / "article.html")
    assert source.reader == "html"
    assert source.title == "The Wall of Grief in Moscow"
    assert source.author == "Chronika Fixture Desk"
    assert source.date == "2019-10-30"
    assert "Frangulyan" in source.text
    raw = (GOOD / "article.html").read_text(encoding="utf-8")
    assert "cookie" in raw.lower()
    assert "cookie" not in source.text.lower()


def test_pdf_text_layer_keeps_pages() -> None:
    source = read_path(GOOD / "text-layer.pdf")
    assert source.reader == "pdf"
    assert len(source.page_starts) == 3
    for number, word in ((1, "one"), (2, "two"), (3, "three")):
        offset = source.text.index(f"page {word}") if f"page {word}" in source.text else source.text.index(f"page  {word}")
        assert source.page_at(offset) == number


@pytest.mark.ocr
def test_pdf_without_a_text_layer_goes_through_ocr() -> None:
    source = read_path(GOOD / "scan-only.pdf")
    assert source.metadata["ocr_pages"] == [1, 2]
    assert source.page_at(source.text.index("Dalstroy")) == 1
    assert source.page_at(source.text.index("Magadan")) == 2


@pytest.mark.ocr
@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("scan.png", ["Solovetsky", "Lubyanka"]),
        ("scan.jpg", ["Memorial", "Sakharov"]),
        ("scan.tiff", ["Wall", "Frangulyan"]),
        ("scan-ru.png", ["Стена", "скорби", "Франгулян"]),
    ],
)
def test_images_are_read_by_ocr_in_english_and_russian(name: str, words: list[str]) -> None:
    source = read_path(GOOD / name)
    assert source.reader == "ocr"
    assert source.page_starts == [0]
    for word in words:
        assert word in source.text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("blank.txt", "no text"),
        ("binary.txt", "binary"),
        ("binary.dat", "not a document"),
        ("corrupt.pdf", "corrupt"),
        ("encrypted.pdf", "encrypted"),
        ("not-an-image.png", "not a readable image"),
    ],
)
def test_broken_files_are_refused_with_a_reason(name: str, reason: str) -> None:
    with pytest.raises(SourceError) as refused:
        read_path(BROKEN / name)
    assert reason in refused.value.reason
    assert name in refused.value.path


def test_content_decides_the_reader_not_the_name() -> None:
    assert read((GOOD / "text-layer.pdf").read_bytes(), "report.txt").reader == "pdf"


@pytest.mark.ocr
def test_readers_take_bytes_and_open_no_file() -> None:
    nowhere = Path("/no/such/folder")
    for name in ("plain-utf8.txt", "article.html", "text-layer.pdf", "scan-only.pdf", "scan.tiff"):
        from_bytes = read((GOOD / name).read_bytes(), str(nowhere / name))
        assert from_bytes.path == str(nowhere / name)
        assert from_bytes.text == read_path(GOOD / name).text
    with pytest.raises(SourceError) as refused:
        read_path(nowhere / "gone.txt")
    assert "cannot be opened" in refused.value.reason
