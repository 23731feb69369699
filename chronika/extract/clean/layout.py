"""Page layout undone: furniture dropped, wrapped lines and split paragraphs joined, hyphenation
mended, quotes and spaces made plain. Each function proposes edits on the text it is given."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from chronika.records.textmap import Edit

Line = tuple[int, int]  # start, end (without the newline)

_PAGE_NUMBER = re.compile(r"^[\s\-–—]*(?:\d{1,4}|[ivxlc]{1,5})[\s\-–—]*$", re.IGNORECASE)
_STRAY = re.compile(r"^\W{1,3}$|^\S$")
_KEEP_REPEATED = re.compile(r"^(footnotes|notes|references|endnotes|\*[\s*]*)$", re.IGNORECASE)
_LABEL = re.compile(r"^[A-Z][\w ]{0,30}:(\s|$)")  # "Publication: ...", "By:", "Date: ..."
# A line ending in one of these words goes on in the next line, whatever that looks like.
_OPEN_END = re.compile(r"\b(the|a|an|of|and|or|to|in|on|for|with|by|at|from|as|that|his|her|its|their)$", re.IGNORECASE)
_CONTENTS = re.compile(r"^\s*(table of )?contents\s*$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-–•*]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s*)")
_TERMINAL = re.compile(r"""[.!?:;]["'”’»)\]]*(?:\s?(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?\s*$""")
_BLANK = r"[ \t\u00a0\u2000-\u200a\u202f\u3000]"
_SPACING = re.compile(rf"^\s+|\s+$|\n\s*\n(?:\s*\n)+|{_BLANK}+(?=\n)|(?<=\n){_BLANK}+|{_BLANK}{{2,}}|[^\S \n]")
_CHARS = {
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‟": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "\u00ad": "", "\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\r": "", "\f": "\n\n",
}
_CHAR_PATTERN = re.compile("|".join(map(re.escape, _CHARS)))


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Line]:
    """The lines of text[start:end] as (start, end) offsets."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            yield pos, end
            return
        yield pos, nl
        pos = nl + 1


def furniture(text: str, page_starts: list[int] | None = None) -> list[Edit]:
    """Edits dropping page furniture: stray page numbers and characters, running heads and
    tables of contents, each with its reason."""
    all_lines = list(lines(text))
    heads = _running_heads(text, all_lines, page_starts or [])
    edits: list[Edit] = []
    skip_until = -1
    for i, (s, e) in enumerate(all_lines):
        if s < skip_until:
            continue
        body = text[s:e].strip()
        if not body:
            continue
        reason = None
        if _CONTENTS.match(body):
            block_end = _contents_end(text, all_lines, i)
            edits.append(Edit(s, block_end, "", "table of contents"))
            skip_until = block_end
            continue
        if _PAGE_NUMBER.match(body):
            reason = "stray page or section number"
        elif _STRAY.match(body):
            reason = "stray characters"
        elif _normal(body) in heads:
            reason = "running head"
        if reason:
            edits.append(Edit(s, min(e + 1, len(text)), "", reason))
    return edits


def _normal(line: str) -> str:
    return " ".join(line.split()).lower()


def _running_heads(text: str, all_lines: list[Line], page_starts: list[int]) -> set[str]:
    """Short lines repeated on many pages (or, without pages, many times) are running heads."""
    counts = Counter(_normal(text[s:e]) for s, e in all_lines if 0 < e - s <= 80)
    heads = {
        line
        for line, n in counts.items()
        if n >= 3 and line and not _KEEP_REPEATED.match(line) and not _PAGE_NUMBER.match(line) and not line.endswith(".")
    }
    if len(page_starts) >= 2:
        edges: Counter[str] = Counter()
        bounds = page_starts[1:] + [len(text)]
        for start, end in zip(page_starts, bounds):
            page = [text[s:e].strip() for s, e in lines(text, start, end) if text[s:e].strip()]
            edges.update({_normal(line) for line in page[:1] + page[-1:] if len(line) <= 80})
        heads |= {line for line, n in edges.items() if n >= max(2, len(page_starts) // 2) and not _PAGE_NUMBER.match(line)}
    return heads


def _contents_end(text: str, all_lines: list[Line], i: int) -> int:
    """Where a table of contents that starts at line i ends: before the first line of prose."""
    end = all_lines[i][1]
    for s, e in all_lines[i + 1 :]:
        body = text[s:e].strip()
        if not body:
            continue
        entry = "\t" in text[s:e] or re.search(r"(\s|\.{2,})(\d{1,3}|[ivxl]{1,4})$", body) or len(body) < 60
        if not entry or _TERMINAL.search(body) and len(body) > 60:
            break
        end = e
    return min(end + 1, len(text))


def joins(text: str) -> list[Edit]:
    """Edits joining what layout broke apart: lines wrapped inside a paragraph, words hyphenated
    at a line end, and paragraphs split by a page break. List items become paragraphs."""
    vocabulary = _hyphen_vocabulary(text)
    edits: list[Edit] = []
    for block_start, block_end in _blocks(text):
        block_lines = list(lines(text, block_start, block_end))
        verse = _is_verse(text, block_lines)
        width = max(len(" ".join(text[s:e].split())) for s, e in block_lines)
        for (s1, e1), (s2, e2) in zip(block_lines, block_lines[1:]):
            edits.append(_line_join(text, s1, e1, s2, verse, width, vocabulary))
    edits.extend(_paragraph_joins(text, vocabulary))
    return [e for e in edits if e.end > e.start or e.replacement]


def _blocks(text: str) -> Iterator[Line]:
    for m in re.finditer(r"[^\n](?:.|\n(?![ \t]*\n))*", text):
        yield m.start(), m.end()


def _is_verse(text: str, block_lines: list[Line]) -> bool:
    if len(block_lines) < 3:
        return False
    short = sum(1 for s, e in block_lines if e - s < 45)
    return short * 2 >= len(block_lines)


def _line_join(text: str, s1: int, e1: int, s2: int, verse: bool, width: int, vocabulary: set[str]) -> Edit:
    """How the break between two lines of one block is mended: joined (wrapped prose), kept
    (verse), or made a paragraph break (list items, labels, a paragraph's or heading's end)."""
    nxt = text[s2 : s2 + 200].lstrip(" \t")
    gap_start = s1 + len(text[s1:e1].rstrip(" \t"))
    gap_end = s2 + (len(text[s2 : s2 + 200]) - len(nxt))
    line = " ".join(text[s1:e1].split())
    label = (_LABEL.match(nxt) and not _OPEN_END.search(line)) or (
        _LABEL.match(line) and len(line) <= 60 and not _OPEN_END.search(line)
    )
    if _LIST_ITEM.match(text[s2 : s2 + 8]) or label:
        return Edit(gap_start, gap_end, "\n\n")
    if verse and not nxt[:1].islower():
        return Edit(gap_start, gap_end, "\n")
    if width >= 40 and nxt[:1].isupper() and _ends_paragraph(line, width):
        return Edit(gap_start, gap_end, "\n\n")
    return _join(text, gap_start, gap_end, vocabulary)


def _ends_paragraph(line: str, width: int) -> bool:
    """In text laid out without blank lines (PDF text layers), a paragraph's last line stops
    short of the column's width after a full stop, and a heading stops well short of it."""
    if len(line) < 0.8 * width and re.search(r"""[.!?]["'”’)\]]*$""", line):
        return True
    return len(line) < 0.6 * width and not _TERMINAL.search(line) and not line.endswith((",", "-"))


def _join(text: str, gap_start: int, gap_end: int, vocabulary: set[str]) -> Edit:
    """Join the text either side of text[gap_start:gap_end] (whitespace) with a space, or with
    nothing where a word was hyphenated at the break."""
    before = text[max(0, gap_start - 40) : gap_start]
    after = text[gap_end : gap_end + 40]
    m1 = re.search(r"(\w+)-$", before)
    m2 = re.match(r"(\w+)", after)
    if m1 and m2 and after[:1].islower():
        joined = (m1.group(1) + m2.group(1)).lower()
        hyphenated = f"{m1.group(1)}-{m2.group(1)}".lower()
        if hyphenated not in vocabulary or joined in vocabulary:
            return Edit(gap_start - 1, gap_end, "")
        return Edit(gap_start, gap_end, "")
    return Edit(gap_start, gap_end, " ")


def _hyphen_vocabulary(text: str) -> set[str]:
    """Words and hyphenated compounds the text uses on one line, to decide a line-end hyphen."""
    return {w.lower() for w in re.findall(r"\w+(?:-\w+)*", text)}


def _paragraph_joins(text: str, vocabulary: set[str]) -> list[Edit]:
    """A paragraph cut by a page break: the first part is long and stops mid-sentence, and the
    second goes on in lower case (or is itself long prose)."""
    edits = []
    blocks = list(_blocks(text))
    for (s1, e1), (s2, e2) in zip(blocks, blocks[1:]):
        first = text[s1:e1]
        second = text[s2:e2]
        last_line = first.rsplit("\n", 1)[-1]
        if len(last_line) < 100 or _TERMINAL.search(first) or _LIST_ITEM.match(last_line) or _LIST_ITEM.match(second):
            continue
        if not second[:1].isalnum():
            continue
        if second[:1].islower() or (len(second) >= 100 and re.search(r"\w$", first)):
            edits.append(_join(text, e1, s2, vocabulary))
    return edits


def characters(text: str) -> list[Edit]:
    """Edits making quotes straight and ligatures, soft hyphens and form feeds plain (silent)."""
    return [Edit(m.start(), m.end(), _CHARS[m.group(0)]) for m in _CHAR_PATTERN.finditer(text)]


def spacing(text: str) -> list[Edit]:
    """Edits making spacing plain: one space between words, no space at a line's ends, at most
    one blank line, nothing before the first word or after the last (silent)."""
    edits = []
    for m in _SPACING.finditer(text):
        run = m.group(0)
        at_edge = m.start() == 0 or m.end() == len(text) or text[m.start() - 1] == "\n" or text[m.end()] == "\n"
        if run.startswith("\n"):
            edits.append(Edit(m.start(), m.end(), "" if m.start() == 0 or m.end() == len(text) else "\n\n"))
        elif at_edge:
            edits.append(Edit(m.start(), m.end(), ""))
        else:
            edits.append(Edit(m.start(), m.end(), " "))
    return edits
