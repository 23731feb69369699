"""Holidays and days of remembrance read as dates, English and Russian."""

from __future__ import annotations

from datetime import date

from chronika.extract.timex import tag_times


def values(text: str, document_date: date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, document_date)]


def test_a_holiday_counted_in_its_month_takes_the_nearest_year_before_the_report() -> None:
    assert values("The boy was found on Thanksgiving Day.", date(2000, 1, 6)) == [("Thanksgiving Day", "1999-11-25")]
    assert values("He was rescued last Thanksgiving following a wreck.", date(2000, 2, 10)) == [
        ("last Thanksgiving", "1999-11-25")]
    assert values("It will be a theme from now to Election Day.", date(1998, 10, 26)) == [("Election Day", "1998-11-03")]


def test_a_holiday_with_its_year_and_in_a_narrative() -> None:
    assert values("The arrests began at Christmas 1937.", None) == [("Christmas 1937", "1937-12-25")]
    assert values("In 1944 the front moved west. On Easter Sunday the town fell.", None)[-1] == ("Easter Sunday", "1944-04-09")


def test_a_holiday_name_used_as_an_adjective_is_no_date() -> None:
    assert values("Christmas shopping rose 4%.", date(1998, 12, 20)) == []
    assert values("He made a new year's resolution.", date(1998, 12, 20)) == []


def test_russian_holidays_and_days_of_remembrance() -> None:
    assert values("В 1945 году страна встретила День Победы.", None)[-1] == ("День Победы", "1945-05-09")
    text = "В 2017 году в День памяти жертв политических репрессий прошли чтения."
    assert values(text, None)[-1] == ("День памяти жертв политических репрессий", "2017-10-30")


def test_a_holiday_in_a_longer_name_is_no_date() -> None:
    assert values("Tests were held on Christmas Island.", date(1958, 5, 1)) == []
    assert values("Служба прошла в церкви Рождества Богородицы.", date(2015, 5, 1)) == []
