"""The memory barometer in the reading room: a chart of de- and re-Stalinization signals per period
(state and society), each bar opening the cited events behind it, and the table of events; and its
JSON API (`/api/memory`, `/api/barometer`)."""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Query, Request
from starlette.responses import JSONResponse, Response

from chronika.views.memory import barometer, memory_events
from chronika.web.api import JSON_ANSWER
from chronika.web.context import open_store, render

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])
BAR = 12  # pixels a signal


@pages.get("/memory")
def memory_page(request: Request, by: str = "period", period: Optional[str] = None, direction: Optional[str] = None,
                level: Optional[str] = None, kind: Optional[str] = None) -> Response:
    with open_store(request) as store:
        rows = barometer(store, by)
        events = memory_events(store, kind=kind)
        chosen = next((r for r in rows if r["period"] == period), None)
        if chosen is not None:
            ids = set(chosen["events"])
            events = [e for e in events if e["id"] in ids]
        if direction:
            events = [e for e in events if e["direction"] == direction]
        if level:
            events = [e for e in events if e["level"] == level]
        return render(request, "memory.html", rows=rows, bars=_bars(rows, by), events=events, by=by, period=period,
                      direction=direction, level=level, kind=kind)


def _bars(rows: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Each period's four stacks (de/re × state/society) as link targets and heights."""
    out = []
    for row in rows:
        stacks = []
        for direction, key in (("de-stalinization", "de"), ("re-stalinization", "re")):
            for level in ("state", "society"):
                n = row[key][level]
                stacks.append({"direction": direction, "level": level, "n": n, "height": n * BAR,
                               "href": f"/memory?by={by}&period={row['period']}&direction={direction}&level={level}"})
        out.append({"period": row["period"], "stacks": stacks, "ambivalent": row["ambivalent"],
                    "polls": row["polls"]})
    return out


@api.get("/memory", response_class=JSONResponse, responses=JSON_ANSWER, summary="`memory --from Y --to Y --kind K --json`")
def memory_api(request: Request, year_from: Optional[int] = Query(None, alias="from"),
               year_to: Optional[int] = Query(None, alias="to"), kind: Optional[str] = None) -> JSONResponse:
    with open_store(request) as store:
        return JSONResponse(memory_events(store, year_from, year_to, kind))


@api.get("/barometer", response_class=JSONResponse, responses=JSON_ANSWER, summary="`barometer --by B --json`")
def barometer_api(request: Request, by: str = "period", periods: Optional[str] = None) -> JSONResponse:
    with open_store(request) as store:
        return JSONResponse(barometer(store, by, periods))
