"""Figures: every written form of a number `tag_figures` reads, the value and bounds its words imply,
what it counts, what it refuses (years, pages, order numbers, ordinals, pronouns), and its scores
on the hand-checked seed gold (tests/gold/seed-figures.json)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from chronika.extract.figures import tag_figures
from chronika.records.mentions import FigureMention
from chronika.extract.timex import tag_times
from conftest import ROOT, SEEDS

GOLD = ROOT / "tests" / "gold" / "seed-figures.json"
Shape = tuple[str, float, float | None, float | None, bool, str | None, str | None]


def shape(f: FigureMention) -> Shape:
    return f.text, round(f.value, 1), f.low, f.high, f.approximate, f.unit, f.counted


def one(text: str) -> FigureMention:
    figures = tag_figures(text)
    assert len(figures) == 1, [shape(f) for f in figures]
    return figures[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The execution of about 22,000 Poles was recorded.", ("about 22,000 Poles", 22000, None, None, True, None, "Poles")),
        ("In all 21,857 prisoners died.", ("21,857 prisoners", 21857, None, None, False, None, "prisoners died")),
        ("Some 680,000 people shot by the NKVD.", ("Some 680,000 people shot", 680000, None, None, True, None,
                                                   "people shot")),
        ("1.5 million peasants were deported.", ("1.5 million peasants", 1.5e6, None, None, False, None, "peasants deported")),
        ("a million and a half kulaks", ("a million and a half kulaks", 1.5e6, None, None, False, None, "kulaks")),
        ("half a million people", ("half a million people", 5e5, None, None, False, None, "people")),
        ("only three persons survived", ("only three persons", 3, None, None, False, None, "persons survived")),
        ("thirteen delegates protested", ("thirteen delegates", 13, None, None, False, None, "delegates")),
        ("three hundred and fifty thousand peasants", ("three hundred and fifty thousand peasants", 350000, None, None,
                                                        False, None, "peasants")),
        ("22 тысячи поляков", ("22 тысячи поляков", 22000, None, None, False, None, "поляков (Poles)")),
    ],
)
def test_numbers_in_digits_and_words(text: str, expected: Shape) -> None:
    assert shape(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("where over 20,000 people were killed", ("over 20,000 people", 20000, 20000, None, False, None, "people killed")),
        ("more than 300,000 rubles", ("more than 300,000 rubles", 300000, 300000, None, False, None, "rubles")),
        ("at least 213 monuments", ("at least 213 monuments", 213, 213, None, False, None, "monuments")),
        ("nearly 100 other Polish officials", ("nearly 100 other Polish officials", 100, None, 100, True, None,
                                               "Polish officials")),
        ("almost 40 generals", ("almost 40 generals", 40, None, 40, True, None, "generals")),
        ("up to 4 billion poods", ("up to 4 billion poods", 4e9, None, 4e9, True, None, "poods")),
        ("fewer than 50 survivors", ("fewer than 50 survivors", 50, None, 50, False, None, "survivors")),
        ("less than 1 million centners", ("less than 1 million centners", 1e6, None, 1e6, False, None, "centners")),
        ("roughly 5 million victims", ("roughly 5 million victims", 5e6, None, None, True, None, "victims")),
        ("around 80 printer's pages", ("around 80 printer's pages", 80, None, None, True, None, "printer's pages")),
        ("between 600,000 and 700,000 prisoners", ("between 600,000 and 700,000 prisoners", 650000, 600000, 700000,
                                                   False, None, "prisoners")),
        ("only 400-440 billion poods", ("only 400-440 billion poods", 4.2e11, 4e11, 4.4e11, False, None, "poods")),
        ("from 5 to 8 million peasants", ("from 5 to 8 million peasants", 6.5e6, 5e6, 8e6, False, None, "peasants")),
        ("two or three letters", ("two or three letters", 2.5, 2, 3, False, None, "letters")),
    ],
)
def test_bounds_follow_the_words(text: str, expected: Shape) -> None:
    assert shape(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of thousands were exterminated.", ("Hundreds of thousands", 200000, 200000, 999999, True, None, None)),
        ("millions of people were sent to camps", ("millions of people", 2e6, 2e6, 999999999, True, None, "people sent to camps")),
        ("dozens of cases were handed over", ("dozens of cases", 24, 24, 99, True, None, "cases handed")),
        ("thousands of communists", ("thousands of communists", 2000, 2000, 9999, True, None, "communists")),
        ("tens of thousands of officers", ("tens of thousands of officers", 20000, 20000, 99999, True, None, "officers")),
    ],
)
def test_vague_plurals_have_the_bounds_of_their_magnitude(text: str, expected: Shape) -> None:
    assert shape(one(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("72 percent of Russians described them as crimes", ("72 percent of Russians", 72, None, None, False, "percent",
                                                             "percent of Russians described them as crimes")),
        ("60% of the vote", ("60% of the vote", 60, None, None, False, "percent", "percent of vote")),
        ("60 per cent agreed", ("60 per cent", 60, None, None, False, "percent", "percent agreed")),
        ("Seven in ten Russians approve.", ("Seven in ten Russians", 70, None, None, False, "percent",
                                            "percent of Russians approve")),
        ("About one-third tend to think so.", ("About one-third", 33.3, None, None, True, "percent", "percent tend to think so")),
        ("a third of the delegates", ("a third of the delegates", 33.3, None, None, False, "percent",
                                      "percent of delegates")),
        ("two-thirds of the members", ("two-thirds of the members", 66.7, None, None, False, "percent",
                                       "percent of members")),
        ("but roughly half refused", ("roughly half", 50, None, None, True, "percent", "percent refused")),
        ("half of the Central Committee", ("half of the Central Committee", 50, None, None, False, "percent",
                                           "percent of Central Committee")),
        ("up to 30-35 percent", ("up to 30-35 percent", 32.5, 30, 35, True, "percent", None)),
    ],
)
def test_shares_are_percentages(text: str, expected: Shape) -> None:
    assert shape(one(text)) == expected


def test_what_is_counted_carries_over_from_the_last_figure_and_across_of() -> None:
    figures = tag_figures("a minimum of 213 new monuments; 15 new ones this year; 1,108 of 1,966 delegates voted")
    assert [(f.value, f.counted) for f in figures] == [
        (213, "monuments"), (15, "monuments"), (1108, "delegates voted"), (1966, "delegates voted"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The execution in 1940 was recorded on Nov. 26 and in 1937-1938.",
        "See PSS, Vol 45, p 161; Ibid., pp 380-381; Part 1: The Rise.",
        "Order No. 00447 and report 18300508 were signed.",
        "At the 19th Party Congress, on the 70th anniversary, at the 22d Congress.",
        "It is one of the greatest tragedies; one is equally free.",
        "a four-volume epic and a 6,000-word study",
        'having collected all the materials."1',
        'the word "37" implies persecution',
        "Hundreds of years passed; two days later, ten years ago, three weeks after the trial, every five years.",
        "For almost half a century this version was official history.",  # a span, not a share of anything
        "Summaries were sent out every 7-10 days.",  # how often, not how long
        "jobs were created at a rate of 358,000 a month",  # a rate with nothing to say what it counts
        "Он три дня назад предупредил; через 65 лет после войны; за полтора месяца до смерти; каждые пять лет.",
        "a third party entered; a half-hearted attempt",
        "at 5 p.m. the train left",
        "the Wannsee Conference, Berlin, January 20, 19421",  # a year and its footnote mark, glued by a copy
        "по ч. 4 ст. 132 УК РФ; п. 3 постановления",  # a part and an item of a law
        "и ещё лет пятнадцать после войны",  # "about fifteen years": a duration
    ],
)
def test_not_figures(text: str) -> None:
    assert tag_figures(text) == []


def test_time_expressions_passed_in_are_excluded() -> None:
    text = "In 1940, 22,000 were shot."
    assert [f.text for f in tag_figures(text, tag_times(text))] == ["22,000"]
    assert [f.text for f in tag_figures(text)] == ["22,000"]  # found here when not given
    assert [f.text for f in tag_figures(text, [])] == ["1940", "22,000"]


def test_figures_are_sorted_disjoint_and_exact() -> None:
    text = "About 22,000 Poles; over 20,000 people; 72 percent of Russians; roughly half; two-thirds of them."
    figures = tag_figures(text)
    assert len(figures) == 5
    assert all(text[f.start : f.end] == f.text for f in figures)
    assert all(a.end <= b.start for a, b in zip(figures, figures[1:]))


@pytest.fixture(scope="module")
def gold() -> list[dict[str, object]]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["figures"]  # type: ignore[no-any-return]


@pytest.mark.seeds
def test_the_gold_still_matches_the_seeds(gold: list[dict[str, object]]) -> None:
    for item in gold:
        text = (SEEDS / str(item["file"])).read_text(encoding="utf-8")
        assert text[int(str(item["start"])) : int(str(item["end"]))] == item["text"], item


@pytest.mark.seeds
def test_the_seed_figures(gold: list[dict[str, object]]) -> None:
    """Span F1 (overlap) >= 0.85 against the gold, and the gold's values, bounds and counted
    things for every match; the brief's cases by name."""
    found: list[tuple[str, FigureMention]] = []
    documents = {"000_67138d7392bc7285.txt": date(2010, 12, 1), "001_560cda054e0d3336.txt": date(2025, 9, 15)}
    for name, when in documents.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        found += [(name, f) for f in tag_figures(text, tag_times(text, when))]
    matched = []
    for g in gold:
        hits = [f for name, f in found if name == g["file"] and f.start < int(str(g["end"])) and int(str(g["start"])) < f.end]
        if hits:
            matched.append((g, hits[0]))
    precision, recall = len(matched) / len(found), len(matched) / len(gold)
    assert 2 * precision * recall / (precision + recall) >= 0.85
    assert sum(round(f.value, 1) == g["value"] for g, f in matched) / len(matched) >= 0.85
    by_text = {f.text: f for _, f in found}
    assert shape(by_text["about 22,000 Poles"]) == ("about 22,000 Poles", 22000, None, None, True, None, "Poles")
    assert by_text["“a minimum” of 213 new monuments"].low == 213
    assert by_text["15 new ones"].value == 15 and by_text["15 new ones"].counted == "monuments"
    assert by_text["72 percent of Russians"].unit == "percent"
    assert round(by_text["About one-third"].value, 1) == 33.3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reference marks as encyclopedias set them are no figures, nor years whose dash a copy lost
        ("The court called the deportation a crime against the nation,[6] an act of terror [7][8].", []),
        ("the famine of 193233 in Ukraine", []),
        # Russian: thousands grouped by a space, the decimal comma, scale words in any case, "до", "от ... до"
        ("в том лесу казнили 12 430 литовских крестьян", [("12 430 литовских крестьян", 12430, None, None)]),
        ("могилы 4,5 тысяч ссыльных", [("4,5 тысяч ссыльных", 4500, None, None)]),
        ("в лагере умерли 11 тысяч 304 человека.", [("11 тысяч 304 человека", 11304, None, None)]),
        ("в карьере казнено до 15 тысяч человек.", [("до 15 тысяч человек", 15000, None, 15000)]),
        ("выслали от 1,2 до 1,4 млн. крестьян", [("от 1,2 до 1,4 млн. крестьян", 1.3e6, 1.2e6, 1.4e6)]),
        ("были расстреляны десятки тысяч человек", [("десятки тысяч человек", 20000, 20000, 99999)]),
        ("свыше 700 тыс. человек", [("свыше 700 тыс. человек", 700000, 700000, None)]),
    ],
)
def test_reference_marks_and_russian_numbers(text: str, expected: list[tuple[str, float, float | None, float | None]]) -> None:
    assert [(f.text, f.value, f.low, f.high) for f in tag_figures(text)] == expected


def test_russian_poll_shares_say_who_they_are_of_and_what_they_chose() -> None:
    """A report lists options and names the respondents once; the predicate may come first."""
    text = ("Когда их спросили об итогах реформ, 48% опрошенных выбрали ответ «скорее одобряю», "
            "еще 21% — «полностью одобряю». Резко негативно итоги реформ оценивают 6% респондентов, "
            "скорее негативно — 15%. Многие выбрали ответы «с гордостью» (33%) и «со стыдом» (9%). "
            "По данным «Левада-центра», 64% россиян.")
    assert [f.counted for f in tag_figures(text)] == [
        "percent of опрошенных выбрали ответ «скорее одобряю» (respondents chose answers rather approve)",
        "percent of опрошенных: «полностью одобряю» (respondents fully approve)",
        "percent of респондентов: Резко негативно итоги реформ оценивают (respondents sharply negatively rate)",
        "percent of респондентов: скорее негативно (respondents rather negatively)",
        "percent: Многие выбрали ответы «с гордостью» (chose answers pride)",  # no respondents named before
        "percent: «со стыдом» (shame)",
        "percent of россиян (Russians)",  # an attribution is not what the share says
    ]
    # a share in brackets restates the phrase before it; what is said follows the brackets
    restated = tag_figures("Сегодня почти каждый пятый (19%) не возражает против возвращения улице имени Сталина.")
    assert [f.counted for f in restated] == [
        "percent: не возражает против возвращения улице имени Сталина (against return names Stalin)"] * 2


def test_a_span_of_time_measured_is_a_figure_and_an_offset_is_part_of_a_date() -> None:
    spans = tag_figures("He spent 17 years in camps. Thirty years have passed since the camp was closed. Over the "
                        "six decades of party rule. Public debate on the camps had been all but silenced for the "
                        "past 30 years.")
    assert [(f.text, f.value, f.counted) for f in spans] == [
        ("17 years", 17, "years in camps"), ("Thirty years", 30, "years have passed since the camp was closed"),
        ("six decades", 6, "decades of party rule"),
        ("30 years", 30, "years: debate on the camps had been all but silenced for the past")]
    assert [f.text for f in tag_figures("Two days later he died; in 1937-1938 the terror raged.")] == []
    russian = tag_figures("Он провёл 10 лет в лагерях. Суд отправил Дмитриева в колонию на 13 лет.")
    assert [f.counted for f in russian] == [
        "лет в лагерях (years camps)", "лет: Суд отправил Дмитриева в колонию на (years court Dmitriyev colony)"]


def test_russian_names_what_a_number_counts_before_it_as_english_does() -> None:
    assert [f.counted for f in tag_figures("Число погибших составило 300. Общее количество репрессированных "
                                           "достигает 700 тысяч.")] == ["погибших (died)", "репрессированных (repressed)"]
    assert [f.counted for f in tag_figures("По оценкам историков, их общее число превысило 9 000.")] == [None]


def test_the_time_a_figure_was_is_not_what_it_counts() -> None:
    assert [f.counted for f in tag_figures("The company earned $3 million last year; its share rose 20% last year.")] == [
        "dollars", "percent"]
    assert tag_figures("He returned two days following the trial.") == []  # an offset that dates


def test_an_amount_per_unit_of_time_says_so() -> None:
    assert [(f.text, f.counted) for f in tag_figures("a dividend rate of $1.76 a year")] == [("$1.76 a year", "dollars a year")]


def test_a_span_of_time_named_by_its_unit_alone_is_uncertain() -> None:
    from chronika.records.stored import StoredFigure
    from chronika.views.chronology import figure_confidence

    def confidence(counted: str) -> str:
        return figure_confidence(StoredFigure(0, 8, "13 years", 13, None, None, False, None, counted, document=1, passage=0))[0]

    assert confidence("years") == confidence("лет (years)") == "uncertain"  # 13 years of what?
    assert confidence("years in camps") == confidence("календарных дней (days)") == "sure"


def test_a_distance_says_where_it_is_measured_from_in_both_languages() -> None:
    english = tag_figures("Kurapaty (located 8 miles (13 km) north of Minsk, Belarus) and 30 miles more.")
    assert [f.counted for f in english] == ["miles north of Minsk", "km north of Minsk", "miles"]
    russian = tag_figures("Урочище находится в 20 км к востоку от Твери.")
    assert [f.counted for f in russian] == ["км к востоку от Твери (km east Tver)"]


def test_names_in_a_russian_counted_thing_are_glossed_in_english() -> None:
    assert [f.counted for f in tag_figures("44% россиян положительно оценивают роль Сталина в Москве.")] == [
        "percent of россиян положительно оценивают роль Сталина в Москве (Russians positively rate role Stalin Moscow)"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The number of deportees is put at about 40,000.", ["deportees"]),
        ("Arrests | 13,204 |", ["Arrests"]),
        ("Of the 1,966 delegates to the Congress, 1,108 were arrested and 848 were executed.",
         ["delegates", "delegates arrested", "delegates executed"]),
        ("In the poll 48 % call it mostly good.", ["percent call it mostly good"]),
        ("Ещё 9% граждан РФ думают о нём с теплотой.", ["percent of граждан РФ думают о нём с теплотой (citizens Russia warmth)"]),
        ("Лишь 11% респондентов выразили неприязнь.", ["percent of респондентов выразили неприязнь (respondents dislike)"]),
    ],
)
def test_what_a_figure_counts_is_read_from_its_sentence(text: str, counted: list[str]) -> None:
    assert [f.counted for f in tag_figures(text)] == counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("было расстреляно около семисот тысяч человек", [("около семисот тысяч человек", 700000, None, "человек расстреляно (people shot)")]),
        ("на заседание явились восемь иностранных дипломатов", [("восемь иностранных дипломатов", 8, None, "иностранных дипломатов (foreign diplomats)")]),
        ("Порядка половины опрошенных готова", [("Порядка половины опрошенных", 50, "percent", "percent of опрошенных готова (respondents)")]),
        ("каждый пятый опрошенный подтвердил", [("каждый пятый опрошенный", 20, "percent", "percent of опрошенный подтвердил (respondents)")]),
        ("семь из десяти россиян", [("семь из десяти россиян", 70, "percent", "percent of россиян (Russians)")]),
        ("один из лидеров партии", []),  # a pronoun, no count
        ("за вторую половину XIX столетия", []),  # half of a time, no share
    ],
)
def test_russian_numbers_in_words(text: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    assert [(f.text, f.value, f.unit, f.counted) for f in tag_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole phrase: of-complements, a list closed by "and", "and other"
        ("Up to 9,000 heads of families were summarily executed.", [("Up to 9,000 heads", "heads of families executed")]),
        ("the shooting of some 3,000 Latvian army and police officers, clerks, and teachers in 1941",
         [("some 3,000 Latvian army", "Latvian army and police officers, clerks, and teachers")]),
        ("about 4,000 miners and other workers in the north", [("about 4,000 miners", "miners and other workers")]),
        ("about 5,000 workers, the report says", [("about 5,000 workers", "workers")]),  # a comma no list closes
        # what happened to it, and where
        ("Some 2 million people passed through the camps from 1930 to 1940.",
         [("Some 2 million people", "people passed through the camps")]),
        ("roughly 900,000[c] died due to hunger in the settlements.", [("roughly 900,000", "died due to hunger in the settlements")]),
        # what it is, of the whole named before it
        ("Of the total arrested, about 3,000 were engineers and 500 were doctors.",
         [("about 3,000", "engineers, of the total arrested"), ("500", "doctors, of the total arrested")]),
        # the measure its sentence names before it, and a qualifier in parentheses
        ("Her lowest estimate of the camp deaths is put at 3 million.", [("3 million", "lowest estimate of the camp deaths")]),
        ("Scholars estimated the number of victims of the purge at 40,000.", [("40,000", "victims of the purge")]),
        ("The party's approval rating stood at 35 % in 2001.", [("35 %", "percent: party's approval rating")]),
        ("Counts of arrests range between 1.1 million (archival count) and 1.5 million (survivors' estimate).",
         [("1.1 million", "arrests (archival count)"), ("1.5 million", "arrests (survivors' estimate)")]),
    ],
)
def test_what_a_figure_counts_is_a_whole_phrase(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.counted) for f in tag_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from 300 and 400 to 500", [("300", 300.0, None, None), ("400 to 500", 450.0, 400.0, 500.0)]),  # "from X and Y" no range
        ("up to a quarter million settlers", [("up to a quarter million settlers", 250000.0, None, 250000.0)]),
        ("3-4 millions were moved", [("3-4 millions", 3.5e6, 3e6, 4e6)]),
        # an infobox's range: low and high joined by a dash, each with its reference mark
        ("| Потери | от 2 миллионов[3] — 5,5 миллиона[4] |", [("2 миллионов[3] — 5,5 миллиона", 3.75e6, 2e6, 5.5e6)]),
        # a range in words: the scale word that ends its high stands for its low too, where that keeps low < high
        ("an estimated six to eight million died", [("an estimated six to eight million", 7e6, 6e6, 8e6)]),
        ("two or three thousand prisoners", [("two or three thousand prisoners", 2500.0, 2000.0, 3000.0)]),
        ("twenty to a hundred men", [("twenty to a hundred men", 60.0, 20.0, 100.0)]),
        ("погибли от двух до восьми миллионов человек", [("от двух до восьми миллионов человек", 5e6, 2e6, 8e6)]),
        ("от двадцати до ста человек", [("от двадцати до ста человек", 60.0, 20.0, 100.0)]),
        # after a word governing the genitive, "тысячи", "сотни" are one thousand, one hundred; alone, the plural
        ("около тысячи человек", [("около тысячи человек", 1000.0, None, None)]),
        ("более сотни сторонников", [("более сотни сторонников", 100.0, 100.0, None)]),
        ("тысячи людей", [("тысячи людей", 2000.0, 2000.0, 9999.0)]),
    ],
)
def test_ranges_and_scales(text: str, expected: list[tuple[str, float, float | None, float | None]]) -> None:
    assert [(f.text, f.value, f.low, f.high) for f in tag_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # what was done, said before the figure as Russian puts it, and the English beside the words
        ("в лагере были расстреляны 3 200 польских офицеров.", "польских офицеров расстреляны (Polish officers shot)"),
        ("здесь погибли 700 заключённых", "заключённых погибли (prisoners died)"),
        ("опрос показал: 35% опрошенных", "percent of опрошенных (respondents)"),
        ("12 собак", "собак"),  # a word the glossary does not list stays as written
        # what the clause adds after the verb, and a participial phrase set off by a comma
        ("Почти 400 человек были осуждены за участие в крестьянском восстании.",
         "человек осуждены за участие в крестьянском восстании (people convicted peasant)"),
        ("300 человек погибли от голода.", "человек погибли от голода (people died famine)"),
        ("покоятся около 300 польских солдат, казнённых оккупантами.",
         "польских солдат (Polish soldiers), казнённых оккупантами (executed)"),
        ("лежит в 30 км к востоку от г. Твери", "км к востоку от г. Твери (km east Tver)"),
        ("Шествие прошло в 27 городах.", "городах прошло (cities)"),  # took place: no "passed through" here
        ("под арест попали 5200 крестьян, находящихся в специальных лагерях ОГПУ.",
         "крестьян (peasants), находящихся в специальных лагерях ОГПУ (special camps OGPU)"),
    ],
)
def test_russian_counted_things_are_glossed(text: str, counted: str) -> None:
    assert [f.counted for f in tag_figures(text)] == [counted]


def test_mixed_numbers_are_one_figure_and_a_fraction_alone_is_none() -> None:
    assert [(f.text, f.value) for f in tag_figures("The fund paid 2 1/2 million roubles.")] == [("2 1/2 million roubles", 2_500_000)]
    assert [(f.text, f.value) for f in tag_figures("Some 2 and a half million people fled.")] == [
        ("Some 2 and a half million people", 2_500_000)]
    assert [f.value for f in tag_figures("The camp held 2½ thousand prisoners.")] == [2500]
    assert tag_figures("Roughly 1/2 of it, open 24/7.") == []


def test_identifiers_and_number_signs_are_no_figures() -> None:
    assert tag_figures("See Sociétés, N°413, and the ISBN 2-7332 printed on it.") == []
    assert [(f.low, f.high) for f in tag_figures("Between them 10-15 people were held.")] == [(10, 15)]


def test_a_share_of_those_who_changed_is_of_them() -> None:
    english = tag_figures("The number who trust the courts fell from 41% to 30%, and those who fear them "
                          "grew sharply, from 12% to 19%.")
    assert [f.counted for f in english] == ["percent who trust the courts"] * 2 + ["percent who fear them"] * 2
    russian = tag_figures("Доля тех, кто доверяет судам, сократилась - с 41% в 2008 году до 30% в 2018-м.")
    assert [f.counted for f in russian] == ["percent: тех, кто доверяет судам (trust court)"] * 2


def test_a_part_of_the_whole_after_a_reference_mark() -> None:
    text = ("The decree was signed in Minsk. [4] Of the total deported, about 5,000 were teachers, "
            "another 3,000 were railway clerks.")
    assert [f.counted for f in tag_figures(text)] == ["teachers, of the total deported", "railway clerks, of the total deported"]


def test_a_sentence_closed_by_a_quotation_mark_is_no_whole_for_the_next() -> None:
    text = ('"It is hard to say which of these two causes killed more." Historians estimated the number of '
            "victims at 7 million.")
    assert [f.counted for f in tag_figures(text)][-1] == "victims"


def test_a_currency_sign_is_the_figures_unit_and_a_clause_after_a_comma_is_not_what_it_counts() -> None:
    found = tag_figures("Sales reached $2.4 billion, up from about $1.8 million, and £300,000 went to charity.")
    assert [(f.text, f.value, f.unit, f.counted) for f in found] == [
        ("$2.4 billion", 2.4e9, "dollars", "dollars"), ("about $1.8 million", 1.8e6, "dollars", "dollars"),
        ("£300,000", 300000.0, "pounds", "pounds")]
    index = tag_figures("The index closed at 8,420.15, leaving traders uneasy.")[0]
    assert index.text == "8,420.15" and index.counted is None


def test_days_of_a_month_and_a_russian_year_are_no_figures() -> None:
    assert tag_figures("Совещание пройдёт 14-15 ноября в Томске.") == []
    assert tag_figures("The talks ran 3-5 March in Geneva.") == []
    assert tag_figures("* 3020 год — по предсказанию, наступит конец света.") == []
    assert [f.text for f in tag_figures("Прошло 1000 лет, и 2 may be enough.")] == ["1000 лет"]
