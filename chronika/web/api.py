"""The JSON API under /api/: the same shapes as the CLI's `--json`, made by the same `chronika.views`
functions, so the two cannot drift apart."""

from __future__ import annotations

from typing import Any, Literal, Optional

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse, Response

from chronika import views
from chronika.query import semantic
from chronika.query.ask import ask as ask_question
from chronika.query.finding import search as find
from chronika.records.search import SearchFilters
from chronika.query.summary import required, summarize
from chronika.web import corrections, kept, lookup
from chronika.web.context import exported, exported_conflicts, exported_figures, open_store

router = APIRouter(prefix="/api", tags=["api"])

# The shapes are the README's; FastAPI only documents that each route answers JSON.
JSON_ANSWER: dict[int | str, dict[str, Any]] = {200: {"content": {"application/json": {}}}}


def _json(value: Any) -> JSONResponse:
    return JSONResponse(value)


@router.get("/search", response_class=JSONResponse, responses=JSON_ANSWER,
            summary="Full-text search: `search QUERY --limit N --exact --document D --from Y --to Y --entity NAME --source-type T"
                    " --full-rank --semantic --json`")
def search(
    request: Request,
    q: str = Query(..., description='Words, "phrases", AND/OR/NOT, prefix*; names match all their spellings.'),
    limit: int = Query(10, ge=1, le=1000),
    exact: bool = Query(False, description="Search the words as typed: no expansion of names."),
    document: Optional[str] = Query(None, description="Only in this document (an id such as d3)."),
    year_from: Optional[int] = Query(None, alias="from", description="Only passages stating a date in or after this year."),
    year_to: Optional[int] = Query(None, alias="to", description="Only passages stating a date in or before this year."),
    entity: Optional[str] = Query(None, description="Only passages naming this entity (any alias)."),
    source_type: Optional[str] = Query(None, description="Only sources read as text, html, pdf or ocr."),
    full_rank: bool = Query(False, description="Score every match with FTS5's BM25 (exact order; slow for common "
                                                "words in a large store)."),
    by_meaning: bool = Query(False, alias="semantic", description="Also find passages by meaning (sentence "
                             "embeddings, after `chronika embed`; needs chronika[semantic]), fused with the words."),
) -> JSONResponse:
    with open_store(request) as store:
        filters = SearchFilters(
            document=lookup.document_number(store, document) if document else None,
            year_from=year_from,
            year_to=year_to,
            entity=lookup.entity_id(store, entity) if entity else None,
            reader=source_type,
        )
        if by_meaning:
            return _json(semantic.semantic_search(store, q, limit, exact=exact, filters=filters).to_json())
        return _json(find(store, q, limit, exact=exact, filters=filters, full_rank=full_rank).to_json())


@router.get("/ask", response_class=JSONResponse, responses=JSON_ANSWER,
            summary="`ask QUESTION --limit N --summary --json`: sentences quoted verbatim from the sources, each cited")
def ask(request: Request, q: str = Query(..., description="A question: who, when, where, how many, why or what."),
        limit: int = Query(5, ge=1, le=100),
        summary: bool = Query(False, description="Also a summary by the language model $CHRONIKA_LLM_URL names, "
                                                 "every sentence citing the answers.")) -> JSONResponse:
    endpoint = required() if summary else None
    with open_store(request) as store:
        answered = ask_question(store, q, limit)
    if endpoint is not None:  # the model is asked with the store closed: it may take a while
        answered["summary"] = summarize(answered, endpoint)
    return _json(answered)


@router.get("/documents", response_class=JSONResponse, responses=JSON_ANSWER, summary="`documents --json`")
def documents(request: Request) -> JSONResponse:
    with open_store(request) as store:
        return _json(views.documents(store))


@router.get("/documents/{doc}", response_class=JSONResponse, responses=JSON_ANSWER, summary="`show DOC --json`")
def document(request: Request, doc: str) -> JSONResponse:
    with open_store(request) as store:
        return _json(lookup.document(store, doc))


@router.get("/entities", response_class=JSONResponse, responses=JSON_ANSWER, summary="`entities --type T --json`")
def entities(request: Request, type: Optional[Literal["person", "place", "org"]] = None) -> JSONResponse:  # noqa: A002
    with open_store(request) as store:
        return _json(views.entities(store, type))


@router.get("/entities/{name}", response_class=JSONResponse, responses=JSON_ANSWER,
            summary="`entity NAME --json` (an id, or any alias or spelling)")
def entity(request: Request, name: str) -> JSONResponse:
    with open_store(request) as store:
        lookup.entity_id(store, name)
        return _json(views.entity(store, name))


@router.get("/timeline", response_class=JSONResponse, responses=JSON_ANSWER,
            summary="`timeline --about NAME --from Y --to Y --json`")
def timeline(request: Request, about: Optional[str] = None,
             year_from: Optional[int] = Query(None, alias="from"),
             year_to: Optional[int] = Query(None, alias="to"),
             export: Optional[Literal["csv", "timelinejs"]] = Query(None, description="csv or timelinejs: a download instead"),
             all: bool = False) -> Response:  # noqa: A002
    """The events with a sure date unless `all=1`; the X-Timeline-Uncertain-Held-Back header says how many were held back."""
    with open_store(request) as store:
        subject = store.entity_names_by_id()[lookup.entity_id(store, about)] if about else None
        found = views.timeline(store, about, year_from, year_to)
    events = views.sure(found, all)
    answer = exported(events, export, "timeline", subject) if export else _json(events)
    answer.headers["X-Timeline-Uncertain-Held-Back"] = str(len(found) - len(events))
    return answer


@router.get("/figures", response_class=JSONResponse, responses=JSON_ANSWER, summary="`figures --about WORD --json`")
def figures(request: Request, about: Optional[str] = None, all: bool = False,  # noqa: A002
            export: Optional[Literal["csv", "json"]] = Query(None, description="csv or json: a download instead")) -> Response:
    """The sure figures unless `all=1`; the X-Figures-Uncertain-Held-Back header says how many were held back."""
    with open_store(request) as store:
        found = views.figures(store, about)
    shown = views.sure(found, all)
    answer = exported_figures(shown, export) if export else _json(shown)
    answer.headers["X-Figures-Uncertain-Held-Back"] = str(len(found) - len(shown))
    return answer


@router.get("/conflicts", response_class=JSONResponse, responses=JSON_ANSWER, summary="`conflicts --json`")
def conflicts(request: Request, all: bool = False,  # noqa: A002
              export: Optional[Literal["csv", "json"]] = Query(None, description="csv or json: a download instead")) -> Response:
    """The sure pairs unless `all=1`; the X-Conflicts-Uncertain-Held-Back header says how many were held back."""
    found = kept.conflicts(request)
    shown = views.sure(found, all)
    answer = exported_conflicts(shown, export) if export else _json(shown)
    answer.headers["X-Conflicts-Uncertain-Held-Back"] = str(len(found) - len(shown))
    return answer


class CorrectionIn(BaseModel):
    """A correction: merge names into one entity, split a name off an entity, or retype one."""

    kind: Literal["merge", "split", "retype"]
    names: list[str] = Field(description="merge: every name to join; split: the entity, then the name to split off; retype: the name")
    type: Optional[Literal["person", "place", "org"]] = Field(None, description="retype: the new type")


@router.post("/corrections", response_class=JSONResponse, responses=JSON_ANSWER,
             summary="`merge`/`split`/`retype --json`: record a correction, re-resolve, return the entity")
def correct(request: Request, body: CorrectionIn = Body(...)) -> JSONResponse:
    corrections.check_allowed(request, corrections.bearer(request))
    wanted = corrections.correction(body.kind, body.names, body.type)
    with open_store(request) as store:
        return _json(corrections.apply(store, wanted))
