"""A cue regex read into the tree the gates walk: a list of `(operation, argument)` items in the shape
Python's regex parser gives (`LITERAL` with a code point, `IN` with a set, `BRANCH`, `SUBPATTERN`,
`MAX_REPEAT` ...), common openings of alternatives moved out front and alternatives of single
characters made a set, as that parser does. The gates read the tree to learn which words a match
must contain; they do not run it. Only the syntax the cues use is read: anything else raises
`Unreadable`, which leaves that gate open (slower, never wrong)."""

from __future__ import annotations

from typing import Any

MANY = 4294967295  # no upper bound on a repeat
_SPECIAL = ".\\[{()*+?^$|"
_CATEGORIES = {"d": "CATEGORY_DIGIT", "D": "CATEGORY_NOT_DIGIT", "s": "CATEGORY_SPACE", "S": "CATEGORY_NOT_SPACE",
               "w": "CATEGORY_WORD", "W": "CATEGORY_NOT_WORD"}
_ANCHORS = {"b": "AT_BOUNDARY", "B": "AT_NON_BOUNDARY", "A": "AT_BEGINNING_STRING", "Z": "AT_END_STRING"}
_CONTROLS = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}

Item = tuple[str, Any]


class Unreadable(ValueError):
    """A regex this module does not read."""


class Sequence(list[Item]):
    """Items matched one after another. Two sequences are equal only if they are one (as the
    standard parser's are), so alternatives that open with a group keep it."""

    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__  # type: ignore[assignment]


def parse(pattern: str) -> Sequence:
    reader = _Reader(pattern)
    tree = reader.alternatives(nested=0)
    if reader.pos < len(pattern):
        raise Unreadable("unbalanced parenthesis")
    return tree


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.text, self.pos, self.groups = pattern, 0, 0
        self.names: set[str] = set()

    def peek(self) -> str | None:
        """The next token: a character, or a backslash with the character it escapes."""
        if self.pos >= len(self.text):
            return None
        if self.text[self.pos] == "\\":
            if self.pos + 1 >= len(self.text):
                raise Unreadable("a pattern cannot end with a backslash")
            return self.text[self.pos : self.pos + 2]
        return self.text[self.pos]

    def take(self) -> str | None:
        token = self.peek()
        self.pos += len(token or "")
        return token

    def takes(self, char: str) -> bool:
        if self.peek() == char:
            self.pos += 1
            return True
        return False

    def alternatives(self, nested: int) -> Sequence:
        items = [self.sequence(nested + 1)]
        while self.takes("|"):
            items.append(self.sequence(nested + 1))
        if len(items) == 1:
            return items[0]
        out = Sequence()
        while all(items) and all(item[0] == items[0][0] for item in items[1:]):
            out.append(items[0][0])  # every alternative opens so: say it once, before them
            for item in items:
                del item[0]
        chars: list[Item] = []
        for item in items:
            if len(item) != 1 or not (item[0][0] == "LITERAL" or item[0][0] == "IN" and item[0][1][0][0] != "NEGATE"):
                out.append(("BRANCH", (None, items)))
                return out
            chars.extend([item[0]] if item[0][0] == "LITERAL" else item[0][1])
        out.append(("IN", list(dict.fromkeys(chars))))
        return out

    def sequence(self, nested: int) -> Sequence:
        out = Sequence()
        while (token := self.peek()) is not None and token not in "|)":
            self.take()
            if token[0] == "\\":
                out.append(self.escape(token[1]))
            elif token not in _SPECIAL:
                out.append(("LITERAL", ord(token)))
            elif token == "[":
                out.append(self.char_set())
            elif token in "*+?{":
                self.repeat(token, out)
            elif token == ".":
                out.append(("ANY", None))
            elif token == "^":
                out.append(("AT", "AT_BEGINNING"))
            elif token == "$":
                out.append(("AT", "AT_END"))
            elif token == "(":
                out.append(self.group(nested))
        for i in range(len(out) - 1, -1, -1):  # a group that captures nothing is its items
            if out[i][0] == "SUBPATTERN" and out[i][1][0] is None:
                out[i : i + 1] = out[i][1][3]
        return out

    def escape(self, char: str) -> Item:
        if char in _ANCHORS:
            return ("AT", _ANCHORS[char])
        if char in _CATEGORIES:
            return ("IN", [("CATEGORY", _CATEGORIES[char])])
        return self.class_escape(char)

    def class_escape(self, char: str) -> Item:
        if char in _CATEGORIES:
            return ("CATEGORY", _CATEGORIES[char])
        if char in _CONTROLS:
            return ("LITERAL", ord(_CONTROLS[char]))
        if char.isascii() and char.isalnum():
            raise Unreadable(f"escape \\{char}")
        return ("LITERAL", ord(char))

    def char_set(self) -> Item:
        negate = self.takes("^")
        items: list[Item] = []
        while True:
            token = self.take()
            if token is None:
                raise Unreadable("unterminated character set")
            if token == "]" and items:
                break
            first = self.class_escape(token[1]) if token[0] == "\\" else ("LITERAL", ord(token))
            if not self.takes("-"):
                items.append(first)
                continue
            end = self.take()
            if end is None:
                raise Unreadable("unterminated character set")
            if end == "]":
                items += [first, ("LITERAL", ord("-"))]
                break
            last = self.class_escape(end[1]) if end[0] == "\\" else ("LITERAL", ord(end))
            if first[0] != "LITERAL" or last[0] != "LITERAL" or last[1] < first[1]:
                raise Unreadable(f"bad character range {token}-{end}")
            items.append(("RANGE", (first[1], last[1])))
        items = list(dict.fromkeys(items))
        if len(items) == 1 and items[0][0] == "LITERAL":
            return ("NOT_LITERAL", items[0][1]) if negate else items[0]
        return ("IN", [("NEGATE", None)] + items if negate else items)

    def repeat(self, token: str, out: Sequence) -> None:
        low, high = {"?": (0, 1), "*": (0, MANY), "+": (1, MANY)}.get(token, (0, MANY))
        if token == "{":
            start = self.pos
            bounds = self.text[start : self.text.find("}", start) if "}" in self.text[start:] else start]
            lo, comma, hi = bounds.partition(",")
            if not bounds or not (lo + hi).isdigit() and (lo or hi) or not lo.isascii() or not hi.isascii():
                out.append(("LITERAL", ord("{")))  # not a repeat: a brace
                return
            self.pos += len(bounds) + 1
            low = int(lo) if lo else 0
            high = int(hi) if hi else (low if not comma else MANY)
            if high < low:
                raise Unreadable("min repeat greater than max repeat")
        if not out or out[-1][0] in ("AT", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            raise Unreadable("nothing to repeat")
        item: Sequence = Sequence(out[-1:])
        if out[-1][0] == "SUBPATTERN" and out[-1][1][0] is None:
            item = out[-1][1][3]
        if self.takes("?"):
            out[-1] = ("MIN_REPEAT", (low, high, item))
        elif self.takes("+"):
            out[-1] = ("POSSESSIVE_REPEAT", (low, high, item))
        else:
            out[-1] = ("MAX_REPEAT", (low, high, item))

    def group(self, nested: int) -> Item:
        group: int | None = None
        if self.takes("?"):
            kind = self.take()
            if kind in ("=", "!", "<"):
                direction = 1
                if kind == "<":
                    kind, direction = self.take(), -1
                    if kind not in ("=", "!"):
                        raise Unreadable(f"extension ?<{kind}")
                inner = self.alternatives(nested + 1)
                if not self.takes(")"):
                    raise Unreadable("missing )")
                return ("ASSERT" if kind == "=" else "ASSERT_NOT", (direction, inner))
            if kind == "P" and self.takes("<"):
                end = self.text.find(">", self.pos)
                name = self.text[self.pos : end]
                if end < 0 or not name.isidentifier() or name in self.names:
                    raise Unreadable(f"bad group name {name!r}")
                self.names.add(name)
                self.pos = end + 1
                self.groups += 1
                group = self.groups
            elif kind != ":":
                raise Unreadable(f"extension ?{kind}")
        else:
            self.groups += 1
            group = self.groups
        inner = self.alternatives(nested + 1)
        if not self.takes(")"):
            raise Unreadable("missing )")
        return ("SUBPATTERN", (group, 0, 0, inner))
