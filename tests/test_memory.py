"""Memory events: each kind in each direction the issue names, what is not a memory event, the cue
words behind every label, and the classifier against the hand-labelled gold."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from chronika.extract import memory
from chronika.extract.memory import DIRECTIONS, KINDS, LEVELS, classify, poll_shares, share_value

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "memory-events.json"
# Measured with bench/memory_gold.py: recall 0.902, direction accuracy 0.977 on the events found.
# The floors sit a little under, so a rule change that loses events fails here.
RECALL_FLOOR, DIRECTION_FLOOR = 0.85, 0.95

DE, RE, AMB = DIRECTIONS


@functools.cache
def bench() -> ModuleType:
    """bench/memory_gold.py, which splits the gold texts into sentences and scores the classifier."""
    spec = importlib.util.spec_from_file_location("memory_gold", ROOT / "bench" / "memory_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def labels(sentence: str, context: str = "") -> tuple[str, str, str] | None:
    signal = classify(sentence, context)
    return None if signal is None else (signal.kind, signal.direction, signal.level)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # statement: condemns, praises, evades
        ("The Duma's statement said that Stalin ordered the Katyn massacre.", ("statement", DE, "state")),
        ("Putin praised Stalin as a great war leader.", ("statement", RE, "state")),
        ("The Kremlin's stance on Stalin remained evasive.", ("statement", AMB, "state")),
        # monument: to Stalin or to his victims, raised or removed
        ("KPRF activists unveiled a bust of Stalin in Lipetsk.", ("monument", RE, "society")),
        ("The authorities removed Stalin's statue from the central square of Gori in 2010.", ("monument", DE, "state")),
        ("Volunteers unveiled a memorial to the victims of the Gulag.", ("monument", DE, "society")),
        ("Unknown vandals tore down a memorial plaque to the victims of the repressions.", ("monument", RE, "society")),
        # rehabilitation: of the victims, of Stalin himself, revoked
        ("In 1957 the Supreme Court rehabilitated Marshal Tukhachevsky.", ("rehabilitation", DE, "state")),
        ("KPRF deputies demanded the rehabilitation of Stalin.", ("rehabilitation", RE, "society")),
        ("The Supreme Court annulled the rehabilitation of a wartime collaborator.", ("rehabilitation", RE, "state")),
        # archive: opened, closed
        ("The FSB declassified the NKVD files on the Katyn massacre.", ("archive", DE, "state")),
        ("In 2014 the records of the NKVD were classified for another thirty years.", ("archive", RE, "state")),
        # poll: the direction of the majority finding; a minority finding is ambivalent
        ("A poll found seven in ten Russians view Stalin positively.", ("poll", RE, "society")),
        ("In a 2007 poll, 72 percent of Russians described the purges as crimes that cannot be justified.", ("poll", DE, "society")),
        ("About a third of Russians admire Stalin, a Levada poll found.", ("poll", AMB, "society")),
        # commemoration: of the victims, of Stalin or the secret police
        ("President Putin laid a wreath at the Butovo firing range on the Day of Remembrance.", ("commemoration", DE, "state")),
        ("The KPRF celebrated Stalin's birthday with flowers at his grave.", ("commemoration", RE, "society")),
        # publication: about the terror, glorifying Stalin
        ("Memorial published a book about the victims of the Butovo shootings.", ("publication", DE, "society")),
        ("State television broadcast a series glorifying Stalin as the architect of victory.", ("publication", RE, "state")),
        # renaming: rid of Stalin's name, given it back
        ("In 1961 Stalingrad was renamed Volgograd.", ("renaming", DE, "state")),
        ("The city council voted to rename Volgograd back to Stalingrad.", ("renaming", RE, "state")),
        # suppression: memory work liquidated (re-), Stalin's symbols banned (de-)
        ("Memorial was liquidated by court order.", ("suppression", RE, "state")),
        ("The city banned Stalin posters for Victory Day.", ("suppression", DE, "state")),
    ],
)
def test_each_kind_in_each_direction(sentence: str, expected: tuple[str, str, str]) -> None:
    assert labels(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor spoke at the opening of the Memorial to Victims of the Gulag in Perm.", ("monument", DE, "state")),
        ("The historian quoted a survivor's words on the repression period at the service.", ("statement", DE, "society")),
        ("The party's newspaper described the Kolyma camps as one of the great myths of the century.", ("statement", RE, "state")),
        ("The deputy said the truth was finally acknowledged after decades of silence.", ("statement", DE, "state")),
        ('"We were forced to apologize for our history," said a Communist deputy.', ("statement", RE, "state")),
        ('"Stalin is a symbol of victory for our people," the activist said.', ("statement", RE, "society")),
        ("The congress restored posthumous respectability to the purged commanders.", ("rehabilitation", DE, "state")),
        ("Local communists restored the honour of Josef Stalin with a new plaque.", ("monument", RE, "society")),
        ("The minister praised three scientists who had been purged in the thirties.", ("statement", DE, "state")),
    ],
)
def test_cues_of_common_press_wording(sentence: str, expected: tuple[str, str, str]) -> None:
    assert labels(sentence) == expected


def test_a_protected_status_for_a_memorial_site_is_the_states_act_in_both_languages() -> None:
    english = "In 2000 the mass graves of the victims of the terror were granted the status of a cultural heritage site."
    russian = "В 2011 году кладбищу жертв репрессий присвоен охранный статус объекта культурного наследия."
    assert labels(english) == ("monument", DE, "state")
    signal = memory.classify(russian, "", "ru")
    assert signal is not None and (signal.kind, signal.level) == ("monument", "state")
    assert labels("The old town was granted the status of a cultural heritage site.") is None  # not about the terror


def test_a_monument_protected_from_vandalism_is_not_removed_and_its_paragraph_says_whose() -> None:
    context = "A statue of Josef Stalin was unveiled in the town on Thursday."
    sentence = "A second bust was unveiled in the park, where a fence will guard the memorial from vandalism."
    assert labels(sentence, context) == ("monument", RE, "society")


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1937 Tukhachevsky was arrested and shot.",  # the terror itself
        "Stalin said that only active Trotskyites should be purged.",  # Stalin speaking, not remembered
        "The NKVD shot more than twenty thousand people at Butovo in 1937 and 1938.",
        "Stalin published a collection of his articles.",  # a text by Stalin is not memory of him
        "Anti-Stalin discourse has not been suppressed.",  # negated
        "Rehabilitations and Repressions, 1939-1941",  # a heading
        "The weather in Moscow was mild that autumn.",
    ],
)
def test_what_is_not_a_memory_event(sentence: str) -> None:
    assert classify(sentence) is None


def test_an_unreal_act_does_not_count() -> None:
    # "the threat of Stalin's rehabilitation" is not a rehabilitation
    signal = classify("The real threat of Stalin's rehabilitation led the historian to publish a book about Stalin abroad.")
    assert signal is not None and signal.kind == "publication"


def test_a_conceded_stance_does_not_vote() -> None:
    sentence = "Even though Putin called Stalin a dictator, the Kremlin is cracking down on those who publicize Stalin's repressions."
    assert labels(sentence) == ("suppression", RE, "state")


def test_he_and_a_carried_quotation_take_their_actor_from_the_context() -> None:
    assert labels('"We must never forget the victims," he said.', "Putin visited Butovo on 30 October.") == ("statement", DE, "state")
    context = 'Medvedev told Izvestia that Stalin "committed many crimes against his people.'
    assert labels('What was done against his own people cannot be forgiven."', context) == ("statement", DE, "state")


def test_a_passive_act_belongs_to_its_agent_not_its_subject() -> None:
    # Memorial (society) is what was liquidated; the court (state) did it
    assert labels("International Memorial was liquidated by the Supreme Court in December 2021.") == ("suppression", RE, "state")


def test_every_label_shows_the_words_it_rests_on() -> None:
    sentence = "KPRF activists unveiled a bust of Stalin in Lipetsk."
    signal = classify(sentence)
    assert signal is not None
    kinds = [c for c in signal.cues if c.startswith("kind:")]
    directions = [c for c in signal.cues if c.startswith("direction:")]
    levels = [c for c in signal.cues if c.startswith("level:")]
    assert kinds and directions and levels
    for cue in signal.cues:
        for quoted in re.findall(r"'([^']+)'", cue):
            assert quoted.lower() in sentence.lower(), (quoted, cue)


def test_the_labels_come_from_the_documented_sets_and_repeat() -> None:
    sentence = "In a poll conducted earlier this year, 32 percent of Russians agreed that Stalin was a criminal."
    first, second = classify(sentence), classify(sentence)
    assert first == second and first is not None
    assert first.kind in KINDS and first.direction in DIRECTIONS and first.level in LEVELS
    assert first.direction == AMB  # a minority finding


def test_classify_rejects_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        classify(b"Stalin")  # type: ignore[arg-type]


def test_poll_shares_are_spans_of_the_sentence() -> None:
    sentence = "A poll found seven in ten Russians view Stalin positively, 32% disagree and a third abstain."
    spans = poll_shares(sentence)
    assert [text for _, _, text in spans] == ["seven in ten", "32%", "a third"]
    assert all(sentence[a:b] == text for a, b, text in spans)
    assert [share_value(text) for _, _, text in spans] == [0.7, 0.32, pytest.approx(1 / 3)]


def test_gates_only_skip_work_they_never_change_a_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gates (word openings read off the cue regexes) are a speed-up: with every gate forced
    open, every sentence of the fixtures is classified the same."""
    mg = bench()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "memory").glob("*.txt"))]
    work = [(t[u.start : u.end], t[u.line_start : u.start]) for t in texts for u in mg.units(t)]
    gated = [classify(s, c) for s, c in work]
    monkeypatch.setattr(memory.Gate, "open", lambda self, words: True)
    monkeypatch.setattr(memory.classifier, "may_fire", lambda rule, r, opened: True)
    assert [classify(s, c) for s, c in work] == gated


def _tree(node: object) -> object:
    """A regex tree as plain values: operations by name, sequences (the standard parser's
    `SubPattern`, `pattern.Sequence`) and plain lists tagged apart."""
    if type(node) is list:
        return ("list", [_tree(n) for n in node])
    if isinstance(node, list) or type(node).__name__ == "SubPattern":
        return ("sequence", [_tree(n) for n in node])
    if isinstance(node, tuple):
        return tuple(_tree(n) for n in node)
    if type(node).__name__ == "_NamedIntConstant":  # the standard parser's operations and MAXREPEAT
        return int(node) if str(node) == "MAXREPEAT" else str(node)
    return node


def test_the_gates_read_every_cue_as_pythons_own_regex_parser_does() -> None:
    """`memory.pattern` reads a cue into the tree Python's (private) regex parser gives, so the gates
    read off it are the ones that parser gave: a cue written in syntax it reads differently would
    key its gate on the wrong words."""
    sre = pytest.importorskip("re._parser")
    from chronika.extract.memory import cues, gates, pattern

    regexes = [v for v in vars(cues).values() if isinstance(v, str) and "\\" in v]
    regexes += [p for v in vars(cues).values() if isinstance(v, tuple) for c in v if isinstance(c, tuple) for p in c[1:]]
    read = [gates._lower_literals(a.replace("(?-i:", "(?:")) for r in regexes for a in gates._alternatives(r)]
    assert len(read) > 400
    assert [p for p in read if _tree(pattern.parse(p)) != _tree(sre.parse(p))] == []
    with pytest.raises(pattern.Unreadable):
        pattern.parse(r"(a)\1")  # a back reference: no gate, never a wrong one


@pytest.mark.seeds
def test_gates_change_nothing_on_the_seeds_either(seeds: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mg = bench()
    text = (seeds / "000_67138d7392bc7285.txt").read_text(encoding="utf-8")
    work = [(text[u.start : u.end], text[u.line_start : u.start]) for u in mg.units(text)]
    gated = [classify(s, c) for s, c in work]
    monkeypatch.setattr(memory.Gate, "open", lambda self, words: True)
    monkeypatch.setattr(memory.classifier, "may_fire", lambda rule, r, opened: True)
    assert [classify(s, c) for s, c in work] == gated


@pytest.mark.seeds
def test_gold_offsets_still_point_at_their_sentences(seeds: Path) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    mg = bench()
    for doc in gold["documents"]:
        text = mg.read(doc["corpus"], doc["file"], seeds)
        assert all(0 <= c["start"] < c["end"] <= len(text) for c in doc["covered"]), doc["file"]
    for event in gold["events"]:
        text = mg.read(event["corpus"], event["file"], seeds)
        assert " ".join(text[event["start"] : event["end"]].split()[:3]) == event["check"], event
        assert event["kind"] in KINDS and event["direction"] in DIRECTIONS and event["level"] in LEVELS
        covered = next(d for d in gold["documents"] if (d["corpus"], d["file"]) == (event["corpus"], event["file"]))["covered"]
        assert any(c["start"] <= event["start"] < c["end"] for c in covered), event


@pytest.mark.seeds
def test_recall_and_direction_on_the_gold_stay_at_what_was_measured(seeds: Path) -> None:
    mg = bench()
    gold = mg.load_gold(GOLD)
    result = mg.score(gold, mg.predict(gold, seeds))
    assert result["recall"] >= RECALL_FLOOR
    assert result["direction_accuracy"] >= DIRECTION_FLOOR


def test_a_paragraphs_opening_sentence_carries_on_the_paragraph_before() -> None:
    from chronika.extract.run import memory_mentions
    from chronika.extract.segment import passages
    from chronika.extract.timex import tag_times

    for text, language in (
        ("Local communists have long wanted a monument to Stalin in the town.\n\nA bronze bust was unveiled in the park.", "en"),
        ("Местные коммунисты давно хотели памятник Сталину в городе.\n\nБронзовый бюст установили в парке.", "ru"),
    ):
        found, _ = passages(text)
        mentions = memory_mentions(text, found, tag_times(text), language)
        opening = [m for m in mentions if text[m.start : m.end].startswith(("A bronze", "Бронзовый"))]
        assert [(m.kind, m.direction) for m in opening] == [("monument", RE)], (text, mentions)
    alone = "A bronze bust was unveiled in the park."
    found, _ = passages(alone)
    assert memory_mentions(alone, found, tag_times(alone), "en") == []  # no paragraph before says whose


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Депутат сказал, что страну заставили каяться за сталинские репрессии и поставили на колени.", ("statement", RE, "state")),
        ("Газета компартии назвала Катынь одним из величайших мифов века.", ("statement", RE, "state")),
        ("«Сталин — символ победы нашего народа», — сказал активист.", ("statement", RE, "society")),
        ("Историк процитировал слова выжившего о годах репрессий.", ("statement", DE, "society")),
        ("Суд восстановил доброе имя расстрелянного командира.", ("rehabilitation", DE, "state")),
    ],
)
def test_russian_cues_of_the_same_press_wording(sentence: str, expected: tuple[str, str, str]) -> None:
    signal = classify(sentence, "", "ru")
    assert signal is not None and (signal.kind, signal.direction, signal.level) == expected, signal


def test_a_renaming_in_a_paragraph_about_stalin_is_memory_politics() -> None:
    assert classify("The council renamed the airport of the city.") is None
    signal = classify("The council renamed the airport of the city.", "Deputies argued about Stalin's role in the war.")
    assert signal is not None and signal.kind == "renaming"
    assert classify("Совет переименовал аэропорт города.", "", "ru") is None
    russian = classify("Совет переименовал аэропорт города.", "Депутаты спорили о роли Сталина в войне.", "ru")
    assert russian is not None and russian.kind == "renaming"


def test_a_headline_run_into_a_dateline_does_not_vote() -> None:
    headline = "Minister Praises Stalin's Industrialization MOSCOW — The court rehabilitated three purged engineers."
    signal = classify(headline)
    assert signal is not None and (signal.kind, signal.direction) == ("rehabilitation", DE)
    assert headline[signal.act_at :].startswith("rehabilitated")
    russian = "Министр восхвалял индустриализацию МОСКВА, 5 марта — Суд реабилитировал трех репрессированных инженеров."
    signal = classify(russian, "", "ru")
    assert signal is not None and (signal.kind, signal.direction) == ("rehabilitation", DE)
    assert classify("Minister Praises Stalin MOSCOW — The weather was mild.") is None


def test_a_commemoration_goes_on_in_the_next_sentence() -> None:
    context = "Volunteers laid wreaths in memory of the victims of the terror at the Solovetsky Stone."
    assert labels("This year the event was held in forty cities.", context) == ("commemoration", DE, "society")
    assert labels("This year the event was held in forty cities.") is None
    assert labels("The event was held in forty cities.", "The city celebrated its football team.") is None
    russian = "Волонтеры читали имена жертв террора у Соловецкого камня."
    signal = classify("В этом году акция прошла в сорока городах.", russian, "ru")
    assert signal is not None and (signal.kind, signal.direction) == ("commemoration", DE)
    assert classify("В этом году акция прошла в сорока городах.", "", "ru") is None


def test_a_russian_plaque_with_the_names_of_the_dead_honours_the_victims() -> None:
    context = "Бутовский полигон был местом массовых расстрелов."
    signal = classify("На полигоне установят мемориальные доски с именами погибших.", context, "ru")
    assert signal is not None and (signal.kind, signal.direction) == ("monument", DE)
