"""Ranking from champion lists gives FTS5's own order: the tokens, the parse, the BM25 formula, and
whole searches over a generated store checked against `ORDER BY rank`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronika.query import champions, index_refresh, postings as exact_postings, ranking
from chronika.query.index_refresh import build_impacts, refresh_impacts
from chronika.query.ranked import rank, rank_by_impacts, spell_prefixes
from chronika.extract.build import build_document, content_hash
from chronika.records.document import Document, Source
from chronika.records.expression import Leaf, Node
from chronika.records.search import SearchFilters
from chronika.query.ranking import Scorer, Unsupported, idf, parse
from chronika.records.tokens import tokens
from chronika.query.search import fts_query
from chronika.store import Store
from chronika.store.fulltext import fts5, marked_spans as highlights
from conftest import copy_store

ALPHABET = "abcxyzéèñüßАБВЕЁЙжоьъ0123456789 _-'’.,;:!?()\"\n\t"


def fts5_tokens(text: str) -> list[str]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')")
    db.execute("INSERT INTO f VALUES (?)", (text,))
    return [t for (t,) in db.execute("SELECT term FROM v ORDER BY offset")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_tokens_are_fts5s(text: str) -> None:
    assert tokens(text) == fts5_tokens(text)


def test_tokens_of_mixed_scripts() -> None:
    text = "Ежов, Éléonore and naïve Yezhov-Ezhov in 1937; ёлка Йошкар straße"
    assert tokens(text) == fts5_tokens(text)


def test_parse_follows_fts5_precedence() -> None:
    a, b, c, d = (Leaf((w,)) for w in "abcd")
    assert parse("a b OR c NOT d") == Node("OR", (Node("AND", (a, b)), Node("NOT", (c, d))))
    assert parse("(a OR b) AND c") == Node("AND", (Node("OR", (a, b)), c))
    assert parse('"central committee" rehabilit*') == Node(
        "AND", (Leaf(("central", "committee")), Leaf(("rehabilit",), prefix=True))
    )
    with pytest.raises(Unsupported):
        parse("NEAR(a b)")



def test_parse_reads_as_fts5_does() -> None:
    """A bare NEAR is a word, a phrase without a token matches nothing, and an operator FTS5
    rejects is rejected."""
    assert parse("NEAR AND a") == Node("AND", (Leaf(("near",)), Leaf(("a",))))
    assert parse('"" OR a') == Node("OR", (Leaf(()), Leaf(("a",))))
    assert parse('"note: a"') == Leaf(("note", "a"))
    for broken in ("a OR*", "a AND", "(a OR b", "a )"):
        with pytest.raises(Unsupported):
            parse(broken)

# -- a generated store --------------------------------------------------------------------------

WORDS = ["the", "party", "of", "partisan", "committee", "central", "partial"] + [f"w{i}" for i in range(400)]


def _texts(count: int, seed: int = 7) -> list[str]:
    rng = np.random.default_rng(seed)
    p = 1 / np.arange(1, len(WORDS) + 1)
    p /= p.sum()
    texts = []
    for _ in range(count):
        words = [WORDS[i] for i in rng.choice(len(WORDS), size=int(rng.integers(5, 40)), p=p)]
        if rng.random() < 0.2:
            at = int(rng.integers(0, len(words)))
            words[at:at] = ["central", "committee"]
        texts.append(" ".join(words).capitalize() + ".")
    return texts


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ranking") / "store.db"
    with Store(path) as store:
        for d, chunk in enumerate(np.array_split(np.array(_texts(3000), dtype=object), 30)):
            text = "\n\n".join(chunk)
            store.save(_plain(f"gen/{d}.txt", text))
        assert build_impacts(store, frequent=60, keep=80) > 0
    return path


def _plain(source: str, text: str) -> Document:
    return build_document(Source(source, text, "text"), content_hash(text.encode()), extract=False)


def _fts5_order(store: Store, match: str, limit: int = 10) -> list[int]:
    return [r[0] for r in store.db.execute(
        "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank, rowid LIMIT ?", (match, limit)
    )]


def _fts5_scores(store: Store, query: str) -> tuple[str, dict[int, float]]:
    """The expression search runs for a query, and FTS5's score of every passage it matches."""
    match = fts5(spell_prefixes(store, parse(fts_query(query))))
    return match, dict(store.db.execute(
        "SELECT rowid, -bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ?", (match,)
    ).fetchall())


QUERIES = ["party", "w0", "w3 OR w5", "w1 AND w2", "w0 NOT w1", '"central committee"', "part*", "w1 w3 OR party"]


@pytest.mark.parametrize("postings", [True, False], ids=["postings", "lists alone"])
@pytest.mark.parametrize("query", QUERIES)
def test_lists_rank_as_fts5_does(generated: Path, query: str, postings: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the lists (and postings) return is scored as FTS5 scores it, and what they prove
    exact is FTS5's order."""
    if not postings:
        monkeypatch.setattr(exact_postings, "EXACT_COST", 0)
    with Store(generated) as store:
        match, fts5 = _fts5_scores(store, query)
        ranked = rank_by_impacts(store, parse(match), 10)
        if ranked is not None:
            assert all(s == pytest.approx(fts5[pid], rel=1e-6) for pid, s in zip(ranked.ids, ranked.scores))
            if ranked.exact:
                assert ranked.ids == _fts5_order(store, match)
        monkeypatch.setattr(champions, "BUDGET", 100_000)  # every candidate read: exact wherever the bound allows
        ranked = rank_by_impacts(store, parse(match), 10)
        assert ranked is None or not ranked.exact or ranked.ids == _fts5_order(store, match)


@pytest.mark.parametrize("query", QUERIES + ['"the party" OR central', "w1 NOT (w2 OR w3)", 'party OR ""'])
def test_the_store_renders_an_expression_as_fts5_reads_the_query(generated: Path, query: str) -> None:
    with Store(generated) as store:
        written = fts_query(query)
        rendered = fts5(parse(written))
        assert _fts5_order(store, rendered, 50) == _fts5_order(store, written, 50)
        assert [h.score for h in store.fts_hits(parse(written), 50).values()] == [
            round(-r, 4) for (r,) in store.db.execute(
                "SELECT bm25(passages_fts) AS rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT 50",
                (written,))
        ]


def test_common_words_are_ranked_by_the_lists(generated: Path) -> None:
    with Store(generated) as store:
        assert all(rank_by_impacts(store, spell_prefixes(store, parse(q)), 10) is not None for q in ("party", "w0 OR w3", "part*"))


def test_a_single_common_word_is_ranked_exactly(generated: Path) -> None:
    with Store(generated) as store:
        ranked = rank_by_impacts(store, parse("party"), 10)
        assert ranked is not None and ranked.exact
        assert ranked.ids == _fts5_order(store, "party")


ADDITIVE = ["w1 AND w2", "party AND w0", "w0 NOT w1", "(w3 OR w5) AND party", "w3 OR w5", "party AND w399", "part*"]


@pytest.mark.parametrize("query", ADDITIVE)
def test_postings_rank_words_exactly(generated: Path, query: str) -> None:
    """An expression of words, however seldom they meet, is ranked exactly from the postings."""
    with Store(generated) as store:
        match, fts5 = _fts5_scores(store, query)
        ranked = rank_by_impacts(store, parse(match), 10)
        assert ranked is not None and ranked.exact
        assert ranked.ids == _fts5_order(store, match)
        assert ranked.scores == pytest.approx([fts5[pid] for pid in ranked.ids], rel=1e-9)


def test_postings_leave_what_is_not_a_sum_of_words(generated: Path) -> None:
    """A phrase of common words has no postings, and in an OR of ANDs FTS5 counts only the
    branches that match: neither is ranked from the postings."""
    with Store(generated) as store:
        reads: list[str] = []
        store.db.set_trace_callback(reads.append)
        for query in ('"central committee" AND party', "(w1 AND w2) OR w3"):
            rank_by_impacts(store, parse(query), 10)
        store.db.set_trace_callback(None)
    assert not any("term_postings" in sql for sql in reads)


def test_rare_words_are_left_to_fts5(generated: Path) -> None:
    with Store(generated) as store:
        assert rank_by_impacts(store, parse('"w399 w398"'), 10) is None


def _copy(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the generated store, which counts as large enough for the lists."""
    copy = copy_store(generated, tmp_path / "copy.db")
    monkeypatch.setattr(index_refresh, "INDEXED_FROM", 100)
    return copy


def test_changes_are_merged_into_the_lists(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(_copy(generated, tmp_path, monkeypatch)) as store:
        assert store.impacts_fresh()
        store.save(_plain("gen/new.txt", "Party party party party.\n\nThe central committee of the party."))
        assert not store.impacts_fresh()
        assert rank_by_impacts(store, parse("party"), 10) is None  # stale: FTS5 ranks, and finds the new passage
        assert rank(store, parse("party"), 1)[0][0].document == "d31"
        store.save(_plain("gen/3.txt", "Central committee w1 w1."))  # replaced: its old passages are gone
        assert refresh_impacts(store) and store.impacts_fresh()
        for query in ("party", '"central committee"', "w1", "party AND w1", "w1 NOT party"):
            ranked = rank_by_impacts(store, parse(query), 10)
            assert ranked is not None and ranked.exact, query
            assert ranked.ids == _fts5_order(store, query), query
        assert rank(store, parse("party"), 1)[0][0].document == "d31"


def test_search_hits_are_the_same_either_way(generated: Path) -> None:
    with Store(generated) as store:
        listed = rank(store, parse("party"), 5)[0]
        assert rank_by_impacts(store, parse("party"), 5) is not None
        plain = rank(store, parse("party"), 5, SearchFilters(reader="text"))[0]  # filtered: FTS5 ranks
    assert [(h.document, h.passage) for h in listed] == [(h.document, h.passage) for h in plain]
    assert [h.highlights for h in listed] == [h.highlights for h in plain]
    assert [h.score for h in listed] == pytest.approx([h.score for h in plain], rel=1e-4)


def test_scorer_is_fts5s_bm25() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE f USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    texts = _texts(200, seed=3)
    db.executemany("INSERT INTO f (rowid, text) VALUES (?, ?)", enumerate(texts, 1))
    lengths = [len(tokens(t)) for t in texts]
    average = sum(lengths) / len(lengths)
    tree = parse("w1 OR (w2 NOT w0) OR \"central committee\"")
    df = {leaf: db.execute("SELECT count(*) FROM f WHERE f MATCH ?", ('"' + " ".join(leaf.words) + '"',)).fetchone()[0]
          for leaf in ranking.leaves(tree)}
    scorer = Scorer(tree, {leaf: idf(len(texts), n) for leaf, n in df.items()}, average)
    found = db.execute("SELECT rowid, -bm25(f) FROM f WHERE f MATCH ?", ("w1 OR (w2 NOT w0) OR \"central committee\"",)).fetchall()
    assert found
    for rowid, expected in found:
        assert scorer(texts[rowid - 1]) == pytest.approx(expected, rel=1e-9)
    unmatched = set(range(1, len(texts) + 1)) - {r for r, _ in found}
    assert all(scorer(texts[r - 1]) is None for r in unmatched)


def test_full_rank_scores_every_match_with_fts5(generated: Path) -> None:
    from chronika.query.finding import search

    with Store(generated) as store:
        listed = search(store, "w0 OR w3 OR w5", limit=10)
        full = search(store, "w0 OR w3 OR w5", limit=10, full_rank=True)
        assert not full.approximate
        assert [(h.document, h.passage) for h in full.hits] == [
            (f"d{d}", n) for rowid in _fts5_order(store, "w0 OR w3 OR w5")
            for d, n in store.db.execute("SELECT document_id, n FROM passages WHERE id = ?", (rowid,))
        ]
        if not listed.approximate:
            assert [(h.document, h.passage) for h in listed.hits] == [(h.document, h.passage) for h in full.hits]


@pytest.mark.parametrize("query", QUERIES + ['"the party" OR central', "w1 NOT (w2 OR w3)"])
def test_marked_words_are_fts5s_highlights(generated: Path, query: str) -> None:
    with Store(generated) as store:
        tree = spell_prefixes(store, parse(fts_query(query)))
        match = fts5(tree)
        rows = store.db.execute(
            "SELECT p.text, highlight(passages_fts, 0, char(2), char(3)) FROM passages_fts JOIN passages p"
            " ON p.id = passages_fts.rowid WHERE passages_fts MATCH ? LIMIT 60", (match,)
        ).fetchall()
        assert rows
        for text, marked in rows:
            assert ranking.highlights(tree, text) == highlights(marked)


def test_added_passages_alone_are_merged(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(_copy(generated, tmp_path, monkeypatch)) as store:
        store.save(_plain("gen/added.txt", "Party party party.\n\nParty w2 w2."))
        assert refresh_impacts(store) and store.impacts_fresh()
        for query in ("party", "party AND w2"):
            ranked = rank_by_impacts(store, parse(query), 10)
            assert ranked is not None and ranked.exact and ranked.ids == _fts5_order(store, query), query
        assert rank(store, parse("party"), 1)[0][0].document == "d31"


def test_merges_append_segments_read_as_one(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each merge of added passages writes a segment, not every touched list and word's postings;
    the lists and postings read are those that merging each time whole gives, and the segments
    are written whole again past `SEGMENTS`, or when passages are removed."""
    stores = {}
    for segments in (0, 2):
        monkeypatch.setattr(index_refresh, "SEGMENTS", segments)
        (tmp_path / str(segments)).mkdir()
        with Store(_copy(generated, tmp_path / str(segments), monkeypatch)) as store:
            whole = store.db.execute("SELECT passages FROM term_postings WHERE term = 'party'").fetchone()[0]
            seen, steps = [], []
            for n, text in enumerate(["Party party w1 w1.\n\nParty w2 and more words.", "\n\n".join(f"W2 party {'w3 ' * k}." for k in range(60)),
                                      "Party w1 w2 party w2.", "Party."]):
                if n == 3:
                    store.save(_plain("gen/4.txt", text))  # replaced: passages removed
                else:
                    store.save(_plain(f"gen/added-{n}.txt", text))
                assert refresh_impacts(store) and store.impacts_fresh()
                seen.append(store.db.execute("SELECT count(*) FROM impact_segments").fetchone()[0])
                if segments:
                    assert (store.db.execute("SELECT passages FROM term_postings WHERE term = 'party'").fetchone()[0]
                            == whole) == (n < 2)  # a word's postings are not rewritten while segments pile up
                reads: list[str] = []
                store.db.set_trace_callback(reads.append)
                for query in ("party", "party AND w2", "w1 AND w2", "w0 NOT w1", '"central committee"'):
                    ranked = rank_by_impacts(store, parse(query), 10)
                    assert ranked is not None and ranked.exact and ranked.ids == _fts5_order(store, query), query
                store.db.set_trace_callback(None)
                assert not segments or n >= 2 or any("posting_segments" in sql for sql in reads)
                steps.append((dict(store.impact_lists()), {w: store.postings_of(w) for w in store.posted_words()},
                              store.passage_lengths()))
            assert (seen[0] > 0 and seen[1] > 0 and seen[2] == seen[3] == 0) if segments else not any(seen)
            stores[segments] = steps
    first, second = stores[0][0][0], stores[0][1][0]
    assert any(second[key].floor > one.floor for key, one in first.items())  # a full list dropped what it took
    for (lists, postings, lengths), (lists2, postings2, lengths2) in zip(stores[0], stores[2]):
        assert lists.keys() == lists2.keys() and postings.keys() == postings2.keys()
        for key, one in lists.items():
            other = lists2[key]
            assert (one.df, one.floor) == (other.df, other.floor), key
            assert np.array_equal(one.ids, other.ids) and np.array_equal(one.weights, other.weights), key
        for word, found in postings.items():
            again = postings2[word]
            assert found is not None and again is not None
            assert np.array_equal(found[0], again[0]) and np.array_equal(found[1], again[1]), word
        assert lengths is not None and lengths2 is not None and np.array_equal(lengths, lengths2)
