"""What the document page marks in a text, from the stored mentions: names (linked to their
entities), dates, figures, mended words (with the original words) and footnote markers."""

from __future__ import annotations

import re
from typing import Any

from chronika.store import Store
from chronika.web.context import entity_href, number
from chronika.web.markup import Mark

_WORD = re.compile(r"\w")


def name_marks(store: Store, doc_id: int) -> list[Mark]:
    """Name mentions resolved to an entity, each linking to the entity's page."""
    names = store.entity_names_by_id()
    return [
        Mark(m.start, m.end, "a", (("href", entity_href(m.entity)), ("class", "name"), ("title", names.get(m.entity, m.entity))))
        for m in store.document_mentions(doc_id)
    ]


def date_marks(store: Store, doc_id: int, length: int) -> list[Mark]:
    """Time expressions with the interval they stand for (and whether it was inferred)."""
    out = []
    for time in store.times_between(doc_id, 0, length):
        start, end, precision = time.date_start, time.date_end, time.precision or "day"
        span = start if start == end else f"{start} – {end}"
        guessed = ", inferred" if time.inferred else ""
        attrs = (("class", f"date precision-{precision}"), ("datetime", _datetime(start, precision)),
                 ("title", f"{span} ({precision}{guessed})"))
        out.append(Mark(time.start, time.end, "time", attrs, rank=1))
    return out


def _datetime(start: str, precision: str) -> str:
    """A valid HTML `datetime` for the interval's start at its precision."""
    if precision == "day":
        return start
    if precision in ("month", "season"):
        return start[:7]
    return start[:4]


def figure_marks(store: Store, doc_id: int) -> list[Mark]:
    """Figures with their bounds and what they count."""
    out = []
    for figure in store.document_figures(doc_id):
        bounds = f"{number(figure.low)}–{number(figure.high)}" if figure.low is not None and figure.high is not None else ""
        about = "about " if figure.approximate else ""
        counted = f" {figure.counted}" if figure.counted else ""
        title = f"{about}{number(figure.value)}{counted}" + (f" (between {bounds})" if bounds and figure.low != figure.high else "")
        out.append(Mark(figure.start, figure.end, "span", (("class", "figure"), ("title", title)), rank=1))
    return out


def change_marks(changes: list[dict[str, Any]]) -> list[Mark]:
    """Mended words: what cleaning put in place of other words, shown with the original on hover or focus."""
    out = []
    for c in changes:
        if c["start"] >= c["end"] or not _WORD.search(c["replacement"]) or c["original"] == c["replacement"]:
            continue
        original = " ".join(c["original"].split())
        note = f"the source reads “{original}” ({c['reason']})"
        attrs = (("class", "mended"), ("tabindex", "0"), ("data-original", original), ("aria-description", note))
        out.append(Mark(c["start"], c["end"], "span", attrs, rank=2))
    return out


def footnote_marks(footnotes: list[dict[str, Any]]) -> list[Mark]:
    """Footnote markers, each linking to its note's passage."""
    return [
        Mark(f["start"], f["end"], "a", (("href", f"#p-{f['passage']}"), ("class", "footnote-ref"),
                                         ("title", f"note {f['marker']}")), rank=3)
        for f in footnotes
    ]


def document_marks(store: Store, shown: dict[str, Any]) -> list[Mark]:
    """Every mark in a document (`views.document`'s shape), sorted by start."""
    doc_id = int(str(shown["id"]).lstrip("d"))
    marks = (
        name_marks(store, doc_id) + date_marks(store, doc_id, len(shown["text"])) + figure_marks(store, doc_id)
        + change_marks(shown["changes"]) + footnote_marks(shown["footnotes"])
    )
    return sorted(marks, key=lambda m: (m.start, -m.end, m.rank))
