"""The two seed articles, as scraped text and as publisher pages over HTTP,
give the claims and slots a fact-checker would pick out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from verify.ingest import ingest
from verify.store import list_claims, open_db

ARTICLE_A_TEXT = "articles/000_7ad785c25a2a454d.txt"
ARTICLE_B_TEXT = "articles/002_4d51db6b0b5c6aac.txt"
ARTICLE_A_PAGE = "pages/article-a.html"
ARTICLE_B_PAGE = "pages/article-b.html"


def ingest_one(db_path: Path, source: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    db = open_db(db_path)
    result = ingest(db, [source])
    assert not result.errors, result.errors
    [stored] = result.stored
    return db["documents"].get(stored.document_id), list_claims(db)


@pytest.fixture(params=["text", "page"])
def article_a(request, fixtures_dir, fixture_site, db_path):  # type: ignore[no-untyped-def]
    if request.param == "text":
        return ingest_one(db_path, str(fixtures_dir / ARTICLE_A_TEXT))
    return ingest_one(db_path, fixture_site.url_for("/" + ARTICLE_A_PAGE))


@pytest.fixture(params=["text", "page"])
def article_b(request, fixtures_dir, fixture_site, db_path):  # type: ignore[no-untyped-def]
    if request.param == "text":
        return ingest_one(db_path, str(fixtures_dir / ARTICLE_B_TEXT))
    return ingest_one(db_path, fixture_site.url_for("/" + ARTICLE_B_PAGE))


def claim_with(claims: list[dict[str, Any]], words: str) -> dict[str, Any]:
    matches = [c for c in claims if words in c["text"]]
    assert matches, f"no claim contains {words!r}"
    return matches[0]


def quantities(claim: dict[str, Any]) -> dict[float, str]:
    return {q["value"]: q["counted"] for q in claim["slots"]["quantities"]}


def test_a_is_dated_from_its_page(article_a) -> None:  # type: ignore[no-untyped-def]
    document, _ = article_a
    assert document["published"] == "2022-02-24"
    assert "Article 4" in document["title"]


def test_a_counts_invocations_since_1949(article_a) -> None:  # type: ignore[no-untyped-def]
    _, claims = article_a
    claim = claim_with(claims, "invoked six times")
    counts = quantities(claim)
    assert counts[6.0] == "times" and counts[5.0] == "occasions"
    years = {(d["relation"], d["value"]) for d in claim["slots"]["dates"]}
    assert ("since", "1949") in years
    assert "quantity" in claim["kinds"] and "date" in claim["kinds"]


def test_a_member_states_and_provision(article_a) -> None:  # type: ignore[no-untyped-def]
    _, claims = article_a
    claim = claim_with(claims, "30 member states")
    assert quantities(claim)[30.0] == "member states"
    assert [p["name"] for p in claim["slots"]["provisions"]] == ["Article 4"]


def test_a_quotes_the_treaty(article_a) -> None:  # type: ignore[no-untyped-def]
    _, claims = article_a
    claim = claim_with(claims, "The Parties will consult together")
    [quote] = claim["slots"]["quotations"]
    assert quote["text"].startswith("The Parties will consult together whenever")
    assert quote["text"].rstrip(".").endswith("is threatened")
    assert "Article 4" in (quote["speaker"] or "")


def test_a_resolves_thursday_to_publication_day(article_a) -> None:  # type: ignore[no-untyped-def]
    _, claims = article_a
    claim = claim_with(claims, "on Thursday")
    assert "2022-02-24" in {d["value"] for d in claim["slots"]["dates"]}


def test_a_sourcing_is_attributed(article_a) -> None:  # type: ignore[no-untyped-def]
    _, claims = article_a
    sources = [a for c in claims for a in c["slots"]["attributions"]]
    assert any("Washington Examiner" in a["source"] for a in sources)
    assert any(a["anonymous"] for a in sources)


def test_b_has_no_date(article_b) -> None:  # type: ignore[no-untyped-def]
    document, claims = article_b
    assert document["published"] is None
    # An undated article resolves no weekday: "on Tuesday" stays open.
    tuesday = claim_with(claims, "said on Tuesday")
    assert all(d["value"] == "" for d in tuesday["slots"]["dates"] if "Tuesday" in d["text"])


def people(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for c in claims for p in c["slots"]["people"]]


def test_b_names_office_holders_with_roles(article_b) -> None:  # type: ignore[no-untyped-def]
    _, claims = article_b
    found = {p["name"]: p for p in people(claims) if p["role"]}
    assert found["Dalia Grybauskaite"]["role"] == "president"
    assert found["Dalia Grybauskaite"]["organisation"] == "Lithuanian"
    assert found["Jim Mattis"]["role"] == "defence secretary"
    assert found["Jim Mattis"]["organisation"] == "American"


def test_b_attributes_to_the_ministry(article_b) -> None:  # type: ignore[no-untyped-def]
    _, claims = article_b
    claim = claim_with(claims, "according to the Belarus defence ministry")
    [attribution] = claim["slots"]["attributions"]
    assert attribution["source"] == "the Belarus defence ministry"
    assert attribution["anonymous"] is False


def test_sentences_without_checkable_detail_are_not_claims(article_b) -> None:  # type: ignore[no-untyped-def]
    _, claims = article_b
    assert not [c for c in claims if c["text"].startswith("Moscow justified its actions")]
