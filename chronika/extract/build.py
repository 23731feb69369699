"""From a source as read to a document ready to store: one pure function, safe to run anywhere
(a worker, a Spark task), that needs nothing but the source and, optionally, corpus evidence."""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter
from typing import Mapping

from chronika.extract.clean import clean
from chronika.records.dates import DateInterval, parse_date
from chronika.errors import UsageError
from chronika.extract.clean.mending import name_counts
from chronika.extract.dating import UNDATED, Dating, head_date
from chronika.extract.run import extract as run_extract
from chronika.records.document import Change, Document, Passage, Source
from chronika.extract.segment import passages
from chronika.records.textmap import Change as TextChange
from chronika.records.textmap import MappedText, encode_map

TITLE_MAX_WORDS = 12  # a title made from a document's first sentence keeps at most this many words


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def name_evidence(source: Source) -> Counter[str]:
    """What a source lends OCR mending in other documents: how often each name occurs in its
    text as read. Counted before any mending, so it does not depend on the corpus around it."""
    return name_counts(source.text)


def build_document(
    source: Source,
    digest: str,
    *,
    title: str | None = None,
    date: str | None = None,
    corpus_names: Mapping[str, int] | None = None,
    extract: bool = True,
) -> Document:
    """Clean, date, title and cut one source into a Document. `title` and `date` (YYYY-MM-DD)
    override what the source says; `corpus_names` (the `name_evidence` of every document of the
    corpus, this one's included) lends the corpus's evidence to OCR mending;
    `extract` runs the NLP stages (names, times, figures)."""
    own_names = name_evidence(source)
    cleaned = clean(source, corpus_names, own_names)
    text = cleaned.text
    meta = dict(source.metadata) | cleaned.metadata
    if source.metadata.get("warnings") or cleaned.metadata.get("warnings"):
        meta["warnings"] = [*source.metadata.get("warnings", []), *cleaned.metadata.get("warnings", [])]
    found_passages, links = passages(text)
    mapped = cleaned.mapped
    for passage in found_passages:
        passage.orig_start, passage.orig_end = mapped.to_original(passage.start, passage.end)
        passage.page = source.page_at(passage.orig_start)
    dating = _date(source, meta, text, date)
    when, provenance = dating.date, dating.provenance
    if dating.evidence:
        meta["date_evidence"] = dating.evidence
    lang = language(text)
    extracted = run_extract(text, found_passages, lang, _anchor(when)) if extract else None
    return Document(
        source=source.path,
        content_hash=digest,
        reader=source.reader,
        title=title or source.title or meta.get("title") or _title_from_text(text, found_passages),
        text=text,
        original=source.text,
        offset_map=encode_map(mapped),
        language=lang,
        words=len(text.split()),
        date=when,
        date_provenance=provenance,
        author=source.author or meta.get("author"),
        metadata={k: v for k, v in meta.items() if k not in ("title", "author", "date")},
        passages=found_passages,
        changes=[_located(c, mapped) for c in mapped.changes],
        footnote_links=links,
        name_counts=dict(own_names),
        extracted=extracted,
    )


def stated_date(value: str) -> DateInterval:
    """The day a user gives with --date (YYYY-MM-DD); UsageError for anything else."""
    stated = parse_date(value)
    if stated is None or stated.precision != "day" or stated.text != value.strip() or len(value.strip()) != 10:
        raise UsageError(f"--date '{value}' is not a date of the form YYYY-MM-DD")
    return stated


def _anchor(when: DateInterval | None) -> datetime.date | None:
    """The day relative expressions ("this month", "last year") count from: the document's date,
    its last day where only the month or year is known."""
    if when is None:
        return None
    return when.start if when.precision == "day" else when.end


def _located(change: TextChange, mapped: MappedText) -> Change:
    start = mapped.to_clean(change.orig_start)
    end = start + len(change.replacement)
    return Change(start, end, change.orig_start, change.orig_end, change.original, change.replacement, change.reason)


def _date(source: Source, meta: Mapping[str, object], text: str, override: str | None) -> Dating:
    """When the source was published, from the evidence it gives (`chronika.extract.dating`): the
    argument, the file's metadata, a report header, the text's opening lines; else undated."""
    if override:
        return Dating(stated_date(override), "argument", override)
    for value, provenance in ((source.date, "metadata"), (meta.get("date"), "header")):
        if isinstance(value, str) and (stated := parse_date(value)) is not None:
            return Dating(stated, provenance, str(meta.get("date_evidence") or value))
    # The opening lines of a later part of a long file are the middle of the text, not its head.
    found = head_date(text) if source.metadata.get("part", 1) == 1 else UNDATED
    created = meta.get("pdf_created")
    if found.date is None and isinstance(created, str) and (stated := parse_date(created)) is not None:
        return Dating(stated, "pdf metadata", f"created {created}")
    return found


def _title_from_text(text: str, found: list[Passage]) -> str:
    """A title where the source states none: its first heading, else its first sentence cut short."""
    if not found:
        return "Untitled"
    first = found[0]
    if first.kind == "heading" and len(text[first.start : first.end].split()) >= 2:
        return text[first.start : first.end].strip()
    end = first.sentences[0].end if first.sentences else first.end
    words = text[first.start : end].strip().strip('"').split()
    return " ".join(words[:TITLE_MAX_WORDS]) + (" ..." if len(words) > TITLE_MAX_WORDS else "")


def language(text: str) -> str:
    """'ru' where most letters are Cyrillic, else 'en' (the languages Chronika reads)."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    return "ru" if cyrillic / len(letters) > 0.5 else "en"

