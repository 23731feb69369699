"""Word documents (.docx): paragraphs and tables in the order they stand, with the title and
author the file states. Headers, footers and footnotes are left out (python-docx reads the body)."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from lxml.etree import XMLSyntaxError

from chronika.errors import SourceError
from chronika.extract.read.archive import ZIP_MAGIC, zip_names
from chronika.extract.read.registry import register
from chronika.records.document import Source

_MAIN_PART = re.compile(r"word/document\d*\.xml")


def _is_docx(raw: bytes) -> bool:
    names = zip_names(raw)
    return "[Content_Types].xml" in names and any(_MAIN_PART.fullmatch(n) for n in names)


@register("word", (".docx", ".docm", ".dotx"), ZIP_MAGIC, sniff=_is_docx)
def read_docx(raw: bytes, name: str) -> Source:
    try:
        document = docx.Document(BytesIO(raw))
        paragraphs: list[str] = []
        for block in document.iter_inner_content():
            paragraphs.extend(_rows(block) if isinstance(block, Table) else [block.text])
        properties = document.core_properties
        title, author, created = properties.title, properties.author, properties.created
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as e:
        raise SourceError(name, f"corrupt or unreadable Word document ({e})") from e
    metadata: dict[str, object] = {"created": created.date().isoformat()} if created else {}
    return Source(name, join_paragraphs(paragraphs), "word", title=stated(title), author=stated(author), metadata=metadata)


def _rows(table: Table) -> list[str]:
    """A table, a line per row and its cells separated by " | " (a cell merged across columns once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        rows.append(" | ".join(cells))
    return rows


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs as Chronika separates them, by a blank line; empty ones (spacing) left out."""
    kept = [p.strip() for p in paragraphs if p.strip()]
    return "\n\n".join(kept) + "\n" if kept else ""


# What word processors put in a title field by themselves says nothing about the text.
_MADE_UP = re.compile(r"^(microsoft word - .*|untitled.*|document\d*|.*\.(docx?|odt|rtf))$", re.IGNORECASE)


def stated(value: str | None) -> str | None:
    """A title or author as the file states it, where it is one (not "Untitled" or a file name)."""
    if not value or not value.strip() or _MADE_UP.match(value.strip()):
        return None
    return " ".join(value.split())
