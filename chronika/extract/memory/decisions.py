"""The two labels decided once a kind rule has found an act: its direction (the kind's own votes and
the sentence's stance words; conflict or silence is ambivalent) and its level (the actor named
nearest before the act, else from the context, else after it, else the kind's usual level)."""

from __future__ import annotations

from dataclasses import dataclass, field

from chronika.extract.memory import cues as C
from chronika.extract.memory.cues import AMBIVALENT, DE, RE
from chronika.extract.memory.gates import Rx, Text
from chronika.extract.memory.reading import Hit, Reading, quoted, stance

_PRONOUN_BEFORE = Rx(r"\b(?:he|she|they|them|his|her|their|we)\b")
_STATE, _SOCIETY = Rx(C.STATE_ACTOR), Rx(C.SOCIETY_ACTOR)
_TIME_BEFORE, _TIME_AFTER = Rx(C.TIME_MARKER_BEFORE), Rx(C.TIME_MARKER_AFTER)
_STALINS = Rx(r"\b(?:stalin's|his)\s+$")  # "Stalin's regime" is remembered, it does not remember
_PASSIVE = Rx(r"\b(?:was|were|been|is|are)\s+(?:\w+ly\s+){0,2}$")  # finite only: "called for it to be renamed" is active
_AGENT = Rx(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_STATE_ACT = Rx(C.STATE_ACT)


@dataclass
class Finding:
    """A kind found in the sentence: where its deciding cue sits, its cues and its direction votes."""

    kind: str
    position: int
    cues: list[str]
    votes: list[tuple[str, str]] = field(default_factory=list)  # (direction, why)
    background: bool = False
    generic_stance: bool = True  # whether the sentence's stance words also vote
    weak_stance: bool = False
    act_at: int | None = None  # where the act's verb is, when the deciding cue starts with its object
    doubts: tuple[str, ...] = ()  # what makes the finding uncertain


def decide_direction(r: Reading, finding: Finding) -> tuple[str, str]:
    """Combine the kind's own votes with the sentence's stance words; conflicts and silence are ambivalent."""
    votes = list(finding.votes)
    s = stance(r)
    if finding.generic_stance:
        votes += [(DE, f"condemns/acknowledges {quoted(s.de)}")] if s.de else []
        votes += [(RE, f"favours Stalin {quoted(s.re)}")] if s.re else []
        # "made no mention of the terror" is not speaking of it, nor is "denied the guilt for the massacre"
        if finding.weak_stance and s.weak_de and not s.de and not s.re and not s.evasive:
            votes.append((DE, f"speaks of the terror {quoted(s.weak_de)}"))
    sides = {d for d, _ in votes if d != AMBIVALENT}
    why = "; ".join(w for _, w in votes)
    if len(sides) == 1:
        return sides.pop(), f"direction: {why}"
    if len(sides) > 1:
        return AMBIVALENT, f"direction: ambivalent, cues pull both ways ({why})"
    if s.evasive:
        return AMBIVALENT, f"direction: ambivalent, evasion {quoted(s.evasive)}"
    return AMBIVALENT, "direction: ambivalent, no stance cue" + (f" ({why})" if why else "")


def decide_level(r: Reading, finding: Finding) -> tuple[str, str]:
    """The actor nearest before the act; else the context's last actor for 'he'/'they'; else after; else the default."""
    if finding.kind == "poll":
        return "society", "level: society (the public polled)"
    actors = actor_hits(r.t, r.asides)
    before = [a for a in actors if a[2] <= finding.position + 1]
    act = finding.act_at if finding.act_at is not None else finding.position
    if _PASSIVE.search(r.t, max(0, act - 30), act) and "there" not in r.t.low[max(0, act - 30) : act]:
        # "Memorial was liquidated by the court": the subject suffered the act; the agent follows "by"
        agents = [a for a in actors if a[1] > act and _AGENT.search(r.t, max(0, a[1] - 40), a[1])]
        if agents:
            return agents[0][0], f"level: {agents[0][0]} '{agents[0][3]}' (agent of a passive)"
        before = []
    if before:
        a = before[-1]
        return a[0], f"level: {a[0]} '{a[3]}'"
    pronoun_first = r.anaphoric or _PRONOUN_BEFORE.search(r.t, 0, finding.position)
    if pronoun_first or r.quotation:
        earlier = actor_hits(r.ctx)
        if earlier:
            a = earlier[-1]
            return a[0], f"level: {a[0]} '{a[3]}' (from context)"
    after = [a for a in actors if a[1] >= finding.position]
    if after:
        return after[0][0], f"level: {after[0][0]} '{after[0][3]}'"
    if _STATE_ACT.search(r.t):
        return "state", "level: state (an act only the state does: a protected status)"
    level = C.DEFAULT_LEVEL[finding.kind]
    return level, f"level: {level} (no actor named; usual for a {finding.kind})"


def actor_hits(t: Text, asides: list[tuple[int, int]] | None = None) -> list[Hit]:
    """State and society actors, in order, leaving out time phrases ('under Putin', "in Yeltsin's time")
    and asides (between dashes or in brackets)."""
    found: list[Hit] = []
    for level, rx in (("state", _STATE), ("society", _SOCIETY)):
        for a, b in rx.spans(t):
            if _TIME_BEFORE.search(t, max(0, a - 60), a) or _TIME_AFTER.match(t, b) or any(x <= a < y for x, y in asides or []):
                continue
            if level == "state" and _STALINS.search(t, max(0, a - 9), a):
                continue
            found.append((level, a, b, t.orig[a:b]))
    found.sort(key=lambda h: h[1])
    # a society name that contains a state word ("Communist Party of the Russian Federation") wins
    return [h for h in found if not any(o is not h and o[1] <= h[1] and h[2] <= o[2] and o[2] - o[1] > h[2] - h[1] for o in found)]
