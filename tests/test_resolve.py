"""Resolution: one entity per person however spelt, namesakes apart, aliases joined, corrections kept."""

from __future__ import annotations

from itertools import count

from chronika.records.entities import AliasRecord, Correction, Entity, MentionRecord
from chronika.resolve.resolution import resolve

_ids = count(1)


def mention(doc: int, normal: str, kind: str = "person") -> MentionRecord:
    return MentionRecord(next(_ids), doc, normal, kind, ())


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_spellings_and_scripts_make_one_person() -> None:
    mentions = [
        mention(1, "Nikolai Yezhov"), mention(1, "Yezhov"), mention(2, "Ezhov"), mention(3, "Ежов"),
        mention(2, "Tukhachevsky"), mention(1, "Tukhachevskiy"), mention(1, "Mikhail Tukhachevskiy"),
    ]
    found = by_name(resolve(mentions))
    assert set(found) == {"Nikolai Yezhov", "Mikhail Tukhachevskiy"}
    assert found["Nikolai Yezhov"].documents == {1, 2, 3}
    assert len(found["Mikhail Tukhachevskiy"].mentions) == 3


def test_namesakes_stay_apart_and_bare_surnames_follow_their_document() -> None:
    mentions = [
        mention(1, "Dmitry Medvedev"), mention(1, "Medvedev"), mention(1, "Medvedev"),
        mention(2, "Roy Medvedev"), mention(2, "Medvedev"),
        mention(2, "F. Medved"), mention(2, "Medved"),
    ]
    found = by_name(resolve(mentions))
    assert set(found) == {"Dmitry Medvedev", "Roy Medvedev", "F. Medved"}
    assert len(found["Dmitry Medvedev"].mentions) == 3
    assert found["Roy Medvedev"].documents == {2}


def test_a_bare_surname_two_people_share_is_kept_apart_and_marked() -> None:
    mentions = [mention(1, "Dmitry Medvedev"), mention(2, "Roy Medvedev"), mention(3, "Medvedev")]
    entities = resolve(mentions)
    assert len(entities) == 3
    marked = [e for e in entities if e.note]
    assert len(marked) == 1 and marked[0].mentions == [mentions[2].id]


def test_english_and_russian_given_names_agree() -> None:
    mentions = [mention(1, "Joseph Stalin"), mention(2, "I. V. Stalin"), mention(2, "Iosif Stalin"), mention(3, "Stalin")]
    (stalin,) = resolve(mentions)
    assert stalin.name in ("Joseph Stalin", "Iosif Stalin", "I. V. Stalin")
    assert stalin.documents == {1, 2, 3}


def test_declared_aliases_join() -> None:
    mentions = [
        mention(1, "Stalin"), mention(1, "Stalin"), mention(1, "Iosif Dzhugashvili"), mention(1, "Koba"),
        mention(1, "Vissarion Dzhugashvili"),
    ]
    aliases = [AliasRecord(1, "Stalin", "Iosif Dzhugashvili", "birth name"), AliasRecord(1, "Stalin", "Koba", "alias")]
    found = resolve(mentions, aliases)
    stalin = next(e for e in found if "Koba" in e.names)
    assert {"Stalin", "Iosif Dzhugashvili", "Koba"} <= set(stalin.names)
    assert "Vissarion Dzhugashvili" not in stalin.names  # the father is another man


def test_a_one_word_alias_keeps_namesakes_apart() -> None:
    """"Soso" declared for Stalin does not pull in a Soso with a surname of his own, nor does a
    bare "Dzhugashvili" that the document also gives to his father join the father to him."""
    mentions = [
        mention(1, "Joseph Stalin"), mention(1, "Stalin"), mention(1, "Soso"), mention(1, "Koba"),
        mention(1, "Soso Buachidze"), mention(1, "Vissarion Dzhugashvili"), mention(1, "Dzhugashvili"),
        mention(2, "Koba"),
    ]
    aliases = [AliasRecord(1, "Stalin", "Soso", "nickname"), AliasRecord(1, "Stalin", "Koba", "alias"),
               AliasRecord(1, "Stalin", "Dzhugashvili", "alias")]
    found = resolve(mentions, aliases)
    stalin = next(e for e in found if "Stalin" in e.names)
    assert set(stalin.names) == {"Joseph Stalin", "Stalin", "Soso", "Koba"}
    assert stalin.documents == {1, 2}  # the alias holds wherever the name occurs
    assert {"Soso Buachidze", "Vissarion Dzhugashvili"} <= {e.name for e in found if e is not stalin}
    # A bare alias given to a fuller name of the same person joins: "Stalin" here is I. V. Stalin.
    mentions = [mention(3, "Iosif Vissarionovich Dzhugashvili"), mention(3, "I. V. Stalin"), mention(3, "Stalin")]
    (one,) = resolve(mentions, [AliasRecord(3, "Iosif Vissarionovich Dzhugashvili", "Stalin", "nickname")])
    assert len(one.mentions) == 3


def test_types_are_voted_over_the_corpus() -> None:
    mentions = [
        MentionRecord(1, 1, "Kolyma", "person", ("spacy:PERSON",)),
        MentionRecord(2, 1, "Kolyma", "place", ("context:the camps of", "spacy:GPE")),
        MentionRecord(3, 2, "Kolyma", "place", ("spacy:LOC",)),
    ]
    (kolyma,) = resolve(mentions)
    assert kolyma.type == "place"


def test_corrections_merge_split_retype() -> None:
    mentions = [mention(1, "Soso"), mention(1, "Joseph Stalin"), mention(2, "Stalin"), mention(2, "Memorial", "org")]
    merged = resolve(mentions, corrections=[Correction("merge", ("Stalin", "Soso"))])
    assert any({"Soso", "Joseph Stalin"} <= set(e.names) for e in merged)
    split = resolve(mentions, corrections=[Correction("merge", ("Stalin", "Soso")), Correction("split", ("Stalin", "Soso"))])
    assert any(set(e.names) == {"Soso"} for e in split)
    retyped = by_name(resolve(mentions, corrections=[Correction("retype", ("Memorial",), "place")]))
    assert retyped["Memorial"].type == "place"


def test_ids_are_stable_for_the_same_input() -> None:
    mentions = [mention(1, "Sergei Mironovich Kirov"), mention(1, "Kirov"), mention(2, "Leningrad", "place")]
    assert [e.id for e in resolve(mentions)] == [e.id for e in resolve(list(mentions))]


def test_places_and_organisations_are_one_across_scripts() -> None:
    mentions = [
        mention(1, "Moscow", "place"), mention(2, "Москва", "place"), mention(3, "Moskva", "place"),
        mention(1, "USSR", "place"), mention(2, "СССР", "place"), mention(3, "Советский Союз", "place"),
        mention(1, "NKVD", "org"), mention(2, "НКВД", "org"),
        mention(1, "Politburo", "org"), mention(2, "Политбюро", "org"),
        mention(1, "Levada Center", "org"), mention(2, "Левада-центр", "org"), mention(3, "Levada Centre", "org"),
    ]
    entities = resolve(mentions)
    assert len(entities) == 5
    assert sorted(len(e.mentions) for e in entities) == [2, 2, 3, 3, 3]
    assert all(len(e.documents) == len(e.mentions) for e in entities)


def test_an_equivalent_keeps_apart_what_transliteration_would_join() -> None:
    # The Ukrainian SSR's Russian abbreviation romanises as the USSR's English one.
    found = by_name(resolve([mention(1, "USSR", "place"), mention(2, "УССР", "place"), mention(2, "СССР", "place")]))
    assert set(found) == {"USSR", "УССР"}
    assert found["USSR"].documents == {1, 2}


def test_organisations_with_different_bodies_stay_apart() -> None:
    mentions = [mention(1, "Верховный суд СССР", "org"), mention(2, "Supreme Court of Russia", "org"),
                mention(3, "Верховный суд РФ", "org"), mention(4, "Memorial", "org"),
                mention(5, "Memorial Human Rights Centre", "org")]
    assert sorted(len(e.mentions) for e in resolve(mentions)) == [1, 1, 1, 2]
