"""Readers: one module per format, each registered with the file types it handles.

`read(data, name)` picks the reader by the file's content first (its magic bytes) and its name
second, and returns a `Source`; a file that is not a document raises `SourceError` with the
reason. Readers take bytes, never open a file: `read_path(path)` is for callers holding a path."""

from __future__ import annotations

from chronika.extract.read.registry import read, read_path, reader_for, readers

# Importing the format modules registers their readers.
from chronika.extract.read import html, image, pdf, text  # noqa: E402,F401
from chronika.extract.read import archive, doc, docx, epub, mail, odt, rtf  # noqa: E402,F401
from chronika.extract.read.containers import LeftOut, documents  # noqa: E402

__all__ = ["LeftOut", "documents", "read", "read_path", "reader_for", "readers"]
