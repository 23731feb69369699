"""Poll shares: the shares a poll sentence gives ('seven in ten', 'a third', '70%', 'a majority'),
their values, and the direction of the finding a majority holds (a minority or a split is ambivalent)."""

from __future__ import annotations

import re

from chronika.extract.memory import cues as C
from chronika.extract.memory.cues import AMBIVALENT, DE, RE
from chronika.extract.memory.gates import Rx, Text
from chronika.extract.memory.reading import Hit, Reading, stance

SHARE = Rx(C.SHARE)
_POLL_DE, _POLL_RE, _TREND = Rx(C.POLL_DE), Rx(C.POLL_RE), Rx(C.TREND)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def poll_shares(sentence: str) -> list[tuple[int, int, str]]:
    """The shares a poll sentence gives ('seven in ten', 'a third', '70%', 'a majority'), as
    (start, end, text) spans into `sentence`, for the caller to attach as figures."""
    return [(a, b, sentence[a:b]) for a, b in SHARE.spans(Text(sentence))]


def share_value(text: str) -> float | None:
    """A share as a fraction of one (0.7 for '70 percent' or 'seven in ten'); None when only a word
    ('a plurality') says it leads; 0.6 for 'a majority' or 'most', 0.3 for 'a minority'."""
    t = text.lower()
    if m := re.search(r"\d+(?:\.\d)?", t):
        return float(m.group(0)) / 100
    if m := re.search(r"(\w+) (?:in|out of) (\w+)", t):
        return _NUMBER_WORDS.get(m.group(1), 0) / max(_NUMBER_WORDS.get(m.group(2), 1), 1)
    if "third" in t:
        return 2 / 3 if "two" in t else 1 / 3
    if "quarter" in t:
        return 0.5 if "two" in t else 0.25
    if "half" in t:
        return 0.5
    if "majority" in t or "most" in t:
        return 0.6
    if "minority" in t:
        return 0.3
    return None  # plurality: leads without a figure


def poll_votes(r: Reading, shares: list[Hit]) -> list[tuple[str, str]]:
    """The direction of the finding a majority (or plurality, or a growing share) holds."""
    votes: list[tuple[str, str]] = []
    for i, share in enumerate(shares):
        end = shares[i + 1][1] if i + 1 < len(shares) else len(r.text)
        segment = r.text[share[2] : end]
        value = share_value(share[3])
        side = _side(segment)
        if side is None:
            continue
        if value is None or value > 0.5:
            votes.append((side[0], f"'{share[3]}' {side[1]}"))
        else:
            votes.append((AMBIVALENT, f"only '{share[3]}' {side[1]}, no majority"))
    if not shares and _TREND.search(r.t):
        side = _side(r.text)
        if side:
            votes.append((side[0], f"a growing share {side[1]}"))
    return votes


def _side(segment: str) -> tuple[str, str] | None:
    """What a poll finding says about Stalin: favourable (re-) or condemning (de-)."""
    seg = Reading(segment, "")
    s = stance(seg)
    pro = [h[3] for h in seg.hits("favourable", _POLL_RE) + s.re]
    con = [h[3] for h in seg.hits("condemning", _POLL_DE) + s.de + s.weak_de]
    if pro and not con:
        return RE, f"favour Stalin ('{pro[0]}')"
    if con and not pro:
        return DE, f"condemn or acknowledge ('{con[0]}')"
    return None

