"""Time expressions as the press and Russian narratives write them: weekdays and "today" against a
report's date, months against the year, quarters, TimeML's vague references (with `timeml`),
numeric dates, and Russian offsets and steps against the narrative."""

from __future__ import annotations

from datetime import date

import pytest

from chronika.records.dates import explicit_dates, parse_date
from chronika.extract.timex import tag_times

FRIDAY = date(1998, 2, 13)  # a Friday


def values(text: str, document_date: date | None = FRIDAY, *, timeml: bool = False) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, document_date, timeml=timeml)]


# -- a report's weekdays, days and months ----------------------------------------------------------


def test_a_bare_weekday_in_a_report_is_the_last_one_by_its_date() -> None:
    assert values("The minister said Wednesday that talks failed.") == [("Wednesday", "1998-02-11")]
    assert values("The council voted Friday to dissolve.") == [("Friday", "1998-02-13")]


def test_a_weekday_in_a_clause_about_the_future_is_the_next_one() -> None:
    assert values("The envoy will travel to Paris on Monday.") == [("Monday", "1998-02-16")]
    assert values("They could arrive as early as Tuesday.") == [("Tuesday", "1998-02-17")]


def test_a_weekday_as_a_deadline_or_a_plan_is_the_next_one() -> None:
    assert values("The agency has given the family until 9 a.m. Tuesday to sign.")[-1] == ("9 a.m. Tuesday", "1998-02-17T09:00")
    assert values("Officials postponed until Monday any action on the case.") == [("Monday", "1998-02-16")]
    assert values("Protesters were planning to march on Sunday.") == [("Sunday", "1998-02-15")]
    assert values("Until Tuesday, they had not called him a suspect.") == [("Tuesday", "1998-02-10")]


def test_the_previous_weekday_counts_back_from_the_day_the_report_speaks_of() -> None:
    text = "The index closed Friday at 412.\n\nIt was down 4% from the previous Friday."
    assert values(text, date(1989, 10, 30)) == [("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20")]


def test_an_index_value_with_decimals_is_no_year() -> None:
    assert values("The index shed 47.3 points to close at 2082.1 on Friday.") == [("Friday", "1998-02-13")]


def test_the_before_a_quarter_used_as_an_adjective_belongs_to_the_noun() -> None:
    assert values("The company will release the third-quarter results soon.", date(1989, 10, 30)) == [
        ("third-quarter", "1989-Q3")]


def test_weekdays_with_parts_of_the_day_and_sets() -> None:
    assert values("The rally was held Thursday evening.") == [("Thursday evening", "1998-02-12TEV")]
    assert values("Talks broke off at noon Thursday.") == [("noon Thursday", "1998-02-12T12:00")]
    assert values("The ferry leaves each Thursday.") == [("each Thursday", "XXXX-WXX-4")]


def test_a_weekday_that_is_part_of_a_name_is_no_date() -> None:
    assert values("Stocks fell on what traders call Black Monday.") == []
    assert values("He wrote for the Sunday Times.") == []
    assert values("The march became known as Bloody Sunday.") == []


def test_a_weekday_after_a_name_is_the_day_of_what_the_name_did() -> None:
    assert values("President Jones Thursday condemned the attack.") == [("Thursday", "1998-02-12")]
    assert values("Bombs went off in Lima and Quito Friday, killing four.") == [("Friday", "1998-02-13")]


def test_an_undated_chronicle_of_days_counts_weekdays_on_from_its_own_day() -> None:
    text = "On 1 December 1934 Kirov was shot. On Tuesday the commission met."
    assert values(text, None)[-1] == ("Tuesday", "1934-12-04")


def test_today_is_the_report_s_day_and_the_present_age_elsewhere() -> None:
    assert values("The minister said today that talks failed; on Friday they resume.") [0] == ("today", "1998-02-13")
    assert values("Today, the monument stands in a park.") == [("Today", "PRESENT_REF")]
    assert values("Today's officers are not shy.", timeml=True) == [("Today", "PRESENT_REF")]


def test_yearless_dates_in_a_report_take_the_nearest_year_looking_back() -> None:
    report = "The plan was first drafted in 1995. Officials said Friday it was approved on Aug. 6."
    assert values(report)[-1] == ("Aug. 6", "1997-08-06")
    future = "Officials said Friday the treaty will be signed on March 12."
    assert values(future)[-1] == ("March 12", "1998-03-12")


def test_a_year_named_in_the_sentence_before_lends_nothing_to_a_report_s_yearless_date() -> None:
    """"... the 1988 cease-fire with Iran. Iran condemned the invasion on Aug. 2": two sentences
    (one ends after a short capitalised word), so the report's own year holds."""
    report = "Officials said Friday the border follows the August 1988 cease-fire with Iran. Iran condemned the move on Aug. 2."
    assert values(report)[-1] == ("Aug. 2", "1997-08-02")


def test_a_report_s_comparisons_with_a_year_earlier_count_from_the_same_place() -> None:
    october = date(1989, 11, 2)
    text = ("Acme said Friday it lost $2 million, against a profit of $1 million a year ago. "
            "Sales fell to $70 million from $80 million a year earlier.")
    assert [v for t, v in values(text, october) if "year" in t] == ["1988", "1988"]


def test_a_history_written_long_after_keeps_its_narrative_year() -> None:
    text = "The Central Committee met in 1917. The sessions of 10 (23) and 16 (29) October decided it."
    assert [v for _, v in values(text, date(1989, 7, 5))][-2:] == ["1917-10-23", "1917-10-29"]


def test_months_named_against_the_year() -> None:
    assert values("The treaty was signed last May.") == [("last May", "1997-05")]
    assert values("Elections are due this September.") == [("this September", "1998-09")]
    assert values("In June last year the leadership split.") == [("June last year", "1997-06")]


def test_quarters_of_the_year() -> None:
    october = date(1989, 11, 2)
    assert values("It posted a third-quarter loss.", october) == [("third-quarter", "1989-Q3")]
    assert values("Profit rose in the fourth quarter of 1984.", october) == [("the fourth quarter of 1984", "1984-Q4")]
    assert values("Net rose from the year-ago quarter.", october) == [("the year-ago quarter", "1988-Q3")]
    assert values("Net fell from year-earlier profit.", october) == [("year-earlier", "1988-Q3")]
    assert values("Net rose 5% in the third quarter from a year earlier.", october) == [
        ("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"),
    ]
    assert values("Sales in the first quarter fell.", date(1998, 1, 26)) == [("the first quarter", "1998-Q1")]


# -- TimeML's conventions through `timeml` ---------------------------------------------------------


def test_timeml_tags_vague_references_the_chronicle_leaves_out() -> None:
    text = "Iraq now controls the port; it recently closed a road and may do so in the future."
    assert values(text, timeml=True) == [("now", "PRESENT_REF"), ("recently", "PAST_REF"), ("the future", "FUTURE_REF")]
    assert values(text) == []
    current = "Under current rules the current fiscal year is the first; then current prices held."
    assert values(current, timeml=True) == [("current", "PRESENT_REF"), ("the current fiscal year", "1998")]


def test_a_rate_is_no_duration() -> None:
    assert values("It will save $500 million a year and add 700 seats a week.") == []
    assert values("He stayed a year in Paris.") == [("a year", "P1Y")]


def test_a_clock_time_on_a_weekday_and_a_weekday_with_its_date() -> None:
    assert values("He was kidnapped at 10 p.m. Wednesday, police said.") == [("10 p.m. Wednesday", "1998-02-11T22:00")]
    assert values("The Times said in an editorial on Saturday, April 25: it was wrong.", date(1998, 4, 24)) == [
        ("Saturday, April 25", "1998-04-25")
    ]


def test_timeml_leaves_out_ages_and_reads_the_quarter_and_the_weekend() -> None:
    assert values("Mr. Smith, 52 years old, resigned.", timeml=True) == []
    assert values("Mr. Smith, 52 years old, resigned.") == [("52 years old", "P52Y")]
    assert values("Losses in the latest quarter grew.", date(1989, 11, 2), timeml=True) == [
        ("the latest quarter", "1989-Q3")
    ]
    assert values("Rallies were held over the weekend.", date(1990, 8, 13), timeml=True) == [
        ("the weekend", "1990-W32-WE")
    ]
    assert values("The index is published daily.", timeml=True) == [("daily", "P1D")]


# -- numeric dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [("28.12.2021", "2021-12-28"), ("20.06.1937", "1937-06-20"), ("28/12/2021", "2021-12-28"),
     ("12/28/2021", "2021-12-28"), ("30.07.37", "1937-07-30"), ("1.5.2021", "2021-05-01")],
)
def test_numeric_dates_where_one_reading_is_a_date(text: str, iso: str) -> None:
    found = parse_date(text)
    assert found is not None and (found.start.isoformat(), found.precision) == (iso, "day")
    assert values(f"Signed {text}.", None) == [(text, iso)]


@pytest.mark.parametrize("text", ["05/06/2021", "28.12.21", "31.02.2021", "192.168.1.1", "1.2.3"])
def test_ambiguous_or_impossible_numeric_dates_are_no_days(text: str) -> None:
    assert all(d.precision != "day" for _, _, d in explicit_dates(text))
    assert all(len(t.value) < 10 for t in tag_times(text))


def test_a_numeric_date_with_a_russian_year_marker_is_one_date() -> None:
    assert values("Расстрелян 20.06.1937 г. в Москве.", None) == [("20.06.1937 г.", "1937-06-20")]


# -- Russian offsets, steps and durations ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("5 марта 1937 года его арестовали, а три дня спустя расстреляли.", "три дня спустя", "1937-03-08"),
        ("5 марта 1937 года его арестовали, а на следующий день отпустили.", "следующий день", "1937-03-06"),
        ("5 марта 1953 года умер Сталин, накануне ему стало плохо.", "накануне", "1953-03-04"),
        ("В 1956 году состоялся съезд. Через два года его исключили.", "Через два года", "1958"),
        ("В 1956 году состоялся съезд. Спустя двадцать лет он вернулся.", "Спустя двадцать лет", "1976"),
        ("В 1937 году он был арестован. В том же году его расстреляли.", "том же году", "1937"),
        ("В 1937 году его арестовали. В следующем году расстреляли.", "следующем году", "1938"),
    ],
)
def test_russian_relative_expressions_count_from_the_narrative(text: str, expression: str, value: str) -> None:
    assert values(text, None)[-1] == (expression, value)


def test_russian_ago_counts_from_the_document_and_stays_a_duration_without_one() -> None:
    assert values("Это было два года назад.", date(2021, 12, 30)) == [("два года назад", "2019")]
    assert values("Это было два года назад.", None) == [("два года назад", "P2Y")]


def test_russian_durations_and_what_is_no_step() -> None:
    assert values("Он провёл в лагере 10 лет, а в течение трёх лет болел.", None) == [("трёх лет", "P3Y")]
    assert values("Накануне войны было тихо.", None) == []
    assert values("В 1937 году его арестовали, а на следующий день отпустили.", None) == [("1937 году", "1937")]


def test_a_year_in_words_is_a_date_where_the_words_before_make_it_one() -> None:
    assert values("Prices have risen since nineteen seventy-nine, the governor said.") == [("nineteen seventy-nine", "1979")]
    assert values("It was cold in the winter of nineteen forty-two.") == [("the winter of nineteen forty-two", "1942-WI")]
    assert values("He returned in March nineteen fifty-six.") == [("March nineteen fifty-six", "1956-03")]
    assert values("Nothing changed until the year two thousand.") == [("the year two thousand", "2000")]
    assert values("The club sold nineteen forty-dollar tickets.") == []  # a count before a unit, no year
    assert values("The year two thousand has come.") == [("The year two thousand", "2000")]  # a verb, no plural
    assert values("since nineteen ninety votes were cast") == []  # a count of votes
    assert values("Of nineteen twenty people asked, most agreed.", None) == []  # a count of people
