"""The seed corpus (../shared/seeds) ingested whole: titles, dates, no furniture, exact citations.

tests/golden/seeds.json holds the reviewed summary of what cleaning makes of each seed (counts of
passages and changes by kind, every OCR mending, a sample of passages by their first and last
words); `pytest --regen-golden` rewrites it, and the diff is reviewed like code."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest

from chronika import views
from chronika.query.ranked import search
from chronika.store import Store
from conftest import ROOT

pytestmark = pytest.mark.seeds
GOLDEN = ROOT / "tests" / "golden" / "seeds.json"
FURNITURE = [
    "END OF FICHE", "DATE FILMED", "U.S. Government publication", "SUBSCRIPTION/PROCUREMENT",
    "[Text]", "pp 159-209", "18300508", "Port Royal Road", "JPRS Report", "JPRS-UPA-",
]


@pytest.fixture(scope="module")
def corpus(seed_store: Path) -> Iterator[Store]:
    with Store(seed_store) as store:
        yield store


def by_file(store: Store) -> dict[str, dict[str, Any]]:
    return {Path(d["source"]).name[:3]: views.document(store, d["id"]) for d in views.documents(store)}


def test_titles_authors_and_dates(corpus: Store) -> None:
    docs = by_file(corpus)
    assert docs["002"]["title"] == "ON STALIN AND STALINISM: HISTORICAL ESSAYS"
    assert docs["002"]["author"] == "Roy Medvedev"
    assert re.fullmatch(r"JPRS-UPA-89-0\d\d", docs["002"]["metadata"]["report_number"])
    assert docs["002"]["date"]["start"] == "1989-07-05" and not docs["002"]["date"]["inferred"]
    assert docs["001"]["title"] == "Putin's Needs and Russian Attitudes Driving Re-Stalinization"
    assert docs["000"]["title"].startswith("The Katyn crime was committed")
    for name in ("000", "001"):  # neither states when it was published: the latest date they narrate is not it
        assert docs[name]["date"] is None and docs[name]["date_provenance"] is None


def test_no_furniture_or_boilerplate_among_the_passages(corpus: Store) -> None:
    for doc in by_file(corpus).values():
        text = doc["text"]
        for p in doc["passages"]:
            passage = text[p["start"] : p["end"]]
            for furniture in FURNITURE:
                assert furniture not in passage, (doc["id"], p["n"], furniture)
            assert not re.fullmatch(r"\W*\d{1,4}\W*", passage), (doc["id"], p["n"])


def test_citations_are_exact_and_lead_back_to_the_original(corpus: Store) -> None:
    for doc in by_file(corpus).values():
        original = corpus.db.execute("SELECT original FROM documents WHERE id = ?", (int(doc["id"][1:]),)).fetchone()[0]
        text = doc["text"]
        mended = {c["replacement"] for c in doc["changes"] if c["reason"].startswith("OCR")}
        for p in doc["passages"]:
            quote = text[p["start"] : p["end"]]
            assert quote and quote.strip() == quote
            source = _kept(original, p["original_start"], p["original_end"], doc["changes"])
            # the original span holds the passage's very words, layout and recorded drops apart
            said, written = _words(quote), _words(source)
            assert len(said) == len(written), (doc["id"], p["n"])
            assert all(a == b or a in mended for a, b in zip(said, written)), (doc["id"], p["n"])


def _kept(original: str, start: int, end: int, changes: list[dict[str, Any]]) -> str:
    """original[start:end] without what cleaning dropped there, with its reason recorded."""
    kept, pos = [], start
    for c in changes:
        if not c["replacement"] and start <= c["orig_start"] and c["orig_end"] <= end:
            kept.append(original[pos : c["orig_start"]])
            pos = c["orig_end"]
    return "".join(kept) + original[pos:end]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("’", "'").replace("‘", "'"))


def test_search_finds_cited_passages(corpus: Store) -> None:
    for query, expected in (("Katyn", "000"), ("Vyshinskiy", "002")):
        hits = search(corpus, query, 5)
        assert hits, query
        assert any(Path(h.source).name.startswith(expected) for h in hits)
        for hit in hits:
            _, text, _ = corpus.document(hit.document)
            assert text[hit.start : hit.end] == hit.text


def test_an_alias_is_searched_without_its_namesakes(corpus: Store) -> None:
    from chronika.query.finding import search

    found = search(corpus, "Koba", limit=200)
    stalin = found.expansions[0]
    assert stalin.entity and "Soso" in stalin.forms and "Stalin" in stalin.forms
    namesakes = [n for n in stalin.excluded if n.startswith("Soso ")]
    assert namesakes, "the other Soso of 002 is kept apart"
    assert found.hits and not any(n in hit.text for hit in found.hits for n in namesakes)


def test_the_title_page_misreading_is_mended_and_recorded(corpus: Store) -> None:
    doc = by_file(corpus)["002"]
    mended = {(c["original"], c["replacement"]) for c in doc["changes"] if c["reason"].startswith("OCR mending")}
    assert ("Boishevik", "Bolshevik") in mended
    assert "Medvedey" not in doc["text"]


def test_footnotes_are_kept_and_linked(corpus: Store) -> None:
    doc = by_file(corpus)["002"]
    notes = [p for p in doc["passages"] if p["kind"] == "footnote"]
    assert len(notes) >= 30
    numbers = {p["n"] for p in notes}
    assert doc["footnotes"] and all(link["passage"] in numbers for link in doc["footnotes"])


def summary(doc: dict[str, Any]) -> dict[str, Any]:
    text = doc["text"]

    def ends(p: dict[str, Any]) -> str:
        words = text[p["start"] : p["end"]].split()
        return " ".join(words[:4]) + " ... " + " ".join(words[-4:]) if len(words) > 8 else " ".join(words)

    return {
        "title": doc["title"],
        "date": doc["date"],
        "passages": dict(sorted(Counter(p["kind"] for p in doc["passages"]).items())),
        "changes": dict(sorted(Counter(c["reason"].split(":")[0] for c in doc["changes"]).items())),
        "mendings": sorted({f"{c['original']} -> {c['replacement']}" for c in doc["changes"] if c["reason"].startswith("OCR")}),
        "sample": {str(p["n"]): [p["kind"], ends(p)] for p in doc["passages"][::100]},
    }


def test_cleaning_matches_the_reviewed_golden_file(corpus: Store, regen_golden: bool) -> None:
    found = {name: summary(doc) for name, doc in sorted(by_file(corpus).items())}
    if regen_golden:
        GOLDEN.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_people_index_types_the_hard_names(corpus: Store) -> None:
    people = {e["name"]: e for e in views.entities(corpus, "person")}
    for name in ("Bukharin", "Kamenev", "Beria", "Yagoda", "Ordzhonikidze"):
        entity = views.entity(corpus, name)
        assert entity["type"] == "person", name
    for name in ("Kolyma", "Leningrad", "Politburo"):
        assert views.entity(corpus, name)["type"] != "person", name
        assert name not in people
    assert views.entity(corpus, "Ezhov")["id"] == views.entity(corpus, "Yezhov")["id"]
    assert views.entity(corpus, "Vyshinsky")["id"] == views.entity(corpus, "Vyshinskiy")["id"]
    assert views.entity(corpus, "Tukhachevsky")["id"] == views.entity(corpus, "Tukhachevskiy")["id"]
    medvedevs = {views.entity(corpus, n)["id"] for n in ("Dmitry Medvedev", "F. Medved")}
    assert len(medvedevs) == 2


def test_timeline_has_the_real_days(corpus: Store) -> None:
    events = views.timeline(corpus, year_from=2009, year_to=2010)
    days = {(e["date"]["text"], e["date"]["start"]) for e in events}
    assert ("Oct. 30", "2009-10-30") in days
    # "Nov. 26" opens an undated op-ed before any year is stated: no year is guessed for it
    assert not any(e["date"]["text"] == "Nov. 26" for e in views.timeline(corpus))
    birth = [e for e in views.timeline(corpus, "Stalin", year_to=1880) if e["date"]["precision"] == "day"]
    assert birth and birth[0]["date"]["start"] == "1879-12-21" and birth[0]["old_style"]["start"] == "1879-12-09"
    book = [e for e in views.timeline(corpus, year_from=1934, year_to=1938) if e["citation"]["document"] == _doc(corpus, "002")]
    assert len(book) >= 20


def _doc(store: Store, prefix: str) -> str:
    return next(d["id"] for d in views.documents(store) if Path(d["source"]).name.startswith(prefix))


def test_monument_figures(corpus: Store) -> None:
    found = views.figures(corpus, "monuments")
    values = {f["value"] for f in found}
    assert {213, 15} <= values
    assert all(f["citation"]["quote"] for f in found)


def test_memory_reads_the_seeds_story(corpus: Store) -> None:
    from chronika.views.memory import barometer, memory_events

    events = memory_events(corpus)
    first = [e for e in events if e["citation"]["document"] == _doc(corpus, "000") and e["date"]
             and e["date"]["start"][:4] in ("2009", "2010")]
    assert first and sum(e["direction"] == "de-stalinization" and e["level"] == "state" for e in first) >= 0.6 * len(first)
    monuments = [e for e in events if e["citation"]["document"] == _doc(corpus, "001") and e["kind"] == "monument"]
    assert monuments and all(e["direction"] == "re-stalinization" for e in monuments)
    assert any(e["level"] == "society" for e in monuments)
    rehab = [e for e in events if e["kind"] == "rehabilitation" and e["date"] and "1939" <= e["date"]["start"][:4] <= "1941"]
    assert rehab
    by_period = {row["period"]: row for row in barometer(corpus)}
    medvedev = by_period["Medvedev's presidency"]
    assert medvedev["de"]["state"] > medvedev["re"]["state"]
    crimea = by_period["Since Crimea"]
    assert crimea["re"]["state"] + crimea["re"]["society"] > crimea["de"]["state"] + crimea["de"]["society"]
