"""`ask --summary`: a model's sentences over the answers, kept only when they cite the answers.

A stand-in OpenAI-compatible server (http.server on 127.0.0.1, a free port) answers each test with
the completion it sets and records every request it received; nothing leaves the machine."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from chronika.cli import app
from chronika.errors import UsageError
from chronika.ingest.pipeline import ingest
from chronika.store import Store
from chronika.query.summary import KEY, MODEL, NOTHING, TIMEOUT, URL, Endpoint, configured, summarize
from chronika.web import Settings, create_app
from conftest import EXAMPLES

MODEL_NAME = "stand-in-7b"
# Answers as `ask` gives them, written by hand: three sentences, each with its own citation.
ANSWERS = [
    {"text": "Blyukher was arrested in Moscow on 22 October 1938.", "score": 0.9,
     "citation": {"document": "d1", "title": "Marshal Blyukher", "source": "blyukher.txt", "passage": 2,
                  "start": 70, "end": 121, "quote": "Blyukher was arrested in Moscow on 22 October 1938."}},
    {"text": "He died in Lefortovo Prison on 9 November 1938 after weeks of interrogation.", "score": 0.8,
     "citation": {"document": "d1", "title": "Marshal Blyukher", "source": "blyukher.txt", "passage": 2,
                  "start": 122, "end": 198, "quote": "He died in Lefortovo Prison on 9 November 1938 after weeks of interrogation."}},
    {"text": "Nikolai Yezhov signed NKVD order No. 00447 on 30 July 1937.", "score": 0.7,
     "citation": {"document": "d3", "title": "The order", "source": "yezhov.txt", "passage": 2,
                  "start": 11, "end": 70, "quote": "Nikolai Yezhov signed NKVD order No. 00447 on 30 July 1937."}},
]
ANSWERED = {"question": "What happened to Blyukher?", "type": "what", "answers": ANSWERS, "expansions": [], "note": None}


@dataclass
class StandIn:
    """What the stand-in server answers next (status, body, seconds to wait first) and what it was sent."""

    url: str = ""
    status: int = 200
    body: bytes = b""
    delay: float = 0.0
    received: list[dict[str, Any]] = field(default_factory=list)

    def completes(self, content: str) -> None:
        self.status, self.body = 200, json.dumps({
            "id": "chatcmpl-1", "object": "chat.completion", "model": MODEL_NAME,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        }).encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stand_in: StandIn


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        stand_in = self.server.stand_in
        body = self.rfile.read(int(self.headers["Content-Length"]))
        stand_in.received.append({"path": self.path, "headers": dict(self.headers), "body": json.loads(body)})
        if self.path != "/v1/chat/completions":
            self._answer(404, b'{"error": "not found"}')
            return
        threading.Event().wait(stand_in.delay)
        self._answer(stand_in.status, stand_in.body)

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Quiet: the tests read what the server received, not its log."""


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.stand_in = StandIn(url=f"http://127.0.0.1:{server.server_address[1]}/v1")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.stand_in
    server.shutdown()
    server.server_close()


def _endpoint(stand_in: StandIn, key: str | None = None, timeout: float = 10.0) -> Endpoint:
    return Endpoint(stand_in.url, MODEL_NAME, key, timeout)


def test_sentences_citing_the_answers_are_kept_with_their_citations(stand_in: StandIn) -> None:
    stand_in.completes("Blyukher was arrested in Moscow in October 1938 [1]. "
                       "He died in Lefortovo Prison that November. [2]\n"
                       "Yezhov had signed order No. 00447 in 1937 [3, 1].")
    summary = summarize(ANSWERED, _endpoint(stand_in))
    assert summary["error"] is None and summary["dropped"] == [] and summary["note"] is None
    assert [s["text"] for s in summary["sentences"]] == [
        "Blyukher was arrested in Moscow in October 1938 [1].",
        "He died in Lefortovo Prison that November [2].",
        "Yezhov had signed order No. 00447 in 1937 [3, 1].",
    ]
    assert [s["answers"] for s in summary["sentences"]] == [[1], [2], [1, 3]]
    assert [s["citations"] for s in summary["sentences"]] == [
        [ANSWERS[0]["citation"]], [ANSWERS[1]["citation"]], [ANSWERS[0]["citation"], ANSWERS[2]["citation"]],
    ]
    assert summary["model"] == MODEL_NAME and summary["endpoint"] == stand_in.url


def test_uncited_and_out_of_range_sentences_are_dropped(stand_in: StandIn) -> None:
    uncited = "Blyukher was a hero of the Civil War."
    out_of_range = "He was rehabilitated in 1956 [9]."
    stand_in.completes(f"Blyukher was arrested on 22 October 1938 [1]. {uncited} {out_of_range}")
    summary = summarize(ANSWERED, _endpoint(stand_in))
    assert [s["text"] for s in summary["sentences"]] == ["Blyukher was arrested on 22 October 1938 [1]."]
    assert [d["text"] for d in summary["dropped"]] == [uncited, out_of_range]
    assert "no answer" in summary["dropped"][0]["reason"] and "[9]" in summary["dropped"][1]["reason"]


def test_a_reply_citing_nothing_keeps_nothing_and_says_so(stand_in: StandIn) -> None:
    stand_in.completes("Blyukher's fate is well known. He was a marshal.")
    summary = summarize(ANSWERED, _endpoint(stand_in))
    assert summary["sentences"] == [] and len(summary["dropped"]) == 2
    assert summary["note"] and "dropped" in summary["note"]


def test_nothing_retrieved_means_the_model_is_never_asked(stand_in: StandIn) -> None:
    stand_in.completes("Neil Armstrong landed on the moon in 1969 [1].")
    nothing = {"question": "Who landed on the moon in 1969?", "answers": [], "note": "No sentence answers."}
    summary = summarize(nothing, _endpoint(stand_in))
    assert stand_in.received == []
    assert summary["sentences"] == [] and summary["note"] == NOTHING and summary["error"] is None


def test_the_request_holds_the_answers_verbatim_and_the_model(stand_in: StandIn) -> None:
    stand_in.completes("Blyukher was arrested in 1938 [1].")
    summarize(ANSWERED, _endpoint(stand_in, key="s3cret"))
    (request,) = stand_in.received
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer s3cret"
    body = request["body"]
    assert body["model"] == MODEL_NAME
    said = "\n".join(m["content"] for m in body["messages"])
    assert ANSWERED["question"] in said
    for n, answer in enumerate(ANSWERS, 1):
        assert f'[{n}] {answer["text"]} (from "{answer["citation"]["title"]}")' in said
    assert "[4]" not in said and "1 to 3" in said


@pytest.mark.parametrize(
    "failure, says",
    [
        ("down", "cannot reach"),
        ("slow", "did not answer within"),
        ("not json", "not answer with an OpenAI-compatible chat completion"),
        ("http 500", "HTTP 500"),
    ],
)
def test_a_failing_server_is_reported_not_raised(stand_in: StandIn, failure: str, says: str) -> None:
    stand_in.completes("Blyukher was arrested in 1938 [1].")
    endpoint = _endpoint(stand_in, timeout=0.3)
    if failure == "down":
        endpoint = Endpoint(_closed_url(), MODEL_NAME)
    elif failure == "slow":
        stand_in.delay = 2.0
    elif failure == "not json":
        stand_in.body = b"<html>Bad gateway</html>"
    else:
        stand_in.status, stand_in.body = 500, b'{"error": "model not loaded"}'
    summary = summarize(ANSWERED, endpoint)
    assert summary["error"] and says in summary["error"], summary["error"]
    assert summary["sentences"] == [] and summary["dropped"] == []


def _closed_url() -> str:
    """The URL of a server that was listening a moment ago: nothing answers there now."""
    server = _Server(("127.0.0.1", 0), _Handler)
    port = server.server_address[1]
    server.server_close()
    return f"http://127.0.0.1:{port}/v1"


def test_configuration_from_the_environment() -> None:
    assert configured({}) is None
    assert configured({URL: "http://127.0.0.1:8080/v1"}) is None, "a model must be named"
    assert configured({URL: "http://127.0.0.1:8080/v1/", MODEL: "m", KEY: "k", TIMEOUT: "5"}) == Endpoint(
        "http://127.0.0.1:8080/v1", "m", "k", 5.0)
    with pytest.raises(UsageError, match=URL):
        configured({URL: "file:///etc/passwd", MODEL: "m"})
    with pytest.raises(UsageError, match=TIMEOUT):
        configured({URL: "http://127.0.0.1:8080/v1", MODEL: "m", TIMEOUT: "soon"})


# -- the command line ------------------------------------------------------------------------------

runner = CliRunner()
KIROV = "When was Kirov murdered?"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the examples' text and HTML documents (the scan and the PDF add nothing here but OCR time)."""
    path = tmp_path_factory.mktemp("summary-store") / "c.db"
    with Store(path) as store:
        ingest(store, [EXAMPLES / name for name in ("kirov-1934.txt", "rehabilitation-1956.txt", "stalin-biography.html")])
    return path


@pytest.fixture
def llm_env(monkeypatch: pytest.MonkeyPatch, stand_in: StandIn) -> StandIn:
    monkeypatch.setenv(URL, stand_in.url)
    monkeypatch.setenv(MODEL, MODEL_NAME)
    monkeypatch.delenv(KEY, raising=False)
    monkeypatch.setenv(TIMEOUT, "10")
    return stand_in


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.slow
def test_cli_ask_summary_json_end_to_end(db: Path, llm_env: StandIn) -> None:
    code, out, _ = run(db, "ask", KIROV, "--json")
    plain = json.loads(out)
    assert code == 0 and len(plain["answers"]) >= 2 and "summary" not in plain
    llm_env.completes("Kirov was shot in the Smolny Institute on 1 December 1934 [1]. "
                      "Stalin ordered it [7]. Some call it mysterious [2].")
    code, out, err = run(db, "ask", KIROV, "--summary", "--json")
    answered = json.loads(out)
    assert code == 0
    assert {k: v for k, v in answered.items() if k != "summary"} == plain, "the answers are those of a plain ask"
    summary = answered["summary"]
    assert [s["text"] for s in summary["sentences"]] == [
        "Kirov was shot in the Smolny Institute on 1 December 1934 [1].", "Some call it mysterious [2]."]
    assert [s["citations"] for s in summary["sentences"]] == [[plain["answers"][0]["citation"]],
                                                              [plain["answers"][1]["citation"]]]
    assert [d["text"] for d in summary["dropped"]] == ["Stalin ordered it [7]."] and "Stalin ordered it" in err
    (request,) = llm_env.received
    said = "\n".join(m["content"] for m in request["body"]["messages"])
    assert all(a["text"] in said for a in plain["answers"]) and request["body"]["model"] == MODEL_NAME


@pytest.mark.slow
def test_cli_text_shows_the_summary_then_the_numbered_answers(db: Path, llm_env: StandIn) -> None:
    llm_env.completes("Kirov was shot on 1 December 1934 [1].")
    code, out, _ = run(db, "ask", KIROV, "--summary", "--limit", "2")
    assert code == 0
    summary_at, first_at, second_at = (out.index(s) for s in ("Kirov was shot on 1 December 1934 [1].", "\n[1] ", "\n[2] "))
    assert summary_at < first_at < second_at and MODEL_NAME in out


@pytest.mark.slow
def test_cli_server_down_keeps_the_answers(db: Path, llm_env: StandIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(URL, _closed_url())
    code, out, err = run(db, "ask", KIROV, "--summary", "--json")
    answered = json.loads(out)
    assert code == 0 and answered["answers"]
    assert "cannot reach" in answered["summary"]["error"] and "no summary" in err


@pytest.mark.slow
def test_cli_nothing_answers_so_the_model_is_not_asked(db: Path, llm_env: StandIn) -> None:
    llm_env.completes("Neil Armstrong did [1].")
    code, out, _ = run(db, "ask", "Who landed on the moon in 1969?", "--summary", "--json")
    answered = json.loads(out)
    assert code == 0 and answered["answers"] == [] and answered["note"]
    assert answered["summary"]["note"] == NOTHING and llm_env.received == []


def test_cli_summary_without_configuration_says_how(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (URL, MODEL, KEY, TIMEOUT):
        monkeypatch.delenv(name, raising=False)
    code, out, err = run(tmp_path / "c.db", "ask", KIROV, "--summary", "--json")
    assert code == 2 and out == ""
    assert URL in err and MODEL in err


# -- the web ---------------------------------------------------------------------------------------


@pytest.mark.slow
def test_web_ask_with_summary(db: Path, llm_env: StandIn) -> None:
    web = TestClient(create_app(Settings(str(db))), base_url="http://127.0.0.1")
    plain = web.get("/api/ask", params={"q": KIROV}).json()
    llm_env.completes("Kirov was shot <b>on 1 December 1934</b> [1]. Nobody knows why.")
    answered = web.get("/api/ask", params={"q": KIROV, "summary": "1"}).json()
    assert {k: v for k, v in answered.items() if k != "summary"} == plain
    assert [s["citations"] for s in answered["summary"]["sentences"]] == [[plain["answers"][0]["citation"]]]
    page = web.get("/ask", params={"q": KIROV, "summary": "1"}).text
    assert "Kirov was shot &lt;b&gt;on 1 December 1934&lt;/b&gt; [1]." in page, "the model's words are escaped"
    assert "Nobody knows why" not in page and 'name="summary" value="1"' in page
    assert "Nobody knows why" not in web.get("/ask", params={"q": KIROV}).text


def test_web_summary_without_configuration_is_a_bad_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (URL, MODEL, KEY, TIMEOUT):
        monkeypatch.delenv(name, raising=False)
    web = TestClient(create_app(Settings(str(tmp_path / "c.db"))), base_url="http://127.0.0.1")
    answered = web.get("/api/ask", params={"q": KIROV, "summary": "1"})
    assert answered.status_code == 400 and URL in answered.text
