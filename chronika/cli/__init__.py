"""The `chronika` command (typer + rich): each module registers its commands on one app.

`--json` prints exactly one JSON value on stdout; progress, warnings and errors go to stderr.
Exit status: 0 success, 1 error, 2 usage error, 3 partial success (some files skipped)."""

from __future__ import annotations

from chronika.cli import chronicle, corpus, scale, serve  # noqa: F401  (they register their commands)
from chronika.cli.app import app

__all__ = ["app", "main"]


def main() -> None:
    app()
