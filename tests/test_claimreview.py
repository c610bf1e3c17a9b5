"""ClaimReview export: reviewed claims only by default, with the reviewer's rating and
name; the tool's verdicts only when asked, marked as machine checks. Items built from a
real check of the fixture pages pass the required-field check; the rating scales, claim
shortening and the article without a URL on hand-made reports; and the validator
catches what it should."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from verify import review
from verify.judge import run_check
from verify.records import Rating, Verdict
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
    """Every claim of the real check, none reviewed: the tool's verdicts."""
    return review.claim_reviews(
        report,
        publisher=AUTHOR,
        publisher_url=AUTHOR_URL,
        review_url=REVIEW_URL,
        include_unreviewed=True,
    )


def decision(rating: str | None, **fields: Any) -> dict[str, Any]:
    """A claim's ``review`` as the report carries it."""
    row = {
        "id": 1,
        "status": "rated" if rating else "needs-work",
        "rating": rating,
        "alias": None,
        "note": None,
        "reviewer": "Ana Reviewer",
        "decided_at": "2026-03-09T10:11:12Z",
    }
    return {**row, **fields}


def reviewed(report: dict[str, Any], ratings: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """``report`` with the reviews given by claim id."""
    data = copy.deepcopy(report)
    for claim in all_claims(data):
        claim["review"] = ratings.get(claim["id"])
    return data


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
        "claims": [
            {
                "id": 7,
                "text": text,
                "verdict": "contradicted",
                "reasons": ["r"],
                "review": decision("false"),
            }
        ],
    }
    doc.update(document)
    return {"generated_at": "2026-03-04T05:06:07Z", "documents": [doc], "conflicts": []}


# --- on a real check of the fixture pages ---------------------------------------


def test_only_claims_a_reviewer_rated_are_published(report: dict[str, Any]) -> None:
    claims = all_claims(report)
    assert review.claim_reviews(report, publisher=AUTHOR) == []  # nobody reviewed yet
    contradicted = next(c for c in claims if c["verdict"] == "contradicted")
    supported = next(c for c in claims if c["verdict"] == "supported")
    unverified = next(c for c in claims if c["verdict"] == "unverified")
    data = reviewed(
        report,
        {
            # A reviewer may overrule the tool: the rating published is theirs.
            contradicted["id"]: decision("true", note="the reference is out of date"),
            supported["id"]: decision("misleading", reviewer="Ben Checker"),
            unverified["id"]: decision(None),  # needs work: not settled, not published
        },
    )
    items = review.claim_reviews(data, publisher=AUTHOR, review_url=REVIEW_URL)
    expected = sorted([contradicted["id"], supported["id"]], key=[c["id"] for c in claims].index)
    assert [i["url"] for i in items] == [f"{REVIEW_URL}#claim-{n}" for n in expected]
    by_url = {i["url"]: i for i in items}
    overruled = by_url[f"{REVIEW_URL}#claim-{contradicted['id']}"]
    assert overruled["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "True",
        "ratingExplanation": "the reference is out of date",
    }
    assert overruled["author"] == {"@type": "Person", "name": "Ana Reviewer"}
    assert overruled["publisher"] == {"@type": "Organization", "name": AUTHOR}
    assert overruled["datePublished"] == "2026-03-09"  # the date of the decision
    assert "creator" not in overruled  # a person's review, not the tool's
    misleading = by_url[f"{REVIEW_URL}#claim-{supported['id']}"]
    assert misleading["reviewRating"]["alternateName"] == "Misleading"
    assert misleading["reviewRating"]["ratingValue"] == 2
    assert "ratingExplanation" not in misleading["reviewRating"]  # no note, no explanation
    assert misleading["author"]["name"] == "Ben Checker"
    assert all(review.missing_fields(item) == [] for item in items)


def test_unreviewed_claims_added_as_machine_checks(
    report: dict[str, Any], items: list[dict[str, Any]]
) -> None:
    claims = all_claims(report)
    data = reviewed(report, {claims[0]["id"]: decision("false")})
    mixed = review.claim_reviews(data, publisher=AUTHOR, include_unreviewed=True)
    assert len(mixed) == len(claims)
    person, *machine = mixed
    assert person["reviewRating"]["alternateName"] == "False" and "creator" not in person
    for item in machine:
        assert item["reviewRating"]["alternateName"].startswith(review.MACHINE_MARK + ": ")
        assert item["creator"] == {
            "@type": "SoftwareApplication",
            "name": "verify",
            "softwareVersion": report["tool"]["version"],
        }
        assert item["author"] == {"@type": "Organization", "name": AUTHOR}


def test_an_unverified_claim_is_never_rated_above_unproven(
    report: dict[str, Any], items: list[dict[str, Any]]
) -> None:
    unproven = review.RATING_SCALE[Rating.UNPROVEN].value
    pairs = list(zip(all_claims(report), items, strict=True))
    unverified = [item for claim, item in pairs if claim["verdict"] == "unverified"]
    assert unverified
    assert all(item["reviewRating"]["ratingValue"] <= unproven for item in unverified)


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
        value, text = {
            "supported": (5, "Supported by the references"),
            "unverified": (3, "Unproven: the references do not settle it"),
            "contradicted": (1, "Contradicted by the references"),
        }[claim["verdict"]]
        expected = (value, f"Machine check, not reviewed by a person: {text}")
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


def test_machine_check_author_and_date(report: dict[str, Any], items: list[dict[str, Any]]) -> None:
    for item in items:
        assert item["author"] == {"@type": "Organization", "name": AUTHOR, "url": AUTHOR_URL}
        assert item["datePublished"] == report["generated_at"][:10]  # the run's date


def test_json_serialisable_and_graph_document(items: list[dict[str, Any]]) -> None:
    document = json.loads(json.dumps(review.claim_review_document(items), ensure_ascii=False))
    assert document["@context"] == "https://schema.org"
    assert len(document["@graph"]) == len(items)
    assert all("@context" not in node for node in document["@graph"])
    assert all(
        review.missing_fields({"@context": "x", **node}) == [] for node in document["@graph"]
    )


def test_without_review_url_only_url_is_missing(report: dict[str, Any]) -> None:
    for item in review.claim_reviews(report, publisher=AUTHOR, include_unreviewed=True):
        assert "url" not in item
        assert "url" not in item["author"]
        assert review.missing_fields(item) == ["url"]


# --- hand-made reports ------------------------------------------------------------


def test_long_claim_cut_at_a_word_boundary() -> None:
    text = (
        "The alliance said on Tuesday that  seventeen member states had agreed to raise\n"
        "their defence budgets above the agreed guideline by the end of the decade."
    )
    [item] = review.claim_reviews(hand_made(text), publisher=AUTHOR, review_url=REVIEW_URL)
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
    [item] = review.claim_reviews(data, publisher=AUTHOR, review_url=REVIEW_URL)
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
    [item] = review.claim_reviews(data, publisher=AUTHOR, review_url=REVIEW_URL + "#top")
    assert item["itemReviewed"]["appearance"][0]["url"] == "https://news.example.com/a?id=1"
    assert item["url"] == REVIEW_URL + "#claim-7"  # the page's own fragment replaced
    assert "datePublished" not in item["itemReviewed"]  # never invented
    assert "author" not in item["itemReviewed"]


def test_web_source_used_when_no_url_was_stored() -> None:
    data = hand_made("Seven states signed it.", source="https://news.example.com/b")
    [item] = review.claim_reviews(data, publisher=AUTHOR)
    assert item["itemReviewed"]["appearance"][0]["url"] == "https://news.example.com/b"


def test_scales_cover_every_rating_and_verdict_in_order() -> None:
    assert list(review.RATING_SCALE) == [
        Rating.TRUE,
        Rating.MOSTLY_TRUE,
        Rating.UNPROVEN,
        Rating.MISLEADING,
        Rating.FALSE,
    ]
    values = [r.value for r in review.RATING_SCALE.values()]
    assert values == [review.BEST_RATING, 4, 3, 2, review.WORST_RATING]
    assert [r.text for r in review.RATING_SCALE.values()] == [
        "True",
        "Mostly true",
        "Unproven",
        "Misleading",
        "False",
    ]
    assert set(review.MACHINE_SCALE) == set(Verdict)
    machine = [
        review.MACHINE_SCALE[v].value
        for v in (Verdict.CONTRADICTED, Verdict.UNVERIFIED, Verdict.SUPPORTED)
    ]
    assert review.WORST_RATING == machine[0] < machine[1] < machine[2] == review.BEST_RATING
    assert machine[1] == review.RATING_SCALE[Rating.UNPROVEN].value


# --- the validator ----------------------------------------------------------------


@pytest.fixture
def valid() -> dict[str, Any]:
    data = hand_made("Seven states signed it.", author="A. Writer", published="2024-05-01")
    [item] = review.claim_reviews(data, publisher=AUTHOR, review_url=REVIEW_URL)
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
