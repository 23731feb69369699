"""Answers quoted from the sources: the sentences that best answer a question, verbatim, cited.

A question is read as its type (who, when, where, how many, why, what) and its terms: the names in
it (each the entity it stands for, with all its names), its numbers, and its other words (stemmed;
a verb widened to the words that answer it: "shot" also finds "executed", "headed" also "led").
Each term weighs by its rarity. Candidate passages come from full-text searches for all the terms
together, then all but one, then each alone (one word the sources put otherwise must not lose the
answer), and from documents titled after a name of the question (they say "he" for it); the pool
is ranked by a BM25 of the question's terms and the best passages' sentences are scored: how much
of the question's weight a sentence covers (a name it does not repeat counts in part when "he"
follows it, when its passage or its document's title gives it), whether it says the question's
verb, whether it holds an answer of the wanted type (a resolved date, a figure, a place or person
other than those asked about, a reason), how precise that answer is, and how closely it is tied to
the question's terms rather than to another person. Nothing is paraphrased; a sentence covering
less than half the question is no answer, and where none answers, the answer list is empty."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Any

from chronika.query.finding import Expansion, cyrillic
from chronika.query.ranking import tokens
from chronika.records.expression import Leaf, Query, all_of, any_of
from chronika.records.search import Hit
from chronika.store import Store

CANDIDATES = 50  # passages whose sentences are scored, the best of the pool
POOL = 400  # passages found, after which no further search is made
SEARCH_CAP = 500  # a search matching more passages than this is too broad to take
DF_CAP = 5000  # passage counts are taken up to this (rarer terms weigh more)
MIN_COVERAGE = 0.5  # share of the question's weight a sentence must cover to answer it
UNSAID_COVERAGE = 0.8  # share a sentence not saying the question's verb (died, signed ...) must cover
UNSAID_PENALTY = 1.0  # taken from such a sentence's score (4 x its coverage, plus its answer's)
TITLED = 5  # documents titled after a name of the question, searched for its other words
TITLED_PASSAGES = 3  # of each one's passages, the best scored besides the CANDIDATES
_TYPES = [
    ("how many", r"how\s+(many|much)|what\s+(number|share|percentage|proportion|fraction)|сколько"),
    ("when", r"when|in\s+(what|which)\s+year|(what|which)\s+year|on\s+what\s+(day|date)|what\s+date|когда"
             r"|в\s+каком\s+году"),
    ("where", r"where|in\s+(what|which)\s+(city|town|place|country|region|village)|где|куда|откуда"),
    ("who", r"who|whom|whose|кто|кого|кому|кем"),
    ("why", r"why|for\s+what\s+reason|почему|зачем"),
]
# Words that say why, and how surely.
_REASONS = [
    (re.compile(r"\b(because|due to|owing to|for (this|that|the) reason|the reasons?\b|in order to|so as to|so that"
                r"|for fear|for lack of|as a result|explained why|explains why|caused by|motive"
                r"|потому что|из-за|поэтому|чтобы)", re.I), 1.0),
    (re.compile(r"\b(drives?|driven|drove|to hide|to ensure|aimed at|led to|given that|thus|therefore|hence|pretext"
                r"|since (?![\d]|then|the (early|late|mid|end|beginning)))", re.I), 0.7),
]
# Word families: a question's word (as asked; a Russian one by its start) and the stems of the words
# that answer it. A family marked True is the question's predicate: an answer must say it (or the
# sentence beside it must).
_FAMILIES: list[tuple[str, str, bool]] = [  # (asked, answering, predicate)
    ("die dies died dying death dead", "die died dies death dead perish killed shot executed execution murder assassin suicid"
     " умер смерт погиб расстрел казн", True),
    ("shot shoot shooting execute executed execution", "shot shoot executed execution firing kill murder расстрел казн", True),
    ("kill kills killed killing killings murder murdered murders assassinate assassinated assassination",
     "kill murder assassin shot slain executed execution massacr убит убий", True),
    ("born birth", "born birth родил", True),
    ("arrest arrested arrests", "arrest seized detain арест", True),
    ("head heads headed lead leads led chair chairs chaired preside presides presided direct directed",
     "head led lead chief chair presid direct руковод возглав", True),
    ("replace replaced succeed succeeded", "replac succeed вместо", True),
    ("sign signed", "sign подпис", True),
    ("write wrote written", "wrote write written writing author letter", True),
    ("appoint appointed become became", "appoint became become elected made назнач стал", True),
    ("sentence sentenced condemn condemned", "sentenc condemn приговор", True),
    ("rehabilitate rehabilitated exonerate exonerated", "rehabilit cleared exonerat реабилит", True),
    ("meet met", "met meet acquaint встреч", True),
    ("begin began start started open opened", "began begin start open", True),
    ("call called name named", "call named name known describ прозва", True),
    ("publish published issue issued adopt adopted pass passed", "publish issu adopt pass statement released", True),
    ("visit visited", "visit trip travel arriv", True),
    ("crash crashed", "crash accident", True),
    ("say said speak spoke", "said say speak spoke speech told", True),
    ("admit admitted acknowledge acknowledged", "admit acknowledg recogni", True),
    ("flee fled escape escaped", "flee fled escap", True),
    ("exile exiled deport deported", "exile deport banish ссыл", True),
]
_STOP = set(
    "a an the of in on at to for from by with and or not is are was were be been being do does did has have had "
    "what which who whom whose when where why how many much that this these those it its his her their there "
    "as into about after before during since than then so such any all some most more other "
    "за из от до по при для без над под через как что кто где когда почему зачем сколько ли же это этот эта "
    "был была было были быть его её их он она они в во на и с со к ко о об у".split()
)
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NONWORD = re.compile(r"\W")
_CYRILLIC_WORD = re.compile(r"[а-яё]+")
_PRONOUN = re.compile(r"(?<!\w)(he|him|his|she|her|он|его|ему|им|она|её|ее|ей)(?!\w)")
_LOCATIVE = re.compile(
    r"\b(?:in|at|on|into|to|near|inside)\s+((?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:hospital|prison|camp|camps|street|square|hall|house|home|village|town|city|region|district|province|area"
    r"|dacha|monastery|cemetery|church|tower|station|building|office|apartment|island|colony|zone|zones|embassy))\b"
)
_PRECISION = {"day": 1.0, "month": 0.85, "season": 0.75, "year": 0.7, "decade": 0.4, "century": 0.3}


@dataclass(frozen=True)
class Answer:
    text: str
    score: float
    citation: dict[str, Any]
    evidence: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "score": round(self.score, 3), "citation": self.citation,
                "evidence": list(self.evidence)}


@dataclass(frozen=True)
class _Term:
    """One thing the question asks about: a name (an entity, with its forms), a word (with the
    stems of the words that answer it) or a number."""

    label: str
    match: Query  # the expression that finds it
    pattern: re.Pattern[str]  # finds it in a lower-case sentence
    entity: str | None = None
    predicate: bool = False  # the question's verb: an answer must say it
    weight: float = 1.0
    searchable: bool = True  # some passage holds it
    keys: tuple[str, ...] = ()  # how it shows in a text lower-cased, its non-word characters spaced


def _keys(forms: list[str], whole: bool) -> tuple[str, ...]:
    """Substrings that show a term in " " + text with non-word characters made spaces (counted
    with str.count, far cheaper than a regular expression): " stalin " for a name, " execut" for
    a word's stem."""
    return tuple(" " + _NONWORD.sub(" ", f.lower()) + (" " if whole else "") for f in forms)


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    presence: list[float]  # per term: 1 the sentence names it, less when only its surroundings do
    places: list[int]  # where the question's terms stand in it (document offsets)
    subjects: list[int]  # where it names the question's names
    predicates: list[int]  # where it says the question's verb


def question_type(question: str) -> str:
    """who, when, where, how many, why, or what (any other question: "what", "which", "how")."""
    for kind, words in _TYPES:
        if re.match(r"\s*(" + words + r")\b", question, re.I):
            return kind
    return "what"


def ask(store: Store, question: str, limit: int = 5) -> dict[str, Any]:
    """`ask --json`: the best answer sentences, verbatim with citations, best first."""
    kind = question_type(question)
    expansions = _names(store, question)
    terms = _weighed(store, _terms(question, expansions))
    given = set(re.findall(r"\d+", question))
    scored: dict[tuple[str, int], Answer] = {}
    for hit in _candidates(store, terms):
        for found in _answers(store, hit, kind, terms, given):
            scored[(found.citation["document"], found.citation["start"])] = found
    best = sorted(scored.values(), key=lambda a: (-a.score, a.citation["document"], a.citation["start"]))[:limit]
    return {
        "question": question,
        "type": kind,
        "answers": [a.to_json() for a in best],
        "expansions": [e.to_json() for e in expansions],
        "note": None if best else "No sentence in the sources answers this question.",
    }


# -- reading the question ------------------------------------------------------------------------


def _names(store: Store, question: str) -> list[Expansion]:
    """The names in a question, each the longest run of words (at most four) that names entities:
    one entity's (with all the names the sources give it) or several's (ambiguous, not expanded).
    As `finding.expand` reads a query, but with an entity's forms from its names (`entity_names`),
    a Russian form standing for its inflections, instead of every distinct mention's text: that
    takes a scan of all the entity's mentions, tens of milliseconds for a much-named one in a
    large store."""
    words = _WORD.findall(question)
    found: list[Expansion] = []
    i = 0
    while i < len(words):
        for size in range(min(4, len(words) - i), 0, -1):
            run = words[i : i + size]
            if run[0].lower() in _STOP or run[-1].lower() in _STOP or run[0].isdigit():
                continue
            term = " ".join(run)
            ids = store.find_entities(term)
            if len(ids) == 1:
                forms = {term} | {r["name"] for r in store.entity_names(ids[0])}
                found.append(Expansion(term, ids[0], tuple(sorted(forms, key=lambda f: (len(f), f)))))
                i += size
                break
            if len(ids) > 1 and size == 1:
                names = store.entity_names_by_id()
                found.append(Expansion(term, None, (), tuple(f"{names.get(e, e)} ({e})" for e in ids)))
        else:
            i += 1
    return found


def _stem(word: str) -> str:
    """A word's start that its other forms share ("killings" -> "kill", "арестован" -> "арестов")."""
    word = re.sub(r"['’]s$", "", word.lower())
    if re.search(r"[а-яё]", word):
        return word[: max(4, len(word) - 2)]
    for suffix in ("ations", "ation", "tion", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("t" if suffix == "tion" else "")
    return word


def _family(word: str) -> tuple[tuple[str, ...], bool]:
    """The stems that answer a question's word (its own, and its families'), and whether it is a
    predicate the answer must say."""
    stems = {_stem(word)}
    lower = word.lower()
    predicate = False
    for asked, answering, verb in _FAMILIES:
        members = answering.split()
        cyrillic = [m for m in members if re.match(r"[а-яё]", m)]
        if lower in asked.split() or any(lower.startswith(m) for m in cyrillic):
            stems.update(members)
            predicate = predicate or verb
    return tuple(sorted(stems)), predicate


def _terms(question: str, expansions: list[Expansion]) -> list[_Term]:
    terms = []
    for e in expansions:
        if e.entity and e.forms:
            forms = _shortest({f.lower() for f in e.forms})
            inflected = [f for f in forms if _CYRILLIC_WORD.fullmatch(f)]  # "ежов": "ежова", "ежовым"
            plain = [f for f in forms if f not in inflected]
            pattern = re.compile(r"(?<!\w)(?:" + "|".join([re.escape(f) + "[а-яё]{0,3}" for f in inflected]
                                                         + [re.escape(f) for f in plain]) + r")(?!\w)")
            match = any_of([_phrase(f, True) for f in inflected] + [_phrase(f, cyrillic(f)) for f in plain])
            terms.append(_Term(e.term, match, pattern, entity=e.entity,
                               keys=_keys(plain, True) + _keys(inflected, False)))
    named = {w.lower() for t in terms for w in _WORD.findall(t.label)}
    seen: set[str] = set()
    for word in _WORD.findall(question):
        lower = word.lower()
        if lower in _STOP or lower in named or lower in seen:
            continue
        seen.add(lower)
        if lower.isdigit():
            if len(lower) >= 3:  # a year, an order's number: not "7" of "April 7"
                number = re.compile(r"(?<!\d)" + lower + r"(?!\d)")
                terms.append(_Term(word, _phrase(lower), number, keys=_keys([lower], True)))
            continue
        if len(lower) < 3:
            continue
        stems, predicate = _family(word)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")")
        terms.append(_Term(word, any_of([_phrase(s, True) for s in stems]), pattern, predicate=predicate,
                           keys=_keys(list(stems), False)))
    return terms


def _phrase(form: str, prefix: bool = False) -> Leaf:
    """A form as the index holds it: its tokens as a phrase, the last one a prefix if asked."""
    return Leaf(tuple(tokens(form)), prefix)


def _shortest(forms: set[str]) -> list[str]:
    """The forms that hold no other form: a passage naming "N. I. Yezhov" names "Yezhov", and the
    phrase "n i yezhov" costs FTS5 the doclists of "n" and "i"."""
    words = {f: tuple(_WORD.findall(f)) for f in forms}

    def holds(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return 0 < len(b) < len(a) and any(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))

    kept = [f for f in forms if words[f] and not any(holds(words[f], words[g]) for g in forms)]
    return sorted(kept, key=len, reverse=True)


def _weighed(store: Store, terms: list[_Term]) -> list[_Term]:
    """Each term weighted by its rarity (inverse passage frequency, counted up to DF_CAP). A term
    no passage holds weighs most: it cannot be searched for, and no sentence covers it."""
    if not terms:
        return []
    total = max(1, store.last_passage_id())
    weighed = []
    for term in terms:
        df = store.count_matching(term.match, DF_CAP)
        weighed.append(_Term(term.label, term.match, term.pattern, term.entity, term.predicate,
                             math.log(1 + total / max(df, 1)), df > 0, term.keys))
    return sorted(weighed, key=lambda t: -t.weight)


# -- finding candidate passages ------------------------------------------------------------------


def _candidates(store: Store, terms: list[_Term]) -> list[Hit]:
    """Passages holding the question's terms: those holding all of them, then all but one (the
    least weighty left out first), then each alone, and the passages of documents titled after a
    name of the question that hold its other words. A search matching more than SEARCH_CAP passages
    is passed over while narrower ones find some. The pool is ranked by how much of the question
    each passage holds, weighted (a BM25 of the question's terms as ask weighs them), and the best
    CANDIDATES kept. FTS5's own ranking is not used: it reads every match's positions (on 100k
    passages a six-word AND matching ten of them took 67 ms ranked, 27 ms unranked)."""
    usable = [t for t in terms if t.searchable]
    if not usable:
        return []
    searches: list[list[_Term]] = [usable]
    if len(usable) > 2:
        searches += [usable[:i] + usable[i + 1 :] for i in range(len(usable) - 1, -1, -1)]
    if len(usable) > 1:
        searches += [[t] for t in usable]
    pool: dict[int, None] = {}
    broad: Query | None = None
    for group in searches:
        match = all_of([t.match for t in group])
        found = store.passages_matching(match, SEARCH_CAP + 1)
        if len(found) > SEARCH_CAP:
            broad = broad or match
            continue
        pool.update(dict.fromkeys(found))
        if len(pool) >= POOL:
            break
    words = [t for t in usable if not t.entity]
    titled: list[Hit] = []
    for doc in _titled(store, [t for t in usable if t.entity]) if words else []:
        found = store.best_passages(any_of([t.match for t in words]), 4 * TITLED_PASSAGES, doc)
        titled += _ranked(store, found, terms)[:TITLED_PASSAGES]
    if not pool and not titled and broad is not None:
        pool.update(dict.fromkeys(store.best_passages(broad, CANDIDATES)))
    best = _ranked(store, list(pool), terms)[:CANDIDATES]
    kept = {(h.document, h.passage) for h in best}
    return best + [h for h in titled if (h.document, h.passage) not in kept]


def _titled(store: Store, names: list[_Term]) -> list[int]:
    """Documents whose title names one of the question's names: they speak of it by "he" and "it"
    too, so their passages are searched for the question's other words alone."""
    if not names:
        return []
    found = []
    for doc, title in store.document_titles():
        if any(t.pattern.search(title.lower()) for t in names):
            found.append(doc)
    return found[:TITLED]


def _ranked(store: Store, rowids: list[int], terms: list[_Term]) -> list[Hit]:
    """The passages, best first by a BM25 of the question's terms (weights as ask gives them)."""
    hits = []
    for i in range(0, len(rowids), 500):
        for hit in store.passage_hits(dict.fromkeys(rowids[i : i + 500], 0.0)).values():
            spaced = " " + _NONWORD.sub(" ", hit.text.lower()) + " "
            norm = 1.2 * (0.25 + 0.75 * len(spaced) / 600)
            score = 0.0
            for term in terms:
                f = sum(spaced.count(key) for key in term.keys)
                score += term.weight * f * 2.2 / (f + norm)
            hits.append(replace(hit, score=round(score, 4)))
    return sorted(hits, key=lambda h: (-h.score, h.document, h.passage))


# -- scoring sentences ---------------------------------------------------------------------------


def _answers(store: Store, hit: Hit, kind: str, terms: list[_Term], given: set[str]) -> list[Answer]:
    """The sentences of a passage that answer the question, scored."""
    doc = int(hit.document[1:])
    low, high = hit.start, hit.end
    names = store.names_in_span(doc, low, high)
    asked = {t.entity for t in terms if t.entity is not None}
    rivals = [m[0] for m in names if m[3] == "person" and m[2] not in asked]
    wanted = _wanted(store, doc, low, high, kind, terms, names, asked, given)
    if kind == "where":  # a place no name gives: "in a French hospital", "on Voinov Street"
        wanted += [(low + m.start(1), low + m.end(1), 0.6, f"place: {m.group(1)}")
                   for m in _LOCATIVE.finditer(hit.text)]
    sentences = _sentences(store, hit, doc, terms, names)
    found: list[Answer] = []
    for i, sentence in enumerate(sentences):
        beside = [sentences[j] for j in (i - 1, i + 1) if 0 <= j < len(sentences)]
        scored = _score(sentence, beside, kind, terms, wanted, rivals)
        if scored is not None:
            score, evidence = scored
            found.append(Answer(sentence.text, score, _cite(hit, doc, sentence), tuple(evidence)))
    return found


def _sentences(store: Store, hit: Hit, doc: int, terms: list[_Term], names: list[Any]) -> list[_Sentence]:
    """The passage's sentences, with where each names the question's terms."""
    passage, title = hit.text.lower(), hit.title.lower()
    named = {m[2] for m in names}
    # What a sentence that does not name a term still has of it: a name its passage gives ("he",
    # "the commissar" may stand for it) or its document's title (the document is about it); a
    # word of its passage or title (what the sentence is about).
    around = [
        (0.6 if t.entity in named or t.pattern.search(passage) else 0.5 if t.pattern.search(title) else 0.0)
        if t.entity else (0.35 if t.pattern.search(passage) or t.pattern.search(title) else 0.0)
        for t in terms
    ]
    out: list[_Sentence] = []
    for start, end in store.passage_sentences(doc, hit.passage):
        text = hit.text[start - hit.start : end - hit.start]
        lower = text.lower()
        presence, places, subjects, predicates = [], [], [], []
        for term, context in zip(terms, around):
            at = [start + m.start() for m in term.pattern.finditer(lower)]
            if term.entity:
                # "Stalin" in "the Stalin Prize" is another entity's name
                at = [a for a in at if not any(m[0] <= a < m[1] and m[2] != term.entity for m in names)]
                at += [m[0] for m in names if m[2] == term.entity and start <= m[0] < end]
                subjects += at
            elif term.predicate:
                predicates += at
            presence.append(1.0 if at else context)
            places += at
        if out and _PRONOUN.search(lower):
            # "He was arrested ...": a pronoun stands for a name the sentence before gives.
            presence = [0.85 if t.entity and p < 0.85 and out[-1].presence[i] >= 1.0 else p
                        for i, (t, p) in enumerate(zip(terms, presence))]
        out.append(_Sentence(start, end, text, presence, places, subjects, predicates))
    return out


def _wanted(
    store: Store, doc: int, low: int, high: int, kind: str, terms: list[_Term], names: list[Any], asked: set[str],
    given: set[str],
) -> list[tuple[int, int, float, str]]:
    """The passage's answers of the wanted type: (start, end, quality, description)."""
    wanted: list[tuple[int, int, float, str]] = []
    if kind == "when":
        for start, end, text, precision, inferred in store.dates_in_span(doc, low, high):
            digits = set(re.findall(r"\d+", text))
            if digits and digits <= given:
                continue  # the date the question itself gives
            quality = _PRECISION.get(precision, 0.5) * (0.6 if inferred else 1.0)  # "three days later"
            wanted.append((start, end, quality, f"date: {text}"))
    elif kind == "how many":
        for start, end, text, counted in store.figures_in_span(doc, low, high):
            if set(re.findall(r"\d+", text)) & given:
                continue
            about = (counted or "").lower()
            tied = any(t.pattern.search(about) for t in terms if not t.entity)
            wanted.append((start, end, 1.0 if tied else 0.8, f"figure: {text}"))
    elif kind == "who":
        wanted = [(m[0], m[1], 1.0, f"person: {m[2]}") for m in names if m[3] == "person" and m[2] not in asked]
    elif kind == "where":
        kinds = {"place": 1.0, "org": 0.6}
        wanted = [(m[0], m[1], kinds[m[3]], f"{m[3]}: {m[2]}") for m in names if m[3] in kinds and m[2] not in asked]
    return wanted


def _score(
    sentence: _Sentence, beside: list[_Sentence], kind: str, terms: list[_Term],
    wanted: list[tuple[int, int, float, str]], rivals: list[int],
) -> tuple[float, list[str]] | None:
    """The sentence's score and evidence, or None if it does not answer the question."""
    total = sum(t.weight for t in terms) or 1.0
    presence = [max([p] + [0.5 * b.presence[i] for b in beside]) for i, p in enumerate(sentence.presence)]
    unsaid = any(t.predicate for t in terms) and not any(p >= 0.5 for t, p in zip(terms, presence) if t.predicate)
    coverage = sum(t.weight * p for t, p in zip(terms, presence)) / total
    evidence = []
    words = [t.label for t, p in zip(terms, sentence.presence) if p >= 1.0]
    if words:
        evidence.append("words: " + ", ".join(words))
    around = [t.label for t, p, own in zip(terms, presence, sentence.presence) if 0 < p and own < 1.0]
    if around:
        evidence.append("named around it: " + ", ".join(around))
    answer: tuple[int, int, float, str] | None = None
    own = [r for r in rivals if sentence.start <= r < sentence.end]
    if kind == "why":
        for pattern, quality in _REASONS:
            cue = pattern.search(sentence.text)
            if cue:
                answer = (sentence.start + cue.start(), sentence.start + cue.end(), quality, f"reason: {cue.group(0)}")
                break
    elif kind != "what":
        inside = [w for w in wanted if w[0] >= sentence.start and w[1] <= sentence.end]
        if inside:
            answer = max(inside, key=lambda w: _tied(w, sentence, own, kind))
    # A reason no word marks ("In a road accident he injured ...") still answers "why": a cue only
    # adds to the score. Other types need an answer of their type in the sentence.
    if coverage < MIN_COVERAGE or (kind not in ("what", "why") and answer is None):
        return None
    if unsaid and coverage < UNSAID_COVERAGE:
        return None  # it does not say what the question asks about (died, signed, headed ...)
    score = 4.0 * coverage - (UNSAID_PENALTY if unsaid else 0.0)
    if answer is not None:
        score += _tied(answer, sentence, own, kind)
        evidence.append(answer[3])
        verb = sentence.predicates
        if kind != "who" and sentence.subjects and _distance(verb, own) < _distance(verb, sentence.subjects):
            score -= 0.5  # the verb belongs to someone else: "When Lenin died in 1924, Stalin ..."
    length = len(_WORD.findall(sentence.text))
    return score / (1.0 + max(0, length - 40) / 80), evidence


def _tied(answer: tuple[int, int, float, str], sentence: _Sentence, rivals: list[int], kind: str) -> float:
    """How good an answer is and how closely it is tied to the question's terms: a date or figure
    standing nearer another person than the question's names is likely to be about that person."""
    value = 2.0 * answer[2] + _near(answer, sentence.predicates or sentence.places)
    others = [r for r in rivals if not answer[0] <= r < answer[1]]
    span = [answer[0], answer[1]]
    if kind in ("when", "how many") and others and _distance(span, others) < _distance(span, sentence.subjects):
        value -= 0.75
    return value


def _distance(a: list[int], b: list[int]) -> float:
    return min((abs(x - y) for x in a for y in b), default=math.inf)


def _near(answer: tuple[int, int, float, str], places: list[int]) -> float:
    """1 when the answer stands beside the question's terms, falling off with the distance."""
    if not places:
        return 0.0
    distance = min(0 if answer[0] <= p < answer[1] else min(abs(p - answer[0]), abs(p - answer[1])) for p in places)
    return 1.0 / (1.0 + distance / 40)


def _cite(hit: Hit, doc: int, sentence: _Sentence) -> dict[str, Any]:
    cited: dict[str, Any] = {
        "document": f"d{doc}", "title": hit.title, "source": hit.source, "passage": hit.passage,
        "start": sentence.start, "end": sentence.end, "quote": sentence.text,
    }
    if hit.page is not None:
        cited["page"] = hit.page
    return cited
