"""Search that knows every spelling: a name in the query is expanded, through the entity index, to
every alias, transliteration and Cyrillic form of the one entity it stands for ("Ezhov" finds
"Yezhov" and "Ежов"; "Koba" finds Stalin). A name several entities bear is not expanded, and the
result says so; `exact` turns expansion off."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chronika.errors import QueryError
from chronika.query import inflection
from chronika.query.ranked import expression, rank
from chronika.records.expression import Query
from chronika.records.search import Hit, SearchFilters
from chronika.store import Store

_CHUNK = re.compile(r'"[^"]*"|[^\s"()]+|[()]')
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


@dataclass(frozen=True)
class Expansion:
    """How one name in the query was read: the entity it stands for and the forms searched, or
    the entities it may stand for when it is ambiguous."""

    term: str
    entity: str | None = None
    forms: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()  # namesakes' names a one-word form is searched without

    def to_json(self) -> dict[str, Any]:
        return {"term": self.term, "entity": self.entity, "forms": list(self.forms), "ambiguous": list(self.candidates),
                "excluded": list(self.excluded)}


@dataclass
class SearchResult:
    hits: list[Hit]
    expression: Query  # what was searched, names expanded
    expansions: list[Expansion] = field(default_factory=list)
    approximate: bool = False  # ranked from champion lists that could not settle BM25's order

    def to_json(self) -> list[dict[str, Any]]:
        """The contract's list of hits; each also says how the query was expanded."""
        expansions = [e.to_json() for e in self.expansions]
        return [hit.to_json() | {"expansions": expansions} for hit in self.hits]


def search(store: Store, query: str, limit: int = 10, exact: bool = False, filters: SearchFilters | None = None,
           full_rank: bool = False) -> SearchResult:
    """Passages for a query, names expanded to all their forms and Russian words to their inflected
    ones unless `exact`; every match scored by FTS5 if `full_rank` (slow for common words in a large
    store)."""
    tree = expression(query)  # a query that cannot be read is the user's error, before any expansion
    if not exact:
        tree, expansions = expand(store, query)
        tree = inflection.inflected(store, tree)
    else:
        expansions = []
    try:
        hits, approximate = rank(store, tree, limit, filters, full_rank)
    except QueryError as e:  # the index refused what the store wrote: said of what the user typed
        raise QueryError(
            f"cannot search for {query!r}: {e.__cause__ or e}. Quote phrases in \"...\", use AND/OR/NOT and word*"
        ) from e
    return SearchResult(hits, tree, expansions, approximate)


def expand(store: Store, query: str) -> tuple[Query, list[Expansion]]:
    """The query's expression with each name replaced by (form OR form ...), and what was done."""
    chunks = _CHUNK.findall(query)
    parts: list[str] = []
    expansions: list[Expansion] = []
    i = 0
    while i < len(chunks):
        taken, expansion = _longest_name(store, chunks, i)
        if expansion is not None and expansion.forms:
            parts.append("(" + " OR ".join(_searched(f, expansion.excluded) for f in expansion.forms) + ")")
            expansions.append(expansion)
            i += taken
            continue
        if expansion is not None:
            expansions.append(expansion)
        parts.append(chunks[i])
        i += 1
    return expression(" ".join(parts), shown=query), expansions


def _longest_name(store: Store, chunks: list[str], i: int) -> tuple[int, Expansion | None]:
    """The longest run of words from chunks[i] that names an entity (at most four words)."""
    for size in range(min(4, len(chunks) - i), 0, -1):
        words = chunks[i : i + size]
        if any(w in _OPERATORS or w in "()" or w.endswith("*") for w in words):
            continue
        if size > 1 and any(w.startswith('"') for w in words):
            continue
        term = " ".join(w.strip('"') for w in words)
        if not re.search(r"\w", term):
            continue
        found = store.find_entities(term)
        if len(found) == 1:
            forms = tuple(_forms(store, found[0], term))
            return size, Expansion(term, found[0], forms, excluded=_namesakes(store, found[0], forms))
        if len(found) > 1 and size == 1:
            names = store.entity_names_by_id()
            return 1, Expansion(term, None, (), tuple(f"{names.get(e, e)} ({e})" for e in found))
    return 1, None


def _forms(store: Store, entity_id: str, term: str) -> list[str]:
    """The forms of an entity worth searching: its names as resolution recorded them, less any
    that holds a shorter one ("N. I. Yezhov" is found by "Yezhov"). Read from `entity_names`,
    not from every mention, so a much-mentioned entity costs no more than a rare one."""
    names = {term} | {n.name for n in store.entity_names(entity_id)}
    words = {name: tuple(re.findall(r"\w+", name.lower())) for name in names}
    kept = [
        name for name in names
        if words[name] and not any(other != name and _holds(words[name], words[other]) for other in names if words[other])
    ]
    return sorted(set(kept), key=lambda f: (len(f), f))


def _namesakes(store: Store, entity_id: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    """Other people whose name begins with one of this entity's one-word aliases ("Soso Buachidze"
    for Stalin's childhood name "Soso"): the alias is searched without them, so it does not bring
    in its namesakes. The entity's own surname is not an alias."""
    name = store.entity_name(entity_id)
    surname = re.findall(r"\w+", name.lower())[-1:] if name else []
    found: set[str] = set()
    for form in forms:
        word = re.findall(r"\w+", form.lower())
        if len(word) != 1 or word == surname:
            continue
        for other in store.person_names_starting(form, entity_id):
            if re.findall(r"\w+", other.lower())[:1] == word:
                found.add(other)
    return tuple(sorted(found))


def _searched(form: str, excluded: tuple[str, ...]) -> str:
    """A form as searched: a one-word form without the namesakes' names that hold it."""
    words = {w.lower() for w in re.findall(r"\w+", form)}
    clashing = [n for n in excluded if len(words) == 1 and words <= {w.lower() for w in re.findall(r"\w+", n)}]
    if not clashing:
        return phrase(form)
    return "(" + phrase(form) + " NOT (" + " OR ".join(phrase(n) for n in clashing) + "))"


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    if len(shorter) >= len(longer):
        return False
    return any(longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))


def phrase(form: str) -> str:
    """A form as a quoted phrase (a Cyrillic one's case forms are added by `inflection.inflected`)."""
    return '"' + " ".join(re.findall(r"\w+", form)) + '"'


def cyrillic(form: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in form)
