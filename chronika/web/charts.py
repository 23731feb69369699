"""The figures drawn on pages, computed here and drawn by templates (SVG) or the timeline script:
the corpus's events by period, an entity's network, and timeline items."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable

from chronika.store import Store
from chronika.web.context import cite_href, entity_href

PRECISIONS = ("day", "month", "season", "year", "decade", "century")


@dataclass(frozen=True)
class Bar:
    """Events whose dates start in [first, last] (years)."""

    first: int
    last: int
    count: int
    x: float
    height: float

    @property
    def label(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


def histogram(starts: Iterable[str], width: float = 600, height: float = 120) -> list[Bar]:
    """Events counted by year (by decade when they span more than 60 years), scaled to a chart."""
    years = sorted(int(s[:4]) for s in starts if s and s[:4].isdigit())
    if not years:
        return []
    step = 1 if years[-1] - years[0] <= 60 else 10
    first = years[0] - years[0] % step
    buckets = [0] * ((years[-1] - first) // step + 1)
    for y in years:
        buckets[(y - first) // step] += 1
    top = max(buckets)
    slot = width / len(buckets)
    return [
        Bar(first + i * step, first + i * step + step - 1, n, i * slot, (n / top) * height if n else 0.0)
        for i, n in enumerate(buckets)
    ]


def timeline_items(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """vis-timeline items for events (`views.timeline`'s shape): a point for a day, else a range
    over the interval; coloured by precision through the class name; each opening its citation."""
    items = []
    for i, e in enumerate(events):
        d = e["date"]
        precision = d["precision"] if d["precision"] in PRECISIONS else "day"
        item: dict[str, Any] = {
            "id": i,
            "start": d["start"],
            "className": f"precision-{precision}",
            "text": e["text"],
            "date": d["text"],
            "precision": precision,
            "href": cite_href(e["citation"]),
            "where": f"{e['citation']['document']} §{e['citation']['passage']}",
        }
        if d["end"] and d["end"] != d["start"]:
            item["end"] = _day_after(d["end"])
            item["type"] = "range"
        else:
            item["type"] = "point"
        items.append(item)
    return items


def _day_after(iso: str) -> str:
    """The end of an inclusive interval as vis-timeline wants it (exclusive)."""
    try:
        return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()
    except ValueError:
        return iso


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    x: float
    y: float
    r: float
    href: str
    center: bool = False


@dataclass(frozen=True)
class Edge:
    a: Node
    b: Node
    count: int
    width: float


def network(store: Store, shown: dict[str, Any], size: float = 360, limit: int = 10) -> tuple[list[Node], list[Edge]]:
    """The entity at the centre, the entities most often named with it around it, and the ties
    among them (each the number of sentences naming both)."""
    related = shown["related"][:limit]
    centre = Node(shown["id"], shown["name"], size / 2, size / 2, 14, entity_href(shown["id"]), True)
    if not related:
        return [centre], []
    top = max(r["count"] for r in related)
    ring = size / 2 - 60
    nodes = {centre.id: centre}
    for i, r in enumerate(related):
        angle = 2 * math.pi * i / len(related) - math.pi / 2
        nodes[r["id"]] = Node(r["id"], r["name"], size / 2 + ring * math.cos(angle), size / 2 + ring * math.sin(angle),
                              6 + 6 * r["count"] / top, entity_href(r["id"]))
    edges = [Edge(centre, nodes[r["id"]], r["count"], 1 + 5 * r["count"] / top) for r in related]
    seen = {centre.id}
    for r in related:
        seen.add(r["id"])
        for other in store.related(r["id"], limit * 3):
            if other.id in nodes and other.id not in seen:
                edges.append(Edge(nodes[r["id"]], nodes[other.id], other.count, 1 + 5 * min(other.count, top) / top))
    return list(nodes.values()), edges
