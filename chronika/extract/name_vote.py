"""The vote that turns a name's cues into its type: each cue's weight per type (`name_rules.WEIGHTS`),
summed; a tie goes to the type spaCy's labels name most."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from chronika.extract.name_rules import (
    DOCUMENT_WEIGHT, KNOWN_WEIGHT, SPACY_TYPES, STRONG_SURNAME_SHAPES, TYPES, WEAK_CONTEXT_WEIGHTS, WEIGHTS,
)

def weight(cue: str) -> dict[str, float]:
    """What one cue votes for: {type: weight}; unknown cues vote for nothing."""
    kind, _, value = cue.partition(":")
    if kind == "known" and value in TYPES:
        return {value: KNOWN_WEIGHT}
    if kind == "document" and value in TYPES:
        return {value: DOCUMENT_WEIGHT}
    if kind == "context" and value in WEAK_CONTEXT_WEIGHTS:
        return {"place": WEAK_CONTEXT_WEIGHTS[value]}
    if kind == "surname" and value.lstrip("-") not in STRONG_SURNAME_SHAPES:
        return WEIGHTS["surname-weak"]
    return WEIGHTS.get(cue) or (WEIGHTS.get(kind, {}) if kind not in ("spacy", "spacy-guess", "natasha") else {})



def type_from_evidence(evidence: Iterable[str]) -> str:
    """The type ("person", "place" or "org") that a set of cues votes for; spaCy's label breaks ties.

    Raises ValueError when no cue votes (an empty or unknown set)."""
    return type_from_cues(Counter(evidence))


def type_from_cues(cues: Counter[str]) -> str:
    """`type_from_evidence` of cues already counted (each cue and how often it occurs)."""
    return vote(tally(cues), cues)


def tally(cues: Counter[str]) -> dict[str, float]:
    """Each type's score: the weights of the cues that vote for it, times how often each occurs."""
    score = dict.fromkeys(TYPES, 0.0)
    for cue, n in cues.items():
        for type_, w in weight(cue).items():
            score[type_] += w * n
    return score


def vote(score: dict[str, float], cues: Counter[str]) -> str:
    """The type with the best score; a tie goes to the type spaCy's labels among the cues name most."""
    best = max(score.values())
    if best <= 0:
        raise ValueError(f"no cue votes for a type among {tuple(cues)!r}")
    winners = [t for t in TYPES if score[t] == best]
    if len(winners) > 1:
        spacy_types = Counter({SPACY_TYPES[label]: n for c, n in cues.items()
                               if c.startswith("spacy") and (label := c.partition(":")[2]) in SPACY_TYPES})
        winners.sort(key=lambda t: -spacy_types.get(t, 0))
    return winners[0]
