"""Names of people, places and organisations in a document's passages, with the cues behind each type.

spaCy's small English model finds most names but, on Soviet history, types them badly (Bukharin a
place, Kolyma a person), breaks Russian initials into fragments ("Ye", "Ya") and misses names in
OCR'd text; on old English newspapers it calls unknown words organisations. Two spaCy components
repair that after its NER: `chronika_name_candidates` proposes spans (`name_candidates`: spaCy's
entities, initials and patronymics kept with their surname, capitalised words with good evidence)
and `chronika_name_types` collects each span's cues (`name_rules`), votes a type or drops the span.
`name_mentions` then pools the cues of one name across the document so that every mention of a
name gets one type, and finds the document's names where the model missed them.
"""

from __future__ import annotations

import multiprocessing
import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Iterable, Iterator

from chronika.records.mentions import AliasDeclaration, NameMention
if TYPE_CHECKING:
    from spacy.language import Language

from chronika.errors import UsageError
from chronika.extract import name_rules as R
from chronika.extract.name_candidates import overlaps
from chronika.extract.name_cues import is_name_like
from chronika.extract.name_vote import tally, vote
from chronika.extract.segment import sentences

TYPES = ("person", "place", "org")
# A word broken at a line end: "Bukha-\nrin"; OCR often renders the hyphen as "¬".
_LINE_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])|(?<=\w)[¬\u00ad][ \t]*(?:\r?\n[ \t]*)?(?=\w)")
_NEWLINE = re.compile(r"[ \t]*\r?\n[ \t]*")
_SPACE = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")


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


def pipeline() -> Language:
    """spaCy's small English model with Chronika's components, loaded once on first use."""
    from chronika.extract import name_pipeline

    return name_pipeline.pipeline()


def _extract_batch(texts: list[str]) -> list[list[tuple[int, int, list[str]]]]:
    """The typed candidates of each text, as plain data (cheap to send back from a worker)."""
    from chronika.extract.name_pipeline import DATA_KEY

    return [[(s, e, list(ev)) for s, e, _, ev in doc.user_data.get(DATA_KEY, [])] for doc in pipeline().pipe(texts)]


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
    types = {name: vote(tally(cues), cues) for name, cues in pooled.items() if any(tally(cues).values())}
    for name, type_ in list(types.items()):  # a lone surname shares its fuller forms' type ("N. I. Yezhov")
        last = name.rsplit(" ", 1)[-1]
        if last != name and last in pooled and type_ == "person":
            pooled[last]["document:person"] += 1
    scores = {name: tally(cues) for name, cues in pooled.items()}
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
            (s, e, [f"document:{types[name]}"]) for s, e, name in finder.finditer(p.text) if not overlaps(s, e, taken)
        ]
        mentions = []
        for s, e, ev in sorted(spans + extra):
            normal = _normal(p.text[s:e])
            evidence = tuple(dict.fromkeys(ev))
            key = (normal, evidence)
            if key not in voted:
                own = Counter(ev)
                score = {t: v + tally(own)[t] for t, v in scores[normal].items()} if normal in scores else tally(own)
                try:
                    voted[key] = vote(score, pooled.get(normal, own) + own)
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
    score = tally(Counter({c: n for c, n in cues.items() if not c.startswith("spacy")}))
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


def _compiled(cues: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), kind) for p, kind in cues)


_ALIAS_CUES = _compiled(R.ALIAS_CUES)
_ALIAS_CUES_BY_OTHERS = _compiled(R.ALIAS_CUES_BY_OTHERS)
_ALIAS_OF_CUES = _compiled(R.ALIAS_OF_CUES)
# The alias: initials, then capitalised words; a full stop after a word ends it ("Koba. This").
_ALIAS_NAME = re.compile(r"[\"“]?((?:[A-ZА-Я][a-zа-я]?\.\s?)*[A-ZА-Я][\w’'-]*"
                         r"(?:\s+[A-ZА-Я][\w’'-]*){0,3})")
_SUBJECT_GAP = re.compile(r"(?:\s+[a-z]+)*\s+")  # "Lenin often called him": no punctuation between
# A word right before a name that makes it an object ("talking to Stalin", "meeting Stalin"), not
# the start of a subject ("His mother, Keke", "Molotov and Mikoyan").
_OBJECT_OF = re.compile(r"(?<![\w'’-])(?!(?:and|or|nor|but|the|a|an|his|her|their|its|our|my|your)\s)[a-z]+[ \t]+$")
_ALIAS_BEFORE = re.compile(r"[\"”’']?\s*([(,])\s*")  # between an alias and its owner: "Soso (Stalin's"
_CLOSERS = {"(": ")", ",": ",.;)"}


def declared_aliases(text: str, mentions: list[NameMention]) -> list[AliasDeclaration]:
    """Other names the text declares for a person: "born Iosif Dzhugashvili", "née Geladze",
    "(Soso)", "his aliases included Koba", "known as", "pseudonym", "called himself Koba",
    "called him Koba"; the declared-for name is the nearest person mentioned before the cue (at
    most 300 characters back; for "called him", not the caller). And the other way round, the
    alias first: "Soso (Stalin's childhood name)"."""
    people = [m for m in mentions if m.type == "person"]
    found: list[AliasDeclaration] = []
    for cues, by_others in ((_ALIAS_CUES, False), (_ALIAS_CUES_BY_OTHERS, True)):
        for pattern, kind in cues:
            for m in pattern.finditer(text):
                alias = _ALIAS_NAME.match(text, m.end())
                if alias is None:
                    continue
                a_start, a_end = alias.span(1)
                a_end = a_start + len(text[a_start:a_end].rstrip(".’'"))
                owner = [p for p in people
                         if p.end <= m.start() + 1 and m.start() - p.end <= 300 and p.start != a_start]
                if by_others:
                    owner = [p for p in owner if _may_be_called(text, p, m.start())]
                if not owner or text[a_start:a_end] in R.NOT_ALIASES:
                    continue
                if kind == "alias" and m.group().startswith("(") and owner[-1].end < m.start() - 1:
                    continue  # "(Soso)" declares an alias only right after the name
                name = owner[-1]
                found.append(AliasDeclaration(name.start, name.end, a_start, a_end, kind))
    found.extend(_aliases_before_their_owner(text, mentions, people))
    return sorted(set(found), key=lambda d: (d.alias_start, d.name_start))


def _may_be_called(text: str, person: NameMention, cue: int) -> bool:
    """For "called him X": whether the person may be "him" rather than the caller. In the cue's
    own sentence the caller is its subject ("Lenin called him", "His mother, Keke Geladze, called
    him"), so a person there counts only as an object ("in talking to Stalin, they called him")
    or a possessor ("Stalin's comrades called him"); a person in an earlier sentence counts."""
    found = sentences(text, max(0, cue - 300), cue)
    sentence_start = found[-1].start if found else cue
    if person.start < sentence_start or text.startswith(("'s", "’s"), person.end):
        return True
    if _SUBJECT_GAP.fullmatch(text, person.end, cue):
        return False  # "Lenin often called him Koba": Lenin calls, the name is another's
    return bool(_OBJECT_OF.search(text, max(sentence_start, person.start - 30), person.start))


def _aliases_before_their_owner(
    text: str, mentions: list[NameMention], people: list[NameMention]
) -> Iterator[AliasDeclaration]:
    """"Soso (Stalin's childhood name)", "Koba, Stalin's party name,": the name mentioned just
    before the bracket or comma is declared for the person after it."""
    ends = {m.end: m for m in mentions}
    for owner in people:
        for pattern, kind in _ALIAS_OF_CUES:
            cue = pattern.match(text, owner.end)
            if cue is None:
                continue
            closer = text[cue.end() : cue.end() + 1]
            for gap in range(1, 6):  # the bracket or comma and the spaces before the owner
                alias = ends.get(owner.start - gap)
                between = _ALIAS_BEFORE.fullmatch(text, owner.start - gap, owner.start)
                if alias is not None and between is not None and closer and closer in _CLOSERS[between.group(1)]:
                    if alias.text not in R.NOT_ALIASES:
                        yield AliasDeclaration(owner.start, owner.end, alias.start, alias.end, kind)
                    break
