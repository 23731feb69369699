"""The periods of a company's report of results: the quarter a report speaks of, and what it is
compared with ("a year earlier", "the 1988 period", "this year's third quarter", "fiscal 1989")."""

from __future__ import annotations

from datetime import date

from chronika.extract.timex import tag_times

REPORT_DAY = date(1989, 11, 2)


def values(text: str, document_date: date | None = REPORT_DAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, document_date)]


def test_a_year_earlier_in_a_report_of_a_quarter_is_that_quarter_a_year_back() -> None:
    text = "Acme's third-quarter profit rose 5%.\n\nSales climbed to $3 billion from $2 billion a year earlier."
    assert values(text) == [("third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_the_reported_quarter_is_the_latest_closed_one_not_a_forecast_or_a_comparison() -> None:
    text = ("Acme's third-quarter net rose. It expects a fourth-quarter charge. Net rose from a year ago. "
            "Revenue fell from a year earlier.")
    assert [v for _, v in values(text)] == ["1989-Q3", "1989-Q4", "1988-Q3", "1988-Q3"]


def test_after_the_first_nine_months_a_report_compares_years() -> None:
    text = "Acme's third-quarter net rose. In the first nine months, net was $3 million, against $2 million "
    assert values(text + "in the 1988 period.")[-1] == ("the 1988 period", "1988")
    assert values(text + "a year earlier.")[-1] == ("a year earlier", "1988")
    assert values("Acme's third-quarter net rose to $3 million from $2 million in the 1988 period.")[-1] == (
        "the 1988 period", "1988-Q3")


def test_periods_named_against_the_year_and_the_report() -> None:
    assert values("Net sales for this year's third quarter fell.") == [("this year's third quarter", "1989-Q3")]
    assert values("The sale could close as early as next year's first quarter.") == [
        ("next year's first quarter", "1990-Q1")]
    text = "Acme's third-quarter net fell, against $4 million for the corresponding period last year."
    assert values(text)[-1] == ("the corresponding period last year", "1988-Q3")
    assert values("In the year-ago third quarter, it earned $2 million.") == [("the year-ago third quarter", "1988-Q3")]
    assert values("Acme's third-quarter net rose from $5 million in the 1988 quarter.")[-1] == ("the 1988 quarter", "1988-Q3")


def test_fiscal_years_and_halves() -> None:
    assert values("In fiscal 1988, the company earned $17 million.") == [("fiscal 1988", "1988")]
    assert values("Demand should hold through the first two quarters of 1990.") == [
        ("the first two quarters of 1990", "1990-H1")]
    assert values("Earnings will be lower for the last half of 1989.") == [("the last half of 1989", "1989-H2")]


def test_the_year_ended_a_day_is_twelve_months() -> None:
    assert values("For the fiscal year ended Jan. 31, sales rose.")[0] == ("the fiscal year", "P1Y")


def test_the_current_quarter_is_the_one_the_document_s_date_is_in() -> None:
    found = [(t.text, t.value) for t in tag_times("The current quarter began well.", REPORT_DAY, timeml=True)]
    assert found == [("The current quarter", "1989-Q4")]


def test_the_year_that_ended_in_a_narrative_is_no_period() -> None:
    assert values("The year ended with mass arrests.", None) == []
