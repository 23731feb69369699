"""Established equivalents of place and organisation names across English and Russian, as data.

Transliteration keys (`translit.name_keys`) already join spellings of one name in two scripts
(НКВД = NKVD, Колыма = Kolyma, Мемориал = Memorial). They cannot join an exonym (Москва = Moscow),
a translated name (Политбюро = Politburo, Государственная дума = State Duma) or an abbreviation
English translates rather than transliterates (СССР = USSR). Each row below is one place or
organisation: the spellings its English and Russian sources use for it, as Chronika writes a name
once it is in the nominative ("Министерство обороны", not "Министерства обороны"). A name matches
a row by its exact spelling (case and ё aside), else by sharing a transliteration key with one of
the row's spellings and with no other row ("Moskva" finds Moscow).

A row lists only what is always the same body or place: the Soviet Supreme Court and Russia's
are separate rows, Leningrad and St Petersburg too (a historian keeps a city's names of different
times apart). A row may also keep apart what transliteration would join: УССР (the Ukrainian SSR)
romanises as "USSR".

Add a row for a name Soviet-history sources often give in both languages; keep each row to
names that cannot stand for anything else in such sources.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from chronika.extract.translit import name_keys

EQUIVALENTS: tuple[tuple[str, ...], ...] = (
    # Places
    ("Moscow", "Москва"),
    ("Leningrad", "Ленинград"),
    ("St Petersburg", "St. Petersburg", "Saint Petersburg", "Санкт-Петербург", "Петербург"),
    ("Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics", "СССР", "Советский Союз",
     "Союз Советских Социалистических Республик"),
    ("Ukrainian SSR", "Ukrainian Soviet Socialist Republic", "УССР", "Украинская ССР"),
    ("Russia", "Russian Federation", "Россия", "Российская Федерация", "РФ"),
    ("Ukraine", "Украина"),
    ("Belarus", "Byelorussia", "Belorussia", "Беларусь", "Белоруссия"),
    ("Georgia", "Грузия"),
    ("Kyiv", "Kiev", "Киев"),
    ("Siberia", "Сибирь"),
    ("Crimea", "Крым"),
    ("Kremlin", "Кремль"),
    ("Moscow Region", "Moscow Oblast", "Московская область", "Подмосковье"),
    ("Leningrad Region", "Leningrad Oblast", "Ленинградская область"),
    ("Far East", "Дальний Восток"),
    ("Poland", "Польша"),
    ("Warsaw", "Варшава"),
    ("Germany", "Германия"),
    ("Latvia", "Латвия"),
    ("Lithuania", "Литва"),
    ("Estonia", "Эстония"),
    ("Europe", "Европа"),
    ("China", "Китай"),
    ("Japan", "Япония"),
    ("Turkey", "Türkiye", "Турция"),
    ("France", "Франция"),
    ("Britain", "Great Britain", "United Kingdom", "UK", "Великобритания", "Британия"),
    ("Finland", "Финляндия"),
    ("Moldova", "Moldavia", "Молдавия", "Молдова"),
    ("Armenia", "Армения"),
    ("Czechoslovakia", "Чехословакия"),
    ("Hungary", "Венгрия"),
    ("Romania", "Румыния"),
    ("Italy", "Италия"),
    ("Spain", "Испания"),
    ("Mongolia", "Монголия"),
    ("Caucasus", "Кавказ"),
    ("Karelia", "Карелия"),
    ("Urals", "Ural", "Урал"),
    ("United States", "United States of America", "USA", "U.S.", "U.S.A.", "США", "Соединённые Штаты",
     "Соединённые Штаты Америки"),
    # The security services, the party and the state
    ("NKVD", "People's Commissariat for Internal Affairs", "НКВД", "Народный комиссариат внутренних дел"),
    ("OGPU", "ОГПУ"),
    ("GPU", "ГПУ"),
    ("Cheka", "Vecheka", "VChK", "ЧК", "ВЧК"),
    ("KGB", "Committee for State Security", "КГБ", "Комитет государственной безопасности"),
    ("MVD", "Ministry of Internal Affairs", "МВД", "Министерство внутренних дел"),
    ("FSB", "Federal Security Service", "ФСБ", "Федеральная служба безопасности"),
    ("Gulag", "GULAG", "ГУЛАГ", "Гулаг", "Главное управление лагерей"),
    ("Politburo", "Political Bureau", "Soviet Politburo", "Politburo of the Central Committee", "Политбюро",
     "Политбюро ЦК"),
    ("Central Committee", "ЦК", "Центральный комитет"),
    ("Communist Party of the Soviet Union", "CPSU", "КПСС", "Коммунистическая партия Советского Союза"),
    ("All-Union Communist Party (Bolsheviks)", "VKP(b)", "ВКП(б)"),
    ("Council of People's Commissars", "Sovnarkom", "Совнарком", "СНК", "Совет народных комиссаров"),
    ("Supreme Soviet", "Верховный Совет"),
    ("Red Army", "Workers' and Peasants' Red Army", "Красная армия", "РККА"),
    ("State Duma", "Государственная дума", "Госдума"),
    ("Supreme Court", "Верховный суд"),
    ("Supreme Court of the USSR", "USSR Supreme Court", "Верховный суд СССР"),
    ("Supreme Court of Russia", "Russian Supreme Court", "Supreme Court of the Russian Federation",
     "Верховный суд России", "Верховный суд РФ", "Верховный суд Российской Федерации"),
    ("Moscow City Court", "Московский городской суд", "Мосгорсуд"),
    ("Prosecutor General's Office", "Генеральная прокуратура", "Генпрокуратура"),
    ("Ministry of Defence", "Ministry of Defense", "Министерство обороны", "Минобороны"),
    ("Ministry of Justice", "Министерство юстиции", "Минюст"),
    ("United Nations", "UN", "ООН", "Организация Объединённых Наций"),
    ("European Court of Human Rights", "ECHR", "ЕСПЧ", "Европейский суд по правам человека"),
    ("Russian Orthodox Church", "Русская православная церковь", "РПЦ"),
    # Memory: the societies and the pollsters
    ("Memorial", "Memorial Society", "Мемориал", "Общество «Мемориал»"),
    ("International Memorial", "Memorial International", "International Memorial Society",
     "Международный Мемориал", "Международное общество «Мемориал»"),
    ("Memorial Human Rights Centre", "Memorial Human Rights Center", "Правозащитный центр «Мемориал»"),
    ("Levada Center", "Levada Centre", "Levada-Center", "Левада-центр"),
)
PREFIX = "="  # an equivalence key: "=moscow"; no transliteration key has it


def _spelling(name: str) -> str:
    return " ".join(name.casefold().replace("ё", "е").split())


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Each row's key by its exact spellings, and the rows' keys by each transliteration key of
    their spellings."""
    exact: dict[str, str] = {}
    by_key: dict[str, set[str]] = defaultdict(set)
    for row in EQUIVALENTS:
        key = PREFIX + _spelling(row[0])
        for spelling in row:
            exact[_spelling(spelling)] = key
            for k in name_keys(spelling):
                by_key[k].add(key)
    return exact, {k: frozenset(rows) for k, rows in by_key.items()}


@lru_cache(maxsize=65536)
def equivalence_key(name: str) -> str | None:
    """The key of the row `name` belongs to ("=moscow" for Москва and Moscow), or None."""
    exact, by_key = _rows()
    if (key := exact.get(_spelling(name))) is not None:
        return key
    found = {row for k in name_keys(name) for row in by_key.get(k, ())}
    return found.pop() if len(found) == 1 else None


def english_spelling(name: str) -> str | None:
    """The English spelling of a row `name` is spelt exactly as ("Moscow" for Москва), or None."""
    key = _rows()[0].get(_spelling(name))
    return _english()[key] if key is not None else None


@lru_cache(maxsize=1)
def _english() -> dict[str, str]:
    """Each row's English spelling (its first) by the row's key."""
    return {PREFIX + _spelling(row[0]): row[0] for row in EQUIVALENTS}


def with_equivalent(name: str, keys: frozenset[str]) -> frozenset[str]:
    """`keys` (a name's spelling keys) with the name's equivalence key, less any key a spelling
    of another row has (so УССР and the USSR, both romanised "ussr", share no key)."""
    key = equivalence_key(name)
    if key is None:
        return keys
    _, by_key = _rows()
    return frozenset(k for k in keys if by_key.get(k, {key}) == {key}) | {key}
