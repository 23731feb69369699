"""The reading room over HTTP, in process: every page and API route, the API's shapes against the
CLI's (`chronika.views`), escaping of untrusted text, error pages, and who may correct."""

from __future__ import annotations

import csv
import io
import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from chronika import views
from chronika.query import semantic
from chronika.query.ask import ask
from chronika.query.finding import search as find
from chronika.records.search import SearchFilters
from chronika.ingest.pipeline import ingest
from chronika.store import Store
from chronika.web import Settings, charts, create_app
from chronika.web.markup import Mark, annotate, plain
from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow

# Texts written for these tests: a hostile one, and two people of one surname ("Medvedev" is ambiguous).
HOSTILE = (
    "A hostile page\n\nThe page said <script>alert(1)</script> and <img src=x onerror=alert(2)> about "
    "Nikolai Bukharin, who was arrested in Moscow in February 1937 and shot on 15 March 1938.\n"
)
MISREAD = (  # one OCR misreading ("Boishevik") beside the name read right six times: cleaning mends it
    "The Bolshevik party\n\nThe Bolshevik leaders met in Petrograd. Every Bolshevik delegate voted. The Bolshevik "
    "press reported it. A Boishevik newspaper in Moscow printed the decree. Later the Bolshevik congress approved it, "
    "and Bolshevik members cheered.\n"
)
ROY = (
    "The historian Roy Medvedev\n\nRoy Medvedev wrote about the purges in Moscow in 1971. "
    "Medvedev had collected the memoirs of survivors for years.\n"
)
DMITRY = (
    "The president Dmitry Medvedev\n\nDmitry Medvedev spoke about the victims of the purges in Moscow on "
    "30 October 2009. Medvedev called the repressions a crime.\n"
)


def _json(value: Any) -> Any:
    """A view's value as it looks after a JSON round trip (tuples become lists)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made from the examples/ folder and the texts above (built once, then copied)."""
    folder = tmp_path_factory.mktemp("sources")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "misread.txt").write_text(MISREAD, encoding="utf-8")
    (folder / "roy.txt").write_text(ROY, encoding="utf-8")
    (folder / "dmitry.txt").write_text(DMITRY, encoding="utf-8")
    db = tmp_path_factory.mktemp("store") / "built.db"
    with Store(db) as store:
        summary = ingest(store, [EXAMPLES, folder])
    assert not summary.skipped, summary.skipped
    return db


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    """A private copy of the built store, for tests that change it."""
    copy = tmp_path / "c.db"
    shutil.copy(built, copy)
    return copy


def client_for(db: Path, host: str = "127.0.0.1", token: str | None = None) -> TestClient:
    return TestClient(create_app(Settings(str(db), host, token)), base_url="http://127.0.0.1",
                      raise_server_exceptions=False)


@pytest.fixture(scope="module")
def web(built: Path) -> Iterator[TestClient]:
    with client_for(built) as client:
        yield client


@pytest.fixture(scope="module")
def store(built: Path) -> Iterator[Store]:
    with Store(built) as opened:
        yield opened


def doc_id(store: Store, name: str) -> str:
    return next(d["id"] for d in views.documents(store) if d["source"].endswith(name))


def person(store: Store, name: str) -> dict[str, Any]:
    return views.entity(store, name)


class Text(HTMLParser):
    """Collects the text content of each element with data-start/data-end, and every link and attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.spans: list[tuple[int, int, str]] = []
        self.links: list[str] = []
        self.scripts: list[str] = []
        self._open: list[list[Any]] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "script" and found.get("src"):
            self.scripts.append(str(found["src"]))
        self._depth += 1
        if "data-start" in found:
            self._open.append([int(str(found["data-start"])), int(str(found["data-end"])), "", self._depth])

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][3] == self._depth:
            start, end, text, _ = self._open.pop()
            self.spans.append((start, end, text))
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        for span in self._open:
            span[2] += data


def parse(html: str) -> Text:
    parser = Text()
    parser.feed(html)
    return parser


# -- the API mirrors the CLI's --json shapes -------------------------------------------------------


def test_api_shapes_equal_the_cli_views(web: TestClient, store: Store) -> None:
    kirov = doc_id(store, "kirov-1934.txt")
    stalin = person(store, "Stalin")["id"]
    expected = {
        "/api/documents": views.documents(store),
        f"/api/documents/{kirov}": views.document(store, kirov),
        "/api/entities": views.entities(store),
        "/api/entities?type=person": views.entities(store, "person"),
        "/api/entities?type=place": views.entities(store, "place"),
        f"/api/entities/{stalin}": views.entity(store, stalin),
        "/api/timeline": [e for e in views.timeline(store) if e["confidence"] == "sure"],
        "/api/timeline?all=1": views.timeline(store),
        f"/api/timeline?about={stalin}&from=1900&to=1960": [
            e for e in views.timeline(store, stalin, 1900, 1960) if e["confidence"] == "sure"],
        "/api/figures": [f for f in views.figures(store) if f["confidence"] == "sure"],
        "/api/figures?all=1": views.figures(store),
        "/api/figures?about=shot&all=1": views.figures(store, "shot"),
        "/api/conflicts": [g for g in views.conflicts(store) if g["confidence"] == "sure"],
        "/api/conflicts?all=1": views.conflicts(store),
        "/api/search?q=Kirov&limit=3": find(store, "Kirov", 3).to_json(),
        "/api/search?q=Ezhov&exact=true": find(store, "Ezhov", exact=True).to_json(),
        f"/api/search?q=shot&document={kirov}&from=1930&to=1940": find(
            store, "shot", filters=SearchFilters(document=int(kirov[1:]), year_from=1930, year_to=1940)).to_json(),
        f"/api/search?q=shot&entity={stalin}": find(store, "shot", filters=SearchFilters(entity=stalin)).to_json(),
        "/api/ask?q=When+was+Kirov+murdered%3F": ask(store, "When was Kirov murdered?", 5),
        "/api/ask?q=How+many+people+were+shot%3F&limit=2": ask(store, "How many people were shot?", 2),
    }
    for url, value in expected.items():
        answer = web.get(url)
        assert answer.status_code == 200, url
        assert answer.headers["content-type"].startswith("application/json"), url
        assert answer.json() == _json(value), url
    assert expected["/api/timeline"] and expected["/api/figures"] and expected["/api/conflicts"]
    held = len(expected["/api/timeline?all=1"]) - len(expected["/api/timeline"])
    assert held, "the Katyn PDF's 'today' counts from a date only its metadata gives: an uncertain date"
    assert web.get("/api/timeline").headers["X-Timeline-Uncertain-Held-Back"] == str(held)


def test_api_entity_by_alias_and_citations_quote_the_text(web: TestClient, store: Store) -> None:
    stalin = person(store, "Stalin")
    for alias in stalin["aliases"]:
        if store.find_entities(alias) == [stalin["id"]]:
            assert web.get(f"/api/entities/{alias}").json()["id"] == stalin["id"]
    for event in web.get("/api/timeline").json():
        cited = event["citation"]
        assert cited["quote"] == views.document(store, cited["document"])["text"][cited["start"]:cited["end"]]


def test_openapi_describes_the_api_only(web: TestClient) -> None:
    schema = web.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/search", "/api/ask", "/api/documents", "/api/documents/{doc}", "/api/entities", "/api/entities/{name}",
            "/api/timeline", "/api/figures", "/api/conflicts", "/api/corrections"} <= paths
    assert all(p.startswith("/api/") for p in paths)
    assert web.get("/docs").status_code == 404  # Swagger UI would load from a CDN


# -- pages ------------------------------------------------------------------------------------------


def test_every_page_answers(web: TestClient, store: Store) -> None:
    kirov = doc_id(store, "kirov-1934.txt")
    stalin = person(store, "Stalin")["id"]
    for url in ["/", "/search", "/search?q=Kirov", "/ask", "/ask?q=When+was+Kirov+murdered%3F", f"/documents/{kirov}",
                f"/entities/{stalin}", "/entities", "/entities?type=place", "/timeline", f"/timeline?about={stalin}",
                "/timeline?from=1930&to=1940", "/figures", "/figures?about=shot", "/conflicts"]:
        answer = web.get(url)
        assert answer.status_code == 200, url
        assert answer.headers["content-type"].startswith("text/html"), url
        assert '<main id="main"' in answer.text and "<nav" in answer.text, url
        assert "http://" not in re.sub(r'href="http://127\.0\.0\.1[^"]*"', "", answer.text).replace("http://www.w3.org", ""), url


def test_home_shows_the_corpus_at_a_glance(web: TestClient, store: Store) -> None:
    page = web.get("/").text
    assert f"<strong>{len(views.documents(store))}</strong> documents" in page
    assert f"<strong>{len(views.entities(store, 'person'))}</strong> people" in page
    assert "<svg" in page and "/timeline?from=" in page
    assert person(store, "Stalin")["name"] in page


def test_search_highlights_facets_and_cites(web: TestClient, store: Store) -> None:
    page = web.get("/search?q=Yezhov").text
    hits = find(store, "Yezhov", 200).hits
    assert hits and "<mark>" in page
    for hit in hits[:3]:
        assert f'href="/documents/{hit.document}#c-{hit.start}-{hit.end}"' in page
        assert f'href="/search?q=Yezhov&amp;doc={hit.document}"' in page
    one = hits[0].document
    filtered = web.get(f"/search?q=Yezhov&doc={one}").text
    assert {d for d in re.findall(r'/documents/(d\d+)#c-', filtered)} == {one}


def test_api_search_full_rank_and_semantic_off(web: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """`full_rank` scores every match with FTS5 (the same order in a small store); `semantic`
    without the extra is refused with the reason, as the CLI refuses it."""
    plain = web.get("/api/search", params={"q": "Yezhov OR Kirov"}).json()
    assert plain and web.get("/api/search", params={"q": "Yezhov OR Kirov", "full_rank": "true"}).json() == plain
    monkeypatch.setattr(semantic, "available", lambda: False)
    answer = web.get("/api/search", params={"q": "Yezhov", "semantic": "true"})
    assert answer.status_code == 400 and "chronika[semantic]" in answer.text


def test_ask_quotes_answers_with_citations(web: TestClient, store: Store) -> None:
    page = web.get("/ask?q=When+was+Kirov+murdered%3F").text
    answered = ask(store, "When was Kirov murdered?", 5)
    assert answered["answers"], "the examples say when Kirov was murdered"
    for a in answered["answers"]:
        c = a["citation"]
        assert f'href="/documents/{c["document"]}#c-{c["start"]}-{c["end"]}"' in page
    nothing = web.get("/ask?q=Who+landed+on+the+moon+in+1969%3F")
    assert nothing.status_code == 200


def test_document_page_text_is_exact_and_marked(web: TestClient, store: Store) -> None:
    for name in ("kirov-1934.txt", "katyn-1940.pdf", "great-terror-scan.png", "ezhov-ru.txt"):
        ref = doc_id(store, name)
        shown = views.document(store, ref)
        page = web.get(f"/documents/{ref}").text
        parsed = parse(page)
        spans = sorted(parsed.spans)
        assert [(s, e) for s, e, _ in spans] == [(p["start"], p["end"]) for p in shown["passages"]], name
        for start, end, text in spans:
            assert text == shown["text"][start:end], (name, start)
        for p in shown["passages"]:
            assert f'id="p-{p["n"]}"' in page
        names = [h for h in parsed.links if h.startswith("/entities/")]
        assert names, f"no name linked in {name}"
        assert "/static/document.js" in parsed.scripts
    katyn = web.get(f"/documents/{doc_id(store, 'katyn-1940.pdf')}").text
    assert 'id="page-1"' in katyn and 'id="page-2"' in katyn
    kirov = web.get(f"/documents/{doc_id(store, 'kirov-1934.txt')}").text
    assert '<time class="date' in kirov and 'datetime="1934-12-01"' in kirov


def test_document_page_marks_figures_and_mended_words(web: TestClient, store: Store) -> None:
    pages = {d["id"]: web.get(f"/documents/{d['id']}").text for d in views.documents(store)}
    assert any('class="figure"' in page for page in pages.values())
    mended = 0
    for ref, page in pages.items():
        for change in views.document(store, ref)["changes"]:
            if change["start"] < change["end"] and re.search(r"\w", change["replacement"]) and change["original"] != change["replacement"]:
                assert f'data-original="{" ".join(change["original"].split())}"' in page
                assert f'<a href="#c-{change["start"]}-{change["end"]}"><code>{change["replacement"]}</code></a>' in page
                mended += 1
    assert mended, "the misread text has a mended word"
    page = pages[doc_id(store, "misread.txt")]
    assert re.search(r'<span class="mended" tabindex="0" data-original="Boishevik" aria-description="[^"]+">Bolshevik</span>', page)


def test_entity_page(web: TestClient, store: Store) -> None:
    shown = person(store, "Stalin")
    page = web.get(f"/entities/{shown['id']}").text
    for alias in shown["alias_sources"]:
        assert alias["name"] in page
        first = alias["first_seen"]
        assert f'/documents/{first["document"]}#c-{first["start"]}-{first["end"]}' in page
    for related in shown["related"][:5]:
        assert f'href="/entities/{related["id"]}"' in page
    assert 'id="timeline-items"' in page and "<svg" in page
    assert 'name="kind" value="merge"' in page and 'name="kind" value="split"' in page and 'name="kind" value="retype"' in page
    assert '<fieldset id="merge-set">' in page and '<fieldset id="retype-set">' in page  # open: a local server


def test_entity_by_alias_redirects_to_its_id(web: TestClient, store: Store) -> None:
    aliased = [(a, e["id"]) for e in views.entities(store) for a in e["aliases"] if store.find_entities(a) == [e["id"]]]
    assert aliased, "some entity has an alias of its own"
    for alias, entity_id in aliased[:5]:
        answer = web.get(f"/entities/{alias}", follow_redirects=False)
        assert answer.status_code == 307
        assert answer.headers["location"] == f"/entities/{quote(entity_id, safe='')}"


def test_timeline_page_items_and_colours(web: TestClient, store: Store) -> None:
    page = web.get("/timeline").text
    items = json.loads(re.search(r'<script type="application/json" id="timeline-items">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    events = [e for e in views.timeline(store) if e["confidence"] == "sure"]
    assert len(items) == len(events)
    for item, event in zip(items, events):
        assert item["className"] == f"precision-{event['date']['precision']}"
        assert item["href"] == f"/documents/{event['citation']['document']}#c-{event['citation']['start']}-{event['citation']['end']}"
    assert "/static/vendor/vis-timeline-graph2d.min.js" in page
    opened = re.search(r'id="timeline"[^>]* data-start="([\d-]+)" data-end="([\d-]+)"', page)
    assert opened is not None
    inside = [e for e in events if opened.group(1) <= e["date"]["start"] <= opened.group(2)]
    assert len(inside) >= 0.8 * len([i for i in items if i["type"] != "background"])


def test_the_timeline_page_holds_back_uncertain_dates_and_shows_them_on_request(web: TestClient, store: Store) -> None:
    uncertain = [e for e in views.timeline(store) if e["confidence"] == "uncertain"]
    assert uncertain, "the Katyn PDF's 'today' counts from a date only its metadata gives"
    page = web.get("/timeline").text
    assert f"{len(uncertain)} event{'s' if len(uncertain) != 1 else ''} whose date is uncertain" in page
    assert "all=1" in page and 'id="all"' in page
    quote = uncertain[0]["citation"]["quote"]
    shown = web.get("/timeline", params={"all": 1}).text
    assert html.escape(quote[:40]) in shown and html.escape(quote[:40]) not in page


def test_timeline_filters_and_downloads(web: TestClient, store: Store) -> None:
    document = views.timeline(store)[0]["citation"]["document"]
    page = web.get("/timeline", params={"doc": document, "precision": "day"}).text
    items = json.loads(re.search(r'id="timeline-items">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    assert items and all(i["where"].startswith(f"{document} ") and i["precision"] == "day" for i in items)
    assert web.get("/timeline", params={"precision": "week"}).status_code in (400, 422)
    csv_answer = web.get("/timeline", params={"doc": document, "precision": "day", "export": "csv"})
    assert csv_answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_answer.headers["content-disposition"]
    assert len(csv_answer.text.strip().splitlines()) == len(items) + 1
    slides = web.get("/api/timeline", params={"export": "timelinejs"}).json()
    assert len(slides["events"]) == len([e for e in views.timeline(store) if e["confidence"] == "sure"])
    assert len(web.get("/api/timeline", params={"export": "timelinejs", "all": 1}).json()["events"]) == len(views.timeline(store))
    assert web.get("/api/timeline", params={"export": "csv"}).text.startswith("date_start,date_end,precision")


def test_long_spans_are_bands_and_the_timeline_opens_where_events_are_dense() -> None:
    def event(start: str, end: str, precision: str) -> dict[str, Any]:
        return {"date": {"start": start, "end": end, "precision": precision, "text": start},
                "text": "t", "citation": {"document": "d1", "passage": 1, "start": 0, "end": 1}}

    events = [event(f"193{i % 8}-0{1 + i % 9}-01", f"193{i % 8}-0{1 + i % 9}-01", "day") for i in range(40)]
    events += [event("1900-01-01", "1933-12-31", "century"), event("1917-01-01", "1917-12-31", "year")]
    items = charts.timeline_items(events)
    assert items[40]["type"] == "background" and items[41]["type"] == "range" and items[0]["type"] == "point"
    window = charts.dense_window(events)
    assert window is not None and "1929" <= window[0] < "1930-02" and "1937" <= window[1] < "1938-12"


def test_the_home_chart_is_not_stretched_by_a_stray_date() -> None:
    starts = [f"{1930 + i % 10}-01-01" for i in range(200)] + ["1020-01-01"]
    bars = charts.histogram(starts)
    assert bars[0].first >= 1930 and charts.histogram_outside(starts) == 1


def test_figures_and_conflicts_pages(web: TestClient, store: Store) -> None:
    figures = web.get("/figures").text
    for f in views.figures(store)[:5]:
        assert f'#c-{f["citation"]["start"]}-{f["citation"]["end"]}' in figures
    conflicts = web.get("/conflicts?all=1").text
    groups = views.conflicts(store)
    assert "held back" in web.get("/conflicts").text or all(g["confidence"] == "sure" for g in groups)
    assert 'class="badge conflict"' in conflicts and 'class="badge corroborated"' in conflicts
    for group in groups:
        for claim in group["claims"]:
            assert f'#c-{claim["citation"]["start"]}-{claim["citation"]["end"]}' in conflicts


# -- untrusted text is shown escaped ---------------------------------------------------------------


def test_document_text_is_escaped_everywhere(web: TestClient, store: Store) -> None:
    ref = doc_id(store, "hostile.txt")
    for url in (f"/documents/{ref}", "/search?q=alert", "/ask?q=alert+script", "/timeline", "/figures"):
        page = web.get(url).text
        assert "<script>alert(1)" not in page and "<img src=x" not in page, url
    document = web.get(f"/documents/{ref}").text
    shown_text = "".join(text for _, _, text in parse(document).spans)
    assert "<script>alert(1)</script>" in shown_text and "<img src=x onerror=alert(2)>" in shown_text  # as text
    assert "&lt;script&gt;alert(" in document and "&lt;img src=x onerror=alert(" in document
    assert web.get("/search?q=<script>").status_code in (200, 400)
    assert "<script>" not in web.get("/search?q=%3Cscript%3Ealert(3)%3C/script%3E").text.replace('<script src=', '')


def test_pages_forbid_inline_scripts(web: TestClient) -> None:
    policy = web.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


# -- errors are plain pages ------------------------------------------------------------------------


def test_errors_are_plain_pages(web: TestClient) -> None:
    cases = {
        "/documents/d9999": 404, "/documents/nonsense": 404, "/entities/no-such-person-anywhere": 404,
        "/no/such/page": 404, '/search?q="unbalanced': 400, "/search?q=Kirov&limit=abc": 400,
        "/timeline?about=no-such-person-anywhere": 404, "/timeline?from=abc": 400,
    }
    for url, status in cases.items():
        answer = web.get(url)
        assert answer.status_code == status, url
        assert answer.headers["content-type"].startswith("text/html"), url
        assert "Traceback" not in answer.text and '<main id="main"' in answer.text, url


def test_api_errors_are_json(web: TestClient) -> None:
    for url, status in {"/api/documents/d9999": 404, "/api/entities/no-such-person-anywhere": 404,
                        '/api/search?q="unbalanced': 400, "/api/search": 400, "/api/nothing": 404}.items():
        answer = web.get(url)
        assert answer.status_code == status, url
        assert "detail" in answer.json(), url


def test_ambiguous_name_is_409_listing_the_candidates(web: TestClient, store: Store) -> None:
    found = store.find_entities("Medvedev")
    assert len(found) >= 2, "the test texts name two Medvedevs"
    page = web.get("/entities/Medvedev")
    assert page.status_code == 409
    for i in found:
        assert f'href="/entities/{i}"' in page.text
    api = web.get("/api/timeline?about=Medvedev")
    assert api.status_code == 409 and {c["id"] for c in api.json()["candidates"]} == set(found)


def test_a_crash_is_a_plain_500(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "conflicts", broken)
    with client_for(db) as client:  # a store of its own: no conflicts kept from another test
        for url in ("/conflicts", "/api/conflicts"):
            answer = client.get(url)
            assert answer.status_code == 500
            assert "secret internals" not in answer.text and "Traceback" not in answer.text


# -- corrections and who may make them ---------------------------------------------------------------


def _two_people(db: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    with Store(db) as opened:
        return person(opened, "Kirov"), person(opened, "Nikolaev")


def test_merge_split_retype_through_the_api(db: Path) -> None:
    kirov, nikolaev = _two_people(db)
    with client_for(db) as client:
        merged = client.post("/api/corrections", json={"kind": "merge", "names": [kirov["name"], nikolaev["name"]]})
        assert merged.status_code == 200, merged.text
        body = merged.json()
        assert set(body) == {"id", "name", "type", "aliases", "mention_count", "documents"}
        assert body["mention_count"] == kirov["mention_count"] + nikolaev["mention_count"]
        with Store(db) as opened:
            assert opened.find_entities(nikolaev["name"]) == [body["id"]]
        split = client.post("/api/corrections", json={"kind": "split", "names": [body["id"], nikolaev["name"]]})
        assert split.status_code == 200, split.text
        assert split.json()["name"] == nikolaev["name"]
        retyped = client.post("/api/corrections", json={"kind": "retype", "names": [kirov["name"]], "type": "place"})
        assert retyped.status_code == 200 and retyped.json()["type"] == "place"
        assert client.get(f"/api/entities/{retyped.json()['id']}").json()["type"] == "place"


def test_bad_corrections_are_refused(db: Path) -> None:
    kirov, _ = _two_people(db)
    with client_for(db) as client:
        for body, status in [
            ({"kind": "merge", "names": [kirov["name"]]}, 400),
            ({"kind": "explode", "names": ["a", "b"]}, 400),
            ({"kind": "retype", "names": [kirov["name"]], "type": "planet"}, 400),
            ({"kind": "merge", "names": [kirov["name"], "no-such-person-anywhere"]}, 404),
            ({"kind": "merge", "names": [kirov["name"], "Medvedev"]}, 409),
            ({"kind": "split", "names": [kirov["name"], "Koba"]}, 400),
        ]:
            answer = client.post("/api/corrections", json=body)
            assert answer.status_code == status, (body, answer.text)
        with Store(db) as opened:
            assert opened.corrections() == []


def test_merge_through_the_entity_form(db: Path) -> None:
    kirov, nikolaev = _two_people(db)
    with client_for(db) as client:
        answer = client.post(f"/entities/{kirov['id']}/corrections", data={"kind": "merge", "other": nikolaev["name"]},
                             follow_redirects=False)
        assert answer.status_code == 303
        assert answer.headers["location"].endswith("?done=merge")
        page = client.get(answer.headers["location"]).text
        assert "Merged." in page and nikolaev["name"] in page


def test_corrections_from_another_site_are_refused(db: Path) -> None:
    kirov, nikolaev = _two_people(db)
    with client_for(db) as client:
        answer = client.post(f"/entities/{kirov['id']}/corrections", data={"kind": "merge", "other": nikolaev["name"]},
                             headers={"Origin": "http://evil.example"})
        assert answer.status_code == 403
        assert client.get("/", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding


def test_elsewhere_without_a_token_is_read_only(db: Path) -> None:
    kirov, nikolaev = _two_people(db)
    with client_for(db, host="0.0.0.0") as client:
        answer = client.post("/api/corrections", json={"kind": "merge", "names": [kirov["name"], nikolaev["name"]]})
        assert answer.status_code == 403 and "read-only" in answer.json()["detail"]
        form = client.post(f"/entities/{kirov['id']}/corrections", data={"kind": "retype", "type": "place"})
        assert form.status_code == 403 and "read-only" in form.text
        page = client.get(f"/entities/{kirov['id']}").text
        assert '<fieldset id="merge-set" disabled>' in page and '<fieldset id="retype-set" disabled>' in page
    with Store(db) as opened:
        assert opened.corrections() == []


def test_elsewhere_with_a_token_needs_it(db: Path) -> None:
    kirov, nikolaev = _two_people(db)
    body = {"kind": "merge", "names": [kirov["name"], nikolaev["name"]]}
    with client_for(db, host="0.0.0.0", token="s3cret") as client:
        assert client.post("/api/corrections", json=body).status_code == 401
        assert client.post("/api/corrections", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert 'name="token" type="password"' in client.get(f"/entities/{kirov['id']}").text
        form = client.post(f"/entities/{kirov['id']}/corrections", data={"kind": "retype", "type": "org", "token": "s3cret"},
                           follow_redirects=False)
        assert form.status_code == 303
        ok = client.post("/api/corrections", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200


# -- files ------------------------------------------------------------------------------------------


def test_static_files_only_from_the_package(web: TestClient) -> None:
    assert web.get("/static/vendor/vis-timeline-graph2d.min.js").status_code == 200
    assert web.get("/static/chronika.css").status_code == 200
    for url in ("/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2F..%2Fpyproject.toml"):
        assert web.get(url).status_code == 404, url


def test_vendored_files_are_small_and_licensed() -> None:
    vendor = ROOT / "chronika" / "web" / "static" / "vendor"
    assert sum(p.stat().st_size for p in vendor.iterdir()) < 1_000_000
    assert (vendor / "LICENSE-vis-timeline.txt").read_text().count("MIT") >= 1
    for path in (ROOT / "chronika" / "web").rglob("*"):
        if path.suffix in (".html", ".js", ".css") and "vendor" not in path.parts:
            assert not re.search(r"(src|href)=[\"']?(https?:)?//", path.read_text()), f"{path} loads from elsewhere"


# -- the serve command --------------------------------------------------------------------------------


def test_serve_command(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from chronika.cli import app

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: served.update(app=application, **options))
    monkeypatch.delenv("CHRONIKA_TOKEN", raising=False)
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(built), "serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1" and served["port"] == 8123
    assert served["app"].state.settings.db == str(built)
    result = runner.invoke(app, ["--db", str(built), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0 and "warning" in result.stderr and "read-only" in result.stderr
    assert served["app"].state.settings.read_only
    monkeypatch.setenv("CHRONIKA_TOKEN", "t0k")
    runner.invoke(app, ["--db", str(built), "serve", "--host", "0.0.0.0"])
    assert served["app"].state.settings.token == "t0k" and not served["app"].state.settings.read_only
    missing = runner.invoke(app, ["--db", str(built.parent / "missing.db"), "serve"])
    assert missing.exit_code == 1 and "no store" in missing.stderr
    served.clear()
    unreachable = runner.invoke(app, ["--db", "postgresql://reader:s3cret@127.0.0.1:1/archive", "serve"])
    assert unreachable.exit_code == 1 and "cannot open the PostgreSQL store" in unreachable.stderr
    assert "s3cret" not in unreachable.stderr and not served  # said at once; the server never started


# -- the markup of a passage ----------------------------------------------------------------------------


def test_annotate_nests_marks_and_keeps_the_text() -> None:
    text = "On 1 December 1934 Sergei Kirov was shot in Leningrad."
    marks = [
        Mark(3, 18, "time", (("class", "date"),)),
        Mark(19, 31, "a", (("href", "/entities/kirov"),)),
        Mark(26, 31, "span", (("class", "mended"),), rank=2),        # nested inside the name
        Mark(15, 25, "span", (("class", "figure"),)),                # crosses two marks: left out
        Mark(19, 31, "a", (("href", "/entities/other"),)),           # a link inside a link: left out
        Mark(44, 53, "script", ()),                                   # not a tag a mark may become
    ]
    pieces = annotate(text, 0, len(text), marks)
    assert plain(pieces) == text
    tags = [p.tag for p in pieces if not isinstance(p, str)]
    assert tags == ["time", "a"]
    name = [p for p in pieces if not isinstance(p, str)][1]
    assert [c.tag for c in name.children if not isinstance(c, str)] == ["span"]
    assert plain(annotate(text, 19, 31, marks)) == "Sergei Kirov"


def test_memory_page_chart_opens_the_events_behind_each_bar(web: TestClient, store: Store) -> None:
    from chronika.views.memory import barometer, memory_events

    page = web.get("/memory")
    assert page.status_code == 200
    rows = barometer(store)
    hrefs = re.findall(r'<a href="(/memory\?by=period&amp;period=[^"]+&amp;direction=[^"]+&amp;level=[^"]+)"', page.text)
    assert hrefs, "every bar links to its events"
    opened = web.get(hrefs[0].replace("&amp;", "&"))
    assert opened.status_code == 200
    shown = [e for e in memory_events(store) if f'id="{e["id"]}"' in opened.text]
    assert shown and all(e["direction"] in hrefs[0] for e in shown)
    assert _json(web.get("/api/memory").json()) == _json(memory_events(store))
    assert _json(web.get("/api/barometer").json()) == _json(rows)


def test_a_query_too_long_to_read_is_refused_before_any_work(web: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronika.query import ask, finding

    def work(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a query too long to read was worked on")

    # what a search and a question do first: expand names, rank passages, read the question
    for module, name in ((finding, "expand"), (finding, "rank"), (ask, "teller"), (ask, "candidates")):
        monkeypatch.setattr(module, name, work)
    long = "Kirov " * 400  # 2,400 characters: once, a 20 KB query took the server 37 s
    for path in ("/search", "/api/search", "/api/ask", "/ask"):
        answer = web.get(path, params={"q": long})
        assert answer.status_code == 400 and "at most 1,000 are read" in answer.text, path


def test_a_request_past_its_time_budget_is_stopped_and_the_server_goes_on(built: Path) -> None:
    hasty = TestClient(create_app(Settings(str(built), budget=1e-9)), base_url="http://127.0.0.1",
                       raise_server_exceptions=False)
    for path in ("/api/search", "/search", "/api/ask"):
        stopped = hasty.get(path, params={"q": "Stalin OR Kirov OR Katyn"})
        assert stopped.status_code == 503 and "narrow it" in stopped.text, path
    with client_for(built) as patient:  # the default budget: the same request answers
        assert patient.get("/api/search", params={"q": "Stalin OR Kirov OR Katyn"}).status_code == 200
    with Store(built) as opened, opened.budget(None):
        assert opened.documents()


def test_search_pages_facets_and_downloads(web: TestClient, store: Store) -> None:
    everything = find(store, "Stalin", 200).hits
    assert len(everything) > 10, "the examples name Stalin in more than two pages of five passages"
    first = web.get("/search", params={"q": "Stalin", "limit": 5}).text
    second = web.get("/search", params={"q": "Stalin", "limit": 5, "page": 2}).text
    assert f"{len(everything)} passages match" in first and 'rel="next"' in first and 'rel="prev"' in second
    sixth = f'/documents/{everything[5].document}#c-{everything[5].start}-{everything[5].end}"'
    assert sixth in second and sixth not in first
    for heading in ("Documents", "Years stated", "Names", "Kinds of source"):
        assert f"<h3>{heading}</h3>" in first
    year = re.search(r'href="/search\?q=Stalin&amp;year=(\d{4})">\d{4}</a> <span class="count">(\d+)</span>', first)
    assert year is not None
    narrowed = web.get("/search", params={"q": "Stalin", "year": year.group(1)}).text
    assert f"{year.group(2)} passage" in narrowed and "Narrowed to" in narrowed
    rows = web.get("/search", params={"q": "Stalin", "export": "csv"})
    assert rows.headers["content-type"].startswith("text/csv") and len(rows.text.strip().splitlines()) == len(everything) + 1
    found = web.get("/search", params={"q": "Stalin", "export": "json"}).json()
    assert [r["start"] for r in found] == [h.start for h in everything]


def test_by_meaning_is_offered_only_where_it_works_and_ask_falls_back_to_its_words(web: TestClient, store: Store) -> None:
    if not store.vector_count(semantic.MODEL):
        assert 'name="semantic"' not in web.get("/search", params={"q": "Kirov"}).text
    page = web.get("/ask", params={"q": "What did the zeppelin pilots eat?"}).text
    assert "No sentence in the sources answers this question" in page
    assert "search?q=zeppelin%20OR%20pilots%20OR%20eat" in page


def test_originals_download_and_page_images_beside_the_text(web: TestClient, store: Store, tmp_path: Path) -> None:
    pdf = doc_id(store, "katyn-1940.pdf")
    original = web.get(f"/documents/{pdf}/original")
    assert original.status_code == 200 and original.content == (EXAMPLES / "katyn-1940.pdf").read_bytes()
    assert "attachment" in original.headers["content-disposition"]
    page = web.get(f"/documents/{pdf}")
    assert f'/documents/{pdf}/pages/1.png' in page.text and f'/documents/{pdf}/original' in page.text
    for _ in range(2):  # rendered once, then read from the cache
        image = web.get(f"/documents/{pdf}/pages/1.png")
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    scan = doc_id(store, "great-terror-scan.png")
    assert web.get(f"/documents/{scan}/pages/1.png").content.startswith(b"\x89PNG")
    text = doc_id(store, "kirov-1934.txt")
    assert web.get(f"/documents/{text}/pages/1.png").status_code == 404
    assert web.get(f"/documents/{pdf}/pages/99.png").status_code == 404
    changed = tmp_path / "note.txt"
    changed.write_text("Kirov was killed in 1934.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    with Store(db) as own:
        ingest(own, [changed], extract=False)
    changed.write_text("Kirov was killed in December 1934.\n", encoding="utf-8")
    with client_for(db) as client:
        answer = client.get("/documents/d1/original")
        assert answer.status_code == 404 and "has changed since d1 was ingested" in answer.text


def test_sources_are_shown_relative_to_the_corpus_and_pages_travel_compressed(web: TestClient, built: Path) -> None:
    home = web.get("/", headers={"Accept-Encoding": "gzip"})
    assert home.headers.get("content-encoding") == "gzip"
    assert '<td class="source">hostile.txt</td>' in home.text and str(built.parent.parent) not in home.text


def test_entities_are_filtered_sorted_and_paged(web: TestClient, store: Store) -> None:
    every = views.entities(store)
    first = web.get("/entities", params={"limit": 10}).text
    assert f"{len(every)} entities" in first and 'rel="next"' in first
    assert first.count('<tr><td><a href="/entities/') == 10
    by_name = web.get("/entities", params={"sort": "name", "limit": 1000}).text
    shown = re.findall(r'<tr><td><a href="/entities/[^"]+">([^<]+)</a>', by_name)
    assert shown == sorted(shown, key=str.casefold) and len(shown) == len(every)
    stalin = web.get("/entities", params={"name": "сталин"}).text  # any spelling: the Russian one too
    assert f'<tr><td><a href="/entities/{views.entity(store, "Stalin")["id"]}">' in stalin


def test_memory_shows_sure_events_and_all_1_adds_the_uncertain(web: TestClient, store: Store) -> None:
    from chronika.views.memory import memory_listing

    events, held = memory_listing(store)
    everything, _ = memory_listing(store, everything=True)
    answer = web.get("/api/memory")
    assert answer.headers["X-Memory-Uncertain-Held-Back"] == str(held["uncertain"])
    assert answer.headers["X-Memory-Undated"] == str(held["undated"])
    assert [e["id"] for e in answer.json()] == [e["id"] for e in events]
    assert all(e["confidence"] == "sure" and e["evidence"] for e in answer.json())
    assert [e["id"] for e in web.get("/api/memory?all=1").json()] == [e["id"] for e in everything]
    assert len(everything) == len(events) + held["uncertain"]
    page = web.get("/memory?all=1")
    assert page.status_code == 200 and 'name="all" value="1" checked' in page.text


def test_figures_show_the_sure_ones_and_say_what_they_held_back(web: TestClient, store: Store) -> None:
    every = views.figures(store)
    uncertain = [f for f in every if f["confidence"] != "sure"]
    assert all(f["evidence"] for f in every)
    assert all(not f["counted"] and f["unit"] is None and f["value"] < 1000 for f in uncertain)
    answer = web.get("/api/figures")
    assert answer.headers["X-Figures-Uncertain-Held-Back"] == str(len(uncertain))
    page = web.get("/figures").text
    assert (f"{len(uncertain)} uncertain figure" in page) == bool(uncertain)
    rows = web.get("/figures", params={"all": 1, "export": "csv"})
    assert rows.headers["content-type"].startswith("text/csv") and len(list(csv.DictReader(io.StringIO(rows.text)))) == len(every)


def test_barometer_scale_wraps_whole_period_names_and_keeps_every_stack_inside() -> None:
    from datetime import date

    from chronika.web import barometer

    rows = [  # invented tallies: the tallest stack (11) sets the scale, rounded up to a tick
        {"period": "The long first period", "start": "1924-01-01", "end": "1953-12-31",
         "de": {"state": 9, "society": 2}, "re": {"state": 1, "society": 0}},
        {"period": "Medvedev's presidency", "start": "2009-01-01", "end": "2012-12-31",
         "de": {"state": 0, "society": 0}, "re": {"state": 4, "society": 6}},
        {"period": "Since then", "start": "2014-01-01", "end": "2100-12-31",
         "de": {"state": 0, "society": 0}, "re": {"state": 0, "society": 0}},
    ]
    drawn = barometer.chart(rows, "period", everything=False, today=date(2026, 1, 1))
    assert drawn.top == 15 and [t.value for t in drawn.ticks] == [0, 5, 10, 15]
    first, second, third = drawn.periods
    assert [(s.level, s.n) for s in first.segments if s.direction == "de-stalinization"] == [("state", 9), ("society", 2)]
    society = next(s for s in first.segments if s.level == "society" and s.direction == "de-stalinization")
    assert society.offset == pytest.approx(9 / 15) and society.size == pytest.approx(2 / 15)
    assert all(s.offset + s.size <= 1 for p in drawn.periods for s in p.segments)
    assert " ".join(second.lines[:-1]) == "Medvedev's presidency" and second.lines[-1] == "2009–2012"
    assert third.years == "2014–" and third.segments == []
    one_year = barometer.chart([rows[0] | {"period": "1937", "start": "1937-01-01", "end": "1937-12-31"}], "year", False)
    assert one_year.periods[0].lines == ["1937"] and one_year.periods[0].narrow_lines == ["1937"]
    assert "period=Medvedev%27s+presidency&direction=re-stalinization&level=society" in second.segments[-1].href
    assert barometer.wrap("Putin's first terms", 12) == ["Putin's", "first terms"]
    assert barometer.wrap("Reconstruction", 5) == ["Reconstruction"]  # a long word is never cut
    assert [barometer.tick_step(n) for n in (0, 5, 6, 13, 120)] == [1, 1, 2, 5, 50]


def test_memory_page_draws_the_barometer_with_its_scale_legend_and_what_it_left_out(web: TestClient, store: Store) -> None:
    from chronika.views.memory import barometer_listing

    rows, left_out = barometer_listing(store)
    page = web.get("/memory").text
    wide = re.search(r'<svg class="barometer wide"[^>]* width="(\d+)" height="(\d+)".*?</svg>', page, re.S)
    assert wide is not None
    width, height = int(wide.group(1)), int(wide.group(2))
    rects = [(float(x), float(y), float(w), float(h)) for x, y, w, h in re.findall(
        r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', wide.group(0))]
    drawn = sum(1 for r in rows for key in ("de", "re") for level in ("state", "society") if r[key][level])
    assert len(rects) == drawn > 0
    assert all(y >= 0 and y + h <= height and x + w <= width for x, y, w, h in rects)
    assert 'class="tick">0</text>' in wide.group(0) and 'class="axis-title">events</text>' in wide.group(0)
    labels = re.findall(r'<text [^>]*class="label">(.*?)</text>', wide.group(0))
    names = [" ".join(re.findall(r'<tspan x="[\d.]+" dy="\d+">([^<]*)</tspan>', t)) for t in labels]  # the years apart
    assert names == [r["period"].replace("'", "&#39;") for r in rows]  # whole, never cut
    for r in rows:
        for key, direction in (("de", "de-stalinization"), ("re", "re-stalinization")):
            if r[key]["society"]:
                assert f'class="bar {direction} society"' in wide.group(0)
    assert '<svg class="barometer narrow"' in page and page.count('<rect x=') == 2 * drawn
    assert "<desc id=\"barometer-desc\">" in page and "<details class=\"chart-table\">" in page
    assert f"<strong>{left_out['undated']}</strong> undated event" in page
    assert f"<strong>{left_out['uncertain']}</strong> uncertain event" in page
    for key in ("de-Stalinization · state", "de-Stalinization · society", "re-Stalinization · state", "re-Stalinization · society"):
        assert f"</span> {key}</li>" in page


def test_conflicts_and_memory_download_what_their_pages_list(web: TestClient, store: Store) -> None:
    from chronika.views.memory import memory_listing

    found = views.conflicts(store)
    sure = [g for g in found if g["confidence"] == "sure"]
    for path in ("/api/conflicts", "/conflicts"):
        rows = web.get(path, params={"export": "csv"})
        assert rows.headers["content-type"].startswith("text/csv") and "conflicts.csv" in rows.headers["content-disposition"]
        read = list(csv.DictReader(io.StringIO(rows.text)))
        assert len(read) == sum(len(g["claims"]) for g in sure)
        assert [(r["subject"], r["value"]) for r in read] == [(g["subject"], c["value"]) for g in sure for c in g["claims"]]
        everything = web.get(path, params={"export": "json", "all": 1})
        assert _json(everything.json()) == _json(found) and "attachment" in everything.headers["content-disposition"]
    if sure:
        assert '<a href="/conflicts?export=csv" download>CSV</a>' in web.get("/conflicts").text
    events, held = memory_listing(store)
    every, _ = memory_listing(store, everything=True)
    answer = web.get("/api/memory", params={"export": "csv"})
    assert answer.headers["X-Memory-Uncertain-Held-Back"] == str(held["uncertain"])
    assert [r["id"] for r in csv.DictReader(io.StringIO(answer.text))] == [e["id"] for e in events]
    assert [r["id"] for r in csv.DictReader(io.StringIO(web.get("/api/memory?all=1&export=csv").text))] == [e["id"] for e in every]
    page = web.get("/memory").text
    assert '<a href="/memory?export=csv" download>CSV</a>' in page and '<a href="/memory?export=json" download>JSON</a>' in page
    if events:
        chosen = events[0]
        narrowed = web.get("/memory", params={"direction": chosen["direction"], "level": chosen["level"], "export": "json"}).json()
        assert chosen["id"] in [e["id"] for e in narrowed]
        assert all(e["direction"] == chosen["direction"] and e["level"] == chosen["level"] for e in narrowed)
    figures = web.get("/api/figures", params={"export": "json", "all": 1}).json()
    assert _json(figures) == _json(views.figures(store))


def _long_document(folder: Path) -> Path:
    """A store holding one invented document of 456 passages: a title, six chapter headings, 450 paragraphs."""
    lines = []
    for i in range(1, 451):
        if i % 100 == 1:
            lines.append(f"Chapter {i // 100 + 1}")
        lines.append(f"Paragraph {i} of an invented chronicle{', where the zeppelin lands' if i == 420 else ''}.")
    source = folder / "long.txt"
    source.write_text("A long invented chronicle\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "long.db"
    with Store(db) as own:
        ingest(own, [source], extract=False)
    return db


def test_a_long_document_is_shown_in_parts_with_contents_and_citations_leading_to_each(tmp_path: Path) -> None:
    from chronika.web.context import PER_PART, cite_href

    db = _long_document(tmp_path)
    with Store(db) as own:
        every = views.document(own, "d1")["passages"]
    assert len(every) > PER_PART
    with client_for(db) as client:
        first = client.get("/documents/d1").text
        assert first.count('<div class="passage') == PER_PART and f'id="p-{every[PER_PART]["n"]}"' not in first
        assert 'Part 1 of 2' in first and '<a href="?part=2" rel="next">Next part</a>' in first
        late = [p for p in every[PER_PART:] if p["kind"] == "heading"]
        assert late and f'<a href="?part=2#p-{late[0]["n"]}">' in first  # the contents reach the other part
        early = next(p for p in every if p["kind"] == "heading")
        assert f'<a href="#p-{early["n"]}">' in first
        second = client.get("/documents/d1", params={"part": 2}).text
        assert second.count('<div class="passage') == len(every) - PER_PART
        assert f'id="p-{every[PER_PART]["n"]}"' in second and 'rel="prev"' in second
        spans = json.loads(re.search(r'data-parts="([^"]+)"', second).group(1))  # type: ignore[union-attr]
        assert spans == [[every[0]["start"], every[PER_PART - 1]["end"], 1, PER_PART],
                         [every[PER_PART]["start"], every[-1]["end"], PER_PART + 1, len(every)]]
        assert client.get("/documents/d1", params={"part": 99}).text.count('<div class="passage') == len(every) - PER_PART
        found = client.get("/search", params={"q": "zeppelin", "doc": "d1"}).text  # find in the document
        assert re.search(r'href="/documents/d1\?part=2#c-\d+-\d+"', found)
    assert cite_href({"document": "d1", "passage": 3, "start": 5, "end": 9}) == "/documents/d1#c-5-9"
    assert cite_href({"document": "d1", "passage": PER_PART + 1, "start": 5, "end": 9}) == "/documents/d1?part=2#c-5-9"


def test_conflicts_are_compared_once_and_again_after_the_store_changes(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronika.web import kept

    calls = []
    compare = views.conflicts
    monkeypatch.setattr(kept.views, "conflicts", lambda store: calls.append(1) or compare(store))
    with client_for(db) as client:
        first = client.get("/api/conflicts?all=1").json()
        assert client.get("/conflicts").status_code == 200 and client.get("/api/conflicts?all=1").json() == first
        assert len(calls) == 1
        with Store(db) as own:
            name = views.entities(own, "person")[0]["name"]
        answer = client.post("/api/corrections", json={"kind": "retype", "names": [name], "type": "place"})
        assert answer.status_code == 200
        client.get("/conflicts")
        assert len(calls) == 2  # the store changed: compared again
