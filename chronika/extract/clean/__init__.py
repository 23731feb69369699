"""Cleaning: a source's text made readable and citable, with a map back to the original.

Stages run in order, each proposing edits on the text the previous one left:
report furniture (JPRS/FBIS collections) -> page furniture -> characters -> wrapped lines and
split paragraphs -> spacing -> OCR mending."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from chronika.extract.clean import layout, mending, report
from chronika.records.document import Source
from chronika.records.textmap import Edit, MappedText

# No cleaning stage may take more than this share of a text's letters: furniture is a small part
# of any page, and a stage that would remove the body has misread the layout (a report whose lines
# were joined into one looks like one long line of furniture). Such a stage is not applied.
MAX_REMOVED_SHARE = 0.25
_MIN_LETTERS = 2000  # in a shorter text (a page or two) furniture can be a large share


@dataclass
class Cleaned:
    """The clean text with its map, and what the source's furniture said about it."""

    mapped: MappedText
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.mapped.text


def clean(
    source: Source, corpus_names: Mapping[str, int] | None = None, own_names: Mapping[str, int] | None = None
) -> Cleaned:
    """Clean one source. `corpus_names` (name -> count over the corpus, this source included:
    see `mending.corrections`) lends evidence to OCR mending; without it only the document's own
    evidence is used. `own_names` is that own evidence (`mending.name_counts` of the source's
    text), counted here when not given."""
    mapped = MappedText.identity(source.text)
    metadata: dict[str, Any] = {}
    warnings: list[str] = []
    if report.is_report(source.text):
        found = report.report_layout(source.text)
        applied = _guarded(mapped, found.edits, "report furniture", warnings)
        if applied is not mapped:
            mapped = applied
            metadata.update(found.metadata)
            metadata["layout"] = "report"
    page_starts = [mapped.to_clean(p) for p in source.page_starts]
    mapped = _guarded(mapped, layout.furniture(mapped.text, page_starts), "page furniture", warnings)
    mapped = _guarded(mapped, layout.characters(mapped.text), "characters", warnings)
    mapped = _guarded(mapped, layout.joins(mapped.text), "joins", warnings)
    mapped = _guarded(mapped, layout.spacing(mapped.text), "spacing", warnings)
    if warnings:
        metadata["warnings"] = warnings
    header = "\n".join(v for v in metadata.values() if isinstance(v, str))
    own = own_names if own_names is not None else mending.name_counts(source.text)
    fixes = mending.corrections(mapped.text, corpus_names, also=header, own=own)
    if fixes:
        metadata = _mended(metadata, {word: fix[0] for word, fix in fixes.items()})
        mapped = mapped.apply(mending.mend(mapped.text, fixes))
    return Cleaned(mapped, metadata)


def _guarded(mapped: MappedText, edits: list[Edit], stage: str, warnings: list[str]) -> MappedText:
    """`mapped` with a stage's edits made, unless they would remove more than MAX_REMOVED_SHARE of
    its letters: then unchanged, and the stage named in `warnings`."""
    text = mapped.text
    letters = _letters(text)
    if letters >= _MIN_LETTERS:
        removed = sum(_letters(text[e.start : e.end]) - _letters(e.replacement) for e in edits)
        if removed > MAX_REMOVED_SHARE * letters:
            warnings.append(f"cleaning stage '{stage}' would have removed {removed / letters:.0%} of the text; not applied")
            return mapped
    return mapped.apply(edits)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _mended(metadata: dict[str, Any], table: dict[str, str]) -> dict[str, Any]:
    """The header's metadata with the body's mendings made in it too (a title page that says
    "Medvedey" where the body says "Medvedev" throughout)."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, table)) + r")\b")
    return {k: pattern.sub(lambda m: table[m.group(0)], v) if isinstance(v, str) else v for k, v in metadata.items()}
