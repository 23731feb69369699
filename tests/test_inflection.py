"""Russian search finds a word's inflected forms: passages listed by hand for each query, ё = е,
phrases inflected as a whole, highlights on the words as written, English untouched."""

from __future__ import annotations

import pytest

from chronika.extract.build import build_document, content_hash
from chronika.query.finding import search
from chronika.query.ask_question import question_terms
from chronika.query.inflection import forms, inflected
from chronika.query.ranked import expression
from chronika.records.document import Source
from chronika.records.expression import Leaf
from chronika.store import Store

# Invented passages, one a document; each query's passages are listed by hand below.
PASSAGES = [
    "Москва встретила делегацию холодным дождём.",  # 0
    "Из Москвы в лагерь отправили второй эшелон.",  # 1
    "В Москве о расстреле узнали только через год.",  # 2
    "Он вернулся в Москву после десяти лет в лагерях.",  # 3
    "Над Москвой стоял дым пожаров.",  # 4
    "Расстрел был назначен на рассвете.",  # 5
    "Приговор к расстрелу подписали три человека.",  # 6
    "Списки расстрелянных и расстрелов хранились в архиве.",  # 7
    "В лагере было холодно, а лагерей становилось больше.",  # 8
    "Начальник лагеря отказался говорить с комиссией.",  # 9
    "Хрущёв выступил с докладом на съезде.",  # 10
    "Доклад Хрущева читали на партийных собраниях.",  # 11
    "Письмо Хрущёву так и не было отправлено.",  # 12
    "О репрессиях заговорили открыто только в конце десятилетия.",  # 13
    "Жертвы репрессий получили право на реабилитацию.",  # 14
    "Памятник открыли в сквере у вокзала.",  # 15
    "У памятника собрались родственники погибших.",  # 16
    "Годы Большого террора унесли сотни тысяч жизней.",  # 17
    "Большой террор начался летом.",  # 18
    "Террор был большой бедой для страны.",  # 19
    "Все стали говорить шёпотом.",  # 20
    "Завод выпускал сталь для мостов.",  # 21
    "Сталинградская битва закончилась в феврале.",  # 22
    "The Moscow trials were held in the House of the Unions.",  # 23
    "Бригадир Зелёпкин ушёл в посёлок.",  # 24
]
EXPECTED = {  # the passages holding a form of each query, read by hand
    "Москва": {0, 1, 2, 3, 4},
    "москву": {0, 1, 2, 3, 4},
    "расстрел": {2, 5, 6, 7},
    "лагерь": {1, 3, 8, 9},
    "Хрущёв": {10, 11, 12},
    "Хрущев": {10, 11, 12},
    "репрессия": {13, 14},
    "памятник": {15, 16},
    '"Большой террор"': {17, 18},
    "сталь": {21},
    "Moscow": {23},
}


@pytest.fixture(scope="module")
def russian(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("inflection") / "store.db")
    for i, text in enumerate(PASSAGES):
        store.save(build_document(Source(f"p{i:02}.txt", text, "text"), content_hash(text.encode()), extract=False))
    return store


def _found(store: Store, query: str, exact: bool = False) -> set[int]:
    return {PASSAGES.index(hit.text) for hit in search(store, query, limit=50, exact=exact).hits}


def test_a_russian_word_finds_its_inflected_forms(russian: Store) -> None:
    wanted = sum(len(v) for v in EXPECTED.values())
    found = {query: _found(russian, query) for query in EXPECTED}
    recall = sum(len(found[q] & EXPECTED[q]) for q in EXPECTED) / wanted
    assert recall >= 0.95, {q: sorted(EXPECTED[q] - found[q]) for q in EXPECTED}
    assert {q: sorted(found[q] - EXPECTED[q]) for q in EXPECTED} == {q: [] for q in EXPECTED}


def test_yo_and_ye_are_one_letter(russian: Store) -> None:
    assert _found(russian, "Хрущёв") == _found(russian, "Хрущев") == {10, 11, 12}
    assert _found(russian, "Хрущё*") == _found(russian, "Хруще*") == {10, 11, 12}
    assert _found(russian, "Зелепкин") == _found(russian, "поселок") == {24}  # е typed where the text has ё


def test_highlights_fall_on_the_words_as_written(russian: Store) -> None:
    marked = {hit.text[start:end] for hit in search(russian, "москва", limit=50).hits for start, end in hit.highlights}
    assert marked == {"Москва", "Москвы", "Москве", "Москву", "Москвой"}
    marked = {hit.text[start:end] for hit in search(russian, '"большой террор"', limit=50).hits for start, end in hit.highlights}
    assert marked == {"Большого террора", "Большой террор"}


def test_a_phrase_is_inflected_as_a_whole(russian: Store) -> None:
    """Its words change case together and stay side by side: "Террор был большой" is not it."""
    assert 19 not in _found(russian, '"Большой террор"')
    assert _found(russian, '"жертвам репрессий"') == {14}  # the noun's complement keeps its case


def test_a_form_read_far_more_often_as_another_word_is_left_out(russian: Store) -> None:
    assert "стали" not in forms("сталь")  # nearly always "стать"
    assert _found(russian, "сталь") == {21}
    assert _found(russian, "Сталин") == set()  # not "Сталинградская": a lemma, not a prefix


def test_exact_searches_the_words_as_typed(russian: Store) -> None:
    assert _found(russian, "Москва", exact=True) == {0}
    assert _found(russian, "москв*", exact=True) == {0, 1, 2, 3, 4}


def test_english_and_other_words_pass_untouched(russian: Store) -> None:
    tree = expression('Moscow AND "show trials" OR terror* NOT 1937')
    assert inflected(russian, tree) == tree


def test_forms_are_those_the_index_holds(russian: Store) -> None:
    """Forms no passage holds are not searched: "москвою" is a form, but no passage writes it."""
    assert "москвою" in forms("москва")
    tree = inflected(russian, expression("Москва"))
    assert Leaf(("москвою",)) not in getattr(tree, "children", ())
    assert Leaf(("москвы",)) in getattr(tree, "children", ())


def test_forms_of_one_word_are_searched_once(russian: Store) -> None:
    """"Москва OR москва" is one OR of Moscow's forms, each once (FTS5 would score a form twice)."""
    tree = inflected(russian, expression("Москва OR москва"))
    assert tree == inflected(russian, expression("Москва"))


def test_ask_finds_a_russian_words_forms_its_stem_does_not_reach() -> None:
    """A question's "дача" (stem "дача") also finds "дачи" and "даче"; its ё spelled е as well."""
    (term,) = question_terms("Где стояла дача?", [])[-1:]
    assert term.label == "дача" and term.pattern.search("у дачи") and term.pattern.search("на даче")
    assert not term.pattern.search("дачник")  # a whole form, not a prefix
    (term,) = [t for t in question_terms("Куда ушёл Хрущёв?", []) if t.label == "Хрущёв"]
    assert term.pattern.search("доклад хрущева")


def test_a_word_stands_for_the_lemma_its_readings_weigh_most_for() -> None:
    """Its own lemma when it is a likely dictionary form, else the likeliest: "Катыни" is Катынь's
    genitive (a rare adverb reads it as itself), "Бутово" a place, not a short adjective."""
    assert "катынь" in forms("катыни")
    assert "бутовый" not in forms("бутово")
    assert "лето" in forms("лета")
