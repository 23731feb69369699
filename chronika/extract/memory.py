"""Memory events: sentences in which a society remembers or forgets Stalin's terror, typed by kind,
direction and level with transparent rules.

`classify` reads one sentence (plus the sentences before it in its paragraph, to resolve "he" or
"the program") and returns a `MemorySignal` or None. Every decision names the cue words it rests on,
so a historian can disagree with a rule rather than with a black box; where the cues are missing or
pull both ways the direction is `ambivalent`, never a guess. The cue lists are data in
`memory_cues`; this module holds the rules that combine them and the matching that makes them fast
(a cue regex is skipped unless the sentence has a word its matches must contain, read off the regex
itself). Pure, deterministic, no NLP model.

Rules in one paragraph each:
- kind: a sentence names an act (unveiling + monument, rehabilitated, archives + opened/closed, a
  poll with its shares, a commemoration, a publication about the terror, a suppression of memory
  work, a renaming) or, failing those, a statement: someone speaking (said, condemned, rhetoric)
  with a stance. When several acts are named, the one in the simple past beats one in the
  pluperfect (background), then the order of `RULES` decides. A cue is void after a negation
  ("has not been suppressed") or in an unreal clause ("the threat of Stalin's rehabilitation").
- direction: kind-specific polarity (a monument to Stalin erected is re-, removed is de-; to the
  victims the reverse; archives opened de-, closed re-; rehabilitating victims de-, Stalin re-;
  suppressing memory work re-; commemorating victims de-, celebrating the secret police re-) plus
  the stance words of the sentence (condemns his crimes de-, praises him as a war leader re-).
  Stance words inside a concession ("even though Putin called him a dictator") do not vote.
  Evasion (evasive, muted, made no mention) and conflicting votes give `ambivalent`.
- polls: the direction is that of the finding held by a majority (more than half, "most", "a
  majority", "a plurality") or of a trend ("has grown"); a minority finding or a split is
  `ambivalent`. So "seven in ten Russians view Stalin positively" is re-, "a third admire him" is not.
- level: the actor named nearest before the act (a time phrase such as "under Putin" is not an
  actor); else, for "he"/"they"/a quotation carried over, the last actor in the context; else the
  first actor after the act; else the kind's usual level (`memory_cues.DEFAULT_LEVEL`), said as such.
  Polls are always `society` (the public polled).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable

from chronika.extract import memory_cues as C

try:  # the standard library's regex parser, used only to read gates off the cues
    _sre_parser: Any = importlib.import_module("re._parser")
except ImportError:  # Python < 3.11
    _sre_parser = importlib.import_module("sre_parse")

KINDS = ("statement", "monument", "rehabilitation", "archive", "poll", "commemoration", "publication", "renaming", "suppression")
DIRECTIONS = ("de-stalinization", "re-stalinization", "ambivalent")
LEVELS = ("state", "society")
DE, RE, AMBIVALENT = DIRECTIONS


@dataclass(frozen=True)
class MemorySignal:
    """One sentence read as a memory event, with the cue words behind each of its three labels."""

    kind: str
    direction: str
    level: str
    cues: tuple[str, ...]


Hit = tuple[str, int, int, str]  # label, start, end, the words as written


class Text:
    """A text and its lowercased twin of the same length (cues match the twin: no IGNORECASE, which
    is several times slower in Python's `re`), with the openings of its words for the gates."""

    def __init__(self, text: str) -> None:
        self.orig = text.translate(_STRAIGHTEN)
        low = self.orig.lower()
        self.low = low if len(low) == len(self.orig) else "".join(c.lower() if len(c.lower()) == 1 else c for c in self.orig)
        self._words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = word_openings(self.low)
        return self._words


_LETTERS, _DIGIT = re.compile(r"\b[a-z]{1,6}"), re.compile(r"\d")
_OPENING = 6  # letters of a word that a gate compares
_NOT_LETTERS = {"CATEGORY_SPACE", "CATEGORY_DIGIT", "CATEGORY_NOT_WORD"}
_POOR_KEYS = {"stalin", "the", "his", "her", "for", "and", "that", "this", "with", "from", "was", "were", "have", "been", "not"}


def word_openings(low: str) -> frozenset[str]:
    """The first six letters of every word of a lowercased text (a shorter word whole), the cut-short
    openings some cues have ('remov' of remove, removed, removal), '#' for a digit, and the symbols
    some cues start with ('%')."""
    out = set(_LETTERS.findall(low))
    short = _CUT_SHORT_BY_THREE
    for w in [w for w in out if w[:3] in short]:
        out.update(k for k in short[w[:3]] if w.startswith(k))
    out.update(k for k in _SYMBOL_KEYS if k in low)
    if _DIGIT.search(low):
        out.add("#")
    return frozenset(out)


# Every gate's cut-short openings ('ban' + \\w*), by their first three letters, and the symbols gates
# key on; both are filled in as gates are built.
_CUT_SHORT_BY_THREE: dict[str, set[str]] = {}
_SYMBOL_KEYS: set[str] = set()


class Gate:
    """The word openings any match of some cue regexes must start with, read off the regexes' parse
    trees, so a sentence without one of them cannot fire the rule. A regex that can start with
    something unforeseeable (\\w, any character) leaves the gate open: it never drops a match."""

    def __init__(self, patterns: Iterable[str]) -> None:
        exact: set[str] = set()
        partial: set[str] = set()
        self.always = False
        for pattern in patterns:
            for alternative in _alternatives(pattern):
                tree = _parse(_lower_literals(alternative.replace("(?-i:", "(?:")))
                key = _key_word(list(tree)) if tree is not None else None
                if key is not None:
                    exact.add(key)
                elif tree is None or not _walk(list(tree), "", exact, partial, 0):
                    self.always = True
        self.keys = frozenset(exact | partial)
        for k in partial:
            if len(k) < _OPENING:  # 'ban' + \\w* matches any word that starts so
                _CUT_SHORT_BY_THREE.setdefault(k[:3], set()).add(k)
        _SYMBOL_KEYS.update(k for k in self.keys if k != "#" and not k.isalpha())

    def open(self, words: frozenset[str]) -> bool:
        """Whether a text with these word openings may match."""
        return self.always or not self.keys.isdisjoint(words)


def _parse(pattern: str) -> Any:
    try:
        return _sre_parser.parse(pattern)
    except Exception:  # an unparsable cue only means no gate for it
        return None


def _key_word(items: list[Any]) -> str | None:
    """The opening of the last word every match must contain ('crimes' for '(?:stalin's|his) crimes'),
    or None. A word counts only where it must start a word (after a space, a hyphen or a boundary);
    'Stalin' and function words make poor keys, as nearly every sentence of the corpus has them."""
    found: list[str] = []
    run, starts_word, word_start = "", True, True
    for op, av in items + [("END", None)]:
        name = str(op)
        ch = chr(av) if name == "LITERAL" else ""
        if ch and "a" <= ch <= "z":
            if not run:
                word_start = starts_word
            run += ch
            continue
        if ch == "%":
            found.append("%")
        ends_word = name in ("END", "AT") or _non_letter(op, av) or len(run) >= _OPENING
        if run and word_start and ends_word and len(run) >= 3:
            found.append(run)
        run = ""
        starts_word = (name == "AT" and str(av) == "AT_BOUNDARY") or _non_letter(op, av)
    keys = [w for w in found if w[:_OPENING] not in _POOR_KEYS]
    if "%" in keys:
        return "%"
    return keys[-1][:_OPENING] if keys else None  # the last: cue phrases end on their noun ('committed crimes')


def _non_letter(op: Any, av: Any) -> bool:
    """Whether a regex item can only match characters that are not letters (a space, '-', \\s+)."""
    name = str(op)
    if name == "LITERAL":
        return not chr(av).isalnum() and chr(av) != "_"
    if name == "IN":
        return all((str(o) == "CATEGORY" and str(c) in _NOT_LETTERS) or (str(o) == "LITERAL" and not chr(c).isalnum()) for o, c in av)
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, _, sub = av
        return low >= 1 and len(sub) == 1 and _non_letter(*sub[0])
    return False


def _walk(items: list[Any], prefix: str, exact: set[str], partial: set[str], depth: int) -> bool:
    """Collect the openings of matches of `items` that start with `prefix`; False if unforeseeable."""
    if len(prefix) >= _OPENING:
        exact.add(prefix[:_OPENING])
        return True
    if depth > 60 or len(exact) + len(partial) > 2000:
        return False
    if not items:
        if not prefix:
            return False  # the regex can match the empty string
        partial.add(prefix)  # the cue may go on with letters we cannot see
        return True
    op, av = items[0]
    rest = items[1:]
    name = str(op)
    if name in ("ASSERT", "ASSERT_NOT"):
        return _walk(rest, prefix, exact, partial, depth + 1)
    if name == "AT":
        if prefix and str(av) in ("AT_BOUNDARY", "AT_END"):
            exact.add(prefix)  # the word ends here
            return True
        return _walk(rest, prefix, exact, partial, depth + 1)
    if name == "LITERAL":
        return _char(chr(av), rest, prefix, exact, partial, depth)
    if name == "IN":
        if all(str(o) == "LITERAL" for o, _ in av) and len(av) <= 12:
            return all(_char(chr(c), rest, prefix, exact, partial, depth) for _, c in av)
        if prefix and all(str(o) == "CATEGORY" and str(c) in _NOT_LETTERS for o, c in av):
            exact.add(prefix)  # a space or a digit ends the word
            return True
        if [str(o) for o, _ in av] == ["CATEGORY"] and str(av[0][1]) == "CATEGORY_DIGIT" and not prefix:
            exact.add("#")
            return True
    elif name == "BRANCH":
        return all(_walk(list(alt) + rest, prefix, exact, partial, depth + 1) for alt in av[1])
    elif name == "SUBPATTERN":
        return _walk(list(av[-1]) + rest, prefix, exact, partial, depth + 1)
    elif name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, sub = av
        once = list(sub) + ([(op, (max(low - 1, 0), high - 1, sub))] if high > 1 else [])
        ok = _walk(once + rest, prefix, exact, partial, depth + 1)
        return ok and (low > 0 or _walk(rest, prefix, exact, partial, depth + 1))
    if prefix:  # a letter may follow that we cannot foresee
        partial.add(prefix)
        return True
    return False


def _char(ch: str, rest: list[Any], prefix: str, exact: set[str], partial: set[str], depth: int) -> bool:
    if "a" <= ch <= "z":
        return _walk(rest, prefix + ch, exact, partial, depth + 1)
    if prefix:
        exact.add(prefix)  # a space, hyphen or apostrophe ends the word
    else:
        exact.add("#" if ch.isdigit() else ch)
    return True


class Rx:
    """One cue regex. Alternatives written `(?-i:...)` keep their case and match the text as written;
    all others are lowercased and match the lowercased text. Its gate skips texts it cannot match."""

    def __init__(self, pattern: str) -> None:
        low: list[str] = []
        cased: list[str] = []
        for alternative in _alternatives(pattern):
            (cased if "(?-i:" in alternative else low).append(alternative)
        self.low = re.compile(_lower_literals("|".join(low))) if low else None
        self.cased = re.compile("|".join(a.replace("(?-i:", "(?:") for a in cased)) if cased else None
        self.gate = Gate([pattern])

    def spans(self, t: Text, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
        if not self.gate.open(t.words):
            return []
        end = len(t.orig) if endpos is None else endpos
        out = [m.span() for m in self.low.finditer(t.low, pos, end)] if self.low else []
        if self.cased:
            out = sorted(out + [m.span() for m in self.cased.finditer(t.orig, pos, end)])
        return out

    def match(self, t: Text, pos: int = 0) -> bool:
        """Whether the regex matches right at `pos` (`^` in a regex means the start of the text only)."""
        if not self.gate.open(t.words):
            return False
        return bool((self.low and self.low.match(t.low, pos)) or (self.cased and self.cased.match(t.orig, pos)))

    def search(self, t: Text, pos: int = 0, endpos: int | None = None) -> bool:
        if not self.gate.open(t.words):
            return False
        end = len(t.orig) if endpos is None else endpos
        return bool((self.low and self.low.search(t.low, pos, end)) or (self.cased and self.cased.search(t.orig, pos, end)))


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ('a|(b|c)|d' -> ['a', '(b|c)', 'd'])."""
    out: list[str] = []
    depth, in_class, i, start = 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return out + [pattern[start:]]


def _lower_literals(pattern: str) -> str:
    """Lowercase a regex's letters but not its escapes (\\W must stay \\W)."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def _cues(cues: Iterable[C.Cue]) -> tuple[tuple[str, Rx], ...]:
    return tuple((label, Rx(p)) for label, p in cues)


_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})
_TOPIC, _SHARE = Rx(C.TOPIC), Rx(C.SHARE)
_NEG_TAIL = Rx(rf"(?:{C.NEGATION}|{C.UNREAL_NOUN})(?:\W+[\w'-]+){{0,3}}\W*$")
_IRREALIS, _CONCESSIVE, _BACKGROUND = Rx(C.IRREALIS), Rx(C.CONCESSIVE), Rx(C.BACKGROUND)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z])")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s--\s")
_ASIDE = re.compile(r"\s--\s.*?\s--\s|\s[\u2014\u2013]\s.*?\s[\u2014\u2013]\s|\([^)]*\)")
_HEADING_END = re.compile(r"[.!?:;\"')\]]\s*$")
_PRONOUN_SUBJECT, _PRONOUN_SPEAKER, _PRONOUN_OBJECT = Rx(C.PRONOUN_SUBJECT), Rx(C.PRONOUN_SPEAKER), Rx(C.PRONOUN_OBJECT)
_PRONOUN_BEFORE = Rx(r"\b(?:he|she|they|them|his|her|their|we)\b")
_DE, _RE, _EVASIVE, _WEAK_DE = _cues(C.DE_STANCE), _cues(C.RE_STANCE), _cues(C.EVASIVE), _cues(C.WEAK_DE)
_SPEECH, _SPEECH_LIKE = Rx(C.SPEECH), Rx(C.SPEECH_LIKE)
_STATE, _SOCIETY = Rx(C.STATE_ACTOR), Rx(C.SOCIETY_ACTOR)
_TIME_BEFORE, _TIME_AFTER = Rx(C.TIME_MARKER_BEFORE), Rx(C.TIME_MARKER_AFTER)
_STALINS = Rx(r"\b(?:stalin's|his)\s+$")  # "Stalin's regime" is remembered, it does not remember
_PASSIVE = Rx(r"\b(?:was|were|been|is|are)\s+(?:\w+ly\s+){0,2}$")  # finite only: "called for it to be renamed" is active
_AGENT = Rx(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")


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
        return _BACKGROUND.search(self.t, max(0, start - 40), start)

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


def _words(hits: Iterable[Hit]) -> str:
    return ", ".join(f"'{h[3]}'" for h in hits)


# --- the verdict one kind rule hands back ----------------------------------------------------------
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


def decide_direction(r: Reading, finding: Finding) -> tuple[str, str]:
    """Combine the kind's own votes with the sentence's stance words; conflicts and silence are ambivalent."""
    votes = list(finding.votes)
    s = stance(r)
    if finding.generic_stance:
        votes += [(DE, f"condemns/acknowledges {_words(s.de)}")] if s.de else []
        votes += [(RE, f"favours Stalin {_words(s.re)}")] if s.re else []
        if finding.weak_stance and s.weak_de and not s.de and not s.evasive:  # "made no mention of the terror" is not speaking of it
            votes.append((DE, f"speaks of the terror {_words(s.weak_de)}"))
    sides = {d for d, _ in votes if d != AMBIVALENT}
    why = "; ".join(w for _, w in votes)
    if len(sides) == 1:
        return sides.pop(), f"direction: {why}"
    if len(sides) > 1:
        return AMBIVALENT, f"direction: ambivalent, cues pull both ways ({why})"
    if s.evasive:
        return AMBIVALENT, f"direction: ambivalent, evasion {_words(s.evasive)}"
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


# --- the kinds: each rule returns a Finding or None ------------------------------------------------
_MON_NOUN, _MON_ERECT, _MON_REMOVE, _MON_BLOCK = Rx(C.MONUMENT_NOUN), Rx(C.MONUMENT_ERECT), Rx(C.MONUMENT_REMOVE), Rx(C.MONUMENT_BLOCK)
_STALIN_TARGET, _VICTIM_TARGET, _STALIN = Rx(C.STALIN_TARGET), Rx(C.VICTIM_TARGET), Rx(r"\bStalin\b")
_RENAME, _STALIN_NAME = Rx(C.RENAME_VERB), Rx(C.STALIN_NAME)
_REHAB, _RELEASE = _cues(C.REHAB), _cues(C.REHAB_RELEASE)
_REHAB_STALIN, _REHAB_REVERSED = Rx(C.REHAB_OF_STALIN), Rx(C.REHAB_REVERSED)
_ARCH_NOUN, _ARCH_SELF, _ARCH_OPEN, _ARCH_CLOSE = Rx(C.ARCHIVE_NOUN), Rx(C.ARCHIVE_SELF), _cues(C.ARCHIVE_OPEN), _cues(C.ARCHIVE_CLOSE)
_POLL_NOUN, _POLL_OPINION = Rx(C.POLL_NOUN), Rx(C.POLL_OPINION)
_POLL_DE, _POLL_RE, _TREND = Rx(C.POLL_DE), Rx(C.POLL_RE), Rx(C.TREND)
_COMM_STRONG, _COMM_WEAK, _VICTIM_OBJ, _PERP_OBJ = Rx(C.COMMEMORATE_STRONG), Rx(C.COMMEMORATE_WEAK), Rx(C.VICTIM_OBJECT), Rx(C.PERPETRATOR_OBJECT)
_WORK, _PUBLISH, _FALSIFIED, _EXAGGERATES = Rx(C.PUBLICATION_WORK), Rx(C.PUBLICATION_ACT), Rx(C.FALSIFIED_HISTORY), Rx(C.EXAGGERATES_STALIN)
_ABOUT_STALIN = Rx(r"\b(?:about|on|of|concerning|devoted to)\s+(?:Joseph\s+)?Stalin\b(?!'s\s+(?:articles|works|speeches|writings|letters))")
_SUPPRESS, _MEMORY_WORK, _SUPPRESS_PRO = _cues(C.SUPPRESSION), Rx(C.MEMORY_WORK), Rx(C.SUPPRESS_PRO_STALIN)


def _near(a: list[Hit], b: list[Hit], window: int) -> tuple[Hit, Hit] | None:
    """The first pair (x from a, y from b) whose spans lie within `window` characters of each other."""
    for x in a:
        for y in b:
            if max(x[1], y[1]) - min(x[2], y[2]) <= window:
                return x, y
    return None


def _all(r: Reading, cues: Iterable[tuple[str, Rx]]) -> list[Hit]:
    return sorted((h for label, p in cues for h in r.hits(label, p)), key=lambda h: h[1])


def _about_terror(r: Reading) -> bool:
    return r.topic() or (bool(_PRONOUN_OBJECT.search(r.t)) and r.context_topic())


def monument(r: Reading) -> Finding | None:
    """A monument unveiled, planned, blocked, defaced or removed; to Stalin or to his victims."""
    nouns = r.hits("monument", _MON_NOUN, keep_blocked=True)
    if not nouns:
        return None
    erect, remove, block = r.hits("erected", _MON_ERECT), r.hits("removed", _MON_REMOVE), r.hits("blocked", _MON_BLOCK)
    pair = _near(erect + remove + block, nouns, 120)
    stalin, victims = r.hits("to Stalin", _STALIN_TARGET, keep_blocked=True), r.hits("to the victims", _VICTIM_TARGET, keep_blocked=True)
    if pair is None or not (stalin or victims or _about_terror(r)):
        return None
    act, noun = pair
    f = Finding("monument", min(act[1], noun[1]), [f"kind: monument '{act[3]}' + '{noun[3]}'"], background=r.background(act[1]), act_at=act[1])
    if not stalin and not victims and _STALIN.search(r.t):
        stalin = [("in a sentence about Stalin", 0, 0, "Stalin")]
    removed = bool(block or remove)
    action = "blocked" if block else "removed" if remove and not erect else "erected" if erect and not remove else ""
    for targets, name, honours in ((stalin, "to Stalin", RE), (victims, "to the victims", DE)):
        if targets and action:
            d = honours if not removed else (DE if honours == RE else RE)
            f.votes.append((d, f"monument {name} {_words(targets[:1])} {action}"))
    return f


def renaming(r: Reading) -> Finding | None:
    """A place or street renamed: given Stalin's name (re-) or rid of it (de-)."""
    verbs = r.hits("renamed", _RENAME)
    names = r.hits("Stalin's name", _STALIN_NAME, keep_blocked=True)
    if not verbs or not (names or r.topic()) or (all(v[3].lower() == "became" for v in verbs) and not names):
        return None
    f = Finding("renaming", verbs[0][1], [f"kind: renaming '{verbs[0][3]}'"], background=r.background(verbs[0][1]))
    for name in names:  # the old name is the subject, before its verb; the new one follows the verb
        follows = [v for v in verbs if 0 <= v[1] - name[2] <= 80]
        f.votes.append((DE, f"drops Stalin's name '{name[3]}'") if follows else (RE, f"takes Stalin's name '{name[3]}'"))
    return f


def rehabilitation(r: Reading) -> Finding | None:
    """The repressed rehabilitated or freed (de-); Stalin himself 'rehabilitated' or a rehabilitation revoked (re-)."""
    hits = _all(r, _REHAB) or [h for h in _all(r, _RELEASE) if r.topic() or r.context_topic()]
    if not hits:
        return None
    first = hits[0]
    f = Finding("rehabilitation", first[1], [f"kind: rehabilitation '{first[3]}'"], background=r.background(first[1]))
    stalin, revoked = r.hits("of Stalin", _REHAB_STALIN), r.hits("revoked", _REHAB_REVERSED)
    if stalin or revoked:
        f.votes.append((RE, f"restores Stalin or revokes a rehabilitation {_words(stalin + revoked)}"))
    else:
        f.votes.append((DE, "rehabilitates the repressed"))
    return f


def archive(r: Reading) -> Finding | None:
    """Files opened, handed over or published (de-); closed, classified, hidden or destroyed (re-)."""
    nouns = r.hits("archive", _ARCH_NOUN, keep_blocked=True)
    if not nouns:
        return None
    opened, closed = _all(r, _ARCH_OPEN), _all(r, _ARCH_CLOSE)
    pair = _near(opened + closed, nouns, 80)
    if pair is None or not (r.hits("archives", _ARCH_SELF) or r.topic() or (r.anaphoric and r.context_topic())):
        return None
    act, noun = pair
    f = Finding("archive", min(act[1], noun[1]), [f"kind: archive '{act[3]}' + '{noun[3]}'"], background=r.background(act[1]), act_at=act[1])
    f.generic_stance = False
    f.votes += [(DE, f"opened {_words(opened)}")] if opened else []
    f.votes += [(RE, f"closed {_words(closed)}")] if closed else []
    return f


def poll(r: Reading) -> Finding | None:
    """A poll with its shares, or a sentence that opens with a poll."""
    nouns = r.hits("poll", _POLL_NOUN, keep_blocked=True)
    shares = r.hits("share", _SHARE, keep_blocked=True)
    opens_with_poll = any(len(r.text[: n[1]].split()) < 6 for n in nouns)
    if not ((shares and (nouns or r.hits("opinion", _POLL_OPINION))) or opens_with_poll):
        return None
    if not (_about_terror(r) or stance(r).any(weak=False)):
        return None
    cue = (nouns or shares)[0]
    f = Finding("poll", cue[1], [f"kind: poll {_words((nouns + shares)[:3])}"])
    f.generic_stance = False
    f.votes = poll_votes(r, shares)
    return f


def poll_votes(r: Reading, shares: list[Hit]) -> list[tuple[str, str]]:
    """The direction of the finding a majority (or plurality, or a growing share) holds."""
    votes: list[tuple[str, str]] = []
    for i, share in enumerate(shares):
        end = shares[i + 1][1] if i + 1 < len(shares) else len(r.text)
        segment = r.text[share[2] : end]
        value = share_value(share[3])
        side = _side(segment)
        if side is None:
            continue
        if value is None or value > 0.5:
            votes.append((side[0], f"'{share[3]}' {side[1]}"))
        else:
            votes.append((AMBIVALENT, f"only '{share[3]}' {side[1]}, no majority"))
    if not shares and _TREND.search(r.t):
        side = _side(r.text)
        if side:
            votes.append((side[0], f"a growing share {side[1]}"))
    return votes


def _side(segment: str) -> tuple[str, str] | None:
    """What a poll finding says about Stalin: favourable (re-) or condemning (de-)."""
    seg = Reading(segment, "")
    s = stance(seg)
    pro = [h[3] for h in seg.hits("favourable", _POLL_RE) + s.re]
    con = [h[3] for h in seg.hits("condemning", _POLL_DE) + s.de + s.weak_de]
    if pro and not con:
        return RE, f"favour Stalin ('{pro[0]}')"
    if con and not pro:
        return DE, f"condemn or acknowledge ('{con[0]}')"
    return None


def commemoration(r: Reading) -> Finding | None:
    """Remembrance of the victims (de-) or celebration of Stalin or the secret police (re-)."""
    strong = r.hits("commemoration", _COMM_STRONG)
    weak = [h for h in r.hits("anniversary", _COMM_WEAK) if _VICTIM_OBJ.search(r.t, h[2], h[2] + 60) or _PERP_OBJ.search(r.t, h[2], h[2] + 60)]
    hits = sorted(strong + weak, key=lambda h: h[1])
    victims, perpetrators = r.hits("victims", _VICTIM_OBJ, keep_blocked=True), r.hits("perpetrators", _PERP_OBJ, keep_blocked=True)
    if not hits or not (r.topic() or victims or perpetrators):
        return None
    f = Finding("commemoration", hits[0][1], [f"kind: commemoration {_words(hits[:2])}"], background=r.background(hits[0][1]))
    f.votes += [(DE, f"remembers the victims {_words(victims[:2])}")] if victims else []
    f.votes += [(RE, f"honours the perpetrators {_words(perpetrators[:2])}")] if perpetrators else []
    return f


def publication(r: Reading) -> Finding | None:
    """A book, film, broadcast or history written about the terror (de-) or glorifying Stalin (re-)."""
    published, falsified = r.hits("published", _PUBLISH), r.hits("history falsified", _FALSIFIED)
    if not published and not falsified:
        return None
    pair = _near(published, r.hits("work", _WORK, keep_blocked=True), 100)
    if pair is None and not falsified:
        return None
    if not (r.topic() or stance(r).any(weak=False)):
        return None
    act = pair[0] if pair else falsified[0]
    words = f"'{pair[0][3]}' + '{pair[1][3]}'" if pair else f"'{falsified[0][3]}'"
    f = Finding("publication", act[1], [f"kind: publication {words}"], background=r.background(act[1]))
    victims, exaggerates = r.hits("about the terror", _VICTIM_OBJ, keep_blocked=True), r.hits("exaggerates", _EXAGGERATES)
    f.votes += [(DE, f"about the terror {_words(victims[:2])}")] if victims else []
    f.votes += [(RE, f"glorifies Stalin {_words(exaggerates)}")] if exaggerates else []
    if not f.votes and not stance(r).any(weak=False) and not _ABOUT_STALIN.search(r.t):
        return None  # a text by Stalin, or one that merely mentions him, is not memory of him
    return f


_SELF_CONTAINED = {"silences", "cracks down on memory work", "attacks critics of Stalin", "wrapped up or stopped", "obliterated from discourse"}


def suppression(r: Reading) -> Finding | None:
    """Memory work silenced, banned, prosecuted or liquidated (re-); a ban on Stalin's symbols (de-)."""
    for label, p in _SUPPRESS:
        for h in r.hits(label, p):
            if label == "witnesses sworn to silence":
                ok = r.topic()
            elif label in _SELF_CONTAINED:
                ok = True
            else:
                ok = bool(_MEMORY_WORK.search(r.t, max(0, h[1] - 100), h[2] + 100)) or bool(_SUPPRESS_PRO.search(r.t))
            if not ok:
                continue
            f = Finding("suppression", h[1], [f"kind: suppression '{h[3]}' ({label})"], background=r.background(h[1]))
            f.generic_stance = False
            if _SUPPRESS_PRO.search(r.t):
                f.votes.append((DE, "bans Stalin's symbols"))
            elif label != "obliterated from discourse":
                f.votes.append((RE, f"{label}: memory work suppressed"))
            return f
    return None


def statement(r: Reading) -> Finding | None:
    """Someone speaks of Stalin or the terror with a stance: condemns, praises, evades."""
    speech = sorted(r.hits("speech", _SPEECH) + r.hits("speech", _SPEECH_LIKE), key=lambda h: h[1])
    if not speech and not r.quotation:
        return None
    s = stance(r, for_direction=False)
    words = _words((s.de + s.re + s.evasive + s.weak_de)[:3])
    position = speech[0][1] if speech else min(h[1] for h in s.de + s.re + s.evasive + s.weak_de) if s.any() else 0
    said = f"'{speech[0][3]}'" if speech else "a quotation"
    if s.any():
        f = Finding("statement", position, [f"kind: statement {said} + {words}"], weak_stance=True)
        f.background = r.background(position)
        return f
    if not r.anaphoric:
        return None
    earlier = stance(Reading(last_sentence(r.ctx.orig), ""))
    if not earlier.any(weak=False):
        return None
    f = Finding("statement", position, [f"kind: statement {said}, stance from context {_words((earlier.de + earlier.re)[:2])}"])
    f.generic_stance = False
    f.votes += [(DE, "context condemns")] if earlier.de else []
    f.votes += [(RE, "context favours Stalin")] if earlier.re else []
    return f


# Which kind wins when one sentence names several acts: the more specific act first, statement last.
RULES = (suppression, monument, renaming, archive, rehabilitation, commemoration, publication, poll, statement)
# What each rule cannot fire without, as alternatives of gates that must all be open: a sentence
# that opens none of them skips the rule with a few set lookups instead of regex scans.
_SELF_SUFFICIENT = [p for label, p in C.SUPPRESSION if label in _SELF_CONTAINED]
_OTHER_SUPPRESSION = [p for label, p in C.SUPPRESSION if label not in _SELF_CONTAINED]
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
    commemoration: [(Gate([C.COMMEMORATE_STRONG]),), (Gate([C.COMMEMORATE_WEAK]), Gate([C.VICTIM_OBJECT, C.PERPETRATOR_OBJECT]))],
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


# --- public API -----------------------------------------------------------------------------------
def classify(sentence: str, context: str = "") -> MemorySignal | None:
    """The memory event a sentence reports, or None when it is not about remembering or forgetting
    Stalin and his terror. `context`: the sentences before it in its paragraph."""
    if not isinstance(sentence, str) or not isinstance(context, str):
        raise TypeError(f"classify() takes text: got {type(sentence).__name__} and {type(context).__name__}")
    r = Reading(sentence, context)
    if r.heading:
        return None  # a heading names a subject; it reports no act
    finding = first_finding(r)
    if finding is None:
        return None
    direction, why_direction = decide_direction(r, finding)
    level, why_level = decide_level(r, finding)
    return MemorySignal(finding.kind, direction, level, (*finding.cues, why_direction, why_level))


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def poll_shares(sentence: str) -> list[tuple[int, int, str]]:
    """The shares a poll sentence gives ('seven in ten', 'a third', '70%', 'a majority'), as
    (start, end, text) spans into `sentence`, for the caller to attach as figures."""
    return [(a, b, sentence[a:b]) for a, b in _SHARE.spans(Text(sentence))]


def share_value(text: str) -> float | None:
    """A share as a fraction of one (0.7 for '70 percent' or 'seven in ten'); None when only a word
    ('a plurality') says it leads; 0.6 for 'a majority' or 'most', 0.3 for 'a minority'."""
    t = text.lower()
    if m := re.search(r"\d+(?:\.\d)?", t):
        return float(m.group(0)) / 100
    if m := re.search(r"(\w+) (?:in|out of) (\w+)", t):
        return _NUMBER_WORDS.get(m.group(1), 0) / max(_NUMBER_WORDS.get(m.group(2), 1), 1)
    if "third" in t:
        return 2 / 3 if "two" in t else 1 / 3
    if "quarter" in t:
        return 0.5 if "two" in t else 0.25
    if "half" in t:
        return 0.5
    if "majority" in t or "most" in t:
        return 0.6
    if "minority" in t:
        return 0.3
    return None  # plurality: leads without a figure
