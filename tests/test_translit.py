"""Romanisation-insensitive name keys: one name's spellings share a key, different names do not."""

from __future__ import annotations

import re

import pytest

from chronika.extract.translit import name_keys, surname_key

SAME = [
    ("Yezhov", "Ezhov"),
    ("Yezhov", "Ежов"),
    ("Zinovyev", "Zinoviev"),
    ("Zinoviev", "Зиновьев"),
    ("Zinov'yev", "Zinovyev"),
    ("Tukhachevskiy", "Tukhachevsky"),
    ("Tukhachevsky", "Тухачевский"),
    ("Vyshinskiy", "Vyshinsky"),
    ("Vyshinsky", "Вышинский"),
    ("Dzhugashvili", "Djugashvili"),
    ("Djugashvili", "Джугашвили"),
    ("Khrushchev", "Хрущёв"),
    ("Beria", "Берия"),
    ("Ordzhonikidze", "Orjonikidze"),
    ("Yekaterina", "Ekaterina"),
    ("Nikolai Yezhov", "Николай Ежов"),
    ("Lavrentiy Beria", "Lavrenty Beria"),
]
DIFFERENT = [
    ("Medvedev", "Medved"),  # Roy and Dmitry Medvedev are not F. Medved of the NKVD
    ("Kirov", "Kirova"),  # a woman's name (or a genitive) is not the man's
    ("Kamenev", "Kamenov"),
    ("Yezhov", "Yagoda"),
    ("Stalin", "Stalina"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert name_keys(one) & name_keys(other)


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert not name_keys(one) & name_keys(other)


def test_keys_are_lowercase_ascii_words() -> None:
    for name in ("Хрущёв", "Zinov’yev", "A. Ya. Vyshinskiy", "Ježov", "Джугашвили"):
        for key in name_keys(name):
            assert re.fullmatch(r"[a-z]+(?: [a-z]+)*", key), key


def test_a_cyrillic_name_has_a_key_per_distinct_romanisation_at_most() -> None:
    assert len(name_keys("Ягода")) <= 3
    assert "iagoda" in name_keys("Ягода")


def test_surname_key_is_the_last_words_key() -> None:
    assert surname_key("A. Ya. Vyshinskiy") == surname_key("Vyshinsky") == surname_key("Андрей Вышинский")
    assert surname_key("Николай Иванович Ежов") == surname_key("N. I. Yezhov") == "ejov"
    assert surname_key("Roy Medvedev") != surname_key("F. Medved")
    assert surname_key("A.") == ""
    assert name_keys("") == frozenset()


def test_established_equivalents_join_exonyms_translations_and_abbreviations() -> None:
    from chronika.extract.name_equivalents import equivalence_key, with_equivalent

    assert equivalence_key("Москва") == equivalence_key("Moscow") == equivalence_key("Moskva") is not None
    assert equivalence_key("СССР") == equivalence_key("Soviet Union") == equivalence_key("USSR") is not None
    assert equivalence_key("Политбюро") == equivalence_key("Politburo") is not None
    assert equivalence_key("Левада-центр") == equivalence_key("Levada Centre") is not None
    assert equivalence_key("УССР") not in (None, equivalence_key("USSR"))
    assert equivalence_key("Kolyma") is None
    # УССР and the USSR romanise alike; with their equivalents they share no key.
    assert not with_equivalent("УССР", name_keys("УССР")) & with_equivalent("USSR", name_keys("USSR"))
