"""Rich Text Format (.rtf): the text (striprtf, in the code page the file declares), with the
title and author its information group states."""

from __future__ import annotations

import re
from typing import Callable

from striprtf import striprtf

from chronika.errors import SourceError
from chronika.extract.read.docx import join_paragraphs, stated
from chronika.extract.read.registry import register
from chronika.records.document import Source

_INFO = r"\{\\%s\s?((?:[^{}\\]|\\[^{}]|\\[{}])*)\}"  # {\title ...} in the information group
_CREATED = re.compile(r"\\creatim\s*\\yr(\d{4})\s*\\mo(\d{1,2})\s*\\dy(\d{1,2})")
rtf_to_text: Callable[..., str] = striprtf.rtf_to_text  # the library has no type hints
_BRACES = re.compile(r"(?<!\\)[{}]")  # a group's braces, not escaped ones
_CODE_PAGE = re.compile(r"\\ansicpg(\d+)")


@register("rtf", (".rtf",), (b"{\\rtf",))
def read_rtf(raw: bytes, name: str) -> Source:
    rtf = raw.decode("latin-1")  # RTF is 7-bit: other characters are escaped in its code page
    braces = _BRACES.findall(rtf)
    if braces.count("{") > braces.count("}") or not rtf.rstrip(" \t\r\n\x00").endswith("}"):
        raise SourceError(name, "corrupt or truncated RTF (its groups are not closed)")
    text = rtf_to_text(rtf, errors="replace")
    metadata: dict[str, object] = {}
    if created := _CREATED.search(rtf):
        metadata["created"] = f"{created[1]}-{int(created[2]):02d}-{int(created[3]):02d}"
    paragraphs = text.replace("\r\n", "\n").split("\n")
    return Source(name, join_paragraphs(paragraphs), "rtf", title=_info(rtf, "title"), author=_info(rtf, "author"), metadata=metadata)


def _info(rtf: str, field: str) -> str | None:
    """A field of the information group, its escapes read in the file's code page."""
    found = re.search(_INFO % field, rtf)
    if found is None:
        return None
    page = _CODE_PAGE.search(rtf)
    value = rtf_to_text(f"{{\\rtf1\\ansi\\ansicpg{page[1] if page else 1252} {found[1]}}}", errors="replace")
    return stated(value)
