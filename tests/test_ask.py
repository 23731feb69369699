"""`ask`: the sentences that answer a question, verbatim and exactly cited, or none.

Most tests run on a small store made from short texts written for them (one of them in Russian,
in cp1251 like the examples' Russian text); the test marked `seeds` asks the hand-written question
set (tests/gold/questions.json) of the seeds and examples and checks how many are answered."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest

from chronika.query.ask import ask, question_type
from chronika.query.ask_question import question_names, teller
from chronika.ingest.pipeline import ingest
from chronika.store import Store
from conftest import ROOT

# Texts written for these tests.
BLYUKHER = (
    "Marshal Blyukher\n\n"
    "Vasily Blyukher commanded the Special Far Eastern Army in Khabarovsk. "
    "Blyukher was arrested in Moscow on 22 October 1938. "
    "He died in Lefortovo Prison on 9 November 1938 after weeks of interrogation.\n\n"
    "In 1937 and 1938 more than 35,000 officers were dismissed from the Red Army. "
    "Blyukher was rehabilitated in 1956 because the charges against him had been invented by the investigators.\n"
)
EZHOV_RU = (
    "Николай Ежов\n\n"
    "Николай Иванович Ежов руководил НКВД в 1937 и 1938 годах. "
    "Ежова арестовали 10 апреля 1939 года в Москве. "
    "Ежов был расстрелян 4 февраля 1940 года.\n"
)
YEZHOV = (
    "The order\n\n"
    "Nikolai Yezhov signed NKVD order No. 00447 on 30 July 1937. "
    "The order set quotas of arrests for every region of the country.\n"
)
QUESTIONS = ROOT / "tests" / "gold" / "questions.json"
# Measured on 23 November 2026 (373 questions): who/when/where/how many 197/237 (83%) in the top 3,
# every type 284/354 (80%); 17 of the 19 with no answer in the corpus left unanswered. The
# thresholds leave room for small drift; the first is the target.
SEED_TOP3 = 0.80  # who, when, where, how many
SEED_TOP3_ALL = 0.77
SEED_NO_ANSWER = 15


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("ask-sources")
    (folder / "blyukher.txt").write_text(BLYUKHER, encoding="utf-8")
    (folder / "ezhov-ru.txt").write_bytes(EZHOV_RU.encode("cp1251"))
    (folder / "yezhov.txt").write_text(YEZHOV, encoding="utf-8")
    with Store(tmp_path_factory.mktemp("ask-store") / "ask.db") as store:
        summary = ingest(store, [folder])
        assert not summary.skipped and len(summary.added) == 3
        yield store


def _texts(store: Store) -> dict[str, str]:
    return {f"d{doc}": text for doc, text in store.db.execute("SELECT id, text FROM documents")}


def _assert_verbatim(store: Store, answered: dict[str, Any]) -> None:
    """Every answer is a stored sentence, quoted exactly where its citation says."""
    texts = _texts(store)
    for answer in answered["answers"]:
        cited = answer["citation"]
        assert cited["quote"] == answer["text"] == texts[cited["document"]][cited["start"] : cited["end"]]
        doc = int(cited["document"][1:])
        assert store.db.execute(
            'SELECT 1 FROM sentences WHERE document_id = ? AND passage = ? AND start = ? AND "end" = ?',
            (doc, cited["passage"], cited["start"], cited["end"]),
        ).fetchone(), "an answer is one whole sentence of its passage"


def _top(answered: dict[str, Any]) -> str:
    assert answered["answers"], f"no answer to {answered['question']!r}: {answered['note']}"
    return str(answered["answers"][0]["text"])


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Who headed the NKVD?", "who"),
        ("Whose signature is on the order?", "who"),
        ("When was Bukharin shot?", "when"),
        ("In what year did the famine begin?", "when"),
        ("Where was Stalin born?", "where"),
        ("How many people were shot?", "how many"),
        ("What percentage of Russians agreed?", "how many"),
        ("Why did the Kremlin embrace anti-Stalin rhetoric?", "why"),
        ("What did Bukharin write?", "what"),
        ("How did Ordzhonikidze die?", "what"),
        ("Когда арестовали Ежова?", "when"),
        ("Где родился Сталин?", "where"),
        ("Кто руководил НКВД?", "who"),
        ("Сколько человек было расстреляно?", "how many"),
        ("Почему Ежова расстреляли?", "why"),
        ("Which Communist Duma deputy praised Stalin?", "who"),
        ("Какой историк нашёл захоронения в Сандармохе?", "who"),
        ("Which camps were closed first?", "what"),
    ],
)
def test_question_types(question: str, kind: str) -> None:
    assert question_type(question) == kind


def test_each_type_finds_its_answer_verbatim(small: Store) -> None:
    expected = {
        "When did Blyukher die?": "9 November 1938",
        "Where was Blyukher arrested?": "Moscow",
        "How many officers were dismissed from the Red Army?": "35,000",
        "Why was Blyukher rehabilitated?": "because the charges",
        "Who signed order No. 00447?": "Nikolai Yezhov",
        "What did the order set for every region?": "quotas",
    }
    for question, words in expected.items():
        answered = ask(small, question)
        assert words in _top(answered), (question, answered["answers"][:2])
        _assert_verbatim(small, answered)


def test_answers_carry_the_wanted_type_as_evidence(small: Store) -> None:
    when = ask(small, "When was Blyukher arrested?")
    assert "22 October 1938" in _top(when)
    assert any(e.startswith("date: ") and "22 October 1938" in e for e in when["answers"][0]["evidence"])
    assert when["type"] == "when"
    how_many = ask(small, "How many officers were dismissed from the Red Army?")
    assert any(e.startswith("figure: ") for e in how_many["answers"][0]["evidence"])


def test_a_pronoun_answer_is_found_for_the_name_before_it(small: Store) -> None:
    """"He died ..." speaks of Blyukher, named in the sentence before."""
    answered = ask(small, "When did Blyukher die?")
    assert _top(answered).startswith("He died in Lefortovo Prison")


def test_no_answer_gives_an_empty_list_and_says_so(small: Store) -> None:
    for question in ("When did Gagarin fly into space?", "How many people died in the Chernobyl disaster?",
                     "Where did Blyukher meet Trotsky?"):
        answered = ask(small, question)
        assert answered["answers"] == [], (question, answered["answers"][:1])
        assert answered["note"] and "No sentence" in answered["note"]


def test_the_json_shape(small: Store) -> None:
    answered = ask(small, "When was Blyukher arrested?", limit=1)
    assert set(answered) == {"question", "type", "answers", "expansions", "note"}
    assert len(answered["answers"]) == 1
    assert set(answered["answers"][0]) == {"text", "score", "citation", "evidence"}
    assert {"document", "title", "source", "passage", "start", "end", "quote"} <= set(answered["answers"][0]["citation"])
    assert answered["note"] is None
    json.dumps(answered, ensure_ascii=False)


def test_a_transliteration_finds_the_russian_text(small: Store) -> None:
    """"Ezhov" (a spelling no text uses) is the entity of "Yezhov" and "Ежов": the Russian text answers."""
    answered = ask(small, "When was Ezhov shot?")
    assert "4 февраля 1940" in _top(answered)
    expansion = next(e for e in answered["expansions"] if e["term"] == "Ezhov")
    assert expansion["entity"] and any(re.search("[а-я]", f, re.I) for f in expansion["forms"])
    assert "Nikolai Yezhov" in expansion["forms"]
    _assert_verbatim(small, answered)


@pytest.mark.parametrize(
    "question, asked, source",
    [
        ("How many people were deported according to Conquest?", "How many people were deported?", "Conquest"),
        ("According to The Moscow Times, how has Putin described Stalin?", "how has Putin described Stalin?",
         "The Moscow Times"),
        ("Сколько человек расстреляно в Бутове, по данным «Мемориала»?", "Сколько человек расстреляно в Бутове?",
         "Мемориала"),
        ("Когда был арестован Ежов?", "Когда был арестован Ежов?", None),
    ],
)
def test_the_source_a_question_names_is_not_a_word_the_answer_must_say(question: str, asked: str,
                                                                      source: str | None) -> None:
    assert teller(question) == (asked, source)


def test_an_answer_from_the_source_the_question_names_says_so(small: Store) -> None:
    told = ask(small, "According to Marshal Blyukher, how many officers were dismissed from the Red Army?")
    assert told["type"] == "how many" and "35,000" in _top(told)
    assert "told by: Marshal Blyukher" in told["answers"][0]["evidence"]  # the document's title
    elsewhere = ask(small, "How many officers were dismissed from the Red Army, according to Pravda?")
    assert "35,000" in _top(elsewhere)
    assert "not found to be told by: Pravda" in elsewhere["answers"][0]["evidence"]
    _assert_verbatim(small, told)


def test_a_russian_question_finds_inflected_names(small: Store) -> None:
    """"Ежова" (genitive) in the question and in the text is the entity named "Ежов"."""
    answered = ask(small, "Когда арестовали Ежова?")
    assert answered["type"] == "when"
    assert "10 апреля 1939" in _top(answered)
    _assert_verbatim(small, answered)


# -- the question set over the seeds and examples ---------------------------------------------------


def _answered_at(question: dict[str, Any], answers: list[dict[str, Any]], k: int) -> bool:
    expected = [re.sub(r"\s+", " ", e).lower() for e in question["expect"]]
    return any(e in re.sub(r"\s+", " ", a["text"]).lower() for a in answers[:k] for e in expected)


@pytest.fixture(scope="module")
def corpus(seeds_and_examples_store: Path) -> Iterator[Store]:
    with Store(seeds_and_examples_store) as store:
        yield store


@pytest.mark.seeds
@pytest.mark.slow
def test_the_question_set_is_answered_in_the_top_three(corpus: Store) -> None:
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    answerable = [q for q in questions if q["expect"]]
    unanswerable = [q for q in questions if not q["expect"]]
    types = Counter(q["type"] for q in answerable)
    assert set(types) == {"who", "when", "where", "how many", "why", "what"} and min(types.values()) >= 40
    missed = []
    for q in answerable:
        answered = ask(corpus, q["q"])
        _assert_verbatim(corpus, answered)
        if not _answered_at(q, answered["answers"], 3):
            missed.append(q)
    four = [q for q in answerable if q["type"] in ("who", "when", "where", "how many")]
    share = 1 - sum(q in four for q in missed) / len(four)
    assert share >= SEED_TOP3, f"who/when/where/how many top-3 {share:.0%} < {SEED_TOP3:.0%}"
    share = 1 - len(missed) / len(answerable)
    assert share >= SEED_TOP3_ALL, f"top-3 {share:.0%} < {SEED_TOP3_ALL:.0%}; missed: {[q['q'] for q in missed]}"
    empty = [q["q"] for q in unanswerable if not ask(corpus, q["q"])["answers"]]
    assert len(empty) >= SEED_NO_ANSWER, f"only {empty} of the unanswerable questions got no answer"


def test_a_russian_name_in_another_case_is_looked_up_in_the_nominative(small: Store) -> None:
    """"при Ежове" (a form no text uses) is the entity named "Ежов"; a lower-case word is not tried."""
    (found,) = question_names(small, "Что случилось при Ежове?")
    assert found.entity and "Ежов" in found.forms
    assert question_names(small, "Что случилось при ежове?") == []
