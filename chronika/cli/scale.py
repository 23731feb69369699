"""The `chronika` commands for corpora larger than one process reads in good time: build (on
Spark, into Parquet), load (the Parquet into the store) and copy (a store into another). Thin skins over `chronika.ingest.batch`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape

from chronika.cli.app import JSON, State, app, err, guarded, out, print_json
from chronika.cli.corpus import report_files, report_ingest
from chronika.errors import UsageError
from chronika.store import open_store


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively)."),
    out_dir: Path = typer.Option(..., "--out", help="The folder to write the built documents to (Parquet and a manifest)."),
    spark: str = typer.Option("local[2]", "--spark", help="The Spark master: local[N] (N cores here) or a cluster's URL."),
    title: Optional[str] = typer.Option(None, "--title", help="Use this title instead of the one found."),
    date: Optional[str] = typer.Option(None, "--date", help="Use this date (YYYY-MM-DD) instead of the one found."),
    max_size: float = typer.Option(300, "--max-size", min=0, help="Skip a file larger than this many MB (0: no limit)."),
    as_json: bool = JSON,
) -> None:
    """Build the documents of PATHS on Spark into a folder that `load` stores; no store is touched."""
    from chronika.ingest.batch import build as run_build
    from chronika.ingest.pipeline import MB, FileBudget

    # Spark's tasks run in other processes: a per-file time budget is not checked there.
    budget = FileBudget(max_bytes=int(max_size * MB) or None, max_seconds=None)
    done = 0

    def built(name: str, words: int) -> None:
        nonlocal done
        done += 1
        err.print(f"built {done}: {escape(name)} ({words:,} words)", style="dim")

    def work() -> dict[str, Any]:
        return run_build(paths, out_dir, master=spark, title=title, date=date, budget=budget,
                         built=built).to_json()

    summary = guarded(work)
    report_files(summary)
    if as_json:
        print_json(summary)
    else:
        out.print(f"{summary['documents_built']} built, {len(summary['skipped'])} skipped "
                  f"({summary['words']:,} words in {summary['seconds']:.1f} s on {escape(spark)}) -> {escape(str(out_dir))}")
    if summary["skipped"]:
        raise typer.Exit(3)


@app.command()
def load(
    folder: Path = typer.Argument(..., help="A folder `chronika build` wrote."),
    as_json: bool = JSON,
) -> None:
    """Store the documents a build wrote, then resolve the entities once: the store ingest makes."""
    from chronika.ingest.batch import load as run_load

    def work() -> dict[str, Any]:
        with open_store(State.db) as store:
            return run_load(store, folder).to_json()

    report_ingest(guarded(work), as_json)


@app.command()
def copy(
    source: str = typer.Argument(..., help="The store to copy (what --db accepts)."),
    target: str = typer.Argument(..., help="The store to copy into; refused when it holds anything, unless --replace."),
    replace: bool = typer.Option(False, "--replace", help="Empty the target store first (in the copy's transaction)."),
    as_json: bool = JSON,
) -> None:
    """Copy a store into another: documents, corrections, entities and indexes; counts what it copied."""
    from chronika.ingest.copy import copy_store

    def work() -> dict[str, Any]:
        if _same(source, target):
            raise UsageError("the source and the target are the same store")
        if not _exists(source):
            raise UsageError(f"no store at {source}")
        with open_store(source) as src, open_store(target) as dst:
            return copy_store(src, dst, replace=replace).to_json()

    summary = guarded(work)
    if as_json:
        print_json(summary)
    else:
        counted = ", ".join(f"{summary[k]:,} {k}" for k in ("documents", "passages", "mentions", "entities", "events", "corrections"))
        out.print(f"copied {counted} in {summary['seconds']:.1f} s -> {escape(target)}")


def _exists(target: str) -> bool:
    """Whether a store target names a store that exists (a database URL is left to its server)."""
    return "://" in target or Path(target).exists()


def _same(a: str, b: str) -> bool:
    if "://" in a or "://" in b:
        return a == b
    return Path(a).resolve() == Path(b).resolve()
