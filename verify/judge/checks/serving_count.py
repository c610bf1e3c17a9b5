"""How many held an office of several seats at the claim's date: "her death leaves
eight justices on the bench", "the board's five governors".

A count whose noun is an office ("justices", "associate judges") is compared with
the listed holders whose terms cover the date, when the office has several seats
(``verify.facts.has_seats``) and one body. It only confirms: a list of holders may
leave seats out, so a count it does not reach is no contradiction. A term whose
listed start or end is too coarse to say whether it covered the date ("2020" for a
claim of 19 September 2020) leaves the count unsaid.
"""

from __future__ import annotations

from verify.claims import ROLE_HEADS
from verify.facts import (
    OfficeKey,
    days,
    has_seats,
    holders_at,
    office_key,
    office_key_from_title,
    same_person,
    singular,
)
from verify.judge.checks.asof import AsOf, fact_evidence
from verify.records import Fact, Finding, Quantity, StoredClaim, Verdict

CHECK = "count"


def check_serving_count(claim: StoredClaim, quantity: Quantity, asof: AsOf) -> Finding | None:
    """Support when the listed holders of the office the quantity counts, at the
    claim's date, are as many as it says; None otherwise."""
    at = asof.at
    office = _office_counted(quantity.counted)
    if at is None or len(at) != len("YYYY-MM-DD") or office is None:
        return None
    terms = asof.facts.terms
    offices = {office_key_from_title(t.office) for t in terms if t.office}
    matching = [o for o in offices if office.role <= o.role]
    if not matching or len({o.organisation for o in matching}) != 1:
        return None  # no such office, or the same title at two bodies
    listed = [t for t in terms if t.office and office_key_from_title(t.office) in matching]
    if not has_seats(listed) or any(_straddles(t, at) for t in listed):
        return None
    serving: list[Fact] = []
    for key in matching:
        for term in holders_at(terms, key, at):
            if not any(same_person(term.holder or "", s.holder or "") for s in serving):
                serving.append(term)
    if len(serving) != quantity.value:
        return None
    names = ", ".join(t.holder or "" for t in serving)
    titles = " or ".join(sorted({t.office or "" for t in serving}))
    reason = f"{len(serving)} listed people were {titles} on {at}: {names}"
    evidence = fact_evidence(claim.claim.text, serving[0], asof.facts)
    return Finding(Verdict.SUPPORTED, reason, evidence, CHECK)


def _office_counted(counted: str) -> OfficeKey | None:
    """The office a counted noun names ("associate justices"), or None."""
    words = counted.split()
    if not words:
        return None
    head = singular(words[-1].lower())
    if head not in ROLE_HEADS:
        return None
    return office_key(" ".join([*words[:-1], head]), None)


def _straddles(term: Fact, at: str) -> bool:
    """Whether the term's coarse start or end may fall either side of ``at``."""
    when = days(at)
    for edge in (term.start_date, term.end_date):
        span = days(edge)
        if when is not None and span is not None and span[0] < when[1] and when[0] < span[1]:
            if span != when:
                return True
    return False
