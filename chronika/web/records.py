"""The pages of one record: a document (its text with names, dates, figures and mended words
marked) and an entity (aliases, happenings, timeline, network, mentions, correction forms)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import RedirectResponse, Response

from chronika import views
from chronika.web import charts, corrections, lookup
from chronika.web.context import PER_PART, corpus_root, entity_href, open_store, part_of, render
from chronika.web.marks import document_marks
from chronika.web.markup import annotate, within
from chronika.web.originals import IMAGE_READERS

router = APIRouter(include_in_schema=False)
DONE = {"merge": "Merged.", "split": "Split off.", "retype": "Retyped."}


@router.get("/documents/{doc}")
def document(request: Request, doc: str, part: int = Query(1, ge=1)) -> Response:
    """A document's marked text; one of more than PER_PART passages is shown a part at a time,
    its contents and page jump leading to the part that holds each heading and page."""
    with open_store(request) as store:
        shown = lookup.document(store, doc)
        marks = document_marks(store, shown)
        root = corpus_root(d.source for d in store.documents())
    every = shown["passages"]
    parts = max(1, -(-len(every) // PER_PART))
    part = min(part, parts)
    first = (part - 1) * PER_PART
    starts = [m.start for m in marks]
    text = shown["text"]
    passages: list[dict[str, Any]] = []
    pages: list[dict[str, Any]] = []
    contents: list[dict[str, Any]] = []
    page = None
    for i, p in enumerate(every):
        new_page = p["page"] is not None and p["page"] != page
        page = p["page"] if p["page"] is not None else page
        in_part = part_of(i + 1)
        if new_page:
            pages.append({"n": page, "part": in_part})
        if p["kind"] == "heading" and len(contents) < 200:
            contents.append({"n": p["n"], "part": in_part, "text": text[p["start"]:p["end"]][:90]})
        if first <= i < first + PER_PART:
            pieces = annotate(text, p["start"], p["end"], within(marks, starts, p["start"], p["end"]))
            passages.append({**p, "pieces": pieces, "new_page": new_page})
    mended = [c for c in shown["changes"] if c["replacement"].strip()]
    spans = [[every[k * PER_PART]["start"], every[min(len(every), (k + 1) * PER_PART) - 1]["end"],
              every[k * PER_PART]["n"], every[min(len(every), (k + 1) * PER_PART) - 1]["n"]] for k in range(parts)] if every else []
    return render(request, "document.html", doc=shown, passages=passages, mended=mended,
                  dropped=len(shown["changes"]) - len(mended), root=root,
                  page_images=shown["reader"] in IMAGE_READERS, contents=contents, pages=pages,
                  part=part, parts=parts, spans=spans)


@router.get("/entities/{ref}")
def entity(request: Request, ref: str, done: str | None = None) -> Response:
    with open_store(request) as store:
        entity_id = lookup.entity_id(store, ref)
        if entity_id != ref:
            return RedirectResponse(entity_href(entity_id), status_code=307)
        shown = views.entity(store, entity_id)
        nodes, edges = charts.network(store, shown)
        others = [e.name for e in store.entities()[:500] if e.id != entity_id]
    return render(
        request, "entity.html", entity=shown, nodes=nodes, edges=edges, others=others, types=corrections.TYPES,
        items=charts.timeline_items(shown["events"]), precisions=charts.PRECISIONS,
        by_document=_by_document(shown["mentions"]), done=DONE.get(done or ""),
    )


def _by_document(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mentions grouped by the document they are in, in document order."""
    grouped: OrderedDict[str, dict[str, Any]] = OrderedDict()
    for m in mentions:
        cited = m["citation"]
        group = grouped.setdefault(cited["document"], {"document": cited["document"], "title": cited["title"], "mentions": []})
        group["mentions"].append(m)
    return list(grouped.values())


async def form_fields(request: Request) -> dict[str, str]:
    """A form's fields (application/x-www-form-urlencoded), the last value of each."""
    body = (await request.body()).decode("utf-8", "replace")
    return {k: v[-1] for k, v in parse_qs(body).items()}


@router.post("/entities/{ref}/corrections")
def correct(request: Request, ref: str, form: dict[str, str] = Depends(form_fields)) -> Response:
    """The entity page's forms (merge, split, retype): form fields in, the corrected entity's page out."""
    corrections.check_allowed(request, form.get("token") or corrections.bearer(request))
    kind = form.get("kind", "")
    with open_store(request) as store:
        this = lookup.entity_id(store, ref)  # an id: recorded as the entity's name by `corrections.apply`
        names = {"merge": [this, form.get("other", "")], "split": [this, form.get("name", "")]}.get(kind, [this])
        shown = corrections.apply(store, corrections.correction(kind, names, form.get("type")))
    return RedirectResponse(f"{entity_href(shown['id'])}?done={kind}", status_code=303)
