"""What every route needs: the server's settings, one store connection per request, the templates."""

from __future__ import annotations

import csv
import io
import ipaddress
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from chronika.records.search import Hit
from chronika.store import Store
from chronika.store import open_store as open_store_at
from chronika.views import date_label, export

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes .html templates
STATIC = HERE / "static"


@dataclass(frozen=True)
class Settings:
    """How the reading room was started: the store it reads and who may correct it."""

    db: str
    host: str = "127.0.0.1"
    token: str | None = None
    budget: float | None = 20.0  # seconds a request may read the store before it is stopped (503)

    @property
    def local(self) -> bool:
        return is_loopback(self.host)

    @property
    def read_only(self) -> bool:
        """Corrections are refused when the server is reachable from other machines and no token guards it."""
        return not self.local and not self.token


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    """One connection for this request, opened and closed in the thread that uses it (SQLite
    connections are not shared across threads), reading within the server's time budget."""
    store = open_store_at(settings(request).db)
    try:
        with store.budget(settings(request).budget):
            yield store
    finally:
        store.close()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    """A page from a template; every value is escaped by Jinja2's autoescape unless marked safe."""
    context.setdefault("settings", settings(request))
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code)


def attachment(body: str, filename: str) -> Response:
    """A download: CSV or JSON by the file name's suffix."""
    media = "text/csv; charset=utf-8" if filename.endswith(".csv") else "application/json"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def exported_json(value: Any, name: str) -> Response:
    """A list page's rows as a JSON download (the API's shape)."""
    return attachment(json.dumps(value, ensure_ascii=False), f"{name}.json")


def exported(events: list[dict[str, Any]], how: str, name: str, subject: str | None = None) -> Response:
    """Timeline events as a download: CSV for spreadsheets, or TimelineJS's JSON."""
    if how == "csv":
        return attachment(export.timeline_csv(events), f"{name}.csv")
    title = f"Timeline of {subject}" if subject else "Chronika timeline"
    return attachment(json.dumps(export.timeline_js(events, title), ensure_ascii=False), f"{name}.json")


def exported_hits(hits: list[Hit], how: str) -> Response:
    """Search results as a download: one row (or object) a passage, with its citation."""
    rows = [hit.citation() | {"score": round(hit.score, 3)} for hit in hits]
    if how == "json":
        return exported_json(rows, "search")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["document", "title", "source", "passage", "page", "start", "end", "score", "quote"],
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return attachment(out.getvalue(), "search.csv")


def exported_rows(rows: list[dict[str, Any]], name: str, fields: list[str]) -> Response:
    """A list page's rows as a CSV download: the given fields, then the citation's."""
    out = io.StringIO()
    cited = ["document", "title", "passage", "start", "end", "page", "source", "quote"]
    writer = csv.DictWriter(out, fieldnames=fields + cited, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k) for k in fields} | {k: (row.get("citation") or {}).get(k) for k in cited})
    return attachment(out.getvalue(), f"{name}.csv")


FIGURE_FIELDS = ["value", "low", "high", "approximate", "unit", "counted", "text", "confidence", "evidence"]


def exported_figures(figures: list[dict[str, Any]], how: str) -> Response:
    """Figures as a download: CSV (a row a figure, with its citation) or JSON (`figures --json`)."""
    return exported_json(figures, "figures") if how == "json" else exported_rows(figures, "figures", FIGURE_FIELDS)


def exported_conflicts(groups: list[dict[str, Any]], how: str) -> Response:
    """Conflicts and corroborations as a download: CSV (a row a claim) or JSON (`conflicts --json`)."""
    if how == "json":
        return exported_json(groups, "conflicts")
    return attachment(export.conflicts_csv(groups), "conflicts.csv")


def exported_memory(events: list[dict[str, Any]], how: str) -> Response:
    """Memory events as a download: CSV (`memory --export csv`) or JSON (`memory --json`)."""
    if how == "json":
        return exported_json(events, "memory")
    return attachment(export.memory_csv(events), "memory.csv")


PER_PART = 400  # passages a part of a long document's page shows


def part_of(passage: int) -> int:
    """The part of a long document's page that shows passage `passage` (numbered from 1)."""
    return max(0, passage - 1) // PER_PART + 1


def cite_href(citation: dict[str, Any]) -> str:
    """The link that opens a citation's document (the part of a long one holding it) scrolled to,
    and marking, the cited words."""
    part = part_of(int(citation.get("passage") or 1))
    return f"/documents/{quote(str(citation['document']))}{f'?part={part}' if part > 1 else ''}#c-{citation['start']}-{citation['end']}"


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


def where(citation: dict[str, Any]) -> str:
    """A citation as a reader writes it: document, passage, page."""
    page = f", p. {citation['page']}" if citation.get("page") is not None else ""
    return f"{citation['document']} §{citation['passage']}{page}"


def number(value: Any) -> str:
    """A figure as a reader writes it: 22,000, not 22000.0."""
    if isinstance(value, (int, float)) and float(value).is_integer():
        return f"{value:,.0f}"
    return str(value)


def corpus_root(sources: Iterable[str]) -> str | None:
    """The folder every stored source with an absolute path lies under (shown sources are
    relative to it, never the server's paths)."""
    folders = [os.path.dirname(s) for s in sources if os.path.isabs(s)]
    return os.path.commonpath(folders) if folders else None


def source_label(source: str, root: str | None) -> str:
    """A source as the reading room shows it: relative to the corpus's folder."""
    if root and source.startswith(root.rstrip("/") + "/"):
        return source[len(root.rstrip("/")) + 1 :]
    return source


TEMPLATES.env.globals.update(cite_href=cite_href, entity_href=entity_href, where=where)
TEMPLATES.env.filters.update(date_label=date_label, number=number, source_label=source_label)
