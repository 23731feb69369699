"""The chronicle over the examples (our own texts): entities across spellings and scripts,
corrections that survive re-ingest, the timeline, figures, conflicts, tagging, the barometer."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest
from typer.testing import CliRunner

from chronika.cli import app
from chronika.store import Store
from conftest import EXAMPLES

pytestmark = [pytest.mark.slow, pytest.mark.ocr]
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    root = tmp_path_factory.mktemp("chronicle")
    folder = root / "examples"
    shutil.copytree(EXAMPLES, folder)
    db = root / "c.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", str(folder), "--json"])
    assert result.exit_code == 0, result.stderr
    yield db, folder


def run(db: Path, *args: str) -> Any:
    result = runner.invoke(app, ["--db", str(db), *args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_one_person_across_spellings_and_scripts(corpus: tuple[Path, Path]) -> None:
    db, _ = corpus
    yezhov = run(db, "entity", "Ezhov")
    assert yezhov["type"] == "person"
    assert {"Yezhov", "Ezhov"} <= set(yezhov["aliases"]) | {yezhov["name"]}
    assert any("Ежов" in a for a in yezhov["aliases"])
    assert run(db, "entity", "Ежов")["id"] == run(db, "entity", "Yezhov")["id"] == yezhov["id"]
    for mention in yezhov["mentions"]:
        cited = mention["citation"]
        shown = run(db, "show", cited["document"])
        assert shown["text"][cited["start"] : cited["end"]] == cited["quote"]
    people = {e["name"] for e in run(db, "entities", "--type", "person")}
    assert not {"Leningrad", "Kolyma", "Katyn", "Politburo", "NKVD"} & people


def test_stalin_has_his_aliases_and_life(corpus: tuple[Path, Path]) -> None:
    db, _ = corpus
    stalin = run(db, "entity", "Koba")
    names = set(stalin["aliases"]) | {stalin["name"]}
    assert any("Dzhugashvili" in n for n in names)
    assert any("born" in h["what"] for h in stalin["happenings"])
    assert stalin["events"] and stalin["related"]


def test_corrections_survive_reingest(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    db, folder = corpus
    merged = run(db, "merge", "Kirov", "Nikolaev")
    assert "Nikolaev" in " ".join(merged["aliases"]) or merged["name"] == "Nikolaev"
    retyped = run(db, "retype", "Smolny Institute", "place")
    assert retyped["type"] == "place"
    note = folder / "kirov-1934.txt"
    note.write_text(note.read_text(encoding="utf-8") + "\nKirov was buried in the Kremlin wall.\n", encoding="utf-8")
    assert run(db, "ingest", str(folder))["documents_replaced"] == 1
    again = run(db, "entity", "Kirov")
    assert any("Nikolaev" in n for n in again["aliases"] + [again["name"]])
    assert run(db, "entity", "Smolny Institute")["type"] == "place"
    split = run(db, "split", "Kirov", "Leonid Nikolaev")
    assert split["name"] == "Leonid Nikolaev"
    assert "Leonid Nikolaev" not in run(db, "entity", "Kirov")["aliases"]


def test_a_correction_that_cannot_apply_is_refused_and_not_recorded(
    corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(corpus[0], db)
    with Store(db) as store:
        recorded = len(store.corrections())
    for args in (
        ["merge", "Nobody Anyone", "Kirov"],  # no such entity
        ["split", "Nonexistent Person", "Kamenev"],  # would undo nothing, yet was recorded
        ["split", "Kirov", "Lavrentiy Beria"],  # not a name Kirov bears
        ["merge", "Kirov", "Sergei Kirov"],  # one entity already
        ["retype", "Nobody Anyone", "place"],
    ):
        result = runner.invoke(app, ["--db", str(db), *args])
        assert result.exit_code == 1, (args, result.output)
        assert "chronika:" in result.stderr
    with Store(db) as store:
        assert len(store.corrections()) == recorded


def test_timeline_in_order_with_precision_and_exports(corpus: tuple[Path, Path]) -> None:
    db, _ = corpus
    events = run(db, "timeline", "--about", "Stalin")
    starts = [e["date"]["start"] for e in events]
    assert starts == sorted(starts)
    birth = next(e for e in run(db, "timeline", "--to", "1880") if e["date"]["text"].startswith("9 (21) December 1879"))
    assert birth["date"]["start"] == "1879-12-21" and birth["old_style"]["start"] == "1879-12-09"
    assert {e["date"]["precision"] for e in events} >= {"day", "year"}
    for e in events:
        assert e["citation"]["quote"] == e["text"]
    result = runner.invoke(app, ["--db", str(db), "timeline", "--from", "1934", "--to", "1934", "--export", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["date_start"] <= "1934-12-31" and r["date_end"] >= "1934-01-01" for r in rows)
    result = runner.invoke(app, ["--db", str(db), "timeline", "--export", "timelinejs"])
    slides = json.loads(result.stdout)["events"]
    assert slides and all("year" in s["start_date"] for s in slides)


def test_figures_and_conflicts(corpus: tuple[Path, Path]) -> None:
    db, _ = corpus
    killed = run(db, "figures", "--about", "killed")
    assert any(f["value"] == 22000 and f["approximate"] and f["date"]["start"].startswith("1940") for f in killed)
    groups = run(db, "conflicts")
    statuses = [g["status"] for g in groups]
    assert statuses == sorted(statuses, key=lambda s: s != "conflict")  # conflicts first
    name = run(db, "entity", "Yezhov")["name"]
    yezhov = next(g for g in groups if g["subject"] == name and g["attribute"] == "death")
    assert yezhov["status"] == "conflict"
    values = {c["value"] for c in yezhov["claims"]}
    assert "1939" in values and "4 February 1940" in values
    katyn = [g for g in groups if g["subject"] == "Katyn massacre"]
    killed = next((g for g in katyn if "about 22,000 people" in {c["value"] for c in g["claims"]}), None)
    assert killed is not None, [(g["attribute"], [c["value"] for c in g["claims"]]) for g in katyn]
    assert killed["status"] == "corroborated" and killed["why"] and killed["confidence"] == "sure"
    assert {"about 22,000 people", "21,857"} <= {c["value"] for c in killed["claims"]}


def test_tag_speaks_timex3(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Kirov was shot on 1 December 1934. Three days later Nikolaev confessed. In the 1930s, Yezhov rose.\n",
                    encoding="utf-8")
    tagged = json.loads(runner.invoke(app, ["tag", str(text), "--json"]).stdout)
    values = {d["text"]: (d["value"], d["type"]) for d in tagged["dates"]}
    assert values["1 December 1934"] == ("1934-12-01", "DATE")
    assert values["Three days later"] == ("1934-12-04", "DATE")
    assert values["the 1930s"][0] == "193"
    for item in tagged["dates"] + tagged["entities"] + tagged["figures"]:
        assert tagged["text"][item["start"] : item["end"]] == item["text"]
    assert {"Kirov", "Nikolaev", "Yezhov"} <= {e["text"] for e in tagged["entities"] if e["type"] == "person"}


def test_search_expands_names_and_exact_does_not(corpus: tuple[Path, Path]) -> None:
    db, _ = corpus
    hits = run(db, "search", "Ezhov")
    assert any("Yezhov" in h["text"] for h in hits)
    assert hits[0]["expansions"][0]["entity"]
    assert not any("Yezhov" in h["text"] for h in run(db, "search", "Ezhov", "--exact"))
    assert any("Yezhov" in h["text"] or "Ezhov" in h["text"] for h in run(db, "search", "Ежов"))


def test_search_a_name_beside_other_words(corpus: tuple[Path, Path]) -> None:
    db, _ = corpus
    for query in ("Kirov shot", "shot Kirov", "(shot OR killed) Kirov"):
        hits = run(db, "search", query)
        assert hits, query
        forms = hits[0]["expansions"][0]["forms"]  # the entity's forms (an earlier test merges into Kirov)
        assert "Kirov" in forms
        for hit in hits:
            assert any(form in hit["text"] for form in forms) and re.search(r"\b(shot|killed)\b", hit["text"]), query


def test_memory_barometer_and_reclassification(corpus: tuple[Path, Path]) -> None:
    db, folder = corpus
    events = run(db, "memory")
    assert events and all(e["cues"] for e in events)
    rehab = [e for e in events if e["kind"] == "rehabilitation"]
    assert rehab and all(e["direction"] == "de-stalinization" for e in rehab)
    rows = run(db, "barometer", "--by", "decade")
    assert rows and all({"period", "start", "end", "de", "re", "ambivalent", "polls"} <= set(r) for r in rows)
    target = events[0]
    flipped = "re-stalinization" if target["direction"] != "re-stalinization" else "de-stalinization"
    assert run(db, "reclassify", target["id"], "--direction", flipped)["direction"] == flipped
    source = Path(target["citation"]["source"])
    if not source.is_absolute():
        source = Path.cwd() / source
    source.write_bytes(source.read_bytes() + b"\n")  # changed content: re-ingested, id may move
    run(db, "ingest", str(folder))
    again = next(e for e in run(db, "memory") if e["text"] == target["text"])
    assert again["direction"] == flipped and "corrected by the user" in again["cues"]
