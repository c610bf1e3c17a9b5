"""Dates and years: the same event, in the same context, must agree."""

from __future__ import annotations

from collections.abc import Sequence

from verify.checks.context import (
    MIN_CONTRADICTING_CONTEXT,
    MIN_SHARED_CONTEXT,
    evidence_at,
    shared_context,
)
from verify.records import DateRef, Evidence, Finding, StoredClaim, Verdict
from verify.slots.dates import find_dates

# A date's relation says what kind of time it is: a point ("on", "in") or the
# start or end of a span ("since 1949"). Only times of one kind compare.
RELATION_KINDS = {
    "since": "start",
    "from": "start",
    "after": "start",
    "until": "end",
    "by": "end",
    "before": "end",
}


def same_kind(left: DateRef, right: DateRef) -> bool:
    return RELATION_KINDS.get(left.relation, "point") == RELATION_KINDS.get(right.relation, "point")


def agrees(claimed: str, found: str) -> bool:
    """ "1949" agrees with "1949-04-04": compare at the coarser precision."""
    width = min(len(claimed), len(found))
    return claimed[:width] == found[:width]


def check_date(claim: StoredClaim, date: DateRef, evidence: Sequence[Evidence]) -> Finding | None:
    best: tuple[int, DateRef, Evidence] | None = None
    for item in evidence:
        passage = item.passage
        for found in find_dates(passage.text, passage.start, None):
            if not found.value or not same_kind(date, found):
                continue
            shared = shared_context(
                claim.claim.text,
                (date.start, date.end),
                claim.claim.start,
                passage.text,
                (found.start, found.end),
                passage.start,
            )
            if shared < MIN_SHARED_CONTEXT:
                continue
            if agrees(date.value, found.value):
                reason = f"the reference also dates it {found.text} ({found.value})"
                return Finding(Verdict.SUPPORTED, reason, evidence_at(item, found.start, found.end))
            if best is None or shared > best[0]:
                best = (shared, found, item)
    if best is None or best[0] < MIN_CONTRADICTING_CONTEXT:
        return None
    _, found, item = best
    reason = f"the claim says {date.text} ({date.value}), the reference says {found.text}"
    return Finding(Verdict.CONTRADICTED, reason, evidence_at(item, found.start, found.end))


def check_dates(claim: StoredClaim, evidence: Sequence[Evidence]) -> list[Finding]:
    dated = (d for d in claim.claim.slots.dates if d.value)
    findings = (check_date(claim, d, evidence) for d in dated)
    return [f for f in findings if f is not None]
