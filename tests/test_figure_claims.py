"""Figures compared like with like: the subject and attribute a figure's sentence gives, parts of a
whole only corroborating, different years never clashing, ranges compared end to end."""

from __future__ import annotations

from pathlib import Path

from chronika.extract.figures import tag_figures
from chronika.ingest.pipeline import ingest
from chronika.query.claims import Claim, _bounds, compare
from chronika.query.event_dates import read_event_date
from chronika.query.figure_claims import FigureClaim, _sum, named_subject, read_claim, read_claims
from chronika.records.stored import StoredFigure
from chronika.store import Store


def claim_of(text: str, document: int = 1, title: str = "", year: int | None = None, nth: int = 0) -> Claim | None:
    found = tag_figures(text)[nth]
    figure = StoredFigure(found.start, found.end, found.text, found.value, found.low, found.high, found.approximate,
                          found.unit, found.counted, document=document, passage=0)
    read = read_claim(figure, text, 0, len(text), title, year)
    if read is None:
        return None
    low, high = _bounds(figure.value, figure.low, figure.high, figure.approximate)
    return Claim(read.subject, read.label, document, 0, len(text), text, figure.text, low, high, why=read.why,
                 part=read.part is not None, ranged=figure.low is not None and figure.high is not None, sure=read.sure)


def test_subject_and_attribute_come_from_the_sentence_in_both_languages() -> None:
    english = claim_of("In 1940 the NKVD shot about 4,000 Polish officers at Katyn.")
    russian = claim_of("На Бутовском полигоне были расстреляны 5 тысяч человек.")
    assert english is not None and (english.subject, english.attribute) == ("Katyn massacre", "people killed (shot, executed)")
    assert russian is not None and (russian.subject, russian.attribute) == ("Butovo firing range", "people killed (shot, executed)")
    assert "named in its sentence" in english.why


def test_no_claim_without_a_subject_or_for_things_that_are_not_people() -> None:
    assert claim_of("Some 3,000 people were shot that winter.") is None  # no event or site named
    assert claim_of("В Сандармохе нашли 150 расстрельных ям.") is None  # pits are no people
    assert claim_of("Katyn: millions of victims.") is None  # a vague plural asserts no estimate


def test_counts_of_one_thing_in_two_documents_conflict_or_corroborate() -> None:
    a = claim_of("About 9,000 prisoners were shot at Kurapaty.", document=1)
    b = claim_of("At Kurapaty 9,120 prisoners were shot.", document=2)
    c = claim_of("At Kurapaty 30,000 prisoners were shot.", document=3)
    assert a and b and c
    assert [g.status for g in compare([a, b])] == ["corroborated"]
    assert [g.status for g in compare([a, b, c])] == ["conflict"]


def test_up_to_is_an_estimate_and_ranges_are_compared_end_to_end() -> None:
    up_to = claim_of("На Бутовском полигоне казнено до 25 тысяч человек.", document=1)
    exact = claim_of("В Бутове были убиты 12 тысяч 105 человек.", document=2)
    assert up_to and exact and [g.status for g in compare([up_to, exact])] == ["conflict"]
    one = claim_of("The Holodomor's death toll | 2 million[1] — 7 million[2] |", document=1)
    two = claim_of("The Holodomor's death toll | 4 million[1] — 7 million[2] |", document=2)
    assert one and two and one.ranged and [g.status for g in compare([one, two])] == ["conflict"]


def test_parts_of_a_whole_only_corroborate() -> None:
    whole = claim_of("The Kolyma camps held 50,000 prisoners, of whom 20,000 died.", document=1, nth=1)
    part_a = claim_of("At Katyn 22,000 were shot, including about 8,000 officers.", document=1, nth=1)
    part_b = claim_of("At Katyn 21,000 were shot, including 8,100 officers.", document=2, nth=1)
    part_c = claim_of("At Katyn 22,000 were shot, including 6,000 officers.", document=3, nth=1)
    assert whole is not None and not whole.part
    assert part_a and part_b and part_c and part_a.attribute.endswith(": officers")
    groups = compare([part_a, part_b, part_c])
    assert [(g.status, [c.document for c in g.claims]) for g in groups] == [("corroborated", [1, 2])]


def test_shares_compare_within_one_poll_year_only() -> None:
    a = claim_of("A Levada poll found that 70 % of Russians approve of Stalin's role.", document=1, year=2019)
    b = claim_of("According to Levada, 70 percent of Russians think favourably of Stalin.", document=2, year=2019)
    c = claim_of("In 2016 Levada found 54 % of Russians approve of Stalin.", document=3, year=2019)
    assert a and b and c and c.attribute == "share approving of Stalin (2016)"
    assert [(g.status, g.attribute) for g in compare([a, b, c])] == [("corroborated", "share approving of Stalin (2019)")]
    assert claim_of("Levada: 48 % call it mostly good.", year=2019) is None  # a breakdown, no population


def test_a_count_of_those_held_in_one_kind_of_place_is_a_part_of_the_events_whole() -> None:
    whole = claim_of("Historians put the deaths caused by dekulakization at 3 million for 1931 to 1936.", document=1)
    settled = claim_of("За 1931-1939 годы в уральских спецпоселках умерли от 0,5 до 0,6 млн. раскулаченных.", document=2)
    assert whole is not None and settled is not None and settled.part
    assert settled.attribute == "deaths: спецпоселках" and compare([whole, settled]) == []
    camps = claim_of("At the Butovo range 20,761 people were shot in the camps.", document=3)
    assert camps is not None and not camps.part  # a place is its own subject: nothing to be a part of


def test_a_count_up_to_a_date_is_compared_only_with_counts_to_that_date() -> None:
    interim = claim_of("By January 1, 1938, under Order No. 00447 some 250,000 people had been shot.", document=1)
    total = claim_of("Under Order No. 00447, 390,000 people were shot in all.", document=2)
    russian = claim_of("К 1 января 1938 года по приказу 00447 было расстреляно 250 тысяч человек.", document=3)
    assert interim and total and russian
    assert interim.attribute.endswith("(as of january 1, 1938)") and "a count to" in interim.why
    assert russian.attribute.endswith("(as of 1 января 1938)")
    assert compare([interim, total]) == []
    place = claim_of("На Бутовском полигоне в 1937 году было расстреляно 20 тысяч человек.")
    assert place is not None and "as of" not in place.attribute  # a place, not a date, after "на"


def test_a_count_dated_before_its_subject_began_is_of_something_else() -> None:
    assert claim_of("В апреле 1930 года от голода умерли 252 ребёнка спецпереселенцев.") is None
    assert claim_of("In 2008 Ukraine said the famine of 1932-33 killed 3,500,000 people.") is not None  # dated after: kept


def test_a_count_that_says_what_happened_before_what_it_counts() -> None:
    claim = claim_of("The Gulag was vast: perhaps 900,000[c] died owing to hunger in the camps.")
    assert claim is not None and claim.attribute == "deaths"


def event_of(sentence: str, date: str) -> tuple[str, str, str] | None:
    at = sentence.index(date)
    return read_event_date(sentence, at, at + len(date))


def test_a_named_event_and_its_one_date_make_a_date_claim_in_both_languages() -> None:
    english = event_of("Khrushchev gave his Secret Speech to the closed session on 25 February 1956.", "25 February 1956")
    russian = event_of("Хрущёв прочёл закрытый доклад 25 февраля 1956 года.", "25 февраля 1956 года")
    assert english is not None and english[:2] == ("Khrushchev's Secret Speech", "date delivered")
    assert russian is not None and russian[0] == "Khrushchev's Secret Speech" and "its sentence's one date" in russian[2]


def test_a_date_of_something_else_near_an_event_is_no_claim_about_it() -> None:
    assert event_of("The Secret Speech was first published in the USSR in 1989.", "1989") is None
    assert event_of("The Secret Speech came three years after Stalin's death in 1953.", "1953") is None
    assert event_of("Закрытый доклад был опубликован только в 1989 году.", "1989 году") is None
    assert event_of("In 1989 the text of the Secret Speech appeared in print.", "1989") is None  # the date comes first


def test_a_count_proposed_or_ordered_is_compared_only_with_plans() -> None:
    planned = claim_of("Нарком внёс записку с предложением расстрелять 9 400 польских пленных из лагерей под Катынью.")
    done = claim_of("At Katyn the NKVD shot 21,857 Polish prisoners.", document=2)
    english = claim_of("Stalin ordered the execution of 10,000 Polish prisoners at Katyn.", document=3)
    assert planned and done and english
    assert planned.attribute == "people killed (shot, executed), as planned or ordered" and "a plan" in planned.why
    assert english.attribute == planned.attribute and done.attribute == "people killed (shot, executed)"
    assert compare([planned, done]) == []


def test_a_count_of_people_names_the_event_its_passage_is_about() -> None:
    from chronika.query.figure_claims import named_subject

    text = "The Katyn massacre began in April 1940. The count of the dead is put at some 20,000. The forest lies 9 miles away."
    second = text.index("The count")
    third = text.index("The forest")
    assert named_subject(text, second, third, "dead") == "Katyn massacre"
    assert named_subject(text, third, len(text), "miles") is None  # a distance is about no one
    famine = "В апреле 1930 года в больнице умерли 252 ребёнка, а голод продолжался."
    assert named_subject(famine, 0, len(famine), "ребёнка умерли (children died)") is None  # dated before 1932-33


def test_a_subject_named_only_before_a_count_is_sure_when_the_title_names_it_too() -> None:
    text = "Приказ о расстреле в Катыни был подписан весной 1940 года. Под расстрел попали 21 000 военнопленных."
    count = text.index("Под расстрел")

    def read(title: str) -> FigureClaim | None:
        figure = next(f for f in tag_figures(text) if f.start > count)
        stored = StoredFigure(figure.start, figure.end, figure.text, figure.value, figure.low, figure.high,
                              figure.approximate, figure.unit, figure.counted, document=1, passage=0)
        return read_claim(stored, text, count, len(text), title, None)

    titled = read("Катынский расстрел: приказ 1940 года")
    untitled = read("Документы 1940 года")
    assert titled is not None and untitled is not None
    assert titled.subject == untitled.subject == "Katyn massacre"
    assert titled.sure and "named before it and in its document's title" in titled.why
    assert not untitled.sure  # one mention before the sentence: held back as uncertain


def test_a_part_whose_sentence_dates_where_it_came_from_is_still_a_part() -> None:
    part = claim_of("At Katyn 21,000 were shot. Of the total shot, some 7,000 were officers captured in 1939.", nth=1)
    assert part is not None and part.attribute.endswith(": officers")


def test_a_share_beside_an_earlier_wave_or_about_a_monument_makes_no_approval_claim() -> None:
    monument = claim_of("По данным «Левада-центра», поставить бюст Сталину в своём городе одобряют 41% россиян.",
                        year=2015)
    waves = claim_of("Levada found that 37 % of Russians approve of Stalin (in 2010 the share was 27 %).", year=2015)
    assert monument is None and waves is None


def test_stalins_approval_rating_is_a_share_of_the_whole_and_a_year_right_after_a_share_is_its_own() -> None:
    text = ("Stalin's approval rating reached 47 percent in 2012, but now nearly three-quarters "
            "of respondents approve of him, Levada said.")
    rating, now = claim_of(text, year=2019), claim_of(text, year=2019, nth=1)
    assert rating is not None and rating.attribute == "share approving of Stalin (2012)"
    assert now is None  # the sentence's one year is the earlier share's
    assert claim_of("Levada: Putin's approval rating stood at 80 % in 2019.", year=2019) is None  # not Stalin's


def test_a_share_takes_the_one_poll_its_document_names_however_far_before() -> None:
    filler = "Analysts read the findings in many ways. " * 20
    one = f"The Levada Center questioned adults across Russia. {filler}The approval rating for Stalin came to 46 % in 2013."
    two = f"Levada and VTsIOM questioned adults across Russia. {filler}The approval rating for Stalin came to 46 % in 2013."


    def last_sentence_claim(text: str) -> FigureClaim | None:
        found = tag_figures(text)[-1]
        figure = StoredFigure(found.start, found.end, found.text, found.value, found.low, found.high,
                              found.approximate, found.unit, found.counted, document=1, passage=0)
        return read_claim(figure, text, text.rindex("The approval"), len(text), "", 2019)

    read = last_sentence_claim(one)
    assert read is not None and read.subject == "Levada Center poll" and "the one poll its document names" in read.why
    assert last_sentence_claim(two) is None  # two pollsters: whose is it?


def test_a_poll_in_a_document_stating_no_date_takes_the_year_its_file_name_gives(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "poll_news_2019.txt").write_text(
        "Stalin in the polls\n\nA Levada poll found that 70 % of Russians approve of Stalin's role.\n", encoding="utf-8")
    (folder / "poll-news.txt").write_text(  # no year in its name: no poll year, no claim
        "Another poll\n\nAccording to Levada, 64 percent of Russians think favourably of Stalin.\n", encoding="utf-8")
    store = Store(tmp_path / "p.db")
    ingest(store, [folder])
    claims = read_claims(store)
    assert [(c.attribute, c.year) for c in claims] == [("share approving of Stalin", 2019)]
    assert claims[0].why.endswith("poll of 2019 (the year in the file's name)")


def summed(text: str) -> FigureClaim | None:
    """The claim of the first and last figures of a sentence added up, as read_claims joins them."""
    found = tag_figures(text)
    first, second = found[0], found[-1]
    one, two = (StoredFigure(f.start, f.end, f.text, f.value, f.low, f.high, f.approximate, f.unit, f.counted,
                             document=1, passage=0) for f in (first, second))
    read = read_claim(one, text, 0, len(text), "", None)
    assert read is not None
    return _sum(read, two, read_claim(two, text, 0, len(text), "", None), text)


def test_two_counts_a_sentence_joins_with_as_well_as_are_one_count_of_both() -> None:
    english = summed("Ordered to carry out the execution of Polish officers, the NKVD shot 12,000 prisoners of war held in "
                     "three camps, as well as 7,000 Poles held in prisons.")
    assert english is not None and english.subject == "Katyn massacre" and english.figure.value == 19000
    assert english.figure.text.startswith("12,000") and english.figure.text.endswith("7,000 Poles")
    assert "the sum of two counts" in english.why
    russian = summed("По решению о расстреле польских офицеров были расстреляны 12 000 военнопленных из трёх лагерей, "
                     "а также 7 000 поляков из тюрем.")
    assert russian is not None and russian.figure.value == 19000 and russian.subject == "Katyn massacre"
    # Two things done to two groups, and a share, are not one count.
    assert summed("At Katyn 12,000 prisoners of war were shot, as well as 7,000 arrested in the cities.") is None
    assert summed("At Katyn 12,000 prisoners of war were shot and 7,000 Poles were deported.") is None


def test_a_document_that_names_nothing_of_the_terror_gives_its_figures_no_subject_of_it() -> None:
    hunger = "Adrift for three weeks, 73 migrants died of hunger before the boat was found."
    figure = tag_figures(hunger)[0]
    assert named_subject(hunger, 0, len(hunger), figure.counted or "") is None
    famine = "In the famine of 1932-33, 73,000 people died of hunger in the district."
    figure = tag_figures(famine)[0]
    assert named_subject(famine, 0, len(famine), figure.counted or "") == "famine of 1932-33"


def test_figures_in_a_document_that_names_nothing_of_the_terror_have_no_subject_and_make_no_claim(tmp_path: Path) -> None:
    from chronika import views

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "migrants.txt").write_text(
        "Лодка с мигрантами\n\nТри недели в море: от голода умерли 73 человека, выжили пятеро.\n", encoding="utf-8")
    (folder / "famine.txt").write_text(
        "Голодомор\n\nВ районе от голода в 1933 году умерли 7300 человек.\n", encoding="utf-8")
    store = Store(tmp_path / "f.db")
    ingest(store, [folder])
    subjects = {f["citation"]["source"].rsplit("/", 1)[-1]: f["subject"] for f in views.figures(store) if f["value"] > 70}
    assert subjects == {"migrants.txt": None, "famine.txt": "famine of 1932-33"}
    assert {c.figure.document for c in read_claims(store)} <= {int(d.id[1:]) for d in store.documents() if "famine" in d.source}
