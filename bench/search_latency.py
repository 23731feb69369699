"""Search latency at scale: `chronika.query.finding.search` beside bare SQLite FTS5 on 100k and 1M passages.

The large stores are generated, not ingested (ingesting a million passages with the NLP stages would
take hours). A generated store is a copy of the real seed store (the three seeds and examples/,
ingested with `chronika.ingest.pipeline.ingest`: real documents, entities and mentions) topped up with
synthetic documents of 100 passages each until it holds the wanted number of passages. Synthetic
text has the seeds' vocabulary and rhythm: every passage copies the sentence lengths of a real
passage, and its words are drawn (fixed random seed) from the word frequencies of the real texts,
names, numbers and Cyrillic included. Synthetic rows go through SQL matching the store's schema:
documents, passages, passages_fts, sentences, and the mentions extraction would have found in such
words (a word that is a one-word name of a real entity is a name mention of it, a year a time
mention, another number a figure), so name expansion and ask read as many mentions as a real store
of that size would hold. The derived `events` table is left as resolution made it for the real
documents.

Stores are built once under /tmp/chronika-bench and reused while their inputs (seeds, examples,
the code that ingests them, and the generator) are unchanged.

    .venv/bin/python bench/search_latency.py [--sizes 100k,1M] [--repeat 20] [--seeds DIR]

Prints, per size, the p50/p95 latency of `finding.search(store, q, limit=10)` over a fixed query
mix beside bare FTS5 (`SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank
LIMIT 10`), run in the same process on the same file, both on the user's query as FTS5 reads it and
on the expression `finding.search` actually ran after expanding names and spelling out prefixes, and
the ratios. A generated store gets its champion lists and words' postings as ingest would give them
(built once, timed, kept in the file), and each query's ten passages are compared with FTS5's own ten
for the same expression: the lists trade exactness for speed only where neither their bound nor the
postings (within what they may read) settle the order. A missed
target is reported, never an error (exit status 0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from chronika.query.finding import search  # noqa: E402
from chronika.query.index_refresh import refresh_impacts  # noqa: E402
from chronika.query.ranked import expression, spell_prefixes  # noqa: E402
from chronika.query.search import fts_query  # noqa: E402
from chronika.store import Store  # noqa: E402
from chronika.store.fulltext import fts5 as match_syntax  # noqa: E402

DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
EXAMPLES = REPO / "examples"
WORKDIR = Path("/tmp/chronika-bench")
GENERATOR_VERSION = 1  # bump when the generator's output changes
PASSAGES_PER_DOCUMENT = 100
BLOCK = 20_000  # passages generated and inserted at a time
SIZES = {"100k": 100_000, "1M": 1_000_000}
TARGET_P95_MS = 20.0  # finding.search at 1M passages
TARGET_RATIO = 1.3  # finding.search p95 / bare FTS5 p95
BUDGET_MS = 10_000  # a query is run at least 3 times, and no more once finding.search has taken this long

# The query mix: what users type, each kind of FTS5 query at least once.
QUERIES: list[tuple[str, str]] = [
    ("common word", "party"),
    ("common word", "people"),
    ("rare word", "Tammerfors"),
    ("rare word", "cobbler"),
    ("phrase", '"Central Committee"'),
    ("phrase", '"show trial"'),
    ("AND", "famine AND Ukraine"),
    ("AND", "Kirov AND Leningrad"),
    ("OR", "Bukharin OR Rykov"),
    ("NOT", "collectivization NOT kulak"),
    ("prefix", "rehabilit*"),
    ("prefix", "terror*"),
    ("name that expands", "Ezhov"),
    ("name that expands", "Koba"),
    ("punctuated word", "de-Stalinization"),
]
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"^(1[89]\d\d|20[0-2]\d)$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


# -- the stores ----------------------------------------------------------------------------------


def _digest(paths: list[Path], extra: str = "") -> str:
    h = hashlib.sha256(extra.encode())
    for path in sorted(paths):
        h.update(str(path.relative_to(path.anchor)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _inputs(seeds: Path, examples: Path) -> list[Path]:
    """What a seed store is made of: the source files and the code that ingests them (ask, the
    views, the web app and the CLI do not change what is stored)."""
    code = [
        p for p in (REPO / "chronika").rglob("*.py")
        if not p.name.startswith("ask") and not {"cli", "web", "views"} & set(p.parts)
    ]
    sources = [p for folder in (seeds, examples) for p in folder.rglob("*") if p.is_file()]
    return code + sources


def seed_store(seeds: Path = DEFAULT_SEEDS, examples: Path = EXAMPLES, log: Callable[[str], None] = print) -> Path:
    """The seeds and examples ingested into one store, built once (about a minute) and kept under
    /tmp keyed by a hash of its inputs."""
    from chronika.ingest.pipeline import ingest

    path = WORKDIR / f"seeds-{_digest(_inputs(seeds, examples))}.db"
    if path.exists():
        return path
    WORKDIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in WORKDIR.glob(partial.name + "*"):
        leftover.unlink()
    log(f"ingesting {seeds} and {examples} into {path} (about a minute, once) ...")
    started = time.perf_counter()
    with Store(partial) as store:
        summary = ingest(store, [seeds, examples])
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if summary.skipped:
        raise SystemExit(f"ingest skipped files: {summary.to_json()['skipped']}")
    partial.rename(path)
    log(f"  {len(summary.added)} documents, {summary.words:,} words in {time.perf_counter() - started:.0f} s")
    _remove_stale("seeds-*.db", path)
    return path


def _remove_stale(pattern: str, current: Path) -> None:
    """Stores built from older inputs are never read again: remove them (a 1M store is 3 GB)."""
    for old in WORKDIR.glob(pattern):
        if old != current:
            for part in WORKDIR.glob(old.name + "*"):
                part.unlink()


def generated_store(passages: int, seeds: Path = DEFAULT_SEEDS, examples: Path = EXAMPLES,
                    log: Callable[[str], None] = print) -> Path:
    """A store of `passages` passages: the seed store plus synthetic documents (see the module's
    docstring), built once and reused."""
    base = seed_store(seeds, examples, log)
    # Keyed by the sources and the schema, not by all the code: a change elsewhere in Chronika
    # should not cost a rebuild of a million passages.
    schema = [REPO / "chronika" / "store" / "schema.py"]
    key = _digest(schema + [p for p in _inputs(seeds, examples) if p.suffix != ".py"], f"v{GENERATOR_VERSION}")
    path = WORKDIR / f"generated-{passages}-{key}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in WORKDIR.glob(partial.name + "*"):
        leftover.unlink()
    log(f"generating {passages:,} passages into {path} ...")
    started = time.perf_counter()
    source = sqlite3.connect(base)
    target = sqlite3.connect(partial, isolation_level=None)
    source.backup(target)
    source.close()
    _top_up(target, passages, log)
    target.execute("PRAGMA journal_mode = WAL")
    target.close()
    partial.rename(path)
    log(f"  built in {time.perf_counter() - started:.0f} s, {path.stat().st_size / 2**20:,.0f} MB")
    _remove_stale(f"generated-{passages}-*.db", path)
    return path


def _top_up(db: sqlite3.Connection, wanted: int, log: Callable[[str], None]) -> None:
    db.execute("PRAGMA journal_mode = OFF")  # the generator's file is thrown away if it fails
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -1000000")
    have = db.execute("SELECT count(*) FROM passages").fetchone()[0]
    model = _Model(db)
    rng = np.random.default_rng(20240601)
    # Secondary indexes of the mention tables are dropped while rows pour in and rebuilt after,
    # from the schema's own SQL.
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('name_mentions', 'time_mentions', 'figure_mentions', 'sentences')"
    ).fetchall()
    db.execute("BEGIN")
    for name, _ in indexes:
        db.execute(f"DROP INDEX {name}")
    next_doc = db.execute("SELECT max(id) FROM documents").fetchone()[0] + 1
    made = 0
    while have + made < wanted:
        count = min(BLOCK, wanted - have - made)
        documents = -(-count // PASSAGES_PER_DOCUMENT)
        _insert_block(db, model, rng, next_doc, documents, count)
        next_doc += documents
        made += count
        log(f"  {have + made:,} passages")
    for _, sql in indexes:
        db.execute(sql)
    db.execute("COMMIT")


class _Model:
    """What synthetic text is drawn from: the real texts' word frequencies, their sentence lengths
    per passage, and the one-word names of the real entities."""

    def __init__(self, db: sqlite3.Connection) -> None:
        counts: Counter[str] = Counter()
        self.templates: list[list[int]] = []
        texts = {doc: text for doc, text in db.execute("SELECT id, text FROM documents")}
        for doc, n in db.execute("SELECT document_id, n FROM passages ORDER BY id"):
            lengths = []
            for start, end in db.execute(
                'SELECT start, "end" FROM sentences WHERE document_id = ? AND passage = ? ORDER BY n', (doc, n)
            ):
                words = _WORD.findall(texts[doc][start:end])
                counts.update(words)
                if words:
                    lengths.append(len(words))
            if lengths:
                self.templates.append(lengths)
        self.words = sorted(counts)
        self.lengths = np.array([len(w) for w in self.words], dtype=np.int64)
        total = sum(counts.values())
        self.p = np.array([counts[w] / total for w in self.words])
        names: dict[str, Counter[str]] = {}
        for text, entity in db.execute("SELECT text, entity_id FROM name_mentions WHERE entity_id IS NOT NULL"):
            if _WORD.fullmatch(text) and not _NUMBER.match(text):
                names.setdefault(text, Counter())[entity] += 1
        kinds = dict(db.execute("SELECT id, type FROM entities").fetchall())
        self.entity = {w: c.most_common(1)[0][0] for w, c in names.items()}
        self.kind = kinds
        self.is_name = np.array([w in self.entity for w in self.words])
        self.is_year = np.array([bool(_YEAR.match(w)) for w in self.words])
        self.is_figure = np.array([bool(_NUMBER.match(w)) and not _YEAR.match(w) for w in self.words])
        self.capitalised = [w[:1].upper() + w[1:] if len(w[:1].upper()) == 1 else w for w in self.words]


def _insert_block(db: sqlite3.Connection, model: _Model, rng: np.random.Generator, first_doc: int,
                  documents: int, passages: int) -> None:
    templates = [model.templates[i] for i in rng.integers(0, len(model.templates), passages)]
    sentence_words = np.array([n for t in templates for n in t], dtype=np.int64)
    sentences_in = np.array([len(t) for t in templates], dtype=np.int64)
    tokens = rng.choice(len(model.words), size=int(sentence_words.sum()), p=model.p)
    # Layout: words joined by spaces, each sentence ending in ". " and each passage in ".\n\n".
    sentence_of_token = np.repeat(np.arange(len(sentence_words)), sentence_words)
    sentence_first = np.concatenate(([0], np.cumsum(sentence_words)[:-1]))
    sentence_last = sentence_first + sentence_words - 1
    passage_of_sentence = np.repeat(np.arange(passages), sentences_in)
    passage_first_sentence = np.concatenate(([0], np.cumsum(sentences_in)[:-1]))
    passage_last_sentence = passage_first_sentence + sentences_in - 1
    lengths = model.lengths[tokens]
    step = lengths + 1
    step[sentence_last] += 1
    step[sentence_last[passage_last_sentence]] += 1
    offset = np.concatenate(([0], np.cumsum(step)[:-1]))
    document_of_passage = np.arange(passages) // PASSAGES_PER_DOCUMENT
    passage_first_token = sentence_first[passage_first_sentence]
    document_first_token = passage_first_token[::PASSAGES_PER_DOCUMENT]
    document_of_token = document_of_passage[passage_of_sentence[sentence_of_token]]
    offset = offset - offset[document_first_token][document_of_token]
    sentence_start = offset[sentence_first]
    sentence_end = offset[sentence_last] + lengths[sentence_last] + 1
    passage_start = sentence_start[passage_first_sentence]
    passage_end = sentence_end[passage_last_sentence]

    words = [model.words[t] for t in tokens.tolist()]
    capitals = [model.capitalised[t] for t in tokens[sentence_first].tolist()]
    sentence_texts = [
        capitals[i] + (" " + " ".join(words[a + 1 : a + n]) if n > 1 else "") + "."
        for i, (a, n) in enumerate(zip(sentence_first.tolist(), sentence_words.tolist()))
    ]
    passage_texts = [
        " ".join(sentence_texts[a : a + n]) for a, n in zip(passage_first_sentence.tolist(), sentences_in.tolist())
    ]
    doc_rows, passage_rows, sentence_rows = [], [], []
    for d in range(documents):
        doc_id = first_doc + d
        mine = passage_texts[d * PASSAGES_PER_DOCUMENT : (d + 1) * PASSAGES_PER_DOCUMENT]
        text = "\n\n".join(mine)
        digest = hashlib.sha256(f"synthetic {doc_id}".encode()).hexdigest()
        doc_rows.append((
            doc_id, f"synthetic/{doc_id}.txt", digest, "text", f"Synthetic document {doc_id}", None, "en",
            sum(len(t.split()) for t in mine), None, None, None, None, None, None, "{}", text, text,
            json.dumps([[0, 0, len(text), 1]]), "2000-01-01T00:00:00+00:00",
        ))
    for p in range(passages):
        doc_id = first_doc + p // PASSAGES_PER_DOCUMENT
        n = p % PASSAGES_PER_DOCUMENT + 1
        start, end = int(passage_start[p]), int(passage_end[p])
        passage_rows.append((doc_id, n, "paragraph", start, end, None, start, end, None, passage_texts[p]))
        first = int(passage_first_sentence[p])
        for i in range(int(sentences_in[p])):
            sentence_rows.append((doc_id, n, i + 1, int(sentence_start[first + i]), int(sentence_end[first + i])))
    db.executemany("INSERT INTO documents VALUES (" + ",".join("?" * 19) + ")", doc_rows)
    first_passage_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM passages").fetchone()[0]
    db.executemany(
        'INSERT INTO passages (document_id, n, kind, start, "end", page, orig_start, orig_end, note, text)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        passage_rows,
    )
    db.execute("INSERT INTO passages_fts(rowid, text) SELECT id, text FROM passages WHERE id >= ?", (first_passage_id,))
    db.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)", sentence_rows)

    def located(mask: np.ndarray) -> Iterator[tuple[int, int, int, int, int, str]]:
        for t in np.flatnonzero(mask[tokens]).tolist():
            s = int(sentence_of_token[t])
            p = int(passage_of_sentence[s])
            start = int(offset[t])
            yield (first_doc + p // PASSAGES_PER_DOCUMENT, p % PASSAGES_PER_DOCUMENT + 1, start,
                   start + int(lengths[t]), int(sentence_start[s]), words[t])

    db.executemany(
        'INSERT INTO name_mentions (document_id, passage, start, "end", sentence_start, text, normal, type, evidence,'
        " entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?)",
        [(*row, row[5].lower(), model.kind[model.entity[row[5]]], model.entity[row[5]]) for row in located(model.is_name)],
    )
    db.executemany(
        'INSERT INTO time_mentions (document_id, passage, start, "end", sentence_start, text, value, type, date_start,'
        " date_end, precision, inferred, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, 'DATE', ?, ?, 'year', 0, 'absolute')",
        [(*row, row[5], f"{row[5]}-01-01", f"{row[5]}-12-31") for row in located(model.is_year)],
    )
    db.executemany(
        'INSERT INTO figure_mentions (document_id, passage, start, "end", sentence_start, text, value, approximate)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
        [(*row, float(row[5].replace(",", ""))) for row in located(model.is_figure)],
    )


# -- measuring -----------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def measure(path: Path, repeat: int, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Latency of finding.search and of bare FTS5 over the query mix, interleaved, in ms; and how
    far finding.search's ten passages are FTS5's own ten for the same expression."""
    store = Store(path)
    started = time.perf_counter()
    if refresh_impacts(store, log):  # what ingest does after changing a large store
        log(f"  champion lists and postings built in {time.perf_counter() - started:.0f} s")
    lists = tuple(store.db.execute("SELECT count(*), coalesce(sum(length(passages) + length(weights)), 0) FROM term_impacts").fetchone())
    lists += tuple(store.db.execute(
        "SELECT count(*), coalesce(sum(length(passages) + length(hits)), 0)"
        " + (SELECT coalesce(sum(length(lengths)), 0) FROM passage_lengths) FROM term_postings"
    ).fetchone())
    bare = sqlite3.connect(path)
    sql = "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10"
    rows: list[dict[str, Any]] = []
    for kind, query in QUERIES:
        raw = fts_query(query)
        first = search(store, query, limit=10)  # warm-up, and the expression it runs
        expanded = match_syntax(spell_prefixes(store, first.expression))
        unexpanded = first.expression == expression(query)  # no name in it had other forms
        bare.execute(sql, (raw,)).fetchall()
        own = [(h.document, h.passage) for h in first.hits]
        fts5 = [
            (f"d{d}", n) for (rowid,) in bare.execute(sql, (expanded,)).fetchall()
            for d, n in bare.execute("SELECT document_id, n FROM passages WHERE id = ?", (rowid,))
        ]
        times: dict[str, list[float]] = {"chronika": [], "bare": [], "bare expanded": []}
        hits = 0
        for run in range(repeat):
            ms, result = _timed(lambda: search(store, query, limit=10))
            times["chronika"].append(ms)
            hits = len(result.hits)
            times["bare"].append(_timed(lambda: bare.execute(sql, (raw,)).fetchall())[0])
            if unexpanded:
                times["bare expanded"].append(times["bare"][-1])
            else:
                times["bare expanded"].append(_timed(lambda: bare.execute(sql, (expanded,)).fetchall())[0])
            if run >= 2 and sum(times["chronika"]) > BUDGET_MS:
                break  # a slow query: fewer runs, still interleaved
        matching = bare.execute("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?", (expanded,)).fetchone()[0]
        rows.append({"kind": kind, "query": query, "expanded": expanded != raw, "matching": matching, "hits": hits,
                     "times": times, "runs": len(times["chronika"]), "same": own == fts5,
                     "overlap": len(set(own) & set(fts5)), "of": len(fts5)})
    passages = store.db.execute("SELECT count(*) FROM passages").fetchone()[0]
    store.close()
    bare.close()
    return {"passages": passages, "rows": rows, "lists": lists}


def report(size: str, result: dict[str, Any], repeat: int) -> list[str]:
    rows = result["rows"]
    lines = [
        f"{size}: {result['passages']:,} passages; {len(rows)} queries, up to {repeat} runs each (fewer for a query"
        f" slower than {BUDGET_MS / 1000:.0f} s in all), after one warm-up run; ms. Champion lists: {result['lists'][0]:,}"
        f" ({result['lists'][1] / 2**20:.1f} MB); words' postings: {result['lists'][2]:,} ({result['lists'][3] / 2**20:.1f} MB"
        f" with the lengths). 'top 10' compares finding.search's ten passages with FTS5's"
        f" `ORDER BY rank` on the expression finding.search ran (same order, or how many in common)",
        f"{'query':<30} {'kind':<18} {'matching':>9} {'runs':>4}  {'chronika p50':>12} {'p95':>8}  {'bare p50':>8}"
        f" {'p95':>8}  {'bare exp. p50':>13} {'p95':>8}  {'top 10':>7}",
    ]
    for row in rows:
        t = row["times"]
        lines.append(
            f"{row['query'][:30]:<30} {row['kind']:<18} {row['matching']:>9,} {row['runs']:>4}"
            f"  {percentile(t['chronika'], 50):>12.2f}"
            f" {percentile(t['chronika'], 95):>8.2f}  {percentile(t['bare'], 50):>8.2f} {percentile(t['bare'], 95):>8.2f}"
            f"  {percentile(t['bare expanded'], 50):>13.2f} {percentile(t['bare expanded'], 95):>8.2f}"
            f"  {'same' if row['same'] else str(row['overlap']) + '/' + str(row['of']):>7}"
        )
    every = {k: [ms for row in rows for ms in row["times"][k]] for k in ("chronika", "bare", "bare expanded")}
    p = {k: (percentile(v, 50), percentile(v, 95)) for k, v in every.items()}
    lines.append(
        f"all queries: finding.search p50 {p['chronika'][0]:.2f} p95 {p['chronika'][1]:.2f}; bare FTS5 on the query"
        f" p50 {p['bare'][0]:.2f} p95 {p['bare'][1]:.2f}; bare FTS5 on the expanded expression"
        f" p50 {p['bare expanded'][0]:.2f} p95 {p['bare expanded'][1]:.2f}"
    )
    lines.append(
        f"ratio finding.search / bare FTS5: p50 {p['chronika'][0] / p['bare'][0]:.2f}x, p95 {p['chronika'][1] / p['bare'][1]:.2f}x"
        f" (same expanded expression: p50 {p['chronika'][0] / p['bare expanded'][0]:.2f}x,"
        f" p95 {p['chronika'][1] / p['bare expanded'][1]:.2f}x)"
    )
    lines.append(
        f"top 10 as FTS5 ranks it: same order for {sum(r['same'] for r in rows)} of {len(rows)} queries; passages in"
        f" common {sum(r['overlap'] for r in rows)} of {sum(r['of'] for r in rows)}"
    )
    result["summary"] = p
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100k,1M", help="comma-separated, from: " + ", ".join(SIZES))
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query (default 20)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {unknown[0]!r}; choose from {', '.join(SIZES)}")
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True)
    summaries: dict[str, Any] = {}
    for size in sizes:
        path = generated_store(SIZES[size], args.seeds, EXAMPLES, log)
        result = measure(path, args.repeat, log)
        print("\n".join(report(size, result, args.repeat)), flush=True)
        print(flush=True)
        summaries[size] = result["summary"]
    if "1M" in summaries:
        p95 = summaries["1M"]["chronika"][1]
        ratio = p95 / summaries["1M"]["bare"][1]
        print(
            f"targets at 1M: finding.search p95 <= {TARGET_P95_MS:.0f} ms: {'met' if p95 <= TARGET_P95_MS else 'not met'}"
            f" ({p95:.2f} ms); within {TARGET_RATIO}x of bare FTS5 (p95): {'met' if ratio <= TARGET_RATIO else 'not met'}"
            f" ({ratio:.2f}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
