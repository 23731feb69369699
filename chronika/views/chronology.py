"""Chronology: the shapes of `timeline`, `figures` and `conflicts` (`--json`)."""

from __future__ import annotations

import re
from typing import Any

from chronika.extract.topic import about_the_terror
from chronika.query.claims import Claim, compare, event_claims, figure_claims, life_claims
from chronika.query.figure_claims import named_subject
from chronika.query.naming import resolve_name
from chronika.query.texts import Texts
from chronika.records.stored import StoredEvent, StoredFigure, StoredTime
from chronika.store import Store
from chronika.views.citations import Citer
from chronika.views.documents import date_confidence


def sure(found: list[dict[str, Any]], everything: bool = False) -> list[dict[str, Any]]:
    """The items a listing shows by default: the sure ones (all of them with `everything`)."""
    return found if everything else [item for item in found if item["confidence"] == "sure"]


def _date(start: str, end: str, precision: str, text: str, inferred: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "precision": precision, "text": text, "inferred": bool(inferred)}


def time_date(time: StoredTime, inferred: bool = False) -> dict[str, Any]:
    """The contract's date of a stored time expression (`inferred` also when the caller inferred it)."""
    return _date(time.date_start, time.date_end, time.precision, time.text, inferred or time.inferred)


def figure_json(figure: StoredFigure) -> dict[str, Any]:
    """A stored figure's value, bounds and what it counts, as `figures` and `memory` show it,
    with how sure it is a figure at all (`figure_confidence`)."""
    confidence, evidence = figure_confidence(figure)
    return {
        "value": figure.value, "low": figure.low, "high": figure.high, "approximate": figure.approximate,
        "unit": figure.unit, "counted": figure.counted, "text": figure.text,
        "confidence": confidence, "evidence": evidence,
    }


# A span of time named by its unit alone ("13 years", "13 лет (years)"): of what, its sentence does not say.
_BARE_SPAN = re.compile(r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|"
                        r"лет|года?|годам?и?|месяц\w*|недел\w*|дн\w*|сут\w*|час\w*|минут\w*)"
                        r"(?:\s+\((?:years|months|weeks|days|hours|minutes)\))?", re.IGNORECASE)


def figure_confidence(figure: StoredFigure) -> tuple[str, str]:
    """"sure" for a number its words make a quantity (what it counts is named, or it is a share, a
    bounded or approximate amount, a range, or a large number); "uncertain" for a bare number whose
    sentence names nothing it counts: it may be a marker, a list number or a stray part of a name."""
    if figure.counted and _BARE_SPAN.fullmatch(figure.counted):
        return "uncertain", f"a span of time whose sentence tells nothing of what lasted ({figure.counted})"
    if figure.counted:
        return "sure", f"counts: {figure.counted}"
    if figure.unit == "percent":
        return "sure", "a share (percent)"
    if figure.approximate or figure.low is not None or figure.high is not None:
        return "sure", "an amount given with its bounds or as an estimate"
    if figure.value >= 1000:
        return "sure", "a large amount"
    return "uncertain", "a bare number whose sentence names nothing it counts"


# A sentence that speaks of what is still to come, in English or Russian.
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+(?:scheduled|due|expected|set|planned|to\s+be)|are\s+(?:scheduled|due|expected|set|planned)|"
    r"plans?\s+to|intends?\s+to|будет|будут|планиру\w*|намерен\w*|собира\w*|предстоит)\b",
    re.IGNORECASE,
)


def time_confidence(stored: StoredEvent, sentence: str, citer: Citer) -> tuple[str, str]:
    """How sure an event's date is, and why: stated in the text; counted from the document's date
    (as sure as that date); or counted from the date the narrative last stated, which cannot date
    what the sentence says is still to come after the document was published."""
    said = f"'{stored.date_text}'"
    if not stored.inferred or stored.anchor == "absolute":
        return "sure", f"stated: {said}"
    document = citer.document(stored.document)
    if stored.anchor == "document":
        if date_confidence(document.date_provenance) == "uncertain":
            return "uncertain", f"{said} counted from the document's date, which rests only on {document.date_provenance}"
        return "sure", f"{said} counted from the document's date"
    published = document.date.start.year if document.date is not None and not document.date.inferred else None
    if _FUTURE.search(sentence) and (published is None or int(stored.date_start[:4]) < published):
        when = f"the document's date ({published})" if published else "the document's date, which it does not give"
        return "uncertain", f"{said} counted from the narrative's year, but the sentence speaks of what is to come after {when}"
    return "sure", f"{said} counted from the date the narrative last stated"


def event_json(stored: StoredEvent, citer: Citer, names: dict[str, str]) -> dict[str, Any]:
    """An event: a dated sentence with the entities it names, its citation and how sure its date is."""
    cited = citer.cite(stored.document, stored.start, stored.end)
    confidence, evidence = time_confidence(stored, cited["quote"], citer)
    event: dict[str, Any] = {
        "date": _date(stored.date_start, stored.date_end, stored.precision, stored.date_text, stored.inferred),
        "text": cited["quote"],
        "entities": [names.get(e, e) for e in stored.entities],
        "entity_ids": list(stored.entities),
        "citation": cited,
        "date_span": [stored.date_at, stored.date_until],
        "confidence": confidence,
        "evidence": evidence,
    }
    if stored.old_style_start:
        event["old_style"] = {"start": stored.old_style_start, "end": stored.old_style_end}
    return event


def timeline(store: Store, about: str | None = None, year_from: int | None = None, year_to: int | None = None) -> list[dict[str, Any]]:
    """`timeline --json --all`: events in date order, for one entity (any alias) and a period if
    given, each with how sure its date is (`timeline` without --all keeps the sure ones)."""
    entity_id = resolve_name(store, about) if about else None
    citer = Citer(store)
    names = store.entity_names_by_id()
    return [event_json(e, citer, names) for e in store.events(entity_id, year_from, year_to)]


def figures(store: Store, about: str | None = None) -> list[dict[str, Any]]:
    """`figures --json --all`: every figure (or those about a word), with what it counts, what
    event, site or poll its sentence (or the passage before it) is about, its date and how sure it
    is (`figures` without --all keeps the sure ones; a document that names nothing of the terror
    gives no subject). What it counts names that subject where its own words do not: "victims
    (Katyn massacre)"."""
    citer = Citer(store)
    topical: dict[int, bool] = {}  # whether each document speaks of the terror at all, asked once
    out = []
    for figure in store.figures(about):
        sentence = store.sentence_at(figure.document, figure.start)
        cited = citer.cite(figure.document, *sentence)
        shown = figure_json(figure)
        text = citer.text(figure.document)
        if figure.document not in topical:
            topical[figure.document] = about_the_terror(text)
        subject = named_subject(text, *sentence, shown["counted"] or "") if topical[figure.document] else None
        if subject and shown["counted"] and not _names(shown["counted"], subject):
            shown["counted"] = f"{shown['counted']} ({subject})"
        out.append(shown | {"subject": subject, "date": _nearest_date(store, figure, sentence),
                            "span": [figure.start, figure.end], "citation": cited})
    return out


def _names(words: str, subject: str) -> bool:
    """Whether `words` already name the subject (one of its words of four letters or more)."""
    low = words.lower()
    return any(w in low for w in re.findall(r"[^\W\d_]{4,}", subject.lower()))


def _nearest_date(store: Store, figure: StoredFigure, sentence: tuple[int, int]) -> dict[str, Any] | None:
    """The date a figure refers to: the time expression nearest it in its sentence."""
    times = store.times_between(figure.document, *sentence)
    if not times:
        return None
    return time_date(min(times, key=lambda t: abs(t.start - figure.start)))


def conflicts(store: Store) -> list[dict[str, Any]]:
    """`conflicts --json --all`: claims about the same thing from different documents, compared
    within their precision and bounds; conflicts first. Each entry says why its claims were paired
    and how sure that is (`conflicts` without --all keeps the sure ones)."""
    citer = Citer(store)
    texts = Texts(store)  # the three kinds of claim read the same documents
    claims: list[Claim] = life_claims(store, texts) + event_claims(store, texts) + figure_claims(store, texts)
    out = []
    for group in compare(claims):
        out.append(
            {
                "subject": group.subject,
                "attribute": group.attribute,
                "status": group.status,
                "claims": [
                    {"value": c.value_text, "text": c.text, "citation": citer.cite(c.document, c.start, c.end), "why": c.why}
                    for c in group.claims
                ],
                "reason": group.reason,
                "why": f"the same subject ({group.subject}) and attribute ({group.attribute}) in "
                       f"{len({c.document for c in group.claims})} documents; {group.reason}",
                "confidence": group.confidence,
            }
        )
    return sorted(out, key=lambda g: (g["status"] != "conflict", g["subject"], g["attribute"]))
