"""Who held an office when: checking a person named in an office at a date.

A claim names someone in an office ("the Lithuanian president, Dalia
Grybauskaite"); the references list terms of office as ``Fact(kind="term")``
("President of Lithuania | Dalia Grybauskaitė | 12 July 2009 | 12 July 2019").
The office is recognised by its key (``verify.facts.office_keys``) and the person by
a forgiving name match (``verify.facts.person_names``); here:

- ``office_terms``: the listed terms of the office a key names.
- ``holders_at``: the terms of an office that cover a date, at the date's precision.
- ``check_person``: the verdict, with a reason naming who held the office then.
  The office is chosen person first (``verify.facts.office_match``): the role
  need only fit one of the offices the named person held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from verify.claims import fold, normalise_role
from verify.facts.office_keys import (
    ACTING_WORDS,
    FORMER_WORDS,
    FUTURE_WORDS,
    OfficeKey,
    office_key,
    offices_match,
)
from verify.facts.office_match import body_named, choose_office, terms_of
from verify.facts.periods import period
from verify.facts.person_names import same_person
from verify.facts.term_index import term_index
from verify.records import Fact, PersonRole, Verdict

# --- terms in time -----------------------------------------------------------


def office_terms(terms: Sequence[Fact], key: OfficeKey) -> list[Fact]:
    """The term facts of the office ``key`` names, in order of their start.

    A key without a body matches a listed office only when no other listed
    office has the same role. Terms whose dates cannot be read are left out.
    """
    index = term_index(terms)
    unique = len([k for k in index.by_office if k.role == key.role]) == 1
    found = [
        term
        for office in index.by_office
        if offices_match(key, office, role_is_unique=unique)
        for term in index.of_office(office)
    ]
    return sorted(found, key=lambda t: t.start_date or "")


def _bounds(term: Fact) -> tuple[date | None, date | None]:
    """A term's first day and the day after its last, None where not given.

    The end day itself belongs to the successor (the handover day). A coarse
    boundary ("2019") is read generously, as covering the whole period, so an
    imprecise table never contradicts a claim.
    """
    start = period(term.start_date)[0] if term.start_date else None
    if term.end_date is None:
        return start, None
    low, high = period(term.end_date)
    return start, low if len(term.end_date.strip()) == len("YYYY-MM-DD") else high


@dataclass(frozen=True)
class _Held:
    """A term placed in time: ``[start, end)``."""

    term: Fact
    start: date
    end: date
    open_ended: bool  # no end date given and no later holder known: still in office

    def covers(self, at: str) -> bool:
        low, high = period(at)
        return self.start < high and low < self.end


def _timeline(terms: Sequence[Fact], key: OfficeKey, today: date | None) -> list[_Held]:
    return placed(office_terms(terms, key), today)


def placed(found: list[Fact], today: date | None, seats: bool | None = None) -> list[_Held]:
    """The terms of one office (``found``, in order of their start) placed in time.

    A term without an end runs through today, unless a later term by someone
    else is known: an office has one holder at a time, so it ends there (not an
    office of several ``seats``, worked out from ``found`` when not given). A
    term without a start is taken to have begun when the one before it ended.
    """
    bounds = [_bounds(t) for t in found]
    tomorrow = (today or date.today()) + timedelta(days=1)
    seats = has_seats(found) if seats is None else seats
    held = []
    for term, (start, end) in zip(found, bounds, strict=True):
        others = [b for t, b in zip(found, bounds, strict=True) if not _same_holder(t, term)]
        # On a bench of several seats a later holder is another seat's, not a successor.
        later = [] if seats else [s for s, _ in others if s and start and s > start]
        earlier = [e for _, e in others if e and end and e < end]
        begin = start or max(earlier, default=date.min)
        finish = end or min(later, default=tomorrow)
        held.append(_Held(term, begin, finish, end is None and not later))
    return held


# Days two holders' listed terms may overlap and still be one seat handed over
# (a handover written on both rows, an acting holder, dates of announcement).
HANDOVER_DAYS = 31


def has_seats(found: Sequence[Fact]) -> bool:
    """Whether an office has several holders at once (judges of a court, members
    of a board): two holders' terms, both with their start and end given, overlap
    by more than a handover. Such an office has no single holder "then", and a
    holder who starts later succeeds nobody in particular."""
    ended = [(t, *_certain(t)) for t in found if t.start_date and t.end_date]
    return any(
        not _same_holder(term, other)
        and (min(end, other_end) - max(start, other_start)).days > HANDOVER_DAYS
        for index, (term, start, end) in enumerate(ended)
        for other, other_start, other_end in ended[index + 1 :]
    )


def _certain(term: Fact) -> tuple[date, date]:
    """The days a term surely covered: from the last day its start may be to the
    first its end may be ("2001–2006" surely covers 2001-12-31 to 2006-01-01), so a
    coarse table never makes one seat look like two."""
    return period(term.start_date or "")[1] - timedelta(days=1), period(term.end_date or "")[0]


def _same_holder(a: Fact, b: Fact) -> bool:
    return same_person(a.holder or "", b.holder or "")


def holders_at(
    terms: Sequence[Fact], key: OfficeKey, at: str, *, today: date | None = None
) -> list[Fact]:
    """The terms of the office ``key`` that cover ``at`` ("YYYY", "YYYY-MM" or
    "YYYY-MM-DD"); a coarse ``at`` picks every term it overlaps at all."""
    period(at)  # a malformed date is the caller's bug: say so even without terms
    return [h.term for h in _timeline(terms, key, today) if h.covers(at)]


# --- the check -----------------------------------------------------------------


@dataclass(frozen=True)
class OfficeResult:
    """A verdict on a person named in an office at a date.

    ``term`` is the fact to show as evidence: the person's own term when they
    held the office, else the term of whoever held it then. ``others`` are the
    terms of the other holders the reason names.
    """

    verdict: Verdict
    reason: str
    term: Fact | None = None
    others: tuple[Fact, ...] = ()


def check_person(
    person: PersonRole, at: str | None, terms: Sequence[Fact], *, today: date | None = None
) -> OfficeResult | None:
    """Whether ``person`` held the office the claim gives them on ``at``.

    None when there is nothing to judge: no date, no office, an office the
    references do not list, or nobody known to contradict the claim. Someone
    the terms do not list is only contradicted when the claim names the
    office's body ("the Lithuanian president"): a bare "President Jane Roe"
    matched to the one presidency listed may well be another country's.
    "Former X" asks for a term that had ended by ``at``; "incoming X" is not
    judged; an acting holder is judged only on terms of their own.
    """
    if at is None or person.role is None:
        return None
    period(at)
    tense = _tense(person.role)
    choice = choose_office(person.role, person.organisation, person.name, terms)
    if choice is None or tense == "future":
        return None
    listed = terms_of(terms, choice.office)
    seats = has_seats(listed)
    timeline = placed(listed, today, seats)
    own = [h for h in timeline if same_person(person.name, h.term.holder or "")]
    key = office_key(person.role, person.organisation)
    if not own and (choice.generic or not body_named(key.organisation, choice.office)):
        return None  # "President Jane Roe": whose president is a guess, not grounds to contradict
    others = [h for h in timeline if h not in own and h.covers(at)]
    if tense == "former":
        result = _check_former(own, at)
    elif seats and not own:
        return None  # another holder of one of several seats says nothing of this one
    elif own or tense != "acting":
        result = _check_serving(person.name, own, [] if seats else others, at, seats=seats)
    else:
        return None
    if choice.wider and result is not None and result.verdict is Verdict.CONTRADICTED:
        return None  # "Minister X": perhaps a ministry the references do not list
    return result


def _tense(role: str) -> str:
    words = set(normalise_role(fold(role)).split())
    if words & FUTURE_WORDS:
        return "future"
    if words & FORMER_WORDS:
        return "former"
    return "acting" if words & ACTING_WORDS else "serving"


def _check_serving(
    name: str, own: list[_Held], others: list[_Held], at: str, *, seats: bool = False
) -> OfficeResult | None:
    serving = [h for h in own if h.covers(at)]
    if serving:
        reason = f"{_term_text(serving[0])}, so in office {_on(at)}"
        return OfficeResult(Verdict.SUPPORTED, reason, serving[0].term)
    other_terms = tuple(h.term for h in others)
    if own:
        nearest = _nearest(own, at)
        then = f"{_on(at)} the office was held by {_names(others)}"
        if not others:
            then = f"the references do not say who held it {_on(at)}"
        if seats:
            then = f"not in office {_on(at)} (the office has several seats)"
        reason = f"{_term_text(nearest)}; {then}"
        return OfficeResult(Verdict.CONTRADICTED, reason, nearest.term, other_terms)
    if not others:
        return None
    reason = f"{_on(at)} {others[0].term.office} was {_names(others)}, not {name}"
    return OfficeResult(Verdict.CONTRADICTED, reason, others[0].term, other_terms)


def _check_former(own: list[_Held], at: str) -> OfficeResult | None:
    """A former holder: some term of theirs had ended by the end of ``at``.

    A person the references do not list at all is not judged: a list of terms
    is often only the recent ones, and "former" reaches back before it.
    """
    if not own:
        return None
    ended = [h for h in own if not h.open_ended and h.end < period(at)[1]]
    if ended:
        reason = f"{_term_text(ended[-1])}, so a former holder {_on(at)}"
        return OfficeResult(Verdict.SUPPORTED, reason, ended[-1].term)
    nearest = _nearest(own, at)
    when = "still in office" if nearest.covers(at) else "not yet in office"
    reason = f"{_term_text(nearest)}, so {when} {_on(at)}"
    return OfficeResult(Verdict.CONTRADICTED, reason, nearest.term)


def _on(at: str) -> str:
    """ "on 2021-11-16", but "in 2021-11": a month or year is a span, not a day."""
    return f"on {at}" if len(at) == 10 else f"in {at}"


def _nearest(own: list[_Held], at: str) -> _Held:
    """The person's term closest in time to ``at``."""
    low, high = period(at)
    return min(own, key=lambda h: (low - h.end).days if h.end <= low else (h.start - high).days)


def _term_text(held: _Held) -> str:
    term = held.term
    was = f"{term.holder} was {term.office}"
    since = f" from {term.start_date}" if term.start_date else ""
    if term.end_date:
        return f"{was}{since} to {term.end_date}" if since else f"{was} until {term.end_date}"
    return f"{was}{since} (still in office)" if held.open_ended else f"{was}{since}"


def _names(held: Sequence[_Held]) -> str:
    """Holders in order of their terms, each once: "A" or "A, then B"."""
    names: list[str] = []
    for holder in (h.term.holder or "" for h in held):
        if not any(same_person(holder, seen) for seen in names):
            names.append(holder)
    return ", then ".join(names)
