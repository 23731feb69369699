"""`classify`: the first kind rule that fires on a sentence (by priority, an act in the simple past
before one in the pluperfect), skipping the rules whose gates the sentence's words leave shut, then
its direction and level."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from chronika.extract.memory import cues as C
from chronika.extract.memory.decisions import Finding, decide_direction, decide_level
from chronika.extract.memory.gates import Gate
from chronika.extract.memory.kinds import (
    SELF_CONTAINED, archive, commemoration, monument, poll, publication, rehabilitation, renaming, statement, suppression,
)
from chronika.extract.memory.reading import Reading, stance
from chronika.extract.memory.russian import classify_russian
from chronika.records.mentions import MemorySignal

# Which kind wins when one sentence names several acts: the more specific act first, statement last.
RULES = (suppression, monument, renaming, archive, rehabilitation, commemoration, publication, poll, statement)
# What each rule cannot fire without, as alternatives of gates that must all be open: a sentence
# that opens none of them skips the rule with a few set lookups instead of regex scans.
_SELF_SUFFICIENT = [p for label, p in C.SUPPRESSION if label in SELF_CONTAINED]
_OTHER_SUPPRESSION = [p for label, p in C.SUPPRESSION if label not in SELF_CONTAINED]
_STANCE_GATE = Gate(p for cues in (C.DE_STANCE, C.RE_STANCE, C.EVASIVE, C.WEAK_DE) for _, p in cues)
_SPEECH_GATE = Gate([C.SPEECH, C.SPEECH_LIKE])
_GATES: dict[Any, list[tuple[Gate, ...]]] = {
    suppression: [
        (Gate(_SELF_SUFFICIENT),),
        (Gate(p for label, p in C.SUPPRESSION if label == "witnesses sworn to silence"), Gate([C.TOPIC])),
        (Gate(_OTHER_SUPPRESSION), Gate([C.MEMORY_WORK, C.SUPPRESS_PRO_STALIN])),
    ],
    monument: [(Gate([C.MONUMENT_NOUN]), Gate([C.MONUMENT_ERECT, C.MONUMENT_REMOVE, C.MONUMENT_BLOCK]))],
    renaming: [(Gate([C.RENAME_VERB]),)],
    archive: [(Gate([C.ARCHIVE_NOUN]), Gate(p for _, p in C.ARCHIVE_OPEN + C.ARCHIVE_CLOSE))],
    rehabilitation: [(Gate(p for _, p in C.REHAB + C.REHAB_RELEASE),)],
    commemoration: [(Gate([C.COMMEMORATE_STRONG]),), (Gate([C.COMMEMORATE_WEAK]), Gate([C.VICTIM_OBJECT, C.PERPETRATOR_OBJECT])),
                    (Gate([C.EVENT_HELD]),)],
    publication: [(Gate([C.PUBLICATION_ACT]), Gate([C.PUBLICATION_WORK])), (Gate([C.FALSIFIED_HISTORY]),)],
    poll: [(Gate([C.SHARE]), Gate([C.POLL_NOUN, C.POLL_OPINION])), (Gate([C.POLL_NOUN]),)],
    statement: [(_SPEECH_GATE, _STANCE_GATE)],
}


_ALL_GATES = list({id(g): g for alternatives in _GATES.values() for gates in alternatives for g in gates}.values())
_OPENED_BY: dict[str, list[int]] = {}  # word opening -> the gates it opens
for _gate in _ALL_GATES:
    for _key in _gate.keys:
        _OPENED_BY.setdefault(_key, []).append(id(_gate))
_ALWAYS_OPEN = {id(g) for g in _ALL_GATES if g.always}


def open_gates(words: frozenset[str]) -> set[int]:
    """The gates (by id) a sentence's word openings open: one dictionary lookup per opening."""
    opened = set(_ALWAYS_OPEN)
    for w in words:
        gates = _OPENED_BY.get(w)
        if gates:
            opened.update(gates)
    return opened


_NEEDED = {rule: [frozenset(id(g) for g in gates) for gates in alternatives] for rule, alternatives in _GATES.items()}


def may_fire(rule: Any, r: Reading, opened: set[int]) -> bool:
    """Whether the sentence has the words `rule` needs (a statement may also be a quotation, or lean
    on the sentence before for its stance)."""
    if any(needed <= opened for needed in _NEEDED[rule]):
        return True
    if rule is statement:
        return (r.quotation or id(_SPEECH_GATE) in opened) and (id(_STANCE_GATE) in opened or r.anaphoric)
    return False


def first_finding(r: Reading) -> Finding | None:
    """The act the sentence reports: the first rule (by priority) whose act is not in the pluperfect,
    else the first rule that fired at all."""
    fallback: Finding | None = None
    opened = open_gates(r.t.words)
    for rule in RULES:
        if not may_fire(rule, r, opened):
            continue
        finding = rule(r)
        if finding is not None and not finding.background:
            return finding
        fallback = fallback or finding
    return fallback



LANGUAGES = ("en", "ru")
# A dateline inside a sentence ("... Industrialization MOSCOW — Soviet leader ..."): a headline run into
# the story's first sentence ends there. A place set in capitals, perhaps a date, then a dash.
_DATELINE = re.compile(
    r"\s(?:[A-ZА-ЯЁ][A-ZА-ЯЁ.'-]+(?: [A-ZА-ЯЁ][A-ZА-ЯЁ.'-]+){0,3}),?(?: [\w.]+ \d{1,2}(?:, \d{4})?| \d{1,2} [а-яё]+(?: \d{4})?)?"
    r" (?:—|–|--) "
)


def _after_headline(sentence: str) -> int:
    """Where the story starts in a sentence that runs a headline into a dateline, else 0: the headline
    names a subject and reports no act of its own."""
    m = _DATELINE.search(sentence)
    return m.end() if m and len(sentence[: m.start()].split()) >= 3 else 0


def classify(sentence: str, context: str = "", language: str = "en") -> MemorySignal | None:
    """The memory event a sentence reports, or None when it is not about remembering or forgetting
    Stalin and his terror. `context`: the sentences before it in its paragraph."""
    if not isinstance(sentence, str) or not isinstance(context, str):
        raise TypeError(f"classify() takes text: got {type(sentence).__name__} and {type(context).__name__}")
    if language not in LANGUAGES:
        return None
    if skip := _after_headline(sentence):
        signal = classify(sentence[skip:], context, language)
        return None if signal is None else replace(signal, act_at=signal.act_at + skip)
    if language == "ru":
        return classify_russian(sentence, context)
    r = Reading(sentence, context)
    if r.heading:
        return None  # a heading names a subject; it reports no act
    finding = first_finding(r)
    if finding is None:
        return None
    direction, why_direction = decide_direction(r, finding)
    level, why_level = decide_level(r, finding)
    doubts = (("doubt: the act is background (pluperfect)",) if finding.background else ()) + finding.doubts
    if finding.kind == "statement" and "no actor named" in why_level and not stance(r).any(weak=False):
        doubts += (C.NO_SPEAKER,)
    act_at = finding.act_at if finding.act_at is not None else finding.position
    return MemorySignal(finding.kind, direction, level, (*finding.cues, why_direction, why_level), act_at, doubts)
