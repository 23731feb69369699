"""`chronika ask` against the hand-written question set (tests/gold/questions.json).

Builds (once, cached under /tmp keyed by a hash of its inputs) a store of the three seeds and
examples/, asks every question, and prints top-1 and top-3 accuracy overall and per question type,
how the questions with no answer in the corpus fared, the latency of `ask`, and every miss. A
question is answered at k when one of the first k answers holds one of its expected strings
(case-insensitive, spaces collapsed). Latency is then measured again on the generated store of
100k passages (bench/search_latency.py builds it, once, in about a minute).

    .venv/bin/python bench/ask_questions.py [--repeat 3] [--seeds DIR] [--no-large]

A missed target is reported, never an error (exit status 0).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from chronika.query.ask import ask  # noqa: E402
from chronika.store import Store  # noqa: E402
from search_latency import DEFAULT_SEEDS, EXAMPLES, SIZES, generated_store, percentile, seed_store  # noqa: E402

QUESTIONS = REPO / "tests" / "gold" / "questions.json"
TYPES = ("who", "when", "where", "how many", "why", "what")
TARGET_TOP3 = 0.80
TARGET_P95_MS = 300.0  # at 100k passages


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def rank_of_answer(question: dict[str, Any], answers: list[dict[str, Any]]) -> int | None:
    """1-based rank of the first answer holding an expected string, or None."""
    expected = [_normal(e) for e in question["expect"]]
    for rank, answer in enumerate(answers, start=1):
        text = _normal(answer["text"])
        if any(e in text for e in expected):
            return rank
    return None


def evaluate(store: Store, questions: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy of ask on the question set (one pass)."""
    results = []
    for q in questions:
        answered = ask(store, q["q"], limit=5)
        results.append({"question": q, "answered": answered, "rank": rank_of_answer(q, answered["answers"])})
    return summarise(results)


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in results if r["question"]["expect"]]
    unanswerable = [r for r in results if not r["question"]["expect"]]
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in answerable:
        by_type[r["question"]["type"]].append(r)

    def share(rs: list[dict[str, Any]], k: int) -> tuple[int, int]:
        return sum(1 for r in rs if r["rank"] is not None and r["rank"] <= k), len(rs)

    empty = [r for r in results if not r["answered"]["answers"]]
    return {
        "results": results,
        "top1": share(answerable, 1),
        "top3": share(answerable, 3),
        "by_type": {t: (share(by_type[t], 1), share(by_type[t], 3)) for t in TYPES if by_type[t]},
        "no_answer_empty": (sum(1 for r in unanswerable if not r["answered"]["answers"]), len(unanswerable)),
        "empty_right": (sum(1 for r in empty if not r["question"]["expect"]), len(empty)),
        "type_right": (sum(1 for r in results if r["answered"]["type"] == r["question"]["type"]), len(results)),
    }


def latency(store: Store, questions: list[dict[str, Any]], repeat: int) -> list[float]:
    """Milliseconds per ask call, every question `repeat` times after one warm-up pass."""
    for q in questions:
        ask(store, q["q"], limit=5)
    times = []
    for _ in range(repeat):
        for q in questions:
            started = time.perf_counter()
            ask(store, q["q"], limit=5)
            times.append((time.perf_counter() - started) * 1000)
    return times


def _pct(pair: tuple[int, int]) -> str:
    got, of = pair
    return f"{got}/{of} ({100 * got / of:.0f}%)" if of else "-"


def report(summary: dict[str, Any]) -> list[str]:
    held = summarise([r for r in summary["results"] if r["question"].get("held_out")])
    tuned = summarise([r for r in summary["results"] if not r["question"].get("held_out")])
    lines = [
        f"answerable questions: top-1 {_pct(summary['top1'])}, top-3 {_pct(summary['top3'])}",
        f"  those ask.py was tuned on: top-1 {_pct(tuned['top1'])}, top-3 {_pct(tuned['top3'])};"
        f" held out: top-1 {_pct(held['top1'])}, top-3 {_pct(held['top3'])}",
        f"{'type':<10} {'top-1':>14} {'top-3':>14}",
    ]
    for kind, (top1, top3) in summary["by_type"].items():
        lines.append(f"{kind:<10} {_pct(top1):>14} {_pct(top3):>14}")
    lines.append(f"questions with no answer in the corpus answered with an empty list: {_pct(summary['no_answer_empty'])}"
                 f" (held out: {_pct(held['no_answer_empty'])})")
    lines.append(f"empty answer lists that were right (precision of 'no answer'): {_pct(summary['empty_right'])}")
    lines.append(f"question type read as in the gold: {_pct(summary['type_right'])}")
    misses = [r for r in summary["results"] if (r["rank"] is None or r["rank"] > 3) if r["question"]["expect"]]
    misses += [r for r in summary["results"] if not r["question"]["expect"] and r["answered"]["answers"]]
    lines.append(f"misses ({len(misses)}):")
    for r in misses:
        q = r["question"]
        answers = r["answered"]["answers"]
        where = f"right answer at rank {r['rank']}" if r["rank"] else ("no answers" if not answers else "not in the top 5")
        if not q["expect"]:
            where = f"{len(answers)} answers where none was expected"
        mark = " (held out)" if q.get("held_out") else ""
        lines.append(f"- [{q['type']}] {q['q']}{mark}  expect {q['expect'] or '[]'} ({q['source']}): {where}")
        for a in answers[:1]:
            lines.append(f"    top: {a['text'][:150]!r} ({a['citation']['document']}, {a['score']})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="latency runs of each question (default 3)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--no-large", action="store_true", help="skip the latency run on 100k passages")
    args = parser.parse_args(argv)
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True)
    questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))["questions"]
    with Store(seed_store(args.seeds, EXAMPLES, log)) as store:
        passages = store.db.execute("SELECT count(*) FROM passages").fetchone()[0]
        summary = evaluate(store, questions)
        seed_times = latency(store, questions, args.repeat)
    print(f"ask on {len(questions)} questions; seeds + examples store: {passages:,} passages")
    print("\n".join(report(summary)))
    rows = [("seeds + examples", passages, seed_times)]
    large_p95 = None
    if not args.no_large:
        with Store(generated_store(SIZES["100k"], args.seeds, EXAMPLES, log)) as store:
            passages = store.db.execute("SELECT count(*) FROM passages").fetchone()[0]
            large = latency(store, questions, args.repeat)
            large_summary = evaluate(store, questions)
        rows.append(("generated 100k", passages, large))
        large_p95 = percentile(large, 95)
    print(f"latency of ask (ms, {len(questions)} questions x {args.repeat} runs, warm):")
    for name, n, times in rows:
        print(f"  {name:<18} {n:>9,} passages  p50 {percentile(times, 50):7.1f}  p95 {percentile(times, 95):7.1f}"
              f"  max {max(times):7.1f}")
    if large_p95 is not None:
        print(f"  on the generated 100k store (real texts among synthetic ones): top-3 {_pct(large_summary['top3'])},"
              f" no-answer questions empty {_pct(large_summary['no_answer_empty'])}")
    got, of = summary["top3"]
    verdict = [f"top-3 >= {TARGET_TOP3:.0%}: {'met' if got / of >= TARGET_TOP3 else 'not met'} ({got / of:.0%})"]
    if large_p95 is not None:
        verdict.append(f"ask p95 <= {TARGET_P95_MS:.0f} ms at 100k: {'met' if large_p95 <= TARGET_P95_MS else 'not met'}"
                       f" ({large_p95:.0f} ms)")
    print("targets: " + "; ".join(verdict))
    return 0


if __name__ == "__main__":
    sys.exit(main())
