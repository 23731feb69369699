"""Memory events in Russian sentences: the English classifier's kinds, directions and levels, with
the cues (`cues_ru`) matched on the sentence's lemmas (pymorphy3, loaded on first use), so one cue
covers every inflected form. The rules are the English ones in small: an act named (a monument put
up or pulled down, a renaming, a rehabilitation, archives opened or closed, a poll, a commemoration,
a publication, memory work suppressed) beats a statement; a cue right after a negation is void; the
direction is the kind's own vote plus the sentence's stance words (both ways: ambivalent); the
level is the actor named nearest before the act, else the first after it, else the kind's usual one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from chronika.extract.memory import cues as C
from chronika.extract.memory import cues_ru as R
from chronika.extract.memory.cues import AMBIVALENT, DE, DEFAULT_LEVEL, RE
from chronika.extract.memory.cues_ru import PARTICIPLE, WEAK_LABEL
from chronika.records.mentions import MemorySignal

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_ANAPHOR = re.compile(r"(?:об? )?(?:это|этот|такой|так)\b")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_TOPIC, _NEG = _rx(R.TOPIC), _rx(R.NEGATION)
_DE = [(label, _rx(p)) for label, p in R.DE_STANCE]
_RE = [(label, _rx(p)) for label, p in R.RE_STANCE]
_SPEECH = _rx(R.SPEECH)
_MON_NOUN, _MON_ERECT, _MON_REMOVE = _rx(R.MONUMENT_NOUN), _rx(R.MONUMENT_ERECT), _rx(R.MONUMENT_REMOVE)
_STALIN, _VICTIMS = _rx(R.STALIN_TARGET), _rx(R.VICTIM_TARGET)
_RENAME, _STALIN_NAME = _rx(R.RENAME_VERB), _rx(R.STALIN_NAME)
_REHAB, _REHAB_STALIN = [(label, _rx(p)) for label, p in R.REHAB], _rx(R.REHAB_OF_STALIN)
_ARCH_NOUN = _rx(R.ARCHIVE_NOUN)
_ARCH_OPEN, _ARCH_CLOSE = [(label, _rx(p)) for label, p in R.ARCHIVE_OPEN], [(label, _rx(p)) for label, p in R.ARCHIVE_CLOSE]
_POLL, _SHARE = _rx(R.POLL_NOUN), _rx(R.SHARE)
_COMMEMORATE, _CELEBRATE = [(label, _rx(p)) for label, p in R.COMMEMORATE], _rx(R.CELEBRATE)
_EVENT_HELD = _rx(R.EVENT_HELD)
_PUBLISH, _WORK = _rx(R.PUBLICATION_ACT), _rx(R.PUBLICATION_WORK)
_SUPPRESS, _MEMORY_WORK = [(label, _rx(p)) for label, p in R.SUPPRESSION], _rx(R.MEMORY_WORK)
_STATE, _SOCIETY, _STATE_ACT = _rx(R.STATE_ACTOR), _rx(R.SOCIETY_ACTOR), _rx(R.STATE_ACT)

Hit = tuple[str, int, str]  # label, the lemma string's offset, the words as written


class Lemmas:
    """A sentence as its words' lemmas joined by spaces (a participle's marked, `PARTICIPLE`), each
    lemma's offset mapped back to its word."""

    def __init__(self, sentence: str) -> None:
        from chronika.extract.russian import lemma

        self.sentence = sentence
        self.words = [(m.start(), m.end()) for m in _WORD.finditer(sentence)]
        read = [lemma(sentence[a:b].lower()) for a, b in self.words]
        self.tags = [tag for _, tag in read]
        self.starts: list[int] = []
        parts: list[str] = []
        at = 0
        for form, tag in read:
            form += PARTICIPLE if tag.startswith(("PRTF", "PRTS")) else ""
            self.starts.append(at)
            parts.append(form)
            at += len(form) + 1
        self.text = " ".join(parts)

    def index(self, offset: int) -> int:
        """The word a lemma-string offset falls in."""
        lo = 0
        for i, start in enumerate(self.starts):
            if start > offset:
                break
            lo = i
        return lo

    def original(self, offset: int) -> int:
        """The sentence offset of the word a lemma-string offset falls in."""
        return self.words[self.index(offset)][0] if self.words else 0

    def written(self, start: int, end: int) -> str:
        a, b = self.words[self.index(start)][0], self.words[self.index(max(start, end - 1))][1]
        return self.sentence[a:b]


@dataclass
class _Finding:
    kind: str
    at: int  # lemma-string offset of the act
    cue: str
    votes: list[tuple[str, str]]
    stance: bool = True  # whether the sentence's stance words also vote


class Reading:
    """A Russian sentence read for the rules: its lemmas and its cue hits, a hit after a negation void."""

    def __init__(self, sentence: str, context: str = "") -> None:
        self.lemmas = Lemmas(sentence)
        self.text = self.lemmas.text
        self.context = context  # the lemmas of the sentences before it in its paragraph

    def hits(self, label: str, rx: re.Pattern[str]) -> list[Hit]:
        return [(label, m.start(), self.lemmas.written(m.start(), m.end())) for m in rx.finditer(self.text)
                if not _NEG.search(self.text, 0, max(0, m.start() - 1))]

    def all(self, cues: list[tuple[str, re.Pattern[str]]]) -> list[Hit]:
        return sorted((h for label, rx in cues for h in self.hits(label, rx)), key=lambda h: h[1])

    @cached_property
    def topic(self) -> bool:
        return bool(_TOPIC.search(self.text))


def _near(a: list[Hit], b: list[Hit], window: int) -> tuple[Hit, Hit] | None:
    for x in a:
        for y in b:
            if abs(x[1] - y[1]) <= window:
                return x, y
    return None


def _suppression(r: Reading, context_topic: bool) -> _Finding | None:
    for label, at, words in r.all(_SUPPRESS):
        if _MEMORY_WORK.search(r.text, max(0, at - 120), at + 160):
            return _Finding("suppression", at, f"kind: suppression '{words}' ({label})", [(RE, f"{label}: memory work suppressed")], False)
    return None


def _monument(r: Reading, context_topic: bool) -> _Finding | None:
    pair = _near(r.hits("erected", _MON_ERECT) + r.hits("removed", _MON_REMOVE), r.hits("monument", _MON_NOUN), 60)
    if pair is None:
        return None
    act, noun = pair
    stalin, victims = bool(_STALIN.search(r.text)), bool(_VICTIMS.search(r.text))
    if not (stalin or victims or r.topic):
        # "a bust was installed in the square" after sentences about Stalin: the paragraph says whose
        if act[0] != "erected" or not r.context:
            return None
        stalin, victims = bool(_STALIN.search(r.context)), bool(_VICTIMS.search(r.context))
    removed = act[0] == "removed"
    votes = []
    if stalin and not victims:
        votes.append((DE if removed else RE, f"monument to Stalin {act[0]}"))
    elif victims or r.topic:
        votes.append((RE if removed else DE, f"monument to the victims {act[0]}"))
    return _Finding("monument", act[1], f"kind: monument '{act[2]}' + '{noun[2]}'", votes)


def _renaming(r: Reading, context_topic: bool) -> _Finding | None:
    verbs = r.hits("renamed", _RENAME)
    if not verbs or not (r.topic or context_topic or _STALIN_NAME.search(r.text)):
        return None
    names = [m.start() for m in _STALIN_NAME.finditer(r.text)]
    votes = [(DE, "drops Stalin's name") if any(n < verbs[0][1] for n in names) else (RE, "takes Stalin's name")] if names else []
    return _Finding("renaming", verbs[0][1], f"kind: renaming '{verbs[0][2]}'", votes)


def _rehabilitation(r: Reading, context_topic: bool) -> _Finding | None:
    hits = r.all(_REHAB) if r.topic or context_topic else []
    if not hits:
        return None
    stalin = _REHAB_STALIN.search(r.text)
    vote = (RE, "restores Stalin") if stalin else (DE, "rehabilitates the repressed")
    return _Finding("rehabilitation", hits[0][1], f"kind: rehabilitation '{hits[0][2]}'", [vote], False)


def _archive(r: Reading, context_topic: bool) -> _Finding | None:
    opened, closed = r.all(_ARCH_OPEN), r.all(_ARCH_CLOSE)
    pair = _near(opened + closed, r.hits("archive", _ARCH_NOUN), 80)
    if pair is None or not (r.topic or context_topic):
        return None
    act, noun = pair
    votes = [(DE, f"opened '{opened[0][2]}'")] if opened else []
    votes += [(RE, f"closed '{closed[0][2]}'")] if closed else []
    return _Finding("archive", act[1], f"kind: archive '{act[2]}' + '{noun[2]}'", votes, False)


def _poll(r: Reading, context_topic: bool) -> _Finding | None:
    polls, shares = r.hits("poll", _POLL), r.hits("share", _SHARE)
    if not polls or not (r.topic or context_topic):
        return None
    votes = []
    if _ANAPHOR.match(r.text) and r.context and not (r.all(_DE) or r.all(_RE)):
        # "Об этом свидетельствуют результаты опроса": the finding is the sentence before's
        de, re_ = [h for label, rx in _DE for h in rx.finditer(r.context)], [h for label, rx in _RE for h in rx.finditer(r.context)]
        votes = [(RE, "the finding before favours Stalin")] if re_ and not de else [(DE, "the finding before condemns")] if de and not re_ else []
    return _Finding("poll", polls[0][1], f"kind: poll '{polls[0][2]}'", votes)


def _commemoration(r: Reading, context_topic: bool) -> _Finding | None:
    hits = r.all(_COMMEMORATE)
    celebrate = r.hits("celebrates the perpetrators", _CELEBRATE)
    if celebrate:
        return _Finding("commemoration", celebrate[0][1], f"kind: commemoration '{celebrate[0][2]}'", [(RE, "honours Stalin or the secret police")], False)
    if not hits and context_topic and any(rx.search(r.context) for _, rx in _COMMEMORATE):
        hits = r.hits("the commemoration before goes on", _EVENT_HELD)
    if not hits or not (r.topic or context_topic):
        return None
    return _Finding("commemoration", hits[0][1], f"kind: commemoration '{hits[0][2]}' ({hits[0][0]})", [(DE, "remembers the victims")], False)


def _publication(r: Reading, context_topic: bool) -> _Finding | None:
    pair = _near(r.hits("published", _PUBLISH), r.hits("work", _WORK), 40)
    if pair is None or not (r.topic or context_topic):
        return None
    act, work = pair
    return _Finding("publication", act[1], f"kind: publication '{act[2]}' + '{work[2]}'", [(DE, "about the terror")], False)


def _statement(r: Reading, context_topic: bool) -> _Finding | None:
    if not (r.topic or context_topic):
        return None
    speech = r.hits("speech", _SPEECH)
    stance = r.all(_DE) + r.all(_RE)
    if not speech or not stance or not (r.topic or context_topic):
        return None
    return _Finding("statement", speech[0][1], f"kind: statement '{speech[0][2]}' + '{stance[0][2]}'", [])


RULES: tuple[Callable[[Reading, bool], _Finding | None], ...] = (
    _suppression, _monument, _renaming, _archive, _rehabilitation, _commemoration, _publication, _poll, _statement,
)


def classify_russian(sentence: str, context: str = "") -> MemorySignal | None:
    """The memory event a Russian sentence reports, or None. `context`: the sentences before it in
    its paragraph (whether they are about the terror)."""
    if len(_WORD.findall(sentence)) < 4:
        return None  # a heading or a fragment reports no act
    r = Reading(sentence, Lemmas(context).text if context.strip() else "")
    context_topic = bool(_TOPIC.search(r.context))
    for rule in RULES:
        finding = rule(r, context_topic)
        if finding is not None:
            break
    else:
        return None
    direction, why_direction = _direction(r, finding)
    level, why_level = _level(r, finding)
    weak_only = all(label == WEAK_LABEL for label, _, _ in r.all(_DE) + r.all(_RE))
    doubts = (C.NO_SPEAKER,) if finding.kind == "statement" and "no actor named" in why_level and weak_only else ()
    return MemorySignal(finding.kind, direction, level, (finding.cue, why_direction, why_level), r.lemmas.original(finding.at),
                        doubts)


def _direction(r: Reading, finding: _Finding) -> tuple[str, str]:
    votes = list(finding.votes)
    if finding.stance or finding.kind == "poll":
        de, re_ = r.all(_DE), r.all(_RE)
        if re_ or any(label != WEAK_LABEL for label, _, _ in de):  # speaking of the victims votes only alone
            de = [h for h in de if h[0] != WEAK_LABEL]
        votes += [(DE, f"condemns or acknowledges '{de[0][2]}'")] if de and finding.kind != "poll" else []
        votes += [(RE, f"favours Stalin '{re_[0][2]}'")] if re_ else []
        if finding.kind == "poll" and de and not re_:
            votes.append((DE, f"condemns '{de[0][2]}'"))
    sides = {d for d, _ in votes}
    why = "; ".join(w for _, w in votes)
    if len(sides) == 1:
        return sides.pop(), f"direction: {why}"
    if sides:
        return AMBIVALENT, f"direction: ambivalent, cues pull both ways ({why})"
    return AMBIVALENT, "direction: ambivalent, no stance cue"


def _level(r: Reading, finding: _Finding) -> tuple[str, str]:
    if finding.kind == "poll":
        return "society", "level: society (the public polled)"
    actors = sorted([("state", m.start(), m.group(0)) for m in _STATE.finditer(r.text)]
                    + [("society", m.start(), m.group(0)) for m in _SOCIETY.finditer(r.text)], key=lambda a: a[1])
    before = [a for a in actors if a[1] <= finding.at]
    after = [a for a in actors if a[1] > finding.at]
    if before:
        return before[-1][0], f"level: {before[-1][0]} '{before[-1][2]}'"
    if after:
        return after[0][0], f"level: {after[0][0]} '{after[0][2]}'"
    if _STATE_ACT.search(r.text):
        return "state", "level: state (an act only the state does: a protected status)"
    level = DEFAULT_LEVEL[finding.kind]
    return level, f"level: {level} (no actor named; usual for a {finding.kind})"
