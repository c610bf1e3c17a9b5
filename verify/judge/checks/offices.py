"""A person named in a role, against the terms of office the references list.

The claim's person is looked up among the references' holders first
(``verify.facts.office_match``): "Chair Roe" after "Jane Roe" in the article is
Jane Roe, and "President Jane Roe" with no body means the one presidency she
held. Then, by what the claim says:

- a term ("who ran the league from 1990 to 1999", "took office on 3 May") is
  compared with the holder's listed term, end by end;
- a holder's number ("the ninth chair", "the seventh person to hold the post")
  with the number the references give them;
- being in office ("Chair Jane Roe said") at a date: the date the claim's own
  sentence opens with ("In July 1969 the agency was led by ..."), else the
  article's date. A date elsewhere in the sentence is the judged date only when
  the article's date gives the same answer.

Findings carry the detail they are about: the person in the role, each end of a
claimed term, the holder's number, and a sentence date the term confirms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from verify.claims import ROLE, counts_women, find_names, fold, is_plausible_name
from verify.facts import (
    OfficeResult,
    TenureResult,
    check_ordinal,
    check_person,
    check_tenure,
    choose_office,
    held_terms_of,
    term_refs,
)
from verify.judge.checks.asof import AsOf, fact_evidence
from verify.judge.details import person_label, person_ordinal
from verify.records import DateRef, Fact, Finding, PersonRole, StoredClaim, Verdict

_YEAR = re.compile(r"\b\d{4}\b")
_LEADING_ROLE = re.compile(rf"^(?:{ROLE}\s+)+")
_FROM_PLACE = re.compile(r"\s+of\s+.*$")
# "Jane Roe was the third chair", "who served as chair": an office of the past.
# "who had led the board since 1990": a past perfect ends the term before the article.
_PAST = re.compile(r"\b(?:was|were|had\s+\w+|served\s+as|became)\b", re.IGNORECASE)
# "She will be the ninth chair": not in office yet, so not judged at the article's date.
_FUTURE = re.compile(r"\bwill\s+(?:be|become)\b", re.IGNORECASE)
# What may stand between an office and the date it is held at: nothing ("was chair in
# 1990"), or a clause saying what happened then ("was chair when the bridge fell in 1990").
_OFFICE_AT = re.compile(r"\s*(?:(?:when|while|as)\b[^,;:.()“”\"]*)?", re.IGNORECASE)
# A sentence whose verb is holding the office: its date is the office's date.
_TENURE_VERB = re.compile(
    r"\b(?:led|headed|run|ran|chaired|directed|governed|presided\s+over|served\s+as"
    r"|held\s+(?:the\s+)?(?:post|office|job|position))\b",
    re.IGNORECASE,
)
# A date this close to the start of the claim opens it: "In July 1969, ...".
_OPENING = 3


@dataclass(frozen=True)
class _Mention:
    claim: StoredClaim
    person: PersonRole  # as the references would list them: full name, body or none
    label: str  # the detail, as the claim writes it
    asof: AsOf

    @property
    def terms(self) -> tuple[Fact, ...]:
        return self.asof.facts.terms

    def finding(self, verdict: Verdict, reason: str, term: Fact | None, detail: str) -> Finding:
        evidence = fact_evidence(self.claim.claim.text, term, self.asof.facts) if term else None
        return Finding(verdict, reason, evidence, "office", detail)


def check_office(claim: StoredClaim, person: PersonRole, asof: AsOf) -> list[Finding]:
    """The findings about ``person``, named in a role in ``claim``, each labelled
    with the detail it is about."""
    if person.role is None:
        return []
    mention = _Mention(claim, _as_listed(person, claim, asof), person_label(person), asof)
    findings, open_ended = _tenure(mention)
    findings += _ordinal(mention, person)
    if open_ended:
        past = _PAST.search(person.text) or _FUTURE.search(person.text)
        bound = _office_date(mention, {f.detail for f in findings})
        if bound is not None:
            findings += _at_office_date(mention, bound)
        else:
            findings += _in_office(mention, {f.detail for f in findings}, bool(past))
    return _guarded(mention, findings)


def _guarded(mention: _Mention, findings: list[Finding]) -> list[Finding]:
    """A surname alone, with no body and no full name earlier in the article
    ("President Roe"), may be another Roe: it can confirm, never contradict."""
    person = mention.person
    if len(person.name.split()) > 1 or person.organisation is not None:
        return findings
    doubt = f" — but the claim names only {person.name}, with no body: another {person.name}?"
    return [
        replace(f, verdict=Verdict.UNVERIFIED, reason=f.reason + doubt)
        if f.verdict is Verdict.CONTRADICTED
        else f
        for f in findings
    ]


# --- who is meant -------------------------------------------------------------------


def _as_listed(person: PersonRole, claim: StoredClaim, asof: AsOf) -> PersonRole:
    """The person with the full name an earlier mention gives ("Roe" after "Jane
    Roe"), and no body when the claim's is a common noun ("led the organisation")."""
    organisation = person.organisation
    if organisation and organisation == organisation.lower():
        organisation = None
    name = person.name
    if len(name.split()) == 1:
        name = earlier_full_name(name, asof.article_text[: claim.claim.start]) or name
    return replace(person, name=name, organisation=organisation)


def earlier_full_name(surname: str, before: str) -> str | None:
    """The latest full name before the claim that the lone name is part of (an
    office written before it left out: "Secretary-General Ilse Marrow")."""
    wanted = fold(surname)
    for name in reversed(find_names(before)):
        # "Jane Roe of Velmora": where she is from is no part of her name.
        # A run of capitalised words may cross a paragraph break: the name is the last line.
        text = _FROM_PLACE.sub("", _LEADING_ROLE.sub("", name.text.split("\n")[-1].strip()))
        words = [fold(w) for w in text.split()]
        if len(words) < 2 or wanted not in (words[0], words[-1]):
            continue
        if is_plausible_name(text) and not re.search(ROLE, text):
            return text
    return None


# --- a term, a number ---------------------------------------------------------------


def _local_dates(claim: StoredClaim) -> list[DateRef]:
    """The claim's dates, with offsets into its sentence."""
    base = claim.claim.sentence.start
    return [
        replace(d, start=d.start - base, end=d.end - base)
        for d in claim.claim.slots.dates
        if d.value
    ]


def _tenure(mention: _Mention) -> tuple[list[Finding], bool]:
    """Findings on a term the claim states, and whether the claim leaves it open
    (no end given), so the person is also said to be in office now."""
    claim, person = mention.claim, mention.person
    base = claim.claim.sentence.start
    start, end = term_refs(
        claim.claim.sentence.text, person.start - base, person.end - base, _local_dates(claim)
    )
    if start is None and end is None:
        return [], True
    result = check_tenure(
        person, start.value if start else None, end.value if end else None, mention.terms
    )
    if result is None or _only_relative_ends_differ(result, start, end):
        return [], end is None
    findings = [mention.finding(result.verdict, result.reason, result.term, mention.label)]
    findings += _ends(mention, result, start, end)
    return findings, end is None and result.verdict is Verdict.SUPPORTED


def _only_relative_ends_differ(
    result: TenureResult, start: DateRef | None, end: DateRef | None
) -> bool:
    """A date read against the article's own ("took office on 3 May", its year the
    article's) may confirm a term, never contradict it: the year is a guess."""
    differing = [
        ref for ref, agrees in ((start, result.start), (end, result.end)) if agrees is False
    ]
    return bool(differing) and all(ref is not None and ref.resolved for ref in differing)


def _ends(
    mention: _Mention, result: TenureResult, start: DateRef | None, end: DateRef | None
) -> list[Finding]:
    """A finding for each end of the claimed term the references settle."""
    findings = []
    for ref, agrees in ((start, result.start), (end, result.end)):
        if ref is not None and agrees is not None:
            verdict = Verdict.SUPPORTED if agrees else Verdict.CONTRADICTED
            said = "as the claim says" if agrees else "not"
            reason = f"{result.listed}, {said} {ref.text}"
            findings.append(mention.finding(verdict, reason, result.term, ref.text))
    return findings


def _ordinal(mention: _Mention, written: PersonRole) -> list[Finding]:
    found = person_ordinal(mention.claim, written)
    if found is None:
        return []
    value, words = found
    checked = check_ordinal(mention.person, value, mention.terms, women_only=counts_women(words))
    if checked is None:
        return []
    verdict, reason, term = checked
    return [mention.finding(verdict, reason, term, words)]


# --- in office at a date ------------------------------------------------------------


def _in_office(mention: _Mention, decided: set[str], past: bool) -> list[Finding]:
    """In office at the date the claim's sentence opens with, else at the article's
    date, unless the claim puts the office in the past ("X was the third chair")."""
    person, asof = mention.person, mention.asof
    opening, elsewhere = _sentence_date(mention.claim, decided, mention.person)
    if past and opening is None:
        return _held(mention)
    at = opening.value if opening else asof.at
    if at is None and elsewhere is None:
        if choose_office(person.role, person.organisation, person.name, mention.terms) is None:
            return []
        reason = (
            f"{person.name} is named {person.role}, but the article has no date "
            "to check the term of office against"
        )
        return [Finding(Verdict.UNVERIFIED, reason, None, "office", mention.label)]
    result = check_person(person, at, mention.terms) if at else None
    dated_by = opening
    if elsewhere is not None:
        there = check_person(person, elsewhere.value, mention.terms)
        if at is None or (result and there and result.verdict is not there.verdict):
            result = _disagreeing(result, there, at)
    return _result_findings(mention, result, dated_by)


def _office_date(mention: _Mention, decided: set[str]) -> DateRef | None:
    """The date the claim holds the office at, written right after it: "who was
    chair in 1990", "was chair when the bridge fell in 1990"."""
    claim, person = mention.claim, mention.person
    text = claim.claim.sentence.text
    end = person.end - claim.claim.sentence.start
    for date in _local_dates(claim):
        if date.resolved or date.relation not in ("in", "on") or date.text in decided:
            continue
        if date.start >= end and _OFFICE_AT.fullmatch(text, end, date.start):
            return date
    return None


def _at_office_date(mention: _Mention, date: DateRef) -> list[Finding]:
    """In office at the date the claim gives the office: the date is the office's, so
    the check that settles the office settles the date too."""
    result = check_person(mention.person, date.value, mention.terms)
    if result is None:
        return []
    term = result.term
    return [
        mention.finding(result.verdict, result.reason, term, mention.label),
        mention.finding(result.verdict, result.reason, term, date.text),
    ]


def _held(mention: _Mention) -> list[Finding]:
    """An office the claim puts in the past, with no date: held at some time."""
    held = held_terms_of(mention.person, mention.terms)
    if not held:
        return []
    term = held[-1]
    since = f" from {term.start_date}" if term.start_date else ""
    until = f" to {term.end_date}" if term.end_date else ""
    reason = f"{term.holder} was {term.office}{since}{until}, as the claim says"
    return [mention.finding(Verdict.SUPPORTED, reason, term, mention.label)]


def _sentence_date(
    claim: StoredClaim, decided: set[str], person: PersonRole
) -> tuple[DateRef | None, DateRef | None]:
    """A date the claim's sentence sets for its person: one that opens the claim,
    or the one point in time it names elsewhere, unless another person's name
    stands between ("a line that began with Otto Quell in 1950" dates Quell)."""
    points = [
        d
        for d in claim.claim.slots.dates
        if d.value
        and not d.resolved
        and d.relation in ("in", "on")
        and _YEAR.search(d.text)
        and d.text not in decided
        and not _other_name_between(claim, person, d)
    ]
    if len({d.value for d in points}) != 1:
        return None, None
    date = points[0]
    if date.start - claim.claim.start <= _OPENING:
        return date, None
    return None, date


def _other_name_between(claim: StoredClaim, person: PersonRole, date: DateRef) -> bool:
    if date.start < person.end:
        return False
    between = claim.claim.sentence.text[
        person.end - claim.claim.sentence.start : date.start - claim.claim.sentence.start
    ]
    return any(is_plausible_name(n.text) for n in find_names(between))


def _disagreeing(
    at_article: OfficeResult | None, at_sentence: OfficeResult | None, at: str | None
) -> OfficeResult | None:
    """The sentence's date and the article's give different answers: which one the
    claim means is not clear, so neither is asserted."""
    if at is None:
        return at_sentence
    if at_article is None or at_sentence is None:
        return None
    reason = f"{at_sentence.reason}; but {at_article.reason}"
    return OfficeResult(Verdict.UNVERIFIED, reason, at_sentence.term)


def _result_findings(
    mention: _Mention, result: OfficeResult | None, dated_by: DateRef | None
) -> list[Finding]:
    if result is None:
        return []
    # The person's own term and the terms of whoever held the office
    # instead: the reason names both, so the evidence shows both.
    shown = [t for t in (result.term, *result.others) if t is not None] or [None]
    findings = [mention.finding(result.verdict, result.reason, t, mention.label) for t in shown]
    if dated_by is not None and result.verdict is Verdict.SUPPORTED and _about_tenure(mention):
        findings.append(mention.finding(result.verdict, result.reason, result.term, dated_by.text))
    return findings


def _about_tenure(mention: _Mention) -> bool:
    """Whether the claim says no more than who held the office ("In 1969 the agency
    was led by Administrator X"), so its date is the term's; "In 2012 Chair X opened
    the boathouse" dates the opening, which the term does not confirm."""
    return _TENURE_VERB.search(mention.claim.claim.text) is not None
