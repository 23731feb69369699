"""`chronika tag` follows TimeML (TempEval-3) where its conventions differ from the chronicle's:
ranges written with words are two dates, offsets from an event are durations, and the like."""

from __future__ import annotations

from datetime import date

from chronika.extract.timex import tag_times

THURSDAY = date(1999, 5, 6)  # a Thursday


def values(text: str, document_date: date | None = THURSDAY, *, timeml: bool = True) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, document_date, timeml=timeml)]


def test_a_range_written_with_words_is_two_dates_in_timeml() -> None:
    assert values("The clinic was picketed between 1983 and 1986.") == [("1983", "1983"), ("1986", "1986")]
    assert values("He sold shares from March 3 to May 20, 1998.") == [("March 3", "1998-03-03"), ("May 20, 1998", "1998-05-20")]
    assert values("Он служил с 1931 по 1935 год.") == [("1931", "1931"), ("1935 год", "1935")]


def test_a_range_written_with_a_dash_stays_one_duration_and_the_chronicle_keeps_worded_ranges_whole() -> None:
    assert values("The famine of 1932-1933 killed millions.") == [("1932-1933", "P2Y")]
    assert values("The clinic was picketed between 1983 and 1986.", timeml=False) == [("1983 and 1986", "P4Y")]


def test_an_offset_from_an_event_is_a_duration_in_timeml_and_a_date_in_the_chronicle() -> None:
    assert values("The strike began a month after the merger.") == [("a month", "P1M")]
    assert values("Banks must wait at least 30 days before closing.") == [("at least 30 days", "P30D")]
    assert values("Officials said Tuesday that a year earlier the plant had closed.", date(1989, 11, 2))[-1] == (
        "a year earlier", "1988")
    assert values("He left Moscow on 2 May 1937. Three days later he was arrested.", None, timeml=False)[-1] == (
        "Three days later", "1937-05-05")


def test_the_last_day_of_a_list_after_its_month_is_a_date_and_a_count_is_not() -> None:
    assert values("The summit was held on April 24 and 25.") == [("April 24", "1999-04-24"), ("25", "1999-04-25")]
    assert values("On April 24 and 25 people were hurt.", timeml=False) == [("April 24", "1999-04-24")]


def test_half_hours_and_minutes_are_written_in_the_smaller_unit() -> None:
    assert values("She then spent about 5 1/2 hours in Nairobi.") == [("about 5 1/2 hours", "PT5H30M")]
    assert values("It lasted a minute and a half.") == [("a minute and a half", "PT1M30S")]
    assert values("The talks lasted a year and a half.") == [("a year and a half", "P1.5Y")]


def test_the_day_before_an_undated_event_is_no_date_in_timeml() -> None:
    text = "He was last seen Nov. 3, the day before agents issued a warrant."
    assert values(text) == [("Nov. 3", "1998-11-03")]
    assert values(text, timeml=False)[-1] == ("the day before", "1998-11-02")


def test_a_duration_keeps_its_determiner_unless_it_is_an_adjective() -> None:
    assert values("In the first nine months, net rose.") == [("the first nine months", "P9M")]
    assert values("The talks took up the four days of the visit.") == [("the four days", "P4D")]
    assert values("He ended the eight-year war.") == [("eight-year", "P8Y")]
    assert values("In the first nine months, net rose.", timeml=False) == [("nine months", "P9M")]
