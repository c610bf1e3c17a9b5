"""The checkable details of a claim: what must be confirmed before it is supported.

A claim is supported only when every one of its checkable details is confirmed
by evidence about the same thing ("won 41 of the 60 seats" is not supported on
the 60 alone). Some details are part of the article's own frame rather than of
its claim, and never block support:

- dates relative to the article ("on Thursday", "today", "on 1 January" with the
  year taken from the publication date): the news peg, rarely in a reference;
- durations between events ("fifty years ago", "four months after"): a relation,
  not a figure a reference states;
- numbers inside a quotation: the quotation is checked as words;
- a figure with nothing counted ("at the age of 82");
- beside a count, the period it counts over ("four times since 2001"): the
  count's check reads it.

A person named with a role is a detail when the references list terms of an
office with that role, or the claim names the body: "captain Hugo Lloris" is
not checkable against references that list no captains. The holder's number a
claim gives them ("the ninth chair") is a detail of its own, and so is a link
between two holders ("succeeded Otto Quell", "his predecessor but one").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims import find_successions, is_time_unit, provision_statement, role_ordinal
from verify.facts import office_key
from verify.records import DateRef, PersonRole, Provision, Quantity, StoredClaim

_YEAR = re.compile(r"\b\d{4}\b")
SCOPE_RELATIONS = frozenset({"since", "from", "until", "by", "before", "after"})


@dataclass(frozen=True)
class Detail:
    """One checkable detail of a claim, named as the claim writes it."""

    kind: str  # "quantity", "date", "office", "quotation", "provision"
    text: str
    required: bool


def quantity_label(quantity: Quantity) -> str:
    return quantity.text


def date_label(date: DateRef) -> str:
    return date.text


def person_label(person: PersonRole) -> str:
    return f"{person.name} as {person.role}"


def is_relative(date: DateRef) -> bool:
    """A date read against the article's own date: "on Thursday", "today", "on 1 January"."""
    return date.resolved or not _YEAR.search(date.text)


def is_scope(date: DateRef) -> bool:
    """ "since 2001", "between 1969 and 1972": with a count, the period counted over."""
    return date.relation in SCOPE_RELATIONS or date.relation == ""


def is_duration(quantity: Quantity) -> bool:
    return is_time_unit(quantity.counted)


def in_quotation(claim: StoredClaim, start: int, end: int) -> bool:
    return any(q.start - 1 <= start and end <= q.end + 1 for q in claim.claim.slots.quotations)


def checked_quantities(claim: StoredClaim) -> list[Quantity]:
    """The quantities the checks compare: none inside a quotation."""
    return [q for q in claim.claim.slots.quantities if not in_quotation(claim, q.start, q.end)]


def checked_dates(claim: StoredClaim) -> list[DateRef]:
    return [
        d for d in claim.claim.slots.dates if d.value and not in_quotation(claim, d.start, d.end)
    ]


def claim_details(claim: StoredClaim, known_roles: frozenset[frozenset[str]]) -> list[Detail]:
    """Every detail of ``claim`` the checks look at, and whether it must be confirmed.

    ``known_roles`` are the role keys of the offices the references list terms for.
    """
    details = [
        Detail("quantity", quantity_label(q), bool(q.counted) and not is_duration(q))
        for q in checked_quantities(claim)
    ]
    counts = any(d.required for d in details)
    details += [
        Detail("date", date_label(d), not is_relative(d) and not (counts and is_scope(d)))
        for d in checked_dates(claim)
    ]
    details += [
        Detail("office", person_label(p), _office_checkable(p, known_roles))
        for p in claim.claim.slots.people
        if p.role
    ]
    details += [
        Detail("ordinal", found[1], True)
        for p in claim.claim.slots.people
        if p.role and (found := person_ordinal(claim, p))
    ]
    details += [Detail("succession", s.words, True) for s in find_successions(claim.claim.text)]
    details += [Detail("quotation", q.text, True) for q in claim.claim.slots.quotations]
    details += [Detail("provision", p.text, True) for p in stated_provisions(claim)]
    return details


def stated_provisions(claim: StoredClaim) -> list[Provision]:
    """The provisions the claim itself names: one written inside a quotation
    ("… referred to in Article 2 …") is the quoted text's, checked with it, and
    one inside what another is said to lay down is part of that statement."""
    quotes = claim.claim.slots.quotations
    inner = _within_statements(claim)
    return [
        p
        for p in claim.claim.slots.provisions
        if not any(q.start <= p.start and p.end <= q.end for q in quotes) and p not in inner
    ]


def person_ordinal(claim: StoredClaim, person: PersonRole) -> tuple[int, str] | None:
    """The holder's number the claim gives ``person`` ("the ninth chair": 9), with
    its words ("ninth chair")."""
    sentence = claim.claim.sentence
    found = role_ordinal(sentence.text, person, sentence.start)
    if found is None:
        return None
    value, start, end = found
    return value, sentence.text[start - sentence.start : end - sentence.start]


def _office_checkable(person: PersonRole, known_roles: frozenset[frozenset[str]]) -> bool:
    key = office_key(person.role, person.organisation)
    return key.organisation is not None or key.role in known_roles


def _within_statements(claim: StoredClaim) -> list[Provision]:
    """The provisions named inside what another one is said to lay down ("under
    Article 11, states that accept Article 3 may join": Article 3): part of that
    statement, not claims of their own."""
    text, base = claim.claim.text, claim.claim.start
    provisions = claim.claim.slots.provisions
    spans = []
    for provision in provisions:
        start, end = provision.start - base, provision.end - base
        stated = provision_statement(text, start, end)
        if stated is not None:
            at = text.index(stated, end)
            spans.append((at, at + len(stated)))
    return [
        p for p in provisions if any(a <= p.start - base and p.end - base <= b for a, b in spans)
    ]
