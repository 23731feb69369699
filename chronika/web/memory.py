"""The memory barometer in the reading room: a chart of de- and re-Stalinization signals per period
(state and society), each bar opening the cited events behind it, and the table of events; and its
JSON API (`/api/memory`, `/api/barometer`)."""

from __future__ import annotations

from typing import Literal, Optional

from fastapi import APIRouter, Query, Request
from starlette.responses import JSONResponse, Response

from chronika.views.memory import barometer_listing, memory_listing
from chronika.web.api import JSON_ANSWER
from chronika.web import barometer
from chronika.web.context import exported_memory, open_store, render

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])


@pages.get("/memory")
def memory_page(request: Request, by: str = "period", period: Optional[str] = None, direction: Optional[str] = None,
                level: Optional[str] = None, kind: Optional[str] = None, everything: bool = Query(False, alias="all"),
                export: Optional[Literal["csv", "json"]] = None) -> Response:
    """Sure events by default; `all=1` adds the uncertain ones; `export` downloads the events the
    page lists (CSV or JSON)."""
    with open_store(request) as store:
        rows, left_out = barometer_listing(store, by, everything=everything)
        events, held = memory_listing(store, kind=kind, everything=everything)
        chosen = next((r for r in rows if r["period"] == period), None)
        if chosen is not None:
            ids = set(chosen["events"])
            events = [e for e in events if e["id"] in ids]
        if direction:
            events = [e for e in events if e["direction"] == direction]
        if level:
            events = [e for e in events if e["level"] == level]
        if export:
            return exported_memory(events, export)
        return render(request, "memory.html", rows=rows, chart=barometer.chart(rows, by, everything), layout=barometer,
                      events=events, by=by, period=period, direction=direction, level=level, kind=kind,
                      everything=everything, held=held, left_out=left_out)


@api.get("/memory", response_class=JSONResponse, responses=JSON_ANSWER, summary="`memory --from Y --to Y --kind K [--all] --json`")
def memory_api(request: Request, year_from: Optional[int] = Query(None, alias="from"),
               year_to: Optional[int] = Query(None, alias="to"), kind: Optional[str] = None,
               everything: bool = Query(False, alias="all"),
               export: Optional[Literal["csv", "json"]] = Query(None, description="csv or json: a download instead")) -> Response:
    """Sure events; `all=1` adds the uncertain ones. Headers: `X-Memory-Uncertain-Held-Back` (how
    many uncertain were left out) and `X-Memory-Undated` (how many of those shown are undated)."""
    with open_store(request) as store:
        events, held = memory_listing(store, year_from, year_to, kind, everything)
    answer = exported_memory(events, export) if export else JSONResponse(events)
    answer.headers["X-Memory-Uncertain-Held-Back"] = str(held["uncertain"])
    answer.headers["X-Memory-Undated"] = str(held["undated"])
    return answer


@api.get("/barometer", response_class=JSONResponse, responses=JSON_ANSWER, summary="`barometer --by B [--all] --json`")
def barometer_api(request: Request, by: str = "period", periods: Optional[str] = None,
                  everything: bool = Query(False, alias="all")) -> JSONResponse:
    """Sure events per period (each row counts the uncertain ones it held back); `all=1` counts them
    too. Headers: `X-Memory-Uncertain-Held-Back`, and `X-Memory-Undated` (left out: a bar needs a date)."""
    with open_store(request) as store:
        rows, held = barometer_listing(store, by, periods, everything)
        return JSONResponse(rows, headers={"X-Memory-Uncertain-Held-Back": str(held["uncertain"]),
                                           "X-Memory-Undated": str(held["undated"])})
