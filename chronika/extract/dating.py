"""When a source was published or issued, from the evidence the source gives for it, never from what
its text narrates.

Evidence, strongest first: a date the user states; the file's own metadata (an HTML page's date
element, a born-digital PDF's creation date, a report header); then the lines that open the text as
the press, publishers and legislators set them: a date line ("28 Nov 2010", "Date: 24 May, 2010",
"14.03.2016", a byline "March 12, 1989|ANNA SMITH"), a dateline opening the first paragraph
("MOSCOW, Oct. 30, 2009 -", "Nov. 3, 2017 (EIRNS)—"), a legal act's heading ("Закон РФ от 18
октября 1991 г. N 1761-I"), a title closed by its date ("... (31.03.2018)"), an edition line ("2007
Schools Wikipedia Selection", "Электронная версия 2015 год") or a periodical's issue ("«Новая
Польша», N 12 (125), 2010"). A copyright footer, a "retrieved", "last edited" or "saved" line, a
range of dates, and the latest date the text states are not publication dates: without evidence a
document is undated, and a date without a year is never given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from chronika.extract.timex import tag_times
from chronika.records.dates import DateInterval, interval

HEAD_LINES = 8  # how many non-empty lines open a text: title, standfirst, byline, date line
BODY_WORDS = 30  # a line this long is body text: the head ends before it (its opening may be a dateline)
_RESIDUE_WORDS = 3  # what a date line may hold besides the date: a label, a time, a source's name

# Lines that state a date that is not the publication's: when it was copied, edited or saved.
_NOT_PUBLISHED = re.compile(
    r"©|\(c\)\s*\d|copyright|retrieved|accessed|last (?:edited|modified|updated)|updated|modified|printed"
    r"|archived|saved|обновлен|изменен|сохран[её]н|дата обращения|просмотрено|редакци",
    re.IGNORECASE,
)
# Words a date line may carry besides its date: labels and times of day.
_LABEL = re.compile(
    r"\b(?:date|dated|published|posted|issued|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|msk|дата|опубликовано"
    r"|размещено|от|в|мск|г|года?)\b\.?|\d{1,2}:\d{2}(?::\d{2})?",
    re.IGNORECASE,
)
# A letter's, an appeal's or a declaration's place before its date: "Moscow, 10 January 2022",
# "Москва, 28 декабря 2021 г.".
_LETTERHEAD = re.compile(r"\s*[A-ZА-ЯЁ][\w'’.-]*(?:[ -][A-ZА-ЯЁ][\w'’.-]*){0,2},\s*")
_SEPARATORS = re.compile(r"\s*[|•·]\s*")
_DATELINE = re.compile(r"^(?P<prefix>[^—–\n]{4,70}?)\s*(?:[—–]|--?\s)")
_AGENCY = re.compile(r"\s*\([^()]{1,30}\)\s*$")  # "(EIRNS)", "(Interfax)" after a dateline's date
_PLACE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{1,40}[,.]?$")  # a dateline's place is set in capitals: "MOSCOW,"
_ACT = re.compile(
    r"^(?:\([^()]{1,20}\)\s*)?(?:федеральный\s+)?(?:закон|указ|постановление|распоряжение|приказ|определение"
    r"|решение|federal\s+law|law|decree|order|resolution|ruling)\b.{0,80}?\b(?:от|of|dated)\s+(?P<date>.{6,30}?)"
    r"\s+(?-i:N|№|No\.?)\s*\d[\w/-]*",
    re.IGNORECASE,
)
_TITLE_DATE = re.compile(r"\((?P<date>[^()]{6,24})\)\s*$")
_EDITION = re.compile(r"\b(?:edition|selection|version|версия|издание)\b", re.IGNORECASE)
# A periodical's issue as bibliographies cite it: its quoted name, number, year.
_ISSUE = re.compile(r"[»\"”]\s*,\s*(?:N|№|No\.?)\s*\d+\s*(?:\(\d+\))?\s*,\s*(?P<year>1[6-9]\d\d|20\d\d)\b")
_YEAR = re.compile(r"(?<![\d.,-])(?:1[6-9]\d\d|20\d\d)(?![\d.,-]\d)")


@dataclass(frozen=True)
class Dating:
    """A source's date, where it came from (`provenance`) and the words that state it (`evidence`)."""

    date: DateInterval | None
    provenance: str | None = None
    evidence: str | None = None


UNDATED = Dating(None)


def head_date(text: str, today: date | None = None) -> Dating:
    """The publication date the opening lines of a text state, or UNDATED."""
    today = today or date.today()
    lines = _head(text)
    for rule in (_date_line, _dateline, _act_heading, _dated_title, _edition, _periodical_issue):
        for line in lines:
            found = rule(line)
            if found.date is not None and found.date.end <= today:
                return found
    return UNDATED


def stated_in(text: str, day: date) -> bool:
    """Whether `text` states the calendar day `day` (in words or in figures): how a date found by a
    page's markup is checked against what the page shows."""
    if any(when.precision == "day" and when.start == day for when in _days(text)):
        return True
    numeric = (
        rf"(?<!\d)0?{day.day}[./-]0?{day.month}[./-](?:{day.year}|{day.year % 100:02d})(?!\d)",
        rf"(?<!\d){day.year}[./-]0?{day.month}[./-]0?{day.day}(?!\d)",
        rf"(?<!\d)0?{day.month}/0?{day.day}/(?:{day.year}|{day.year % 100:02d})(?!\d)",
    )
    return any(re.search(pattern, text) for pattern in numeric)


def _head(text: str) -> list[str]:
    """The opening lines of a text, up to and including its first line of body text."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        out.append(line)
        if len(line.split()) >= BODY_WORDS or len(out) >= HEAD_LINES:
            break
    return out


def _days(text: str) -> Iterable[DateInterval]:
    """Every whole calendar date (day, month and year) a line states."""
    for mention in tag_times(text):
        if mention.type == "DATE" and mention.anchor == "absolute" and mention.date is not None:
            yield DateInterval(mention.date.start, mention.date.end, mention.date.precision, mention.text)


def _only_day(text: str) -> DateInterval | None:
    """The one whole day `text` states, or None where it states none, several, or a range."""
    days = {(d.start, d.end): d for d in _days(text) if d.precision == "day"}
    if len(days) != 1:
        return None
    return next(iter(days.values()))


def _date_line(line: str) -> Dating:
    """A line (or one `|`-separated part of a byline) that is a date and little else: a label or a
    time before it ("Date:", "8:45 am on"), at most a source's name after it ("EWR Online")."""
    if _NOT_PUBLISHED.search(line):
        return UNDATED
    for part in _SEPARATORS.split(line):
        day = _only_day(part)
        if day is None:
            continue
        before, _, after = part.partition(day.text)
        if re.search(r"[^\W_]", _LABEL.sub(" ", before)) and not _LETTERHEAD.fullmatch(before):
            continue
        after = _LABEL.sub(" ", after)
        if len(re.findall(r"[^\W\d_]{2,}", after)) <= _RESIDUE_WORDS and not re.search(r"\d", after):
            return Dating(day, "date line", line)
    return UNDATED


def _dateline(line: str) -> Dating:
    """A dateline opening a paragraph: a place, the date, an agency, a dash ("MOSCOW, Oct. 30, 2009 -")."""
    m = _DATELINE.match(line)
    if m is None or _NOT_PUBLISHED.search(m.group(0)):
        return UNDATED
    prefix = _AGENCY.sub("", m.group("prefix")).rstrip(" ,.")
    day = _only_day(prefix)
    if day is None or not prefix.endswith(day.text.rstrip(" ,.")):
        return UNDATED
    place = prefix[: len(prefix) - len(day.text.rstrip(" ,."))].strip()
    agency = prefix != m.group("prefix").rstrip(" ,.")
    if (place and not _PLACE.match(place)) or not (place or agency):  # a bare "DATE —" opens a chronology entry
        return UNDATED
    return Dating(day, "dateline", m.group(0).strip(" —–-"))


def _act_heading(line: str) -> Dating:
    """A legal act's heading: its kind, issuer, date and number ("Указ ... от 5 мая 2010 г. N 12")."""
    m = _ACT.match(line)
    day = _only_day(m.group("date")) if m else None
    if m is None or day is None or _LABEL.sub("", m.group("date").replace(day.text, "")).strip(" ,."):
        return UNDATED
    return Dating(day, "act heading", line)


def _dated_title(line: str) -> Dating:
    """A title closed by the day it was published in brackets: "Трудный путь домой (31.03.2018)"."""
    m = _TITLE_DATE.search(line)
    if m is None or len(line.split()) > 20 or _NOT_PUBLISHED.search(line) or not re.search(r"[^\W\d_]{3,}", line[: m.start()]):
        return UNDATED
    day = _only_day(m.group("date"))
    if day is None or day.text.strip() != m.group("date").strip():
        return UNDATED
    return Dating(day, "title", line)


def _edition(line: str) -> Dating:
    """A short edition or version line naming its year: "2007 Schools Wikipedia Selection"."""
    if _NOT_PUBLISHED.search(line):
        return UNDATED
    for part in re.split(r"(?<=[.!?])\s+", line):
        years = _YEAR.findall(part)
        if len(part.split()) <= 8 and _EDITION.search(part) and len(years) == 1:
            return Dating(interval(int(years[0]), text=years[0]), "edition", part)
    return UNDATED


def _periodical_issue(line: str) -> Dating:
    """A periodical's issue cited where the text opens: «Journal», N 12 (125), 2010."""
    m = _ISSUE.search(line)
    if m is None or _NOT_PUBLISHED.search(line):
        return UNDATED
    return Dating(interval(int(m["year"]), text=m["year"]), "periodical issue", m.group(0))
