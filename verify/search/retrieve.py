"""Candidate evidence for a claim: a BM25 query over SQLite FTS5.

Retrieval narrows a reference corpus of any size to a few dozen passages, so the
costlier fuzzy alignment in ``match.py`` only ever sees those.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import sqlite_utils

from verify.claims import content_words, fold
from verify.records import ReferencePassage

MAX_QUERY_WORDS = 32
DEFAULT_CANDIDATES = 30


def _fts_query(text: str) -> str | None:
    """An OR query of the content words, each quoted so FTS syntax in the
    claim ("NOT", "NEAR", a stray quote) is read as words."""
    words = content_words(text)[:MAX_QUERY_WORDS]
    if not words:
        return None
    return " OR ".join(f'"{w}"' for w in words)


PASSAGE_SQL = """
select passages.id, passages.document_id, documents.source, documents.url,
       documents.fetched_at, documents.sha256, documents.published,
       passages.start, passages."end", passages.text, passages.page,
       documents.revision_id, documents.revision_timestamp, documents.original_url,
       documents.captured_at
from passages join documents on documents.id = passages.document_id
"""


def candidates(
    db: sqlite_utils.Database,
    text: str,
    document_ids: Sequence[int],
    limit: int = DEFAULT_CANDIDATES,
) -> list[ReferencePassage]:
    """The passages of ``document_ids`` that best match ``text`` by BM25, best first."""
    query = _fts_query(text)
    if query is None or not document_ids:
        return []
    marks = ",".join("?" for _ in document_ids)
    sql = f"""{PASSAGE_SQL}
        join passages_fts on passages_fts.rowid = passages.id
        where passages_fts match ? and passages.document_id in ({marks})
        order by passages_fts.rank limit ?"""
    rows = db.execute(sql, [query, *document_ids, limit]).fetchall()
    return [ReferencePassage(*row) for row in rows]


def passages_of(db: sqlite_utils.Database, document_ids: Sequence[int]) -> list[ReferencePassage]:
    """Every passage of the given documents, in document order."""
    if not document_ids:
        return []
    marks = ",".join("?" for _ in document_ids)
    sql = f"{PASSAGE_SQL} where passages.document_id in ({marks}) order by passages.id"
    return [ReferencePassage(*row) for row in db.execute(sql, list(document_ids)).fetchall()]


# -- whole-claim searches that stay fast on a large corpus ----------------------------------

# FTS5 computes BM25 for every row a query matches before ORDER BY rank LIMIT can
# cut, at 2-5 µs a row, and an OR of all a claim's words matches a third of a large
# corpus: 0.7 s a claim at a million passages (benchmarks/README.md). So a claim
# search runs that full query only when its words are found in this few rows in all.
FULL_QUERY_ROWS = 2_000
# Otherwise it reads every passage holding one of the claim's rarest words, as many
# of those words as are found in this many rows in all ...
RARE_ROWS = 150
# ... and, when that is fewer than two words or too few passages (a source may
# lack a misspelt name or a changed number), the passages holding all but one of
# the claim's this many rarest words, until CONJUNCTION_ROWS are found.
CONJUNCTION_WORDS = 4
CONJUNCTION_ROWS = 200
# Conjunctions stop as soon as a passage read holds this share of the claim's
# words, weighted by IDF: the source has been found.
COVERED_SHARE = 0.9
# Counting a word's passages stops here: enough to tell rare words apart, and a
# count costs about 0.1 µs a row.
COUNT_CAP = 20_000
# FTS5's bm25() defaults, for ranking what those queries found.
BM25_K1 = 1.2
BM25_B = 0.75


@dataclass(frozen=True)
class ClaimQuery:
    """How a claim search reads the index: the full OR query, or the passages
    holding any of the rare words plus those holding all of one conjunction."""

    words: tuple[str, ...]  # the claim's content words found in the index, rarest first
    full: bool
    rare: tuple[str, ...] = ()
    conjunctions: tuple[tuple[str, ...], ...] = ()


def plan_claim_query(words: Sequence[str], counts: Mapping[str, int], total: int) -> ClaimQuery:
    """The query for a claim with these content words, given how many of the
    ``total`` passages hold each (counts may be capped)."""
    present = sorted((w for w in words if counts[w]), key=counts.__getitem__)
    if sum(counts[w] for w in present) <= FULL_QUERY_ROWS:
        return ClaimQuery(tuple(present), full=True)
    rare: list[str] = []
    for word in present:
        if sum(counts[w] for w in rare) + counts[word] > RARE_ROWS:
            break
        rare.append(word)
    groups = _conjunctions(present[len(rare) :], bool(rare))
    # The most selective first (by the share of passages that would hold all of a
    # group if words were independent): they find the fewest, likeliest passages.
    groups.sort(key=lambda group: math.prod(counts[w] / total for w in group))
    return ClaimQuery(tuple(present), False, tuple(rare), tuple(groups))


def _conjunctions(rest: list[str], have_rare: bool) -> list[tuple[str, ...]]:
    """With a rare word, the rest of the rarest CONJUNCTION_WORDS all together
    (a source lacking the rare word holds them); without one, every way of
    leaving one of them out, and all of them too when that leaves pairs, which
    common words form in thousands of passages."""
    if have_rare:
        group = tuple(rest[: CONJUNCTION_WORDS - 1])
        return [group] if len(group) >= 2 else []
    group = tuple(rest[:CONJUNCTION_WORDS])
    if len(group) < 3:
        return [group] if group else []
    smaller = list(itertools.combinations(group, len(group) - 1))
    return [group, *smaller] if len(group) == 3 else smaller


def _phrase(word: str) -> str:
    return f'"{word}"'


_TOKEN = re.compile(r"\w+")  # the tokens content_words reads
COUNT_SQL = """select count(*) from
(select rowid from passages_fts where passages_fts match ? limit ?)"""
MATCHING_SQL = """select passages.id, passages.document_id from passages_fts
join passages on passages.id = passages_fts.rowid where passages_fts match ?"""


@dataclass
class ClaimSearch:
    """Whole-claim candidates from ``document_ids``: the full BM25 query while it
    is cheap, else the passages sharing the claim's rarest words or most of its
    rarer ones, ranked by BM25 in Python. Word counts are cached for its life."""

    db: sqlite_utils.Database
    document_ids: tuple[int, ...]
    _in_set: frozenset[int] = field(init=False, repr=False)
    _counts: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _passages: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        self._in_set = frozenset(self.document_ids)

    def count(self, word: str) -> int:
        """Passages holding ``word`` anywhere in the index, up to COUNT_CAP."""
        if word not in self._counts:
            row = self.db.execute(COUNT_SQL, [_phrase(word), COUNT_CAP]).fetchone()
            self._counts[word] = row[0]
        return self._counts[word]

    def plan(self, text: str) -> ClaimQuery:
        words = content_words(text)[:MAX_QUERY_WORDS]
        return plan_claim_query(words, {w: self.count(w) for w in words}, self.passages())

    def passages(self) -> int:
        """Passages in the index."""
        if not self._passages:
            self._passages = self.db.execute("select count(*) from passages").fetchone()[0]
        return self._passages

    def candidates(self, text: str, limit: int = DEFAULT_CANDIDATES) -> list[ReferencePassage]:
        """Up to ``limit`` passages of the set for the claim ``text``, best first."""
        if not self.document_ids:
            return []
        query = self.plan(text)
        if query.full:
            return candidates(self.db, text, self.document_ids, limit)
        scorer = _Scorer(query.words, {w: self._idf(w) for w in query.words})
        found: dict[int, None] = {}
        for word in query.rare:
            found.update(self._matching(_phrase(word)))
        scorer.read(self._texts(list(found)))
        if len(query.rare) >= 2 and len(found) >= limit:
            return self._best(scorer.scores(), limit)
        for group in query.conjunctions:
            if scorer.holds_most() or len(found) >= CONJUNCTION_ROWS:
                break
            more = self._matching(" AND ".join(map(_phrase, group)), CONJUNCTION_ROWS)
            scorer.read(self._texts([i for i in more if i not in found]))
            found.update(more)
        return self._best(scorer.scores(), limit)

    def _matching(self, query: str, cap: int | None = None) -> dict[int, None]:
        """Passages of the set matching ``query``, unranked: no BM25 to pay for."""
        found: dict[int, None] = {}
        for passage_id, document_id in self.db.execute(MATCHING_SQL, [query]):
            if document_id in self._in_set:
                found[passage_id] = None
                if cap is not None and len(found) >= cap:
                    break
        return found

    def _texts(self, ids: list[int]) -> list[tuple[int, str]]:
        marks = ",".join("?" for _ in ids)
        sql = f"select id, text from passages where id in ({marks})"
        return self.db.execute(sql, ids).fetchall() if ids else []

    def _best(self, scores: Mapping[int, float], limit: int) -> list[ReferencePassage]:
        best = sorted(scores, key=lambda i: (-scores[i], i))[:limit]
        marks = ",".join("?" for _ in best)
        rows = self.db.execute(f"{PASSAGE_SQL} where passages.id in ({marks})", best)
        by_id = {row[0]: ReferencePassage(*row) for row in rows}
        return [by_id[i] for i in best]

    def _idf(self, word: str) -> float:
        """FTS5's BM25 IDF; a capped count gives a common word a little too much."""
        total, holding = self.passages(), self.count(word)
        return max(math.log((total - holding + 0.5) / (holding + 0.5)), 1e-6)


@dataclass
class _Scorer:
    """The claim's words in each passage read so far: their BM25, and whether one
    passage already holds most of the claim (then a source lacking its rare word
    need not be looked for)."""

    words: Sequence[str]
    idf: Mapping[str, float]
    hits: dict[int, Counter[str]] = field(default_factory=dict)
    lengths: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._most = 0.0  # the largest IDF weight of the claim one passage holds
        self._wanted = frozenset(self.words)

    def read(self, texts: Iterable[tuple[int, str]]) -> None:
        for passage_id, text in texts:
            folded = fold(text)
            # Whole tokens, as content_words cut them: compiling a pattern of the
            # claim's words cost more than reading the passages with it.
            held = Counter(w for w in _TOKEN.findall(folded) if w in self._wanted)
            self.hits[passage_id] = held
            self.lengths[passage_id] = folded.count(" ") + 1
            self._most = max(self._most, sum(self.idf[w] for w in held))

    def holds_most(self) -> bool:
        return self._most >= COVERED_SHARE * sum(self.idf.values())

    def scores(self) -> dict[int, float]:
        """BM25 with the average length of the passages read standing in for the
        corpus's (which FTS5 keeps, but not where SQL reads it)."""
        if not self.lengths:
            return {}
        average = sum(self.lengths.values()) / len(self.lengths)
        scores: dict[int, float] = {}
        for passage_id, counted in self.hits.items():
            norm = BM25_K1 * (1 - BM25_B + BM25_B * self.lengths[passage_id] / average)
            scores[passage_id] = sum(
                self.idf[w] * n * (BM25_K1 + 1) / (n + norm) for w, n in counted.items()
            )
        return scores
