"""schema.org ClaimReview JSON-LD from the JSON report: a reviewer's rating published.

Built from the report dict (``verify.report.load_report``) rather than the
database, so an export says exactly what the report of the same run says. A
ClaimReview is what a fact-checker publishes, so by default only claims a reviewer
has rated are exported, with the reviewer's rating and the reviewer as author;
the tool's own verdicts are added only when asked, each marked as a machine check.

Google's fact-check structured data requires ``claimReviewed``, ``reviewRating``
(with a text verdict in ``alternateName``) and ``url``, and recommends ``author``,
``datePublished`` and ``itemReviewed`` (a Claim with ``appearance``, ``author``,
``datePublished``); ``missing_fields`` checks an item against that list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from verify import __version__
from verify.records import Rating, Verdict
from verify.review.links import claim_link

CONTEXT = "https://schema.org"
# Google asks for a claimReviewed under 75 characters so it does not wrap on phones.
CLAIM_REVIEWED_LIMIT = 75
ELLIPSIS = "…"


@dataclass(frozen=True)
class RatingValue:
    value: int
    text: str


# The rating scale, documented in the README: a number for machines, the text
# (the only part search engines show) for people. Unproven sits in the middle: the
# evidence neither confirms nor refutes the claim.
BEST_RATING = 5
WORST_RATING = 1
RATING_SCALE: dict[Rating, RatingValue] = {
    Rating.TRUE: RatingValue(5, Rating.TRUE.label),
    Rating.MOSTLY_TRUE: RatingValue(4, Rating.MOSTLY_TRUE.label),
    Rating.UNPROVEN: RatingValue(3, Rating.UNPROVEN.label),
    Rating.MISLEADING: RatingValue(2, Rating.MISLEADING.label),
    Rating.FALSE: RatingValue(1, Rating.FALSE.label),
}
# The tool's verdicts, for claims nobody rated (--include-unreviewed): an unverified
# claim is never rated above unproven.
MACHINE_SCALE: dict[Verdict, RatingValue] = {
    Verdict.SUPPORTED: RatingValue(5, "Supported by the references"),
    Verdict.UNVERIFIED: RatingValue(3, "Unproven: the references do not settle it"),
    Verdict.CONTRADICTED: RatingValue(1, "Contradicted by the references"),
}
MACHINE_MARK = "Machine check, not reviewed by a person"


def claim_reviews(
    data: dict[str, Any],
    *,
    publisher: str,
    publisher_url: str | None = None,
    review_url: str | None = None,
    include_unreviewed: bool = False,
) -> list[dict[str, Any]]:
    """One ClaimReview per claim of the report ``data`` that a reviewer rated (its
    ``review`` has a rating); with ``include_unreviewed``, one for every other claim
    too, rated by the tool's verdict and marked as machine-generated.

    ``publisher`` is the organisation publishing the reviews. ``review_url`` is the
    page that will host them; each item's ``url`` is that page with a
    ``#claim-<id>`` fragment. Without it ``url`` is left out rather than
    invented, and ``missing_fields`` reports it.
    """
    organisation = organization(publisher, publisher_url)
    items = []
    for document in data["documents"]:
        for claim in document["claims"]:
            rated = (claim.get("review") or {}).get("rating")
            if rated:
                item = _reviewed(claim, organisation)
            elif include_unreviewed:
                item = _machine_checked(claim, organisation, data)
            else:
                continue
            item["itemReviewed"] = _reviewed_claim(claim, document)
            if review_url:
                item["url"] = claim_link(review_url, claim["id"])
            items.append(item)
    return items


def _reviewed(claim: dict[str, Any], publisher: dict[str, Any]) -> dict[str, Any]:
    """The reviewer's rating, the reviewer as author, the date of the decision."""
    review = claim["review"]
    scale = RATING_SCALE[Rating(review["rating"])]
    note = [review["note"]] if review.get("note") else []
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": shorten(claim["text"]),
        "reviewRating": _rating(scale.value, scale.text, note),
        "author": {"@type": "Person", "name": review["reviewer"]},
        "publisher": publisher,
        "datePublished": review["decided_at"][:10],
    }


def _machine_checked(
    claim: dict[str, Any], publisher: dict[str, Any], data: dict[str, Any]
) -> dict[str, Any]:
    """The tool's verdict, marked in the text readers see and by its creator."""
    scale = MACHINE_SCALE[Verdict(claim["verdict"])]
    text = f"{MACHINE_MARK}: {scale.text}"
    tool = data.get("tool") or {}
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": shorten(claim["text"]),
        "reviewRating": _rating(scale.value, text, claim["reasons"]),
        "author": publisher,
        "publisher": publisher,
        "creator": {
            "@type": "SoftwareApplication",
            "name": tool.get("name", "verify"),
            "softwareVersion": tool.get("version", __version__),
        },
        "datePublished": data["generated_at"][:10],
    }


def claim_review_document(items: list[dict[str, Any]]) -> dict[str, Any]:
    """All ``items`` as one JSON-LD document: a single ``@context`` over an ``@graph``.

    One file or one ``<script type="application/ld+json">`` then carries every
    review of a run.
    """
    graph = [{k: v for k, v in item.items() if k != "@context"} for item in items]
    return {"@context": CONTEXT, "@graph": graph}


# "<", ">" and "&" written as JSON escapes, which mean the same characters to a JSON
# parser, so "</script>" in an article's claim cannot end the <script> element the
# export is published in and run what follows (OWASP: JSON embedded in HTML).
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def claim_review_json(items: list[dict[str, Any]]) -> str:
    """The JSON-LD text of ``claim_review_document(items)``, safe to paste into a
    ``<script type="application/ld+json">`` element as it is."""
    text = json.dumps(claim_review_document(items), indent=2, ensure_ascii=False)
    # The three characters occur only inside JSON strings, where escapes are valid.
    return text.translate(_SCRIPT_SAFE) + "\n"


# --- the parts of an item ------------------------------------------------------


def shorten(text: str, limit: int = CLAIM_REVIEWED_LIMIT) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis to stay under ``limit``."""
    text = " ".join(text.split())
    if len(text) < limit:
        return text
    room = limit - 1 - len(ELLIPSIS)
    cut = text[: room + 1]
    # Cut at the last space unless the text is one word longer than the limit.
    head = cut.rsplit(" ", 1)[0] if " " in cut[1:] else cut[:room]
    return head[:room].rstrip(" ,;:.–—-“‘(") + ELLIPSIS


def _rating(value: int, text: str, explanation: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": text,
    }
    if explanation:
        result["ratingExplanation"] = "; ".join(explanation)
    return result


def _reviewed_claim(claim: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    """The claim as the article made it: where it appeared, when and by whom."""
    item: dict[str, Any] = {
        "@type": "Claim",
        "text": " ".join(claim["text"].split()),
        "appearance": [appearance(document)],
    }
    # The article's own date only: an inferred date is the tool's estimate, not
    # the date the claim was made.
    if document["published"]:
        item["datePublished"] = document["published"]
    claimant = _claim_author(document)
    if claimant:
        item["author"] = claimant
    return item


def appearance(document: dict[str, Any]) -> dict[str, Any]:
    """The article as a CreativeWork: its URL, title and publisher when known.

    A local file has no URL anyone else can open, and its path would only leak
    the reviewer's file system (a relative path would even resolve against the
    review page), so it is described inline by title and publisher instead;
    schema.org allows an appearance to be a link or an inline description.
    """
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = _article_url(document)
    if url:
        work["url"] = url
    if document["title"]:
        work["name"] = document["title"]
    if document["publisher"]:
        work["publisher"] = organization(document["publisher"])
    return work


def _article_url(document: dict[str, Any]) -> str | None:
    """The fetched URL (after redirects), else the source if it is a web address."""
    if document["url"]:
        return str(document["url"])
    return document["source"] if _is_web_url(document["source"]) else None


def _claim_author(document: dict[str, Any]) -> dict[str, Any] | None:
    """The byline as a Person; without one the publisher stands behind the claim."""
    if document["author"]:
        return {"@type": "Person", "name": document["author"]}
    if document["publisher"]:
        return organization(document["publisher"])
    return None


def organization(name: str, url: str | None = None) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        org["url"] = url
    return org


def _is_web_url(text: str | None) -> bool:
    if not text:
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# --- validation ----------------------------------------------------------------


def missing_fields(item: dict[str, Any]) -> list[str]:
    """What ``item`` lacks of Google's required and recommended ClaimReview fields.

    Each entry is a dotted path ("reviewRating.alternateName") or a short
    statement of the broken rule; an empty list means the item is complete.
    """
    problems = [f for f in ("claimReviewed", "url") if not _text(item.get(f))]
    if item.get("@type") != "ClaimReview":
        problems.append("@type")
    if len(_text(item.get("claimReviewed"))) >= CLAIM_REVIEWED_LIMIT:
        problems.append(f"claimReviewed under {CLAIM_REVIEWED_LIMIT} characters")
    if _text(item.get("url")) and not _is_web_url(item["url"]):
        problems.append("url as an http(s) address")
    problems += _rating_problems(item.get("reviewRating"))
    problems += _author_problems(item.get("author"), "author")
    problems += _claim_problems(item.get("itemReviewed"))
    if not _is_iso_date(item.get("datePublished")):
        problems.append("datePublished")
    return problems


def _rating_problems(rating: Any) -> list[str]:
    if not isinstance(rating, dict):
        return ["reviewRating"]
    problems = [] if _text(rating.get("alternateName")) else ["reviewRating.alternateName"]
    numbers = [rating.get(k) for k in ("worstRating", "ratingValue", "bestRating")]
    if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers):
        return problems + ["reviewRating.ratingValue, bestRating and worstRating as numbers"]
    worst, value, best = numbers
    if not worst <= value <= best or worst == best:
        problems.append("reviewRating.ratingValue between worstRating and bestRating")
    return problems


def _author_problems(author: Any, path: str) -> list[str]:
    if not isinstance(author, dict) or author.get("@type") not in ("Organization", "Person"):
        return [path]
    return [] if _text(author.get("name")) else [f"{path}.name"]


def _claim_problems(claim: Any) -> list[str]:
    if not isinstance(claim, dict) or claim.get("@type") != "Claim":
        return ["itemReviewed"]
    appearances = claim.get("appearance")
    if isinstance(appearances, dict | str):
        appearances = [appearances]
    described = bool(appearances) and all(_describes_work(a) for a in appearances)
    problems = []
    if not described and "author" not in claim:
        problems.append("itemReviewed.appearance or itemReviewed.author")
    if "author" in claim:
        problems += _author_problems(claim["author"], "itemReviewed.author")
    if "datePublished" in claim and not _is_iso_date(claim["datePublished"]):
        problems.append("itemReviewed.datePublished")
    return problems


def _describes_work(work: Any) -> bool:
    """A link to the work, or an inline CreativeWork with a URL or at least a name."""
    if isinstance(work, str):
        return _is_web_url(work)
    return isinstance(work, dict) and bool(_text(work.get("url")) or _text(work.get("name")))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _is_iso_date(value: Any) -> bool:
    """An ISO 8601 date, optionally with a time: "2022-02-24" or "2022-02-24T10:00:00Z"."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\S+)?", value):
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True
