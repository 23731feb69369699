"""Names in Russian news: the factRuEval-2016 development set, Chronika's names beside natasha alone.

Micro precision, recall and F1 over people, places and organisations, strict (same characters,
same type) and fuzzy (overlapping characters, same type, matched one to one; names_hipe.py's
scoring), for Chronika's
`name_mentions(..., language="ru")` and for bare natasha (`NewsNERTagger` over the same text) in
the same run. A gold object's span runs from its first span's start to its last span's end; its
type is mapped Person -> person, Location and LocOrg -> place, Org -> org (the mapping natasha's
own evaluation uses); other objects are left out. Each text is given line by line, as paragraphs,
to both systems.

The data is read from ../shared/bench (never copied into the repo); it is for measuring only:
nothing is trained on it and no rule or list holds its names or text. natasha alone is the floor:
Chronika's Russian names must not score below it.

    .venv/bin/python bench/names_factru.py [--devset DIR] [--json]

A missed floor is reported, never an error: the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from names_hipe import print_scores, scored  # the same scoring as HIPE's: strict and fuzzy, matched one to one

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_DEVSET = REPO.parent / "shared" / "bench" / "factru-devset" / "devset"
TYPES = ("person", "place", "org")
GOLD_TYPES = {"Person": "person", "Location": "place", "LocOrg": "place", "Org": "org"}
NATASHA_TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}

Name = tuple[int, int, str]  # start, end (characters of the text), type


@dataclass
class Text:
    """One factRuEval text and its gold names."""

    name: str
    text: str
    gold: list[Name] = field(default_factory=list)


def read_devset(folder: Path) -> list[Text]:
    texts: list[Text] = []
    for objects in sorted(folder.glob("*.objects")):
        stem = objects.with_suffix("")
        text = Text(stem.name, stem.with_suffix(".txt").read_text(encoding="utf-8"))
        spans: dict[str, tuple[int, int]] = {}
        for line in stem.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
            fields = line.split("#")[0].split()
            if len(fields) >= 4:
                spans[fields[0]] = (int(fields[2]), int(fields[2]) + int(fields[3]))
        for line in objects.read_text(encoding="utf-8").splitlines():
            fields = line.split("#")[0].split()
            kind = GOLD_TYPES.get(fields[1]) if len(fields) > 2 else None
            parts = [spans[s] for s in fields[2:] if s in spans]
            if kind and parts:
                text.gold.append((min(s for s, _ in parts), max(e for _, e in parts), kind))
        texts.append(text)
    return texts


def lines(text: str) -> list[tuple[int, str]]:
    """The text's non-empty lines with their offsets."""
    out, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((offset, line))
        offset += len(line) + 1
    return out


@lru_cache(maxsize=1)
def _natasha() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def natasha_names(paragraphs: list[str]) -> list[list[Name]]:
    """Bare natasha's names in each paragraph (offsets into the paragraph)."""
    from natasha import Doc

    segmenter, ner = _natasha()
    out = []
    for paragraph in paragraphs:
        doc = Doc(paragraph)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        out.append([(s.start, s.stop, NATASHA_TYPES[s.type]) for s in doc.spans if s.type in NATASHA_TYPES])
    return out


def chronika_names(paragraphs: list[str]) -> list[list[Name]]:
    from chronika.extract.names import name_mentions

    return [[(m.start, m.end, m.type) for m in found] for found in name_mentions(paragraphs, language="ru")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.devset.is_dir():
        print(f"factRuEval devset not found at {args.devset}: pass --devset DIR", file=sys.stderr)
        return
    texts = read_devset(args.devset)
    systems = {"chronika": chronika_names, "natasha": natasha_names}
    predicted: dict[str, list[list[Name]]] = {k: [] for k in systems}
    seconds = dict.fromkeys(systems, 0.0)
    for text in texts:
        offsets, paragraphs = zip(*lines(text.text)) if text.text.strip() else ((), ())
        for system, tagger in systems.items():
            started = time.perf_counter()
            found = tagger(list(paragraphs))
            seconds[system] += time.perf_counter() - started
            predicted[system].append([(o + s, o + e, t) for o, names in zip(offsets, found) for s, e, t in names])
    results: dict[str, Any] = {
        "texts": len(texts), "gold_names": sum(len(t.gold) for t in texts),
        "seconds": {k: round(v, 2) for k, v in seconds.items()},
    }
    for system, per_text in predicted.items():
        results.update(scored(system, [t.gold for t in texts], per_text, TYPES))
    out = sys.stderr if args.json else sys.stdout
    print(f"factRuEval-2016 devset (ru): {results['texts']} texts, {results['gold_names']} gold names", file=out)
    print_scores(results, out)
    floor = all(results[f"chronika/{m}"]["micro"]["f1"] >= results[f"natasha/{m}"]["micro"]["f1"]
                for m in ("strict", "fuzzy"))
    print(f"seconds: chronika {results['seconds']['chronika']}, natasha {results['seconds']['natasha']}; "
          f"floor (micro F1 not below natasha's, strict and fuzzy): {'met' if floor else 'not met'}", file=out)
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
