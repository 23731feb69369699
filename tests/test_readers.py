"""Every reader, on good and broken inputs (tests/fixtures/README.md lists them)."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfWriter

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


def _pdf_of(image: Image.Image, resolution: float) -> bytes:
    out = io.BytesIO()
    image.save(out, "PDF", resolution=resolution)
    return out.getvalue()


def test_blank_pages_cost_no_ocr_and_a_page_too_large_to_render_is_named() -> None:
    writer = PdfWriter()
    for _ in range(40):
        writer.add_blank_page(612, 792)
    blank = io.BytesIO()
    writer.write(blank)
    started = time.perf_counter()
    with pytest.raises(SourceError, match="no text found"):
        read(blank.getvalue(), "blank.pdf")
    with pytest.raises(SourceError, match="no text found"):  # a scanned page with no ink
        read(_pdf_of(Image.new("L", (850, 1100), 255), 100), "white.pdf")
    assert time.perf_counter() - started < 20  # OCR of one page alone takes longer on this machine
    poster = Image.new("L", (2000, 2000), 255)
    ImageDraw.Draw(poster).line((0, 0, 2000, 2000), fill=0, width=5)
    with pytest.raises(SourceError, match="too large to render for OCR"):  # 14,400 pt a side
        read(_pdf_of(poster, 10), "poster.pdf")


def test_text_in_utf16_or_utf32_without_a_byte_order_mark_is_read() -> None:
    for text in ("The camps were closed in the years after 1956.\n", "Лагеря закрыли после 1956 года.\n"):
        for encoding in ("utf-16-le", "utf-16-be", "utf-32-le"):
            source = read((text * 5).encode(encoding), "note.txt")
            assert source.text == text * 5 and source.metadata["encoding"] == encoding


def test_damaged_utf8_is_read_as_utf8_with_marks_and_a_warning() -> None:
    raw = bytearray(("The “initiatives” of the committee — all of them — were reviewed. " * 40).encode())
    for i in range(150, 1500, 150):
        raw[i] = 0xC3  # a lead byte without its continuation
    source = read(bytes(raw), "damaged.txt")
    assert source.metadata["encoding"] == "utf-8" and "initiatives" in source.text
    marks = source.text.count("\ufffd")  # a lead byte set inside a character breaks that one too
    assert marks >= 9 and f"{marks} byte sequence(s) are not valid UTF-8" in source.metadata["warnings"][0]


def test_control_characters_never_reach_the_text_and_pages_keep_their_starts() -> None:
    raw = ("First page of the report.\n" * 3000).encode() + b"\x00\x01" + b"\fSecond page.\n"
    source = read(raw, "nul.txt")
    assert "\x00" not in source.text and "\x01" not in source.text
    assert source.text[source.page_starts[1]:].startswith("Second page.")
    assert source.metadata["warnings"] == ["2 control character(s) (such as NUL) dropped"]
