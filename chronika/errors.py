"""Chronika's errors: one base, one for a bad source, one for a bad command-line use."""

from __future__ import annotations


class ChronikaError(Exception):
    """Something went wrong; the message says what and what to do next (exit status 1)."""


class SourceError(ChronikaError):
    """One source file cannot be read as a document; it is skipped and the batch goes on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UsageError(ChronikaError):
    """The command was called wrongly (exit status 2)."""


class QueryError(UsageError):
    """A search query that SQLite FTS5 cannot parse."""


class OverBudget(ChronikaError):
    """A read that ran past its time budget and was stopped: narrow it (the reading room answers 503)."""
