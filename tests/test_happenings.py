"""What happened to someone, read alike in English and Russian (Russian by lemma)."""

from __future__ import annotations

from chronika.query.happenings import happenings


def test_a_russian_sentence_gets_the_happenings_its_english_translation_gets() -> None:
    russian = happenings("В 1939 году Ежов был арестован, а в 1940 году расстрелян; он так и не был реабилитирован.")
    english = happenings("In 1939 Yezhov was arrested, and in 1940 he was shot; he was never rehabilitated.")
    assert russian == ["арестован", "расстрелян", "реабилитирован"] and english == ["arrested", "rehabilitated", "shot"]
    assert happenings("Сталин родился в Гори, а Киров был убит в Смольном.") == ["родился", "убит"]
    assert happenings("Томский покончил с собой в августе 1936 года.") == ["покончил с собой"]


def test_words_with_an_everyday_sense_are_no_happenings() -> None:
    assert happenings("Суд заключил, что фильм сняли в Москве, а деревья посадили осенью.") == []
