"""The Russian words sources on the terror and its memory count with, qualify a count with, and say
what was done with, each by its lemma (pymorphy3) with its English: data for the gloss of what a
figure counts (`figures_gloss.py`) and for claims that compare figures across the two languages
(`query/figure_claims.py`). Add a word here, not a rule, when a genre counts with it."""

from __future__ import annotations

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
