"""The memory barometer in the reading room: a chart of de- and re-Stalinization signals per period
(state and society), each bar opening the cited events behind it, and the table of events; and its
JSON API (`/api/memory`, `/api/barometer`)."""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Query, Request
from starlette.responses import JSONResponse, Response

from chronika.views.memory import barometer_listing, memory_listing
from chronika.web.api import JSON_ANSWER
from chronika.web.context import open_store, render

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["api"])
BAR = 12  # pixels a signal


@pages.get("/memory")
def memory_page(request: Request, by: str = "period", period: Optional[str] = None, direction: Optional[str] = None,
                level: Optional[str] = None, kind: Optional[str] = None, everything: bool = Query(False, alias="all")) -> Response:
    """Sure events by default; `all=1` adds the uncertain ones."""
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
        return render(request, "memory.html", rows=rows, bars=_bars(rows, by, everything), events=events, by=by, period=period,
                      direction=direction, level=level, kind=kind, everything=everything, held=held, left_out=left_out)


def _bars(rows: list[dict[str, Any]], by: str, everything: bool) -> list[dict[str, Any]]:
    """Each period's four stacks (de/re × state/society) as link targets and heights."""
    out = []
    for row in rows:
        stacks = []
        for direction, key in (("de-stalinization", "de"), ("re-stalinization", "re")):
            for level in ("state", "society"):
                n = row[key][level]
                stacks.append({"direction": direction, "level": level, "n": n, "height": n * BAR,
                               "href": f"/memory?by={by}&period={row['period']}&direction={direction}&level={level}"
                                       + ("&all=1" if everything else "")})
        out.append({"period": row["period"], "stacks": stacks, "ambivalent": row["ambivalent"],
                    "polls": row["polls"]})
    return out


@api.get("/memory", response_class=JSONResponse, responses=JSON_ANSWER, summary="`memory --from Y --to Y --kind K [--all] --json`")
def memory_api(request: Request, year_from: Optional[int] = Query(None, alias="from"),
               year_to: Optional[int] = Query(None, alias="to"), kind: Optional[str] = None,
               everything: bool = Query(False, alias="all")) -> JSONResponse:
    """Sure events; `all=1` adds the uncertain ones. Headers: `X-Memory-Uncertain-Held-Back` (how
    many uncertain were left out) and `X-Memory-Undated` (how many of those shown are undated)."""
    with open_store(request) as store:
        events, held = memory_listing(store, year_from, year_to, kind, everything)
        return JSONResponse(events, headers={"X-Memory-Uncertain-Held-Back": str(held["uncertain"]),
                                             "X-Memory-Undated": str(held["undated"])})


@api.get("/barometer", response_class=JSONResponse, responses=JSON_ANSWER, summary="`barometer --by B [--all] --json`")
def barometer_api(request: Request, by: str = "period", periods: Optional[str] = None,
                  everything: bool = Query(False, alias="all")) -> JSONResponse:
    """Sure events per period (each row counts the uncertain ones it held back); `all=1` counts them
    too. Headers: `X-Memory-Uncertain-Held-Back`, and `X-Memory-Undated` (left out: a bar needs a date)."""
    with open_store(request) as store:
        rows, held = barometer_listing(store, by, periods, everything)
        return JSONResponse(rows, headers={"X-Memory-Uncertain-Held-Back": str(held["uncertain"]),
                                           "X-Memory-Undated": str(held["undated"])})
