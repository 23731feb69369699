"""Resolution: name mentions from every document made into entities, one per person, place or
organisation, however the sources spell them; namesakes kept apart; the user's corrections applied.

A pure function of all mentions, declared aliases and corrections, so it can be re-run after every
ingest and gives the same entities for the same input. The rules, in order:
1. a name's type is voted by the evidence of all its mentions in the corpus, not one sentence;
2. a person is a surname (compared by romanisation-insensitive keys, so Yezhov = Ezhov = Ежов)
   plus, where known, a given name: "Roy Medvedev" and "Dmitry Medvedev" are two people;
3. a bare surname joins the one person of that surname its document names in full; where its
   document names two, or the corpus knows two and its document none, it stays apart, marked;
4. a place or an organisation is one whatever its script or case: its spelling keys, and the
   established equivalents of `extract/name_equivalents.py` (Москва = Moscow, СССР = USSR);
5. aliases the texts declare ("born Iosif Dzhugashvili", "(Soso)", "aliases included Koba") join;
6. the user's merge, split and retype corrections are applied last."""

from __future__ import annotations

import re
import unicodedata

import iuliia
from collections import Counter, defaultdict

from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from chronika.records.entities import AliasRecord, Correction, Entity, MentionRecord
from chronika.extract.name_equivalents import equivalence_key, with_equivalent
from chronika.extract.name_rules import TITLE_WORDS
from chronika.extract.name_vote import type_from_cues
from chronika.extract.translit import name_keys, surname_key

# English forms of Russian given names, so "Joseph Stalin" and "I. V. Stalin" agree.
_GIVEN_EQUIVALENTS = {
    "joseph": "iosif", "josef": "iosif", "osip": "iosif", "nicholas": "nikolai", "nicolai": "nikolai",
    "alexander": "aleksandr", "alexandr": "aleksandr", "michael": "mikhail", "peter": "pyotr", "petr": "pyotr",
    "paul": "pavel", "gregory": "grigory", "grigoriy": "grigory", "leo": "lev", "jacob": "yakov",
    "andrew": "andrei", "andrey": "andrei", "basil": "vasily", "catherine": "yekaterina", "helen": "yelena",
    "george": "georgy", "eugene": "yevgeny", "anatole": "anatoly", "sergey": "sergei", "dimitri": "dmitry",
    "dmitri": "dmitry", "dmitriy": "dmitry", "alexei": "aleksei", "alexey": "aleksei", "mathias": "matvei",
}
# Initial sounds romanised in several ways: Yekaterina/Ekaterina, Yakov/Iakov, Yuri/Iurii.
_INITIAL_SOUNDS = [(("ye", "yo", "e"), "e"), (("ya", "ia", "ja"), "ya"), (("yu", "iu", "ju"), "yu")]
DOMINANT = 2  # a named person this many times as frequent as namesakes takes the bare surname
_INITIAL = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]?\.?$")


class _Groups:
    """Union-find over cluster labels."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, label: str) -> str:
        self.parent.setdefault(label, label)
        while self.parent[label] != label:
            self.parent[label] = self.parent[self.parent[label]]
            label = self.parent[label]
        return label

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(
    mentions: Sequence[MentionRecord], aliases: Iterable[AliasRecord] = (), corrections: Iterable[Correction] = ()
) -> list[Entity]:
    """The entities the mentions stand for, biggest first."""
    return resolve_counted(mentions, {}, aliases, corrections)


def resolve_counted(
    mentions: Sequence[MentionRecord],
    counts: Mapping[int, int],
    aliases: Iterable[AliasRecord] = (),
    corrections: Iterable[Correction] = (),
    kinds: Mapping[str, str] | None = None,
) -> list[Entity]:
    """`resolve` where a record may stand for `counts[id]` mentions of one name in one document
    with one type and the same cues (its id the smallest of theirs): the same entities, each
    listing the ids of its records. Many mentions are read and weighed as a few. `kinds`: what
    `name_kinds` gives for the same mentions, when the caller has it already."""
    types = {_form(name): kind for name, kind in kinds.items()} if kinds is not None else _corpus_types(mentions, counts)
    labels = {m.id: _label(m, types[_form(m.normal)]) for m in mentions}
    labels = _attach_bare_surnames(mentions, counts, labels)
    groups = _Groups()
    for label in labels.values():
        groups.find(label)
    _join_aliases(aliases, mentions, labels, groups)
    splits: dict[str, str] = {}
    retypes: dict[str, str] = {}
    ids = [m.id for m in mentions]
    by_key: dict[str, list[int]] | None = None
    for correction in corrections:
        by_key = by_key if by_key is not None else _by_key(mentions)
        _apply(correction, ids, by_key, labels, groups, splits, retypes)
    return _entities(mentions, counts, labels, groups, types, splits, retypes)


def name_kinds(mentions: Sequence[MentionRecord], counts: Mapping[int, int]) -> dict[str, str]:
    """The type resolution gives each mentioned name (voted over all the mentions of its form)."""
    types = _corpus_types(mentions, counts)
    return {m.normal: types[_form(m.normal)] for m in mentions}


def name_key_set(normal: str) -> frozenset[str]:
    """The keys by which resolution and corrections compare a name: its spelling keys and itself."""
    return _keys(normal)


def slug(name: str) -> str:
    """The id an entity of this name gets when no other entity has it (see `_slug`)."""
    return _slug(name)


@lru_cache(maxsize=65536)
def _keys(normal: str) -> frozenset[str]:
    """The name's spelling keys and itself, with the key of the place or organisation it is an
    established equivalent of (Москва and Moscow share "=moscow")."""
    return with_equivalent(normal, name_keys(normal) | {normal.lower()})


@lru_cache(maxsize=65536)
def _form(normal: str) -> str:
    """One key for all spellings of a whole name: its equivalence key if it has one, else the
    smallest of its keys (enough to compare)."""
    return equivalence_key(normal) or min(_keys(normal))


def _corpus_types(mentions: Sequence[MentionRecord], counts: Mapping[int, int]) -> dict[str, str]:
    """Each name's type, voted by the cues of all its mentions (the mentions' own types where
    no mention carries a cue)."""
    pooled: dict[str, Counter[str]] = defaultdict(Counter)
    stated: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        form = _form(m.normal)
        n = counts.get(m.id, 1)
        for cue in m.evidence:
            pooled[form][cue] += n
        stated[form][m.type] += n
    return {
        form: type_from_cues(pooled[form]) if pooled[form] else votes.most_common(1)[0][0]
        for form, votes in stated.items()
    }


def _given(normal: str) -> str | None:
    """The given-name key of a person's name ("i" for Iosif, Joseph and "I. V."), if it has one.
    Only the initial is compared, since the sources often give no more."""
    tokens = normal.replace(".", ". ").split()
    while len(tokens) > 1 and (tokens[0].strip(".") in TITLE_WORDS or tokens[0].rstrip("s") in TITLE_WORDS):
        tokens = tokens[1:]  # "Comrades Mdivani", "Marshal Tukhachevsky": a title is no given name
    if len(tokens) < 2:
        return None
    first = iuliia.WIKIPEDIA.translate(tokens[0].strip(".")).lower()
    first = _GIVEN_EQUIVALENTS.get(first, first)
    for prefixes, initial in _INITIAL_SOUNDS:
        if first.startswith(prefixes):
            return initial
    return first[:1] or None


def _label(m: MentionRecord, kind: str) -> str:
    return _name_label(m.normal, kind)


@lru_cache(maxsize=65536)
def _name_label(normal: str, kind: str) -> str:
    if kind != "person":
        return f"{kind}:{_form(normal)}"
    given = _given(normal)
    return f"person:{surname_key(normal)}:{given or ''}"


def _attach_bare_surnames(
    mentions: Sequence[MentionRecord], counts: Mapping[int, int], labels: dict[int, str]
) -> dict[int, str]:
    """A bare surname takes the given name of the person of that surname its document (else the
    corpus) names in full — the only one, or one named at least DOMINANT times as often as all
    the others together (Stalin beside his sons Yakov and Vasily); otherwise it stays apart,
    marked ambiguous."""
    in_doc: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    in_corpus: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        label = labels[m.id]
        if label.startswith("person:") and not label.endswith(":"):
            surname = label.split(":")[1]
            in_doc[(m.document, surname)][label] += counts.get(m.id, 1)
            in_corpus[surname][label] += counts.get(m.id, 1)
    out = dict(labels)
    chosen: dict[tuple[int, str], str | None] = {}  # the same for every bare surname of a document
    for m in mentions:
        label = labels[m.id]
        if not (label.startswith("person:") and label.endswith(":")):
            continue
        surname = label.split(":")[1]
        if (m.document, surname) not in chosen:
            chosen[(m.document, surname)] = _attached(in_doc.get((m.document, surname)), in_corpus, surname)
        attached = chosen[(m.document, surname)]
        if attached is not None:
            out[m.id] = attached
    return out


def _attached(in_doc: Counter[str] | None, in_corpus: dict[str, Counter[str]], surname: str) -> str | None:
    """The label a bare surname takes given its document's and the corpus's full names of it."""
    candidates = in_doc or in_corpus.get(surname, Counter())
    if not candidates:
        return None
    # Weigh a document's candidates by the whole corpus's evidence too.
    weighed = Counter({c: n + in_corpus[surname][c] for c, n in candidates.items()})
    (best, n), *rest = weighed.most_common()
    return best if n >= DOMINANT * sum(k for _, k in rest) else f"person:{surname}:?"


def _join_aliases(
    aliases: Iterable[AliasRecord], mentions: Sequence[MentionRecord], labels: dict[int, str], groups: _Groups
) -> None:
    """Join each declared alias to its person: the labels of the two names as that document gives
    them. A full name with another surname ("Soso Buachidze" beside the alias "Soso") has a label
    of its own and never joins. An alias that is one bare word takes the label of the fuller name
    it was attached to; it joins only if that name's given name agrees with the person's (the
    man "known as Stalin" is I. V. Stalin), not when it is someone else's ("Dzhugashvili" attached
    to his father Vissarion)."""
    by_document: dict[tuple[int, str], str] = {}
    for m in mentions:
        by_document.setdefault((m.document, _form(m.normal)), labels[m.id])
    for alias in aliases:
        a = by_document.get((alias.document, _form(alias.name)))
        b = by_document.get((alias.document, _form(alias.alias)))
        if a is None or b is None or a.split(":")[0] != b.split(":")[0] or a.endswith(":?") or b.endswith(":?"):
            continue
        if b.startswith("person:") and _given(alias.alias) is None and b.split(":")[2] not in ("", a.split(":")[2]):
            continue  # a bare word its document gives to someone of another given name
        groups.union(a, b)


def _by_key(mentions: Sequence[MentionRecord]) -> dict[str, list[int]]:
    """The mentions' places in their sequence, by each of their names' keys."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for key in _keys(m.normal):
            index[key].append(i)
    return index


def _apply(
    correction: Correction,
    ids: list[int],
    by_key: dict[str, list[int]],
    labels: dict[int, str],
    groups: _Groups,
    splits: dict[str, str],
    retypes: dict[str, str],
) -> None:
    """Apply one correction. Corrections name entities by their names (any alias, any spelling),
    so they hold across re-ingests, when entity ids may change. Mentions are found by key."""
    wanted = [_keys(n) for n in correction.names]

    def matching(keys: frozenset[str]) -> list[int]:
        return [ids[i] for i in sorted({i for key in keys for i in by_key.get(key, ())})]

    if correction.kind == "merge":
        roots = [groups.find(labels[found[0]]) for keys in wanted if (found := matching(keys))]
        for other in roots[1:]:
            groups.union(roots[0], other)
    elif correction.kind == "split" and len(wanted) == 2:
        for mention_id in matching(wanted[1]):
            new = f"split:{correction.names[1].lower()}"
            labels[mention_id] = new
            groups.find(new)
            splits[new] = correction.names[1]
    elif correction.kind == "retype" and correction.type:
        for mention_id in matching(wanted[0]):
            retypes[groups.find(labels[mention_id])] = correction.type


def _entities(
    mentions: Sequence[MentionRecord],
    counts: Mapping[int, int],
    labels: dict[int, str],
    groups: _Groups,
    types: dict[str, str],
    splits: dict[str, str],
    retypes: dict[str, str],
) -> list[Entity]:
    clusters: dict[str, list[MentionRecord]] = defaultdict(list)
    for m in mentions:
        clusters[groups.find(labels[m.id])].append(m)
    out: list[Entity] = []
    taken: Counter[str] = Counter()
    sizes = {root: sum(counts.get(m.id, 1) for m in members) for root, members in clusters.items()}
    for root, members in sorted(clusters.items(), key=lambda kv: (-sizes[kv[0]], kv[0])):
        names: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for m in members:
            names[m.normal] += counts.get(m.id, 1)
            kinds[types[_form(m.normal)]] += counts.get(m.id, 1)
        kind = retypes.get(root) or kinds.most_common(1)[0][0]
        name = splits.get(root) or _canonical(names)
        slug = _slug(name)
        taken[slug] += 1
        entity = Entity(
            id=slug if taken[slug] == 1 else f"{slug}-{taken[slug]}",
            name=name,
            type=kind,
            mentions=[m.id for m in members],
            names=names,
            documents={m.document for m in members},
        )
        if root.endswith(":?"):
            entity.note = "ambiguous: a bare surname shared by several people; kept apart"
        out.append(entity)
    return out


def _canonical(names: Counter[str]) -> str:
    """The fullest well-attested form: of the most mentioned surname, the form with the most
    spelt-out words (not initials), then the most mentions, then the longest."""
    by_surname: Counter[str] = Counter()
    for name, n in names.items():
        by_surname[surname_key(name)] += n
    surname = by_surname.most_common(1)[0][0]
    forms = [(name, n) for name, n in names.items() if surname_key(name) == surname] or list(names.items())
    # In the script most mentions use (an English corpus names Yezhov, not Ежов, first).
    latin = sum(n for name, n in forms if _is_latin(name))
    forms = [f for f in forms if _is_latin(f[0]) == (latin * 2 >= sum(n for _, n in forms))] or forms

    def fullness(form: tuple[str, int]) -> tuple[int, int, int, str]:
        words = [w for w in form[0].replace(".", ". ").split() if not _INITIAL.match(w)]
        return (min(len(words), 2), form[1], len(form[0]), form[0])

    return max(forms, key=fullness)[0]


def _is_latin(name: str) -> bool:
    return not any("\u0400" <= c <= "\u04ff" for c in name)


def _slug(name: str) -> str:
    """An id for URLs and commands: the name romanised, in lower-case ASCII words joined by '-'."""
    latin = unicodedata.normalize("NFKD", iuliia.WIKIPEDIA.translate(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-") or "entity"
