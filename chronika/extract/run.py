"""Extraction of one document: names per passage (spaCy), time expressions over the whole text
(relative ones need the narrative), figures, and the aliases the text declares."""

from __future__ import annotations

from datetime import date

from chronika.extract.figures import tag_figures
from chronika.extract.names import declared_aliases, name_mentions
from chronika.extract.timex import tag_times
from chronika.extract.topic import about_the_terror
from chronika.extract.memory import LANGUAGES, act_date, classify
from chronika.records.document import Extracted, MemoryMention, Passage
from chronika.records.mentions import NameMention, TimeMention


def extract(text: str, passages: list[Passage], language: str, document_date: date | None) -> Extracted:
    """Everything extraction finds in a document's clean text, with offsets into that text."""
    spans = [(p.start, p.end) for p in passages]
    names: list[NameMention] = []
    for (start, end), found in zip(spans, name_mentions([text[s:e] for s, e in spans], language=language)):
        names.extend(_shifted(m, start) for m in found)
    times = tag_times(text, document_date)
    return Extracted(
        names=names,
        aliases=declared_aliases(text, names),
        times=times,
        figures=tag_figures(text, times),
        memory=memory_mentions(text, passages, times, language, document_date),
    )


def memory_mentions(text: str, passages: list[Passage], times: list[TimeMention], language: str = "en",
                    document_date: date | None = None) -> list[MemoryMention]:
    """Each sentence read as a memory event, with the sentences before it in its paragraph as context,
    dated by its act (`memory.act_date`; `document_date` tells the document's own year from a date
    that moves its story); uncertain where the reading or the date has a doubt."""
    if language not in LANGUAGES or not about_the_terror(text):
        return []  # news of a bombing condemned or a ruling praised is no memory of Stalin's terror
    out = []
    body = [p for p in passages if p.kind in ("body", "verse")]
    for k, passage in enumerate(body):
        for i, sentence in enumerate(passage.sentences):
            context = _context(text, body, k, i)
            signal = classify(text[sentence.start : sentence.end], context, language)
            if signal is None:
                continue
            dated = act_date(text, (sentence.start, sentence.end), signal.act_at, passage.start, times, language,
                             lead=k == 0 and i < 2, document_year=document_date.year if document_date else None,
                             opening=(body[0].start, body[0].end), kind=signal.kind)
            out.append(MemoryMention(passage.n, sentence.start, sentence.end, signal.kind, signal.direction,
                                     signal.level, signal.cues, date=dated.date, date_from=dated.source,
                                     confidence="uncertain" if signal.doubts else "sure",
                                     evidence=(*signal.cues, dated.why, *signal.doubts)))
    return out


def _context(text: str, body: list[Passage], k: int, i: int) -> str:
    """The two sentences before sentence i of body paragraph k: a paragraph's opening sentence carries
    on the paragraph before (news writes one or two sentences a paragraph, so "He said" or "A bust
    was unveiled" leans on it)."""
    sentences = body[k].sentences
    if i:
        return text[sentences[max(0, i - 2)].start : sentences[i].start]
    if k and body[k - 1].sentences:
        before = body[k - 1].sentences
        return text[before[max(0, len(before) - 2)].start : before[-1].end]
    return ""


def _shifted(m: NameMention, offset: int) -> NameMention:
    return NameMention(m.start + offset, m.end + offset, m.text, m.type, m.normal, m.evidence)
