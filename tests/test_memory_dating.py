"""Memory events dated by their act (not by what they remember), their confidence and evidence, the
held-back counts of `memory` and `barometer`, and Russian sentences read as their English
translations are. Every sentence here is invented."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronika.extract.memory import act_date, classify
from chronika.extract.run import memory_mentions
from chronika.extract.segment import passages
from chronika.extract.timex import tag_times
from chronika.ingest.pipeline import ingest
from chronika.query.memory import barometer_reading, memory_listing
from chronika.store import Store


def dated(text: str, language: str = "en", document: datetime.date | None = None, lead: bool = False) -> tuple[str | None, str | None]:
    """The year and provenance of the act the last sentence of `text` reports (one paragraph)."""
    found, _ = passages(text)
    sentence = found[-1].sentences[-1]
    signal = classify(text[sentence.start : sentence.end], text[found[-1].start : sentence.start], language)
    assert signal is not None, text
    at = act_date(text, (sentence.start, sentence.end), signal.act_at, found[-1].start, tag_times(text, document), language,
                  lead=lead, document_year=document.year if document else None)
    return (str(at.date.start.year) if at.date else None), at.source


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2010 the State Duma condemned the 1940 massacre of Polish officers at Katyn.", ("2010", "act")),
    ("The State Duma condemned the 1940 massacre of Polish officers in 2010.", ("2010", "act")),
    ("The Duma condemned the repressions of 1937 as a crime.", (None, "document")),  # 1937 is not the act's
    ("A monument to the victims of the 1937-1938 terror was unveiled in Tomsk in 1994.", ("1994", "act")),
    ("The city council said in 2019 that the victims of the repressions of 1938 deserved a memorial.", ("2019", "act")),
    ("The hearings began in March 2021. The Supreme Court then ordered the liquidation of Memorial.", ("2021", "narrative")),
    ("The congress sat from 14 to 25 February 1956. Khrushchev condemned the cult of Stalin in a closed session.", ("1956", "narrative")),
    ("Most victims were shot in 1938. Activists later unveiled a memorial stone to the victims.", (None, None)),
    ("The governor has unveiled a bust of Stalin in the square.", (None, "document")),
    ("Villagers put up a plaque to the victims of the purges by 2030 at the latest, the mayor said.", (None, "document")),
    ("В 2010 году Госдума осудила расстрел 1940 года и признала преступление Сталина.", ("2010", "act")),
    ("Сегодня в Томске открыли памятник жертвам политических репрессий.", (None, "document")),
    ("Памятник жертвам репрессий заложили в парке, открыть его планируют к 2030 году.", (None, "document")),
    ("Прокуратура требует ликвидировать «Мемориал», правозащитное общество.", (None, "document")),
    ("On the 80th anniversary of the 1937 terror, activists unveiled a monument to the victims.", ("2017", "act")),
    ("Memorial first read the names of the victims in 2007. This year the vigil in memory of the victims was held in forty cities.",
     (None, "document")),
    ("Сначала имена жертв читали в 2007 году. В этом году акцию памяти жертв провели в сорока городах.", (None, "document")),
    ("In 2019, on the 80th anniversary of the 1937 terror, activists unveiled a monument to the victims.", ("2019", "act")),
    ("В 80-ю годовщину Большого террора 1937 года активисты открыли памятник жертвам.", ("2017", "act")),
    ("В день 70-летия расстрелов 1938 года общество открыло памятник жертвам репрессий.", ("2008", "act")),
])
def test_an_act_is_dated_by_its_own_time_not_by_what_it_remembers(text: str, expected: tuple[str | None, str | None]) -> None:
    assert dated(text, "ru" if text[0] in "ВСПП" else "en") == expected


def test_a_past_act_is_the_documents_until_the_story_moves_to_another_year() -> None:
    text = "Суд в Петрозаводске ликвидировал местное отделение «Мемориала» по иску прокуратуры."
    assert dated(text, "ru", lead=True) == (None, "document")
    assert dated(text, "ru", lead=False) == (None, "document")  # nothing moved the story from its day
    moved = "In 1991 the archives were opened to historians.\n\nThe governor condemned the repressions as a crime."
    assert dated(moved, document=datetime.date(2019, 5, 3)) == ("1991", "narrative")  # the story moved to 1991
    assert dated("On Monday the court sat again.\n\n" + moved, document=datetime.date(2019, 5, 3)) == (None, None)
    same_year = "The hearing opened on 4 March 2019.\n\nThe governor condemned the repressions as a crime."
    assert dated(same_year, document=datetime.date(2019, 5, 3)) == (None, "document")
    remembered = "Officers were shot at Katyn in 1940.\n\nThe Duma condemned the massacre as a crime."
    assert dated(remembered, document=datetime.date(2010, 11, 26)) == (None, "document")
    assert dated("Villagers found the graves.\n\nThe Duma later condemned the massacre as a crime.") == (None, None)
    assert dated("Деревенские нашли могилы.\n\nЗатем Дума осудила расстрел как преступление.", "ru") == (None, None)


def test_an_undated_documents_story_carries_its_year_across_paragraphs_but_not_a_span_or_a_sequence() -> None:
    story = "The congress opened on 14 February 1956 in Moscow.\n\nThe delegates condemned the cult of Stalin."
    assert dated(story) == ("1956", "narrative")
    assert dated(story, document=datetime.date(2016, 2, 14)) == ("1956", "narrative")  # a history told from its start
    report = "The court sat on 3 March 2016.\n\nThe congress opened on 14 February 1956.\n\nThe delegates condemned the cult of Stalin."
    assert dated(report, document=datetime.date(2016, 3, 4)) == (None, None)  # after the report's own day: background
    report = "The president said he was open to renaming the city.\n\nIn 2023 a poll found most residents against it.\n\n"
    renamed = report + "The president renamed the airport after Stalin."
    found, _ = passages(renamed)
    sentence = found[-1].sentences[-1]
    signal = classify(renamed[sentence.start : sentence.end], renamed[found[-2].start : sentence.start])
    assert signal is not None
    at = act_date(renamed, (sentence.start, sentence.end), signal.act_at, found[-1].start, tag_times(renamed), "en",
                  opening=(found[0].start, found[0].end))
    assert (at.date, at.source) == (None, None)  # the report opened in its present: 2023 is background
    span = "Khrushchev led the party from 1953 to 1964.\n\nThe delegates condemned the cult of Stalin."
    assert dated(span) == (None, None)
    before = "The congress opened on 14 February 1956 in Moscow.\n\nThe repressions were condemned before the congress."
    assert dated(before) == (None, None)
    quoted = ('The congress opened on 14 February 1956 in Moscow.\n\n'
              'The delegate condemned the repressions: "Know, remember and then forgive."')
    assert dated(quoted) == ("1956", "narrative")  # a quoted 'then' orders nothing
    back = ("The truth was acknowledged in 1990.\n\nThe minister is to visit Warsaw next month.\n\n"
            "The declaration condemned the massacre.")
    assert dated(back, document=datetime.date(2010, 11, 28)) == (None, "document")  # 'next month' is back at the report
    deixis = "The congress opened on 14 February 1956.\n\nThe pollster found in a survey published Tuesday that most Russians admire Stalin."
    assert dated(deixis) == (None, "document")  # its own 'Tuesday' counts from the document's date, unknown here


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("A poll found that the share of Russians who admire Stalin rose from 33% in 2010 to 51% in 2019.", "en", ("2019", "act")),
    ("A Levada poll found that 51% of Russians admire Stalin, up from 33% in 2010.", "en", (None, "document")),
    ("Опрос «Левада-центра» показал, что доля россиян, уважающих Сталина, выросла: в 2008 году так думали 19%.", "ru",
     (None, "document")),
    ("In a 2018 survey, 64% of Russians praised Stalin's leadership.", "en", ("2018", "act")),
    ("В 2023 году опрос ВЦИОМ показал, что 67% жителей против памятника Сталину в городе.", "ru", ("2023", "act")),
])
def test_a_polls_own_year_is_its_latest_wave_not_the_one_it_is_compared_with(text: str, language: str,
                                                                             expected: tuple[str | None, str | None]) -> None:
    found, _ = passages(text)
    sentence = found[-1].sentences[-1]
    signal = classify(text[sentence.start : sentence.end], "", language)
    assert signal is not None and signal.kind == "poll", signal
    at = act_date(text, (sentence.start, sentence.end), signal.act_at, found[-1].start, tag_times(text), language, kind="poll")
    assert ((str(at.date.start.year) if at.date else None), at.source) == expected


def test_a_deadline_or_a_decade_does_not_set_the_scene() -> None:
    text = "In the 2000s the museum grew. Volunteers laid wreaths in memory of the victims of the terror."
    assert dated(text) == (None, None)


def test_a_date_before_the_actor_existed_is_the_remembered_past() -> None:
    # Memorial was founded in 1988: 1937 in the same sentence cannot date what it did
    assert dated("Memorial published a book about the victims shot in Butovo, a list reaching back to 1937.") == (None, "document")


@pytest.mark.parametrize(("english", "russian", "kind", "direction", "level"), [
    ("The Supreme Court liquidated Memorial, the human rights society.",
     "Верховный суд ликвидировал «Мемориал», правозащитное общество.", "suppression", "re-stalinization", "state"),
    ("Local communists unveiled a bust of Stalin in the central square.",
     "Местные коммунисты установили бюст Сталина на центральной площади.", "monument", "re-stalinization", "society"),
    ("Volunteers unveiled a memorial plaque to the victims of political repression.",
     "Волонтеры открыли мемориальную доску жертвам политических репрессий.", "monument", "de-stalinization", "society"),
    ("The law provides for the rehabilitation of all victims of political repression.",
     "Закон предусматривает реабилитацию всех жертв политических репрессий.", "rehabilitation", "de-stalinization", "state"),
    ("The prosecutor's office declassified the archival documents on the executions.",
     "Прокуратура рассекретила архивные документы о расстрелах.", "archive", "de-stalinization", "state"),
    ("Activists honoured the victims of the terror with a minute of silence at the Solovetsky Stone.",
     "Активисты почтили память жертв террора минутой молчания у Соловецкого камня.", "commemoration", "de-stalinization", "society"),
    ("The city council voted to rename the street named after Stalin.",
     "Городской совет решил переименовать улицу, и Сталинград снова стал городом.", "renaming", None, "state"),
])
def test_russian_sentences_give_what_their_english_translations_give(english: str, russian: str, kind: str,
                                                                     direction: str | None, level: str) -> None:
    for sentence in (english, russian):
        signal = classify(sentence, "", "ru" if sentence is russian else "en")
        assert signal is not None, sentence
        assert signal.kind == kind and signal.level == level, (sentence, signal)
        if direction is not None:
            assert signal.direction == direction, (sentence, signal)


@pytest.mark.parametrize("sentence", [
    "В 1937 году его арестовали и через месяц расстреляли.",
    "Сталин родился в Гори в 1878 году.",
    "Поезд прибыл в Москву рано утром.",
    "Суд не стал ликвидировать «Мемориал».",
])
def test_what_is_not_a_russian_memory_event(sentence: str) -> None:
    assert classify(sentence, "", "ru") is None


def test_every_russian_label_shows_its_words() -> None:
    signal = classify("Местные коммунисты установили бюст Сталина на центральной площади.", "", "ru")
    assert signal is not None
    assert any("установили" in c and "бюст" in c for c in signal.cues)
    assert any(c.startswith("level: society") and "коммунист" in c for c in signal.cues)


def test_extraction_keeps_the_date_its_provenance_and_the_doubts() -> None:
    text = ("Activists had unveiled a plaque to the victims of the terror long before. "
            "In 2015 the mayor condemned the repressions of 1937 as a crime.")
    found, _ = passages(text)
    mentions = memory_mentions(text, found, tag_times(text), "en")
    by_text = {text[m.start : m.end]: m for m in mentions}
    condemned = by_text["In 2015 the mayor condemned the repressions of 1937 as a crime."]
    assert condemned.date is not None and condemned.date.start.year == 2015 and condemned.date_from == "act"
    assert condemned.confidence == "sure" and "date: the act's own ('2015')" in condemned.evidence
    background = by_text["Activists had unveiled a plaque to the victims of the terror long before."]
    assert background.confidence == "uncertain" and any(e.startswith("doubt:") for e in background.evidence)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "news.txt").write_text(
        "Memory in Tomsk\n\n"
        "The city council has unveiled a monument to the victims of the repressions.\n\n"
        "In 2012 the governor condemned the repressions of 1937 as a crime against the people. "
        "Earlier, volunteers had laid wreaths in memory of the victims of the terror.\n",
        encoding="utf-8",
    )
    return folder


def test_memory_shows_sure_events_and_says_what_it_held_back(corpus: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "c.db")
    ingest(store, [corpus])
    shown = memory_listing(store)
    assert [e.date.start.year if e.date else None for e in shown.events] == [2012, None]  # undated last
    assert all(e.confidence == "sure" for e in shown.events)
    assert shown.uncertain == 1  # the pluperfect wreaths
    assert shown.undated == 1  # "has unveiled": the document has no date from evidence
    everything = memory_listing(store, everything=True)
    assert len(everything.events) == 3 and everything.uncertain == 0
    assert memory_listing(store, year_from=2000).undated == 0  # an undated event passes no year filter
    reading = barometer_reading(store, "year")
    assert [r.period for r in reading.rows] == ["2012"] and reading.undated == 1
    assert reading.rows[0].uncertain == 1 and barometer_reading(store, "year", everything=True).rows[0].uncertain == 0


def test_the_document_date_dates_news_in_the_present_only_when_stated(corpus: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "d.db")
    ingest(store, [corpus], date="2017-10-30")  # the user states the document's date
    unveiled = next(e for e in memory_listing(store).events if "has unveiled" in e.text)
    assert unveiled.date is not None and unveiled.date.start == datetime.date(2017, 10, 30) and unveiled.date.inferred
    assert unveiled.date_from == "document" and any("reported in the present" in e for e in unveiled.evidence)


def test_a_year_in_the_files_name_dates_news_that_states_no_date_of_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    def news(city: str) -> str:
        return (f"Memory in {city}\n\nThe city council has unveiled a monument to the victims of the repressions.\n\n"
                "Volunteers unveiled a plaque to the victims of the terror in December.\n")

    (folder / "tomsk_news_2016.txt").write_text(news("Tomsk"), encoding="utf-8")
    (folder / "omsk-1937.txt").write_text(news("Omsk") + "\nThe archive was opened in 1991.\n", encoding="utf-8")  # named after its topic
    (folder / "perm_2015_2016.txt").write_text(news("Perm"), encoding="utf-8")  # two years: no one year
    (folder / "томск_2016.txt").write_text(
        "Память в Томске\n\nВ Томске открыли памятник жертвам политических репрессий.\n", encoding="utf-8")
    store = Store(tmp_path / "n.db")
    ingest(store, [folder])
    events = memory_listing(store, everything=True).events

    def year_of(name: str, words: str) -> int | None:
        event = next(e for e in events if e.source.endswith(name) and words in e.text)
        return event.date.start.year if event.date else None

    named = next(e for e in events if e.source.endswith("tomsk_news_2016.txt") and "has unveiled" in e.text)
    assert named.date is not None and named.date.precision == "year" and named.date.inferred
    assert named.date_from == "file name" and any("tomsk_news_2016.txt" in e for e in named.evidence)
    assert year_of("tomsk_news_2016.txt", "in December") is None  # "in December" may be the year before
    assert year_of("omsk-1937.txt", "has unveiled") is None  # the text reaches 1991: the name is its topic
    assert year_of("perm_2015_2016.txt", "has unveiled") is None
    assert year_of("томск_2016.txt", "открыли") == 2016
    assert all(d.date is None for d in store.documents())  # the document itself stays undated


def test_the_commands_default_to_sure_events_and_count_the_rest_on_stderr(corpus: Path, tmp_path: Path) -> None:
    from chronika.cli import app

    db = str(tmp_path / "e.db")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "ingest", str(corpus), "--json"]).exit_code == 0
    shown = runner.invoke(app, ["--db", db, "memory", "--json"])
    events = json.loads(shown.stdout)
    assert [e["confidence"] for e in events] == ["sure", "sure"] and [e["date_from"] for e in events] == ["act", None]
    assert events[0]["evidence"] and "held back 1 uncertain" in shown.stderr and "1 of the events shown are undated" in shown.stderr
    everything = json.loads(runner.invoke(app, ["--db", db, "memory", "--all", "--json"]).stdout)
    assert {e["confidence"] for e in everything} == {"sure", "uncertain"} and len(everything) == 3
    header = runner.invoke(app, ["--db", db, "memory", "--export", "csv"]).stdout.splitlines()[0]
    assert header.endswith("date_from,confidence,evidence")
    rows = json.loads(runner.invoke(app, ["--db", db, "barometer", "--by", "year", "--json"]).stdout)
    assert rows[0]["period"] == "2012" and rows[0]["uncertain"] == 1  # the pluperfect wreaths, dated by the paragraph


@pytest.mark.parametrize(("sentence", "direction"), [
    ("The renaming of Stalino to Donetsk in 1961 belonged to de-Stalinization.", "de-stalinization"),
    ("Stalingrad was renamed Volgograd in 1961.", "de-stalinization"),
    ("Deputies voted to rename Volgograd back to Stalingrad for the anniversary.", "re-stalinization"),
])
def test_a_renaming_drops_the_old_name_and_takes_the_new(sentence: str, direction: str) -> None:
    signal = classify(sentence)
    assert signal is not None and (signal.kind, signal.direction) == ("renaming", direction)


def test_a_monument_to_people_killed_honours_the_victims_and_a_premier_is_the_state() -> None:
    signal = classify("The president has unveiled a monument to people killed in the political repressions.")
    assert signal is not None and (signal.kind, signal.direction, signal.level) == ("monument", "de-stalinization", "state")
    visit = classify("The premier visited the Polish graves at the Katyn memorial on Sunday.")
    assert visit is not None and (visit.kind, visit.direction, visit.level) == ("commemoration", "de-stalinization", "state")


def test_a_russian_sentence_takes_what_its_paragraph_says() -> None:
    context = "Опрос показал, что 70% россиян положительно оценивают роль Сталина."
    poll = classify("Об этом говорят результаты исследования «Левада-центра».", context, "ru")
    assert poll is not None and (poll.kind, poll.direction, poll.level) == ("poll", "re-stalinization", "society")
    bust = classify("Согласие на установку гранитного бюста дали районные власти.",
                    "В городе появится бюст Сталина.", "ru")
    assert bust is not None and (bust.kind, bust.direction, bust.level) == ("monument", "re-stalinization", "state")
    assert classify("Опрос показал, что 70% жителей довольны работой транспорта.", "", "ru") is None
    assert classify("На площади установили памятную доску в память о космонавте.", "", "ru") is None


def test_a_participles_date_is_its_own_event_unless_the_participle_is_the_act() -> None:
    assert dated("В 2012 году вышло второе издание книги о репрессиях, впервые изданной в 1990 году.", "ru") == ("2012", "act")
    assert dated("Второе издание книги о репрессиях, вышедшей в 1990 году, появилось в магазинах.", "ru")[0] != "1990"
    assert dated("Как показывают рассекреченные в 1990 году архивные документы НКВД, расстрелы шли каждый день.", "ru") == ("1990", "act")


def test_reported_speech_is_not_background_and_denial_favours_stalin() -> None:
    reported = classify("The governor said that the bust of Stalin had been put up at the request of veterans.")
    assert reported is not None and reported.kind == "monument" and not reported.doubts
    background = classify("Volunteers had unveiled a plaque to the victims of the terror long before.")
    assert background is not None and background.doubts
    denial = classify("Communist deputies denied Soviet guilt for the massacre in the debate, the report said.")
    assert denial is not None and denial.direction == "re-stalinization"
    ordered = classify("The Duma said the shootings were done on the direct orders of Joseph Stalin.")
    assert ordered is not None and ordered.direction == "de-stalinization"


def test_a_statement_by_no_one_named_and_only_about_the_terror_is_uncertain() -> None:
    vague = classify("The scale of the repressions was recognized long ago.")
    assert vague is not None and vague.kind == "statement" and "doubt: no one named speaks, and only of the terror" in vague.doubts
    named = classify("The president recognized the scale of the repressions.")
    assert named is not None and not named.doubts
    russian = classify("Массовый голод в те годы называли трагедией, жертвы исчислялись миллионами.", "", "ru")
    assert russian is not None and russian.kind == "statement" and russian.doubts
    condemned = classify("Президент осудил массовые репрессии.", "", "ru")
    assert condemned is not None and not condemned.doubts


def test_the_convicted_are_not_a_condemnation() -> None:
    assert classify("Приговор в отношении осуждённых к расстрелу приведён в исполнение, доложил нарком.", "", "ru") is None
    condemned = classify("Съезд осудил расстрелы и культ личности.", "", "ru")
    assert condemned is not None and condemned.direction == "de-stalinization"


def test_a_search_for_archival_materials_opens_the_archives() -> None:
    signal = classify("Прокуратура начала поиск архивных материалов о массовых расстрелах.", "", "ru")
    assert signal is not None and (signal.kind, signal.direction, signal.level) == ("archive", "de-stalinization", "state")


def test_a_document_that_names_nothing_of_the_terror_has_no_memory_events(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bombing.txt").write_text(
        "Embassy bombing\n\nThe president condemned the bombing of the embassy and offered condolences to the victims.\n\n"
        "Hundreds gathered for a vigil in memory of the victims of the attack.\n", encoding="utf-8")
    (folder / "zavod.txt").write_text(
        "Забастовка\n\nРабочий завода, опасаясь репрессий со стороны руководства, осудил увольнения.\n", encoding="utf-8")
    (folder / "gulag.txt").write_text(
        "Memory\n\nThe president condemned the crimes of the Gulag and offered condolences to the victims.\n", encoding="utf-8")
    store = Store(tmp_path / "t.db")
    ingest(store, [folder])
    sources = {e.source.rsplit("/", 1)[-1] for e in memory_listing(store, everything=True).events}
    assert sources == {"gulag.txt"}
