"""Time expressions: what `tag_times` finds, the TIMEX3 value and interval it gives, what it refuses
(pages, counts, order numbers), how relative and yearless expressions are anchored, and its scores
on the hand-checked seed gold (tests/gold/seed-dates.json)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronika.records.dates import DateInterval, explicit_dates, interval, julian_to_gregorian, latest_date, parse_date
from chronika.extract.timex import tag_times
from chronika.records.mentions import TimeMention
from conftest import ROOT, SEEDS

GOLD = ROOT / "tests" / "gold" / "seed-dates.json"
DEC_2010 = date(2010, 12, 1)  # a Wednesday


def found(text: str, document_date: date | None = None) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in tag_times(text, document_date)]


def one(text: str, document_date: date | None = None) -> TimeMention:
    mentions = tag_times(text, document_date)
    assert len(mentions) == 1, [(m.text, m.value) for m in mentions]
    return mentions[0]


def span(t: TimeMention) -> tuple[str, str, str]:
    assert t.date is not None
    return t.date.start.isoformat(), t.date.end.isoformat(), t.date.precision


# -- absolute dates, as precise as the text and no more --------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value", "start", "end", "precision"),
    [
        ("The report is dated 5 JULY 1989.", "5 JULY 1989", "1989-07-05", "1989-07-05", "1989-07-05", "day"),
        ("It was posted on Oct. 30, 2009 by the president.", "Oct. 30, 2009", "2009-10-30", "2009-10-30", "2009-10-30", "day"),
        ("On 7 April 1935 the decree was published.", "7 April 1935", "1935-04-07", "1935-04-07", "1935-04-07", "day"),
        ("Filed 1989-07-05 in Arlington.", "1989-07-05", "1989-07-05", "1989-07-05", "1989-07-05", "day"),
        ("Putin came back in February 2010 with a plan.", "February 2010", "2010-02", "2010-02-01", "2010-02-28", "month"),
        ("He began the book in 1962.", "1962", "1962", "1962-01-01", "1962-12-31", "year"),
        ("Arrests began in the spring of 1935.", "the spring of 1935", "1935-SP", "1935-03-01", "1935-05-31", "season"),
        ("The terrible winter of 1932-1933 emptied the villages.", "winter of 1932-1933", "1932-WI", "1932-12-01",
         "1933-02-28", "season"),
        ("Such trials were rare in the 1920s.", "the 1920s", "192", "1920-01-01", "1929-12-31", "decade"),
        ("Old Bolsheviks in the 1930's still called him Koba.", "the 1930's", "193", "1930-01-01", "1939-12-31", "decade"),
        ("The show trials of the early 1930s came first.", "the early 1930s", "193", "1930-01-01", "1933-12-31", "decade"),
        ("By the mid-1930s the camps had grown.", "the mid-1930s", "193", "1934-01-01", "1936-12-31", "decade"),
        ("In the late 1930s the terror peaked.", "the late 1930s", "193", "1937-01-01", "1939-12-31", "decade"),
        ("At the beginning of the 1930's the plan was revised.", "the beginning of the 1930's", "193", "1930-01-01",
         "1933-12-31", "decade"),
        ("The movement of the 19th century was different.", "the 19th century", "18", "1800-01-01", "1899-12-31", "century"),
        ("In the early twentieth century Russia changed.", "the early twentieth century", "19", "1900-01-01", "1933-12-31",
         "century"),
        ("This was at the end of 1912, in Krakow.", "the end of 1912", "1912", "1912-09-01", "1912-12-31", "year"),
        ("Sales fell in the first half of 1923.", "the first half of 1923", "1923-H1", "1923-01-01", "1923-06-30", "year"),
        ("It grew over the first seven months of 2025 alone.", "the first seven months of 2025", "2025", "2025-01-01",
         "2025-07-31", "month"),
        ("The header reads No 1, Jan 89.", "Jan 89", "1989-01", "1989-01-01", "1989-01-31", "month"),
    ],
)
def test_absolute_dates(text: str, expression: str, value: str, start: str, end: str, precision: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type, t.anchor) == (expression, value, "DATE", "absolute")
    assert span(t) == (start, end, precision)
    assert t.date is not None and not t.date.inferred and t.date.text == expression


def test_mods_name_the_part_of_a_period() -> None:
    assert [t.mod for t in tag_times("the early 1930s, the mid-1930s, late 2009 and 1937")] == [
        "START", "MID", "END", None,
    ]


def test_precision_is_never_invented() -> None:
    year, month = tag_times("In 1940 and in April 1940.")
    assert (year.value, span(year)) == ("1940", ("1940-01-01", "1940-12-31", "year"))
    assert (month.value, span(month)) == ("1940-04", ("1940-04-01", "1940-04-30", "month"))


# -- ranges are one mention --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value", "start", "end", "precision"),
    [
        ("The first edition came out in 1971-1972 abroad.", "1971-1972", "P2Y", "1971-01-01", "1972-12-31", "year"),
        ("The Terror of 1937-1938 had no equal.", "1937-1938", "P2Y", "1937-01-01", "1938-12-31", "year"),
        ("The famine of 1932-33 is denied.", "1932-33", "P2Y", "1932-01-01", "1933-12-31", "year"),
        ("He was held between August 1937 and October 1938 in Butyrka.", "August 1937 and October 1938", "P15M",
         "1937-08-01", "1938-10-31", "month"),
        ("He worked there from 1936 to 1938.", "1936 to 1938", "P3Y", "1936-01-01", "1938-12-31", "year"),
        ("Asked about the years 1937 to 1938, most agreed.", "1937 to 1938", "P2Y", "1937-01-01", "1938-12-31", "year"),
        ("From March through October 1917, he spoke three times.", "March through October 1917", "P8M", "1917-03-01",
         "1917-10-31", "month"),
        ("The conference met on 27 March-2 April 1917 in Petrograd.", "27 March-2 April 1917", "P7D", "1917-03-27",
         "1917-04-02", "day"),
        ("What was he doing on 24-26 October 1917?", "24-26 October 1917", "P3D", "1917-10-24", "1917-10-26", "day"),
        ("They met October 24-26, 1917.", "October 24-26, 1917", "P3D", "1917-10-24", "1917-10-26", "day"),
    ],
)
def test_ranges_are_one_duration_anchored_at_both_ends(
    text: str, expression: str, value: str, start: str, end: str, precision: str
) -> None:
    t = one(text)
    assert (t.text, t.value, t.type) == (expression, value, "DURATION")
    assert span(t) == (start, end, precision)


def test_a_conjunction_of_years_is_two_dates_not_a_range() -> None:
    assert found("people were killed in 1937 and 1938") == [("1937", "1937", "DATE"), ("1938", "1938", "DATE")]


def test_lists_of_days_and_seasons_take_the_month_and_year_of_the_last() -> None:
    days = tag_times("Sessions on 24 and 25 October 1917 decided it.")
    assert [(t.text, t.value) for t in days] == [("24", "1917-10-24"), ("25 October 1917", "1917-10-25")]
    seasons = tag_times("In the spring and summer of 1917, meetings went on.")
    assert [(t.text, t.value) for t in seasons] == [("the spring", "1917-SP"), ("summer of 1917", "1917-SU")]


# -- Old Style ---------------------------------------------------------------------------------


def test_a_double_date_gives_new_style_and_keeps_old_style() -> None:
    t = one("Stalin was born on 9 (21) December 1879 in Gori.")
    assert (t.text, t.value) == ("9 (21) December 1879", "1879-12-21")
    assert t.old_style is not None and t.old_style.start == date(1879, 12, 9)
    crossing = one("The strike began on 19 February (3 March) 1917.")
    assert crossing.value == "1917-03-03" and crossing.old_style is not None
    assert crossing.old_style.start == date(1917, 2, 19)


def test_a_day_list_of_double_dates() -> None:
    first, second = tag_times("on 10 (23) and 16 (29) October 1917")
    assert (first.text, first.value, second.value) == ("10 (23)", "1917-10-23", "1917-10-29")
    assert first.old_style is not None and first.old_style.start == date(1917, 10, 10)


@pytest.mark.parametrize("marker", ["(Old Style)", "O.S.", "(O. S.)", "old style"])
def test_old_style_dates_before_1918_become_new_style(marker: str) -> None:
    t = one(f"The insurrection began on 25 October 1917 {marker} in Petrograd.")
    assert t.value == "1917-11-07" and span(t)[0] == "1917-11-07"
    assert t.old_style is not None and t.old_style.start == date(1917, 10, 25)


def test_old_style_after_the_calendar_reform_is_not_converted() -> None:
    t = one("It happened on 5 March 1920 (O.S.) in Kiev.")
    assert t.value == "1920-03-05" and t.old_style is None


def test_julian_to_gregorian_by_century() -> None:
    assert julian_to_gregorian(1879, 12, 9) == date(1879, 12, 21)
    assert julian_to_gregorian(1917, 10, 25) == date(1917, 11, 7)
    assert julian_to_gregorian(1918, 1, 31) == date(1918, 2, 13)
    assert julian_to_gregorian(1700, 2, 29) == date(1700, 3, 11)


# -- dates without a year ------------------------------------------------------------------------


def test_a_date_without_a_year_takes_the_document_year_when_no_narrative_precedes_it() -> None:
    t = one("A statement issued by the parliament on Nov. 26 marks a breakthrough.", DEC_2010)
    assert (t.value, t.anchor) == ("2010-11-26", "document")
    assert t.date is not None and t.date.inferred


def test_the_document_year_is_the_nearest_one() -> None:
    assert one("It was signed on Dec. 28.", date(2011, 1, 5)).value == "2010-12-28"


def test_a_date_without_a_year_takes_the_narrative_year() -> None:
    mentions = tag_times("In February 2010, Putin invited Tusk. Speaking in Katyn on April 7, he said it.", DEC_2010)
    assert (mentions[1].text, mentions[1].value, mentions[1].anchor) == ("April 7", "2010-04-07", "narrative")
    late = tag_times("The campaign has been on the rise since late 2009, when on Oct. 30 Medvedev spoke.", DEC_2010)
    assert late[1].value == "2009-10-30"


def test_a_year_said_in_passing_does_not_end_a_narrative_of_days() -> None:
    text = (
        "On 1 December 1934 Kirov was killed. The investigation began in December 1934.\n\n"
        "In 1956 a special commission was created; it worked for several years.\n\n"
        "In the morning of 2 December, rumors of a visit spread."
    )
    assert tag_times(text)[-1].value == "1934-12-02TMO"


def test_a_citation_in_parentheses_dates_against_the_document() -> None:
    text = "Putin's base benefits him (Kasparov.ru, August 13, 2024; Svobodnaya Pressa, September 9)."
    assert [t.value for t in tag_times(text, date(2025, 9, 15))] == ["2024-08-13", "2025-09-09"]


def test_without_any_anchor_the_year_stays_unknown() -> None:
    t = one("Speaking on April 7, he said it.")
    assert (t.value, t.date) == ("XXXX-04-07", None)


def test_bare_month_names_need_a_preposition_and_a_capital() -> None:
    assert found("In February 2010 it began. Later, in May and December, files were handed over.") == [
        ("February 2010", "2010-02", "DATE"), ("May", "2010-05", "DATE"), ("December", "2010-12", "DATE"),
    ]
    assert found("The commission may decide. The April Theses and the Lessons of October appeared.") == []


# -- relative expressions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value", "anchor"),
    [
        ("Putin spoke in Katyn on April 7, 2010. Just three days later the plane crashed.", "three days later",
         "2010-04-10", "narrative"),
        ("Lenin died on 21 January 1924, and five days after his death the congress met.", "five days after",
         "1924-01-26", "narrative"),
        ("On 1 December 1934 Kirov was shot. The next morning Stalin arrived.", "The next morning", "1934-12-02TMO",
         "narrative"),
        ("On 12 March 1917 he arrived; on the next day he was co-opted.", "the next day", "1917-03-13", "narrative"),
        ("He was arrested on 5 May 1937 and shot that same day.", "that same day", "1937-05-05", "narrative"),
        ("The plenum met in December 1934. The following spring the purge began.", "The following spring", "1935-SP",
         "narrative"),
        ("The plenum met in March 1935. The following spring the purge began.", "The following spring", "1936-SP",
         "narrative"),
        ("It was adopted in 1936; the following year it was forgotten.", "the following year", "1937", "narrative"),
        ("On Oct. 30, 2007, Putin visited Butovo. But less than two months later he celebrated.",
         "less than two months later", "2007-12", "narrative"),
    ],
)
def test_relative_to_the_narrative(text: str, expression: str, value: str, anchor: str) -> None:
    t = tag_times(text)[-1]
    assert (t.text, t.value, t.anchor) == (expression, value, anchor)
    assert t.date is not None and t.date.inferred


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("He met the widow last year.", "last year", "2009"),
        ("Before a visit to Warsaw this month he spoke.", "this month", "2010-12"),
        ("It was published two years ago.", "two years ago", "2008"),
        ("Early next year the council will report.", "Early next year", "2011"),
        ("In a poll conducted earlier this year, 32 percent agreed.", "earlier this year", "2010"),
        ("This fall an adapted version was published.", "This fall", "2010-FA"),
        ("The decree was signed on Tuesday.", "Tuesday", "2010-11-30"),
        ("It was announced yesterday.", "yesterday", "2010-11-30"),
        ("Today's FSB officers are not shy.", "Today", "PRESENT_REF"),
        ("They do not repeat in the present.", "the present", "PRESENT_REF"),
    ],
)
def test_relative_to_the_document(text: str, expression: str, value: str) -> None:
    t = one(text, DEC_2010)
    assert (t.text, t.value, t.anchor) == (expression, value, "document")


def test_without_a_document_date_document_relative_expressions_are_left_out() -> None:
    assert found("He met the widow last year.") == []


def test_a_vague_offset_covers_two_to_nine_units() -> None:
    t = tag_times("On 31 December 1917 it was recognized. Several days later it was approved.")[-1]
    assert (t.text, t.value, span(t)) == ("Several days later", "1918-01", ("1918-01-02", "1918-01-09", "day"))


def test_clock_times_and_parts_of_days_are_times() -> None:
    assert found("On 1 December 1934, at 0430 hours, Kirov was killed.") == [
        ("1 December 1934", "1934-12-01", "DATE"), ("0430 hours", "1934-12-01T04:30", "TIME"),
    ]
    assert found("by the evening of 1 December 1934")[0] == ("the evening of 1 December 1934", "1934-12-01TEV", "TIME")


# -- durations and sets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("Stalin spent 4 years in exile.", "4 years", "P4Y", None),
        ("He worked on it for 17 years.", "17 years", "P17Y", None),
        ("I then spent more than 25 years working on it.", "more than 25 years", "P25Y", "MORE_THAN"),
        ("I have been preparing for around 20 years.", "around 20 years", "P20Y", "APPROX"),
        ("The match lasted one and a half hours.", "one and a half hours", "PT1H30M", None),
        ("He took 6 years for the 4-year course.", "6 years", "P6Y", None),
        ("A trial lasted 5-10 minutes.", "5-10 minutes", "PTXM", None),
        ("after several years of marriage", "several years", "PXY", None),
        ("in a matter of one week", "one week", "P1W", None),
        ("the 12-year-old Stalin", "12-year-old", "P12Y", None),
    ],
)
def test_durations(text: str, expression: str, value: str, mod: str | None) -> None:
    t = tag_times(text)[0]
    assert (t.text, t.value, t.type, t.mod, t.date) == (expression, value, "DURATION", mod, None)


def test_an_anchored_duration_has_an_interval() -> None:
    t = one("over the last year the government changed course", DEC_2010)
    assert (t.text, t.value, t.type) == ("the last year", "P1Y", "DURATION")
    assert span(t) == ("2009-12-01", "2010-12-01", "day")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The net growth is 3 million souls each year.", "each year", "P1Y"),
        ("It is commemorated annually.", "annually", "P1Y"),
        ("The party grew month by month.", "month by month", "P1M"),
        ("They met twice a year.", "twice a year", "P1Y"),
    ],
)
def test_sets(text: str, expression: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type, t.date) == (expression, value, "SET", None)


def test_a_five_year_plan_is_a_name_not_a_duration() -> None:
    assert found("The First Five-Year Plan and the five-year plan of 1928") == [("1928", "1928", "DATE")]


# -- not time expressions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "See PSS, Vol 45, p 161.",
        "Ibid., pp 380-381.",
        "Vol 34 of his works; No. 1937 of the series.",
        "Of the 1,966 delegates, 1,108 voted.",
        "About 22,000 Poles were shot.",
        "Order No. 00447 was signed.",
        "Some 1800 prisoners were moved and 1500 people fled.",
        "The report JPRS-UKO-88-017 and 18300508 Moscow.",
        "Там же, с. 1937; ф. 17, оп. 3, д. 1938.",
    ],
)
def test_pages_counts_and_numbers_are_not_dates(text: str) -> None:
    assert found(text) == []


# -- Russian -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value", "kind"),
    [
        ("Эйхе был расстрелян 4 февраля 1940 года.", "4 февраля 1940 года", "1940-02-04", "DATE"),
        ("Это случилось в 1937 году.", "1937 году", "1937", "DATE"),
        ("Репрессии в 1937–1938 годах.", "1937–1938 годах", "P2Y", "DURATION"),
        ("Так было в 1930-е годы.", "1930-е годы", "193", "DATE"),
        ("в начале 1930-х годов", "начале 1930-х годов", "193", "DATE"),
        ("весной 1935 года начались аресты", "весной 1935 года", "1935-SP", "DATE"),
        ("в XX веке", "XX веке", "19", "DATE"),
        ("в марте 1953 года", "марте 1953 года", "1953-03", "DATE"),
        ("он работал там с 1936 по 1938 год", "1936 по 1938 год", "P3Y", "DURATION"),
    ],
)
def test_russian(text: str, expression: str, value: str, kind: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.type) == (expression, value, kind)


def test_russian_last_year_against_the_document() -> None:
    t = one("Об этом сообщили в прошлом году.", DEC_2010)
    assert (t.text, t.value) == ("прошлом году", "2009")


# -- the shape of the result ---------------------------------------------------------------------


def test_mentions_are_sorted_disjoint_exact_and_deterministic() -> None:
    text = (SEEDS / "000_67138d7392bc7285.txt").read_text(encoding="utf-8") if SEEDS.is_dir() else ""
    text += " On 7 April 1935, three days later, in 1937-1938 and the early 1930s."
    mentions = tag_times(text, DEC_2010)
    assert mentions == tag_times(text, DEC_2010)
    assert all(text[t.start : t.end] == t.text for t in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert all(t.date is None or t.date.text == t.text for t in mentions)


_WORDS = (
    "in on the of and to from between 1000 1699 1917 1937 2099 0 31 29 1 9 24 99 5000 - – / ( ) , . '30s 1930's mid- "
    "early late end beginning half seven months days years year day decade century later earlier ago after before next "
    "following same that this last today Tuesday February Feb. April May December Jan 89 spring winter fall O.S. (21) "
    "0430 hours 10:30 p.m. morning evening every each twice a several few million percent about over No. Vol p года "
    "году 1937–1938 годах 1930-е XX веке весной Friday night noon said will now recently quarter third weekend "
    "28.12.2021 30.07.37 12/28/2021 05/06/2021 спустя через назад накануне следующий день лет три двух"
).split()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join),
    st.sampled_from([None, DEC_2010, date(1, 1, 1), date(9999, 12, 31)]),
)
def test_any_text_gives_exact_disjoint_mentions_and_never_raises(text: str, document_date: date | None) -> None:
    for timeml in (False, True):
        mentions = tag_times(text, document_date, timeml=timeml)
        assert all(text[t.start : t.end] == t.text for t in mentions)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
        assert all(t.date is None or t.date.start <= t.date.end for t in mentions)


def test_arithmetic_beyond_the_calendar_is_no_date() -> None:
    assert [t.text for t in tag_times("In 1937 it began. 5000 centuries earlier nothing.")] == ["1937"]


def test_the_date_interval_shape_is_the_contract() -> None:
    t = one("The Terror of 1937-1938 had no equal.")
    assert t.date is not None and t.date.to_json() == {
        "start": "1937-01-01", "end": "1938-12-31", "precision": "year", "text": "1937-1938", "inferred": False,
    }
    assert DateInterval.from_json(t.date.to_json()) == t.date


def test_the_dates_module_keeps_its_api() -> None:
    assert parse_date("5 July 1989") == interval(1989, 7, 5, text="5 July 1989")
    assert [d.text for _, _, d in explicit_dates("in 1940, Oct. 30, 2009 and 9 (21) December 1879")] == [
        "1940", "Oct. 30, 2009", "9 (21) December 1879",
    ]
    assert latest_date("in 2010 and on 31 December 2010") == interval(2010, 12, 31, text="31 December 2010")


# -- the seed gold -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> dict[str, object]:
    return json.loads(GOLD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.seeds
def test_the_gold_still_matches_the_seeds(gold: dict[str, list[dict[str, object]]]) -> None:
    texts: dict[str, str] = {}
    for item in gold["expressions"]:
        name = str(item["file"])
        text = texts.setdefault(name, (SEEDS / name).read_text(encoding="utf-8"))
        assert text[int(str(item["start"])) : int(str(item["end"]))] == item["text"], item


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("seed", "expression", "value", "start", "end"),
    [
        ("000", "Nov. 26", "2010-11-26", "2010-11-26", "2010-11-26"),
        ("000", "Oct. 30", "2009-10-30", "2009-10-30", "2009-10-30"),
        ("000", "April 7", "2010-04-07", "2010-04-07", "2010-04-07"),
        ("000", "three days later", "2010-04-10", "2010-04-10", "2010-04-10"),
        ("000", "the early 2000s", "200", "2000-01-01", "2003-12-31"),
        ("002", "9 (21) December 1879", "1879-12-21", "1879-12-21", "1879-12-21"),
        ("002", "1937-1938", "P2Y", "1937-01-01", "1938-12-31"),
        ("002", "the early 1930s", "193", "1930-01-01", "1933-12-31"),
        ("001", "the first seven months of 2025", "2025", "2025-01-01", "2025-07-31"),
    ],
)
def test_the_seed_cases(
    gold: dict[str, object], seed: str, expression: str, value: str, start: str, end: str
) -> None:
    name = next(n for n in gold["document_dates"] if n.startswith(seed))  # type: ignore[attr-defined]
    text = (SEEDS / name).read_text(encoding="utf-8")
    mentions = tag_times(text, date.fromisoformat(gold["document_dates"][name]))  # type: ignore[index]
    t = next(t for t in mentions if t.text == expression)
    assert (t.value, span(t)[:2]) == (value, (start, end))
    if expression.startswith("9 (21)"):
        assert t.old_style is not None and t.old_style.start == date(1879, 12, 9)


@pytest.mark.seeds
def test_scores_on_the_seed_gold(gold: dict[str, object]) -> None:
    """Relaxed (overlap) F1 >= 0.9 and TIMEX3 value accuracy >= 0.85 on the annotated parts."""
    expressions: list[dict[str, object]] = gold["expressions"]  # type: ignore[assignment]
    coverage: dict[str, object] = gold["coverage"]  # type: ignore[assignment]
    found_items: list[tuple[str, TimeMention]] = []
    for name, covered in coverage.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        doc = date.fromisoformat(gold["document_dates"][name])  # type: ignore[index]
        found_items += [
            (name, t) for t in tag_times(text, doc)
            if covered == "all" or any(a <= t.start < b for a, b in covered)  # type: ignore[attr-defined]
        ]
    used: set[int] = set()
    same_value = 0
    for g in expressions:
        for index, (name, t) in enumerate(found_items):
            if index not in used and name == g["file"] and t.start < int(str(g["end"])) and int(str(g["start"])) < t.end:
                used.add(index)
                same_value += t.value == g["value"]
                break
    precision, recall = len(used) / len(found_items), len(used) / len(expressions)
    assert 2 * precision * recall / (precision + recall) >= 0.9
    assert same_value / len(used) >= 0.85

