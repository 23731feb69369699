"""`chronika tag`: one text analysed exactly as given (no cleaning, nothing stored), every item
with offsets into that text, so standard benchmarks (TempEval-3, HIPE/CoNLL) can score Chronika."""

from __future__ import annotations

import datetime
from typing import Any

from chronika.extract.build import language as language_of
from chronika.extract.figures import tag_figures
from chronika.extract.names import name_mentions
from chronika.extract.timex import tag_times
from chronika.extract.segment import paragraphs


def tag(text: str, document_date: datetime.date | None = None, language: str | None = None) -> dict[str, Any]:
    """Dates (TIMEX3 value and type, and the interval), entities and figures found in `text`, read
    as `language` ("en" or "ru"; by default the language the text is mostly in)."""
    language = language or ("ru" if language_of(text) == "ru" else "en")  # a text without letters is read as English
    spans = list(paragraphs(text))
    entities = []
    for (start, _), found in zip(spans, name_mentions([text[s:e] for s, e in spans], language=language)):
        for m in found:
            entities.append(
                {"start": m.start + start, "end": m.end + start, "text": m.text, "type": m.type, "normal": m.normal}
            )
    times = tag_times(text, document_date, timeml=True)
    return {
        "text": text,
        "dates": [
            {
                "start": t.start, "end": t.end, "text": t.text, "value": t.value, "type": t.type,
                "date": t.date.to_json() if t.date else None,
                "old_style": t.old_style.to_json() if t.old_style else None,
            }
            for t in times
        ],
        "entities": entities,
        "figures": [
            {
                "start": f.start, "end": f.end, "text": f.text, "value": f.value, "low": f.low, "high": f.high,
                "approximate": f.approximate, "unit": f.unit, "counted": f.counted,
            }
            for f in tag_figures(text, times)
        ],
    }
