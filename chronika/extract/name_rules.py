"""The cues that decide whether a capitalised phrase is a person, a place or an organisation.

Cues are data: each list says what it votes for and how strongly (`WEIGHTS`). They were written
for the Soviet-history corpus (titles, Russian surname shapes, the NKVD and its successors, the
camps) and for English in general (Mr., the town of, Company; older English usage is in
`name_rules_en`). No list holds a benchmark's names; general rules were kept or dropped by their
effect on the seed gold and the HIPE-2020 development set (bench/). They are read off a span in
`name_cues`; a name's type is the type its pooled cues vote for (`name_vote`).
"""

from __future__ import annotations

import re

from chronika.extract import name_rules_en as EN

TYPES = ("person", "place", "org")
SPACY_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}
# How much one cue counts, per type. A cue is written "kind:value" ("surname:-ov", "title:Marshal").
WEIGHTS: dict[str, dict[str, float]] = {
    "spacy:PERSON": {"person": 1.0},
    "spacy:GPE": {"place": 1.0},
    "spacy:LOC": {"place": 1.0},
    "spacy:FAC": {"place": 0.8},
    "spacy:ORG": {"org": 1.0},
    "spacy-guess:ORG": {"org": 0.5},
    "natasha:PER": {"person": 1.0},
    "natasha:LOC": {"place": 1.0},
    "natasha:ORG": {"org": 1.0},
    "title": {"person": 3.0},
    "role": {"person": 2.5},
    "initials": {"person": 3.0},
    "patronymic": {"person": 3.0},
    "given": {"person": 2.0},
    "surname": {"person": 1.5},  # -ov, -ev, -sky, -idze, -shvili, -enko, -yan, -ovich
    "surname-weak": {"person": 1.0},  # endings English names share (-in, -ich, -ova): ties go to spaCy
    "context": {"place": 3.0},
    "org-word": {"org": 3.5},
    "place-word": {"place": 3.5},
    "place-shape": {"place": 1.5},
    "acronym": {"org": 1.2},
    "publication": {"org": 3.5},
}
# "known:TYPE" (a name in the lists below) and "document:TYPE" (the name's type elsewhere in the
# same document) vote for the type they name.
KNOWN_WEIGHT = 4.0
DOCUMENT_WEIGHT = 1.0
# A preposition before a name votes for a place weakly; after "in" and "at" a place is likelier
# than the person or organisation one spaCy label says, so these outweigh that label.
WEAK_CONTEXT_WEIGHTS = {"in": 1.25, "at": 1.25, "from": 1.0, "to": 1.0}
# The least vote that makes a span a name: one cue that counts in full, not a guess alone.
MIN_VOTE = 1.0


# Words before a name that make it a person (kept out of the span). Longest first when matched.
TITLES = (
    "General Secretary", "People's Commissar", "Peoples Commissar", "Prime Minister", "Deputy Peoples Commissar",
    "Marshal", "Comrade", "Academician", "President", "Commissar", "General", "Gen.", "Colonel", "Col.",
    "Lieutenant", "Lt.", "Captain", "Capt.", "Major", "Maj.", "Admiral", "Commander", "Sergeant", "Sgt.",
    "Professor", "Prof.", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Miss", "Messrs.", "Madame", "Mme.",
    "Monsieur", "Mister", "Premier", "Minister", "Chairman", "Secretary", "Prosecutor", "Procurator", "Judge",
    "Justice", "Senator", "Sen.", "Governor", "Gov.", "Rev.", "Reverend", "Father", "Bishop", "Patriarch",
    "Metropolitan", "Tsar", "Czar", "Emperor", "Empress", "King", "Queen", "Prince", "Princess", "Count",
    "Countess", "Lord", "Lady", "Sir", "Hon.", "Gen", "Capt", "Col", "Lt", "Maj", "Duke", "Duchess", "Baron",
    "Baroness", "Marquis", "Citizen", "Mayor", "Ambassador", "Consul", "Adjutant", "Ataman", "Hetman",
)
# Lowercase role nouns right before a name ("the historian M. Keldysh", "the writer ...").
ROLES = frozenset(
    "historian writer poet novelist journalist publicist actress actor director agronomist engineer scientist "
    "microbiologist biologist physicist chemist philosopher economist academician commander commissar chekist "
    "investigator prosecutor procurator defendant widow wife husband son daughter brother sister mother father "
    "uncle aunt deputy secretary chairman leader official officer marshal general colonel comrade professor "
    "painter composer singer artist critic editor author dissident priest doctor teacher student".split()
)
# Words after which a name is a place ("the town of Gori"); matched lowercase, longest first.
PLACE_NOUNS = ("town", "city", "village", "settlement", "region", "province", "district", "republic", "island",
               "port", "capital", "camp", "camps", "station", "river", "oblast", "kray", "rayon")
PLACE_CONTEXT = ("native", "born in", "exiled to", "deported to", "sent to", "near", "outside", "the camp at")
PLACE_CONTEXT_WEAK = tuple(WEAK_CONTEXT_WEIGHTS)
# A word inside or at the end of the phrase that makes it a place or an organisation.
PLACE_HEADS = frozenset(
    "Oblast Region Rayon Raion Kray Krai Republic SSR ASSR Province Gubernia Guberniya Uyezd River Sea Lake "
    "Mountains Mountain Mount Mts Island Islands Peninsula Bay Gulf Ocean Valley Street Square Avenue Prospekt "
    "Prison Camp Camps Canal Fortress Monastery Cathedral Tower Station Embankment Bridge Park Cemetery County "
    "Territory Desert Steppe Coast Strait Highway Road".split()
) | EN.PLACE_HEADS
ORG_HEADS = frozenset(
    "Party Committee Commissariat Council Politburo Orgburo Secretariat Presidium Bureau Buro Academy University "
    "Institute Society Army Fleet Navy Ministry Department Administration Directorate Procuracy Court Tribunal "
    "Collegium Trust Plant Factory Works Bank Duma Rada Comintern International Cominform Agency Service "
    "Commission Inspectorate Sovnarkom Gosplan Komsomol Pravda Izvestia Izvestiya Times Gazeta Gazette Radio "
    "Monitor Herald Journal Tribune Daily Post News Company Co Bros Corporation Association Union League Club Church "
    "Board Senate Legislature Assembly Congress Parliament Government Cabinet Railroad Railway School College "
    "Hospital Mills Brotherhood Federation Organization Organisation Front Group Centre Center Foundation "
    "Conference Soviet Guards Division Regiment Corps Brigade Battalion Squadron Convention Lodge Order Bloc "
    "Movement Opposition Publishing Press Pressa Vedomosti Novosti Library Museum Theater Theatre Studio Kolkhoz "
    "Sovkhoz".split()
)
# Organisation heads that name one body on their own; the others ("the Court", "the Bank") are
# common nouns when they stand alone.
PROPER_HEADS = frozenset("Politburo Orgburo Comintern Cominform Sovnarkom Gosplan Komsomol Duma Rada Pravda Izvestia "
                         "Izvestiya".split())
GENERIC_HEADS = ORG_HEADS - PROPER_HEADS | PLACE_HEADS
# Heads that name a place after all when the whole phrase is one of these.
PLACE_NOT_ORG = frozenset({"Soviet Union", "Russian Federation", "United States", "European Union"})
# Acronyms and one-word names of organisations of the period and of Russia today.
KNOWN_ORGS = frozenset(
    "NKVD OGPU GPU Cheka CHeKa VChK KGB FSB MVD MGB NKGB SMERSH Smersh GULAG Gulag CPSU KPSS VKP(b) RKP(b) RSDRP "
    "KPRF TsK TsKK TsIK VTsIK SNK Sovnarkom Gosplan VSNKh Komsomol Comintern Politburo Orgburo Memorial Duma "
    "Kremlin Pravda PRAVDA Izvestia Izvestiya ZNAMYA Znamya NEP-men Narkomvnudel Glavlit Rada Stavka Cominform "
    "Mensheviks-SR Tass TASS Reuters UN NATO Okhrana Gestapo Abwehr Reichstag Reichswehr Wehrmacht Profintern "
    "Krestintern".split()
)
KNOWN_PLACES = frozenset(
    "Kolyma Vorkuta Magadan Norilsk Solovki Solovetsky Karaganda Karlag Butovo Kommunarka Levashovo Katyn "
    "Kurapaty Bykivnia Lubyanka Butyrka Lefortovo Sukhanovka Leningrad Petrograd Petersburg Moscow Tiflis "
    "Tbilisi Gori Baku Batum Batumi Kutais Kutaisi Kiev Kyiv Kharkov Kharkiv Rostov Saratov Tsaritsyn Stalingrad "
    "Volgograd Sverdlovsk Yekaterinburg Magnitogorsk Kazakhstan Siberia Ukraine Georgia Crimea Kronstadt "
    "Turukhansk Kureika Vologda Solvychegodsk Yerevan Tashkent Minsk Riga Arkhangelsk Murmansk Perm Tomsk Narym "
    "Volga Dnieper Kuban Urals Ural USSR RSFSR Russia Poland Germany Finland Warsaw Berlin Paris London Vienna "
    "Prague Kaluga Tambov Pskov Lvov Lviv Odessa Sevastopol Yalta Kursk Orel Voronezh Smolensk Novosibirsk Omsk "
    "Irkutsk Khabarovsk Vladivostok Kazan Samara Kuibyshev Nizhny Gorkiy Gorky Tula Ryazan Tver Kalinin "
    "Yaroslavl Ivanovo Azerbaijan Armenia Belorussia Belarus Lithuania Latvia Estonia Uzbekistan Turkmenia "
    "Kirgizia Tajikistan Abkhazia Chechnya Ingushetia Dagestan Kalmykia Mongolia China Japan America England "
    "France Britain Spain Italy Europe Asia Caucasus Transcaucasia Zakavkazye Karelia Yakutia Chukotka Norway "
    "Sweden Austria Hungary Bulgaria Romania Yugoslavia Czechoslovakia Turkey Persia Iran Afghanistan USA "
    "Washington Beijing Peking Tokyo Rome Geneva Munich Kolpashevo Razliv Shushenskoye Kamchatka Sakhalin "
    "Solovetskiy Ukhta Pechora Vyatka Archangel Kazakh Dzhezkazgan Ekibastuz Inta Taishet Steplag Dalstroy "
    "Belomorkanal".split()
)
KNOWN_PEOPLE = frozenset(
    "Beria Yagoda Iagoda Radek Yakir Blyukher Gamarnik Kosior Chubar Rudzutak Eikhe Eykhe Kamo Koba Soso Mdivani "
    "Eliava Lezhava Kviring Putna Kork Eideman Feldman Smilga Shatskin Ulrikh Ulrich Marx Engels Hitler Mussolini "
    "Churchill Roosevelt Truman Robespierre Napoleon Danton Tusk Mandelstam Mandelshtam Pasternak Meyerhold "
    "Meyerkhold Babel Bulgakov Gorky Gorkiy Stalin Lenin Trotsky Trotskiy Ryutin Bukharin Kamenev Zinoviev "
    "Zinovyev Medvedev Medved Ginzburg Ginsburg Solzhenitsyn Deutscher Tucker Conquest Kaganovich Mikoyan "
    "Voroshilov Molotov Khrushchev Yezhov Ezhov Kalinin Ordzhonikidze Kirov Tukhachevsky Tukhachevskiy Vyshinsky "
    "Vyshinskiy Putin Yeltsin Gorbachev Brezhnev Andropov Malenkov Zhdanov Suslov Abakumov Merkulov Frinovsky "
    "Frinovskiy Zakovsky Zakovskiy Agranov Uborevich Yegorov Dybenko Fedko Postyshev Kosarev Sten Kaczynski "
    "Arkhipova Lapshin Shalamov Akhmatova Tsvetaeva Dzerzhinsky Dzerzhinskiy Menzhinsky Menzhinskiy".split()
)
# Russian (and common English) first names: a strong sign that the phrase they open is a person.
GIVEN_NAMES = frozenset(
    "Iosif Joseph Josef Vladimir Nikolai Nikolay Lev Leon Grigory Grigoriy Grigori Lavrentiy Lavrenty Genrikh "
    "Sergei Sergey Mikhail Nikita Boris Dmitry Dmitriy Dmitri Aleksandr Alexander Aleksei Alexei Aleksey Andrei "
    "Andrey Anatoly Anatoliy Viktor Vyacheslav Kliment Lazar Anastas Valerian Fyodor Fedor Pavel Pyotr Petr "
    "Ivan Yakov Yemelyan Yuri Yury Yuriy Varlam Osip Isaak Ilya Konstantin Leonid Maxim Maksim Matvei Oleg "
    "Roy Zhores Semyon Semen Stepan Timofei Vasily Vasiliy Vissarion Avel Karl Yan Yekaterina Ekaterina "
    "Nadezhda Anna Olga Maria Mariya Yevgeniya Evgenia Yevgeny Yevgeniy Evgeny Nina Zinaida Yuliya Aleksandra "
    "Lidiya Tatyana Natalya Svetlana Irina Galina Marina Vera Lyubov Ksenia Arkady Arkadiy Filipp Efim Yefim "
    "Moisei Mark Solomon Avraam Abram Veniamin Gavriil Rafail Mikhail Valentin Vsevolod Georgy Georgiy Gleb "
    "Igor Kirill Nestor Panteleimon Rodion Ruben Tikhon Vadim Varvara Vikenty Yegor Yelena Elena Yevdokiya "
    "John William James George Charles Thomas Henry Robert Edward Richard Samuel Mary Elizabeth Benjamin Daniel "
    "David Peter Paul Frank Frederick Harry Walter Arthur Albert Alfred Louis Francis Jacob Isaac Abraham Andrew "
    "Hugh Patrick Michael Stephen Jane Ann Sarah Margaret Catherine Martha Nancy Susan Helen Alice Emma Edgar "
    "Ernest Eugene Herbert Howard Jesse Joel Jonathan Joshua Lewis Martin Nathaniel Philip Ralph Simon "
    "Theodore Timothy Warren Woodrow Franklin Harold Donald Dwight Lech Vladimir".split()
) | EN.GIVEN_NAMES
# Capitalised words that look like surnames or places but are English words or generic parts.
NOT_NAMES = frozenset(
    "Within Begin Again Origin Margin Cabin Basin Cousin Latin Robin Satin Napkin Bulletin Violin Coffin Dolphin "
    "Penguin Raisin Vitamin Twin Thin Skin Chain Rain Train Plain Brain Gain Pain Join Coin Sin Tin Win Bin Pin "
    "Kin Fin Ruin Gov Even Seven Eleven Heaven Raven Oven Woven Proven Given Driven Risen Chosen Frozen Stolen "
    "Spoken Broken Open Often Women Men Then When Amen Linen Alien Siren Citizen Dozen Kitchen Chicken Garden "
    "Golden Hidden Sudden Wooden Sovereign Foreign Campaign Reign Which Rich Each Such Much Which Sandwich Ostrich "
    "Above Love Prove Move Improv Soviet Soviets Russian Russians Marxism Leninism Stalinism Bolshevism "
    "Trotskyism Congress Plenum Conference Party Committee Union Central State Republic Government Army Front "
    "Part Chapter Section Contents Footnotes Notes Text Page Volume Issue Publication Summary Executive By "
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday God Lord Revolution War Civil Great Patriotic Five-Year Plan "
    "Red White Report States".split()
) | EN.NAME_SUFFIXES
# Groups, nationalities and ideologies: not entities here, whatever spaCy says.
GROUP_WORDS = frozenset(
    "Bolshevik Bolsheviks Menshevik Mensheviks Chekist Chekists chekists kulak kulaks Trotskyite Trotskyites "
    "Trotskyist Trotskyists Zinovyevites Zinovievites Jacobins Jacobin SRs SR Narodniks Poles Russians Germans "
    "Ukrainians Georgians Jews Armenians Latvians Balts Communists Communist Socialists Democrats Republicans "
    "Whites Reds Cadets Decembrists Nazis Nazi Fascists Stalinists Leninists Marxists Old Soviet Russian "
    "Ukrainian Georgian Armenian Belorussian Byelorussian Latvian Estonian Lithuanian Bulgarian Hungarian "
    "Romanian Italian Austrian Canadian Mongolian Indian Persian Siberian Caucasian Azerbaijani Uzbek Kazakh "
    "Turkmen Polish Finnish German French English Jewish Czech Chinese Japanese American British Tsarist "
    "All-Union All-Russian All-Ukrainian Red White Western Eastern Northern Southern Post-Soviet".split()
)
GROUP_SUFFIX = re.compile(r"(?:ism|isms|ists?|ites?|ians|ans|ese|ization|isation)$")

# Surname shapes: the ending of a capitalised word (at least five letters) that marks a Russian,
# Georgian, Armenian, Ukrainian or Polish surname. Places with these endings are in KNOWN_PLACES.
STRONG_SURNAME_SHAPES = frozenset("ov ev yov skiy skii sky idze shvili yan enko ovich evich ani ini iya iy ava".split())
SURNAME_SHAPE = re.compile(
    r"(?<=[a-z])(?P<shape>ov|ev|yov|(?<![aeo])in|yn|skiy|skii|sky|ski|skaya|ova|eva|idze|dze|shvili|yan|enko|"
    r"ovich|evich|ich|chuk|yuk|ani|ini|iya|ava|(?<!sk)iy)$"
)
PATRONYMIC = re.compile(r"^[A-Z][a-z]+(?:ovich|evich|ich|ovna|evna|ichna|inichna)$")
ORG_SHAPE = re.compile(r"(?<=[a-z])(?:zavod|kombinat|trest|stroy|torg|prom)$")
PLACE_SHAPE = re.compile(r"(?<=[a-z])(?P<shape>grad|gorod|burg|sk|ovo|evo|ino|stan|abad|pol|opol|"
                         + "|".join(EN.PLACE_SHAPES) + ")$")
# Initials: "A.", "Ya.", "Ye.", "Kh.", "V.I.", "Ye.A." (a capital and at most two lowercase letters).
INITIALS = re.compile(r"(?:(?<![\w.])(?:(?:[A-Z][a-z]?|Dzh|" + "|".join(EN.GIVEN_ABBREVIATIONS) + r")\.\s?){1,3})")
NOT_INITIALS = frozenset("No Mr Ms Dr St Jr Sr Lt Co Mt Ft Vo Pp Op".split())
ORDINAL_BEFORE_EVENT = re.compile(r"(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|"
                                  r"Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|"
                                  r"Seventeenth|Eighteenth|Nineteenth|Twentieth|[XVI]+)$")
EVENT_HEADS = frozenset("Congress Conference Plenum Plenums Session Revolution War Trial Trials".split())
# A phrase that is a title and nothing else is not a name ("Academician", "Comrade").
TITLE_WORDS = frozenset(t.rstrip(".") for t in TITLES if " " not in t)

# Words that open a publication's name and belong to it ("Re: Russia, May 12" cites the
# publication, not the country). Only where the name runs in a sentence: "Re:" opening a
# passage or following a header word is a memo's subject line, and the name after it a mention.
PUBLICATION_PREFIXES = ("Re:",)
PUBLICATION_BEFORE = re.compile(r"(?:[(\[“\"‘]|(?<![\w'’-])[a-z]+,?\s)\s*$")

# Phrases that declare another name for the person named just before: (pattern, kind). The alias
# is the capitalised phrase right after the match.
ALIAS_CUES = (
    (r"\bborn\s+(?:as\s+)?", "birth name"),
    (r"\b(?:real|birth|original|true)\s+name\s+(?:was\s+|is\s+)?", "birth name"),
    (r"\b(?:n[eé]e)\s+", "maiden name"),
    (r"\b(?:nicknamed|nicknames?\s+(?:was|were|included)|(?:(?:would|came\s+to)\s+)?(?:be\s+)?know[n]?\s+as)\s+", "nickname"),
    (r"\btook\s+the\s+(?:name|pseudonym|alias)\s+", "alias"),
    (r"\b(?:alias(?:es)?|pseudonyms?|party\s+names?|noms?\s+de\s+guerre)\s+(?:included\s+|was\s+|were\s+|:\s*)?",
     "alias"),
    (r"\((?:also\s+|or\s+)?(?=[A-ZА-Я][\w’'-]*(?:\s+[A-ZА-Я][\w’'-]*){0,3}\))", "alias"),
    (r"\b(?:(?:began|started|came|used)\s+to\s+)?call(?:s|ed|ing)?\s+(?:him|her)self\s+", "alias"),
)
# Cues in which others call the person named before them by another name: "in talking to Stalin,
# they called him Koba". A person named right before the verb, with no punctuation between, is
# its subject, the caller ("Lenin called him Koba"), and not the one the name is declared for.
ALIAS_CUES_BY_OTHERS = (
    (r"\b(?:call(?:s|ed|ing)?|nicknamed)\s+(?:him|her)\s+(?:simply\s+|just\s+|only\s+)?", "nickname"),
    (r"\bknew\s+(?:him|her)\s+as\s+", "nickname"),
)
# Cues after a person's name that declare the name just before them theirs, the alias standing
# first: "Soso (Stalin's childhood name)", "Koba, Stalin's party name,". The bracket or
# comma must close right after the cue, so "Molotov, Stalin's name was ..." declares nothing.
ALIAS_OF_CUES = (
    (r"['’]s\s+(?:(?:childhood|boyhood|girlhood|pet|family)\s+(?:name|nickname)|(?:name|nickname)\s+(?:in|as\s+a)\s+"
     r"(?:childhood|boyhood|girlhood|youth|child|boy|girl))", "nickname"),
    (r"['’]s\s+(?:nickname|(?:party|pen|underground|revolutionary|stage)\s+(?:name|alias)|alias|pseudonym|"
     r"nom\s+de\s+guerre)", "alias"),
    (r"['’]s\s+(?:real|birth|original|true)\s+name", "birth name"),
    (r"['’]s\s+maiden\s+name", "maiden name"),
)
NOT_ALIASES = frozenset("The A An He She It They His Her In On At Of For And But Not".split())
