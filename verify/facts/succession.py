"""An office's holders in order: who came before whom, and for how long.

The references list an office's terms (``verify.facts.term_index``); read in order of
their start they are the office's sequence of holders. "Jane Roe succeeded Otto
Quell" asks whether Quell is the holder just before Roe; "Roe's predecessor but
one" the holder two places before. An acting holder between two numbered ones
(an unnumbered row in a numbered list) is a stand-in that writers skip, so the
holder before them counts too: both readings may confirm, only a name that fits
neither contradicts. And only a name the references list as a holder of the same
office contradicts: anyone else may be a holder the list leaves out.

"After a dozen years in charge" is compared with the length of the holder's
tenure (consecutive terms joined), to a year's tolerance at the precision the
references give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from verify.facts.office_keys import OfficeKey
from verify.facts.office_match import one_office, terms_of
from verify.facts.offices import has_seats
from verify.facts.periods import period
from verify.facts.person_names import same_person
from verify.facts.term_index import term_index
from verify.records import Fact, Verdict

# Years a claimed tenure may differ from the listed one and still agree: a term
# listed by its years ("2001–2013") may be up to a year longer or shorter.
LENGTH_TOLERANCE = 1.0
# A hedged length ("nearly a decade", "more than 20 years") contradicts only when
# it is this far off.
HEDGED_TOLERANCE = 3.0
_DAYS_A_YEAR = 365.25


@dataclass(frozen=True)
class SuccessionResult:
    verdict: Verdict
    reason: str
    term: Fact  # the claimed predecessor's (or successor's) listed term, or the listed one's


def holders(terms: Sequence[Fact], office: OfficeKey) -> list[Fact]:
    """One term per holder in a row: the office's sequence, in order of start."""
    sequence: list[Fact] = []
    for term in terms_of(terms, office):
        if sequence and same_person(sequence[-1].holder or "", term.holder or ""):
            continue
        sequence.append(term)
    return sequence


def shared_office(terms: Sequence[Fact], names: Sequence[str]) -> OfficeKey | None:
    """The one office every one of ``names`` can have held; None when there is none
    or several."""
    index = term_index(terms)
    held = [set(one_office(index.offices_held(n))) for n in names]
    shared = set.intersection(*held) if held else set()
    return next(iter(shared)) if len(shared) == 1 else None


def _stand_in(term: Fact, sequence: list[Fact]) -> bool:
    """An unnumbered holder in a list that numbers the others: an acting one."""
    return term.ordinal is None and any(t.ordinal for t in sequence)


def _before(sequence: list[Fact], index: int, steps: int, skip: bool) -> Fact | None:
    """The holder ``steps`` places before (negative: after) ``sequence[index]``."""
    step = -1 if steps > 0 else 1
    left, position = abs(steps), index
    while left:
        position += step
        if not 0 <= position < len(sequence):
            return None
        if not (skip and _stand_in(sequence[position], sequence)):
            left -= 1
    return sequence[position]


def check_succession(
    terms: Sequence[Fact], office: OfficeKey, new: str, old: str, steps: int
) -> SuccessionResult | None:
    """Whether ``old`` held ``office`` ``steps`` places before ``new`` (negative: after).
    An office of several seats has no one order of holders: whose seat a newcomer
    took is not in a list of terms, so nothing is said."""
    if has_seats(terms_of(terms, office)):
        return None
    sequence = holders(terms, office)
    places = [i for i, t in enumerate(sequence) if same_person(new, t.holder or "")]
    claimed = [t for t in sequence if same_person(old, t.holder or "")]
    if not places or not claimed:
        return None
    fits = [
        t
        for i in places
        for skip in (False, True)
        if (t := _before(sequence, i, steps, skip)) is not None
    ]
    relation = _relation(steps)
    who = sequence[places[0]]
    if any(same_person(old, t.holder or "") for t in fits):
        said = f"{_listed(claimed[0])}, {relation} {who.holder} ({_since(who)}), as the claim says"
        return SuccessionResult(Verdict.SUPPORTED, said, claimed[0])
    if not fits:
        return None
    actual = fits[0]
    reason = (
        f"{relation.capitalize()} {who.holder} as {who.office} was {actual.holder} "
        f"({_span(actual)}), not {claimed[0].holder} ({_span(claimed[0])})"
    )
    return SuccessionResult(Verdict.CONTRADICTED, reason, actual)


def tenure_years(
    terms: Sequence[Fact], office: OfficeKey, holder: str, at: str | None
) -> tuple[float, float, Fact] | None:
    """The shortest and longest the holder's tenure can have lasted, in years, as the
    references date it (an open term runs to ``at``); None when they do not list it."""
    own = [t for t in terms_of(terms, office) if same_person(holder, t.holder or "")]
    if not own or own[0].start_date is None:
        return None
    end = own[-1].end_date or at
    if end is None:
        return None
    first, last = period(own[0].start_date), period(end)
    shortest = (last[0] - first[1]).days / _DAYS_A_YEAR
    longest = (last[1] - first[0]).days / _DAYS_A_YEAR
    return max(shortest, 0.0), longest, own[-1]


def check_length(
    terms: Sequence[Fact],
    office: OfficeKey,
    holder: str,
    years: float,
    hedged: bool,
    at: str | None,
) -> SuccessionResult | None:
    """Whether ``holder`` held ``office`` for ``years`` years."""
    found = tenure_years(terms, office, holder, at)
    if found is None:
        return None
    shortest, longest, term = found
    tolerance = HEDGED_TOLERANCE if hedged else LENGTH_TOLERANCE
    listed = f"{_listed(term, first=terms_of(terms, office))}"
    if shortest - LENGTH_TOLERANCE <= years <= longest + LENGTH_TOLERANCE and not hedged:
        return SuccessionResult(
            Verdict.SUPPORTED, f"{listed}: {years:g} years, as the claim says", term
        )
    if years < shortest - tolerance or years > longest + tolerance:
        length = (
            f"{shortest:.0f}"
            if round(shortest) == round(longest)
            else f"{shortest:.0f}–{longest:.0f}"
        )
        reason = f"{listed}: about {length} years, not {years:g}"
        return SuccessionResult(Verdict.CONTRADICTED, reason, term)
    return None


def _relation(steps: int) -> str:
    names = {1: "the predecessor of", 2: "the predecessor but one of", -1: "the successor of"}
    return names.get(steps, f"{abs(steps)} places {'before' if steps > 0 else 'after'}")


def _span(term: Fact) -> str:
    return f"{term.start_date or '?'} to {term.end_date or 'no end given'}"


def _since(term: Fact) -> str:
    return f"from {term.start_date}" if term.start_date else "no start given"


def _listed(term: Fact, first: Sequence[Fact] = ()) -> str:
    start = next((t.start_date for t in first if t.holder == term.holder), term.start_date)
    return (
        f"{term.holder} was {term.office} from {start or '?'} to {term.end_date or 'no end given'}"
    )
