"""The date each article's claims are judged as of.

In order: the date the reviewer gives (``--as-of``), the article's publication
date, or a date inferred from the dated reference events its claims report.
Never today's date: an article with none of these is judged with no date, and
its time-bound claims stay unverified.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from verify.checks.asof import FactBase, fact_evidence
from verify.records import InferredEvidence, StoredClaim
from verify.timeline import date_from_claims

# Enough passages to show why a date was inferred without burying the report.
MAX_INFERENCE_EVIDENCE = 3


def as_of_for(
    document: dict[str, Any],
    claims: Sequence[StoredClaim],
    facts: FactBase,
    option: str | None,
) -> tuple[str | None, str | None, InferredEvidence | None]:
    """(date, where it came from, the inference when there was one).

    The inference is made for every undated article, even under ``--as-of``, so
    the report can show when the article was probably written.
    """
    inferred = None if document["published"] else infer_date(claims, facts)
    if option:
        return option, "option", inferred
    if document["published"]:
        return document["published"], "published", None
    if inferred:
        return inferred.date, "inferred", inferred
    return None, None, None


def infer_date(claims: Sequence[StoredClaim], facts: FactBase) -> InferredEvidence | None:
    found = date_from_claims([c.claim.text for c in claims], facts.of_kind("event"))
    if found is None:
        return None
    shown = found.evidence[:MAX_INFERENCE_EVIDENCE]
    evidence = tuple(e for text, fact in shown if (e := fact_evidence(text, fact, facts)))
    return InferredEvidence(found.value, found.reason, evidence)
