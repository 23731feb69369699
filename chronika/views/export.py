"""Exports: the timeline as CSV for spreadsheets and TimelineJS JSON for display; memory events and
conflicts as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

_FIELDS = ["date_start", "date_end", "precision", "date_text", "text", "entities", "document", "passage", "start", "end", "page", "source"]


def timeline_csv(events: list[dict[str, Any]]) -> str:
    """One row an event, with its date as written and as an interval, and its citation."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_FIELDS)
    writer.writeheader()
    for e in events:
        cited = e["citation"]
        writer.writerow(
            {
                "date_start": e["date"]["start"], "date_end": e["date"]["end"], "precision": e["date"]["precision"],
                "date_text": e["date"]["text"], "text": e["text"], "entities": "; ".join(e["entities"]),
                "document": cited["document"], "passage": cited["passage"], "start": cited["start"],
                "end": cited["end"], "page": cited.get("page", ""), "source": cited["source"],
            }
        )
    return out.getvalue()


def timeline_js(events: list[dict[str, Any]], title: str = "Chronika timeline") -> dict[str, Any]:
    """TimelineJS's JSON: each event's date only as precise as its source says."""
    return {"title": {"text": {"headline": title}}, "events": [_slide(e) for e in events]}


def _slide(e: dict[str, Any]) -> dict[str, Any]:
    start = e["date"]["start"].split("-")
    end = e["date"]["end"].split("-")
    precision = e["date"]["precision"]
    keep = 3 if precision == "day" else 2 if precision in ("month", "season") else 1
    names = ("year", "month", "day")
    cited = e["citation"]
    slide: dict[str, Any] = {
        "start_date": {k: v.lstrip("0") or "0" for k, v in zip(names[:keep], start[:keep])},
        "text": {"headline": e["date"]["text"], "text": f"{e['text']} [{cited['title']}, {cited['document']} §{cited['passage']}]"},
        "group": ", ".join(e["entities"][:3]),
    }
    if precision not in ("day", "month"):
        slide["end_date"] = {k: v.lstrip("0") or "0" for k, v in zip(names[:keep], end[:keep])}
    return slide


_MEMORY_FIELDS = [
    "id", "date_start", "date_end", "date_text", "kind", "direction", "level", "actor", "place", "cues", "text", "document", "passage",
    "source", "date_from", "confidence", "evidence",
]


def memory_csv(events: list[dict[str, Any]]) -> str:
    """One row a memory event, with the cues behind its classification and its citation."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_MEMORY_FIELDS)
    writer.writeheader()
    for e in events:
        date = e["date"] or {}
        writer.writerow(
            {
                "id": e["id"], "date_start": date.get("start", ""), "date_end": date.get("end", ""),
                "date_text": date.get("text", ""), "kind": e["kind"], "direction": e["direction"], "level": e["level"],
                "actor": e["actor"] or "", "place": e["place"] or "", "cues": "; ".join(e["cues"]), "text": e["text"],
                "document": e["citation"]["document"], "passage": e["citation"]["passage"], "source": e["citation"]["source"],
                "date_from": e.get("date_from") or "", "confidence": e.get("confidence", ""), "evidence": "; ".join(e.get("evidence", [])),
            }
        )
    return out.getvalue()


_CONFLICT_FIELDS = [
    "group", "status", "subject", "attribute", "confidence", "reason", "value", "text", "why", "document", "title", "passage",
    "start", "end", "page", "source",
]


def conflicts_csv(groups: list[dict[str, Any]]) -> str:
    """One row a claim, under its group's number, status, subject and attribute (`conflicts --json`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_CONFLICT_FIELDS)
    writer.writeheader()
    for number, g in enumerate(groups, 1):
        for c in g["claims"]:
            cited = c["citation"]
            writer.writerow(
                {
                    "group": number, "status": g["status"], "subject": g["subject"], "attribute": g["attribute"],
                    "confidence": g.get("confidence", ""), "reason": g.get("reason") or "", "value": c["value"], "text": c["text"],
                    "why": c.get("why") or "", "document": cited["document"], "title": cited["title"], "passage": cited["passage"],
                    "start": cited["start"], "end": cited["end"], "page": cited.get("page", ""), "source": cited["source"],
                }
            )
    return out.getvalue()
