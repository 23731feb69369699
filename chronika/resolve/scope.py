"""How far a change of the corpus reaches: the keys through which resolution lets one mention bear
on another, so that an ingest or a correction re-resolves only the names it can move.

Resolution compares a name with others only through its keys: its form and spellings (types are
voted per form, corrections match by spelling), its surname when it is a person's (bare surnames
attach to the namesakes of the same surname), a declared alias (its two names) and a correction (all
its names). Mentions that share none of these with a changed one resolve as they did before."""

from __future__ import annotations

from typing import Iterable

from chronika.extract.translit import surname_key
from chronika.records.entities import AliasRecord, Correction
from chronika.resolve.resolution import name_key_set

SURNAME = "surname:"  # the surname key of a person's name, apart from spelling keys


def name_scope(normal: str, person: bool) -> frozenset[str]:
    """The keys of a mentioned name: its spelling keys, and its surname key if it is a person's."""
    keys = name_key_set(normal)
    surname = surname_key(normal) if person else ""
    return keys | {SURNAME + surname} if surname else keys


def alias_link(alias: AliasRecord) -> frozenset[str]:
    return name_key_set(alias.name) | name_key_set(alias.alias)


def correction_link(correction: Correction) -> frozenset[str]:
    return frozenset().union(*(name_key_set(n) for n in correction.names))


def linked(keys: set[str], links: Iterable[frozenset[str]]) -> set[str]:
    """`keys` with every link that shares one of them, until no link adds a key."""
    pending = [link for link in links]
    out = set(keys)
    grew = True
    while grew:
        grew = False
        rest = []
        for link in pending:
            if link & out:
                out |= link
                grew = True
            else:
                rest.append(link)
        pending = rest
    return out
