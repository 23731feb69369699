"""Microsoft Office 97-2003 files (Word .doc, and .xls, .ppt, Outlook .msg that share their
container): not read, with the reason. Their text sits in a binary format that no well-kept
pure-Python library reads (olefile opens the container, not the text inside; antiword and
catdoc are programs outside Python)."""

from __future__ import annotations

from chronika.errors import SourceError
from chronika.extract.read.registry import register
from chronika.records.document import Source

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@register("office 97-2003", (".doc", ".dot", ".xls", ".ppt", ".msg"), (OLE_MAGIC,))
def read_office97(raw: bytes, name: str) -> Source:
    raise SourceError(
        name,
        "a Microsoft Office 97-2003 file (.doc, .xls, .ppt or Outlook .msg): Chronika does not read this binary "
        "format; save it as .docx, .odt or PDF and ingest that",
    )
