"""Report collections such as the US government's JPRS and FBIS translations.

Their first lines (report title, number, date, source line) are metadata, not body text, but for
the byline, kept so that the author is named in the text (and can be cited there); their
processing indicators ("[Text]"), source lines and microfiche furniture ("END OF FICHE ...") are not
passages; and they end in a government boilerplate tail that is not part of any source."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from chronika.extract.clean.layout import lines
from chronika.records.dates import parse_date
from chronika.records.textmap import Edit

_REPORT_NUMBER = re.compile(r"\b(?:JPRS|FBIS)-[A-Z]{2,5}-\d{2}-\d{3}\b")
_INDICATOR = re.compile(r"\[(?:Text|Excerpts?|Excerpt|Summary)\]\s*")
_SOURCE_LINE = re.compile(r"^\s*(?:\d{8}[a-z]?\s+\w+.*\bin\s+[A-Z][a-z]+\b.*|\[[A-Z][A-Z ]+ No \d+.*\bpp? \d+.*\])\s*$")
_FICHE = re.compile(r"^.*\bEND OF FICHE\b.*$|^\s*DATE FILMED\b.*$")
_TAIL_START = re.compile(
    r"^\s*(?:-\s*)?(?:COPYRIGHT:|END\s*$|This is a U\.S\. Government publication|"
    r"Foreign Broadcast Information Service \(FBIS\) and Joint Publications)"
)
_BYLINE = re.compile(r"\s*(?P<line>By\s+(?P<name>.+?))\s*$")


@dataclass
class ReportLayout:
    """What a report's furniture said about it, and the edits that take the furniture out."""

    edits: list[Edit] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


def is_report(text: str) -> bool:
    """Does this text look like a JPRS/FBIS report (a report number, or fiche furniture)?"""
    head = text[:5000]
    return bool(_REPORT_NUMBER.search(head)) or ("END OF FICHE" in text[-5000:] and "JPRS" in text)


def report_layout(text: str) -> ReportLayout:
    """Edits removing a report's header, indicators, source lines, fiche furniture and tail."""
    layout = ReportLayout()
    body_start = _header(text, layout)
    tail_start = _tail(text, layout)
    for s, e in lines(text, body_start, tail_start):
        line = text[s:e]
        if _FICHE.match(line):
            layout.edits.append(Edit(s, min(e + 1, len(text)), "", "microfiche furniture"))
        elif _SOURCE_LINE.match(line):
            layout.metadata.setdefault("source_lines", []).append(line.strip())
            layout.edits.append(Edit(s, min(e + 1, len(text)), "", "report source line"))
        else:
            for m in _INDICATOR.finditer(line):
                layout.edits.append(Edit(s + m.start(), s + m.end(), "", "processing indicator"))
    return layout


def _header(text: str, layout: ReportLayout) -> int:
    """Read the header (everything before the first processing indicator) into metadata and
    propose its removal, all but its byline; return where the body starts."""
    first = _INDICATOR.search(text)
    if first is None:
        return 0
    end = first.end()
    header = text[: first.start()]
    header_lines = [text[s:e].strip() for s, e in lines(text, 0, first.start()) if text[s:e].strip()]
    meta = layout.metadata
    if m := _REPORT_NUMBER.search(header):
        meta["report_number"] = m.group(0)
    for line in header_lines:
        found = parse_date(line)
        if found is not None and found.text == line and found.precision == "day":
            meta["date"] = line
            break
    capitals = Counter(line for line in header_lines if _is_headline(line))
    if capitals:
        meta["title"] = max(capitals.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    sources = [line for line in header_lines if _SOURCE_LINE.match(line)]
    if sources:
        meta["source_lines"] = sources
    byline = _byline(text, first.start())
    if byline is None:
        layout.edits.append(Edit(0, end, "", "report header (kept as metadata)"))
        return end
    start, stop, meta["author"] = byline
    layout.edits.append(Edit(0, start, "", "report header (kept as metadata)"))
    layout.edits.append(Edit(stop, end, "\n\n", "report header (kept as metadata)"))
    return end


def _byline(text: str, header_end: int) -> tuple[int, int, str] | None:
    """The header's byline ("By Roy Medvedev"), kept in the text so that the author is named
    where a citation can point: its span and the author's name. Of several, the name most often
    given; of equals, the last, nearest the text (a cover's running head may be garbled)."""
    found = [m for s, e in lines(text, 0, header_end) if (m := _BYLINE.match(text, s, e))]
    if not found:
        return None
    counts = Counter(m.group("name") for m in found)
    kept = max(reversed(found), key=lambda m: counts[m.group("name")])
    return kept.start("line"), kept.end("line"), kept.group("name")


def _is_headline(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    words = line.split()
    return len(words) >= 3 and len(letters) >= 10 and sum(c.isupper() for c in letters) / len(letters) > 0.9


def _tail(text: str, layout: ReportLayout) -> int:
    """Find the boilerplate tail in the last part of the report; propose its removal."""
    window = max(0, len(text) - max(20000, len(text) // 10))
    for s, e in lines(text, window):
        line = text[s:e]
        if _TAIL_START.match(line):
            if "COPYRIGHT:" in line:
                layout.metadata["copyright"] = line.strip().lstrip("- ").removeprefix("COPYRIGHT:").strip()
            layout.edits.append(Edit(s, len(text), "", "report boilerplate tail"))
            return s
    return len(text)
