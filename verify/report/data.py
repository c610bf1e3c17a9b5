"""The JSON report: one dict built from a check result, documented in the README.

Field names here are an interface scripts rely on; change them only on
purpose, with the README and tests in the same commit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from verify import __version__
from verify.records import Conflict, Judgement
from verify.store import evidence_data, finding_data, inferred_data

if TYPE_CHECKING:  # check.py records runs with report fields; import only for types
    from verify.judge import CheckResult, DocumentResult


def _claim_data(judgement: Judgement) -> dict[str, Any]:
    claim = judgement.claim.claim
    return {
        "id": judgement.claim.id,
        "sentence": claim.sentence.text,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "kinds": list(claim.kinds),
        "verdict": judgement.verdict.value,
        "reasons": list(judgement.reasons),
        "findings": _unique_findings(judgement),
        "evidence": [evidence_data(e) for e in judgement.evidence],
        # The latest reviewer's decision; filled in from the database by attach_reviews.
        "review": None,
    }


def _unique_findings(judgement: Judgement) -> list[dict[str, Any]]:
    # An office finding is repeated once per term it shows as evidence.
    rows = [finding_data(f) for f in judgement.findings]
    return [row for i, row in enumerate(rows) if row not in rows[:i]]


def _document_data(result: DocumentResult) -> dict[str, Any]:
    document = result.document
    return {
        "source": result.source,
        "document_id": document["id"],
        "url": document["url"],
        "title": document["title"],
        "author": document["author"],
        "publisher": document["publisher"],
        "published": document["published"],
        "sha256": document["sha256"],
        "as_of": result.as_of,
        "as_of_source": result.as_of_source,
        "inferred_date": inferred_data(result.inferred),
        "assessment": result.assessment,
        "assessment_reasons": list(result.assessment_reasons),
        "claims": [_claim_data(j) for j in result.judgements],
    }


def _conflict_data(conflict: Conflict) -> dict[str, Any]:
    return {
        "reason": conflict.reason,
        "claims": [
            {"source": source, "id": claim.id, "text": claim.claim.text, "as_of": as_of}
            for source, claim, as_of in conflict.claims
        ],
    }


def report_data(result: CheckResult) -> dict[str, Any]:
    return {
        "tool": {"name": "verify", "version": __version__},
        "generated_at": result.generated_at,
        "run_id": result.run_id,
        "documents": [_document_data(d) for d in result.documents],
        "conflicts": [_conflict_data(c) for c in result.conflicts],
    }
