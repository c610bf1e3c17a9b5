"""JSON fields shared by the report and the run records (no dependency on a run)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from verify.records import Evidence, Finding, InferredEvidence, Verdict


def evidence_data(evidence: Evidence) -> dict[str, Any]:
    passage = evidence.passage
    return {
        "source": passage.source,
        "url": passage.url,
        "fetched_at": passage.fetched_at,
        "sha256": passage.sha256,
        "passage": passage.text,
        "passage_start": passage.start,
        "passage_end": passage.end,
        "start": evidence.start,
        "end": evidence.end,
        "matched": evidence.span,
        "score": evidence.score,
        "page": passage.page,
        "revision_id": passage.revision_id,
        "revision_timestamp": passage.revision_timestamp,
        "original_url": passage.original_url,
        "captured_at": passage.captured_at,
    }


def inferred_data(inferred: InferredEvidence | None) -> dict[str, Any] | None:
    if inferred is None:
        return None
    return {
        "date": inferred.date,
        "reason": inferred.reason,
        "evidence": [evidence_data(e) for e in inferred.evidence],
    }


def finding_data(finding: Finding) -> dict[str, Any]:
    """One check's verdict and reason on one detail; its evidence is among the claim's."""
    return {
        "check": finding.check,
        "detail": finding.detail,
        "verdict": finding.verdict.value,
        "reason": finding.reason,
    }


def finding_from_data(data: dict[str, Any]) -> Finding:
    # Runs recorded before findings named their detail read back with "".
    return Finding(
        Verdict(data["verdict"]), data["reason"], None, data["check"], data.get("detail", "")
    )


def origin(evidence: Mapping[str, Any]) -> list[str]:
    """Which page of a PDF, revision of a wiki page or archive capture the evidence
    is from: what a reviewer needs to open exactly what the tool read."""
    parts = []
    if evidence.get("page") is not None:
        parts.append(f"page {evidence['page']}")
    if evidence.get("revision_id"):
        when = evidence.get("revision_timestamp")
        parts.append(f"revision {evidence['revision_id']}" + (f" of {when}" if when else ""))
    if evidence.get("captured_at"):
        parts.append(f"captured {evidence['captured_at']}")
    if evidence.get("original_url"):
        parts.append(f"original {evidence['original_url']}")
    return parts
