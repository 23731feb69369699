"""A source's publication date comes from its evidence (date lines, bylines, datelines, legal act
headings, dated titles, editions, periodical issues, page markup), never from what the text narrates."""

from __future__ import annotations

from datetime import date

import pytest

from chronika.extract.build import build_document, content_hash
from chronika.extract.dating import head_date, stated_in
from chronika.extract.read import read
from chronika.records.document import Source
from chronika.views.documents import date_confidence


@pytest.mark.parametrize(
    ("text", "day", "precision", "provenance"),
    [
        ("Village council restores a chapel\n\n14 Mar 2016 Northern Courier\n\nThe council voted on Monday", date(2016, 3, 14), "day", "date line"),
        ("A report\n\nDate: 2 June, 2011\n\nAuthor: N. Petrov\n\nA. Background", date(2011, 6, 2), "day", "date line"),
        ("Headline of the piece\nSeptember 09, 1991|JOHN SMITH | Staff Writer\nKIEV — The republic", date(1991, 9, 9), "day", "date line"),
        ("7:15 pm on 3 April 2014\n\nThe court ruled", date(2014, 4, 3), "day", "date line"),
        ("Памятник открыли в посёлке\n\n12 мая 2018 года\n\nВ субботу жители", date(2018, 5, 12), "day", "date line"),
        ("Новости\n17.09.2020\nСуд рассмотрел иск", date(2020, 9, 17), "day", "date line"),
        ("LONDON, Feb. 4, 1998 — The archive opened its doors to researchers for the first time since the war", date(1998, 2, 4), "day", "dateline"),
        ("Title\n\nMay 6, 2012 (NNS)—Veterans gathered at the square to lay wreaths at the memorial", date(2012, 5, 6), "day", "dateline"),
        ("Указ Президента РФ от 7 мая 2009 г. N 520 «О мерах»\n\nВ целях", date(2009, 5, 7), "day", "act heading"),
        ("Воспоминания о лагере (14.02.2016)\n\nИ. Петров\n\nВ тридцать седьмом году", date(2016, 2, 14), "day", "title"),
        ("Gulag\n\n2011 Classroom Edition. Related subjects: history\n\nThe camps", date(2011, 1, 1), "year", "edition"),
        ("Автор\n\n«Исторический вестник», № 4 (37), 2012, с. 10-19\n\nСтатья", date(2012, 1, 1), "year", "periodical issue"),
        ("An appeal\n\nMoscow, 10 January 2022\n\nWe ask the readers", date(2022, 1, 10), "day", "date line"),
        ("Заявление\n\nНижний Новгород, 28 декабря 2021 г.\n\nМы требуем", date(2021, 12, 28), "day", "date line"),
    ],
)
def test_the_opening_lines_state_when_a_source_was_published(text: str, day: date, precision: str, provenance: str) -> None:
    found = head_date(text)
    assert found.date is not None and (found.date.start, found.date.precision, found.provenance) == (day, precision, provenance)
    assert found.evidence


@pytest.mark.parametrize(
    "text",
    [
        # what a text narrates is not when it was published, however late the date
        "The camps\n\nOn 5 March 1953 Stalin died, and by 1956 most prisoners had been released from the camps they built.",
        "Famine\n\nDate | Autumn 1932 – Summer 1933 |\nDeaths | 3,900,000 |",  # an infobox's range
        "Голод\n\nЭто старая версия этой страницы, сохранённая в 10:12, 3 мая 2014 (обсуждение).",  # a saved copy
        "An essay\n\nRetrieved 12 January 2019\n\nThe essay",
        "Essay\n\n© 2015 The Quarterly\n\nText",
        "Постановление ЦК ВКП(б) от 3 июля 1937 года об антисоветских элементах\n\nАвтор статьи",  # an act named, not issued
        "5 March 1940 — Beria proposes to shoot the Polish officers held in the three special camps",  # a chronology entry
        "On 1 December 1934 — the day Kirov was shot — the rules of investigation were changed for good",
        "Order No. 00447, 1937\n\nThe operation",
        "Kirov\n\nThe murder of Sergei Kirov, 1 December 1934, in the Smolny\n\nThe investigation",  # more than a place before it
    ],
)
def test_no_publication_date_without_evidence(text: str) -> None:
    assert head_date(text).date is None


def test_a_date_after_today_is_not_a_publication_date() -> None:
    assert head_date("News\n\n3 March 2031\n\nText", today=date(2026, 1, 1)).date is None


def test_a_page_shows_a_day_in_words_or_figures() -> None:
    assert stated_in("Опубликовано 30 января 2003", date(2003, 1, 30))
    assert stated_in("Source: (info), 26/11/10", date(2010, 11, 26))
    assert not stated_in("Copyright 2021 Meduza", date(2021, 1, 1))


def _build(source: Source) -> dict[str, object]:
    doc = build_document(source, content_hash(source.text.encode()), extract=False)
    return {"date": doc.date and doc.date.start.isoformat(), "provenance": doc.date_provenance,
            "evidence": doc.metadata.get("date_evidence")}


def test_an_undated_source_says_so_and_no_year_is_guessed() -> None:
    source = Source("oped.txt", "The purge returns\n\nOn Nov. 26 the council met. In 1938 the purge ended.\n", "text")
    assert _build(source) == {"date": None, "provenance": None, "evidence": None}


def test_a_document_dated_by_its_opening_lines_keeps_the_words_that_date_it() -> None:
    source = Source("news.txt", "Court closes society\n\n12 Jan 2022 Daily Wire\n\nThe court ruled in 1937 terms.\n", "text")
    assert _build(source) == {"date": "2022-01-12", "provenance": "date line", "evidence": "12 Jan 2022 Daily Wire"}


def _page(head: str, body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>T</title></head><body>{head}{body}</body></html>".encode()


_BODY = "<article>" + "".join(f"<p>{'The council debated the memorial plaque for a long time. ' * 6}</p>" for _ in range(3)) + "</article>"


def test_a_page_byline_dates_it_where_its_markup_does_not() -> None:
    source = read(_page('<h1>Council debates plaque</h1><p class="byline">March 02, 1989|ANN LEE | Staff Writer</p>', _BODY), "page.html")
    assert source.date == "1989-03-02"
    assert source.metadata["date_evidence"].startswith("March 02, 1989")


def test_a_page_that_names_no_day_is_undated() -> None:
    source = read(_page("<h1>Council debates plaque</h1><p>Photo: archive, 2021</p>", _BODY), "page.html")
    assert source.date is None


@pytest.mark.parametrize(
    ("markup", "reading"),
    [
        ("<div class='footer'>Motion 12: the House recognises the famine of 1932-33, in which millions died.</div>", "main text, for recall"),
        ("<div class='comments'>That this House recognises the famine of 1932-33, in which millions died.</div>", "the page's visible text"),
    ],
)
def test_a_short_page_is_read_for_recall_then_as_it_shows(markup: str, reading: str) -> None:
    source = read(_page("", markup), "motion.html")
    assert "House recognises the famine of 1932-33" in source.text
    assert source.metadata["html_reading"] == reading


def test_a_pdf_dated_only_by_its_creation_date_is_uncertain() -> None:
    assert date_confidence("pdf metadata") == "uncertain"
    assert date_confidence("date line") == "sure" and date_confidence(None) is None
