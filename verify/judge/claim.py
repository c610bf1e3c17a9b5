"""A claim's verdict: every check's findings combined, with reasons and evidence.

A contradiction of any detail, by evidence about the same thing, makes the claim
contradicted. It is supported only when every checkable detail (``details``) is
confirmed; a detail that is not found leaves it unverified, and the reasons say
which details were confirmed and which were not. Weak or partial evidence never
makes a claim supported: every support is a detail (a count, a date, a quotation,
a provision, an office) found about the same thing, or a passage that restates
the claim with the detail's own words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from verify.claims import fold, is_tally_count
from verify.judge.checks.asof import (
    TIME_BOUND_CHECKS,
    AsOf,
    FactBase,
    check_dated_quantity,
)
from verify.judge.checks.event_match import claim_event
from verify.judge.checks.events import check_event_date
from verify.judge.checks.measures import check_measure, undated_measure
from verify.judge.checks.numbers import check_tally
from verify.judge.checks.offices import check_office
from verify.judge.checks.polarity import check_polarity
from verify.judge.checks.provisions import CHECK as PROVISION_CHECK
from verify.judge.checks.provisions import check_provision, check_quoted_provision
from verify.judge.checks.quotes import check_quotation
from verify.judge.checks.rows import check_row_date
from verify.judge.checks.series import Slot, check_series
from verify.judge.checks.serving_count import check_serving_count
from verify.judge.checks.succession import check_lengths, check_successions
from verify.judge.details import (
    Detail,
    checked_dates,
    checked_quantities,
    claim_details,
    date_label,
    quantity_label,
    stated_provisions,
)
from verify.records import Evidence, Finding, Judgement, StoredClaim, Verdict
from verify.search import MIN_EVIDENCE_SCORE, ReferenceSet, align

# The BM25 top passages may hold one of the claim's details even when they
# share little else with it; the checks demand matching context around it.
SLOT_EVIDENCE_LIMIT = 10
# A passage this close to the whole claim restates it.
RESTATED_SCORE = 90.0
NO_MATCH = "no reference passage matches this claim closely enough"
NOT_CONFIRMED = "the closest reference passages do not confirm its details"


def _labelled(findings: Iterable[Finding | None], detail: str) -> list[Finding]:
    return [replace(f, detail=detail) for f in findings if f is not None]


def _quotation_findings(claim: StoredClaim, refs: ReferenceSet) -> list[Finding]:
    findings: list[Finding] = []
    for quote in claim.claim.slots.quotations:
        finding = check_quotation(quote, refs)
        if finding is None:
            continue
        findings += _labelled([finding], quote.text)
        if finding.evidence and finding.verdict is not Verdict.UNVERIFIED:
            provisions = stated_provisions(claim)
            credited = check_quoted_provision(provisions, finding.evidence, refs)
            if credited is not None:
                findings += _labelled([credited[0]], credited[1].text)
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
    asof: AsOf,
) -> list[Finding]:
    findings = _quotation_findings(claim, refs)
    # A measure's series settles the levels and changes it reads before any other check.
    series = check_series(claim, asof)
    findings += _quantity_findings(claim, pool, asof, series)
    for date in checked_dates(claim):
        event = claim_event(claim, date)
        found = (
            series.get(date)
            or check_row_date(claim, date, asof.facts, event.words)
            or check_event_date(date, event, pool, refs, asof.facts.titles)
        )
        findings += _labelled([found], date_label(date))
    if not any(f.evidence and f.verdict is Verdict.CONTRADICTED for f in findings):
        confirmed = {f.detail for f in findings if f.check == PROVISION_CHECK}
        for provision in stated_provisions(claim):
            if provision.text not in confirmed:
                findings += _labelled([check_provision(claim, provision, refs)], provision.text)
    findings += check_polarity(claim, refs)
    for person in claim.claim.slots.people:
        findings += check_office(claim, person, asof)  # labelled by detail: person, dates, number
    findings += check_successions(claim, asof)  # labelled by the link's words
    findings += check_lengths(claim, asof)  # labelled by the length's words
    return findings


def _quantity_findings(
    claim: StoredClaim, pool: list[Evidence], asof: AsOf, series: dict[Slot, Finding]
) -> list[Finding]:
    """The references' figures of the same measure first, then counts of their
    dated lists; in an article with no date, a figure the references give by date
    stays unverified."""
    findings = []
    for quantity in checked_quantities(claim):
        if is_tally_count(quantity.counted, quantity.text):
            tally = check_tally(claim, quantity, pool, asof.context(claim))
            findings += _labelled([tally], quantity_label(quantity))
            continue
        found = series.get(quantity) or check_measure(claim, quantity, asof, pool)
        found = found or check_dated_quantity(claim, quantity, asof, pool)
        found = found or check_serving_count(claim, quantity, asof)
        if found is None and asof.at is None:
            found = undated_measure(claim, quantity, asof, pool)
        findings += _labelled([found], quantity_label(quantity))
    return findings


def _restated(
    details: list[Detail], findings: list[Finding], evidence: list[Evidence]
) -> list[Finding]:
    """Details confirmed by a passage that restates the whole claim and holds the
    detail's own words: "a passage says nearly the same" only vouches for what it says."""
    if not evidence or evidence[0].score < RESTATED_SCORE:
        return []
    best = evidence[0]
    decided = {f.detail for f in findings if f.verdict is not Verdict.UNVERIFIED}
    passage = fold(best.passage.text)
    reason = f"a reference passage says nearly the same (score {best.score:.0f})"
    return [
        Finding(Verdict.SUPPORTED, reason, best, "restatement", d.text)
        for d in details
        if d.text not in decided and fold(d.text) in passage
    ]


def _combine(
    claim: StoredClaim,
    details: list[Detail],
    findings: list[Finding],
    evidence: list[Evidence],
    at: str | None = None,
) -> Judgement:
    """Contradicted by any detail about the same thing; supported only when every
    required detail is confirmed; otherwise unverified, saying which were and
    which were not."""
    by_verdict = {v: [f for f in findings if f.verdict is v] for v in Verdict}
    confirmed = {f.detail for f in by_verdict[Verdict.SUPPORTED]}
    # A time-bound detail (a count, a value, an office) that could not be dated
    # leaves the claim open, however much else about it checks out.
    undated = any(f.check in TIME_BOUND_CHECKS for f in by_verdict[Verdict.UNVERIFIED])
    required = [d for d in details if d.required]
    missing = [d for d in required if d.text not in confirmed]
    if by_verdict[Verdict.CONTRADICTED]:
        verdict = Verdict.CONTRADICTED
    elif not undated and not missing and (required or by_verdict[Verdict.SUPPORTED]):
        verdict = Verdict.SUPPORTED
    else:
        verdict = Verdict.UNVERIFIED
    ordered = [f for v in (verdict, *Verdict) for f in by_verdict[v]]
    reasons = _unique(f.reason for f in ordered)
    if verdict is Verdict.UNVERIFIED:
        reasons = _open_reasons(required, missing, by_verdict, evidence)
    shown = _unique_evidence([f.evidence for f in ordered if f.evidence] + evidence[:1])
    return Judgement(claim, verdict, tuple(reasons), tuple(shown), tuple(findings), at)


def _open_reasons(
    required: list[Detail],
    missing: list[Detail],
    by_verdict: dict[Verdict, list[Finding]],
    evidence: list[Evidence],
) -> list[str]:
    """Why a claim stays unverified: what was confirmed, what was not found, and
    the checks that could not decide."""
    reasons = _unique(f.reason for f in by_verdict[Verdict.UNVERIFIED])
    confirmed = [d.text for d in required if d not in missing]
    if confirmed and missing:
        reasons.append(
            f"confirmed: {'; '.join(confirmed)}; not found: {'; '.join(d.text for d in missing)}"
        )
    elif missing and not reasons:
        reasons.append(
            f"{NOT_CONFIRMED if evidence else NO_MATCH} (not found: "
            f"{'; '.join(d.text for d in missing)})"
        )
    return reasons or [NOT_CONFIRMED if evidence else NO_MATCH]


def judge(claim: StoredClaim, refs: ReferenceSet, asof: AsOf | None = None) -> Judgement:
    """``claim``'s verdict; without ``asof`` it is judged with no date and no dated facts."""
    asof = asof or AsOf(None, FactBase())
    pool, evidence = find_evidence(claim, refs)
    details = claim_details(claim, asof.facts.known_roles())
    findings = _findings_for(claim, refs, pool, asof)
    findings += _restated(details, findings, evidence)
    return _combine(claim, details, findings, evidence, asof.at)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _unique_evidence(items: list[Evidence]) -> list[Evidence]:
    seen: dict[tuple[int, int, int], Evidence] = {}
    for item in items:
        seen.setdefault((item.passage.id, item.start, item.end), item)
    return list(seen.values())
