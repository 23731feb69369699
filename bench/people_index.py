"""The people index over the seeds, against tests/gold/seed-people.json (people and their spellings).

Prints, for `chronika entities --type person` after ingesting the three seeds:
- recall: gold people found as one person entity (a variant that occurs in the clean text finds it);
- merge rate: gold people all of whose found variants land in the same entity;
- namesakes: pairs of gold people sharing a surname that stay apart;
- precision: of the person entities that any gold variant finds, the share that are the gold person
  (no other gold person's variant also lands there), and the number of gold places and organisations
  (tests/gold/seed-names.json) listed as people.
The gold is partial (every person of 000 and 001, the most frequent and namesaked of 002), so
precision is measured on the entities the gold reaches, not on the whole index.

    .venv/bin/python bench/people_index.py [--seeds ../shared/seeds]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from chronika.ingest.pipeline import ingest
from chronika.store import Store

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    args = parser.parse_args()
    people = json.loads((ROOT / "tests" / "gold" / "seed-people.json").read_text(encoding="utf-8"))["people"]
    names = json.loads((ROOT / "tests" / "gold" / "seed-names.json").read_text(encoding="utf-8"))["names"]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "seeds.db") as store:
        started = time.perf_counter()
        ingest(store, [args.seeds])
        seconds = time.perf_counter() - started
        persons = {e.id for e in store.entities("person")}
        found_by: dict[str, set[str]] = defaultdict(set)  # entity -> gold people whose variants find it
        recalled = merged = 0
        for person in people:
            hits = {e for v in person["variants"] for e in store.find_entities(v) if e in persons}
            exact = [e for v in person["variants"] for e in store.find_entities(v)[:1] if e in persons]
            if exact:
                recalled += 1
                merged += len(set(exact)) == 1
            for e in hits:
                found_by[e].add(person["canonical"])
        pure = sum(1 for e, who in found_by.items() if len(who) == 1)
        surnames: dict[str, list[str]] = defaultdict(list)
        for person in people:
            surnames[person["canonical"].split()[-1].rstrip(".")].append(person["canonical"])
        pairs = apart = 0
        for same in surnames.values():
            for i, a in enumerate(same):
                for b in same[i + 1 :]:
                    pairs += 1
                    ea = _entity(store, people, a, persons)
                    eb = _entity(store, people, b, persons)
                    apart += ea is None or eb is None or ea != eb
        wrong_type = sorted({n["text"] for n in names if n["type"] != "person" and set(store.find_entities(n["text"])[:1]) & persons})
        print(f"People index over the seeds ({len(persons)} person entities; ingest {seconds:.1f} s)")
        print(f"gold people: {len(people)}")
        print(f"recall (found as a person): {recalled}/{len(people)} = {recalled / len(people):.3f}")
        print(f"merged (all found spellings one entity): {merged}/{recalled} = {merged / max(recalled, 1):.3f}")
        print(f"precision (entities the gold reaches that hold one gold person): {pure}/{len(found_by)} = {pure / max(len(found_by), 1):.3f}")
        print(f"namesake pairs kept apart: {apart}/{pairs}")
        print(f"gold places/organisations listed as people: {len(wrong_type)} {wrong_type[:10]}")
        print("targets: precision >= 0.95, recall >= 0.95, no place or organisation listed as a person")


def _entity(store: Store, people: list[dict[str, object]], canonical: str, persons: set[str]) -> str | None:
    person = next(p for p in people if p["canonical"] == canonical)
    variants = [str(v) for v in person["variants"]] if isinstance(person["variants"], list) else []
    for v in sorted(variants, key=len, reverse=True):
        found = [e for e in store.find_entities(str(v)) if e in persons]
        if found:
            return found[0]
    return None


if __name__ == "__main__":
    main()
