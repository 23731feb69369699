"""TempEval-3 value F1 of `tag_times` in one process, per folder and over all of them at once, with
the errors listed by kind: the figures `../shared/bench/score_te3.py DIR .venv/bin/chronika tag`
gives (its parser and its metric are read from that file and used unchanged), in about a second
instead of one `chronika tag` process per file (about 15 minutes for TimeBank and AQUAINT).

    .venv/bin/python bench/timex_te3.py [--te3 ../shared/bench/te3-tbaq] [--errors FILE.jsonl]

Prints one line per folder (TimeBank, AQUAINT) and one for both together: strict and relaxed
extent F1, value F1 (the issue's target: 0.80 over the training data), and the counts behind them.
With --errors, every wrong value, missed and spurious expression goes to FILE as JSON lines."""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from chronika.extract.timex import tag_times  # noqa: E402

Gold = list[tuple[int, int, str, str]]


def shared_scorer(path: Path) -> tuple[Callable[[str], tuple[str, str, Gold]], Callable[[int, int, int], float]]:
    """`parse` and `f1` of the shared scorer, its module run without its `main()` call."""
    source = path.read_text(encoding="utf-8").rsplit("\nmain()", 1)[0]
    names: dict[str, Any] = {}
    exec(compile(source, str(path), "exec"), names)  # noqa: S102 - the shared scorer, read as it is
    return names["parse"], names["f1"]


def score(files: list[Path], parse: Callable[[str], tuple[str, str, Gold]], f1: Callable[[int, int, int], float],
          errors: list[dict[str, Any]]) -> dict[str, Any]:
    """The shared scorer's counts over `files`, the tagger called in process."""
    ts = fs = ns = tr = fr = nr = right = 0
    for path in files:
        dct, text, gold = parse(str(path))
        pred = [(t.start, t.end, t.value or "", t.type or "")
                for t in tag_times(text, datetime.date.fromisoformat(dct), timeml=True)]
        gs, ps = {(s, e) for s, e, _, _ in gold}, {(s, e) for s, e, _, _ in pred}
        ts, fs, ns = ts + len(gs & ps), fs + len(ps - gs), ns + len(gs - ps)
        used: set[int] = set()
        for s, e, value, _ in gold:
            hit = next((i for i, q in enumerate(pred) if i not in used and q[0] < e and s < q[1]), None)
            around = text[max(0, s - 60) : e + 40].replace("\n", " ")
            if hit is None:
                nr += 1
                errors.append({"kind": "missed", "file": path.name, "gold": text[s:e], "value": value, "context": around})
                continue
            used.add(hit)
            tr += 1
            if pred[hit][2] == value:
                right += 1
            else:
                q = pred[hit]
                errors.append({"kind": "wrong", "file": path.name, "gold": text[s:e], "value": value,
                               "found": text[q[0] : q[1]], "found_value": q[2], "context": around})
        for i, q in enumerate(pred):
            if i not in used:
                errors.append({"kind": "spurious", "file": path.name, "found": text[q[0] : q[1]], "found_value": q[2],
                               "context": text[max(0, q[0] - 60) : q[1] + 40].replace("\n", " ")})
        fr += len(pred) - len(used)
    relaxed = f1(tr, fr, nr)
    return {"gold": tr + nr, "strict_f1": round(f1(ts, fs, ns), 3), "relaxed_f1": round(relaxed, 3),
            "value_f1": round(relaxed * right / tr if tr else 0.0, 4), "found": tr, "spurious": fr, "missed": nr,
            "value_right": right}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--te3", type=Path, default=REPO.parent / "shared" / "bench" / "te3-tbaq")
    parser.add_argument("--errors", type=Path)
    args = parser.parse_args()
    parse, f1 = shared_scorer(args.te3.parent / "score_te3.py")
    folders = [args.te3 / "TimeBank", args.te3 / "AQUAINT"]
    errors: list[dict[str, Any]] = []
    for folder in folders:
        print(json.dumps({"folder": folder.name, **score(sorted(folder.glob("*.tml")), parse, f1, [])}))
    both = sorted(p for folder in folders for p in folder.glob("*.tml"))
    print(json.dumps({"folder": "TimeBank + AQUAINT", **score(both, parse, f1, errors)}))
    if args.errors:
        args.errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")


if __name__ == "__main__":
    main()
