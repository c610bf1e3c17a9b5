"""ClaimReview export: items built from a real check of the fixture pages pass the
required-field check; the rating scale, claim shortening and the article without a
URL on hand-made reports; and the validator catches what it should."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from verify import review
from verify.judge import run_check
from verify.records import Verdict
from verify.report import report_data
from verify.store import open_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REVIEW_URL = "https://factcheck.example.org/reviews/run-1"
AUTHOR = "Example Fact Desk"
AUTHOR_URL = "https://factcheck.example.org/"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = open_db(tmp_path_factory.mktemp("claimreview") / "claims.db")
    pages = [str(FIXTURES / "pages" / name) for name in ("article-a.html", "article-b.html")]
    result = run_check(db, pages, [str(FIXTURES / "references")])
    assert not result.errors, result.errors
    return report_data(result)


@pytest.fixture(scope="module")
def items(report: dict[str, Any]) -> list[dict[str, Any]]:
    return review.claim_reviews(report, author=AUTHOR, author_url=AUTHOR_URL, review_url=REVIEW_URL)


def all_claims(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for d in report["documents"] for c in d["claims"]]


def hand_made(text: str, **document: Any) -> dict[str, Any]:
    """A minimal report with one article and one claim, shaped like report_data's."""
    doc = {
        "source": "drafts/article.txt",
        "document_id": 1,
        "url": None,
        "title": "A draft",
        "author": None,
        "publisher": None,
        "published": None,
        "claims": [{"id": 7, "text": text, "verdict": "contradicted", "reasons": ["r"]}],
    }
    doc.update(document)
    return {"generated_at": "2026-03-04T05:06:07Z", "documents": [doc], "conflicts": []}


# --- on a real check of the fixture pages ---------------------------------------


def test_one_item_per_checked_claim(report: dict[str, Any], items: list[dict[str, Any]]) -> None:
    claims = all_claims(report)
    assert len(items) == len(claims) > 10
    assert [i["url"] for i in items] == [f"{REVIEW_URL}#claim-{c['id']}" for c in claims]


def test_every_item_passes_the_required_fields(items: list[dict[str, Any]]) -> None:
    for item in items:
        assert review.missing_fields(item) == [], item
        assert item["@context"] == "https://schema.org"
        assert item["@type"] == "ClaimReview"


def test_claim_reviewed_is_short_and_taken_from_the_claim(
    report: dict[str, Any], items: list[dict[str, Any]]
) -> None:
    shortened = 0
    for claim, item in zip(all_claims(report), items, strict=True):
        reviewed = item["claimReviewed"]
        assert len(reviewed) < review.CLAIM_REVIEWED_LIMIT
        full = " ".join(claim["text"].split())
        if reviewed.endswith("…"):
            shortened += 1
            assert full.startswith(reviewed[:-1])
            assert full[len(reviewed) - 1] in " ,;:.", reviewed  # cut between words
        else:
            assert reviewed == full
        assert item["itemReviewed"]["text"] == full
    assert shortened  # the fixtures have long claims, so shortening was exercised


def test_ratings_follow_the_documented_scale(
    report: dict[str, Any], items: list[dict[str, Any]]
) -> None:
    seen = set()
    for claim, item in zip(all_claims(report), items, strict=True):
        rating = item["reviewRating"]
        expected = {
            "supported": (5, "Supported by the references"),
            "unverified": (3, "Not verified: the references do not settle it"),
            "contradicted": (1, "Contradicted by the references"),
        }[claim["verdict"]]
        assert (rating["ratingValue"], rating["alternateName"]) == expected
        assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
        assert rating["ratingExplanation"] == "; ".join(claim["reasons"])
        seen.add(claim["verdict"])
    assert seen == {"supported", "unverified", "contradicted"}


def test_article_details_go_into_item_reviewed(
    report: dict[str, Any], items: list[dict[str, Any]]
) -> None:
    by_id = {i["url"].rsplit("-", 1)[1]: i for i in items}
    for doc in report["documents"]:
        reviewed = by_id[str(doc["claims"][0]["id"])]["itemReviewed"]
        [work] = reviewed["appearance"]
        assert work["name"] == doc["title"]
        assert "url" not in work  # local files: no address to give
        assert reviewed.get("datePublished") == doc["published"]
        if doc["author"]:
            assert reviewed["author"] == {"@type": "Person", "name": doc["author"]}
        else:
            assert reviewed["author"] == {"@type": "Organization", "name": doc["publisher"]}


def test_review_author_and_date(report: dict[str, Any], items: list[dict[str, Any]]) -> None:
    for item in items:
        assert item["author"] == {"@type": "Organization", "name": AUTHOR, "url": AUTHOR_URL}
        assert item["datePublished"] == report["generated_at"][:10]


def test_json_serialisable_and_graph_document(items: list[dict[str, Any]]) -> None:
    document = json.loads(json.dumps(review.claim_review_document(items), ensure_ascii=False))
    assert document["@context"] == "https://schema.org"
    assert len(document["@graph"]) == len(items)
    assert all("@context" not in node for node in document["@graph"])
    assert all(
        review.missing_fields({"@context": "x", **node}) == [] for node in document["@graph"]
    )


def test_without_review_url_only_url_is_missing(report: dict[str, Any]) -> None:
    for item in review.claim_reviews(report, author=AUTHOR):
        assert "url" not in item
        assert "url" not in item["author"]
        assert review.missing_fields(item) == ["url"]


# --- hand-made reports ------------------------------------------------------------


def test_long_claim_cut_at_a_word_boundary() -> None:
    text = (
        "The alliance said on Tuesday that  seventeen member states had agreed to raise\n"
        "their defence budgets above the agreed guideline by the end of the decade."
    )
    [item] = review.claim_reviews(hand_made(text), author=AUTHOR, review_url=REVIEW_URL)
    assert item["claimReviewed"] == (
        "The alliance said on Tuesday that seventeen member states had agreed to…"
    )
    assert review.missing_fields(item) == []


def test_short_claim_kept_whole_on_one_line() -> None:
    assert review.shorten("Seven  states\nsigned it.") == "Seven states signed it."
    exactly = "x" * (review.CLAIM_REVIEWED_LIMIT - 1)
    assert review.shorten(exactly) == exactly
    assert len(review.shorten(exactly + "y")) == review.CLAIM_REVIEWED_LIMIT - 1


def test_one_overlong_word_is_cut_inside_it() -> None:
    cut = review.shorten("https://example.org/" + "a" * 200)
    assert len(cut) == review.CLAIM_REVIEWED_LIMIT - 1 and cut.endswith("…")


def test_trailing_punctuation_dropped_before_the_ellipsis() -> None:
    words = "word " * 13 + "comma, " + "tail " * 10  # the cut falls just after "comma,"
    cut = review.shorten(words.strip())
    assert cut.endswith("comma…"), cut


def test_article_without_url_is_described_by_title_and_publisher() -> None:
    data = hand_made("Seven states signed it.", publisher="Example Times", published="2024-05-01")
    [item] = review.claim_reviews(data, author=AUTHOR, review_url=REVIEW_URL)
    reviewed = item["itemReviewed"]
    assert reviewed["appearance"] == [
        {
            "@type": "CreativeWork",
            "name": "A draft",
            "publisher": {"@type": "Organization", "name": "Example Times"},
        }
    ]
    assert reviewed["datePublished"] == "2024-05-01"
    assert "drafts/article.txt" not in json.dumps(item)  # no local path leaks
    assert review.missing_fields(item) == []


def test_fetched_article_appears_at_its_url() -> None:
    data = hand_made("Seven states signed it.", url="https://news.example.com/a?id=1")
    [item] = review.claim_reviews(data, author=AUTHOR, review_url=REVIEW_URL + "#top")
    assert item["itemReviewed"]["appearance"][0]["url"] == "https://news.example.com/a?id=1"
    assert item["url"] == REVIEW_URL + "#claim-7"  # the page's own fragment replaced
    assert "datePublished" not in item["itemReviewed"]  # never invented
    assert "author" not in item["itemReviewed"]


def test_web_source_used_when_no_url_was_stored() -> None:
    data = hand_made("Seven states signed it.", source="https://news.example.com/b")
    [item] = review.claim_reviews(data, author=AUTHOR)
    assert item["itemReviewed"]["appearance"][0]["url"] == "https://news.example.com/b"


def test_scale_covers_every_verdict_in_order() -> None:
    assert set(review.SCALE) == set(Verdict)
    values = [
        review.SCALE[v].value for v in (Verdict.CONTRADICTED, Verdict.UNVERIFIED, Verdict.SUPPORTED)
    ]
    assert review.WORST_RATING == values[0] < values[1] < values[2] == review.BEST_RATING
    assert len({r.text for r in review.SCALE.values()}) == len(review.SCALE)


# --- the validator ----------------------------------------------------------------


@pytest.fixture
def valid() -> dict[str, Any]:
    data = hand_made("Seven states signed it.", author="A. Writer", published="2024-05-01")
    [item] = review.claim_reviews(data, author=AUTHOR, review_url=REVIEW_URL)
    assert review.missing_fields(item) == []
    return item


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("claimReviewed",), "", "claimReviewed"),
        (("claimReviewed",), "x" * 80, "claimReviewed under 75 characters"),
        (("url",), "claims.html#claim-7", "url as an http(s) address"),
        (("reviewRating", "alternateName"), None, "reviewRating.alternateName"),
        (
            ("reviewRating", "ratingValue"),
            "5",
            "reviewRating.ratingValue, bestRating and worstRating as numbers",
        ),
        (
            ("reviewRating", "ratingValue"),
            9,
            "reviewRating.ratingValue between worstRating and bestRating",
        ),
        (("author", "name"), " ", "author.name"),
        (("author",), None, "author"),
        (("datePublished",), "04/03/2026", "datePublished"),
        (("datePublished",), "2026-02-30", "datePublished"),
        (("itemReviewed", "datePublished"), "May 2024", "itemReviewed.datePublished"),
        (("itemReviewed", "author", "name"), "", "itemReviewed.author.name"),
        (("itemReviewed",), None, "itemReviewed"),
    ],
)
def test_validator_names_the_broken_field(
    valid: dict[str, Any], path: tuple[str, ...], value: Any, expected: str
) -> None:
    item = copy.deepcopy(valid)
    *parents, last = path
    target = item
    for key in parents:
        target = target[key]
    if value is None:
        del target[last]
    else:
        target[last] = value
    assert review.missing_fields(item) == [expected]


def test_validator_needs_an_appearance_or_an_author(valid: dict[str, Any]) -> None:
    item = copy.deepcopy(valid)
    del item["itemReviewed"]["author"]
    assert review.missing_fields(item) == []  # the appearance alone is enough
    item["itemReviewed"]["appearance"] = [{"@type": "CreativeWork"}]
    assert review.missing_fields(item) == ["itemReviewed.appearance or itemReviewed.author"]
    item["itemReviewed"]["appearance"] = "https://news.example.com/a"
    assert review.missing_fields(item) == []


def test_validator_accepts_a_full_timestamp(valid: dict[str, Any]) -> None:
    assert review.missing_fields({**valid, "datePublished": "2026-03-04T05:06:07Z"}) == []
