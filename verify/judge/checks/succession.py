"""Who came before whom in an office, and for how long, against the listed terms.

"Jane Roe, who took over from Otto Quell", "Otto Quell, Ms Roe's predecessor but
one" and "The new chair succeeds Otto Quell" are links between two holders
(``verify.claims.find_successions``); "Quell stepped down after a dozen years in
charge" is the length of a tenure (``find_tenure_lengths``). Each is checked
against the office's listed holders in order (``verify.facts.succession``):

- the office is the one both people held (person first), or the one the claim's
  role for the successor names;
- an unnamed successor with a present verb ("The former minister succeeds Otto
  Quell") is whoever held the office at the article's date, unless that is still
  Quell himself (the change is yet to come);
- names are completed from earlier in the article ("Ms Roe" after "Jane Roe").

Findings are labelled with the link's words ("succeeds Otto Quell", "predecessor
but one"), the detail ``verify.judge.details`` asks to be confirmed.
"""

from __future__ import annotations

from verify.claims import find_successions, find_tenure_lengths
from verify.facts import (
    OfficeChoice,
    OfficeKey,
    check_length,
    check_succession,
    choose_office,
    holders_at,
    same_person,
    shared_office,
)
from verify.judge.checks.asof import AsOf, fact_evidence
from verify.judge.checks.offices import earlier_full_name
from verify.records import Finding, StoredClaim


def check_successions(claim: StoredClaim, asof: AsOf) -> list[Finding]:
    """Findings on every link between two holders the claim states."""
    terms = asof.facts.terms
    findings = []
    for link in find_successions(claim.claim.text):
        old = _full(link.old, claim, asof)
        new = _full(link.new, claim, asof) if link.new else None
        office = _office(claim, new, old, asof)
        if office is None:
            continue
        if new is None:
            new = _holder_now(office, old, asof) if link.now else None
        result = check_succession(terms, office, new, old, link.steps) if new else None
        if result is not None:
            evidence = fact_evidence(claim.claim.text, result.term, asof.facts)
            findings.append(Finding(result.verdict, result.reason, evidence, "office", link.words))
    return findings


def check_lengths(claim: StoredClaim, asof: AsOf) -> list[Finding]:
    """Findings on the length of a tenure the claim gives ("after a dozen years in charge")."""
    text, base = claim.claim.text, claim.claim.start
    findings = []
    for length in find_tenure_lengths(text, claim.claim.slots.quantities, base):
        holder = _full(length.holder, claim, asof)
        office = _office(claim, holder, None, asof)
        if office is None:
            continue
        result = check_length(
            asof.facts.terms, office, holder, length.years, length.hedged, asof.at
        )
        if result is not None:
            evidence = fact_evidence(text, result.term, asof.facts)
            findings.append(
                Finding(result.verdict, result.reason, evidence, "office", length.words)
            )
    return findings


def _full(name: str, claim: StoredClaim, asof: AsOf) -> str:
    """The name as an earlier mention in the article gives it in full."""
    if len(name.split()) > 1:
        return name
    return earlier_full_name(name, asof.article_text[: claim.claim.start]) or name


def _office(claim: StoredClaim, new: str | None, old: str | None, asof: AsOf) -> OfficeKey | None:
    """The one office both people held; the office the claim's role for one of
    them names, when they held several."""
    terms = asof.facts.terms
    named = [n for n in (new, old) if n]
    for person in claim.claim.slots.people:
        if person.role and any(same_person(n, person.name) for n in named):
            choice: OfficeChoice | None = choose_office(
                person.role, person.organisation, named[0], terms
            )
            if choice is not None and choice.held:
                return choice.office
    return shared_office(terms, named)


def _holder_now(office: OfficeKey, old: str, asof: AsOf) -> str | None:
    """Who held ``office`` at the article's date, when not ``old`` still."""
    if asof.at is None:
        return None
    current = holders_at(asof.facts.terms, office, asof.at)
    names = [t.holder or "" for t in current]
    # Several references may list the same term: one holder, however many rows.
    if not names or any(not same_person(names[0], n) for n in names[1:]):
        return None
    return None if same_person(old, names[0]) else names[0]
