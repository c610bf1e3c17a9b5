"""A claim's verdict: every check's findings combined, with reasons and evidence.

A contradiction anywhere makes the claim contradicted; otherwise a confirmed
detail makes it supported; otherwise it is unverified. Weak or partial
evidence never makes a claim supported: every support is a detail (a count, a
date, a quotation, a provision, a negation) found in matching context, or a
passage that says nearly the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from verify.claims import is_partitive
from verify.judge.checks.asof import (
    TIME_BOUND_CHECKS,
    AsOf,
    FactBase,
    age_contradictions,
    check_dated_quantities,
    check_offices,
)
from verify.judge.checks.dates import check_dates
from verify.judge.checks.numbers import check_quantity
from verify.judge.checks.polarity import check_polarity
from verify.judge.checks.provisions import check_provisions, check_quoted_provision
from verify.judge.checks.quotes import check_quotation
from verify.records import Evidence, Finding, Judgement, StoredClaim, Verdict
from verify.search import MIN_EVIDENCE_SCORE, ReferenceSet, align

# The BM25 top passages may hold one of the claim's details even when they
# share little else with it; the checks demand matching context around it.
SLOT_EVIDENCE_LIMIT = 10
# A passage this close to the whole claim restates it.
RESTATED_SCORE = 90.0
NO_MATCH = "no reference passage matches this claim closely enough"
NOT_CONFIRMED = "the closest reference passages do not confirm its details"


def _quotation_findings(claim: StoredClaim, refs: ReferenceSet) -> list[Finding]:
    findings: list[Finding] = []
    for quote in claim.claim.slots.quotations:
        finding = check_quotation(quote, refs)
        if finding is None:
            continue
        findings.append(finding)
        if finding.evidence and finding.verdict is not Verdict.UNVERIFIED:
            misattributed = check_quoted_provision(claim, finding.evidence, refs)
            if misattributed:
                findings.append(misattributed)
    return findings


def find_evidence(claim: StoredClaim, refs: ReferenceSet) -> tuple[list[Evidence], list[Evidence]]:
    """The passages to look for details in (the BM25 top, aligned), and the
    ones close enough to the whole claim to show as evidence on their own."""
    aligned = [align(claim.claim.text, p) for p in refs.claim_search(claim.claim.text)]
    pool = aligned[:SLOT_EVIDENCE_LIMIT]
    shown = sorted((e for e in aligned if e.score >= MIN_EVIDENCE_SCORE), key=lambda e: -e.score)
    return pool, shown


def _findings_for(
    claim: StoredClaim,
    refs: ReferenceSet,
    pool: list[Evidence],
    evidence: list[Evidence],
    asof: AsOf,
) -> list[Finding]:
    findings = _quotation_findings(claim, refs)
    findings += _quantity_findings(claim, pool, asof)
    findings += check_dates(claim, pool)
    if not any(f.evidence and f.verdict is Verdict.CONTRADICTED for f in findings):
        findings += check_provisions(claim, refs)
    findings += check_polarity(claim, refs)
    findings += check_offices(claim, asof)
    if not findings and evidence and evidence[0].score >= RESTATED_SCORE:
        reason = f"a reference passage says nearly the same (score {evidence[0].score:.0f})"
        findings.append(Finding(Verdict.SUPPORTED, reason, evidence[0], "restatement"))
    return findings


def _quantity_findings(claim: StoredClaim, pool: list[Evidence], asof: AsOf) -> list[Finding]:
    """Dated facts first (a count of a dated list, a value at the date); the
    undated comparison only for what they leave open, and never on the word of a
    page written after the claim's date."""
    dated, settled = check_dated_quantities(claim, asof, pool)
    undated = [
        f
        for q in claim.claim.slots.quantities
        if q not in settled and not is_partitive(q)
        if (f := check_quantity(claim, q, pool)) is not None
    ]
    return dated + age_contradictions(undated, asof.at)


def _combine(
    claim: StoredClaim,
    findings: list[Finding],
    evidence: list[Evidence],
    at: str | None = None,
) -> Judgement:
    by_verdict = {v: [f for f in findings if f.verdict is v] for v in Verdict}
    # A time-bound detail (a count, a value, an office) that could not be dated
    # leaves the claim open, however much else about it checks out.
    undated = any(f.check in TIME_BOUND_CHECKS for f in by_verdict[Verdict.UNVERIFIED])
    if by_verdict[Verdict.CONTRADICTED]:
        verdict = Verdict.CONTRADICTED
    elif by_verdict[Verdict.SUPPORTED] and not undated:
        verdict = Verdict.SUPPORTED
    else:
        verdict = Verdict.UNVERIFIED
    ordered = [f for v in (verdict, *Verdict) for f in by_verdict[v]]
    reasons = _unique(f.reason for f in ordered)
    if verdict is Verdict.UNVERIFIED and not by_verdict[Verdict.UNVERIFIED]:
        reasons = [NOT_CONFIRMED if evidence else NO_MATCH]
    shown = _unique_evidence([f.evidence for f in ordered if f.evidence] + evidence[:1])
    return Judgement(claim, verdict, tuple(reasons), tuple(shown), tuple(findings), at)


def judge(claim: StoredClaim, refs: ReferenceSet, asof: AsOf | None = None) -> Judgement:
    """``claim``'s verdict; without ``asof`` it is judged with no date and no dated facts."""
    asof = asof or AsOf(None, FactBase())
    pool, evidence = find_evidence(claim, refs)
    findings = _findings_for(claim, refs, pool, evidence, asof)
    return _combine(claim, findings, evidence, asof.at)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _unique_evidence(items: list[Evidence]) -> list[Evidence]:
    seen: dict[tuple[int, int, int], Evidence] = {}
    for item in items:
        seen.setdefault((item.passage.id, item.start, item.end), item)
    return list(seen.values())
