"""The app factory: routes, static files, error pages and the headers that keep pages safe."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import Response

from chronika.web import api, failures, memory, originals, pages, records
from chronika.web.context import STATIC, Settings

# Scripts only from this server, no inline script, nothing framed: a document's text cannot run.
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def _version() -> str:
    try:
        return version("chronika")
    except PackageNotFoundError:
        return "unknown"


def create_app(settings: Settings) -> FastAPI:
    """The reading room over `settings.db`."""
    app = FastAPI(
        title="Chronika",
        version=_version(),
        description="The reading room's JSON API: the same shapes as `chronika ... --json` (see the README).",
        docs_url=None,  # Swagger UI would load scripts from a CDN; the schema stays at /openapi.json
        redoc_url=None,
    )
    app.state.settings = settings
    if settings.local:
        # A page elsewhere cannot reach a local server through a name of its own (DNS rebinding).
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_NAMES)

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    app.add_middleware(GZipMiddleware, minimum_size=1000)  # pages and scripts travel compressed
    failures.install(app)
    app.include_router(api.router)
    app.include_router(memory.api)
    app.include_router(pages.router)
    app.include_router(memory.pages)
    app.include_router(records.router)
    app.include_router(originals.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app
