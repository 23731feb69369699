"""A sentence read for the memory rules: its text and context, its cue hits (a hit after a negation
or in an unreal clause is blocked), its clauses, asides, concessions and quotations, and its stance
words sorted into what they vote for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from chronika.extract.memory import cues as C
from chronika.extract.memory.gates import Rx, Text, cue_regexes

Hit = tuple[str, int, int, str]  # label, start, end, the words as written

_TOPIC = Rx(C.TOPIC)
_NEG_TAIL = Rx(rf"(?:{C.NEGATION}|{C.UNREAL_NOUN})(?:\W+[\w'-]+){{0,3}}\W*$")
_IRREALIS, _CONCESSIVE, _BACKGROUND, _REPORTED = Rx(C.IRREALIS), Rx(C.CONCESSIVE), Rx(C.BACKGROUND), Rx(C.REPORTED)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z])")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s--\s")
_ASIDE = re.compile(r"\s--\s.*?\s--\s|\s[\u2014\u2013]\s.*?\s[\u2014\u2013]\s|\([^)]*\)")
_HEADING_END = re.compile(r"[.!?:;\"')\]]\s*$")
_PRONOUN_SUBJECT, _PRONOUN_SPEAKER = Rx(C.PRONOUN_SUBJECT), Rx(C.PRONOUN_SPEAKER)
_DE, _RE, _EVASIVE, _WEAK_DE = cue_regexes(C.DE_STANCE), cue_regexes(C.RE_STANCE), cue_regexes(C.EVASIVE), cue_regexes(C.WEAK_DE)


_CONTEXT_CHARS = 600


class Reading:
    """One sentence prepared for the rules: its text, its context, cached cue hits; the rest is
    computed when a rule first asks for it."""

    def __init__(self, sentence: str, context: str) -> None:
        self.t = Text(sentence)
        self.text = self.t.orig
        self._context = context[-_CONTEXT_CHARS:]  # "he", "this" and "the program" point at recent sentences
        self._cache: dict[tuple[str, int, bool], list[Hit]] = {}
        self.heading = not _HEADING_END.search(self.text) and len(self.text.split()) <= 8

    @cached_property
    def ctx(self) -> Text:
        return Text(self._context)

    @cached_property
    def breaks(self) -> list[int]:
        return [m.end() for m in _CLAUSE_BREAK.finditer(self.text)]

    @cached_property
    def asides(self) -> list[tuple[int, int]]:
        return [m.span() for m in _ASIDE.finditer(self.text)]

    @cached_property
    def concessions(self) -> list[tuple[int, int]]:
        return _CONCESSIVE.spans(self.t)

    @cached_property
    def quotation(self) -> bool:
        """Reported speech: a whole quoted sentence, or one that opens or carries on a quotation."""
        quotes, stripped = self.text.count('"'), self.text.strip()
        return (quotes % 2 == 1 and not stripped.startswith('"')) or (quotes >= 2 and stripped.startswith('"') and stripped.endswith('"'))

    @cached_property
    def carried_quote(self) -> bool:
        return self.text.count('"') % 2 == 1 and self.text.strip().endswith('"')

    @cached_property
    def anaphoric(self) -> bool:
        """Whether the sentence leans on the one before ('He said', 'This line', a quotation carried on)."""
        start = len(self.text) - len(self.text.lstrip())
        return _PRONOUN_SUBJECT.match(self.t, start) or _PRONOUN_SPEAKER.search(self.t) or self.carried_quote or self._definite_anaphor()

    def _definite_anaphor(self) -> bool:
        """'The program includes ...' right after a sentence about a program."""
        m = re.match(r"\s*(?:(?:However|But|And|Yet),?\s+)?(?:The|This|These|That|Such)\s+([a-z]{4,})", self.text)
        return bool(m and re.search(rf"\b{m.group(1)}", last_sentence(self.ctx.orig), re.IGNORECASE))

    def hits(self, label: str, rx: Rx, *, keep_blocked: bool = False) -> list[Hit]:
        """Matches of `rx` that are not negated or unreal (unless `keep_blocked`)."""
        key = (label, id(rx), keep_blocked)
        if key not in self._cache:
            self._cache[key] = [(label, a, b, self.text[a:b]) for a, b in rx.spans(self.t) if keep_blocked or not self.blocked(a)]
        return self._cache[key]

    def blocked(self, start: int) -> bool:
        """A negation or 'the threat of' within three words before, or an unreal word ('would', 'if')
        earlier in the same clause."""
        clause_start = max((b for b in self.breaks if b <= start), default=0)
        return _NEG_TAIL.search(self.t, max(clause_start, start - 40), start) or _IRREALIS.search(self.t, clause_start, start)

    def background(self, start: int) -> bool:
        """The act is in the pluperfect, and not because reported speech shifted it back ("said that the
        monument had been put up" reports what was said)."""
        return _BACKGROUND.search(self.t, max(0, start - 40), start) and not _REPORTED.search(self.t, 0, start)

    def conceded(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.concessions)

    def topic(self) -> bool:
        return _TOPIC.search(self.t)

    def context_topic(self) -> bool:
        return _TOPIC.search(self.ctx)


def last_sentence(context: str) -> str:
    """The last sentence of a context string (a cheap split: enough to find what 'this' refers to)."""
    text = context.strip()
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[ends[-1] :] if ends else text


# --- stance ---------------------------------------------------------------------------------------
@dataclass
class Stance:
    """The stance words of a sentence, sorted into what they vote for."""

    de: list[Hit] = field(default_factory=list)
    re: list[Hit] = field(default_factory=list)
    evasive: list[Hit] = field(default_factory=list)
    weak_de: list[Hit] = field(default_factory=list)

    def any(self, weak: bool = True) -> bool:
        return bool(self.de or self.re or self.evasive or (weak and self.weak_de))


def stance(r: Reading, *, for_direction: bool = True) -> Stance:
    """Stance hits; a hit inside a longer hit of another list gives way ('downplayed Stalin's crimes')."""
    groups = {"de": _DE, "re": _RE, "evasive": _EVASIVE, "weak_de": _WEAK_DE}
    tagged = [(name, h) for name, cues in groups.items() for label, p in cues for h in r.hits(label, p)]
    out = Stance()
    for name, h in tagged:
        inside = any(o is not h and o[1] <= h[1] and h[2] <= o[2] and (o[2] - o[1]) > (h[2] - h[1]) for _, o in tagged)
        if inside or (for_direction and name != "evasive" and r.conceded(h[1])):
            continue
        getattr(out, name).append(h)
    return out

def quoted(hits: Iterable[Hit]) -> str:
    """The words of hits, quoted, for a cue a historian reads."""
    return ", ".join(f"'{h[3]}'" for h in hits)
