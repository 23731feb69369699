"""Names on the seed corpus: precision, recall and F1 per type against tests/gold/seed-names.json,
Chronika's names next to bare spaCy in the same run, and the speed of both.

The gold file holds hand annotations (character offsets into the raw seed files) for a set of
sentences; a predicted name counts only if it starts inside an annotated sentence, where every
name is annotated, so predictions not in the gold are false positives. Scores are strict (same
span, same type) and overlap (overlapping spans, same type, matched one to one). Bare spaCy is
`spacy.load(MODEL)` with its whole pipeline, labels mapped the same way (PERSON -> person;
GPE, LOC, FAC -> place; ORG -> org).

Speed: the seconds `name_mentions` takes over all passages of the three seeds (the raw text split
on blank lines, one call per document) with --n-process workers, against bare `nlp.pipe` (one
process) over the same passages; then `name_mentions` again in one process. The machine's other
load counts: run it on a quiet machine, and compare numbers from one run only.

    .venv/bin/python bench/names_seeds.py [--seeds DIR] [--n-process N] [--json]

A missed target is reported, never an error: the exit status is 0 whatever the numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, Iterable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
GOLD = REPO / "tests" / "gold" / "seed-names.json"
TYPES = ("person", "place", "org")
SPACY_MAP = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org"}
_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")

Name = tuple[int, int, str]  # start, end, type (offsets into the raw file)


def passages(text: str) -> list[tuple[int, str]]:
    """The raw text split on blank lines: (offset, passage) for each non-empty passage."""
    out, start = [], 0
    for m in _BLANK.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(o, p) for o, p in out if p.strip()]


def match(gold: list[Name], pred: list[Name], overlap: bool) -> dict[str, dict[str, int]]:
    """True positives, false positives and false negatives per type (and "all")."""
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in (*TYPES, "all")}
    unused = set(range(len(gold)))
    for ps, pe, pt in pred:
        hit = next(
            (i for i in sorted(unused) if gold[i][2] == pt
             and ((gold[i][0], gold[i][1]) == (ps, pe) or overlap and gold[i][0] < pe and ps < gold[i][1])),
            None,
        )
        key = "tp" if hit is not None else "fp"
        if hit is not None:
            unused.discard(hit)
        counts[pt][key] += 1
        counts["all"][key] += 1
    for i in unused:
        counts[gold[i][2]]["fn"] += 1
        counts["all"]["fn"] += 1
    return counts


def prf(c: dict[str, int]) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def inside(names: Iterable[Name], sentences: list[tuple[int, int]]) -> list[Name]:
    return [n for n in names if any(s <= n[0] < e for s, e in sentences)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import spacy

    from chronika.extract.name_pipeline import MODEL
    from chronika.extract.names import name_mentions, pipeline

    gold_file = json.loads(GOLD.read_text(encoding="utf-8"))
    files = sorted({s["file"] for s in gold_file["sentences"]})
    raw = {f: (args.seeds / f).read_text(encoding="utf-8") for f in files}
    split = {f: passages(raw[f]) for f in files}
    texts = [p for f in files for _, p in split[f]]

    pipeline()  # load both models before timing
    bare = spacy.load(MODEL)
    started = time.perf_counter()
    ours: dict[str, list[Name]] = {}
    for f in files:
        found = name_mentions((p for _, p in split[f]), n_process=args.n_process)
        ours[f] = [(o + m.start, o + m.end, m.type) for (o, _), ms in zip(split[f], found) for m in ms]
    ours_seconds = time.perf_counter() - started
    started = time.perf_counter()
    bare_docs = list(bare.pipe(texts))
    bare_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for f in files:
        list(name_mentions((p for _, p in split[f]), n_process=1))
    one_process_seconds = time.perf_counter() - started
    theirs: dict[str, list[Name]] = {f: [] for f in files}
    offsets = [(f, o) for f in files for o, _ in split[f]]
    for (f, o), doc in zip(offsets, bare_docs):
        theirs[f] += [(o + e.start_char, o + e.end_char, SPACY_MAP[e.label_]) for e in doc.ents if e.label_ in SPACY_MAP]

    results: dict[str, Any] = {"sentences": len(gold_file["sentences"]), "gold_names": len(gold_file["names"])}
    for system, predicted in (("chronika", ours), ("spacy", theirs)):
        for mode in ("strict", "overlap"):
            total = {t: {"tp": 0, "fp": 0, "fn": 0} for t in (*TYPES, "all")}
            for f in files:
                sents = [(s["start"], s["end"]) for s in gold_file["sentences"] if s["file"] == f]
                gold = [(n["start"], n["end"], n["type"]) for n in gold_file["names"] if n["file"] == f]
                counts = match(gold, inside(predicted[f], sents), overlap=mode == "overlap")
                for t in total:
                    for k in total[t]:
                        total[t][k] += counts[t][k]
            results[f"{system}/{mode}"] = {t: dict(zip(("p", "r", "f1"), prf(c)), **c) for t, c in total.items()}
    words = sum(len(t.split()) for t in texts)
    results["speed"] = {
        "passages": len(texts), "words": words, "n_process": args.n_process,
        "chronika_seconds": round(ours_seconds, 2), "spacy_seconds": round(bare_seconds, 2),
        "ratio_spacy_to_chronika": round(bare_seconds / ours_seconds, 2),
        "chronika_one_process_seconds": round(one_process_seconds, 2),
        "ratio_spacy_to_chronika_one_process": round(bare_seconds / one_process_seconds, 2),
    }
    report(results, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(results, indent=1))


def report(results: dict[str, Any], out: Any) -> None:
    print(f"Names on the seeds: {results['sentences']} annotated sentences, {results['gold_names']} gold names", file=out)
    print(f"{'system/mode':18} {'type':7} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}", file=out)
    for key, per_type in results.items():
        if "/" not in key:
            continue
        for t, v in per_type.items():
            print(f"{key:18} {t:7} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['tp']:5} {v['fp']:5} {v['fn']:5}", file=out)
    s = results["speed"]
    print(f"speed: {s['passages']} passages, {s['words']} words; name_mentions (n_process={s['n_process']}) "
          f"{s['chronika_seconds']} s, bare spaCy nlp.pipe {s['spacy_seconds']} s; "
          f"bare/chronika = {s['ratio_spacy_to_chronika']}x (target >= 2x: "
          f"{'met' if s['ratio_spacy_to_chronika'] >= 2 else 'not met'})", file=out)
    print(f"       name_mentions in one process {s['chronika_one_process_seconds']} s: "
          f"bare/chronika = {s['ratio_spacy_to_chronika_one_process']}x", file=out)


if __name__ == "__main__":
    main()
