"""Time expressions and figures on the seed gold: span P/R/F1, TIMEX3 value and type accuracy.

Scores `chronika.extract.timex.tag_times` against tests/gold/seed-dates.json and
`chronika.extract.figures.tag_figures` against tests/gold/seed-figures.json, over the raw seed
texts (../shared/seeds, or --seeds). In the same run, the baseline `chronika.records.dates.explicit_dates`
(the absolute-date finder the document dating uses) is scored the same way on time expressions.

The gold's "held_out" stretches of 002 were annotated from the raw text before the tagger ran on
them; the rest was pre-annotated by the tagger and corrected while it was developed on those texts.
Both parts are also scored apart ("developed on", "held out").

Each tagger runs on the whole seed with the document date the gold file gives (the seeds state
none except 002's report header; 000 and 001 are inferred: see the gold file's note). Only the
covered parts are scored: all of 000 and 001, and the annotated stretches of 002.

    strict   a found span equals a gold span
    relaxed  a found span overlaps a gold span (each matched at most once)
    value    on relaxed matches: the TIMEX3 value (a figure's value) equals the gold one
    type     on relaxed matches: DATE, TIME, DURATION or SET equals the gold one

Speed: each tagger over all three seeds, median of --repeat runs, in seconds per 100,000 words.

    .venv/bin/python bench/timex_seeds.py [--seeds DIR] [--repeat N]

A missed target is reported, never an error: the exit status is 0 whatever the numbers.
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from chronika.records.dates import DateInterval, explicit_dates  # noqa: E402
from chronika.extract.figures import tag_figures  # noqa: E402
from chronika.extract.timex import tag_times  # noqa: E402

DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
GOLD = REPO / "tests" / "gold"
TARGETS = {"relaxed F1": 0.90, "value accuracy": 0.85, "figures F1": 0.85}
SECONDS_PER_100K_WORDS = 1.0  # tag_times, well under a second per 100,000 words on a desktop
Item = dict[str, Any]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    dates_gold = json.loads((GOLD / "seed-dates.json").read_text(encoding="utf-8"))
    figures_gold = json.loads((GOLD / "seed-figures.json").read_text(encoding="utf-8"))
    texts = {name: (args.seeds / name).read_text(encoding="utf-8") for name in dates_gold["coverage"]}
    doc_dates = {name: datetime.date.fromisoformat(d) for name, d in dates_gold["document_dates"].items()}
    coverage = dates_gold["coverage"]

    print("Chronika time expressions and figures on the seed gold (tests/gold/seed-dates.json, seed-figures.json)")
    print("document dates (from the gold file): " + ", ".join(f"{n[:3]} {d}" for n, d in doc_dates.items()))
    gold = dates_gold["expressions"]
    counts = ", ".join(
        f"{n[:3]} {sum(g['file'] == n for g in gold)}"
        + ("" if coverage[n] == "all" else f" in {len(coverage[n])} stretches of {sum(b - a for a, b in coverage[n]):,} characters")
        for n in texts
    )
    print(f"\ntime expressions: {len(gold)} in the gold ({counts})")
    print(f"{'system':<30}{'found':>6}  {'strict P':>8} {'R':>5} {'F1':>5}  {'relaxed P':>9} {'R':>5} {'F1':>5}  {'value acc':>9} {'type acc':>8}")
    ours = {name: _times(texts[name], doc_dates[name], coverage[name]) for name in texts}
    baseline = {name: _baseline(texts[name], coverage[name]) for name in texts}
    rows = {"tag_times": _score(gold, ours), "explicit_dates": _score(gold, baseline)}
    for name, row in rows.items():
        print(_row(name, row))
    for name in texts:
        per_file = [g for g in gold if g["file"] == name]
        print(_row(f"  tag_times {name[:3]}", _score(per_file, {name: ours[name]})))
    held = dates_gold.get("held_out", {})
    for label, keep in (("developed on", False), ("held out", True)):
        def chosen(name: str, start: int) -> bool:
            return (name in held and _covered(start, held[name])) == keep

        part = [g for g in gold if chosen(g["file"], g["start"])]
        for system, items in (("tag_times", ours), ("explicit_dates", baseline)):
            subset = {n: [i for i in found if chosen(n, i["start"])] for n, found in items.items()}
            print(_row(f"  {system}, {label}", _score(part, subset)) + f"   ({len(part)} in the gold)")
    mine, base = rows["tag_times"], rows["explicit_dates"]
    print(f"ratio tag_times / explicit_dates: relaxed F1 {_ratio(mine['relaxed'][2], base['relaxed'][2])}, "
          f"strict F1 {_ratio(mine['strict'][2], base['strict'][2])}, "
          f"value accuracy {_ratio(mine['value'], base['value'])}")

    fgold = figures_gold["figures"]
    print(f"\nfigures: {len(fgold)} in the gold (" + ", ".join(
        f"{n[:3]} {sum(f['file'] == n for f in fgold)}" for n in sorted({f['file'] for f in fgold})) + ")")
    print(f"{'system':<30}{'found':>6}  {'strict P':>8} {'R':>5} {'F1':>5}  {'relaxed P':>9} {'R':>5} {'F1':>5}  {'value acc':>9}")
    found_figures = {
        name: [_figure_item(f) for f in tag_figures(texts[name], tag_times(texts[name], doc_dates[name]))]
        for name in sorted({f["file"] for f in fgold})
    }
    frow = _score(fgold, found_figures, figures=True)
    print(_row("tag_figures", frow, with_type=False))

    words = sum(len(t.split()) for t in texts.values())
    times_s = _timed(lambda: [tag_times(texts[n], doc_dates[n]) for n in texts], args.repeat)
    found_times = {n: tag_times(texts[n], doc_dates[n]) for n in texts}
    figures_s = _timed(lambda: [tag_figures(texts[n], found_times[n]) for n in texts], args.repeat)
    per_100k = times_s * 100_000 / words
    print(f"\nspeed over the three seeds ({words:,} words, median of {args.repeat} runs): tag_times "
          f"{times_s:.3f} s ({per_100k:.3f} s per 100k words), tag_figures {figures_s:.3f} s "
          f"({figures_s * 100_000 / words:.3f} s per 100k words)")
    results = {"relaxed F1": mine["relaxed"][2], "value accuracy": mine["value"], "figures F1": frow["relaxed"][2]}
    print("targets: " + "; ".join(
        f"{k} >= {v:.2f}: {'met' if results[k] >= v else 'not met'} ({results[k]:.3f})" for k, v in TARGETS.items())
        + f"; tag_times under {SECONDS_PER_100K_WORDS:g} s per 100k words: "
        f"{'met' if per_100k < SECONDS_PER_100K_WORDS else 'not met'} ({per_100k:.3f})")


def _times(text: str, doc: datetime.date, coverage: Any) -> list[Item]:
    return [
        {"start": t.start, "end": t.end, "value": t.value, "type": t.type}
        for t in tag_times(text, doc)
        if _covered(t.start, coverage)
    ]


def _baseline(text: str, coverage: Any) -> list[Item]:
    return [
        {"start": s, "end": e, "value": _value(d), "type": "DATE"}
        for s, e, d in explicit_dates(text)
        if _covered(s, coverage)
    ]


def _value(when: DateInterval) -> str:
    return {"day": when.start.isoformat(), "month": when.start.isoformat()[:7]}.get(when.precision, f"{when.start.year}")


def _figure_item(f: Any) -> Item:
    return {"start": f.start, "end": f.end, "value": round(f.value, 1)}


def _covered(start: int, coverage: Any) -> bool:
    return coverage == "all" or any(a <= start < b for a, b in coverage)


def _score(gold: list[Item], found: dict[str, list[Item]], *, figures: bool = False) -> dict[str, Any]:
    """Strict and relaxed P/R/F1, and value and type accuracy on the relaxed matches."""
    system = [(name, item) for name, items in found.items() for item in items]
    strict = sum(
        1 for g in gold for name, f in system if name == g["file"] and (f["start"], f["end"]) == (g["start"], g["end"])
    )
    used: set[int] = set()
    pairs: list[tuple[Item, Item]] = []
    for g in gold:
        for index, (name, f) in enumerate(system):
            if index not in used and name == g["file"] and f["start"] < g["end"] and g["start"] < f["end"]:
                used.add(index)
                pairs.append((g, f))
                break
    same_value = sum(1 for g, f in pairs if (abs(g["value"] - f["value"]) < 0.05 if figures else g["value"] == f["value"]))
    same_type = sum(1 for g, f in pairs if g.get("type") == f.get("type"))
    return {
        "found": len(system),
        "strict": _prf(strict, len(system), len(gold)),
        "relaxed": _prf(len(pairs), len(system), len(gold)),
        "value": same_value / len(pairs) if pairs else 0.0,
        "type": same_type / len(pairs) if pairs else 0.0,
    }


def _prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
    precision = hits / found if found else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _row(name: str, row: dict[str, Any], *, with_type: bool = True) -> str:
    (sp, sr, sf), (rp, rr, rf) = row["strict"], row["relaxed"]
    line = f"{name:<30}{row['found']:>6}  {sp:>8.3f} {sr:>5.3f} {sf:>5.3f}  {rp:>9.3f} {rr:>5.3f} {rf:>5.3f}  {row['value']:>9.3f}"
    return line + (f" {row['type']:>8.3f}" if with_type else "")


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "n/a (baseline 0)"


def _timed(run: Callable[[], object], repeat: int) -> float:
    seconds = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


if __name__ == "__main__":
    main()
