"""Russian relative expressions and durations: "три дня спустя", "спустя 20 лет", "через два года",
"два года назад" (from the document's date), "на следующий день", "накануне", "в тот же день",
"в том же году", "в следующем году", "в течение трёх лет" ("13 лет" alone may be a prison term
or a count, which the figures read).

They count from the narrative's last date (the one the text stated before them), "назад" from the
document's; with neither, an offset is a duration and a step is left out. The number words are
read in any case form ("двух", "пяти", "двадцати пяти")."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from chronika.extract.timex_durations import duration_value
from chronika.extract.timex_grammar import matches_near
from chronika.extract.timex_resolve import Context, Reading, Resolver, period_of, shift, value_of
from chronika.records.dates import DateInterval

Found = tuple[int, int, Resolver]

_UNIT_FORMS = {
    "day": ("день", "дня", "дней", "дни", "суток", "сутки"),
    "week": ("неделю", "недели", "недель", "неделя"),
    "month": ("месяц", "месяца", "месяцев"),
    "year": ("год", "года", "лет", "годы"),
    "decade": ("десятилетие", "десятилетия", "десятилетий"),
    "century": ("век", "века", "веков"),
}
_UNIT_OF = {form: unit for unit, forms in _UNIT_FORMS.items() for form in forms}
# number words by stem, in any case form ("два", "двух", "двумя")
_NUMBER_STEMS = (
    ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
    ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19), ("двадцат", 20),
    ("тридцат", 30), ("сорок", 40), ("пятьдесят", 50), ("пятидесят", 50), ("шестьдесят", 60), ("шестидесят", 60),
    ("семьдесят", 70), ("семидесят", 70), ("восемьдесят", 80), ("восьмидесят", 80), ("девяност", 90),
    ("сто", 100), ("ста", 100), ("полтор", 1.5), ("одн", 1), ("один", 1), ("дв", 2), ("тр", 3), ("четыр", 4),
    ("пят", 5), ("шест", 6), ("сем", 7), ("восем", 8), ("восьм", 8), ("девят", 9), ("десят", 10), ("пар", 2),
)
_NUMBER_WORD = (
    r"(?:одн[аоуй]\w*|один|дв[аеу]\w*|тр[иеё]\w*|четыр\w*|пят\w*|шест\w*|сем\w*|восе?м\w*|девят\w*|десят\w*|"
    r"\w+надцат\w*|двадцат\w*|тридцат\w*|сорок\w*|пят\w*десят\w*|шест\w*десят\w*|сем\w*десят\w*|восем\w*десят\w*|"
    r"восьм\w*десят\w*|девяност\w*|ст[оа]|полтор[аы]|пар[уы])"
)
_NUMBER = rf"(?:\d{{1,3}}(?!\d)|{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})?|несколько|нескольких|много)"
_UNIT = r"(?P<unit>" + "|".join(sorted(_UNIT_OF, key=len, reverse=True)) + r")\b"
_MOD = r"(?:(?P<mod>почти|около|более|менее|ровно|примерно|лишь|только|всего)\s+)?"
_OFFSET = re.compile(
    rf"\b{_MOD}(?:(?P<n>{_NUMBER})\s+)?{_UNIT}\s+(?P<dir>спустя|позже|позднее|назад|тому\s+назад|раньше|ранее)\b"
    rf"|\b(?P<dir2>спустя|через)\s+{_MOD.replace('<mod>', '<mod2>')}(?:(?P<n2>{_NUMBER})\s+)?(?P<unit2>"
    + "|".join(sorted(_UNIT_OF, key=len, reverse=True)) + r")\b"
)
_STEP = re.compile(
    r"\b(?:на|в)\s+(?P<rel>следующ|друг|тот\s+же|том\s+же|ту\s+же|то\s+же|эт)\w*\s+(?:же\s+)?"
    r"(?P<unit>день|дня|году|год|месяце|месяц|неделе|неделю|вечер|утро|ночь)\b"
    r"|\b(?P<eve>накануне)(?=\s*[,.;:—)]|\s+(?:вечером|утром|ночью|днём|днем|он|она|они|его|ему|ей|им|их|был|была|"
    r"были|было|в|на|же)\b)"
)
_DURATION = re.compile(  # only where the text says it is a stretch of time: "13 лет" alone may be a term, a count
    rf"\b(?:в\s+течение|на\s+протяжении)\s+{_MOD}(?P<n>{_NUMBER})\s+(?P<unit>лет|года|дней|дня|месяцев|месяца|"
    r"недель|недели|десятилетий|веков)\b(?!\s+(?:спустя|позже|позднее|назад|тому|раньше|ранее)\b)"
    r"|\bв\s+течение\s+(?P<one>года|месяца|недели|дня|десятилетия|века)\b"
)
_MODS = {"почти": "LESS_THAN", "около": "APPROX", "примерно": "APPROX", "более": "MORE_THAN", "менее": "LESS_THAN"}
_TIME_OF_DAY = {"вечер": "EV", "утро": "MO", "ночь": "NI"}
# the words every expression here contains: where `candidates` looks
TRIGGER_WORDS = {*_UNIT_OF, "спустя", "через", "накануне", "вечер", "утро", "ночь", "году", "месяце", "неделе"}


def candidates(text: str, low: str, triggers: Iterable[int]) -> Iterator[Found]:
    """Every Russian offset, step and duration in `text` (`low` is `lowered(text)`)."""
    for index, m in matches_near(_PATTERNS, low, triggers):
        pattern = _PATTERNS[index][0]
        if pattern is _OFFSET:
            yield m.start(), m.end(), _offset(m)
        elif pattern is _STEP:
            if m.group("eve"):
                yield m.start("eve"), m.end(), _step(m)
            elif not (m.group("rel").startswith("эт") and m.group("unit").startswith("год")):  # "в этом году": timex_relative
                yield m.start("rel"), m.end(), _step(m)
        else:
            found = _duration(m)
            if found is not None:  # the span leaves out "в течение": "трёх лет"
                start = m.start("mod") if m.group("mod") else m.start("n") if m.group("n") else m.start("one")
                yield start, m.end(), found


def number(words: str | None) -> float | None:
    """The number Russian words or digits state ("двух" 2, "двадцати пяти" 25, "17"); None for
    "несколько" or what is no number; 1 when nothing is written ("год спустя")."""
    if words is None:
        return 1.0
    words = words.strip()
    if words.isdigit():
        return float(words)
    total = 0.0
    for word in words.split():
        value = next((v for stem, v in _NUMBER_STEMS if word.startswith(stem)), None)
        if value is None:
            return None
        total += value
    return total or None


def _offset(m: re.Match[str]) -> Resolver:
    """"три дня спустя", "через два года" (from the narrative's date), "два года назад" (from the
    document's)."""
    unit = _UNIT_OF[(m.group("unit") or m.group("unit2")).lower()]
    count = number(m.group("n") if m.group("dir") else m.group("n2"))
    direction = (m.group("dir") or m.group("dir2")).lower()
    sign = -1 if direction in ("назад", "тому назад", "раньше", "ранее") else 1
    from_document = direction.endswith("назад")
    mod = _MODS.get((m.group("mod") or m.group("mod2") or "").lower())

    def resolve(ctx: Context) -> Reading | None:
        if from_document:
            anchor = None if ctx.document_date is None else DateInterval(ctx.document_date, ctx.document_date, "day", "", True)
        else:
            anchor = ctx.anchor("day" if unit in ("day", "week") else unit)
        if anchor is None or count is None:
            return Reading(duration_value(count, unit), "DURATION", None, mod=mod)
        days = unit in ("day", "week")
        step_unit, step = ("day", count * (7 if unit == "week" else 1)) if days else (unit, count)
        if anchor.precision == "day" or not days and _finer_or_same(anchor.precision, unit):
            day = shift(anchor.start if sign < 0 else anchor.end, sign * step, step_unit)
            when = period_of(day, step_unit, m.group(0))
            value = value_of(day, "week" if unit == "week" and from_document else step_unit)  # "шесть недель назад": a week
        else:  # "три дня спустя" after "в 1937 году": the year's span moved, as precise as the year
            when = DateInterval(shift(anchor.start, sign * step, step_unit), shift(anchor.end, sign * step, step_unit),
                                anchor.precision, m.group(0), True)
            value = value_of(when.start, anchor.precision if anchor.precision in ("year", "month") else "year")
        return Reading(value, "DATE", when, anchor="document" if from_document else "narrative", mod=mod)

    return resolve


def _finer_or_same(precision: str, unit: str) -> bool:
    order = ("day", "month", "season", "year", "decade", "century")
    return precision in order and unit in order and order.index(precision) <= order.index(unit)


def _step(m: re.Match[str]) -> Resolver:
    """"на следующий день", "накануне", "в тот же день", "в том же году", "в следующем году": one
    step from the narrative's date (from the document's when nothing precedes)."""
    if m.group("eve"):
        unit, step, part = "day", -1, None
    else:
        word = m.group("unit").lower()
        unit = {"день": "day", "дня": "day", "году": "year", "год": "year", "месяце": "month", "месяц": "month",
                "неделе": "week", "неделю": "week"}.get(word, "day")
        part = _TIME_OF_DAY.get(word)
        step = 1 if m.group("rel").lower().startswith(("следующ", "друг")) else 0

    def resolve(ctx: Context) -> Reading | None:
        anchor = ctx.anchor("day" if unit == "week" else unit)
        kind = "narrative"
        if anchor is None or ctx.reporting and unit == "year" and step:
            if ctx.document_date is None or not step:
                return None
            anchor, kind = DateInterval(ctx.document_date, ctx.document_date, "day", "", True), "document"
        if unit != "year" and anchor.precision != "day" and not (unit == "month" and anchor.precision == "month"):
            return None  # "на следующий день" after a year names no day
        base = anchor.end if step > 0 else anchor.start
        day = shift(base, step, "day" if unit == "week" else unit)
        when = period_of(day, "week" if unit == "week" else unit, m.group(0))
        value = value_of(day, unit)
        if part:
            return Reading(f"{value}T{part}", "TIME", when, anchor=kind)
        return Reading(value, "DATE", when, anchor=kind)

    return resolve


def _duration(m: re.Match[str]) -> Resolver | None:
    """"в течение трёх лет", "на протяжении 20 лет", "в течение года": a duration with no anchor."""
    count: float | None = 1.0
    if m.group("one"):
        unit = {"года": "year", "месяца": "month", "недели": "week", "дня": "day", "десятилетия": "decade",
                "века": "century"}[m.group("one")]
    else:
        unit = _UNIT_OF[m.group("unit")]
        words = m.group("n").lower()
        count = None if words.startswith(("несколь", "много")) else number(words)
        if count is None and not words.startswith(("несколь", "много")):
            return None
    reading = Reading(duration_value(count, unit), "DURATION", None, mod=_MODS.get((m.group("mod") or "").lower()))
    return lambda ctx: reading


_PATTERNS = ((_OFFSET, 60), (_STEP, 30), (_DURATION, 50))
