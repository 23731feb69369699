"""Mentions extraction finds in a document's clean text, offsets into that text: names, declared
aliases, time expressions, figures and memory signals."""

from __future__ import annotations

from dataclasses import dataclass

from chronika.records.dates import DateInterval


@dataclass(frozen=True)
class NameMention:
    """A name as written in a passage: `text == passage[start:end]`; `normal` is its normal form."""

    start: int
    end: int
    text: str
    type: str
    normal: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class AliasDeclaration:
    """A passage saying that the name at name_start:name_end is also called alias_start:alias_end."""

    name_start: int
    name_end: int
    alias_start: int
    alias_end: int
    kind: str


@dataclass(frozen=True)
class TimeMention:
    """One time expression: `text == given[start:end]`, its TIMEX3 value and type, its interval
    (None for a duration or set with no anchor), the Old Style date a double date also gives, how
    it was anchored (absolute, document, narrative) and its TIMEX3 mod (START, MID, END, APPROX,
    LESS_THAN, MORE_THAN ...)."""

    start: int
    end: int
    text: str
    value: str
    type: str
    date: DateInterval | None
    old_style: DateInterval | None = None
    anchor: str = "absolute"
    mod: str | None = None


@dataclass(frozen=True)
class FigureMention:
    """One figure: `text == given[start:end]` is the whole expression (bound, number, unit and
    what is counted), `value` its best single value, `low`/`high` the bounds its words imply."""

    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None
    counted: str | None


@dataclass(frozen=True)
class MemorySignal:
    """One sentence read as a memory event, with the cue words behind each of its three labels, where
    its act is (an offset into the sentence: the time expression nearest it dates it) and the doubts
    that make it uncertain."""

    kind: str
    direction: str
    level: str
    cues: tuple[str, ...]
    act_at: int = 0
    doubts: tuple[str, ...] = ()
