"""An optional summary of `ask`'s answers, written by a language model the user runs, every sentence cited.

`ask` itself never paraphrases. A user who wants a few sentences over the quoted answers points
Chronika at an OpenAI-compatible server of their own (llama.cpp, vLLM, Ollama ...) with
environment variables; nothing is sent anywhere otherwise. The model sees the answers numbered
[1]..[n] and must end every sentence with the numbers it rests on. Chronika keeps a sentence only
when it cites at least one answer and every number it cites is one of them; the others are
dropped and reported. A citation is checked as a number, not as a reading: the quoted answers stay
the evidence. With no answers the model is never called. A failing server is reported, and the
answers are shown all the same.

Configuration (read when a summary is asked for):
- `CHRONIKA_LLM_URL`: the server's base URL, e.g. http://127.0.0.1:8080/v1 (Chronika posts to
  `{url}/chat/completions`);
- `CHRONIKA_LLM_MODEL`: the model's name, as the server knows it;
- `CHRONIKA_LLM_KEY` (optional): sent as `Authorization: Bearer KEY`;
- `CHRONIKA_LLM_TIMEOUT` (optional): seconds to wait for the reply, 60 unless set."""

from __future__ import annotations

import http.client
import json
import math
import os
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Mapping

from chronika.errors import ChronikaError, UsageError
from chronika.extract.segment import sentences

URL, MODEL, KEY, TIMEOUT = "CHRONIKA_LLM_URL", "CHRONIKA_LLM_MODEL", "CHRONIKA_LLM_KEY", "CHRONIKA_LLM_TIMEOUT"
DEFAULT_TIMEOUT = 60.0
MAX_SENTENCES = 5  # what the model is asked for: a summary, not an essay
HOW_TO = (
    f"a summary needs an OpenAI-compatible server you run: set {URL} to its base URL "
    f"(e.g. http://127.0.0.1:8080/v1) and {MODEL} to the model's name ({KEY} if it wants a key, "
    f"{TIMEOUT} for the seconds to wait, {DEFAULT_TIMEOUT:g} unless set)"
)
NOTHING = "Nothing in the sources answers the question, so nothing was summarised."
ALL_DROPPED = "Every sentence the model wrote was dropped: none cited only the answers."
# One citation group: [1], [2, 3], [2; 3]. A sentence's numbers are those of all its groups.
_CITATION = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
# Citations a model puts after the full stop ("in 1938. [1]"), moved before it ("in 1938 [1].")
# so that they stay with their sentence when it is cut.
_CITED_AFTER_STOP = re.compile(r"(?<=\S)([.!?]+)[ \t]*((?:\[[\d,; ]+\][ \t]*)+)(?=\s|$)")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_SYSTEM = (
    "You summarise answers quoted from historical sources. Use only the numbered answers you are given: "
    "state nothing they do not say and add no knowledge of your own. Write at most {most} short sentences "
    "of plain prose (no list, heading or preamble). End every sentence with the numbers of the answers it "
    "rests on in square brackets, like [1] or [2, 3], using only the numbers 1 to {n}."
)


class SummaryError(ChronikaError):
    """The summary's server could not be reached or did not answer as an OpenAI-compatible one."""


@dataclass(frozen=True)
class Endpoint:
    """Where the summary is asked for: the server's base URL, the model and how long to wait."""

    url: str
    model: str
    key: str | None = None
    timeout: float = DEFAULT_TIMEOUT


def configured(environ: Mapping[str, str] = os.environ) -> Endpoint | None:
    """The endpoint the environment names, or None when it names none (no URL or no model)."""
    url, model = environ.get(URL, "").strip().rstrip("/"), environ.get(MODEL, "").strip()
    if not url or not model:
        return None
    if not re.match(r"https?://", url, re.I):
        raise UsageError(f"{URL} must be an http:// or https:// URL, not '{url}'")
    return Endpoint(url, model, environ.get(KEY, "").strip() or None, _timeout(environ.get(TIMEOUT, "")))


def required(environ: Mapping[str, str] = os.environ) -> Endpoint:
    """The endpoint the environment names; a usage error saying how to name one when it names none."""
    endpoint = configured(environ)
    if endpoint is None:
        raise UsageError(HOW_TO)
    return endpoint


def _timeout(value: str) -> float:
    if not value.strip():
        return DEFAULT_TIMEOUT
    wrong = UsageError(f"{TIMEOUT} must be a number of seconds above 0, not '{value}'")
    try:
        seconds = float(value)
    except ValueError as e:
        raise wrong from e
    if not 0 < seconds < math.inf:
        raise wrong
    return seconds


def summarize(answered: Mapping[str, Any], endpoint: Endpoint) -> dict[str, Any]:
    """The `summary` of an `ask` result: the model's cited sentences, those dropped, or why there are none."""
    answers = answered["answers"]
    shown: dict[str, Any] = {"model": endpoint.model, "endpoint": endpoint.url, "sentences": [], "dropped": [],
                             "note": None, "error": None}
    if not answers:
        return shown | {"note": NOTHING}
    try:
        reply = _complete(endpoint, messages(answered["question"], answers))
    except SummaryError as e:
        return shown | {"error": str(e)}
    kept, dropped = checked(reply, answers)
    return shown | {"sentences": kept, "dropped": dropped, "note": None if kept else ALL_DROPPED}


def messages(question: str, answers: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The chat the model reads: the rules, then the question and the answers numbered from 1, verbatim."""
    numbered = "\n".join(f'[{i}] {a["text"]} (from "{a["citation"]["title"]}")' for i, a in enumerate(answers, 1))
    return [
        {"role": "system", "content": _SYSTEM.format(most=MAX_SENTENCES, n=len(answers))},
        {"role": "user", "content": f"Question: {question}\n\nNumbered answers, each quoted from a source:\n{numbered}"},
    ]


def _complete(endpoint: Endpoint, chat: list[dict[str, str]]) -> str:
    """The model's reply to the chat, from the server's `/chat/completions`."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if endpoint.key:
        headers["Authorization"] = f"Bearer {endpoint.key}"
    body = json.dumps({"model": endpoint.model, "messages": chat, "temperature": 0, "stream": False}).encode()
    where = f"{endpoint.url}/chat/completions"
    request = urllib.request.Request(where, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as e:
        raise SummaryError(f"{where} answered HTTP {e.code} {e.reason}: {_excerpt(e.read())}") from e
    except urllib.error.URLError as e:
        raise SummaryError(f"cannot reach {where} ({e.reason}); is the server running?") from e
    except TimeoutError as e:
        raise SummaryError(f"{where} did not answer within {endpoint.timeout:g} s ({TIMEOUT} sets the wait)") from e
    except (OSError, http.client.HTTPException) as e:
        raise SummaryError(f"the connection to {where} failed: {e}") from e
    return _content(raw, where)


def _content(raw: bytes, where: str) -> str:
    """The text of a chat completion's first choice."""
    try:
        content = json.loads(raw)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as e:
        raise SummaryError(f"{where} did not answer with an OpenAI-compatible chat completion: {_excerpt(raw)}") from e
    if not isinstance(content, str):
        raise SummaryError(f"{where} answered a chat completion without text: {_excerpt(raw)}")
    return content


def _excerpt(raw: bytes) -> str:
    text = " ".join(raw.decode("utf-8", "replace").split())
    return repr(text[:200] + ("..." if len(text) > 200 else ""))


def checked(reply: str, answers: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """The reply's sentences kept (each with the numbers and citations of the answers it cites) and
    those dropped (with the reason): a sentence is kept when it cites an answer and only answers."""
    kept: list[dict[str, Any]] = []
    dropped: list[dict[str, str]] = []
    for sentence in _sentences(reply):
        numbers = sorted({int(n) for group in _CITATION.findall(sentence) for n in re.findall(r"\d+", group)})
        wrong = [n for n in numbers if not 1 <= n <= len(answers)]
        if not numbers:
            dropped.append({"text": sentence, "reason": "it cites no answer"})
        elif wrong:
            dropped.append({"text": sentence, "reason": f"it cites {_marks(wrong)}, but the answers are [1]..[{len(answers)}]"})
        elif not re.search(r"\w", _CITATION.sub("", sentence)):
            dropped.append({"text": sentence, "reason": "it says nothing besides its citations"})
        else:
            kept.append({"text": sentence, "answers": numbers, "citations": [answers[n - 1]["citation"] for n in numbers]})
    return kept, dropped


def _sentences(reply: str) -> list[str]:
    """The reply cut into sentences (Chronika's own sentence cutter, line by line), citations kept with theirs."""
    found: list[str] = []
    for line in reply.splitlines():
        line = _CITED_AFTER_STOP.sub(lambda m: f" {m.group(2).strip()}{m.group(1)}", _LIST_MARK.sub("", line))
        found.extend(line[s.start:s.end].strip() for s in sentences(line))
    return [s for s in found if s]


def _marks(numbers: list[int]) -> str:
    return ", ".join(f"[{n}]" for n in numbers)
