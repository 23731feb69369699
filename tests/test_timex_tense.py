"""The tense of the clause around a time expression in a report: a plan told after a weekday that
opens the sentence, a gloss in brackets, a plan told in the pluperfect, a month without a year in a
sentence about the past; TimeML's granularity of "weeks ago" and decades written in years. English
and Russian, in invented sentences."""

from __future__ import annotations

from datetime import date

from chronika.extract.timex import tag_times
from chronika.extract.timex_deixis import future_clause, past_clause
from chronika.extract.timex_grammar import lowered

MONDAY = date(1999, 3, 15)  # a Monday
AUTUMN = date(1997, 10, 20)  # a Monday in October


def values(text: str, document_date: date | None = MONDAY, *, timeml: bool = True) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, document_date, timeml=timeml)]


def test_a_weekday_that_opens_its_sentence_takes_the_tense_of_the_clause_after_it() -> None:
    assert values("On Thursday, the union plans to hold a rally downtown.") == [("Thursday", "1999-03-18")]
    assert values("On Thursday, the union will hold a rally downtown.") == [("Thursday", "1999-03-18")]
    assert values("On Thursday, the union held a rally downtown.") == [("Thursday", "1999-03-11")]
    # "planned" after the weekday is mostly a plan already made
    assert values("On Thursday, the union planned a rally downtown.") == [("Thursday", "1999-03-11")]
    # a weekday inside the sentence does not look at the words after it
    assert values("The union met Thursday and plans to hold a rally.") == [("Thursday", "1999-03-11")]


def test_a_gloss_in_brackets_shares_the_tense_of_its_clause() -> None:
    text = "The envoy will leave at dawn (6 a.m. EST Thursday), his office said."
    assert values(text)[-1] == ("6 a.m. EST Thursday", "1999-03-18T06:00")


def test_a_plan_told_in_the_pluperfect_is_past() -> None:
    assert values("The offer had been due to expire Friday evening.") == [("Friday evening", "1999-03-12TEV")]
    assert values("The vote had been scheduled for Friday.") == [("Friday", "1999-03-12")]
    assert values("The vote is scheduled for Friday.") == [("Friday", "1999-03-19")]


def test_a_month_without_a_year_in_a_sentence_about_the_past_is_the_last_one() -> None:
    # in October, a January could be the next one; a sentence in the past means the last one
    assert values("In January the company bought a rival for $40 million.", AUTUMN) == [("January", "1997-01")]
    assert values("The fund changed its name in February.", AUTUMN) == [("February", "1997-02")]
    assert values("Sales for the year ended Jan. 31 fell.", AUTUMN)[-1] == ("Jan. 31", "1997-01-31")
    # what looks ahead keeps the next one
    assert values("The company said it will buy a rival in January.", AUTUMN) == [("January", "1998-01")]
    assert values("The company agreed to buy a rival in January.", AUTUMN) == [("January", "1998-01")]
    assert values("Shareholders will meet in January.", AUTUMN) == [("January", "1998-01")]
    # the current month, and a paper's date the day after the wire's, stay as they are
    assert values("The plant closed in October.", AUTUMN) == [("October", "1997-10")]
    assert values("The paper wrote on Oct. 21 that the plant closed.", AUTUMN)[0] == ("Oct. 21", "1997-10-21")


def test_past_and_future_clauses_directly() -> None:
    low = lowered("Since the bank bought the mill in March, profits rose.")
    at = low.index("march")
    assert past_clause(low, at, at + 5)
    low = lowered("The bank expects to sell the mill in March.")
    at = low.index("march")
    assert not past_clause(low, at, at + 5)
    low = lowered("On Monday, the bank will sell the mill.")
    assert future_clause(low, 3, 9)
    assert not future_clause(lowered("On Monday, the bank sold the mill."), 3, 9)


def test_weeks_ago_is_a_week_and_decades_are_years() -> None:
    assert values("The boat sank six weeks ago.") == [("six weeks ago", "1999-W05")]
    assert values("The boat sank six days ago.") == [("six days ago", "1999-03-09")]
    assert values("The dispute has lasted two decades.") == [("two decades", "P20Y")]
    assert values("Prices rose over the past decade.")[-1][1] == "P10Y"


def test_russian_counterparts() -> None:
    november = date(1999, 11, 20)
    # a day without a year in a sentence about the past: the last one
    assert values("5 января завод выпустил первую партию.", november) == [("5 января", "1999-01-05")]
    # with a plan, the next one
    assert values("5 января завод планирует выпустить первую партию.", november) == [("5 января", "2000-01-05")]
    assert values("Завод будет запущен 5 января.", november) == [("5 января", "2000-01-05")]
    # "шесть недель назад" is a week, as in English
    assert values("Это случилось шесть недель назад.") == [("шесть недель назад", "1999-W05")]
    assert values("Спор длится в течение двух десятилетий.", None) == [("двух десятилетий", "P20Y")]


def test_a_plan_told_as_reported_future_is_ahead() -> None:
    assert values("Aides said the minister would be flying to Rome Thursday.") == [("Thursday", "1999-03-18")]
    assert values("Aides said the minister flew to Rome Thursday.") == [("Thursday", "1999-03-11")]


def test_more_units_are_a_duration_and_a_month_before_a_noun_is_a_date() -> None:
    assert values("The boy will stay for at least two more weeks.") == [("at least two more weeks", "P2W")]
    assert values("The talks need three additional days.") == [("three additional days", "P3D")]
    november = date(1999, 11, 20)
    assert values("Investigators linked him to the October shooting.", november) == [("October", "1999-10")]
    # a month's name before a capitalized word names a thing ("the April Theses"); in a chronicle
    # "the October coup" names an event
    assert values("He wrote the April Theses.", november) == []
    assert values("Investigators linked him to the October shooting.", november, timeml=False) == []
