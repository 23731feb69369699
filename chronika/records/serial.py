"""Records as JSON and back, exactly: what a document built in one process (a Spark task) carries
to another (the one that stores it) through a file.

A dataclass of `chronika.records` is written as an object naming its class (`"@": "mentions.NameMention"`),
a tuple as `{"@tuple": [...]}` and a day as `{"@date": "YYYY-MM-DD"}`; lists, dictionaries with
string keys, strings, numbers, booleans and null stand for themselves. Reading the JSON back
gives values equal to those written."""

from __future__ import annotations

import dataclasses
import datetime
import importlib
import json
from typing import Any

_PACKAGE = "chronika.records"


def dumps(value: Any) -> str:
    """`value` as JSON text that `loads` reads back into an equal value."""
    return json.dumps(_encoded(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    return _decoded(json.loads(text))


def _encoded(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        module = type(value).__module__
        if not module.startswith(_PACKAGE + "."):
            raise TypeError(f"not a record of {_PACKAGE}: {type(value).__qualname__}")
        fields = {f.name: _encoded(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return {"@": f"{module.removeprefix(_PACKAGE + '.')}.{type(value).__qualname__}", **fields}
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return {"@date": value.isoformat()}
    if isinstance(value, tuple):
        return {"@tuple": [_encoded(v) for v in value]}
    if isinstance(value, list):
        return [_encoded(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("a dictionary to write as JSON needs string keys")
        if any(k.startswith("@") for k in value):
            raise TypeError("a dictionary key to write as JSON may not start with '@'")
        return {k: _encoded(v) for k, v in value.items()}
    raise TypeError(f"cannot write {type(value).__qualname__} as JSON")


def _decoded(value: Any) -> Any:
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "@date" in value:
        return datetime.date.fromisoformat(value["@date"])
    if "@tuple" in value:
        return tuple(_decoded(v) for v in value["@tuple"])
    if "@" in value:
        module, _, name = value["@"].rpartition(".")
        cls = getattr(importlib.import_module(f"{_PACKAGE}.{module}"), name)
        fields = {k: _decoded(v) for k, v in value.items() if k != "@"}
        return cls(**fields)
    return {k: _decoded(v) for k, v in value.items()}
