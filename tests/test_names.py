"""Names in passages: people, places and organisations typed by their cues, Russian initials and
patronymics kept whole, fragments and groups dropped, Russian case forms normalised, declared
aliases found; and, on the seeds, the hand-annotated gold (tests/gold/seed-names.json)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from chronika.extract.build import build_document
from chronika.errors import UsageError
from chronika.extract.names import declared_aliases, name_mentions, pipeline
from chronika.records.mentions import AliasDeclaration, NameMention
from chronika.extract.name_cues import is_acronym
from chronika.extract.name_rules import MIN_VOTE
from chronika.extract.name_vote import tally, type_from_evidence
from chronika.extract.read.registry import read_path
from chronika.records.document import Source
from chronika.records.entities import AliasRecord, MentionRecord
from chronika.resolve.resolution import resolve
from chronika.records.textmap import decode_map
from conftest import ROOT, SEEDS

GOLD = ROOT / "tests" / "gold" / "seed-names.json"
PEOPLE = ROOT / "tests" / "gold" / "seed-people.json"


def names(text: str, language: str = "en") -> list[NameMention]:
    return next(name_mentions([text], language=language))


def typed(text: str) -> dict[str, str]:
    return {m.text: m.type for m in names(text)}


def test_soviet_leaders_spacy_calls_places_are_people() -> None:
    found = typed("Bukharin, Kamenev and Beria were at the meeting; Yagoda and Tomskiy came later with Ordzhonikidze.")
    for person in ("Bukharin", "Kamenev", "Beria", "Yagoda", "Tomskiy", "Ordzhonikidze"):
        assert found.get(person) == "person", (person, found)


def test_camps_and_cities_spacy_calls_people_are_places() -> None:
    found = typed("He was sent to Kolyma in 1938, and his wife stayed in Leningrad.")
    assert found == {"Kolyma": "place", "Leningrad": "place"}


def test_party_and_police_bodies_are_organisations() -> None:
    found = typed("The Politburo approved the lists that the NKVD sent, and the OGPU had done the same.")
    assert found == {"Politburo": "org", "NKVD": "org", "OGPU": "org"}


def test_russian_newspapers_in_citations_are_organisations() -> None:
    found = typed("The mayor denied it (Svobodnaya Pressa, March 3), and Nezavisimaya Gazeta agreed.")
    assert found.get("Svobodnaya Pressa") == "org" and found.get("Nezavisimaya Gazeta") == "org", found


def test_initials_and_patronymics_stay_in_one_mention() -> None:
    text = ("A. Ya. Vyshinskiy read the charges; Ye. S. Ginzburg wrote of it later, as did V.I. Lenin's sister, "
            "and Sergei Mironovich Kirov was already dead.")
    found = names(text)
    assert [m.text for m in found] == ["A. Ya. Vyshinskiy", "Ye. S. Ginzburg", "V.I. Lenin", "Sergei Mironovich Kirov"]
    assert all(m.type == "person" for m in found)
    assert "initials:A. Ya." in found[0].evidence
    assert any(c.startswith("patronymic:") for c in found[3].evidence)


def test_fragments_numbers_groups_and_ideologies_are_not_names() -> None:
    found = names("Old Bolsheviks, Mensheviks and Russians argued about Stalinism and Leninism in 1937; Ye. and Ya. "
                  "were only initials, and 37 is a number.")
    assert found == []


def test_a_title_is_evidence_not_part_of_the_name() -> None:
    (marshal,) = names("Marshal Tukhachevskiy was shot.")
    assert (marshal.text, marshal.type) == ("Tukhachevskiy", "person")
    assert "title:Marshal" in marshal.evidence and "surname:-skiy" in marshal.evidence


def test_place_context_decides_an_unknown_name() -> None:
    (town,) = names("He was born in the small town of Zlatopol.")
    assert (town.text, town.type) == ("Zlatopol", "place")
    assert "context:the town of" in town.evidence


def test_offsets_point_into_the_text_given_and_normal_forms_are_clean() -> None:
    text = "Stalin's order reached Bukha-\nrin at night.\nTHE TRIAL OF BUKHARIN"
    found = names(text)
    assert all(text[m.start : m.end] == m.text for m in found)
    assert [(m.text, m.normal, m.type) for m in found] == [
        ("Stalin", "Stalin", "person"), ("Bukha-\nrin", "Bukharin", "person"), ("BUKHARIN", "BUKHARIN", "person")]


def test_numbered_congresses_are_events_but_the_party_in_them_is_named() -> None:
    found = typed("At the 17th Party Congress and the 15th VKP(b) Congress the Central Committee Plenum met.")
    assert found == {"VKP(b)": "org", "Central Committee": "org"}


def test_a_document_gives_one_name_one_type_and_finds_its_missed_mentions() -> None:
    passages = ["N. I. Bukharin spoke first.", "Then Bukharin left for Moscow.", "The Kremlin said nothing of Bukharin."]
    found = list(name_mentions(passages))
    assert [[(m.text, m.type) for m in ms if m.normal.endswith("Bukharin")] for ms in found] == [
        [("N. I. Bukharin", "person")], [("Bukharin", "person")], [("Bukharin", "person")]]


def test_russian_case_forms_are_normalised_to_the_nominative() -> None:
    text = "Сталина боялись. Встреча со Сталиным. Арестовали Николая Ивановича Ежова и Анну Ахматову в Москве."
    found = names(text, language="ru")
    assert [(m.text, m.normal, m.type) for m in found] == [
        ("Сталина", "Сталин", "person"), ("Сталиным", "Сталин", "person"),
        ("Николая Ивановича Ежова", "Николай Иванович Ежов", "person"),
        ("Анну Ахматову", "Анна Ахматова", "person"), ("Москве", "Москва", "place")]
    assert all(text[m.start : m.end] == m.text for m in found)
    assert type_from_evidence(found[0].evidence) == "person"


def aliases(text: str) -> list[tuple[str, str, str]]:
    found = declared_aliases(text, names(text))
    assert all(isinstance(d, AliasDeclaration) for d in found)
    return [(text[d.name_start : d.name_end], text[d.alias_start : d.alias_end], d.kind) for d in found]


def test_declared_aliases() -> None:
    assert aliases("Joseph Stalin, born Iosif Dzhugashvili in Gori, rose fast.") == [
        ("Joseph Stalin", "Iosif Dzhugashvili", "birth name")]
    assert aliases("The boy Stalin (Soso) grew up poor.") == [("Stalin", "Soso", "alias")]
    assert aliases("Stalin used many names. His aliases included Koba.") == [("Stalin", "Koba", "alias")]
    assert aliases("His mother, Yekaterina Georgiyevna, née Geladze, was a seamstress.") == [
        ("Yekaterina Georgiyevna", "Geladze", "maiden name")]
    assert aliases("Stalin went to Tiflis (Tbilisi) and was born in 1879.") == []


def test_aliases_others_call_a_person_by_and_names_they_take() -> None:
    took = "As a student, Bronstein read the poets and later began to call himself Trotsky. The name stuck."
    assert aliases(took) == [("Bronstein", "Trotsky", "alias")]
    assert aliases("His old comrades, meeting Stalin at the dacha, still called him Koba.") == [
        ("Stalin", "Koba", "nickname")]
    # The one named right before "called him" is the caller, not the one the name is declared for.
    assert aliases("Kamenev met Stalin in exile. Lenin called him Koba in his letters.") == [
        ("Stalin", "Koba", "nickname")]
    assert aliases("Lenin called him Koba in his letters.") == []
    assert aliases("Stalin grew up in Gori. His mother, Ekaterina Geladze, called him Soso.") == [
        ("Stalin", "Soso", "nickname")]


def test_an_alias_written_before_its_owner() -> None:
    assert aliases("The family moved when Volodya (Lenin's name in childhood) was six.") == [
        ("Lenin", "Volodya", "nickname")]
    assert aliases("Everyone in Tiflis knew Kato, Stalin's boyhood nickname, by then.") == [
        ("Stalin", "Kato", "nickname")]
    assert aliases("He wrote as Ulyanov (Lenin's real name) to the police.") == [("Lenin", "Ulyanov", "birth name")]
    # The bracket or comma must close after the cue: here Molotov is no name of Stalin's.
    assert aliases("At the meeting Molotov, Stalin's pseudonym on his lips, stood up.") == []
    assert aliases("Those shot included Soso Buachidze and Levan Agniashvili.") == []


def test_a_publication_named_re_something_is_no_mention_of_the_place() -> None:
    text = "New busts of Stalin went up in small towns (Re: Russia, May 12). Putin toured Russia that spring."
    assert [(m.text, m.type) for m in names(text)] == [
        ("Stalin", "person"), ("Re: Russia", "org"), ("Putin", "person"), ("Russia", "place")]
    assert typed("The survey was published by Re: Russia in May.") == {"Re: Russia": "org"}
    # "Re:" opening a memo's subject line is no publication: the name after it is a mention.
    assert typed("Re: Stalin's letters to Molotov") == {"Stalin": "person", "Molotov": "person"}


def test_a_reports_author_is_named_in_its_text_not_only_in_its_metadata() -> None:
    report = ("JPRS Report\n\nSoviet Union\n\nBy Ivan Petrov\n\nJPRS-UPA-90-017\n\n3 MAY 1990\n\n"
              "[Text] The archives of Saratov were opened to historians in 1989.\n")
    doc = build_document(Source("r.txt", report, "text"), "x")
    assert doc.author == "Ivan Petrov" and doc.extracted is not None
    (author,) = [m for m in doc.extracted.names if m.type == "person"]
    assert doc.text[author.start : author.end] == author.text == "Ivan Petrov"
    assert "JPRS" not in doc.text and "[Text]" not in doc.text
    mapped = decode_map(doc.original, doc.text, doc.offset_map)
    start, end = mapped.to_original(author.start, author.end)
    assert doc.original[start:end] == "Ivan Petrov" and doc.original.index("By Ivan") + 3 == start


def test_english_given_names_keep_middle_initials_and_abbreviations() -> None:
    found = names("The letter was signed by John Q. Adams and by Jos. Story, and Wm. Penn had signed the first.")
    assert [(m.text, m.type) for m in found] == [
        ("John Q. Adams", "person"), ("Jos. Story", "person"), ("Wm. Penn", "person")]


def test_a_town_and_its_abbreviated_state_are_one_place() -> None:
    found = typed("He was born at Peoria, Ill., in 1850 and died at Memphis, Tenn. in 1901.")
    assert found == {"Peoria, Ill.": "place", "Memphis, Tenn.": "place"}


def test_firms_and_bodies_with_a_small_head_word_are_organisations() -> None:
    assert typed("The book was printed by J. B. Lippincott Co. and sold by Smith & Co. in the city.") == {
        "J. B. Lippincott Co.": "org", "Smith & Co.": "org"}
    assert typed("He voted with the Whig party, and his wife joined the Methodist church.") == {
        "Whig party": "org", "Methodist church": "org"}
    assert "Moscow party" not in typed("The Moscow party organisation met.")  # "party" is not the head


def test_american_place_names_and_name_suffixes() -> None:
    assert typed("He moved from Louisville to Atlantic City and then to Fort Wayne in the State of Ohio.") == {
        "Louisville": "place", "Atlantic City": "place", "Fort Wayne": "place", "State of Ohio": "place"}
    assert typed("Samuel Adams, Esq., presided over the meeting.") == {"Samuel Adams": "person"}


def test_a_lone_guess_of_spacys_is_not_enough() -> None:
    assert sum(tally(Counter(["spacy-guess:ORG"])).values()) < MIN_VOTE <= tally(Counter(["spacy:ORG"]))["org"]
    assert type_from_evidence(["spacy-guess:ORG", "context:in"]) == "place"
    assert type_from_evidence(["spacy-guess:ORG", "surname:-ov"]) == "person"
    assert [w for w in ("NKVD", "TsKK", "VKP(b)", "NOTICE", "McDonald") if is_acronym(w)] == ["NKVD", "TsKK", "VKP(b)"]


def test_type_from_evidence_pools_cues() -> None:
    assert type_from_evidence(["spacy:GPE", "surname:-in", "spacy:PERSON"]) == "person"
    assert type_from_evidence(["spacy:PERSON", "known:place"]) == "place"
    assert type_from_evidence(["spacy:GPE", "org-word:Committee"]) == "org"
    assert type_from_evidence(["spacy:GPE", "spacy:ORG", "spacy:GPE"]) == "place"
    with pytest.raises(ValueError):
        type_from_evidence([])


def test_the_pipeline_runs_only_what_it_needs() -> None:
    nlp = pipeline()
    assert nlp is pipeline()
    assert nlp.pipe_names == ["ner", "chronika_name_candidates", "chronika_name_types"]
    doc = nlp("Comrade Yezhov went to Kolyma.")
    assert [(s.text, s.label_) for s in doc.spans["names"]] == [("Yezhov", "person"), ("Kolyma", "place")]


def test_two_processes_find_what_one_finds() -> None:
    passages = ["Yezhov and Yagoda ran the NKVD.", "Kirov was killed in Leningrad.", "Beria came from Georgia."] * 3
    one = list(name_mentions(passages, n_process=1, batch_size=2))
    two = list(name_mentions(passages, n_process=2, batch_size=2))
    assert one == two and sum(map(len, one)) == 21


def test_unsupported_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="English"):
        list(name_mentions(["Bonjour"], language="fr"))


# -- the seeds -------------------------------------------------------------------------------------

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")


def _passages(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[start:end].strip():
            out.append((start, text[start:end]))
        start = m.end() if m else end
    return out


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict[str, object]]]:
    return json.loads(GOLD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _raw(name: object) -> str:
    return (SEEDS / str(name)).read_text(encoding="utf-8")


@pytest.mark.seeds
def test_gold_offsets_still_match_the_seeds(gold: dict[str, list[dict[str, object]]]) -> None:
    raws = {f: _raw(f) for f in {s["file"] for s in gold["sentences"]}}
    assert len(gold["sentences"]) >= 300 and set(raws) == {p.name for p in Path(SEEDS).glob("0*.txt")}
    for name in gold["names"]:
        assert raws[str(name["file"])][int(name["start"]) : int(name["end"])] == name["text"], name  # type: ignore[call-overload]
        assert any(s["file"] == name["file"] and s["start"] <= name["start"] < s["end"] for s in gold["sentences"])  # type: ignore[operator]


@pytest.mark.seeds
def test_seed_people_are_found_with_person_f1_of_at_least_095(gold: dict[str, list[dict[str, object]]]) -> None:
    """Person F1 (exact span and type) over the annotated sentences, found by running the passages
    that hold them. Measured 0.979 (P 0.976, R 0.982) when this test was written; the threshold
    sits a little under it so that rule changes cannot quietly lose people."""
    tp = fp = fn = 0
    for file in sorted({str(s["file"]) for s in gold["sentences"]}):
        raw = _raw(file)
        sentences = [(int(s["start"]), int(s["end"])) for s in gold["sentences"] if s["file"] == file]  # type: ignore[call-overload]
        held = [(o, p) for o, p in _passages(raw) if any(o <= a < o + len(p) for a, _ in sentences)]
        predicted = {(o + m.start, o + m.end) for (o, _), ms in zip(held, name_mentions(p for _, p in held))
                     for m in ms if m.type == "person" and any(a <= o + m.start < b for a, b in sentences)}
        expected = {(int(n["start"]), int(n["end"])) for n in gold["names"]  # type: ignore[call-overload]
                    if n["file"] == file and n["type"] == "person"}
        tp, fp, fn = tp + len(predicted & expected), fp + len(predicted - expected), fn + len(expected - predicted)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95, (f1, tp, fp, fn)


@pytest.mark.seeds
def test_seed_people_list_keeps_the_three_medvedevs_apart() -> None:
    people = json.loads(PEOPLE.read_text(encoding="utf-8"))["people"]
    medvedevs = [p for p in people if any(v.startswith(("Medved", "Roy Medved", "Dmitry Medved", "F. Medved"))
                                          for v in p["variants"])]
    assert {p["canonical"] for p in medvedevs} == {"Roy Medvedev", "Dmitry Medvedev", "F. Medved"}
    raws = "\n".join(_raw(p.name) for p in sorted(Path(SEEDS).glob("0*.txt")))
    for person in people:
        for variant in person["variants"]:
            assert variant in raws, (person["canonical"], variant)


@pytest.mark.seeds
def test_seed_002_joins_koba_and_soso_to_stalin_and_names_its_author() -> None:
    """In 002 the text declares Stalin's childhood name (the alias before him) and the name he
    took and others called him by; Soso Buachidze, a namesake with a surname, stays another man.
    The report's author, from its header, is a person mentioned in the clean text."""
    (path,) = Path(SEEDS).glob("002_*.txt")
    doc = build_document(read_path(path), "x", extract=False)
    text = doc.text
    held = [p for p in doc.passages if p.n == 1 or re.search(r"\b(?:Koba|Soso)\b", text[p.start : p.end])]
    found = [m for p, ms in zip(held, name_mentions(text[p.start : p.end] for p in held)) for m in
             (NameMention(m.start + p.start, m.end + p.start, m.text, m.type, m.normal, m.evidence) for m in ms)]
    author = [m for m in found if m.type == "person" and m.start < held[0].end]
    assert doc.author == "Roy Medvedev" and [text[m.start : m.end] for m in author] == ["Roy Medvedev"]
    records = [MentionRecord(i, 2, m.normal, m.type, m.evidence) for i, m in enumerate(found)]
    aliases = [AliasRecord(2, text[a.name_start : a.name_end], text[a.alias_start : a.alias_end], a.kind)
               for a in declared_aliases(text, found)]
    entities = resolve(records, aliases)
    stalin = next(e for e in entities if "Stalin" in e.names)
    assert {"Koba", "Soso"} <= set(stalin.names)
    assert not any("Buachidze" in n for n in stalin.names)
    assert any("Soso Buachidze" in e.names for e in entities if e is not stalin)


def test_russian_organisations_take_the_nominative_in_their_head_and_keep_their_complements() -> None:
    text = (
        "Письмо ушло в Министерство обороны. Ответ Министерства обороны пришёл. "
        "Дело слушали в Верховном суде. Решение Верховного суда обжаловали. "
        "Социологи Левада-центра провели опрос. Со Свердловским областным судом спорили. "
        "Послы Соединённых Штатов уехали. Ветераны Вооружённых сил пришли."
    )
    found = names(text, language="ru")
    orgs = {m.text: m.normal for m in found if m.type == "org"}
    assert orgs["Министерства обороны"] == "Министерство обороны"
    assert orgs["Верховного суда"] == orgs["Верховном суде"] == "Верховный суд"
    assert orgs["Левада-центра"] == "Левада-центр"
    assert orgs["Свердловским областным судом"] == "Свердловский областной суд"
    assert orgs["Вооружённых сил"] == "Вооружённые силы"  # a plural head stays plural
    places = {m.text: m.normal for m in found if m.type == "place"}
    assert places["Соединённых Штатов"] == "Соединённые Штаты"  # an adjective the tagger calls a name agrees


def test_russian_names_keep_the_spacing_of_their_punctuation() -> None:
    found = names("Общество «Мемориал» подало иск против ЦК ВКП(б) и его наследников.", language="ru")
    assert "Общество «Мемориал»" in {m.normal for m in found}


def test_a_russian_span_of_two_surnames_in_different_cases_is_two_people() -> None:
    text = "Следователь передал дело Люшкова Ежову в тот же день."
    found = [m for m in names(text, language="ru") if m.type == "person"]
    assert [(m.text, m.normal) for m in found] == [("Люшкова", "Люшков"), ("Ежову", "Ежов")]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_a_russian_name_is_not_cut_between_its_given_name_and_surname() -> None:
    text = "Приказ Лаврентия Берии выполнили. Письма Якова Джугашвили сохранились. Товарищ Коба пришёл."
    people = [m.normal for m in names(text, language="ru") if m.type == "person"]
    assert "Лаврентий Берия" in people and "Яков Джугашвили" in people
    assert "Коба" in people  # a name pymorphy3 does not know, read as nominative, stays as written


def test_a_rank_before_a_russian_name_is_not_part_of_it() -> None:
    text = "Письмо адресовали Товарищу Молотову. Арест Маршала Блюхера потряс армию. Вера Фигнер писала."
    found = [m for m in names(text, language="ru") if m.type == "person"]
    assert [(m.text, m.normal) for m in found] == [
        ("Молотову", "Молотов"), ("Блюхера", "Блюхер"), ("Вера Фигнер", "Вера Фигнер")]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_a_stress_mark_is_no_part_of_a_russian_name() -> None:
    text = "Расстрелы в Каты́ни начались весной."
    found = names(text, language="ru")
    assert [(m.text, m.normal) for m in found] == [("Каты́ни", "Катынь")]


def test_a_gloss_in_brackets_after_a_russian_name_is_a_name_of_its_own() -> None:
    text = "Журналиста Питера Брауна (Peter Brown) освободили. Решение Конституционного суда (КС) обжаловали."
    found = names(text, language="ru")
    assert [(m.text, m.normal, m.type) for m in found] == [
        ("Питера Брауна", "Питер Браун", "person"), ("Peter Brown", "Peter Brown", "person"),
        ("Конституционного суда", "Конституционный суд", "org"), ("КС", "КС", "org")]
    assert all(text[m.start : m.end] == m.text for m in found)
