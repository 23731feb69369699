"""The `chronika` commands over the corpus itself: ingest, documents, show, search, embed.
Thin skins: parse, call the library, print."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from chronika import views
from chronika.cli.app import JSON, State, app, err, guarded, out, print_json, with_store
from chronika.query import semantic
from chronika.query.finding import SearchResult
from chronika.query.finding import search as find
from chronika.records.search import SearchFilters
from chronika.store import Store, open_store, shown
from chronika.store.documents import doc_number


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (read recursively)."),
    title: Optional[str] = typer.Option(None, "--title", help="Use this title instead of the one found."),
    date: Optional[str] = typer.Option(None, "--date", help="Use this date (YYYY-MM-DD) instead of the one found."),
    max_size: float = typer.Option(300, "--max-size", min=0, help="Skip a file larger than this many MB (0: no limit)."),
    max_seconds: float = typer.Option(
        1800, "--max-seconds", min=0,
        help="Stop reading a file after this many seconds (checked between pages and parts) and store what was read (0: no limit).",
    ),
    as_json: bool = JSON,
) -> None:
    """Read sources into the store; unchanged files are left alone, changed ones replaced."""

    # The readers and the NLP models load for this command only.
    from chronika.ingest.pipeline import MB, FileBudget
    from chronika.ingest.pipeline import ingest as run_ingest
    from chronika.ingest.pipeline import source_files

    budget = FileBudget(max_bytes=int(max_size * MB) or None, max_seconds=max_seconds or None)

    def work() -> dict[str, Any]:
        with open_store(State.db) as store:
            if as_json or not err.is_terminal:
                return run_ingest(store, paths, title=title, date=date, budget=budget).to_json()
            total = sum(1 for _ in source_files(paths))
            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("ingesting", total=total, rate="")
                words = 0
                last: Path | None = None

                def tick(path: Path, added: int) -> None:  # once per file, or per part of a long one
                    nonlocal words, last
                    words += added
                    elapsed = bar.tasks[0].elapsed or 1e-9
                    bar.update(task, advance=int(path != last), description=path.name[:30], rate=f"{words:,} words, {words / elapsed:,.0f} words/s")
                    last = path

                def page(path: Path, done: int, pages: int, how: str) -> None:  # each page a long PDF's reader reads
                    bar.update(task, description=f"reading {path.name[:24]}", rate=f"page {done:,} of {pages:,} ({how})")

                return run_ingest(store, paths, title=title, date=date, progress=tick, budget=budget,
                                  reading=page).to_json()

    report_ingest(guarded(work), as_json)


def report_ingest(summary: dict[str, Any], as_json: bool) -> None:
    """What an ingest (or a load) stored: notes on stderr, the summary, exit status 3 if it skipped any."""
    report_files(summary)
    if as_json:
        print_json(summary)
    else:
        out.print(
            f"{summary['documents_added']} added, {summary['documents_replaced']} replaced, "
            f"{summary['documents_unchanged']} unchanged, {len(summary['skipped'])} skipped "
            f"({summary['words']:,} words in {summary['seconds']:.1f} s) -> {escape(shown(State.db))}"
        )
    if summary["skipped"]:
        raise typer.Exit(3)


def report_files(summary: dict[str, Any]) -> None:
    """The files a batch ignored, skipped or warned about, on stderr."""
    for ignored in summary["ignored"]:
        err.print(f"ignored {escape(ignored)}: a folder's own notes, not a source (name the file to ingest it)", style="dim")
    for skipped in summary["skipped"]:
        err.print(f"skipped {escape(skipped['path'])}: {escape(skipped['reason'])}", style="yellow")
    for warning in summary["warnings"]:
        err.print(f"warning {escape(warning['path'])}: {escape(warning['reason'])}", style="yellow")


@app.command()
def documents(as_json: bool = JSON) -> None:
    """List the stored documents."""
    listed = guarded(lambda: with_store(views.documents))
    if as_json:
        print_json(listed)
        return
    table = Table("id", "title", "date", "words", "passages", "source")
    for d in listed:
        table.add_row(d["id"], escape(d["title"]), escape(views.date_label(d["date"])), f"{d['words']:,}",
                      str(d["passages"]), escape(d["source"]))
    out.print(table)


@app.command()
def show(doc: str = typer.Argument(..., help="A document id, e.g. d3."), as_json: bool = JSON) -> None:
    """Show a document: its clean text, passage by passage, with what cleaning changed."""
    shown = guarded(lambda: with_store(lambda store: views.document(store, doc)))
    if as_json:
        print_json(shown)
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

    result = guarded(lambda: with_store(work))
    if isinstance(result, semantic.SemanticResult) and result.unembedded:
        err.print(f"{result.unembedded:,} passages have no vector yet and were found by their words only: "
                  "run `chronika embed`", style="yellow")
    if isinstance(result, SearchResult) and result.approximate:
        err.print("ranked from the champion lists: every passage matches, but BM25 might order them otherwise "
                  "(--full-rank scores every match)", style="dim")
    if as_json:
        print_json(result.to_json())
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

    done = guarded(lambda: with_store(work))
    if as_json:
        print_json(done.to_json())
        return
    out.print(f"{done.embedded:,} passages embedded in {done.seconds:.1f} s; {done.vectors:,} vectors ({done.model}) "
              f"-> {escape(shown(State.db))}")
