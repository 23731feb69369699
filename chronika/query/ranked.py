"""Which way a search is ranked. A large store with fresh lists ranks an OR of very common words
from the champion lists (`champions.py`) and an expression of words whose score is a sum over its
leaves from the postings (`postings.py`), exactly; filtered searches, small stores, stale lists and
rare words are ranked by FTS5 in the store. One-word prefixes are spelled out into the words they
stand for first, so the lists can rank them. Every way gives FTS5's own scores and order."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from chronika.errors import QueryError
from chronika.query.ranking import Unsupported, disjunction, highlights, leaves, parse
from chronika.records.tokens import fold
from chronika.query.search import fts_query
from chronika.records.expression import Leaf, Node, Query, any_of
from chronika.records.search import Hit, SearchFilters
from chronika.store import Store

if TYPE_CHECKING:
    from chronika.query.champions import Ranked

EXACT_FIRST = 100_000  # postings below which an OR of words is ranked from them without trying the lists
MAX_SPELLED = 30  # words a prefix may stand for and still be spelled out


def search(store: Store, query: str, limit: int = 10, filters: SearchFilters | None = None) -> list[Hit]:
    """Passages matching a user's full-text query, best first (BM25), with the hits marked."""
    return rank(store, expression(query), limit, filters)[0]


def expression(query: str, shown: str | None = None) -> Query:
    """The tree of a user's query (as `fts_query` makes it safe); QueryError for one it cannot read."""
    written = fts_query(query)
    try:
        return parse(written)
    except Unsupported as e:
        raise QueryError(
            f"cannot search for {shown or query!r}: {e}. Quote phrases in \"...\", use AND/OR/NOT and word*"
        ) from e


def rank(store: Store, tree: Query, limit: int = 10, filters: SearchFilters | None = None,
         full_rank: bool = False) -> tuple[list[Hit], bool]:
    """Passages matching an expression, best first, and whether their order may differ from
    BM25's. A large store ranks from its champion lists unless `full_rank`; otherwise, and for
    filtered searches, FTS5 ranks."""
    tree = spell_prefixes(store, tree)
    if not full_rank and (filters is None or filters == SearchFilters()):
        ranked = rank_by_impacts(store, tree, limit)
        if ranked is not None:
            hits = store.passage_hits(dict(zip(ranked.ids, ranked.scores)))
            marked = [replace(hits[pid], highlights=h) for pid, h in zip(ranked.ids, ranked.highlights) if pid in hits]
            return marked, not ranked.exact
    found = store.fts_hits(tree, limit, filters)
    if _readable(tree):
        marks = {pid: highlights(tree, hit.text) for pid, hit in found.items()}
    else:
        marks = store.fts_highlights(tree, list(found))
    return [replace(hit, highlights=marks[pid]) for pid, hit in found.items()], False


def rank_by_impacts(store: Store, tree: Query, limit: int) -> Ranked | None:
    """The best `limit` passages for an expression from the lists or the postings, or None when
    FTS5 should rank it itself (no fresh lists, or an expression only rare words make cheap)."""
    state = store.impacts_state()
    if state is None or state.get("dirty") or not _readable(tree):
        return None
    # numpy and the ranking from lists and postings load only for a store that has them.
    from chronika.query.champions import by_lists
    from chronika.query.leaf_stats import LeafStats
    from chronika.query.postings import additive, exactly

    stats = LeafStats(store, state)
    if disjunction(tree) and stats.postings(tree) > EXACT_FIRST:
        # The lists first: they settle most ORs of very common words in a few reads.
        listed = by_lists(store, tree, stats, limit)
        return listed if listed is None or listed.exact else exactly(store, tree, stats, limit) or listed
    if additive(tree) and (found := exactly(store, tree, stats, limit)) is not None:
        return found
    return by_lists(store, tree, stats, limit)


def spell_prefixes(store: Store, tree: Query) -> Query:
    """Each one-word prefix (`terror*`) as the words it stands for (`terror OR terrorist ...`),
    when they are few: each word then weighs by its own rarity, as in Lucene's scoring rewrite,
    and the lists can rank it. A prefix standing for more words stays as it is."""
    if isinstance(tree, Node):
        return Node(tree.op, tuple(spell_prefixes(store, child) for child in tree.children))
    if not tree.prefix or len(tree.words) != 1:
        return tree
    found = store.words_starting(fold(tree.words[0]), MAX_SPELLED + 1)
    if not 0 < len(found) <= MAX_SPELLED:
        return tree
    return any_of([Leaf((word,)) for word in found])


def _readable(tree: Query) -> bool:
    """Whether every leaf has a word: a phrase without one is left to FTS5 alone."""
    return all(leaf.words for leaf in leaves(tree, positive=False))
