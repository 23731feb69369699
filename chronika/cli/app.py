"""The `chronika` command's shared parts: the typer app, the global `--db` option, the consoles, and
turning Chronika's errors into messages and exit statuses. The commands live beside it.

`--json` prints exactly one JSON value on stdout; progress, warnings and errors go to stderr.
Exit status: 0 success, 1 error, 2 usage error, 3 partial success (some files skipped)."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Callable, Optional, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from chronika.errors import ChronikaError, UsageError
from chronika.store import Store, open_store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Chronika: historical sources in, a cited and searchable chronicle out.",
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)
T = TypeVar("T")


class State:
    db: str = "chronika.db"


JSON = typer.Option(False, "--json", help="Print one JSON value on stdout (shapes in the README).")


@app.callback()
def _global(
    db: Optional[str] = typer.Option(
        None, "--db", help="The store: one SQLite file, or a PostgreSQL database's URL (postgresql://USER@HOST/DB)"
        " (default: $CHRONIKA_DB, else ./chronika.db)."
    ),
) -> None:
    State.db = db or os.environ.get("CHRONIKA_DB") or "chronika.db"


def guarded(work: Callable[[], T]) -> T:
    """Run a command's work, turning Chronika's errors into a message and an exit status."""
    try:
        return work()
    except UsageError as e:
        err.print(f"chronika: {escape(str(e))}", style="red")
        raise typer.Exit(2) from e
    except ChronikaError as e:
        err.print(f"chronika: {escape(str(e))}", style="red")
        raise typer.Exit(1) from e


def usage(message: str) -> None:
    """Refuse a wrong use of a command: the message on stderr, exit status 2."""
    err.print(f"chronika: {escape(message)}", style="red")
    raise typer.Exit(2)


def with_store(work: Callable[[Store], T]) -> T:
    with open_store(State.db) as store:
        return work(store)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
