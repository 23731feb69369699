"""Russian words searched in all their forms. A Cyrillic word of a query stands for the forms of its
lemma's paradigm (pymorphy3's lexeme) that the index holds, ё and е alike: "Москва" is searched as
`москва OR москвы OR москве ...`, "Хрущёв" finds "Хрущева". A phrase is inflected as a whole, its
words up to and including its first noun put in the same case and number ("Большой террор" finds
"Большого террора"); a prefix (`Хрущё*`) is also searched with е.

The index keeps the words as written: FTS5, the champion lists and the postings rank the forms as
they rank any OR of words (`spell_prefixes` rewrites a prefix the same way), the highlights fall on
the words in the text, and English words pass untouched. A form is one of the lemma's only where
that is a likely reading of it: "стали" is far more often "стать" than "сталь", so "сталь" does not
find it."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING, Any

from chronika.records.expression import Leaf, Node, Query, any_of

if TYPE_CHECKING:
    from chronika.store import Store

_CYRILLIC = re.compile(r"[а-яё]+")
Cell = tuple[str, str, str, str]  # case, number, gender, animacy
LIKELY = 0.05  # pymorphy3's probability, at least, of the lemma's readings of a form for the form to count
OWN = 0.3  # pymorphy3's probability, at least, of a word's reading as its own lemma for it to stand for that lemma
MAX_PHRASES = 64  # inflected forms of a phrase searched at most; beyond, the phrase is searched as typed
_CASES = {"nomn": "nomn", "voct": "nomn", "gent": "gent", "gen2": "gent", "datv": "datv", "accs": "accs",
          "acc2": "accs", "ablt": "ablt", "loct": "loct", "loc2": "loct"}  # the second cases as the six


def inflected(store: Store, tree: Query) -> Query:
    """The expression with each Cyrillic word, phrase and prefix standing for its forms the index
    holds; the rest as it was."""
    if isinstance(tree, Node):
        children = tuple(inflected(store, child) for child in tree.children)
        if tree.op != "OR" or children == tree.children:
            return Node(tree.op, children)
        return any_of(_once(children))
    if not tree.words or not any(_CYRILLIC.fullmatch(w) for w in tree.words):
        return tree
    if tree.prefix and len(tree.words) == 1:
        first = tree.words[0]
        return any_of([Leaf((start,), True) for start in _written(first) if start == first or store.words_starting(start, 1)])
    held = _held(store, tree)
    alternatives = [Leaf(words, tree.prefix) for words in _phrasings(tree, held)]
    return any_of(alternatives) if alternatives else tree


def _once(children: tuple[Query, ...]) -> list[Query]:
    """An OR's parts, those that are ORs opened, each part once: a name's forms "Катынь" and
    "катынь" stand for the same words, which FTS5 would otherwise score twice."""
    parts = [part for child in children for part in (child.children if isinstance(child, Node) and child.op == "OR" else (child,))]
    return list(dict.fromkeys(parts))


def _held(store: Store, leaf: Leaf) -> set[str]:
    """Of every form the leaf's words may take, those the index holds."""
    wanted: set[str] = set()
    for word in leaf.words[:-1] if leaf.prefix else leaf.words:
        if _CYRILLIC.fullmatch(word):
            wanted.update(forms(word))
    return store.indexed(wanted)


def _phrasings(leaf: Leaf, held: set[str]) -> list[tuple[str, ...]]:
    """The leaf's words as the index may hold them: a word as each of its forms; a phrase as typed
    and as put in each case and number, each with ё and е, at most MAX_PHRASES of them."""
    last = len(leaf.words) - 1
    if len(leaf.words) == 1:
        words: list[tuple[str, ...]] = [leaf.words]
        return words + [(f,) for f in forms(leaf.words[0]) if f in held and f != leaf.words[0]]
    typed = [spellings(w) if i == last and leaf.prefix else tuple(f for f in _written(w) if f in held) or (w,)
             for i, w in enumerate(leaf.words)]
    found: dict[tuple[str, ...], None] = dict.fromkeys(product(*typed))
    agreeing = _agreeing(leaf.words[:last] if leaf.prefix else leaf.words)
    cells: set[Cell] = set().union(*paradigm(leaf.words[agreeing[-1]]).values()) if agreeing else set()
    for cell in sorted(cells):
        choices = [_in_cell(w, cell, held) if i in agreeing else typed[i] for i, w in enumerate(leaf.words)]
        found.update(dict.fromkeys(product(*choices)))
        if len(found) > MAX_PHRASES:
            return [leaf.words]
    return list(found)


def _agreeing(words: tuple[str, ...]) -> list[int]:
    """Which words of a phrase change case and number together: those up to and including its first
    noun that change with case ("большой террор"; not "репрессий" of "жертвы репрессий"), and after a
    given name or surname the name's further parts ("никита сергеевич хрущёв"). Initials and other
    one-letter words stay as written."""
    head = next((i for i, w in enumerate(words) if len(w) > 1 and _noun(w)), None)
    if head is None:
        return []
    agreeing = [i for i in range(head + 1) if len(words[i]) > 1 and _cased(words[i])]
    after = head + 1
    while after < len(words) and _name(words[head]) and (len(words[after]) == 1 or _name(words[after])):
        agreeing += [after] if len(words[after]) > 1 else []
        after += 1
    return agreeing


def _in_cell(word: str, cell: Cell, held: set[str]) -> tuple[str, ...]:
    """The word's forms the index holds in a case and number (none: the phrase is not held so)."""
    return tuple(f for f, cells in paradigm(word).items() if f in held and cell in cells)


def forms(word: str) -> tuple[str, ...]:
    """A Cyrillic word's lemma's forms (the word, as typed and with ё or е, first) that are likely
    readings of that lemma, each written with ё and with е; the lemma is `_lemma`'s."""
    return tuple(paradigm(word))


@lru_cache(maxsize=20_000)
def paradigm(word: str) -> dict[str, frozenset[Cell]]:
    """`forms`, each with the cases and numbers (nominative singular ...) it has in the paradigm."""
    lemma = _lemma(word)
    cells: dict[str, set[Cell]] = {spelling: set() for spelling in _written(word)}
    for parse in _readings(word, lemma):
        for form in parse.lexeme:
            if form.word in cells or _likely(form.word, lemma):
                cell = _cell(form.tag)
                for spelling in spellings(form.word):
                    cells.setdefault(spelling, set()).update([cell] if cell else [])
    return {form: frozenset(cell) for form, cell in cells.items()}


def _cell(tag: Any) -> Cell | None:
    """Where a form stands in its paradigm as far as agreement goes: its case and number, its gender
    in the singular, its animacy in an accusative that shows it ("больших террор" agrees in nothing)."""
    case = _CASES.get(tag.case or "")
    if case is None:
        return None
    number = tag.number or ""
    gender = tag.gender or "" if number == "sing" else ""
    animacy = tag.animacy or "" if case == "accs" and (number == "plur" or gender == "masc") else ""
    return case, number, gender, animacy


def _written(word: str) -> tuple[str, ...]:
    """The ways a query's word may be written (itself first): with ё as е, and with е as ё at any
    of its first three е (a word the dictionary lacks, typed "Семкин" for "Сёмкин")."""
    places = [i for i, c in enumerate(word) if c == "е"][:3]
    found = dict.fromkeys(spellings(word))
    for mask in range(1, 2 ** len(places)):
        letters = list(word)
        for bit, place in enumerate(places):
            if mask >> bit & 1:
                letters[place] = "ё"
        found["".join(letters)] = None
    return tuple(found)


def spellings(word: str) -> tuple[str, ...]:
    """A word as written and with ё as е (texts and readers write either)."""
    plain = word.replace("ё", "е")
    return (word,) if plain == word else (word, plain)


@lru_cache(maxsize=50_000)
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(_analyser().parse(word))


def _lemma(word: str) -> str:
    """The lemma a query's word stands for (ё as е): its own when it is a dictionary form in OWN of
    its readings or more ("сталь", "Бутово"), else the lemma its readings weigh most for ("стали":
    стать; "Катыни": Катынь, not the rare adverb)."""
    weights: dict[str, float] = {}
    for parse in _parses(word):
        lemma = parse.normal_form.replace("ё", "е")
        weights[lemma] = weights.get(lemma, 0.0) + float(parse.score)
    own = word.replace("ё", "е")
    if weights.get(own, 0.0) >= OWN:
        return own
    return max(weights, key=lambda lemma: weights[lemma])


def nominative(word: str) -> str:
    """A Cyrillic word's dictionary form by its most probable reading (a noun's nominative)."""
    return str(_parses(word)[0].normal_form)


def _readings(word: str, lemma: str) -> list[Any]:
    return [p for p in _parses(word) if p.normal_form.replace("ё", "е") == lemma]


def _likely(form: str, lemma: str) -> bool:
    """Whether reading a form as the lemma is likely: its readings as the lemma weigh LIKELY or
    more of all its readings."""
    return float(sum(p.score for p in _readings(form, lemma))) >= LIKELY


def _noun(word: str) -> bool:
    return bool(_CYRILLIC.fullmatch(word)) and "NOUN" in _parses(word)[0].tag


def _name(word: str) -> bool:
    """Whether the word is most probably a given name, patronymic or surname."""
    return bool(_CYRILLIC.fullmatch(word)) and bool({"Name", "Patr", "Surn"} & _parses(word)[0].tag.grammemes)


def _cased(word: str) -> bool:
    """Whether the word changes with case (a noun, adjective, participle, numeral or pronoun)."""
    return bool(_CYRILLIC.fullmatch(word)) and _parses(word)[0].tag.case is not None


@lru_cache(maxsize=1)
def _analyser() -> Any:
    import pymorphy3  # half a second to load: only a query with a Cyrillic word pays it

    return pymorphy3.MorphAnalyzer()
