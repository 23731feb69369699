"""Passages and sentences: paragraphs, long ones split, initials kept, footnotes linked."""

from __future__ import annotations

from chronika.extract.segment import MAX_WORDS, passages, sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def test_initials_and_abbreviations_do_not_end_a_sentence() -> None:
    text = (
        "The prosecutor A. Ya. Vyshinskiy spoke for hours. See Vol. 45, pp. 12-13 of Lenin's works. "
        "Dr. Pletnev was tried in 1938. Ye. S. Ginzburg survived! Did anyone believe it?"
    )
    assert texts(text) == [
        "The prosecutor A. Ya. Vyshinskiy spoke for hours.",
        "See Vol. 45, pp. 12-13 of Lenin's works.",
        "Dr. Pletnev was tried in 1938.",
        "Ye. S. Ginzburg survived!",
        "Did anyone believe it?",
    ]


def test_a_sentence_may_end_in_a_quote_and_a_footnote_marker() -> None:
    text = 'He wrote: "An honorable person must kill Stalin."4 His son was shot.'
    assert texts(text) == ['He wrote: "An honorable person must kill Stalin."4', "His son was shot."]


def test_long_paragraphs_split_at_sentence_boundaries() -> None:
    sentence = "The commission heard witness after witness about the camps in the north. "
    text = (sentence * 80).strip()
    found, _ = passages(text)
    assert len(found) > 1
    for p in found:
        assert p.kind == "body"
        assert len(text[p.start : p.end].split()) <= MAX_WORDS * 1.2
        assert text[p.start : p.end].endswith(".")
    assert found[0].start == 0 and found[-1].end == len(text)


def test_kinds_of_passage_and_footnote_links() -> None:
    text = (
        "The Struggle Against the Opposition\n\n"
        'Lenin called him "too rude."1 Trotsky agreed.² Nothing in 1924, 12 men.\n\n'
        "Footnotes\n\n- 1. V.I. Lenin, PSS, Vol 45, p 346.\n\n- 2. Ibid., p 347.\n\n"
        "Next Section\n\nMore prose follows here, without notes at all.\n"
    )
    found, links = passages(text.strip())
    assert [p.kind for p in found] == ["heading", "body", "heading", "footnote", "footnote", "heading", "body"]
    assert [p.note for p in found if p.kind == "footnote"] == ["1", "2"]
    assert [(link.marker, link.passage) for link in links] == [("1", 4), ("²", 5)]


def test_passages_cover_every_paragraph_and_never_overlap() -> None:
    text = "One.\n\nTwo words.\n\nThree short ones here."
    found, _ = passages(text)
    assert [text[p.start : p.end] for p in found] == ["One.", "Two words.", "Three short ones here."]


def test_russian_abbreviations_written_before_a_word_do_not_end_a_sentence() -> None:
    text = (
        "Церковь св. Георгия снесли в тридцатые годы. Письмо т. Петрову пришло поздно. "
        "Завод им. Фрунзе работал, т.е. Выпускал снаряды. Осуждён по ст. 58, см. Приложение. "
        "Всего ок. 20 тыс. Человек прошло через лагерь."
    )
    assert texts(text) == [
        "Церковь св. Георгия снесли в тридцатые годы.",
        "Письмо т. Петрову пришло поздно.",
        "Завод им. Фрунзе работал, т.е. Выпускал снаряды.",
        "Осуждён по ст. 58, см. Приложение.",
        "Всего ок. 20 тыс. Человек прошло через лагерь.",
    ]


def test_russian_abbreviations_after_a_year_or_a_list_end_a_sentence_only_before_a_non_name() -> None:
    text = (
        "Его арестовали в 1938 г. Затем семью выслали. В 1956 г. Хрущёв выступил с докладом. "
        "В 1991 г. Советский Союз распался. Книги, газеты и т.д. Потом пришли за ним. "
        "Письма, дневники и т. п. Они хранятся в архиве. Так было в 1930-х гг. В деревнях голодали."
    )
    assert texts(text) == [
        "Его арестовали в 1938 г.",
        "Затем семью выслали.",
        "В 1956 г. Хрущёв выступил с докладом.",
        "В 1991 г. Советский Союз распался.",
        "Книги, газеты и т.д.",
        "Потом пришли за ним.",
        "Письма, дневники и т. п.",
        "Они хранятся в архиве.",
        "Так было в 1930-х гг.",
        "В деревнях голодали.",
    ]


def test_russian_initials_with_or_without_spaces_do_not_end_a_sentence() -> None:
    text = (
        "Доклад читал Н.С. Хрущёв перед делегатами. Письмо подписали И. В. Сталин и В.М. Молотов. "
        "Приказ утвердил Ежов Н.И. Через год его расстреляли. Справку составил Берия Л. П. Он же её подписал."
    )
    assert texts(text) == [
        "Доклад читал Н.С. Хрущёв перед делегатами.",
        "Письмо подписали И. В. Сталин и В.М. Молотов.",
        "Приказ утвердил Ежов Н.И.",
        "Через год его расстреляли.",
        "Справку составил Берия Л. П.",
        "Он же её подписал.",
    ]


def test_a_russian_sentence_still_ends_at_an_ordinary_word() -> None:
    text = "Лагерь закрыли. В Москве об этом молчали. Сталин умер в марте."
    assert texts(text) == ["Лагерь закрыли.", "В Москве об этом молчали.", "Сталин умер в марте."]
