"""EPUB e-books: the chapters in reading order (the spine), each read as the HTML reader reads a
page's visible text, with the book's title and author. The book's own date (often the e-book's,
not the text's) is kept as `epub_date`, not taken as the document's date."""

from __future__ import annotations

import zipfile
from io import BytesIO

import ebooklib
from ebooklib import epub
from lxml.etree import XMLSyntaxError

from chronika.errors import SourceError
from chronika.extract.read.archive import ZIP_MAGIC, zip_mimetype
from chronika.extract.read.docx import join_paragraphs, stated
from chronika.extract.read.html import shown_lines
from chronika.extract.read.registry import register
from chronika.records.document import Source


def _is_epub(raw: bytes) -> bool:
    return zip_mimetype(raw) == "application/epub+zip"


@register("epub", (".epub",), ZIP_MAGIC, sniff=_is_epub)
def read_epub(raw: bytes, name: str) -> Source:
    try:
        book = epub.read_epub(BytesIO(raw), {"ignore_ncx": True})
        paragraphs: list[str] = []
        for idref, _ in book.spine:
            item = book.get_item_with_id(idref)
            # The navigation document (a table of contents) is in many spines: it is not the text.
            if item is not None and item.get_type() == ebooklib.ITEM_DOCUMENT and not isinstance(item, epub.EpubNav):
                paragraphs.extend(shown_lines(item.get_content()))
    except (epub.EpubException, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError, AttributeError) as e:
        raise SourceError(name, f"corrupt or unreadable EPUB ({e})") from e
    metadata: dict[str, object] = {}
    if when := _first(book, "date"):
        metadata["epub_date"] = when
    return Source(name, join_paragraphs(paragraphs), "epub", title=stated(_first(book, "title")), author=stated(_first(book, "creator")), metadata=metadata)


def _first(book: epub.EpubBook, field: str) -> str | None:
    values = book.get_metadata("DC", field)
    return str(values[0][0]).strip() or None if values and values[0][0] else None
