"""Figures: the numbers a text states about the world ("about 22,000 Poles", "72 percent of
Russians", "hundreds of thousands", "seven in ten", "between 600,000 and 700,000"), each with its
best value, the bounds its wording implies, whether it is approximate, its unit (percent, or the
currency a sign before it gives: "$19 million" is in dollars) and what it counts.

Bounds are only what the words say: "over 20,000" has low 20000 and no high; "nearly 100" high
100; "about 22,000" is approximate with no bounds (we do not invent a margin); a range has both
bounds and its midpoint as value; a vague plural ("hundreds of thousands") has the bounds of its
order of magnitude and its low bound as value (the least the text asserts). Shares ("seven in ten",
"a third", "half", "60 percent") have unit "percent" and their value in percent.

Not figures: years, dates, durations and other time expressions (pass `times`, or they are found
here), page, volume, footnote, report and order numbers, ordinals ("the 19th Party Congress"),
numbers inside identifiers, compound modifiers ("a four-volume epic", "a 6,000-word study": they
measure a thing, they count nothing) and "one" on its own (mostly a pronoun: "one of the greatest")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from chronika.records.mentions import FigureMention
from chronika.extract.figures_counted import TIME_UNITS, counted_after, described, time_reading
from chronika.extract.figures_ru import russian_word_figures, russian_word_ranges
from chronika.extract.numbers import DIGITS, WORD_NUMBER, alternation, number_value
from chronika.extract.timex import tag_times
from chronika.records.mentions import TimeMention
from chronika.extract.timex_grammar import MONTH, lowered, matches_near

__all__ = ["FigureMention", "tag_figures"]


# bound words: (approximate, which bound the number is: "low", "high" or None)
_BOUNDS: dict[str, tuple[bool, str | None]] = {
    **dict.fromkeys(("about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "close to",
                     "approx.", "c.", "около", "примерно", "приблизительно", "порядка", "ок."), (True, None)),
    **dict.fromkeys(("nearly", "almost", "up to", "as many as", "почти"), (True, "high")),
    **dict.fromkeys(("no more than", "not more than", "a maximum of", "at most", "не более"), (False, "high")),
    "до": (True, "high"),  # "до 40 тысяч": as many as
    **dict.fromkeys(("over", "more than", "upwards of", "in excess of", "just over", "well over", "более", "свыше",
                     "больше", "св.", "не менее", "по меньшей мере", "как минимум"), (False, "low")),
    **dict.fromkeys(("at least", "no fewer than", "no less than", "not less than", "a minimum of"), (False, "low")),
    **dict.fromkeys(("fewer than", "less than", "under", "just under", "менее", "меньше"), (False, "high")),
    **dict.fromkeys(("only", "just", "a mere", "barely", "a total of", "exactly"), (False, None)),
}
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0,
    "two fifths": 40.0, "three fifths": 60.0, "four fifths": 80.0,
}
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999), "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999), "billions": (2_000_000_000, 999_999_999_999),
    # Russian, in every case form: "десятки тысяч", "сотен тысяч", "тысячами", "миллионы"
    **{f"{tens} {thousands}": bounds for tens_forms, thousands_forms, bounds in (
        (("десятки", "десятков", "десяткам", "десятками", "десятках"), ("тысяч",), (20_000, 99_999)),
        (("сотни", "сотен", "сотням", "сотнями", "сотнях"), ("тысяч",), (200_000, 999_999)),
        (("десятки", "десятков", "десяткам", "десятками", "десятках"), ("миллионов",), (20_000_000, 99_999_999)),
    ) for tens in tens_forms for thousands in thousands_forms},
    **dict.fromkeys(("тысячи", "тысячам", "тысячами", "тысячах"), (2_000, 9_999)),
    **dict.fromkeys(("миллионы", "миллионов", "миллионам", "миллионами", "миллионах"), (2_000_000, 999_999_999)),
    **dict.fromkeys(("сотни", "сотен", "сотням", "сотнями", "сотнях"), (200, 999)),
    **dict.fromkeys(("десятки", "десятков", "десяткам", "десятками", "десятках"), (20, 99)),
    "dozens of thousands": (24_000, 99_999), "scores of thousands": (40_000, 99_999),
    "dozens of millions": (24_000_000, 99_999_999), "scores of millions": (40_000_000, 99_999_999),
}
# After a word that governs the genitive, "тысячи" and "сотни" are one thousand, one hundred (the
# genitive singular: "около тысячи", "более сотни"), not the plural "thousands", "hundreds".
_GOVERNS_GENITIVE = {"около", "более", "свыше", "менее", "до", "порядка", "больше", "меньше", "не более", "не менее", "ок."}
_GENITIVE_ONE = {"тысячи": 1e3, "сотни": 1e2}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6, "bn": 1e9,
           "thousands": 1e3, "millions": 1e6, "billions": 1e9, "тыс.": 1e3, "тыс": 1e3,  # "4-5 millions"
           "млн": 1e6, "млн.": 1e6, "млрд": 1e9, "млрд.": 1e9,
           # Russian scale words in every case form ("тысяч", "тысячами", "миллиона", "миллиардов")
           **{stem + end: value for stem, value in (("тысяч", 1e3), ("миллион", 1e6), ("миллиард", 1e9))
              for end in ("", "а", "и", "е", "у", "ей", "ам", "ами", "ах", "ов", "ом", "ой", "ею")}}
_RANGE_SCALES = {"hundred": 100.0, **_SCALES}  # the words that end a range's high and scale its low too
_SMALL = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a\s+hundred|one\s+hundred|100|[1-9][0-9]?)"
_NUM = rf"(?:{DIGITS}|\b{WORD_NUMBER}\b)"
_BOUND_WORDS = alternation(_BOUNDS)
_FRACTION_WORDS = alternation([k for k in _FRACTIONS if " " in k] + [k.replace(" ", "-") for k in _FRACTIONS if " " in k])
_VAGUE_WORDS = alternation(_VAGUE)
_BOUND = rf"(?P<bound>(?:{_BOUND_WORDS})\s+|[\"“]?a\s+(?:minimum|maximum)[\"”]?\s+of\s+)?"
_SCALE_WORDS = alternation(_SCALES)
_SCALE = rf"(?P<scale>\s+(?:{_SCALE_WORDS})(?!\w))?"
_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"}
_SIGN = r"(?:\b(?:us|c|a) ?)?\$ ?|[£€¥] ?"  # a currency sign before a number: "$", "US$ ", "£"
_MONTH_WORD = re.compile(MONTH, re.IGNORECASE)
_YEAR_WORD = re.compile(r"год|году|годом|годе")


def _month(word: str) -> bool:
    """Whether a word is a month's name: English capitalises it ("May", not "may"), Russian does not."""
    return bool(_MONTH_WORD.fullmatch(word)) and (word[:1].isupper() or not word[:1].isascii())
_SIGN_BEFORE = re.compile(rf"(?:{_SIGN})$", re.IGNORECASE)
_FIGURE = re.compile(
    rf"""{_BOUND}(?P<currency>{_SIGN})?(?:
        (?P<between>between(?=\s+\S+(?:\s+(?:{_SCALE_WORDS}))?\s+and\s)|from(?=\s+\S+(?:\s+(?:{_SCALE_WORDS}))?\s+to\s)|от)
            \s+(?P<lo>{_NUM})(?P<lo_scale>\s+(?:{_SCALE_WORDS})(?!\w))?\s+(?:and|to|до)\s+(?P<hi>{_NUM})
      | (?P<thousands>{DIGITS})\s+тысяч\w*\s+(?P<units>\d{{1,3}})(?![\d,.])
      | (?P<in_n>{_SMALL})\s+(?:in|out\s+of)\s+(?P<in_m>{_SMALL})(?![\w,])
      | (?P<a>{DIGITS})\s?[-–—]\s?(?P<b>{DIGITS})
      | (?P<a2>{_NUM})\s+(?:to|or)\s+(?P<b2>{_NUM})
      | half\s+an?\s+(?P<half_of>million|billion|thousand|hundred|dozen)\b
      | (?P<part_of>a\s+quarter|a\s+half|three\s+quarters)(?:\s+of\s+a)?\s+(?P<part_scale>million|billion|thousand)\b
      | (?P<frac>(?:{_FRACTION_WORDS})\b|\bhalf\b)
      | (?P<vague>{_VAGUE_WORDS})\b
      | (?P<n>{_NUM})(?P<mixed>\s+1/2(?![/\d])|\s?½|\s+and\s+a\s+half(?=\s+(?:{_SCALE_WORDS})(?!\w)))?
    ){_SCALE}(?P<half>\s+and\s+a\s+half)?
    (?P<pct>\s*%|\s+percent\b|\s+per\s+cent\b|\s+percentage\s+points?\b|\s+процент\w*)?""",
    re.VERBOSE,
)
_TRIGGER = re.compile(
    r"\d+|\b(?:десятк|сотн|сотен|тысяч|миллион)\w*|"
    rf"\b(?:{alternation(['half', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'dozens', 'scores', 'hundreds', 'thousands', 'millions', 'billions', 'tens', 'dozen', 'hundred', 'thousand', 'million', 'billion', 'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'])})\b"
)
_MARKER = re.compile(
    r"(?:\b(?:p|pp|pages?|vols?|volume|nos?|numbers?|nr|issue|item|art|articles?|fig|figure|notes?|fn|footnote|"
    r"tables?|chapters?|ch|sec|sections?|paragraphs?|para|part|point|clause|appendix|annex|series|file|fond|"
    r"delo|opis|op|list|line|lines|verse)\.?|\b(?:т|стр|ст|ф|оп|д|л|ч|п|пп|гл|разд|абз)\.|№|#|\bn[°º])\s*[:#]?\s*$"
)
# Whether a text may hold a Russian number in words (the word reader needs pymorphy3: only then).
_CYRILLIC_NUMBER_WORD = re.compile(r"\b(?:од|дв|тр|чет|пят|шест|сем|восем|восьм|девят|десят|сорок|сто|ст[оа]|полтор"
                                   r"|половин|трет|четверт|кажд|тысяч|миллион)[а-яё]*", re.IGNORECASE)
_HALF_CONTEXT = re.compile(r"\s+(?:of|the|a|an|his|her|their|its|all|them|those|these|our)\b")
_PARTITIVE = re.compile(r"\b(?:of|among)\s+(?:the|these|those)\s+(?:total\s+)?$", re.IGNORECASE)
_OF_NUMBER = re.compile(r"\s+(?:out\s+)?of\s+\d[\d,.]*")
_DAY_OF_MONTH_BEFORE = re.compile(rf"(?:{MONTH})\.?\s+\d{{1,2}},?\s+$|\b\d{{1,2}}\s+(?:{MONTH})\.?,?\s+$", re.IGNORECASE)
_CLOCK = re.compile(r"\s*(?:a\.m\.|p\.m\.|o'clock)")
_REACH = 30  # characters: how far before its number a figure may begin ("no fewer than", "a minimum of")


def tag_figures(text: str, times: list[TimeMention] | None = None) -> list[FigureMention]:
    """Every figure in `text`, sorted by start and non-overlapping. `times` are the text's time
    expressions (`tag_times(text)` when not given): what they cover is no figure."""
    if times is None:
        times = tag_times(text)
    low = lowered(text)
    cyrillic = _CYRILLIC_NUMBER_WORD.search(low) is not None
    # a span of time measured is a figure too ("18 years have passed", "a 10-year sentence"); a
    # date, a time of day or a set ("two days later", "every five years") is not
    taken = sorted((t.start, t.end) for t in times if t.type != "DURATION" or t.date is not None)
    ranges = list(russian_word_ranges(text, taken)) if cyrillic else []
    taken = sorted(taken + [(f.start, f.end) for f in ranges])
    found = sorted(
        (m for _, m in matches_near([(_FIGURE, _REACH)], low, (t.start() for t in _TRIGGER.finditer(low)))),
        key=lambda m: (m.start(), -m.end()),
    )
    figures: list[FigureMention] = []
    end = 0
    for m in found:
        if m.start() < end or _covered(m.start(), m.end(), taken) or not _is_figure(m, text, low):
            continue
        figure = _figure(m, text, figures)
        if figure is not None:
            figures.append(figure)
            end = figure.end
    figures = _joined_ranges(text, figures)
    if cyrillic:
        figures += ranges
        figures += russian_word_figures(text, sorted(taken + [(f.start, f.end) for f in figures]))
        figures.sort(key=lambda f: f.start)
    kept = []
    for f in figures:
        stays, counted = time_reading(text, f.start, f.end, f.counted, f.unit)
        if stays:
            kept.append(f if counted == f.counted else replace(f, counted=counted))
    return kept


_RANGE_DASH = re.compile(r"(?:\[\w{1,3}\])*\s*[—–]\s*")  # "2 миллиона[3] — 5,5 миллиона[4]": a table's range


def _joined_ranges(text: str, figures: list[FigureMention]) -> list[FigureMention]:
    """Two figures of one unit joined by a dash, the second the larger, as one range: an
    encyclopedia's infobox gives an estimate's low and high so, each with its reference mark."""
    out: list[FigureMention] = []
    for figure in figures:
        last = out[-1] if out else None
        if (last is not None and last.unit == figure.unit and last.high is None and figure.low is None
                and _RANGE_DASH.fullmatch(text, last.end, figure.start) and figure.value > last.value):
            low = last.low if last.low is not None else last.value
            out[-1] = FigureMention(last.start, figure.end, text[last.start : figure.end], (low + figure.value) / 2, low,
                                    figure.value, last.approximate or figure.approximate, figure.unit,
                                    last.counted or figure.counted)
        else:
            out.append(figure)
    return out


def _shared_scale(lo_text: str, hi_text: str) -> float:
    """The scale word that ends a range's high in words and stands for its low too: "six to eight
    million" is 6,000,000 to 8,000,000, "two or three thousand" 2,000 to 3,000."""
    lo_last, hi_last = lo_text.split()[-1].lower(), hi_text.split()[-1].lower()
    return _RANGE_SCALES[hi_last] if hi_last in _RANGE_SCALES and lo_last not in _RANGE_SCALES else 1.0


def _covered(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping spans `taken`."""
    index = bisect_left(taken, (end, end)) - 1
    return index >= 0 and taken[index][1] > start


def _is_figure(m: re.Match[str], text: str, low: str) -> bool:
    """False for a number that is a reference, an identifier, a footnote mark, an ordinal, a
    compound modifier, a quoted name ("the word "37""), a clock time or a pronoun."""
    core = m.start("bound") if m.group("bound") else m.start()
    start, end = (m.end("bound") if m.group("bound") else m.start()), m.end()
    previous, following = low[start - 1 : start] if start else "", low[end : end + 1]
    if _MARKER.search(low, max(0, core - 20), core):
        return False
    if low[start - 1 : start] == "[" and low[end : end + 1] == "]" and len(low[start:end]) <= 4:
        return False  # a reference mark as encyclopedias set it: "crime against peace,[3]", "[12]"
    opening = previous in "\"“" and (start < 2 or low[start - 2].isspace() or low[start - 2] in "([")
    if previous and not opening and (previous.isalpha() or previous in ".,;:\"”’)]'-/"):
        return False  # a footnote mark (materials."1), an identifier (UPA-89) or a year ('33)
    if following == "/" or previous == "/":
        return False  # a fraction's or a date's part: "1/2", "12/1937"
    if following.isalpha() or following == "-" and low[end + 1 : end + 2].isalpha():
        return False  # an ordinal (22d) or a compound modifier (four-volume, 6,000-word)
    if following and following in "”\"" and previous and previous in "“\"":
        return False  # a quoted name: the word "37"
    if _CLOCK.match(low, end) or _layout(low, start, end):
        return False
    digits = m.group("n") or ""
    if digits.isdigit() and (len(digits) >= 7 or digits.startswith("0")):
        return False  # an identifier ("18300508") or an order's number ("00447")
    if len(digits) == 6 and digits.isdigit() and 1600 <= int(digits[:4]) <= 2099 and int(digits[4:]) > int(digits[2:4]):
        return False  # a span of years whose dash a copy lost: "1922-23" read as "192223"
    if len(digits) == 5 and digits.isdigit() and 1600 <= int(digits[:4]) <= 2099 and _DAY_OF_MONTH_BEFORE.search(low, 0, start):
        return False  # a year and the footnote mark a copy glued to it: "January 20, 19421"
    if m.group("n") and not (m.group("scale") or m.group("pct") or m.group("half")):
        if m.group("n") in ("one", "a"):
            return False
    if m.group("frac") and m.group("frac") in ("half", "a half", "a third", "a quarter", "a fifth"):
        return bool(m.group("bound")) or bool(_HALF_CONTEXT.match(low, end)) or bool(m.group("pct"))
    return True


def _layout(low: str, start: int, end: int) -> bool:
    """Whether the number is layout, not text: alone on its line (a page or section number), a
    list item's number ("- 1. V.I. Lenin"), a table of contents' page (after a tab) or a footnote
    mark ending a paragraph (crime." 10)."""
    line_start = low.rfind("\n", 0, start) + 1
    line_end = low.find("\n", end)
    line = low[line_start : line_end if line_end >= 0 else len(low)]
    number = low[start:end].strip()
    if line.strip(" \t.)") == number or low[start - 1 : start] == "\t" or low[end : end + 2] == "\n\t":
        return True
    if re.fullmatch(r"[\s\-–•*]*", low[line_start:start]) and low[end : end + 1] in ".)":
        return True
    ends_line = line_end == end or line_end < 0 and not low[end : end + 2].strip()
    return ends_line and bool(re.search(r"[.?!\"”]\s?$", low[line_start:start]))


def _part_of(text: str, whole: FigureMention, start: int) -> bool:
    """Whether a number at `start` counts part of the figure `whole` its sentence began with:
    "Of the 1,966 delegates to the Congress, 1,108 were arrested"."""
    between = text[whole.end : start]
    return (whole.counted is not None and bool(_PARTITIVE.search(text, max(0, whole.start - 16), whole.start))
            and len(between) < 200 and not re.search(r"[.!?;][\"”’)\]]*\s", between))


def _figure(m: re.Match[str], text: str, previous: list[FigureMention]) -> FigureMention | None:
    g = m.groupdict()
    scale = _SCALES[re.sub(r"\s+", "", g["scale"])] if g["scale"] else 1.0
    sign = g["currency"] or ""
    before = None if g["bound"] or sign else _SIGN_BEFORE.search(text, max(0, m.start() - 4), m.start())
    if before is not None:  # "$1.01 billion": a match starts at a word, so its sign is read here
        sign = before.group()
    unit = "percent" if g["pct"] else _CURRENCY[sign.strip()[-1]] if sign else None
    bound_words = re.sub(r"\s+", " ", re.sub(r"[\"“”]", "", g["bound"] or "")).strip().lower()
    approximate, bound = _BOUNDS.get(bound_words, (False, None))
    low: float | None = None
    high: float | None = None
    if g["between"] or g["a"] or g["a2"]:
        lo_text, hi_text = (g["lo"], g["hi"]) if g["between"] else (g["a"], g["b"]) if g["a"] else (g["a2"], g["b2"])
        lo_value, hi_value = number_value(lo_text), number_value(hi_text)
        if lo_value is None or hi_value is None:
            return None
        lo_scale = _SCALES[g["lo_scale"].strip()] if g["lo_scale"] else scale
        shared = _shared_scale(lo_text, hi_text) if not g["lo_scale"] and not g["scale"] else 1.0
        if lo_value * shared < hi_value:
            lo_scale *= shared  # "six to eight million"; not "twenty to a hundred"
        low, high = lo_value * lo_scale, hi_value * scale
        if high <= low or g["a"] and not g["scale"] and high > 100 * low:
            return None  # "2-7332": an identifier or a page span, not a range anyone estimates
        value = (low + high) / 2
    elif g["thousands"]:  # "20 тысяч 761 человек"
        thousands, units = number_value(g["thousands"]), number_value(g["units"])
        if thousands is None or units is None:
            return None
        value = thousands * 1000 + units
    elif g["in_n"]:
        n, of = number_value(g["in_n"]), number_value(g["in_m"])
        if n is None or not of or n >= of:
            return None
        value, unit = round(100 * n / of, 1), "percent"
    elif g["half_of"]:
        value = 0.5 * (_SCALES.get(g["half_of"]) or {"hundred": 100.0, "dozen": 12.0}[g["half_of"]])
    elif g["part_of"]:  # "a quarter million", "three quarters of a million"
        value = _FRACTIONS[re.sub(r"\s+", " ", g["part_of"])] / 100 * _SCALES[g["part_scale"]]
    elif g["frac"]:
        value, unit = round(_FRACTIONS[re.sub(r"[\s-]+", " ", g["frac"])], 1), "percent"
    elif g["vague"] and bound_words in _GOVERNS_GENITIVE and g["vague"] in _GENITIVE_ONE:
        value = _GENITIVE_ONE[g["vague"]]  # "около тысячи человек": about one thousand
    elif g["vague"]:
        low, high = (float(v) for v in _VAGUE[re.sub(r"\s+", " ", g["vague"])])
        value, approximate = low, True
    else:
        number = number_value(g["n"])
        if number is None:
            return None
        if g["mixed"]:  # "2 1/2", "2½", "two and a half million"
            number += 0.5
        if g["half"]:
            last = g["n"].split()[-1]
            number += 0.5 * (_SCALES.get(last) or 1.0) if last in _SCALES else 0.5
        value = number * scale
    if bound == "low" and low is None:
        low = value
    elif bound == "high" and high is None:
        high = value
    share = bool(g["in_n"] or g["frac"]) and not g["pct"]
    counted, end, phrase_end = counted_after(text, m.end(), percent=unit == "percent", share=share)
    if sign and counted is None:
        counted = unit  # "$19 million": dollars
    if counted is not None and unit == "percent" and counted.split()[-1].lower() in TIME_UNITS:
        return None  # "almost half a century": a span of time, not a share of anything
    if counted is not None and counted.split()[0].lower() in TIME_UNITS and g["vague"]:
        return None  # "hundreds of years" measure nothing
    if counted is not None and _month(counted.split()[0]):
        return None  # "21-22 октября", "3-5 March": days of a month, a date the time expressions missed
    if counted is not None and g["n"] and value >= 1000 and _YEAR_WORD.fullmatch(counted.split()[0].lower()):
        return None  # "5079 год", "2060 год": Russian names a year so (a count of years is "лет")
    if counted is not None and counted.lower() == "ones" and previous and previous[-1].counted:
        counted = previous[-1].counted  # "15 new ones" after "213 new monuments"
    whole = _OF_NUMBER.match(text, m.end())
    if counted is None and whole is not None:  # "1,108 of 1,966 delegates"
        counted, _, phrase_end = counted_after(text, whole.end())
    whole_of = next((p for p in reversed(previous[-3:]) if _part_of(text, p, m.start())), None)
    if counted is None and whole_of is not None:
        counted = whole_of.counted  # "Of the 1,966 delegates ..., 1,108 were arrested and 848 executed"
    start = before.start() if before is not None else m.start()
    end = max(end, m.end())
    counted = described(text, start, max(phrase_end, end), counted, percent=unit == "percent") or (unit if sign else None)
    return FigureMention(start, end, text[start:end], value, low, high, approximate, unit, counted)
