"""What a Russian figure counts, glossed in English beside the words as written: "21 857 польских
заключённых" counts "польских заключённых (Polish prisoners)", so `figures --about prisoners`, a
reader without Russian and the comparison of sources across the two languages find it. The words
are the vocabulary sources on the terror and its memory count with, read by their lemma
(pymorphy3), so any case form is glossed; a word not listed is left as written."""

from __future__ import annotations

import re

import iuliia

from chronika.extract.name_equivalents import english_spelling
from chronika.extract.russian import lemma, morph_analyzer

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
# lemma -> English, for the words that qualify what a figure counts in the sources' genres: what a
# poll's respondents said (attitudes, judgements, the options they chose), what was done and where,
# by whom, and the institutions, acts of memory and measures the counts are of
QUALIFIERS = {
    # attitudes and judgements, as polls ask and report them
    "отношение": "attitude", "относиться": "regard", "оценивать": "rate", "оценка": "rating", "роль": "role",
    "личность": "personality", "положительно": "positively", "положительный": "positive",
    "отрицательно": "negatively", "отрицательный": "negative", "негативный": "negative", "позитивный": "positive",
    "негативно": "negatively", "позитивно": "positively", "нейтральный": "neutral", "безразличный": "indifferent",
    "равнодушный": "indifferent", "безразличие": "indifference", "уважение": "respect", "уважать": "respect",
    "симпатия": "sympathy", "восхищение": "admiration", "восхищаться": "admire", "неприязнь": "dislike",
    "страх": "fear", "отвращение": "disgust", "теплота": "warmth", "доверять": "trust", "доверие": "trust", "бояться": "fear",
    "гордиться": "proud", "ненависть": "hatred", "гордость": "pride", "стыд": "shame",
    "одобрять": "approve", "одобрение": "approval", "осуждать": "condemn", "осуждение": "condemnation",
    "поддерживать": "support", "поддержка": "support", "против": "against", "согласный": "agree",
    "согласиться": "agree", "несогласный": "disagree", "оправдать": "justify", "оправдывать": "justify",
    "оправдание": "justification", "необходимый": "necessary", "считать": "consider", "выбрать": "chose",
    "вариант": "option", "целиком": "entirely", "полностью": "fully", "скорее": "rather", "резко": "sharply",
    "абсолютно": "absolutely", "совершенно": "completely", "великий": "great", "вождь": "leader",
    "руководитель": "leader", "лидер": "leader", "тиран": "tyrant", "преступник": "criminal",
    "преступление": "crimes", "государственный": "state", "виновный": "guilty", "мудрый": "wise",
    # acts of memory and what they concern
    "память": "memory", "мемориал": "memorial", "музей": "museum", "архив": "archive",
    "бюст": "bust", "установка": "installation", "установить": "installed", "поставить": "erected",
    "снести": "demolished", "снос": "demolition", "переименование": "renaming", "переименовать": "renamed",
    "возвращение": "return", "фамилия": "names", "список": "list", "справка": "notes", "биографический":
    "biographical", "публикация": "publication", "опубликовать": "published", "закон": "law", "указ": "decree",
    "постановление": "resolution", "решение": "decision", "суд": "court", "наказание": "sentence",
    "заключение": "imprisonment", "лишение": "deprivation", "свобода": "liberty", "реабилитация": "rehabilitation",
    "реабилитировать": "rehabilitated", "рассекретить": "declassified", "документ": "documents",
    "годовщина": "anniversary", "юбилей": "anniversary", "победа": "Victory", "война": "war", "акция": "action",
    "митинг": "rally", "пикет": "picket", "чтение": "reading", "собраться": "gathered", "прийти": "came",
    "правозащитный": "human rights", "правозащитник": "human rights defenders", "центр": "centre",
    "апелляционный": "appeal", "инстанция": "instance", "увеличить": "increased", "уменьшить": "reduced",
    "сократить": "reduced", "стоимость": "cost", "изготовление": "making", "расход": "expenses",
    # the terror: what was done, where, by whom
    "голодомор": "Holodomor", "коллективизация": "collectivization", "раскулачивание": "dekulakization",
    "репрессия": "repression", "террор": "terror", "чистка": "purge", "гулаг": "GULAG", "колония": "colony",
    "спецпоселение": "special settlement", "ссылка": "exile", "высылка": "deportation", "депортация": "deportation",
    "расстрел": "execution", "казнь": "execution", "гибель": "deaths", "убийство": "killings",
    "кладбище": "cemetery", "полигон": "range", "урочище": "tract", "лес": "forest", "район": "district",
    "область": "region", "край": "territory", "деревня": "village", "село": "village", "место": "site",
    "зона": "zone", "спецзона": "special zone", "территория": "territory", "страна": "country",
    "государство": "state", "народ": "people", "общество": "society", "партия": "party", "съезд": "congress",
    "пленум": "plenum", "коммунист": "communists", "комиссия": "commission", "нквд": "NKVD", "огпу": "OGPU",
    "фсб": "FSB", "кгб": "KGB", "следователь": "investigators", "палач": "executioners", "святой": "saints",
    "новомученик": "new martyrs", "православный": "Orthodox", "вера": "faith", "исповедание": "professing",
    "вероисповедание": "faith", "верующий": "believers", "церковь": "church", "монах": "monks",
    "канонизировать": "canonized", "канонизация": "canonization", "немец": "Germans", "латыш": "Latvians",
    "эстонец": "Estonians", "литовец": "Lithuanians", "еврей": "Jews", "казах": "Kazakhs", "русский": "Russian",
    "иностранец": "foreigners", "сирота": "orphans", "вдова": "widows", "потомок": "descendants",
    "пострадать": "suffered", "выжить": "survived", "больница": "hospital", "медицинский": "medical",
    "медпункт": "medical post", "врач": "doctors", "работник": "workers", "рабочий": "workers",
    "инженер": "engineers", "учитель": "teachers", "ученый": "scholars", "писатель": "writers", "поэт": "poets",
    "военный": "military", "армия": "army", "командир": "commanders", "генерал": "generals", "маршал": "marshals",
    "красноармеец": "Red Army soldiers", "шпион": "spies", "враг": "enemies", "кулак": "kulaks",
    "крестьянский": "peasant", "возраст": "age", "десятилетие": "decades", "век": "centuries", "сутки": "days",
    "доля": "share", "половина": "half", "треть": "third", "четверть": "quarter", "большинство": "majority",
    "противник": "opponents", "выступить": "spoke", "исследование": "study", "ответ": "answers",
    "вопрос": "question", "запад": "west", "восток": "east", "север": "north", "юг": "south",
    "дорога": "road", "журналист": "journalists", "сталинский": "Stalinist", "союз": "Union",
    "федерация": "Federation", "российский": "Russian", "правительство": "government", "власть": "authorities",
    "представитель": "representatives", "избиратель": "voters", "мигрант": "migrants", "беженец": "refugees",
    "заложник": "hostages", "организатор": "organizers", "эпоха": "era", "режим": "regime", "строгий": "strict",
    "исторический": "historical", "человеческий": "human", "существование": "existence", "уровень": "level",
    "цель": "goals", "результат": "results", "показатель": "figure", "рост": "growth", "минута": "minutes",
    "экспедиция": "expedition", "поиск": "search", "раскопка": "excavations", "останки": "remains",
    "эксгумация": "exhumation", "экспертиза": "examination", "прокуратура": "prosecutors", "иск": "lawsuit",
    "специальный": "special", "особый": "special", "западный": "Western",
    "восточный": "Eastern", "северный": "Northern", "южный": "Southern",
    "тайно": "secretly", "известный": "known", "общий": "total", "массовый": "mass",
}
# What was done to what a figure counts, said before it as Russian puts it ("было расстреляно 3 200
# польских офицеров", "были убиты 11 тысяч 304 человека") or after it ("... человек погибли").
DONE = {
    "расстрелять": "shot", "убить": "killed", "погибнуть": "died", "умереть": "died", "арестовать": "arrested",
    "захоронить": "buried", "похоронить": "buried", "репрессировать": "repressed", "осудить": "convicted",
    "депортировать": "deported", "выслать": "deported", "реабилитировать": "rehabilitated", "казнить": "executed",
    "уничтожить": "killed", "замучить": "killed", "пройти": "passed through", "погубить": "killed",
}
_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)
_VERBAL = ("VERB", "PRTS", "PRTF", "INFN", "GRND")
_CLAUSE_END = re.compile(r"[.!?;:()\[\]|\n—–]")


def gloss(phrase: str) -> str:
    """The English of a Russian phrase's listed words and proper names, in their order ("" when
    it holds neither)."""
    words = [_english(w) for w in _WORD.findall(phrase)]
    out: list[str] = []
    for word in words:
        if word and word not in out:
            out.append(word)
    return " ".join(out)


_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn"}  # pymorphy3's tags of names of people and places


def _english(word: str) -> str | None:
    """A Russian word in English: a listed word's gloss; a proper name (capitalized, read as a
    name or place, or unknown to the dictionary) in its established English spelling, else
    romanised in the nominative ("Сталину" -> "Stalin", "Бутово" -> "Butovo"); None otherwise."""
    normal, tag = lemma(word.lower())
    proper = bool(_PROPER & set(re.split("[ ,]", tag)))
    if not word[0].isupper() or not (proper or not morph_analyzer().word_is_known(word.lower())):
        # "пройти" is "passed through" only with "через" ("прошли через лагеря"); "акция прошла" took place
        return COUNTED.get(normal) or QUALIFIERS.get(normal) or (DONE.get(normal) if normal != "пройти" else None)
    if not proper:
        normal = word.lower()  # a name the dictionary does not know stays as written
    english = english_spelling(normal)
    return english or "-".join(part.capitalize() for part in iuliia.WIKIPEDIA.translate(normal).split("-"))


def glossed(counted: str | None) -> str | None:
    """`counted` with its English beside it when it holds Russian words: "польских офицеров (Polish officers)"."""
    if not counted or not _WORD.search(counted) or counted.endswith(")"):
        return counted
    english = gloss(counted)
    return f"{counted} ({english})" if english else counted


def done_around(text: str, start: int, end: int) -> str | None:
    """The Russian verb or participle that says what was done to what a figure counts: among the
    three words before the figure in its clause, or the two after it (with the phrases its clause
    adds to it there: "расстреляны за исповедание православной веры"), as written."""
    window = max(0, start - 60)
    cut = max((m.end() for m in _CLAUSE_END.finditer(text, window, start)), default=window)
    candidates = list(_WORD.finditer(text, cut, start))[-3:][::-1]
    stop = _CLAUSE_END.search(text, end, end + 40)
    clause_end = stop.start() if stop else min(len(text), end + 40)
    after = list(_WORD.finditer(text, end, clause_end))[:2]
    for m in candidates + after:
        normal, tag = lemma(m.group().lower())
        if normal in DONE and tag.split(",")[0] in _VERBAL:
            return m.group() + (complement(text, m.end()) if m in after else "")
    return None


_PHRASE_WORDS = {"NOUN", "ADJF", "PRTF", "NPRO", "ADJS"}


_ABBREVIATIONS = {"г", "гг", "обл", "пос"}  # "от г. Смоленска": город, годы, область, посёлок


def _abbreviated(text: str, dot: int) -> bool:
    """Whether the period at text[dot] ends an abbreviation ("г.") rather than a sentence."""
    word = re.search(r"([а-яё]+)$", text[max(0, dot - 4) : dot], re.IGNORECASE)
    return text[dot : dot + 1] == "." and word is not None and word.group(1).lower() in _ABBREVIATIONS


def complement(text: str, position: int) -> str:
    """Up to two prepositional phrases after a verb, as written: "расстреляны за исповедание
    православной веры", "погибли в лагерях" (a phrase holding a number, a date, ends it)."""
    stop = next((m for m in _CLAUSE_END.finditer(text, position, position + 120) if not _abbreviated(text, m.start())), None)
    words = list(_WORD.finditer(text, position, stop.start() if stop else min(len(text), position + 120)))
    out_end, i, phrases = position, 0, 0
    while i < len(words) and phrases < 2 and not text[out_end : words[i].start()].strip():
        if lemma(words[i].group().lower())[1].split(",")[0] != "PREP":
            break
        j = i + 1
        while j < len(words) and j - i <= 3 and (not text[words[j - 1].end() : words[j].start()].strip()
                                                 or _abbreviated(text, words[j - 1].end())) \
                and (words[j - 1].group().lower() in _ABBREVIATIONS
                     or lemma(words[j].group().lower())[1].split(",")[0].split(" ")[0] in _PHRASE_WORDS):
            j += 1
        if j == i + 1:
            break
        out_end, i, phrases = words[j - 1].end(), j, phrases + 1
    return text[position:out_end]
