"""The `chronika` commands over what extraction found: entities, corrections, tagging, the
timeline, figures and conflicts. Thin, like `corpus.py`: parse, call the library, print."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from chronika import views
from chronika.cli.app import JSON, app, err, guarded, out, print_json, usage, with_store
from chronika.ingest.entities import check, correct
from chronika.records.entities import Correction
from chronika.store import Store

TYPES = ("person", "place", "org")


@app.command()
def entities(
    kind: Optional[str] = typer.Option(None, "--type", help="Only people, places or organisations: person|place|org."),
    as_json: bool = JSON,
) -> None:
    """List the people, places and organisations, most mentioned first."""
    if kind is not None and kind not in TYPES:
        usage(f"--type must be one of {', '.join(TYPES)}, not '{kind}'")
    listed = guarded(lambda: with_store(lambda store: views.entities(store, kind)))
    if as_json:
        print_json(listed)
        return
    table = Table("id", "name", "type", "mentions", "documents", "aliases")
    for e in listed:
        table.add_row(e["id"], escape(e["name"]), e["type"], str(e["mentions"]), str(e["documents"]),
                      escape(", ".join(e["aliases"][:6])))
    out.print(table)


@app.command()
def entity(name: str = typer.Argument(..., help="A name in any spelling or script, an alias, or an id."), as_json: bool = JSON) -> None:
    """Show one entity: aliases, mentions, related entities, events, what happened to it."""
    shown = guarded(lambda: with_store(lambda store: views.entity(store, name)))
    if as_json:
        print_json(shown)
        return
    out.print(f"[bold]{escape(shown['name'])}[/bold] ({shown['type']}, {shown['id']}): "
              f"{shown['mention_count']} mentions in {shown['documents']} documents")
    if shown["note"]:
        out.print(f"[yellow]{escape(shown['note'])}[/yellow]")
    if shown["aliases"]:
        out.print("also: " + escape(", ".join(shown["aliases"])))
    if shown["related"]:
        out.print("named with: " + escape(", ".join(f"{r['name']} ({r['count']})" for r in shown["related"])))
    for h in shown["happenings"][:20]:
        out.print(f"- {escape(h['text'])} [dim]({_where(h['citation'])})[/dim]")


def _where(cited: dict[str, Any]) -> str:
    page = f", p. {cited['page']}" if cited.get("page") else ""
    return f"{cited['document']} §{cited['passage']}{page}"


def _correct(correction: Correction, as_json: bool) -> None:
    def work(store: Store) -> dict[str, Any]:
        check(store, correction)  # nothing is recorded for a correction that cannot apply
        correct(store, correction)
        return views.entity(store, correction.names[-1] if correction.kind == "split" else correction.names[0])

    shown = guarded(lambda: with_store(work))
    if as_json:
        print_json({k: shown[k] for k in ("id", "name", "type", "aliases", "mention_count", "documents")})
    else:
        out.print(f"{escape(shown['name'])} ({shown['type']}, {shown['id']}): {shown['mention_count']} mentions; "
                  f"also {escape(', '.join(shown['aliases']) or '-')}")


@app.command()
def merge(names: list[str] = typer.Argument(..., help="Two or more names of what is one entity."), as_json: bool = JSON) -> None:
    """Merge entities into one; the correction is kept and re-applied after every ingest."""
    if len(names) < 2:
        usage("merge needs two names or more")
    _correct(Correction("merge", tuple(names)), as_json)


@app.command()
def split(
    name: str = typer.Argument(..., help="The entity (any of its names)."),
    variant: str = typer.Argument(..., help="The name to split off into an entity of its own."),
    as_json: bool = JSON,
) -> None:
    """Split a name off an entity; the correction is kept and re-applied after every ingest."""
    _correct(Correction("split", (name, variant)), as_json)


@app.command()
def retype(
    name: str = typer.Argument(..., help="The entity (any of its names)."),
    kind: str = typer.Argument(..., help="person, place or org."),
    as_json: bool = JSON,
) -> None:
    """Change an entity's type; the correction is kept and re-applied after every ingest."""
    if kind not in TYPES:
        usage(f"the type must be one of {', '.join(TYPES)}, not '{kind}'")
    _correct(Correction("retype", (name,), kind), as_json)


@app.command()
def tag(
    file: Path = typer.Argument(..., help="A file whose text is analysed exactly as given."),
    date: Optional[str] = typer.Option(None, "--date", help="The document's date (YYYY-MM-DD) for relative expressions."),
    as_json: bool = JSON,
) -> None:
    """Tag one text (dates in TIMEX3, entities, figures) without cleaning or storing it."""

    def work() -> dict[str, Any]:
        # Reading and tagging load the readers and the NLP models: only this command pays for them.
        from chronika.extract.build import stated_date
        from chronika.extract.read import read_path
        from chronika.extract.tag import tag as tag_text

        anchor = stated_date(date).start if date else None
        source = read_path(file)
        return tag_text(source.text, anchor)

    tagged = guarded(work)
    if as_json:
        print_json(tagged)
        return
    for kind in ("dates", "entities", "figures"):
        out.print(f"[bold]{kind}[/bold]")
        for item in tagged[kind]:
            extra = item.get("value") if kind == "dates" else item.get("type") if kind == "entities" else item.get("counted")
            out.print(f"  {item['start']}-{item['end']} {escape(item['text'])!s}  [dim]{escape(str(extra))}[/dim]")


@app.command()
def timeline(
    about: Optional[str] = typer.Option(None, "--about", help="Only events naming this entity (any alias or spelling)."),
    year_from: Optional[int] = typer.Option(None, "--from", help="From this year."),
    year_to: Optional[int] = typer.Option(None, "--to", help="To this year."),
    export: Optional[str] = typer.Option(None, "--export", help="Print as csv or timelinejs instead."),
    everything: bool = typer.Option(False, "--all", help="Also the events whose date is uncertain (counted from an uncertain date)."),
    as_json: bool = JSON,
) -> None:
    """Events in date order, each a dated sentence with its entities, its citation and how sure its
    date is. Sure dates only, unless --all; how many were held back goes to stderr."""
    if export not in (None, "csv", "timelinejs"):
        usage(f"--export is csv or timelinejs, not '{export}'")
    events = guarded(lambda: with_store(lambda store: views.timeline(store, about, year_from, year_to)))
    events = _sure_unless(everything, events, "event(s) whose date is uncertain")
    if export == "csv":
        typer.echo(views.timeline_csv(events), nl=False)
    elif export == "timelinejs":
        typer.echo(json.dumps(views.timeline_js(events), ensure_ascii=False))
    elif as_json:
        print_json(events)
    else:
        for e in events:
            out.print(f"[bold]{escape(e['date']['text'])}[/bold] [dim]{e['date']['start']}..{e['date']['end']} "
                      f"({_where(e['citation'])})[/dim] {escape(e['text'])}")


@app.command()
def figures(
    about: Optional[str] = typer.Option(None, "--about", help="Only figures whose counted words or sentence hold this word."),
    everything: bool = typer.Option(False, "--all", help="Also the uncertain figures (their sentence names nothing they count)."),
    as_json: bool = JSON,
) -> None:
    """Numbers the sources give, with their bounds, what they count and when. Sure figures only,
    unless --all; how many were held back goes to stderr."""
    found = guarded(lambda: with_store(lambda store: views.figures(store, about)))
    found = _sure_unless(everything, found, "uncertain figure(s) (nothing they count found, or a span of time that says not of what)")
    if as_json:
        print_json(found)
        return
    for f in found:
        when = f" ({f['date']['text']})" if f["date"] else ""
        out.print(f"[bold]{escape(f['text'])}[/bold] {escape(f['counted'] or '')}{escape(when)} "
                  f"[dim]{_where(f['citation'])}[/dim]")


@app.command()
def conflicts(
    everything: bool = typer.Option(False, "--all", help="Also the uncertain pairs (a subject only their documents' titles name)."),
    as_json: bool = JSON,
) -> None:
    """Where documents agree (corroborated) or disagree (conflict) about the same thing; conflicts
    first, each with why its claims were paired. Sure pairs only, unless --all."""
    found = guarded(lambda: with_store(views.conflicts))
    found = _sure_unless(everything, found, "uncertain pair(s) (a subject only a title names)")
    if as_json:
        print_json(found)
        return
    for group in found:
        style = "red" if group["status"] == "conflict" else "green"
        out.print(f"[{style}]{group['status']}[/{style}] {escape(group['subject'])}: {escape(group['attribute'])} "
                  f"[dim]({escape(group['reason'])})[/dim]")
        for claim in group["claims"]:
            out.print(f"   {escape(claim['value'])}: {escape(claim['text'])} [dim]({_where(claim['citation'])})[/dim]")


@app.command()
def ask(
    question: str = typer.Argument(..., help="A question: who, when, where, how many, why or what."),
    limit: int = typer.Option(5, "--limit", min=1, help="At most this many answers."),
    summary: bool = typer.Option(False, "--summary", help="Also a few sentences over the answers by your own "
                                 "language model, each citing them ($CHRONIKA_LLM_URL, $CHRONIKA_LLM_MODEL)."),
    as_json: bool = JSON,
) -> None:
    """Answer a question with sentences quoted verbatim from the sources, each cited."""
    from chronika.query.ask import ask as ask_question  # its word lists load for this command only
    from chronika.query.summary import required, summarize

    endpoint = guarded(required) if summary else None
    answered = guarded(lambda: with_store(lambda store: ask_question(store, question, limit)))
    if endpoint is not None:
        answered["summary"] = summarize(answered, endpoint)
        _warn_summary(answered["summary"])
    if as_json:
        print_json(answered)
        return
    if answered.get("summary", {}).get("sentences"):
        _print_summary(answered["summary"])
    if not answered["answers"]:
        out.print(answered["note"])
    for n, a in enumerate(answered["answers"], 1):
        out.print(f"{escape(f'[{n}]')} {escape(a['text'])} [dim]({_where(a['citation'])}, {escape(a['citation']['title'])})[/dim]")


def _warn_summary(summary: dict[str, Any]) -> None:
    """Why the summary failed, and each sentence dropped for its citations, on stderr."""
    if summary["error"]:
        err.print(f"chronika: no summary: {escape(summary['error'])}; the answers follow", style="red")
    for d in summary["dropped"]:
        err.print(f"chronika: dropped from the summary, as {escape(d['reason'])}: {escape(d['text'])}", style="yellow")


def _print_summary(summary: dict[str, Any]) -> None:
    out.print(f"[bold]Summary[/bold] [dim](by {escape(summary['model'])}, not quoted: each sentence cites the "
              f"numbered answers below)[/dim]")
    for s in summary["sentences"]:
        out.print(escape(s["text"]))
    out.print()


@app.command()
def memory(
    year_from: Optional[int] = typer.Option(None, "--from", help="From this year."),
    year_to: Optional[int] = typer.Option(None, "--to", help="To this year."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only events of this kind (statement, monument, poll, ...)."),
    everything: bool = typer.Option(False, "--all", help="Also the uncertain events."),
    export: Optional[str] = typer.Option(None, "--export", help="Print as csv instead."),
    as_json: bool = JSON,
) -> None:
    """Memory events in date order: how the terror is remembered or forgotten, each with its cues.
    Sure events only, unless --all; how many were held back, and how many are undated, goes to stderr."""
    if export not in (None, "csv"):
        usage(f"--export is csv, not '{export}'")
    events, held = guarded(lambda: with_store(lambda store: views.memory_listing(store, year_from, year_to, kind, everything)))
    if export == "csv":
        typer.echo(views.memory_csv(events), nl=False)
    elif as_json:
        print_json(events)
    else:
        for e in events:
            when = e["date"]["text"] if e["date"] else "undated"
            mark = "" if e["confidence"] == "sure" else " [italic](uncertain)[/italic]"
            out.print(f"[bold]{escape(when)}[/bold]{mark} {e['kind']} · {e['direction']} · {e['level']} "
                      f"[dim]{e['id']} ({_where(e['citation'])}) cues: {escape('; '.join(e['cues']))}[/dim]\n  {escape(e['text'])}")
    if held["uncertain"]:
        err.print(f"held back {held['uncertain']} uncertain memory event(s); --all shows them")
    if held["undated"]:
        err.print(f"{held['undated']} of the events shown are undated (listed last)")


@app.command()
def barometer(
    by: str = typer.Option("period", "--by", help="year, decade or period."),
    periods: Optional[str] = typer.Option(None, "--periods", help='Your own periods: "Thaw:1954-1964,Perestroika:1985-1991".'),
    everything: bool = typer.Option(False, "--all", help="Also count the uncertain events."),
    as_json: bool = JSON,
) -> None:
    """De- and re-Stalinization signals per period, by level (state, society), and the polls.
    Sure events only, unless --all; undated events are left out and counted on stderr."""
    rows, held = guarded(lambda: with_store(lambda store: views.barometer_listing(store, by, periods, everything)))
    if as_json:
        print_json([{k: v for k, v in row.items() if k != "events"} | {"events": row["events"]} for row in rows])
    else:
        table = Table("period", "de: state", "de: society", "re: state", "re: society", "ambivalent", "uncertain", "polls")
        for row in rows:
            table.add_row(escape(row["period"]), str(row["de"]["state"]), str(row["de"]["society"]), str(row["re"]["state"]),
                          str(row["re"]["society"]), str(row["ambivalent"]), str(row["uncertain"]),
                          escape(", ".join(p["text"] for p in row["polls"])))
        out.print(table)
    if held["uncertain"]:
        err.print(f"held back {held['uncertain']} uncertain memory event(s); --all counts them")
    if held["undated"]:
        err.print(f"left out {held['undated']} undated memory event(s): a bar needs a date")


@app.command()
def reclassify(
    event: str = typer.Argument(..., help="A memory event's id, as `chronika memory` shows it (e.g. d1:2259)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="The kind it is."),
    direction: Optional[str] = typer.Option(None, "--direction", help="de-stalinization, re-stalinization or ambivalent."),
    level: Optional[str] = typer.Option(None, "--level", help="state or society."),
    as_json: bool = JSON,
) -> None:
    """Correct a memory event's kind, direction or level; kept and re-applied after every ingest."""
    fixed = guarded(lambda: with_store(lambda store: views.reclassify(store, event, kind, direction, level)))
    if as_json:
        print_json(fixed)
    else:
        out.print(f"{fixed['id']}: {fixed['kind']} · {fixed['direction']} · {fixed['level']}")


def _sure_unless(everything: bool, found: list[dict[str, Any]], what: str) -> list[dict[str, Any]]:
    """Every item with --all; else the sure ones, saying on stderr how many `what` were held back."""
    sure = views.sure(found, everything)
    if len(sure) < len(found):
        err.print(f"held back {len(found) - len(sure)} {what}; --all shows them")
    return sure
