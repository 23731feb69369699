"""The year a source's file name gives: archives name files by when the source appeared
("speech_1987.txt", "poll-2019-03.pdf"). It is no publication date (a document stays undated
without evidence in it); the memory barometer and the poll claims read it only as the last
resort for what the document reports at its own time, and say so."""

from __future__ import annotations

import datetime
import re

from chronika.records.stored import StoredDocument
from chronika.store import Store


def file_name(document: StoredDocument) -> str:
    """The last part of a document's source path."""
    return document.source.replace("\\", "/").rsplit("/", 1)[-1]


class NamedYears:
    """The year a document's file name gives, where its text gives no date of its own: archives name
    files by when the source appeared ("speech_1987.txt", "poll-2019-03.pdf"). Read only as the
    last resort for an act reported at the document's time, and only when the name holds one year,
    not in the future, and no earlier than any date the text states (a name after its topic,
    "kirov-1934.txt" over a text reaching 1956, is not the source's date)."""

    _YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])")

    def __init__(self, store: Store) -> None:
        self.store = store
        self.found: dict[str, int | None] = {}

    def year(self, document: StoredDocument) -> int | None:
        if document.id not in self.found:
            self.found[document.id] = self._read(document)
        return self.found[document.id]

    def _read(self, document: StoredDocument) -> int | None:
        years = {int(y) for y in self._YEAR.findall(file_name(document))}
        if len(years) != 1:
            return None
        year = years.pop()
        if year > datetime.date.today().year:
            return None
        stated = self.store.times_between(int(document.id[1:]), 0, 1 << 62)
        if any(t.type == "DATE" and not t.inferred and int(t.date_start[:4]) > year for t in stated):
            return None
        return year
