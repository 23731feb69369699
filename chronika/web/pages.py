"""The corpus pages: at a glance, search, ask, timeline, figures, conflicts, the list of entities."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal, Optional

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from chronika import views
from chronika.query import semantic
from chronika.query.ask import ask as ask_question
from chronika.query.ask_question import search_words
from chronika.errors import QueryError, UsageError
from chronika.query.finding import search as find
from chronika.records.search import SearchFilters
from chronika.query.summary import required, summarize
from chronika.web import charts, kept, lookup
from chronika.views.facets import search_facets
from chronika.web.context import corpus_root, exported, exported_conflicts, exported_figures, exported_hits, open_store, render

router = APIRouter(include_in_schema=False)
TYPE_NAMES = {"person": "People", "place": "Places", "org": "Organisations"}
FACETED = 200  # hits counted for the by-document facets


@router.get("/")
def home(request: Request) -> Response:
    with open_store(request) as store:
        counts = {kind: len(store.entities(kind)) for kind in TYPE_NAMES}
        events = store.events()
        bars = charts.histogram(e.date_start for e in events)
        span = (str(bars[0].first), str(bars[-1].last)) if bars else None  # where nearly all of them are
        documents = views.documents(store)
        return render(
            request, "home.html", documents=documents, counts=counts, type_names=TYPE_NAMES,
            root=corpus_root(d["source"] for d in documents),
            span=span, bars=bars, events=len(events),
            outside=charts.histogram_outside(e.date_start for e in events),
            people=store.entities("person")[:12],
        )


@router.get("/search")
def search(request: Request, q: str = "", doc: Optional[str] = None, exact: bool = False,
           limit: int = Query(20, ge=1, le=200), page: int = Query(1, ge=1),
           year: Optional[int] = None, entity: Optional[str] = None, source_type: Optional[str] = None,
           meaning: bool = Query(False, alias="semantic"), export: Optional[Literal["csv", "json"]] = None) -> Response:
    """Passages by their words (or also by meaning, where the semantic extra and vectors are
    there), a page at a time, with facets (documents, years, entities, kinds of source) that
    narrow them; `export` downloads the passages found (up to FACETED) as CSV or JSON."""
    shown: dict[str, Any] = {"q": q, "exact": exact, "meaning": meaning, "doc": doc,
                             "year": year, "entity": entity, "source_type": source_type, "page": page, "limit": limit}
    with open_store(request) as store:
        # "by meaning" is offered only where it works: the extra installed and passages embedded
        shown["semantic"] = semantic.available() and store.vector_count(semantic.MODEL) > 0
        if not q.strip():
            return render(request, "search.html", **shown | {"q": ""}, hits=[], facets={})
        filters = SearchFilters(
            document=lookup.document_number(store, doc) if doc else None, year_from=year, year_to=year,
            entity=lookup.entity_id(store, entity) if entity else None, reader=source_type,
        )
        narrowed = filters != SearchFilters()
        try:
            found = find(store, q, FACETED, exact=exact, filters=filters if narrowed else None)
            if meaning:
                hits = semantic.semantic_search(store, q, limit, exact=exact, filters=filters if narrowed else None).hits
            else:
                hits = found.hits[(page - 1) * limit : page * limit]
        except (QueryError, UsageError) as e:
            return render(request, "search.html", status_code=400, **shown, hits=[], facets={}, error=str(e))
        if export:
            return exported_hits(found.hits, export)
        names = store.entity_names_by_id()
        return render(request, "search.html", **shown, hits=hits, total=len(found.hits),
                      expansions=found.expansions, names=names, most=FACETED,
                      entity_name=names.get(filters.entity or "", entity), facets=search_facets(store, found.hits),
                      pages=max(1, -(-len(found.hits) // limit)) if not meaning else 1)


@router.get("/ask")
def ask(request: Request, q: str = "", limit: int = Query(5, ge=1, le=50), summary: bool = False) -> Response:
    if not q.strip():
        return render(request, "ask.html", q="", answered=None, summary=summary)
    endpoint = required() if summary else None
    with open_store(request) as store:
        answered, names = ask_question(store, q, limit), store.entity_names_by_id()
    if endpoint is not None:  # the model is asked with the store closed: it may take a while
        answered["summary"] = summarize(answered, endpoint)
    return render(request, "ask.html", q=q, answered=answered, names=names, summary=summary, words=search_words(q))


@router.get("/timeline")
def timeline(request: Request, about: Optional[str] = None,
             year_from: Optional[int] = Query(None, alias="from"), year_to: Optional[int] = Query(None, alias="to"),
             doc: Optional[str] = None, precision: Optional[str] = Query(None, pattern="^(" + "|".join(charts.PRECISIONS) + ")$"),
             export: Optional[Literal["csv", "timelinejs"]] = None, all: bool = False) -> Response:  # noqa: A002
    """The timeline, filtered on the page by entity, document, precision and years, the events
    with a sure date unless `all=1` (saying how many it held back); `export` downloads what it
    shows as CSV or TimelineJS JSON."""
    with open_store(request) as store:
        subject = None
        if about:
            subject = store.entity_names_by_id()[lookup.entity_id(store, about)]
        events = views.timeline(store, about, year_from, year_to)
        if doc:
            lookup.document_number(store, doc)
            events = [e for e in events if e["citation"]["document"] == doc]
        if precision:
            events = [e for e in events if e["date"]["precision"] == precision]
        shown = views.sure(events, all)
        held, events = len(events) - len(shown), shown
        if export:
            return exported(events, export, "timeline", subject)
        return render(request, "timeline.html", about=about, subject=subject, year_from=year_from, year_to=year_to,
                      doc=doc, precision=precision, documents=views.documents(store), events=events,
                      everything=all, held=held,
                      items=charts.timeline_items(events), window=charts.dense_window(events),
                      precisions=charts.PRECISIONS)


@router.get("/figures")
def figures(request: Request, about: Optional[str] = None, all: bool = False,  # noqa: A002
            export: Optional[Literal["csv", "json"]] = None) -> Response:
    """The figures, the sure ones unless `all=1` (saying how many it held back); `export`
    downloads what the page lists as CSV or JSON."""
    with open_store(request) as store:
        found = views.figures(store, about)
    shown = views.sure(found, all)
    if export:
        return exported_figures(shown, export)
    return render(request, "figures.html", about=about, figures=shown, everything=all,
                  held=len(found) - len(shown))


@router.get("/conflicts")
def conflicts(request: Request, all: bool = False,  # noqa: A002
              export: Optional[Literal["csv", "json"]] = None) -> Response:
    """Conflicts and corroborations, the sure ones unless `all=1` (saying how many it held back);
    `export` downloads what the page lists as CSV (a row a claim) or JSON."""
    found = kept.conflicts(request)
    groups = views.sure(found, all)
    if export:
        return exported_conflicts(groups, export)
    return render(request, "conflicts.html", groups=groups, tally=Counter(g["status"] for g in groups),
                  held=len(found) - len(groups), everything=all)


@router.get("/entities")
def entities(request: Request, type: Optional[Literal["person", "place", "org"]] = None,  # noqa: A002
             name: str = "", sort: Literal["mentions", "documents", "name"] = "mentions",
             page: int = Query(1, ge=1), limit: int = Query(100, ge=10, le=1000)) -> Response:
    """The entities of a type, filtered by a part of any of their names, sorted, a page at a time."""
    with open_store(request) as store:
        found = views.entities(store, type)
    wanted = name.casefold().strip()
    if wanted:
        found = [e for e in found if any(wanted in n.casefold() for n in [e["name"], *e["aliases"]])]
    if sort == "name":
        found.sort(key=lambda e: e["name"].casefold())
    elif sort == "documents":
        found.sort(key=lambda e: (-e["documents"], -e["mentions"], e["name"].casefold()))
    pages = max(1, -(-len(found) // limit))
    return render(request, "entities.html", kind=type, type_names=TYPE_NAMES, total=len(found), name=name, sort=sort,
                  page=min(page, pages), pages=pages, limit=limit,
                  entities=found[(min(page, pages) - 1) * limit : min(page, pages) * limit])
