"""An article's assessment from the evidence as a whole, with its reasons.

``dubious``: a claim is contradicted (an office holder out of their term is
one) or the article contradicts itself. ``unverified``: most claims could not
be checked, or the article has no date and none could be inferred while its
claims depend on one. Otherwise ``consistent``. Caveats that do not change the
assessment (no byline, anonymous sources, an inferred date) are still listed,
because a desk checks them on every piece.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from verify.judge.checks.asof import TIME_BOUND_CHECKS
from verify.records import InferredEvidence, Judgement, StoredClaim, Verdict


def contradiction_reasons(judgements: Sequence[Judgement]) -> list[str]:
    """One line per contradicted claim, and one per office holder out of term:
    the reasons of contradicting findings only, never a supporting one."""
    reasons = []
    for judgement in judgements:
        against = [f for f in judgement.findings if f.verdict is Verdict.CONTRADICTED]
        offices = dict.fromkeys(f.reason for f in against if f.check == "office")
        others = [f.reason for f in against if f.check != "office"]
        claim_id = judgement.claim.id
        reasons += [
            f"claim {claim_id} names an office holder out of their term: {r}" for r in offices
        ]
        if others:
            reasons.append(f"claim {claim_id} is contradicted: {others[0]}")
    return reasons


def date_notes(
    document: dict[str, Any], as_of_source: str | None, inferred: InferredEvidence | None
) -> list[str]:
    if document["published"]:
        return []
    notes = ["the article gives no publication date"]
    if inferred is not None:
        notes.append(f"its date is inferred as {inferred.date}: {inferred.reason}")
    elif as_of_source is None:
        notes.append(
            "no date could be inferred from the references; time-bound claims stay unverified"
        )
    return notes


def byline_notes(document: dict[str, Any]) -> list[str]:
    return [] if document["author"] else ["the article names no author (no byline)"]


def sourcing_notes(claims: Sequence[StoredClaim]) -> list[str]:
    notes = []
    for claim in claims:
        for attribution in claim.claim.slots.attributions:
            if attribution.anonymous:
                notes.append(
                    f"claim {claim.id} rests on an anonymous source: “{attribution.source}”"
                )
    return list(dict.fromkeys(notes))


def _undated_time_bound(judgements: Sequence[Judgement]) -> bool:
    """Whether the article has no date to judge at and some claim needed one."""
    return any(
        j.at is None and f.check in TIME_BOUND_CHECKS for j in judgements for f in j.findings
    )


def assess(judgements: Sequence[Judgement], inconsistencies: Sequence[str]) -> str:
    if inconsistencies or any(j.verdict is Verdict.CONTRADICTED for j in judgements):
        return "dubious"
    unverified = sum(1 for j in judgements if j.verdict is Verdict.UNVERIFIED)
    if not judgements or unverified * 2 > len(judgements) or _undated_time_bound(judgements):
        return "unverified"
    return "consistent"
