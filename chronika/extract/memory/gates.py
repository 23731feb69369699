"""The regex gating engine of the memory classifier: a cue regex is skipped unless the sentence has a
word every match of it must contain, read off the regex itself (its tree, `pattern.parse`), so most
sentences cost a few set lookups instead of regex scans. `Rx` is a cue regex with its gate, `Text` a
sentence ready for them. A gate is read off the cue, not kept beside it, so it cannot drift from it."""

from __future__ import annotations

import re
from typing import Any, Iterable

from chronika.extract.memory.pattern import Unreadable, parse

_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})


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
        return parse(pattern)
    except Unreadable:  # a cue this reader does not follow only means no gate for it
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



def cue_regexes(cues: Iterable[tuple[str, str]]) -> tuple[tuple[str, Rx], ...]:
    """Each `(label, regex)` cue with its regex compiled and gated."""
    return tuple((label, Rx(p)) for label, p in cues)
