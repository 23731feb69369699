"""Memory-event classifier against the hand-labelled gold: precision and recall per kind, overall
recall, and direction and level accuracy on the events found.

    .venv/bin/python bench/memory_gold.py              # the table
    .venv/bin/python bench/memory_gold.py --errors     # also every miss, false alarm and wrong label
    .venv/bin/python bench/memory_gold.py --json       # one JSON object on stdout

The gold (`tests/gold/memory-events.json`) labels sentences of the seeds (read where they live,
`../shared/seeds`) and of `tests/fixtures/memory/`, by character offsets into the raw text. Only the
stretches the gold says it covered are scored, so a prediction outside them is neither right nor
wrong. A text is cut into lines and each line into sentences with `chronika.extract.segment.sentences`;
the context of a sentence is its line up to it. A prediction matches a gold event when their spans
overlap. Reports a missed target but never fails on one (exit status 0).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronika.extract.memory import KINDS, MemorySignal, classify  # noqa: E402
from chronika.extract.segment import sentences  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "memory-events.json"
FIXTURES = ROOT / "tests" / "fixtures" / "memory"
SEEDS = ROOT.parent / "shared" / "seeds"
TARGET_RECALL, TARGET_DIRECTION = 0.8, 0.9


@dataclass(frozen=True)
class Unit:
    """A sentence to classify: its span and the start of its line (its context begins there)."""

    start: int
    end: int
    line_start: int


def units(text: str, start: int = 0, end: int | None = None) -> Iterator[Unit]:
    """The sentences of text[start:end], line by line (a line break always ends a sentence)."""
    end = len(text) if end is None else end
    pos = start
    for line in text[start:end].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if line.strip():
            for s in sentences(text, line_start, line_start + len(line)):
                yield Unit(s.start, s.end, line_start)


def read(corpus: str, name: str, seeds: Path = SEEDS) -> str:
    """A gold document's raw text, exactly as the offsets count it."""
    folder = seeds if corpus == "seeds" else FIXTURES
    return (folder / name).read_text(encoding="utf-8")


def load_gold(path: Path = GOLD) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass
class Prediction:
    corpus: str
    file: str
    start: int
    end: int
    signal: MemorySignal


def predict(gold: dict[str, Any], seeds: Path = SEEDS) -> list[Prediction]:
    """Run `classify` over every sentence of the covered stretches."""
    out: list[Prediction] = []
    for doc in gold["documents"]:
        text = read(doc["corpus"], doc["file"], seeds)
        for stretch in doc["covered"]:
            for u in units(text, stretch["start"], stretch["end"]):
                signal = classify(text[u.start : u.end], text[u.line_start : u.start])
                if signal is not None:
                    out.append(Prediction(doc["corpus"], doc["file"], u.start, u.end, signal))
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score(gold: dict[str, Any], predictions: list[Prediction]) -> dict[str, Any]:
    """Per-kind precision and recall, overall recall and precision, label accuracy on matches."""
    events = gold["events"]
    accepted = [{e["kind"], *e.get("also", [])} for e in events]
    hit_gold = [False] * len(events)
    pairs: list[tuple[dict[str, Any], Prediction]] = []
    for i, e in enumerate(events):
        best = max(
            (p for p in predictions if (p.corpus, p.file) == (e["corpus"], e["file"])),
            key=lambda p: _overlap(p.start, p.end, e["start"], e["end"]),
            default=None,
        )
        if best is not None and _overlap(best.start, best.end, e["start"], e["end"]) > 0:
            hit_gold[i] = True
            pairs.append((e, best))
    per_kind: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        predicted = [p for p in predictions if p.signal.kind == kind]
        right = [p for p in predicted if any(kind in accepted[i] and (p.corpus, p.file) == (e["corpus"], e["file"]) and _overlap(p.start, p.end, e["start"], e["end"]) for i, e in enumerate(events))]
        golds = [i for i, e in enumerate(events) if e["kind"] == kind]
        found = [i for i in golds if hit_gold[i] and any(p.signal.kind in accepted[i] for e2, p in pairs if e2 is events[i])]
        per_kind[kind] = {
            "gold": len(golds), "predicted": len(predicted),
            "precision": _ratio(len(right), len(predicted)), "recall": _ratio(len(found), len(golds)),
        }
    matched_predictions = [p for p in predictions if any((p.corpus, p.file) == (e["corpus"], e["file"]) and _overlap(p.start, p.end, e["start"], e["end"]) for e in events)]
    return {
        "gold_events": len(events), "predictions": len(predictions), "found": sum(hit_gold),
        "recall": _ratio(sum(hit_gold), len(events)),
        "precision": _ratio(len(matched_predictions), len(predictions)),
        "kind_accuracy": _ratio(sum(p.signal.kind in ({e["kind"], *e.get("also", [])}) for e, p in pairs), len(pairs)),
        "direction_accuracy": _ratio(sum(p.signal.direction == e["direction"] for e, p in pairs), len(pairs)),
        "level_accuracy": _ratio(sum(p.signal.level == e["level"] for e, p in pairs), len(pairs)),
        "per_kind": per_kind,
        "pairs": pairs, "hit_gold": hit_gold,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def speed(seeds: Path = SEEDS) -> tuple[int, float]:
    """Sentences of the whole seed corpus and the CPU seconds `classify` takes over them (best of 5:
    CPU time, not wall time, so that other work on the machine counts less)."""
    work: list[tuple[str, str]] = []
    for path in sorted(seeds.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        work += [(text[u.start : u.end], text[u.line_start : u.start]) for u in units(text)]
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        for sentence, context in work:
            classify(sentence, context)
        best = min(best, time.process_time() - t0)
    return len(work), best


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def report(result: dict[str, Any], n: int, seconds: float) -> None:
    print("Memory events against tests/gold/memory-events.json (covered stretches only)")
    print(f"{'kind':<15}{'gold':>6}{'predicted':>11}{'precision':>11}{'recall':>8}")
    for kind, row in result["per_kind"].items():
        print(f"{kind:<15}{row['gold']:>6}{row['predicted']:>11}{_fmt(row['precision']):>11}{_fmt(row['recall']):>8}")
    print(f"overall: {result['found']}/{result['gold_events']} gold events found, recall {_fmt(result['recall'])}; "
          f"{result['predictions']} predictions, precision {_fmt(result['precision'])}")
    print(f"on the {len(result['pairs'])} events found: kind accuracy {_fmt(result['kind_accuracy'])}, "
          f"direction accuracy {_fmt(result['direction_accuracy'])}, level accuracy {_fmt(result['level_accuracy'])}")
    met_r = result["recall"] is not None and result["recall"] >= TARGET_RECALL
    met_d = result["direction_accuracy"] is not None and result["direction_accuracy"] >= TARGET_DIRECTION
    print(f"target recall >= {TARGET_RECALL}: {'met' if met_r else 'not met'}; "
          f"target direction accuracy >= {TARGET_DIRECTION}: {'met' if met_d else 'not met'}")
    print(f"speed: {n} seed sentences in {seconds:.3f} s of CPU ({seconds / n * 10_000:.3f} s per 10,000 sentences)")


def errors(gold: dict[str, Any], predictions: list[Prediction], result: dict[str, Any], seeds: Path) -> None:
    texts: dict[tuple[str, str], str] = {}

    def quote(corpus: str, name: str, a: int, b: int) -> str:
        text = texts.setdefault((corpus, name), read(corpus, name, seeds))
        return " ".join(text[a:b].split())[:160]

    for i, e in enumerate(gold["events"]):
        if not result["hit_gold"][i]:
            print(f"MISS  {e['file'][:3]} {e['start']:>6} {e['kind']}/{e['direction'][:2]}/{e['level']}: {quote(e['corpus'], e['file'], e['start'], e['end'])}")
    for e, p in result["pairs"]:
        s = p.signal
        wrong = [w for w, bad in (("kind", s.kind not in {e["kind"], *e.get("also", [])}), ("direction", s.direction != e["direction"]), ("level", s.level != e["level"])) if bad]
        if wrong:
            print(f"WRONG {e['file'][:3]} {e['start']:>6} {'+'.join(wrong)}: gold {e['kind']}/{e['direction'][:2]}/{e['level']}, got {s.kind}/{s.direction[:2]}/{s.level} {s.cues}")
            print(f"      {quote(e['corpus'], e['file'], e['start'], e['end'])}")
    for p in predictions:
        if not any((p.corpus, p.file) == (e["corpus"], e["file"]) and _overlap(p.start, p.end, e["start"], e["end"]) for e in gold["events"]):
            print(f"FALSE {p.file[:3]} {p.start:>6} {p.signal.kind}/{p.signal.direction[:2]}/{p.signal.level} {p.signal.cues}")
            print(f"      {quote(p.corpus, p.file, p.start, p.end)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="the seed texts (default ../shared/seeds)")
    parser.add_argument("--errors", action="store_true", help="list misses, false alarms and wrong labels")
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    args = parser.parse_args()
    gold = load_gold()
    predictions = predict(gold, args.seeds)
    result = score(gold, predictions)
    n, seconds = speed(args.seeds)
    if args.json:
        public = {k: v for k, v in result.items() if k not in ("pairs", "hit_gold")}
        print(json.dumps({**public, "sentences": n, "seconds": round(seconds, 4)}, indent=2))
        return
    report(result, n, seconds)
    if args.errors:
        errors(gold, predictions, result, args.seeds)


if __name__ == "__main__":
    main()
