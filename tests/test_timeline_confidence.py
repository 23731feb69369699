"""How sure a timeline event's date is: stated, counted from the document's date (as sure as that
date), or counted from the narrative, which cannot date what is still to come."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from chronika import views
from chronika.ingest.pipeline import ingest
from chronika.store import Store

UNDATED = ("In April 1940 the NKVD shot thousands of Polish officers near Katyn.\n\n"
           "The president is scheduled to visit Katyn in early December.\n\n"
           "In early May the graves were filled in.\n")


def test_a_date_counted_from_the_narrative_for_what_is_still_to_come_is_uncertain(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(UNDATED, encoding="utf-8")
    db = tmp_path / "store.db"
    with Store(db) as store:
        ingest(store, [tmp_path / "report.txt"])
        events = {e["date"]["text"]: e for e in views.timeline(store)}
    assert events["April 1940"]["confidence"] == "sure" and events["April 1940"]["evidence"] == "stated: 'April 1940'"
    assert events["early May"]["confidence"] == "sure" and "narrative" in events["early May"]["evidence"]
    visit = events["early December"]
    assert visit["confidence"] == "uncertain" and "what is to come" in visit["evidence"]
    shown = subprocess.run([sys.executable, "-m", "chronika", "--db", str(db), "timeline", "--json"],
                           capture_output=True, text=True)
    assert "early December" not in {e["date"]["text"] for e in json.loads(shown.stdout)}
    assert "held back 1 event(s)" in shown.stderr
    everything = subprocess.run([sys.executable, "-m", "chronika", "--db", str(db), "timeline", "--all", "--json"],
                                capture_output=True, text=True)
    assert "early December" in {e["date"]["text"] for e in json.loads(everything.stdout)}
