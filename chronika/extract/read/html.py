"""HTML pages: the main text without navigation and boilerplate (trafilatura), with the page's own
title, author and date. The date is the page's publication date as its markup states it (htmldate,
its original date, never its last modification), else as the lines that open the page show it.

A page whose main text the precise extraction cannot find is read again for recall, then as the
text it shows: short pages (a parliamentary motion, a list of figures) are still sources."""

from __future__ import annotations

import re
from datetime import date

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError

from chronika.errors import SourceError
from chronika.extract.dating import BODY_WORDS, HEAD_LINES, head_date, stated_in
from chronika.extract.read.registry import register
from chronika.records.document import Source

_MIN_LETTERS = 20  # fewer letters than this is not a text
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol",
           "dt", "dd", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "time", "br", "blockquote",
           "pre", "figure", "figcaption", "address"}
_HIDDEN = ("script", "style", "noscript", "template", "head", "svg")


@register(
    "html",
    (".html", ".htm", ".xhtml"),
    (b"<!DOCTYPE html", b"<!doctype html", b"<!DOCTYPE HTML", b"<html", b"<HTML"),
)
def read_html(raw: bytes, name: str) -> Source:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(name, "binary data, not HTML")
    found = _extract(raw, favor_precision=True)
    body = found.get("text") or ""
    shown = shown_lines(raw)
    reading = "main text"
    if _letters(body) < _MIN_LETTERS:
        found |= {k: v for k, v in _extract(raw, favor_recall=True).items() if v}
        body, reading = found.get("text") or "", "main text, for recall"
    if _letters(body) < _MIN_LETTERS:
        body, reading = "\n".join(shown), "the page's visible text"
    if _letters(body) < _MIN_LETTERS:
        raise SourceError(name, "no text found in this HTML page")
    # trafilatura puts one paragraph a line; Chronika separates paragraphs by a blank line.
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    when, evidence = _published(raw, shown, paragraphs)
    metadata: dict[str, object] = {k: found[k] for k in ("sitename", "url") if found.get(k)}
    metadata["html_reading"] = reading
    if evidence:
        metadata["date_evidence"] = evidence
    return Source(
        name,
        "\n\n".join(paragraphs) + "\n",
        "html",
        title=found.get("title") or None,
        author=found.get("author") or None,
        date=when,
        metadata=metadata,
    )


def _extract(raw: bytes, *, favor_precision: bool = False, favor_recall: bool = False) -> dict[str, str]:
    found = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=True,
        favor_precision=favor_precision, favor_recall=favor_recall,
    )
    if found is None:
        return {}
    as_dict = found if isinstance(found, dict) else found.as_dict()
    return {k: v for k, v in as_dict.items() if k in ("text", "title", "author", "sitename", "url") and isinstance(v, str)}


def _published(raw: bytes, shown: list[str], paragraphs: list[str]) -> tuple[str | None, str | None]:
    """The page's publication day (YYYY-MM-DD) and its evidence: the date its markup gives for its
    original publication (checked against the page's words where htmldate had to search for it),
    else a date line among the lines shown before its main text."""
    strict = _htmldate(raw, extensive=False)
    if strict is not None:
        return strict, "the page's date markup"
    searched = _htmldate(raw, extensive=True)
    if searched is not None and stated_in("\n".join(shown), date.fromisoformat(searched)):
        return searched, "the page's date, as the page shows it"
    found = head_date("\n".join(_head(shown, paragraphs)))
    if found.date is None or found.date.precision != "day":
        return None, None
    return found.date.start.isoformat(), found.evidence


def _head(shown: list[str], paragraphs: list[str]) -> list[str]:
    """The lines a page shows before its main text's first paragraph of body text (title, byline,
    date line), and that paragraph: where a page states when it was published."""
    body = {" ".join(p.split()) for p in paragraphs if len(p.split()) >= BODY_WORDS}
    first = next((i for i, line in enumerate(shown) if line in body), None)
    if first is None:
        return shown[:HEAD_LINES]
    return shown[max(0, first - HEAD_LINES) : first + 1]


def _htmldate(raw: bytes, *, extensive: bool) -> str | None:
    try:
        found = htmldate.find_date(raw, extensive_search=extensive, original_date=True)
    except (ValueError, TypeError):
        return None
    return found if isinstance(found, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found) else None


def shown_lines(raw: bytes) -> list[str]:
    """The page's visible text, a line per block element (no script, style or head)."""
    try:
        tree = lxml.html.document_fromstring(raw)
    except (ParserError, ValueError):
        return []
    for hidden in tree.xpath("|".join(f"//{tag}" for tag in _HIDDEN)):
        hidden.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    text = tree.text_content()
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)
