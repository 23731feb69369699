"""From a source as read to a document ready to store: one pure function, safe to run anywhere
(a worker, a Spark task), that needs nothing but the source and, optionally, corpus evidence."""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import Counter
from typing import Mapping

from chronika.extract.clean import clean
from chronika.records.dates import DateInterval, latest_date, parse_date
from chronika.errors import UsageError
from chronika.extract.clean.mending import name_counts
from chronika.extract.run import extract as run_extract
from chronika.records.document import Change, Document, Extracted, Passage, Source
from chronika.extract.segment import passages
from chronika.records.textmap import Change as TextChange
from chronika.records.textmap import MappedText, encode_map

TITLE_MAX_WORDS = 12  # a title made from a document's first sentence keeps at most this many words
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40},\s+(?P<date>[^\n]{4,40}?)\s*(?:\(|[-–—]|:)")


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
    found_passages, links = passages(text)
    mapped = cleaned.mapped
    for passage in found_passages:
        passage.orig_start, passage.orig_end = mapped.to_original(passage.start, passage.end)
        passage.page = source.page_at(passage.orig_start)
    when, provenance = _date(source, meta, text, date)
    lang = language(text)
    extracted = None
    if extract:
        extracted = run_extract(text, found_passages, lang, _anchor(when))
        later = _later_inferred(when, provenance, extracted)
        if later is not None:  # a date the narrative pins down ("Nov. 26" after "2010") dates the document better
            when = later
            extracted = run_extract(text, found_passages, lang, _anchor(when))
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


def _later_inferred(when: DateInterval | None, provenance: str | None, found: Extracted) -> DateInterval | None:
    """For an inferred date: the latest date the text pins down, if later than the one inferred."""
    if provenance != "inferred" or when is None:
        return None
    pinned = [
        t.date
        for t in found.times
        if t.date is not None and t.anchor != "document" and t.type == "DATE"
        and t.date.precision in ("day", "month", "season", "year")
    ]
    if not pinned:
        return None
    latest = max(pinned, key=lambda d: (d.end, -(d.end - d.start).days))
    if latest.end <= when.end or latest.end.year > when.end.year + 1:
        return None
    return DateInterval(latest.start, latest.end, latest.precision, latest.text, inferred=True)


def _located(change: TextChange, mapped: MappedText) -> Change:
    start = mapped.to_clean(change.orig_start)
    end = start + len(change.replacement)
    return Change(start, end, change.orig_start, change.orig_end, change.original, change.replacement, change.reason)


def _date(source: Source, meta: Mapping[str, object], text: str, override: str | None) -> tuple[DateInterval | None, str | None]:
    """The document's date and where it came from: the argument, the file's metadata, the
    report header, a dateline; else the latest date the text states, marked inferred."""
    if override:
        return stated_date(override), "argument"
    for value, provenance in ((source.date, "metadata"), (meta.get("date"), "header")):
        if isinstance(value, str) and (stated := parse_date(value)) is not None:
            return stated, provenance
    if m := _DATELINE.match(text[:200]):
        if (stated := parse_date(m.group("date"))) is not None:
            return stated, "dateline"
    latest = latest_date(text)
    if latest is None:
        return None, None
    return DateInterval(latest.start, latest.end, latest.precision, latest.text, inferred=True), "inferred"


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

