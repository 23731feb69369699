"""Every reader and container, on good and broken inputs (tests/fixtures/README.md lists them;
Word, OpenDocument, EPUB and archives are made by the tests)."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfWriter

from chronika.errors import SourceError
from chronika.extract.read import LeftOut, documents, read, read_path
from chronika.records.document import Source
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


def test_blank_pages_cost_no_ocr_and_a_page_too_large_to_render_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from chronika.extract.read import ocr

    def recognise(*args: object) -> str:
        raise AssertionError("a page with no ink was sent to Tesseract")

    writer = PdfWriter()
    for _ in range(40):
        writer.add_blank_page(612, 792)
    blank = io.BytesIO()
    writer.write(blank)
    with monkeypatch.context() as patch:
        patch.setattr(ocr, "_recognise", recognise)
        with pytest.raises(SourceError, match="no text found"):
            read(blank.getvalue(), "blank.pdf")
        with pytest.raises(SourceError, match="no text found"):  # a scanned page with no ink
            read(_pdf_of(Image.new("L", (850, 1100), 255), 100), "white.pdf")
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


# --- Word, OpenDocument, RTF, EPUB, e-mail and archives: files made here, or small fixtures ---


def _docx(title: str = "Letters from the camp") -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Invented Author"
    document.add_heading("Letters from the camp", 1)
    document.add_paragraph("The camp near the river held four thousand prisoners in 1939.")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "Year", (0, 1): "Prisoners", (1, 0): "1939", (1, 1): "4,000"}.items():
        table.cell(row, col).text = text
    document.add_paragraph("Письма из лагеря сохранились в семейном архиве.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _odt() -> bytes:
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="The firing range"))
    document.meta.addElement(meta.InitialCreator(text="Invented Author"))
    document.text.addElement(H(outlinelevel=1, text="The firing range"))
    paragraph = P(text="Thousands of people were shot at the range")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="7"))
    body = NoteBody()
    body.addElement(P(text="Archive file twelve."))
    note.addElement(body)
    paragraph.addElement(note)
    paragraph.addText(" in 1937 and 1938.")
    document.text.addElement(paragraph)
    items = List()
    item = ListItem()
    item.addElement(P(text="Полигон стал местом памяти."))
    items.addElement(item)
    document.text.addElement(items)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _epub() -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("invented-1")
    book.set_title("Memory of the camps")
    book.add_author("Invented Author")
    book.add_metadata("DC", "date", "2015-03-01")
    chapters = []
    for n, body in enumerate(("<h1>Chapter One</h1><p>The island camp opened in 1923.</p>",
                              "<h1>Chapter Two</h1><p>The society was founded in 1989.</p>"), 1):
        chapter = epub.EpubHtml(title=f"Part {n}", file_name=f"c{n}.xhtml", lang="en")
        chapter.content = body
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = tuple(chapters)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    out = io.BytesIO()
    epub.write_epub(out, book)
    return out.getvalue()


def _zip(files: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _parts(data: bytes, name: str) -> dict[str, object]:
    """What `documents` yields, by name: a Source, a SourceError's reason, or "left out"."""
    found: dict[str, object] = {}
    for part in documents(data, name):
        if isinstance(part, LeftOut):
            found[part.name] = "left out"
        elif isinstance(part, SourceError):
            found[part.path] = part.reason
        else:
            found[part.path] = part
    return found


def test_word_keeps_paragraphs_tables_and_its_stated_title() -> None:
    source = read(_docx(), "letters.docx")
    assert source.reader == "word"
    assert (source.title, source.author) == ("Letters from the camp", "Invented Author")
    assert source.text.split("\n\n") == [
        "Letters from the camp",
        "The camp near the river held four thousand prisoners in 1939.",
        "Year | Prisoners",
        "1939 | 4,000",
        "Письма из лагеря сохранились в семейном архиве.\n",
    ]
    assert source.date is None  # a file's creation date is not its publication date


def test_a_word_processors_made_up_title_is_no_title() -> None:
    assert read(_docx("Microsoft Word - draft3.doc"), "a.docx").title is None


def test_word_opendocument_and_epub_are_told_apart_from_zip_archives_by_content() -> None:
    assert read(_docx(), "misnamed.zip").reader == "word"
    assert read(_odt(), "misnamed.docx").reader == "opendocument"
    assert read(_epub(), "book.zip").reader == "epub"


def test_opendocument_keeps_lists_and_leaves_notes_out_with_their_markers() -> None:
    source = read(_odt(), "range.odt")
    assert (source.title, source.author) == ("The firing range", "Invented Author")
    assert "Thousands of people were shot at the range in 1937 and 1938." in source.text
    assert "Полигон стал местом памяти." in source.text
    assert "range7" not in source.text and "Archive file" not in source.text


def test_epub_reads_its_chapters_in_order_without_the_table_of_contents() -> None:
    source = read(_epub(), "book.epub")
    assert (source.title, source.author) == ("Memory of the camps", "Invented Author")
    assert source.text.split("\n\n")[:2] == ["Chapter One", "The island camp opened in 1923."]
    assert "Part 1" not in source.text
    assert source.metadata["epub_date"] == "2015-03-01" and source.date is None


def test_rtf_is_read_in_its_code_page_with_its_information_group() -> None:
    source = read_path(GOOD / "letter.rtf")
    assert source.reader == "rtf"
    assert (source.title, source.author) == ("Стена скорби", "Chronika Fixture Desk")
    assert "Стена скорби открыта в Москве." in source.text
    assert "Бутово" in source.text  # \u escapes
    assert source.metadata["created"] == "2017-10-30"


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("cut.docx", lambda: _docx()[:400], "corrupt or unreadable Word document"),
        ("cut.odt", lambda: _odt()[:300], "corrupt or unreadable OpenDocument text"),
        ("cut.epub", lambda: _epub()[:300], "corrupt or unreadable EPUB"),
        ("truncated.rtf", lambda: (BROKEN / "truncated.rtf").read_bytes(), "corrupt or truncated RTF"),
        ("old.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "a Microsoft Office 97-2003"),
    ],
)
def test_broken_office_files_and_old_word_are_skipped_with_a_reason(name: str, make: Any, reason: str) -> None:
    with pytest.raises(SourceError) as caught:
        read(make(), name)
    assert caught.value.reason.startswith(reason)


def test_an_email_is_its_body_with_its_headers_and_attachments_are_documents() -> None:
    parts = _parts((GOOD / "message.eml").read_bytes(), "mail/message.eml")
    assert set(parts) == {"mail/message.eml", "mail/message.eml!names.txt"}  # the signature is no document
    body = parts["mail/message.eml"]
    assert isinstance(body, Source)
    assert body.text == "The list of names read at the Solovetsky Stone on 29 October 2007 is attached below.\n"
    assert (body.title, body.date) == ("Список из архива", "2007-10-30")
    assert body.author == "Chronika Fixture Desk <desk@example.org>"
    assert body.metadata["to"] == "Reader One <one@example.org>, Reader Two <two@example.org>"
    assert body.metadata["cc"] == "archive@example.org"
    attachment = parts["mail/message.eml!names.txt"]  # "../../names.txt" named by its file name only
    assert isinstance(attachment, Source) and "twelve hours" in attachment.text
    assert attachment.metadata["container"] == "mail/message.eml"


def test_an_html_only_email_is_read_through_the_html_reader() -> None:
    raw = (b"From: a@example.org\nSubject: Only HTML\nDate: Mon, 5 Feb 2001 10:00:00 +0000\n"
           b"Content-Type: text/html; charset=utf-8\n\n<html><body><nav>Menu</nav><p>The monument stood in the square for forty years.</p></body></html>\n")
    source = read_one(raw, "html.eml")
    assert "The monument stood in the square for forty years." in source.text
    assert (source.title, source.date) == ("Only HTML", "2001-02-05")


def read_one(data: bytes, name: str) -> Source:
    parts = [p for p in documents(data, name) if isinstance(p, Source)]
    assert len(parts) == 1
    return parts[0]


def test_a_mailbox_holds_messages_named_by_their_place() -> None:
    parts = _parts((GOOD / "box.mbox").read_bytes(), "box.mbox")
    first, second = parts["box.mbox!message-1.eml"], parts["box.mbox!message-2.eml"]
    assert isinstance(first, Source) and isinstance(second, Source)
    assert "\nFrom the lists we know" in first.text  # the mbox escape ">From" undone
    assert (second.title, second.date) == ("Об Енисейлаге", "2007-10-31")
    assert "Енисейлаге: список сохранился" in second.text  # KOI8-R as the part declares


def test_text_that_is_not_a_message_or_a_mailbox_is_refused() -> None:
    with pytest.raises(SourceError, match="not an e-mail message"):
        list(documents((BROKEN / "no-headers.eml").read_bytes(), "no-headers.eml"))
    with pytest.raises(SourceError, match="not a mailbox"):
        list(documents(b"Just a letter.\nFrom the archive.\n", "letters.mbox"))


def test_archive_members_are_documents_named_inside_their_archive() -> None:
    inner = _zip({"deep/note.txt": b"A note written in 1956 by a man back from the camps."})
    data = _zip({
        "letters/one.docx": _docx(),
        "letters/inner.zip": inner,
        "../../etc/passwd.txt": b"Only a name: nothing is ever written to disk from an archive.",
        "README.md": b"What this archive holds.",
        "__MACOSX/letters/._one.docx": b"resource fork",
        "letters/.hidden.txt": b"hidden",
        "letters/table.dat": b"\x00\x01\x02",
    })
    parts = _parts(data, "corpus.zip")
    assert set(parts) == {"corpus.zip!letters/one.docx", "corpus.zip!letters/inner.zip!deep/note.txt",
                          "corpus.zip!../../etc/passwd.txt", "corpus.zip!README.md", "corpus.zip!letters/table.dat"}
    assert parts["corpus.zip!README.md"] == "left out"
    assert str(parts["corpus.zip!letters/table.dat"]).startswith("not a document Chronika can read")
    word = parts["corpus.zip!letters/one.docx"]
    assert isinstance(word, Source) and word.reader == "word"
    assert word.metadata["container"] == "corpus.zip" and word.metadata["member"] == "letters/one.docx"


def test_tar_and_compressed_files_are_opened() -> None:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in (("./docs/one.txt", b"The first text of the tar archive, from 1989."),
                           ("docs/two.rtf", (GOOD / "letter.rtf").read_bytes())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    assert set(_parts(out.getvalue(), "c.tar.gz")) == {"c.tar.gz!docs/one.txt", "c.tar.gz!docs/two.rtf"}
    single = _parts(gzip.compress("Сжатый текст о Бутово.".encode("cp1251")), "note.txt.gz")
    note = single["note.txt.gz!note.txt"]
    assert isinstance(note, Source) and note.text == "Сжатый текст о Бутово."


def test_zip_bombs_are_refused_whole() -> None:
    zeros = _zip({"a.txt": b"All fine here, a real note.", "zeros.txt": bytes(20 * 1024**2)})
    with pytest.raises(SourceError, match="zip bomb"):
        list(documents(zeros, "bomb.zip"))
    nested = _zip({"inner.zip": zeros})
    with pytest.raises(SourceError, match=r"zip bomb.*\(in outer.zip!inner.zip\)") as caught:
        list(documents(nested, "outer.zip"))
    assert caught.value.path == "outer.zip"
    many = _zip({f"{n}.txt": b"x" for n in range(10_001)}, zipfile.ZIP_STORED)
    with pytest.raises(SourceError, match="more than 10,000 files"):
        list(documents(many, "many.zip"))
    with pytest.raises(SourceError, match="zip bomb"):
        list(documents(gzip.compress(bytes(20 * 1024**2)), "zeros.txt.gz"))


def test_containers_nest_to_a_bounded_depth() -> None:
    data = b"The innermost note, about the year 1937."
    for level in range(6):
        data = _zip({f"level{level}.zip" if level else "note.txt": data})
    parts = _parts(data, "top.zip")
    assert len(parts) == 1
    assert "nested more than 4 containers deep" in str(next(iter(parts.values())))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("cut.zip", _zip({"a.txt": b"Some text about the camps in 1937."})[:40], "corrupt or unreadable zip archive"),
        ("empty.zip", _zip({}), "an empty zip archive"),
        ("cut.txt.gz", gzip.compress(b"Some text about the camps in 1937.")[:15], "corrupt or unreadable gzip file"),
        ("sheet.zip", _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}), "an Office Open XML package"),
    ],
)
def test_broken_archives_are_skipped_with_a_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(SourceError) as caught:
        list(documents(data, name))
    assert caught.value.reason.startswith(reason)


def test_a_container_read_as_one_document_says_to_ingest_it() -> None:
    with pytest.raises(SourceError, match="ingest it"):
        read(_zip({"a.txt": b"Some text about the camps in 1937."}), "a.zip")


def test_cp866_member_names_of_russian_archivers_are_read() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        info = zipfile.ZipInfo("x.txt")
        archive.writestr(info, "Текст о лагере, 1937 год.".encode())
    data = out.getvalue().replace(b"x.txt", "п.txt".encode("cp866"))
    assert set(_parts(data, "ru.zip")) == {"ru.zip!п.txt"}
