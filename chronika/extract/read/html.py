"""HTML pages: the main text without navigation and boilerplate, with the page's own title,
author and date (trafilatura)."""

from __future__ import annotations

import trafilatura

from chronika.errors import SourceError
from chronika.extract.read.registry import register
from chronika.records.document import Source


@register(
    "html",
    (".html", ".htm", ".xhtml"),
    (b"<!DOCTYPE html", b"<!doctype html", b"<!DOCTYPE HTML", b"<html", b"<HTML"),
)
def read_html(raw: bytes, name: str) -> Source:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(name, "binary data, not HTML")
    found = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    found = {} if found is None else (found if isinstance(found, dict) else found.as_dict())
    body = found.get("text") or ""
    if not body.strip():
        raise SourceError(name, "no main text found in this HTML page")
    # trafilatura puts one paragraph a line; Chronika separates paragraphs by a blank line.
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    return Source(
        name,
        "\n\n".join(paragraphs) + "\n",
        "html",
        title=found.get("title") or None,
        author=found.get("author") or None,
        date=found.get("date") or None,
        metadata={k: found[k] for k in ("sitename", "url") if found.get(k)},
    )
