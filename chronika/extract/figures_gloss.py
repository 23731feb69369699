"""What a Russian figure counts, glossed in English beside the words as written: "21 857 польских
заключённых" counts "польских заключённых (Polish prisoners)", so `figures --about prisoners`, a
reader without Russian and the comparison of sources across the two languages find it. The words
are the vocabulary sources on the terror and its memory count with, read by their lemma
(pymorphy3), so any case form is glossed; a word not listed is left as written."""

from __future__ import annotations

import re

from chronika.extract.russian import lemma

# lemma -> English, for the things a figure counts (nouns, and the adjectives and participles that
# qualify them; pymorphy3 gives a participle's verb as its lemma: "заключённых" -> "заключить")
COUNTED = {
    "человек": "people", "люди": "people", "лицо": "persons", "гражданин": "citizens", "житель": "residents",
    "россиянин": "Russians", "респондент": "respondents", "опросить": "respondents", "опрошенный": "respondents",
    "участник": "participants", "опрос": "poll", "заключить": "prisoners", "заключенный": "prisoners",
    "военнопленный": "prisoners of war", "пленный": "prisoners", "арестовать": "arrested", "арестованный": "arrested",
    "осудить": "convicted", "осужденный": "convicted", "репрессировать": "repressed", "репрессированный": "repressed",
    "расстрелять": "shot", "расстрелянный": "shot", "убить": "killed", "убитый": "killed", "погибший": "dead",
    "умерший": "dead", "жертва": "victims", "крестьянин": "peasants", "раскулачить": "dekulakized",
    "раскулаченный": "dekulakized", "спецпереселенец": "special settlers", "переселенец": "settlers",
    "ссыльный": "exiles", "депортировать": "deported", "ребёнок": "children", "ребенок": "children",
    "женщина": "women", "мужчина": "men", "офицер": "officers", "солдат": "soldiers", "священник": "priests",
    "поляк": "Poles", "польский": "Polish", "советский": "Soviet", "украинец": "Ukrainians", "немецкий": "German",
    "иностранный": "foreign", "дипломат": "diplomats", "историк": "historians", "сторонник": "supporters",
    "делегат": "delegates", "депутат": "deputies", "член": "members", "книга": "books", "город": "cities",
    "национальность": "nationalities", "яма": "pits", "ям": "pits", "расстрельный": "execution", "могила": "graves",
    "захоронение": "burials", "захоронить": "buried", "похоронить": "buried", "год": "years", "месяц": "months",
    "день": "days", "неделя": "weeks", "час": "hours", "километр": "km", "км": "km", "метр": "metres",
    "рубль": "roubles", "доллар": "dollars", "тонна": "tons", "процент": "percent", "случай": "cases",
    "голос": "votes", "памятник": "monuments", "лагерь": "camps", "тюрьма": "prisons", "смерть": "deaths",
    "смертность": "deaths", "погибнуть": "died", "умереть": "died", "семья": "families", "родственник": "relatives",
    "имя": "names", "дело": "cases", "приговор": "sentences", "срок": "term", "раз": "times", "епископ": "bishops",
    "голод": "famine", "узник": "prisoners", "чекист": "NKVD officers", "сотрудник": "staff",
}
# What was done to what a figure counts, said before it as Russian puts it ("было расстреляно 3 200
# польских офицеров", "были убиты 11 тысяч 304 человека") or after it ("... человек погибли").
DONE = {
    "расстрелять": "shot", "убить": "killed", "погибнуть": "died", "умереть": "died", "арестовать": "arrested",
    "захоронить": "buried", "похоронить": "buried", "репрессировать": "repressed", "осудить": "convicted",
    "депортировать": "deported", "выслать": "deported", "реабилитировать": "rehabilitated", "казнить": "executed",
    "уничтожить": "killed", "замучить": "killed", "пройти": "passed through", "погубить": "killed",
}
_WORD = re.compile(r"[а-яё]+", re.IGNORECASE)
_VERBAL = ("VERB", "PRTS", "PRTF", "INFN", "GRND")
_CLAUSE_END = re.compile(r"[.!?;:()\[\]|\n—–]")


def gloss(phrase: str) -> str:
    """The English of a Russian phrase's listed words, in their order ("" when none is listed)."""
    words = [COUNTED.get(lemma(w.lower())[0]) for w in _WORD.findall(phrase)]
    out: list[str] = []
    for word in words:
        if word and word not in out:
            out.append(word)
    return " ".join(out)


def glossed(counted: str | None) -> str | None:
    """`counted` with its English beside it when it holds Russian words: "польских офицеров (Polish officers)"."""
    if not counted or not _WORD.search(counted) or counted.endswith(")"):
        return counted
    english = gloss(counted)
    return f"{counted} ({english})" if english else counted


def done_around(text: str, start: int, end: int) -> str | None:
    """The Russian verb or participle that says what was done to what a figure counts: among the
    three words before the figure in its clause, or the two after it, as written."""
    before = text[max(0, start - 60) : start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    candidates = list(_WORD.finditer(before[cut:]))[-3:][::-1]
    after = text[end : end + 40]
    stop = _CLAUSE_END.search(after)
    candidates += list(_WORD.finditer(after[: stop.start() if stop else len(after)]))[:2]
    for m in candidates:
        normal, tag = lemma(m.group().lower())
        if normal in DONE and tag.split(",")[0] in _VERBAL:
            return m.group()
    return None
