"""The `chronika` command: parses arguments, calls the library, prints; it holds no logic.

`--json` prints exactly one JSON value on stdout; progress, warnings and errors go to stderr.
Exit status: 0 success, 1 error, 2 usage error, 3 partial success (some files skipped)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from chronika import semantic, views
from chronika.errors import ChronikaError, UsageError
from chronika.pipeline import ingest as run_ingest
from chronika.pipeline import source_files
from chronika.finding import SearchResult
from chronika.finding import search as find
from chronika.search import SearchFilters
from chronika.store import Store
from chronika.store.core import doc_number

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Chronika: historical sources in, a cited and searchable chronicle out.",
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)
T = TypeVar("T")


class _State:
    db: str = "chronika.db"


JSON = typer.Option(False, "--json", help="Print one JSON value on stdout (shapes in the README).")


@app.callback()
def _global(
    db: Optional[str] = typer.Option(
        None, "--db", help="The store, one SQLite file (default: $CHRONIKA_DB, else ./chronika.db)."
    ),
) -> None:
    _State.db = db or os.environ.get("CHRONIKA_DB") or "chronika.db"


def _guarded(work: Callable[[], T]) -> T:
    """Run a command's work, turning Chronika's errors into a message and an exit status."""
    try:
        return work()
    except UsageError as e:
        err.print(f"chronika: {escape(str(e))}", style="red")
        raise typer.Exit(2) from e
    except ChronikaError as e:
        err.print(f"chronika: {escape(str(e))}", style="red")
        raise typer.Exit(1) from e


def _usage(message: str) -> None:
    """Refuse a wrong use of a command: the message on stderr, exit status 2."""
    err.print(f"chronika: {escape(message)}", style="red")
    raise typer.Exit(2)


def _with_store(work: Callable[[Store], T]) -> T:
    with Store(_State.db) as store:
        return work(store)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively)."),
    title: Optional[str] = typer.Option(None, "--title", help="Use this title instead of the one found."),
    date: Optional[str] = typer.Option(None, "--date", help="Use this date (YYYY-MM-DD) instead of the one found."),
    as_json: bool = JSON,
) -> None:
    """Read sources into the store; unchanged files are left alone, changed ones replaced."""

    def work() -> dict[str, Any]:
        with Store(_State.db) as store:
            if as_json or not err.is_terminal:
                return run_ingest(store, paths, title=title, date=date).to_json()
            total = sum(1 for _ in source_files(paths))
            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("ingesting", total=total, rate="")
                words = 0

                def tick(path: Path, added: int) -> None:
                    nonlocal words
                    words += added
                    elapsed = bar.tasks[0].elapsed or 1e-9
                    bar.update(task, advance=1, description=path.name[:30], rate=f"{words / elapsed:,.0f} words/s")

                return run_ingest(store, paths, title=title, date=date, progress=tick).to_json()

    summary = _guarded(work)
    for ignored in summary["ignored"]:
        err.print(f"ignored {escape(ignored)}: a folder's own notes, not a source (name the file to ingest it)", style="dim")
    for skipped in summary["skipped"]:
        err.print(f"skipped {escape(skipped['path'])}: {escape(skipped['reason'])}", style="yellow")
    if as_json:
        _print_json(summary)
    else:
        out.print(
            f"{summary['documents_added']} added, {summary['documents_replaced']} replaced, "
            f"{summary['documents_unchanged']} unchanged, {len(summary['skipped'])} skipped "
            f"({summary['words']:,} words in {summary['seconds']:.1f} s) -> {escape(_State.db)}"
        )
    if summary["skipped"]:
        raise typer.Exit(3)


@app.command()
def documents(as_json: bool = JSON) -> None:
    """List the stored documents."""
    listed = _guarded(lambda: _with_store(views.documents))
    if as_json:
        _print_json(listed)
        return
    table = Table("id", "title", "date", "words", "passages", "source")
    for d in listed:
        table.add_row(d["id"], escape(d["title"]), escape(views.date_label(d["date"])), f"{d['words']:,}",
                      str(d["passages"]), escape(d["source"]))
    out.print(table)


@app.command()
def show(doc: str = typer.Argument(..., help="A document id, e.g. d3."), as_json: bool = JSON) -> None:
    """Show a document: its clean text, passage by passage, with what cleaning changed."""
    shown = _guarded(lambda: _with_store(lambda store: views.document(store, doc)))
    if as_json:
        _print_json(shown)
        return
    out.print(f"[bold]{escape(shown['title'])}[/bold]  ({shown['id']}, {escape(shown['source'])})")
    out.print(f"date: {escape(views.date_label(shown['date']))}   language: {shown['language']}   words: {shown['words']:,}")
    text = shown["text"]
    for p in shown["passages"]:
        page = f" p.{p['page']}" if p.get("page") else ""
        out.print(f"\n[dim][{p['n']}{page}][/dim] {escape(text[p['start']:p['end']])}")
    mended = [c for c in shown["changes"] if c["replacement"]]
    if mended:
        out.print("\n[bold]Mended[/bold]")
        for c in mended:
            out.print(f"  {escape(c['original'])!s} -> {escape(c['replacement'])}  ({escape(c['reason'])})")


@app.command()
def search(
    query: str = typer.Argument(..., help='Words, "phrases", AND/OR/NOT, prefix*.'),
    limit: int = typer.Option(10, "--limit", min=1, help="At most this many passages."),
    exact: bool = typer.Option(False, "--exact", help="Search the words as typed: no expansion of names to their other forms."),
    document: Optional[str] = typer.Option(None, "--document", help="Only in this document (an id such as d3)."),
    year_from: Optional[int] = typer.Option(None, "--from", help="Only passages stating a date in or after this year."),
    year_to: Optional[int] = typer.Option(None, "--to", help="Only passages stating a date in or before this year."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Only passages naming this entity (any alias)."),
    source_type: Optional[str] = typer.Option(None, "--source-type", help="Only sources read as text, html, pdf or ocr."),
    full_rank: bool = typer.Option(
        False, "--full-rank", help="Score every match with FTS5's BM25 (exact order; slow for common words in a large store)."
    ),
    by_meaning: bool = typer.Option(
        False, "--semantic", help="Also find passages by meaning (sentence embeddings, after `chronika embed`), fused with the words."
    ),
    as_json: bool = JSON,
) -> None:
    """Full-text search over the passages, best first, each hit with its citation."""

    def work(store: Store) -> SearchResult | semantic.SemanticResult:
        filters = SearchFilters(
            document=doc_number(document) if document else None,
            year_from=year_from,
            year_to=year_to,
            entity=views.resolve_name(store, entity) if entity else None,
            reader=source_type,
        )
        if by_meaning:
            return semantic.semantic_search(store, query, limit, exact=exact, filters=filters)
        return find(store, query, limit, exact=exact, filters=filters, full_rank=full_rank)

    result = _guarded(lambda: _with_store(work))
    if isinstance(result, semantic.SemanticResult) and result.unembedded:
        err.print(f"{result.unembedded:,} passages have no vector yet and were found by their words only: "
                  "run `chronika embed`", style="yellow")
    if isinstance(result, SearchResult) and result.approximate:
        err.print("ranked from the champion lists: every passage matches, but BM25 might order them otherwise "
                  "(--full-rank scores every match)", style="dim")
    if as_json:
        _print_json(result.to_json())
        return
    for expansion in result.expansions:
        if expansion.forms:
            without = f" (not: {escape('; '.join(expansion.excluded))})" if expansion.excluded else ""
            err.print(f"searched '{escape(expansion.term)}' as: {escape(' | '.join(expansion.forms))}{without}", style="dim")
        else:
            err.print(f"'{escape(expansion.term)}' may be any of {escape('; '.join(expansion.candidates))}: "
                      "not expanded (name one)", style="yellow")
    if not result.hits:
        out.print(f"No passage matches {escape(query)!r}.")
    for hit in result.hits:
        marked, pos = [], 0
        for s, e in hit.highlights:
            marked.append(escape(hit.text[pos:s]) + "[bold yellow]" + escape(hit.text[s:e]) + "[/bold yellow]")
            pos = e
        marked.append(escape(hit.text[pos:]))
        page = f", p. {hit.page}" if hit.page is not None else ""
        out.print(f"\n[bold]{escape(hit.title)}[/bold] [dim]({hit.document} passage {hit.passage}{page}, "
                  f"chars {hit.start}-{hit.end}, {escape(hit.source)})[/dim]")
        out.print("".join(marked))


@app.command()
def embed(as_json: bool = JSON) -> None:
    """Compute the sentence embeddings `search --semantic` needs, for the passages that have none yet."""

    def work(store: Store) -> semantic.Embedding:
        semantic.require()
        total = semantic.pending(store)
        if as_json or not err.is_terminal or not total:
            return semantic.embed_missing(store)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task("embedding passages", total=total)
            return semantic.embed_missing(store, progress=lambda n: bar.update(task, advance=n))

    done = _guarded(lambda: _with_store(work))
    if as_json:
        _print_json(done.to_json())
        return
    out.print(f"{done.embedded:,} passages embedded in {done.seconds:.1f} s; {done.vectors:,} vectors ({done.model}) "
              f"-> {escape(_State.db)}")


def main() -> None:
    app()


# The commands over extracted names, times and figures register themselves on `app`.
from chronika import cli_chronicle  # noqa: E402,F401
from chronika import cli_web  # noqa: E402,F401
