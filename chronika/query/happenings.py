"""What happened to someone, in the words the sources use: "arrested", "shot", "rehabilitated";
"арестован", "расстрелян", "реабилитирован". English by word form; Russian, which inflects, by
lemma (pymorphy3, loaded only when a sentence holds Cyrillic words). Both lists are data, kept
side by side: what one language gets, the other gets."""

from __future__ import annotations

import re

from chronika.extract.russian import lemma

ENGLISH = re.compile(
    r"\b(born|died|death|arrested|arrest|shot|executed|execution|exiled|exile|deported|rehabilitated|"
    r"rehabilitation|appointed|elected|expelled|sentenced|tried|trial|killed|murdered|assassinated|"
    r"released|dismissed|removed|buried|imprisoned|condemned|purged|liquidated|committed suicide)\b",
    re.IGNORECASE,
)
# Russian dictionary forms of the same happenings (verbs, their participles and the nouns). Words
# with an everyday second sense are left out: "суд" (any court), "заключить" (a treaty),
# "посадить" (a tree), "снять" (a film).
RUSSIAN = frozenset({
    "родиться", "рождение", "умереть", "скончаться", "смерть", "погибнуть", "гибель", "арестовать", "арест",
    "задержать", "расстрелять", "расстрел", "расстрелянный", "казнить", "казнь", "сослать", "ссылка",
    "выслать", "высылка", "депортировать", "депортация", "реабилитировать", "реабилитация", "реабилитированный",
    "назначить", "избрать", "исключить", "осудить", "осуждённый", "осужденный", "приговорить", "приговор",
    "судить", "убить", "убийство", "убитый", "освободить", "уволить", "похоронить", "похороны", "репрессировать",
    "репрессированный", "ликвидировать", "застрелиться", "застрелить", "отравить",
})
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+")
_SUICIDE = re.compile(r"покончил\w*\s+с\s+собой", re.IGNORECASE)


def happenings(sentence: str) -> list[str]:
    """The words of a sentence that say what happened to someone, lower-cased, each once."""
    found = {w.lower() for w in ENGLISH.findall(sentence)}
    if _CYRILLIC_WORD.search(sentence):
        found |= {w.lower() for w in _CYRILLIC_WORD.findall(sentence) if lemma(w.lower())[0] in RUSSIAN}
        found |= {m.group().lower() for m in _SUICIDE.finditer(sentence)}
    return sorted(found)
