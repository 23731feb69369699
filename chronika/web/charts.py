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
BACKGROUND_YEARS = 5  # an event dated only to a span longer than this (a decade, a century) is a band
DENSE_SHARE = 0.8  # the timeline opens on the shortest stretch holding this share of its events
HISTOGRAM_SHARE = 0.98  # the home page's chart covers this share of the events (not a stray misreading)


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


def dense_span(values: list[int], share: float) -> tuple[int, int] | None:
    """The shortest stretch [first, last] of sorted `values` holding `share` of them."""
    if not values:
        return None
    keep = max(1, math.ceil(share * len(values)))
    best = min(range(len(values) - keep + 1), key=lambda i: (values[i + keep - 1] - values[i], i))
    return values[best], values[best + keep - 1]


def histogram(starts: Iterable[str], width: float = 600, height: float = 120) -> list[Bar]:
    """Events counted by year (by decade when they span more than 60 years), scaled to a chart,
    over the years that hold nearly all of them (one misread "1020" does not stretch it)."""
    every = sorted(int(s[:4]) for s in starts if s and s[:4].isdigit())
    span = dense_span(every, HISTOGRAM_SHARE)
    if span is None:
        return []
    years = [y for y in every if span[0] <= y <= span[1]]
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


def histogram_outside(starts: Iterable[str]) -> int:
    """How many events the home page's chart leaves out as outliers."""
    every = sorted(int(s[:4]) for s in starts if s and s[:4].isdigit())
    span = dense_span(every, HISTOGRAM_SHARE)
    return 0 if span is None else sum(1 for y in every if not span[0] <= y <= span[1])


def _years(d: dict[str, Any]) -> float:
    """How many years an event's date spans."""
    try:
        return (date.fromisoformat(d["end"]) - date.fromisoformat(d["start"])).days / 365.25
    except ValueError:
        return 0.0


def dense_window(events: list[dict[str, Any]]) -> tuple[str, str] | None:
    """Where the timeline opens: the shortest stretch of days holding DENSE_SHARE of the events
    dated more precisely than a band, with a margin; None where there are none."""
    days = sorted(date.fromisoformat(e["date"]["start"]).toordinal() for e in events if _years(e["date"]) <= BACKGROUND_YEARS)
    span = dense_span(days, DENSE_SHARE)
    if span is None:
        return None
    margin = max(180, (span[1] - span[0]) // 10)
    return date.fromordinal(max(1, span[0] - margin)).isoformat(), date.fromordinal(span[1] + margin).isoformat()


def timeline_items(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """vis-timeline items for events (`views.timeline`'s shape): a point for a day, a range over
    a longer interval, a background band for one of more than BACKGROUND_YEARS (a decade, "the
    beginning of the century"), so it does not crowd out the dated events; coloured by precision
    through the class name; each opening its citation."""
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
            item["type"] = "background" if _years(d) > BACKGROUND_YEARS else "range"
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
