"""OpenDocument text (.odt, LibreOffice and others): headings, paragraphs, lists and tables in
the order they stand, with the title and author the file states. Notes are left out, with their
markers (a footnote's number glued to a word would read as a figure)."""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import Any

from odf import teletype
from odf.opendocument import load
from odf.namespaces import DCNS, METANS, TABLENS, TEXTNS

from chronika.errors import SourceError
from chronika.extract.read.archive import ZIP_MAGIC, zip_mimetype
from chronika.extract.read.docx import join_paragraphs, stated
from chronika.extract.read.registry import register
from chronika.records.document import Source

_MIMETYPE = "application/vnd.oasis.opendocument.text"
_PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}
_LEFT_OUT = {(TEXTNS, "note"), (TEXTNS, "tracked-changes"), (TEXTNS, "sequence-decls")}


def _is_odt(raw: bytes) -> bool:
    found = zip_mimetype(raw)
    return found is not None and found.startswith(_MIMETYPE)


@register("opendocument", (".odt", ".ott"), ZIP_MAGIC, sniff=_is_odt)
def read_odt(raw: bytes, name: str) -> Source:
    try:
        document = load(BytesIO(raw))
        paragraphs: list[str] = []
        _walk(document.text, paragraphs)
        title = _meta(document, DCNS, "title")
        author = _meta(document, METANS, "initial-creator") or _meta(document, DCNS, "creator")
        created = _meta(document, METANS, "creation-date")
    except (zipfile.BadZipFile, KeyError, ValueError, AttributeError) as e:
        raise SourceError(name, f"corrupt or unreadable OpenDocument text ({e})") from e
    metadata: dict[str, object] = {"created": created[:10]} if created and len(created) >= 10 else {}
    return Source(name, join_paragraphs(paragraphs), "opendocument", title=stated(title), author=stated(author), metadata=metadata)


def _walk(element: Any, paragraphs: list[str]) -> None:
    """Every paragraph and heading under `element`, in order (inside lists, sections and frames
    too); a table row as one line, its cells separated by " | "."""
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in _LEFT_OUT:
            continue
        if qname in _PARAGRAPHS:
            paragraphs.append(_text(child))
        elif qname == (TABLENS, "table-row"):
            cells = [" ".join(_text(cell).split()) for cell in child.childNodes if getattr(cell, "qname", None) == (TABLENS, "table-cell")]
            paragraphs.append(" | ".join(c for c in cells if c))
        elif getattr(child, "childNodes", None):
            _walk(child, paragraphs)


def _text(element: Any) -> str:
    """A paragraph's text (spaces, tabs and line breaks as written) without its notes."""
    for note in [n for n in _descendants(element) if getattr(n, "qname", None) == (TEXTNS, "note")]:
        note.parentNode.removeChild(note)
    text: str = teletype.extractText(element)
    return text


def _descendants(element: Any) -> list[Any]:
    found = []
    for child in getattr(element, "childNodes", []):
        found.append(child)
        found.extend(_descendants(child))
    return found


def _meta(document: Any, namespace: str, field: str) -> str | None:
    for child in document.meta.childNodes:
        if getattr(child, "qname", None) == (namespace, field):
            value = teletype.extractText(child).strip()
            return value or None
    return None
