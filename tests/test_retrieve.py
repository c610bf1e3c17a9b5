"""Retrieval: folding text for comparison, and claim searches that stay fast on a
large corpus while finding what the full query finds."""

from __future__ import annotations

import itertools
import random
import unicodedata
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.claims import fold
from verify.search import DEFAULT_CANDIDATES, ClaimSearch, ReferenceSet, plan_claim_query
from verify.search.retrieve import passages_of
from verify.store import open_db


def reference_fold(text: str) -> str:
    """The plain definition ``fold`` must keep to: decompose, drop combining
    marks, unify quotes and dashes, lower-case."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    quotes = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return stripped.translate(quotes).lower()


def test_fold_strips_accents_and_unifies_quotes() -> None:
    assert fold("Lazović’s “Café” — ÅNGSTRÖM") == 'lazovic\'s "cafe" - angstrom'
    assert fold("plain ASCII, Unchanged 12") == "plain ascii, unchanged 12"
    assert fold("ﬁnal Ｔｅｘｔ") == "final text"


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_fold_matches_its_definition_on_any_text(text: str) -> None:
    assert fold(text) == reference_fold(text)


# -- claim searches ----------------------------------------------------------------------

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo"]
SURNAMES = [f"{a}{b}" for a in ("Kal", "Mor", "Ten", "Vis", "Dar") for b in ("ova", "ski", "ini")]
CITIES = ["Aldburg", "Brenton", "Corville", "Dunmouth", "Elstad", "Farport"]
TOPICS = ["railway", "harbour", "pension", "wheat", "copper", "bridge", "tariff", "drought"]
SOURCE = "Elena Ancorini, the finance minister, announced a wheat subsidy in Brenton on 3 May 2019."
# Misspelt as another name the corpus holds: the rare word is not in the source.
MISSPELT = "Elena Ancorina, the finance minister, announced a wheat subsidy in Brenton."
DECOY = "Pavel Ancorina opened a museum in Farport."


def filler(rng: random.Random) -> str:
    """A sentence made of the corpus's common words, as templated news is."""
    return (
        f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}, the finance minister, announced a "
        f"{rng.choice(TOPICS)} subsidy in {rng.choice(CITIES)} on {rng.randint(1, 28)} May "
        f"{rng.randint(2000, 2020)}."
    )


def add_document(
    db: sqlite_utils.Database, number: int, texts: list[str], headings: frozenset[int] = frozenset()
) -> int:
    """A reference document of ``texts``; those at the indexes in ``headings`` are headings."""
    body = "\n\n".join(texts)
    document_id = (
        db["documents"]
        .insert(
            {
                "kind": "reference",
                "source": f"ref-{number}.html",
                "version": 1,
                "fetched_at": "2024-01-01T00:00:00Z",
                "sha256": f"{number:064x}",
                "raw": b"",
                "text": body,
            },  # fmt: skip
        )
        .last_pk
    )
    start, rows = 0, []
    for seq, text in enumerate(texts):
        kind = "heading" if seq in headings else "paragraph"
        rows.append({"document_id": document_id, "seq": seq, "kind": kind,
                     "start": start, "end": start + len(text), "text": text})  # fmt: skip
        start += len(text) + 2
    db["passages"].insert_all(rows)
    return document_id


@pytest.fixture
def large(tmp_path: Path) -> tuple[sqlite_utils.Database, list[int]]:
    """3,000 passages of common words, where a claim's full query would rank
    thousands of rows, and one source passage with a rare name."""
    db = open_db(tmp_path / "large.db")
    rng = random.Random(7)
    ids = [add_document(db, n, [filler(rng) for _ in range(100)]) for n in range(30)]
    ids.append(add_document(db, 30, [filler(rng), SOURCE, DECOY, filler(rng)]))
    return db, ids


def source_id(db: sqlite_utils.Database) -> int:
    return db.execute("select id from passages where text = ?", [SOURCE]).fetchone()[0]


def test_plan_keeps_the_full_query_while_its_words_are_rare() -> None:
    counts = {"treaty": 40, "article": 90, "zzz": 0}
    plan = plan_claim_query(list(counts), counts, 100)
    assert plan.full and plan.words == ("treaty", "article")


def test_plan_reads_the_rare_words_and_joins_the_next_rarest() -> None:
    counts = {"minister": 9000, "ancorini": 3, "brenton": 500, "wheat": 400, "2019": 700}
    plan = plan_claim_query(list(counts), counts, 10_000)
    assert not plan.full
    assert plan.words == ("ancorini", "wheat", "brenton", "2019", "minister")
    assert plan.rare == ("ancorini",)
    assert plan.conjunctions == (("wheat", "brenton", "2019"),)


def test_plan_without_a_rare_word_leaves_each_of_four_out_most_selective_first() -> None:
    counts = {"a": 900, "b": 800, "c": 700, "d": 600, "e": 5000}
    plan = plan_claim_query(list(counts), counts, 10_000)
    assert plan.rare == ()
    assert plan.conjunctions[0] == ("d", "c", "b")
    assert sorted(plan.conjunctions) == sorted(itertools.combinations(("d", "c", "b", "a"), 3))


def test_plan_of_three_common_words_joins_all_three_before_any_pair() -> None:
    counts = {"rural": 20_000, "textile": 20_000, "federation": 20_000}
    plan = plan_claim_query(list(counts), counts, 1_000_000)
    assert plan.conjunctions[0] == ("rural", "textile", "federation")
    assert sorted(plan.conjunctions[1:]) == sorted(itertools.combinations(counts, 2))


def test_claim_search_is_the_full_search_on_a_small_corpus(tmp_path: Path) -> None:
    db = open_db(tmp_path / "small.db")
    rng = random.Random(3)
    ids = (add_document(db, 1, [filler(rng) for _ in range(20)] + [SOURCE]),)
    refs = ReferenceSet(db, ids)
    for claim in (MISSPELT, "Greta Kalova announced a copper subsidy", "Dunmouth"):
        assert ClaimSearch(db, ids).plan(claim).full
        assert refs.claim_search(claim) == refs.search(claim)


def test_claim_search_on_a_large_corpus_finds_the_source_first(large) -> None:  # type: ignore[no-untyped-def]
    db, ids = large
    search = ClaimSearch(db, tuple(ids))
    assert not search.plan(SOURCE).full
    found = search.candidates("Officials said Elena Ancorini announced a wheat subsidy in Brenton")
    assert found[0].id == source_id(db)
    assert found[0].source == "ref-30.html" and found[0].text == SOURCE
    assert 1 <= len(found) <= DEFAULT_CANDIDATES


def test_claim_search_finds_a_source_that_lacks_the_rare_word(large) -> None:  # type: ignore[no-untyped-def]
    db, ids = large
    search = ClaimSearch(db, tuple(ids))
    plan = search.plan(MISSPELT)
    assert plan.rare == ("ancorina",) and plan.conjunctions
    assert source_id(db) in [p.id for p in search.candidates(MISSPELT)]


def test_claim_search_stops_looking_once_a_passage_holds_the_claim(large) -> None:  # type: ignore[no-untyped-def]
    db, ids = large
    search = ClaimSearch(db, tuple(ids))
    claim = SOURCE.split(" on ")[0]  # without a date, its one rare word is the name
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    plan = search.plan(claim)
    assert plan.rare == ("ancorini",) and plan.conjunctions
    assert search.candidates(claim)[0].id == source_id(db)
    assert not [sql for sql in statements if '" AND "' in sql]
    search.candidates(MISSPELT)
    assert [sql for sql in statements if '" AND "' in sql]
    db.conn.set_trace_callback(None)


def test_claim_search_keeps_to_its_documents(large) -> None:  # type: ignore[no-untyped-def]
    db, ids = large
    search = ClaimSearch(db, tuple(ids[:-1]))
    found = search.candidates(SOURCE)
    assert found and source_id(db) not in [p.id for p in found]
    assert {p.document_id for p in found} <= set(ids[:-1])
    assert ClaimSearch(db, ()).candidates(SOURCE) == []


def test_claim_search_agrees_with_the_full_search_on_the_best_passage(large) -> None:  # type: ignore[no-untyped-def]
    db, ids = large
    refs = ReferenceSet(db, tuple(ids))
    rng = random.Random(11)
    for passage_id in rng.sample(range(1, 3001), 25):
        text = db.execute("select text from passages where id = ?", [passage_id]).fetchone()[0]
        claim = text.replace("announced", "unveiled").rsplit(" on ", 1)[0]
        full = [p.id for p in refs.search(claim, limit=5)]
        fast = [p.id for p in refs.claim_search(claim, limit=5)]
        assert passage_id in full and passage_id in fast, claim


def test_a_narrower_claim_search_is_answered_by_a_wider_one(large) -> None:  # type: ignore[no-untyped-def]
    db, ids = large
    refs = ReferenceSet(db, tuple(ids))
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    wide = refs.claim_search(SOURCE, limit=20)
    searched = len(statements)
    assert refs.claim_search(SOURCE, limit=5) == wide[:5]
    assert len(statements) == searched  # nothing read again
    assert len(refs.claim_search(SOURCE, limit=25)) >= len(wide)
    assert len(statements) > searched  # more than it holds: searched anew
    db.conn.set_trace_callback(None)


def test_a_passage_heading_is_the_nearest_heading_above_it(tmp_path: Path) -> None:
    db = open_db(tmp_path / "headings.db")
    texts = ["Preamble text.", "Article 1", "First text.", "Second text.", "Article 2", "Third."]
    document_id = add_document(db, 1, texts, headings=frozenset({1, 4}))
    bare = add_document(db, 2, ["No headings here."])
    refs = ReferenceSet(db, (document_id, bare))
    by_text = {p.text: p for p in passages_of(db, [document_id, bare])}
    assert refs.heading(by_text["Preamble text."]) is None
    assert refs.heading(by_text["Article 1"]) is None  # a heading has none above it
    assert refs.heading(by_text["First text."]) == "Article 1"
    assert refs.heading(by_text["Second text."]) == "Article 1"
    assert refs.heading(by_text["Third."]) == "Article 2"
    assert refs.heading(by_text["No headings here."]) is None
