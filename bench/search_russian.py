"""Russian search recall: does a Russian word find the passages holding its inflected forms?

Ingests a Russian corpus (by default ../shared/bench/real-ru/corpus) into a temporary store and,
for each lemma of a list, compares the passages `chronika.query.finding.search` returns (every one,
names expanded as a user's search expands them) with the passages holding a form of the lemma as
pymorphy3 reads the passage's words on its own: a word is a form of the lemma when one of its
readings has that lemma (ё read as е). Prints recall and precision per lemma and overall.

With `--latency` it also times 100 queries (the lemmas, then the store's most frequent words of
four letters or more, Cyrillic and Latin) on a store of the seeds plus the corpus, in the same run
with Russian morphology on and off (off: `inflection.inflected` left out and a Cyrillic name
searched as a prefix, as before it), and prints p50/p95 of each.

    .venv/bin/python bench/search_russian.py [--corpus DIR] [--lemmas москва,расстрел] [--latency] [--json]

A missed target is reported, never an error (exit status 0)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from chronika.ingest.pipeline import ingest  # noqa: E402
from chronika.query import finding, inflection  # noqa: E402
from chronika.store import Store  # noqa: E402

CORPUS = REPO.parent / "shared" / "bench" / "real-ru" / "corpus"
SEEDS = REPO.parent / "shared" / "seeds"
LEMMAS = ["москва", "расстрел", "лагерь", "хрущёв", "репрессия", "памятник", "сталин", "мемориал", "суд",
          "жертва", "память", "катынь", "голод", "реабилитация", "полигон", "офицер", "закон", "россиянин"]
TARGET = 0.95
_WORD = re.compile(r"[а-яёА-ЯЁ]+")


@contextmanager
def morphology(on: bool) -> Iterator[None]:
    """Search with Russian morphology, or as before it (`inflection.inflected` left out and a
    Cyrillic name searched as a prefix)."""
    def untouched(store: Store, tree: Any) -> Any:
        return tree

    def prefixed(form: str) -> str:
        return '"' + " ".join(re.findall(r"\w+", form)) + '"' + ("*" if finding.cyrillic(form) else "")

    kept = inflection.inflected, finding.phrase
    if not on:
        inflection.inflected, finding.phrase = untouched, prefixed
    try:
        yield
    finally:
        inflection.inflected, finding.phrase = kept


def relevant(texts: dict[str, str], lemma: str) -> set[str]:
    """The passages holding a word one of whose pymorphy3 readings has the lemma (stress marks,
    as dictionaries print them, dropped)."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    wanted = lemma.replace("ё", "е")
    lemmas: dict[str, set[str]] = {}
    found = set()
    for pid, text in texts.items():
        for word in {w.lower() for w in _WORD.findall(text.replace("\u0301", ""))}:  # less stress marks
            if word not in lemmas:
                lemmas[word] = {p.normal_form.replace("ё", "е") for p in morph.parse(word)}
            if wanted in lemmas[word]:
                found.add(pid)
                break
    return found


def recall(store: Store, lemmas: list[str]) -> dict[str, Any]:
    texts = {f"d{doc}/{n}": text for doc, n, text in store.db.execute("SELECT document_id, n, text FROM passages")}
    rows: dict[str, dict[str, Any]] = {}
    for lemma in lemmas:
        wanted = relevant(texts, lemma)
        found = {f"{hit.document}/{hit.passage}" for hit in finding.search(store, lemma, limit=len(texts)).hits}
        rows[lemma] = {"relevant": len(wanted), "found": len(found), "right": len(wanted & found),
                       "missed": sorted(wanted - found), "extra": sorted(found - wanted)}
    relevant_total = sum(r["relevant"] for r in rows.values())
    found_total = sum(r["found"] for r in rows.values())
    right = sum(r["right"] for r in rows.values())
    return {"passages": len(texts), "lemmas": rows, "recall": round(_share(right, relevant_total), 4),
            "precision": round(_share(right, found_total), 4)}


def queries(store: Store, lemmas: list[str], count: int = 100) -> list[str]:
    """Half Russian (the lemmas, then the store's most frequent Cyrillic words of four letters or
    more), half the most frequent Latin ones."""
    words: Counter[str] = Counter()
    for (text,) in store.db.execute("SELECT text FROM passages"):
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{4,}", text))
    russian = [w for w, _ in words.most_common() if _WORD.fullmatch(w)]
    latin = [w for w, _ in words.most_common() if w.isascii()]
    return list(dict.fromkeys(lemmas + russian))[: count // 2] + latin[: count - count // 2]


def latency(store: Store, mix: list[str], repeat: int) -> dict[str, Any]:
    """p50/p95 (ms) of `finding.search(store, q, limit=10)` with Russian morphology and without."""
    result: dict[str, Any] = {"queries": len(mix), "repeat": repeat}
    for label, on in (("without", False), ("with", True)):
        with morphology(on):
            result[label] = _timed(store, mix, repeat)
    result["ratio_p50"] = round(result["with"]["p50_ms"] / result["without"]["p50_ms"], 2)
    result["ratio_p95"] = round(result["with"]["p95_ms"] / result["without"]["p95_ms"], 2)
    return result


def _timed(store: Store, mix: list[str], repeat: int) -> dict[str, float]:
    """p50/p95 of the first pass over the mix (cold: a word's forms not yet read) and of `repeat`
    passes after it."""
    cold = [_time(store, q) for q in mix]
    warm = [_time(store, q) for _ in range(repeat) for q in mix]
    return {"cold_p50_ms": _percentile(cold, 50), "cold_p95_ms": _percentile(cold, 95),
            "p50_ms": _percentile(warm, 50), "p95_ms": _percentile(warm, 95)}


def _time(store: Store, query: str) -> float:
    start = time.perf_counter()
    finding.search(store, query, limit=10)
    return (time.perf_counter() - start) * 1000


def _percentile(times: list[float], share: int) -> float:
    ordered = sorted(times)
    return round(ordered[max(0, -(-share * len(ordered) // 100) - 1)], 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--lemmas", default=",".join(LEMMAS))
    parser.add_argument("--latency", action="store_true", help="also time 100 queries on the seeds plus the corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    lemmas = [w.strip() for w in args.lemmas.split(",") if w.strip()]
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "ru.db") as store:
            ingest(store, [args.corpus])
            with morphology(False):
                report["recall_without"] = recall(store, lemmas)
            report["recall"] = recall(store, lemmas)
            if args.latency:
                ingest(store, [SEEDS])
                report["latency"] = latency(store, queries(store, lemmas), args.repeat)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    rows, before = report["recall"], report["recall_without"]
    print(f"{'lemma':<14} {'relevant':>8} {'found':>6} {'right':>6} {'recall':>7} {'precision':>9}   without morphology:"
          " found, recall, precision")
    for lemma, r in rows["lemmas"].items():
        b = before["lemmas"][lemma]
        print(f"{lemma:<14} {r['relevant']:>8} {r['found']:>6} {r['right']:>6} {_share(r['right'], r['relevant']):>7.2f}"
              f" {_share(r['right'], r['found']):>9.2f}   {b['found']:>6} {_share(b['right'], b['relevant']):>7.2f}"
              f" {_share(b['right'], b['found']):>9.2f}")
    verdict = "met" if rows["recall"] >= TARGET else "MISSED"
    print(f"overall over {rows['passages']} passages: recall {rows['recall']:.4f} (target {TARGET}: {verdict}),"
          f" precision {rows['precision']:.4f}; without morphology recall {before['recall']:.4f},"
          f" precision {before['precision']:.4f}")
    if "latency" in report:
        lat = report["latency"]
        print(f"latency over {lat['queries']} queries x {lat['repeat']} (ms): " + "; ".join(
            f"{label} morphology p50 {lat[label]['p50_ms']} p95 {lat[label]['p95_ms']}"
            f" (first pass p50 {lat[label]['cold_p50_ms']} p95 {lat[label]['cold_p95_ms']})" for label in ("without", "with"))
            + f"; ratio p50 x{lat['ratio_p50']}, p95 x{lat['ratio_p95']}")


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


if __name__ == "__main__":
    main()
