"""Reading a question for `ask`: its type (who, when, where, how many, why, what) and its terms: the
names in it (each the entity it stands for, with all its names), its numbers, and its other words
(stemmed; a verb widened to the words that answer it: "shot" also finds "executed"), each weighed by
its rarity."""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronika.query.finding import Expansion, cyrillic
from chronika.query import inflection
from chronika.query.ranking import smooth_idf
from chronika.records.tokens import tokens
from chronika.records.expression import Leaf, Query, any_of
from chronika.store import Store

DF_CAP = 5000  # passage counts are taken up to this (rarer terms weigh more)
_TYPES = [
    ("how many", r"how\s+(many|much)|what\s+(number|share|percentage|proportion|fraction)|сколько"),
    ("when", r"when|in\s+(what|which)\s+year|(what|which)\s+year|on\s+what\s+(day|date)|what\s+date|когда"
             r"|в\s+каком\s+году"),
    ("where", r"where|in\s+(what|which)\s+(city|town|place|country|region|village)|где|куда|откуда"),
    ("who", r"who|whom|whose|кто|кого|кому|кем"
            # "Which Communist Duma deputy ...", "Какой историк ...": a person asked for by what they are
            r"|(which|what)\s+([\w'’-]+\s+){0,2}?(person|man|woman|deputy|official|leader|historian|writer|poet|"
            r"president|minister|commissar|officer|general|journalist|politician|activist|chairman|director|judge|"
            r"prosecutor|scholar|author|dissident|priest)\b"
            r"|(какой|какая|какие|который|которая)\s+(\S+\s+){0,2}?(депутат|историк|писатель|поэт|президент|министр|"
            r"нарком|руководитель|лидер|судья|прокурор|человек|журналист|политик|активист|председатель|священник)"),
    ("why", r"why|for\s+what\s+reason|почему|зачем"),
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
    # Calling or describing someone is mostly reported as speech: "X is a symbol of ..., said Y".
    ("call called name named describe describes described characterize characterized",
     "call named name known describ characteri said say told dubb term назва прозва", True),
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
WORD = re.compile(r"\w+(?:['’]\w+)*")
NONWORD = re.compile(r"\W")
_CYRILLIC_WORD = re.compile(r"[а-яё]+")
# Who tells the answer ("according to Kotkin", "по данным «Мемориала»"): a source to prefer, not
# words the answer's sentence must say (a book's sentences do not name their author).
_TELLER = re.compile(
    r"[\s,]*\b(?:according\s+to|in\s+the\s+words\s+of|as\s+(?:reported|told|described)\s+by|"
    r"по\s+(?:данным|словам|мнению|оценкам?|сведениям)|согласно|как\s+(?:пишет|сообщает|сообщают|считает|считают))"
    r"\s+([^,?!.;]+)",
    re.I,
)


@dataclass(frozen=True)
class Term:
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
    return tuple(" " + NONWORD.sub(" ", f.lower()) + (" " if whole else "") for f in forms)


def question_type(question: str) -> str:
    """who, when, where, how many, why, or what (any other question: "what", "which", "how")."""
    for kind, words in _TYPES:
        if re.match(r"\s*(" + words + r")\b", question, re.I):
            return kind
    return "what"


def teller(question: str) -> tuple[str, str | None]:
    """The question without the source it asks to be told by, and that source ("According to
    Kotkin, how many ...": "how many ...", "Kotkin"); the question itself and None without one."""
    said = _TELLER.search(question)
    if said is None:
        return question, None
    rest = (question[: said.start()] + question[said.end() :]).strip(" ,")
    return (rest or question), said.group(1).strip(" «»\"'“”") or None


def teller_stems(source: str) -> tuple[str, ...]:
    """The stems of a source's words that a document's title, file name or text shows it by."""
    return tuple(_stem(w) for w in WORD.findall(source) if w.lower() not in _STOP and len(w) >= 3)


def question_names(store: Store, question: str) -> list[Expansion]:
    """The names in a question, each the longest run of words (at most four) that names entities:
    one entity's (with all the names the sources give it) or several's (ambiguous, not expanded).
    A capitalised Russian name is also looked up in the nominative ("при Ежове": Ежов).
    As `finding.expand` reads a query, but with an entity's forms from its names (`entity_names`),
    a Russian form standing for its inflections, instead of every distinct mention's text: that
    takes a scan of all the entity's mentions, tens of milliseconds for a much-named one in a
    large store."""
    words = WORD.findall(question)
    found: list[Expansion] = []
    i = 0
    while i < len(words):
        for size in range(min(4, len(words) - i), 0, -1):
            run = words[i : i + size]
            if run[0].lower() in _STOP or run[-1].lower() in _STOP or run[0].isdigit():
                continue
            term = " ".join(run)
            ids = store.find_entities(term)
            if not ids and all(w[:1].isupper() and _CYRILLIC_WORD.fullmatch(w.lower()) for w in run):
                ids = store.find_entities(" ".join(inflection.nominative(w.lower()) for w in run))  # "Ежове": Ежов
            if len(ids) == 1:
                forms = {term} | {n.name for n in store.entity_names(ids[0])}
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


def search_words(question: str) -> str:
    """A search for a question's content words (its question words and other common words left
    out), any of them: what a reader tries when no sentence answers it."""
    words = dict.fromkeys(w for w in WORD.findall(question) if w.lower() not in _STOP and (len(w) >= 3 or w.isdigit()))
    return " OR ".join(words)


def question_terms(question: str, expansions: list[Expansion]) -> list[Term]:
    terms = []
    for e in expansions:
        if e.entity and e.forms:
            forms = _shortest({spelling for f in e.forms for spelling in inflection.spellings(f.lower())})
            inflected = [f for f in forms if _CYRILLIC_WORD.fullmatch(f)]  # "ежов": "ежова", "ежовым"
            plain = [f for f in forms if f not in inflected]
            whole = [g for f in inflected for g in _inflections(f, tuple(inflected))]  # "махачкала": "махачкалы"
            pattern = re.compile(r"(?<!\w)(?:" + "|".join([re.escape(f) + "[а-яё]{0,3}" for f in inflected]
                                                         + [re.escape(f) for f in plain + whole]) + r")(?!\w)")
            match = any_of([_phrase(f, True) for f in inflected] + [_phrase(f, cyrillic(f)) for f in plain]
                           + [_phrase(f) for f in whole])
            terms.append(Term(e.term, match, pattern, entity=e.entity,
                               keys=_keys(plain + whole, True) + _keys(inflected, False)))
    named = {w.lower() for t in terms for w in WORD.findall(t.label)}
    seen: set[str] = set()
    for word in WORD.findall(question):
        lower = word.lower()
        if lower in _STOP or lower in named or lower in seen:
            continue
        seen.add(lower)
        if lower.isdigit():
            if len(lower) >= 3:  # a year, an order's number: not "7" of "April 7"
                number = re.compile(r"(?<!\d)" + lower + r"(?!\d)")
                terms.append(Term(word, _phrase(lower), number, keys=_keys([lower], True)))
            continue
        if len(lower) < 3:
            continue
        stems, predicate = _family(word)
        stems = tuple(dict.fromkeys(spelling for stem in stems for spelling in inflection.spellings(stem)))
        whole = _inflections(lower, stems)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join([*map(re.escape, stems), *(re.escape(f) + r"(?!\w)" for f in whole)]) + ")")
        terms.append(Term(word, any_of([_phrase(s, True) for s in stems] + [_phrase(f) for f in whole]), pattern,
                           predicate=predicate, keys=_keys(list(stems), False) + _keys(whole, True)))
    return terms


def _inflections(word: str, stems: tuple[str, ...]) -> list[str]:
    """A Russian word's other forms that its stems (or prefixes) do not reach ("дача": "дачи",
    "даче"; a stem is the word less its last letters), from its lemma's paradigm (`inflection.forms`)."""
    if not _CYRILLIC_WORD.fullmatch(word):
        return []
    return [f for f in inflection.forms(word) if not any(f.startswith(s) for s in stems)]


def _phrase(form: str, prefix: bool = False) -> Leaf:
    """A form as the index holds it: its tokens as a phrase, the last one a prefix if asked."""
    return Leaf(tuple(tokens(form)), prefix)


def _shortest(forms: set[str]) -> list[str]:
    """The forms that hold no other form: a passage naming "N. I. Yezhov" names "Yezhov", and the
    phrase "n i yezhov" costs FTS5 the doclists of "n" and "i"."""
    words = {f: tuple(WORD.findall(f)) for f in forms}

    def holds(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return 0 < len(b) < len(a) and any(a[i : i + len(b)] == b for i in range(len(a) - len(b) + 1))

    kept = [f for f in forms if words[f] and not any(holds(words[f], words[g]) for g in forms)]
    return sorted(kept, key=len, reverse=True)


def weighed(store: Store, terms: list[Term]) -> list[Term]:
    """Each term weighted by its rarity (inverse passage frequency, counted up to DF_CAP). A term
    no passage holds weighs most: it cannot be searched for, and no sentence covers it."""
    if not terms:
        return []
    total = max(1, store.last_passage_id())
    weighed = []
    for term in terms:
        df = store.count_matching(term.match, DF_CAP)
        weighed.append(Term(term.label, term.match, term.pattern, term.entity, term.predicate,
                             smooth_idf(total, df), df > 0, term.keys))
    return sorted(weighed, key=lambda t: -t.weight)
