"""What a figure counts: the noun phrase after the number ("about 22,000 Poles", "72 percent of
Russians", "over 20,000 people were killed"). A few words at most, by word shape and a stop list,
without a parser: it names the figure in listings and lets `figures --about WORD` find it."""

from __future__ import annotations

import re

_STOP = set(
    """a an the and or but nor of in on at by for with from to into onto over under about as than that which
    who whom whose were was are is be been being had has have would could should will shall may might must can
    did do does not no also only alone each per while when where why how this these those there their they them
    he she it its his her we our you your i me my out up down more most less least among during before after
    since until including like such so all both either neither every some any now then still yet even just
    already almost nearly again too very here what whether if because though although against within without
    between through toward towards upon across per cent percent one other others own same many much few
    several us him them it itself themselves became become began begin went came took made got gave said left
    fell stood held won lost met sat saw knew thought found brought fought wrote ran rose spent sent kept led paid
    sold told felt put set cut let remain remained died lived approve approves disapprove support supports oppose
    say says believe believes think thinks agree agrees disagree want wants consider considers view views see
    sees regard regards favor favour prefer prefers remember know hold feel expect trust like admire fear live
    work die tend tends""".split()
)
TIME_UNITS = {"years", "months", "days", "weeks", "decades", "centuries", "hours", "minutes", "seconds", "year"}
_LEADING = {"other", "more", "new", "additional", "further", "extra", "such", "different", "individual", "some"}
_DETERMINERS = {"the", "these", "those", "its", "their", "his", "her", "our", "all", "of"}
PARTICIPLES = set(
    """shot killed executed arrested repressed deported exiled rehabilitated sentenced convicted imprisoned polled
    surveyed murdered wounded captured released expelled purged dekulakized resettled evicted dispossessed
    interviewed questioned elected registered buried""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_GAP = re.compile(r"[ \t]+|[ \t]*\n[ \t]*(?!\n)")


def counted_after(text: str, position: int, *, percent: bool = False, share: bool = False) -> tuple[str | None, int]:
    """The noun phrase that starts at `position` (after a figure), and where it ends: up to four
    words, stopping at a function word, punctuation or a verb; for a percentage, "percent of X"
    when "of X" follows (or X, after a share: "seven in ten Russians"). (None, position) when
    there is none."""
    words = _words(text, position, 8)
    if percent:
        if words and words[0][0].lower() == "of":
            words = words[1:]
        elif not share or not words or re.fullmatch(r"[a-z]+ed", words[0][0]):
            return None, position  # "60 percent support", "roughly half refused"
        phrase, end = _phrase(words)
        return (f"percent of {phrase}", end) if phrase else (None, position)
    if words and words[0][0].lower() == "of":
        words = words[1:]
    phrase, end = _phrase(words)
    return (phrase, end) if phrase else (None, position)


def _words(text: str, position: int, limit: int) -> list[tuple[str, int]]:
    """Up to `limit` words from `position` on within one paragraph, each with its end."""
    found: list[tuple[str, int]] = []
    while len(found) < limit:
        gap = _GAP.match(text, position)
        if gap is not None:
            position = gap.end()
        m = _WORD.match(text, position)
        if m is None:
            break
        word = m.group().rstrip("'’-")
        found.append((word, m.start() + len(word)))
        position = m.end()
    return found


def _phrase(words: list[tuple[str, int]]) -> tuple[str | None, int]:
    while words and words[0][0].lower() in _DETERMINERS:
        words = words[1:]
    while words and words[0][0].lower() in _LEADING:
        words = words[1:]
    phrase: list[str] = []
    end = 0
    for word, word_end in words[:4]:
        low = word.lower()
        if low in PARTICIPLES and phrase:
            phrase.append(word)
            end = word_end
            break
        if low in _STOP or len(word) == 1 and word.isupper() or low.endswith("ly") and len(low) > 4 or (low.endswith("ed") and "-" not in low and phrase):
            break
        phrase.append(word)
        end = word_end
    return (" ".join(phrase) or None), end
