"""A source too long to clean and extract at once, cut into numbered parts of bounded size.

Each part is a document of its own, named "NAME (part N)", cut at a paragraph break near the
bound, else at a sentence end (a file of one line), else at a space; pages go on counting from
one part to the next. So memory and time per document stay bounded whatever the file."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator

from chronika.records.document import Source

PART_CHARS = 1_000_000  # a part holds at most this many characters (about 170,000 words) ...
MAX_DOCUMENT_CHARS = 2_000_000  # ... and a text longer than this is cut into parts

# The end of a sentence: its punctuation after a word of two letters or more (not an initial),
# then a space and what opens a sentence.
_SENTENCE_END = re.compile(r"""(?<=\w\w)[.!?…]["'”’»)\]]*\s+(?=["'“«(\[]?[A-ZА-ЯЁ0-9])""")


def part_name(name: str, number: int) -> str:
    return f"{name} (part {number})"


def cut_at(text: str, start: int, size: int) -> int:
    """Where a part of `text` that begins at `start` and holds at most `size` characters ends:
    the whole rest if it fits, else after the last paragraph break in the second half of the
    window, else after its last sentence end, else at its last space, else at the bound."""
    end = start + size
    if len(text) <= end:
        return len(text)
    low = start + size // 2
    paragraph = text.rfind("\n\n", low, end)
    if paragraph >= 0:
        return paragraph + 2
    last = None
    for last in _SENTENCE_END.finditer(text, low, end):
        pass
    if last is not None:
        return last.end()
    space = max(text.rfind(" ", low, end), text.rfind("\n", low, end), text.rfind("\t", low, end))
    return space + 1 if space >= 0 else end


def page_offsets(text: str) -> list[int]:
    """Where the pages of a text separated by form feeds start (0 first), as pdftotext writes them."""
    return [0, *(m.end() for m in re.finditer("\f", text) if m.end() < len(text))]


def split_source(source: Source, size: int = PART_CHARS, longest: int = MAX_DOCUMENT_CHARS) -> Iterator[Source]:
    """`source` itself when its text is at most `longest` characters long, else its parts of at
    most `size` characters, each keeping its pages' numbers; the reader's warnings go with the
    first part."""
    if len(source.text) <= max(longest, size):
        yield source
        return
    text = source.text
    start, number = 0, 0
    while start < len(text):
        end = cut_at(text, start, size)
        if text[start:end].strip():
            number += 1
            yield _part(source, number, start, end)
        start = end


def _part(source: Source, number: int, start: int, end: int) -> Source:
    starts = source.page_starts
    before = bisect_right(starts, start)  # the pages begun by `start`: the part's first is the last of them
    inside = [s - start for s in starts[before:] if s < end]
    metadata = dict(source.metadata) | {"part": number, "part_of": source.path}
    if number > 1:
        metadata.pop("warnings", None)
    return Source(
        part_name(source.path, number),
        source.text[start:end],
        source.reader,
        page_starts=[0, *inside] if starts else [],
        title=f"{source.title} (part {number})" if source.title else None,
        author=source.author,
        date=source.date,
        metadata=metadata,
        first_page=max(before, 1) + source.first_page - 1 if starts else 1,
    )
