"""`chronika serve`: the web reading room over the store. Thin, like `corpus.py`: options in, the
app from `chronika.web`, uvicorn to serve it."""

from __future__ import annotations

import os
from typing import Optional

import typer
from rich.markup import escape

from chronika.cli.app import State, app, err, guarded
from chronika.store import is_postgres, open_store, shown


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; other than loopback, corrections need --token."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(
        None, "--token", help="Corrections need this token (Authorization: Bearer T); default $CHRONIKA_TOKEN.",
    ),
    budget: float = typer.Option(
        20.0, "--budget", min=0.1, help="Seconds a request may read the store; past them it stops and answers 503.",
    ),
) -> None:
    """Open the reading room: search, documents, entities, timeline, figures and conflicts in a browser."""
    import uvicorn

    from chronika.web import Settings, create_app, is_loopback  # the web stack loads for this command only

    settings = Settings(db=State.db, host=host, token=token or os.environ.get("CHRONIKA_TOKEN") or None, budget=budget)
    if not is_postgres(settings.db) and not os.path.exists(settings.db):
        err.print(f"chronika: no store at {escape(settings.db)}; run `chronika ingest PATH` first or name one with --db",
                  style="red")
        raise typer.Exit(1)
    if is_postgres(settings.db):
        # a database that cannot be reached (or migrated) is said now, not on the first page
        guarded(lambda: open_store(settings.db).close())
    if not is_loopback(host):
        state = "need the token" if settings.token else "are read-only (no --token given)"
        err.print(f"warning: listening on {escape(host)}: other machines can read this store; corrections {state}",
                  style="yellow")
    address = f"[{host}]" if ":" in host else host
    err.print(f"Chronika reading room on http://{escape(address)}:{port}/ over {escape(shown(settings.db))} (Ctrl+C stops it)")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
