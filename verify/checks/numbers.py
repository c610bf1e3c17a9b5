"""Counts and amounts: the same thing counted, in the same context, must agree."""

from __future__ import annotations

from collections.abc import Sequence

from verify.checks.context import (
    MIN_CONTRADICTING_CONTEXT,
    MIN_SHARED_CONTEXT,
    evidence_at,
    shared_context,
)
from verify.lexicon import same_counted
from verify.records import Evidence, Finding, Quantity, StoredClaim, Verdict
from verify.slots.numbers import find_quantities


def _shown(quantity: Quantity) -> str:
    return quantity.text


def check_quantity(
    claim: StoredClaim, quantity: Quantity, evidence: Sequence[Evidence]
) -> Finding | None:
    """Support when a matching passage counts the same thing with the same value;
    contradiction when the best-matching count differs."""
    best: tuple[int, Quantity, Evidence] | None = None
    for item in evidence:
        passage = item.passage
        for found in find_quantities(passage.text, passage.start):
            if not same_counted(quantity.counted, found.counted):
                continue
            shared = shared_context(
                claim.claim.text,
                (quantity.start, quantity.end),
                claim.claim.start,
                passage.text,
                (found.start, found.end),
                passage.start,
            )
            if shared < MIN_SHARED_CONTEXT:
                continue
            if found.value == quantity.value:
                reason = f"the reference also says {_shown(found)}"
                return Finding(Verdict.SUPPORTED, reason, evidence_at(item, found.start, found.end))
            if best is None or shared > best[0]:
                best = (shared, found, item)
    if best is None or best[0] < MIN_CONTRADICTING_CONTEXT:
        return None
    _, found, item = best
    reason = f"the claim says {_shown(quantity)}, the reference says {_shown(found)}"
    return Finding(Verdict.CONTRADICTED, reason, evidence_at(item, found.start, found.end))


def check_quantities(claim: StoredClaim, evidence: Sequence[Evidence]) -> list[Finding]:
    findings = (check_quantity(claim, q, evidence) for q in claim.claim.slots.quantities)
    return [f for f in findings if f is not None]
