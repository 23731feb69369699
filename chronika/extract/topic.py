"""Whether a document speaks of Stalin's terror or its memory at all: the words only that subject
uses (not "victims", "condemned" or "repression", which any news of a bombing or a dictatorship
uses; not "голод", which is hunger as well as the famine). A document naming none of them reports
no memory of the terror, however its sentences condemn, praise or commemorate, and its figures
are about none of the terror's events. Matched on the surface text, English and Russian (Russian
by stems, so every case form)."""

from __future__ import annotations

import re
from functools import lru_cache

# Each line one group of words, English then Russian.
TERROR_WORDS = [
    r"\bStalin\w*", r"сталин", r"десталиниз",
    r"\bGulag\b|\bNKVD\b|\bOGPU\b|\bCheka\b|\bchekists?\b|\bLubyanka\b", r"гулаг|нквд|огпу|\bвчк|чекист|лубянк",
    r"\bKaty[nń]\b|\b(?:execution|shooting|massacre)s? of (?:the )?polish (?:officers|prisoners|pows)\b",
    r"катын|расстрел\w* польских (?:военнопленных|офицеров)",
    r"\bButovo\b|\bKommunarka\b|\bSandarmo[kh]h?\b|\bLevashovo\b|\bKurapaty\b|\bBykivnia\b|\bKolyma\b|\bSolovetsk\w*|\bSolovki\b",
    r"бутов|коммунарк|сандармох|левашов|курапат|колым|соловец|соловк",
    r"\bgreat (?:terror|purge)\b|\b[YE]ezhov\w*|\bBeria\b|\b00447\b|\bshow trials?\b|\benem(?:y|ies) of the people\b",
    r"больш\w+ террор|ежов|\bбери[яиюей]\b|\b00447\b|показательн\w+ процесс|враг\w* народа",
    r"\bHolodomor\b|\bcollectivi[sz]ation\b|\bfamine of 1932|\b1932[–-](?:19)?33 famine|\b(?:de)?kulak\w*",
    r"\bsoviet famine|\bfamine in (?:the )?(?:soviet union|ussr|soviet ukraine|ukraine|kazakhstan)\b",
    r"голодомор|коллективизац|голод\w* (?:в ссср|на украине|\(?(?:19)?3[23])|раскулач|\bкулак",
    r"\bdeportations? of (?:the )?(?:chechens|ingush|crimean tatars|volga germans|kalmyks)\b",
    r"депортаци\w* (?:чечен|ингуш|крымских татар|немцев|калмык)",
    r"\bthe repressions\b|\bpolitical repressions?\b|\bvictims of (?:the )?(?:soviet |stalinist |communist )?(?:repressions?|terror)\b",
    r"(?:политическ|сталинск|массов|необоснованн)\w* репресс|жертв\w* (?:политических )?репресс|репрессированн",
    r"(?-i:\bMemorial\b)|\bSolzhenitsyn\b|\bShalamov\b", r"мемориал|солженицын|шаламов",
    r"\bKhrushchev\b|\b(?:20th|Twentieth) (?:Party )?Congress\b|\bsecret speech\b|\bcult of (?:the )?personality\b",
    r"хрущ[её]в|\bxx съезд|двадцат\w+ съезд|культ\w* личности",
]
@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:  # compiled on first use: a command that never asks pays nothing
    return re.compile("|".join(TERROR_WORDS), re.IGNORECASE)


def about_the_terror(text: str) -> bool:
    """Whether a document's text names Stalin's terror or its memory: asked once a document (at
    ingest of its memory events, per listing of its figures' subjects and claims)."""
    return _pattern().search(text.replace("\u0301", "")) is not None  # "Го́лод": an encyclopedia's stress mark
