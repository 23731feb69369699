"""The reading room in a real browser (Debian's Chromium driven by Playwright): search, open a
citation, follow an entity, zoom the timeline, merge two entities, at desktop and phone widths.
Screenshots go to test-artifacts/ for a person to look at."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest
import uvicorn

from chronika import views
from chronika.ingest.pipeline import ingest
from chronika.store import Store
from chronika.web import Settings, create_app
from conftest import EXAMPLES, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "examples.db"
    with Store(path) as store:
        ingest(store, [EXAMPLES])
    return path


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    """uvicorn over `db` on a free loopback port, in a thread."""
    port = _free_port()
    config = uvicorn.Config(create_app(Settings(str(db))), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the reading room's server did not start on 127.0.0.1")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    """The reading room over the examples, for the module's tests."""
    with _serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        pytest.fail(f"Playwright is not installed ({e}): pip install playwright (its driver is bundled)")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as e:  # the message says why Chromium would not start
            pytest.fail(f"Chromium at {CHROMIUM} could not be started: {e}")
        yield launched
        launched.close()


class Watched:
    """A page whose console errors and uncaught exceptions are collected."""

    def __init__(self, browser: Any, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("requestfailed", self._failed)

    def _failed(self, request: Any) -> None:
        # a request the browser dropped because the test went on to another page (the favicon of
        # a page left at once) is no failure of the page; every other failure is
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"request failed: {request.url} ({request.failure})")

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], self.errors


def _in_view(page: Any, selector: str) -> bool:
    return bool(page.eval_on_selector(
        selector, "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"))


def test_search_cite_entity_timeline(server: str, browser: Any, db: Path) -> None:
    w = Watched(browser, DESKTOP)
    page = w.page
    page.goto(server + "/")
    w.shot("desktop-home")
    page.fill("#quick-q", "Yezhov")
    page.press("#quick-q", "Enter")
    page.wait_for_selector("ol.hits mark")
    w.shot("desktop-search")

    # Open the first hit's citation: the cited words are marked and scrolled into view.
    link = page.locator("ol.hits .open a").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_selector("mark.cited")
    start, end = (int(x) for x in href.split("#c-")[1].split("-"))
    with Store(db) as store:
        text = views.document(store, href.split("/documents/")[1].split("#")[0])["text"]
    marked = page.eval_on_selector_all("mark.cited", "els => els.map(e => e.textContent).join('')")
    assert marked.replace("\n", " ") == text[start:end].replace("\n", " ")
    assert _in_view(page, "mark.cited")
    w.shot("desktop-document-cited")

    # A citation deeper in the same document: the page scrolls to it.
    page.locator("a.name").first.scroll_into_view_if_needed()
    name = page.locator("a.name").first
    entity_name = name.get_attribute("title")
    name.click()
    page.wait_for_selector("h1")
    assert entity_name in page.inner_text("h1")
    w.shot("desktop-entity")

    # The timeline: zoom in with the button, then open an item's citation by clicking it.
    page.goto(server + "/timeline")
    page.wait_for_selector(".vis-item")
    w.shot("desktop-timeline")
    before = page.evaluate("() => { const w = window.chronikaTimeline.getWindow(); return w.end - w.start; }")
    page.click("button[data-zoom=in]")
    page.wait_for_timeout(700)
    after = page.evaluate("() => { const w = window.chronikaTimeline.getWindow(); return w.end - w.start; }")
    assert after < before * 0.8
    page.hover("#timeline")
    page.keyboard.down("Control")
    page.mouse.wheel(0, -600)
    page.keyboard.up("Control")
    page.wait_for_timeout(500)
    w.shot("desktop-timeline-zoomed")
    # Down to days: the week of Kirov's murder, then back out to the whole span.
    page.evaluate("() => window.chronikaTimeline.setWindow('1934-11-28', '1934-12-09', {animation: false})")
    page.wait_for_timeout(500)
    assert page.locator(".vis-time-axis .vis-text.vis-minor", has_text="1").count() > 0
    w.shot("desktop-timeline-days")
    page.click("button[data-zoom=fit]")
    page.wait_for_timeout(700)
    page.evaluate("() => window.chronikaTimeline.setWindow('1934-11-28', '1934-12-09', {animation: false})")
    page.wait_for_timeout(500)
    page.locator(".vis-item:not(.cluster):not(.vis-background) .vis-item-content").first.click()
    page.wait_for_url("**/documents/**#c-*")
    page.wait_for_selector("mark.cited")
    assert _in_view(page, "mark.cited")
    w.close()


def test_merge_two_entities_on_the_entity_page(server: str, browser: Any, db: Path) -> None:
    with Store(db) as store:
        people = [e for e in views.entities(store, "person") if e["mentions"] >= 2]
    first, second = people[0], people[-1]
    w = Watched(browser, DESKTOP)
    page = w.page
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{server}/entities/{first['id']}")
    page.fill("#merge-other", second["name"])
    w.shot("desktop-entity-merge-form")
    page.click("form[data-confirm] fieldset:has(#merge-other) button[type=submit]")
    page.wait_for_url("**done=merge")
    assert "Merged." in page.inner_text("[role=status]")
    assert second["name"] in page.inner_text("#names")
    w.shot("desktop-entity-merged")
    w.close()


def test_phone_width(server: str, browser: Any, db: Path) -> None:
    with Store(db) as store:
        doc = views.documents(store)[0]["id"]
        events = views.timeline(store)
        person = views.entities(store, "person")[0]["id"]
    cited = events[0]["citation"]
    w = Watched(browser, PHONE)
    page = w.page
    for name, url in [("home", "/"), ("search", "/search?q=Stalin"), ("document", f"/documents/{doc}"),
                      ("cited", f"/documents/{cited['document']}#c-{cited['start']}-{cited['end']}"),
                      ("entity", f"/entities/{person}"), ("timeline", "/timeline"), ("figures", "/figures"),
                      ("conflicts", "/conflicts"), ("memory", "/memory")]:
        page.goto(server + url)
        page.wait_for_load_state("load")
        if name == "cited":
            page.wait_for_selector("mark.cited")
            assert _in_view(page, "mark.cited")
        if name == "timeline":
            page.wait_for_selector(".vis-item")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        w.shot(f"phone-{name}")
        assert overflow <= 1, f"{url} is wider than a phone ({overflow}px too wide)"
    w.close()


def test_timeline_clusters_dense_stretches_and_the_keyboard_opens_them(server: str, browser: Any) -> None:
    w = Watched(browser, DESKTOP)
    page = w.page
    page.goto(server + "/timeline")
    page.wait_for_selector(".vis-item")
    page.evaluate("() => window.chronikaTimeline.setWindow('1500-01-01', '2100-01-01', {animation: false})")
    page.wait_for_selector(".vis-item.cluster[tabindex='0']")
    w.shot("desktop-timeline-clusters")
    label = page.get_attribute(".vis-item.cluster[data-id]", "aria-label")
    count = int(label.split()[0])
    assert count > 5 and "choose to zoom in" in label
    before = page.evaluate("() => { const w = window.chronikaTimeline.getWindow(); return w.end - w.start; }")
    page.focus(".vis-item.cluster[data-id]")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    after = page.evaluate("() => { const w = window.chronikaTimeline.getWindow(); return w.end - w.start; }")
    assert after < before / 2
    assert f"{count} events of" in page.inner_text("#timeline-status")
    # Down to a day and no cluster is left: every event takes the focus and Enter opens its source.
    page.evaluate("() => window.chronikaTimeline.setWindow('1934-11-30', '1934-12-03', {animation: false})")
    page.wait_for_timeout(500)
    for _ in range(5):  # a cluster of events dated alike opens where it is
        if not page.locator(".vis-item.cluster[data-id]").count():
            break
        page.focus(".vis-item.cluster[data-id]")
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
    assert page.locator(".vis-item.cluster[data-id]").count() == 0
    event = page.locator(".vis-item[tabindex='0']:not(.cluster)").first
    assert "opens the source" in (event.get_attribute("aria-label") or "")
    event.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/**#c-*")
    page.wait_for_selector("mark.cited")
    w.close()


def test_a_citation_in_another_part_of_a_long_document_opens_that_part(browser: Any, tmp_path: Path) -> None:
    from test_web import _long_document

    db = _long_document(tmp_path)
    with Store(db) as store:
        late = views.document(store, "d1")["passages"][-3]
    with _serving(db) as url:
        w = Watched(browser, DESKTOP)
        page = w.page
        page.goto(f"{url}/documents/d1#c-{late['start']}-{late['end']}")  # the part is not in the link
        page.wait_for_url("**part=2#c-*")
        page.wait_for_selector("mark.cited")
        assert _in_view(page, "mark.cited")
        w.shot("desktop-document-second-part")
        page.goto(f"{url}/documents/d1?part=2#p-3")
        page.wait_for_url("**part=1#p-3")
        w.close()


AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"  # `make test` installs it (npm ci)


def test_no_serious_accessibility_violation_on_any_page(server: str, browser: Any, db: Path) -> None:
    """axe-core, from its npm package, on every page at desktop and phone widths."""
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed at {AXE}: npm ci --prefix tests/browser")
    with Store(db) as store:
        docs = {d["reader"]: d["id"] for d in views.documents(store)}
        person = views.entities(store, "person")[0]["id"]
    pages = ["/", "/search?q=Stalin", "/search?q=Stalin&year=1937", "/ask?q=When+was+Kirov+killed%3F", "/timeline",
             "/figures", "/conflicts", "/memory", "/entities", f"/entities/{person}",
             *(f"/documents/{d}" for d in docs.values())]
    found = []
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(viewport=viewport, bypass_csp=True)  # axe is injected as a script
        page = context.new_page()
        for path in pages:
            page.goto(server + path)
            page.evaluate(AXE.read_text(encoding="utf-8"))
            violations = page.evaluate(
                "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
            )
            found += [f"{viewport['width']}px {path}: {v}" for v in violations]
        context.close()
    assert found == []
