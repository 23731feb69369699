"""Full-text search: a user's query made safe for SQLite FTS5's syntax, which `ranking.parse` reads.

Users type words, "quoted phrases", AND/OR/NOT, parentheses and prefix* as FTS5 has them; a
word with punctuation inside ("de-Stalinization", "VKP(b)") is searched as the phrase FTS5
would make of it, instead of failing on FTS5's own syntax."""

from __future__ import annotations

import re

from chronika.errors import QueryError

_CHUNK = re.compile(r'"[^"]*"\*?|[^\s"]+')
_OPERATORS = {"AND", "OR", "NOT"}
_BAREWORD = re.compile(r"^\w+\*?$")
MAX_QUERY_CHARS = 1000  # a search, or a question to `ask`, of more is refused before any work


def bounded(query: str, what: str = "search query") -> str:
    """`query`, or QueryError where it is longer than MAX_QUERY_CHARS: a long query costs the
    server seconds per kilobyte, and no one types one."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the {what} is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} are read: shorten it")
    return query


def fts_query(query: str) -> str:
    """The FTS5 expression for a user's query; QueryError for one that cannot mean anything."""
    bounded(query)
    if not query.strip():
        raise QueryError("the search query is empty: give a word, a \"phrase\", or words with AND/OR/NOT")
    if query.count('"') % 2:
        raise QueryError(f"unbalanced quote in {query!r}: close the phrase with a second \"")
    parts: list[str] = []
    for chunk in _CHUNK.findall(query):
        if chunk.startswith('"'):
            parts.append(chunk)
            continue
        # Brackets that group ("(Rykov OR Kamenev)") stand apart; those inside a word ("VKP(b)") do not.
        opening = len(chunk) - len(chunk.lstrip("("))
        word = chunk[opening:]
        closing = 0
        while word.endswith(")") and word.count(")") > word.count("("):
            word, closing = word[:-1], closing + 1
        parts.extend("(" * opening)
        if word in _OPERATORS or _BAREWORD.match(word):
            parts.append(word)
        elif words := re.findall(r"\w+", word):
            parts.append('"' + " ".join(words) + '"' + ("*" if word.endswith("*") else ""))
        parts.extend(")" * closing)
    if not any(p not in _OPERATORS and p not in "()" for p in parts):
        raise QueryError(f"nothing to search for in {query!r}: it has no words")
    return " ".join(_explicit_and(parts))


def _explicit_and(parts: list[str]) -> list[str]:
    """AND written out between words side by side: FTS5 reads `a b` as `a AND b`, but rejects
    `a (b OR c)` and `(a) b`, which name expansion writes."""
    joined: list[str] = []
    for part in parts:
        if joined and joined[-1] not in _OPERATORS and joined[-1] != "(" and part not in _OPERATORS and part != ")":
            joined.append("AND")
        joined.append(part)
    return joined
