"""Errors as a reader sees them: a plain page (or a JSON body under /api/) with the status that
says what went wrong, never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from chronika.errors import ChronikaError, OverBudget, UsageError
from chronika.query.naming import AmbiguousName
from chronika.web.context import render

log = logging.getLogger("chronika.web")


class WebError(Exception):
    """A request that cannot be answered: its status, a message, and for an ambiguous name the
    entities it may stand for."""

    def __init__(self, status: int, message: str, candidates: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.candidates = candidates or []


TITLES = {
    400: "Bad request", 401: "Token needed", 403: "Read-only", 404: "Not found", 405: "Not allowed",
    409: "Ambiguous name", 500: "Something went wrong", 503: "Too much at once",
}


def _answer(request: Request, status: int, message: str, candidates: list[dict[str, str]] | None = None) -> Response:
    if request.url.path.startswith("/api/"):
        body: dict[str, Any] = {"detail": message}
        if candidates:
            body["candidates"] = candidates
        return JSONResponse(body, status_code=status)
    return render(
        request, "error.html", status_code=status, status=status, title=TITLES.get(status, "Error"),
        message=message, candidates=candidates or [],
    )


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into a plain page or JSON body."""

    async def web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return _answer(request, exc.status, exc.message, exc.candidates)

    async def chronika_error(request: Request, exc: Exception) -> Response:
        # Routes turn "no such document/entity" into 404 themselves; what reaches here is a bad
        # query (400) or a store that cannot be read (500), and its message says what to do.
        status = (400 if isinstance(exc, UsageError) else 409 if isinstance(exc, AmbiguousName)
                  else 503 if isinstance(exc, OverBudget) else 500)
        return _answer(request, status, str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail if exc.status_code != 404 else f"There is nothing at {request.url.path}."
        return _answer(request, exc.status_code, str(message))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors())
        return _answer(request, 400, f"The request is not valid: {problems}.")

    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("error answering %s", request.url.path)
        return _answer(request, 500, "The reading room failed to answer this request; the server's log says why.")

    app.add_exception_handler(WebError, web_error)
    app.add_exception_handler(ChronikaError, chronika_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, crashed)
