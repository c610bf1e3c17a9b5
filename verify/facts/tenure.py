"""A claimed term of office and a claimed holder's number, against the listed terms.

"Jane Roe, who ran the league from 1990 to 1999" states a term, not who held the
office on the article's date: it is compared with Jane Roe's own listed term of
the office her role means (``verify.facts.office_match``). Each end the claim
gives is compared at the coarser of the two precisions ("1999" agrees with
"1999-06-30"); terms of one holder that follow each other, or that several
references list, are also compared as one ("served two terms from 2007 to
2016"). "The ninth chair" is compared with the holder's listed number.

Nothing here judges someone the references do not list as holding the office.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from verify.facts.office_match import OfficeChoice, choose_office, held_terms
from verify.records import Fact, PersonRole, Verdict

# Consecutive terms of one holder join into one tenure when the next starts
# within this many years of the last one's end.
_JOIN_YEARS = 1


@dataclass(frozen=True)
class TenureResult:
    """A claimed term against the holder's listed one: the verdict, and each end's
    own (None when the claim gives no such end or the references do not say)."""

    verdict: Verdict
    reason: str
    term: Fact
    start: bool | None
    end: bool | None
    listed: str  # the listed term, as the reasons say it: "Jane Roe was Chair of X from ..."


@dataclass(frozen=True)
class _Span:
    start: str | None
    end: str | None
    terms: tuple[Fact, ...]


def check_tenure(
    person: PersonRole, start: str | None, end: str | None, terms: Sequence[Fact]
) -> TenureResult | None:
    """Whether ``person`` held the office their role means from ``start`` to ``end``."""
    own = held_terms_of(person, terms)
    if not own or (start is None and end is None):
        return None
    judged = [(s, _agrees(start, s.start), _agrees_end(end, s.end)) for s in _spans(own)]
    for span, start_ok, end_ok in judged:
        if (start is None or start_ok) and (end is None or end_ok):
            listed = _text(span)
            reason = f"{listed}, as the claim says"
            return TenureResult(Verdict.SUPPORTED, reason, span.terms[-1], start_ok, end_ok, listed)
    if not all(False in (start_ok, end_ok) for _, start_ok, end_ok in judged):
        return None  # some listing neither confirms nor contradicts it
    span, start_ok, end_ok = max(judged, key=lambda j: (j[1] is not False) + (j[2] is not False))
    claimed = " and ".join(
        said for said, ok in ((f"from {start}", start_ok), (f"to {end}", end_ok)) if ok is False
    )
    listed = _text(span)
    reason = f"{listed}, not {claimed}"
    return TenureResult(Verdict.CONTRADICTED, reason, span.terms[0], start_ok, end_ok, listed)


def check_ordinal(
    person: PersonRole, ordinal: int, terms: Sequence[Fact], *, women_only: bool = False
) -> tuple[Verdict, str, Fact] | None:
    """Whether ``person`` is the ``ordinal``-th holder of the office their role means.

    ``women_only``: the number counts women holders ("the second woman to lead"),
    which the references do not tell apart: it can only be too large."""
    own = [t for t in held_terms_of(person, terms) if t.ordinal]
    if not own:
        return None
    matching = [t for t in own if t.ordinal == ordinal]
    term = (matching or own)[0]
    said = f"{term.holder} was the {nth(term.ordinal or 0)} {term.office}"
    if matching:
        return Verdict.SUPPORTED, f"{said}, as the claim says", term
    if women_only and ordinal < min(t.ordinal or 0 for t in own):
        return None
    return Verdict.CONTRADICTED, f"{said}, not the {nth(ordinal)}", term


def nth(number: int) -> str:
    """1 -> "1st", 12 -> "12th", 22 -> "22nd"."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def held_office(person: PersonRole, terms: Sequence[Fact]) -> OfficeChoice | None:
    """The office ``person``'s role means, when they are listed as holding it."""
    choice = choose_office(person.role, person.organisation, person.name, terms)
    return choice if choice is not None and choice.held else None


def held_terms_of(person: PersonRole, terms: Sequence[Fact]) -> list[Fact]:
    """The listed terms ``person`` held of the office their role means."""
    choice = held_office(person, terms)
    return held_terms(terms, choice.office, person.name) if choice else []


def _spans(own: list[Fact]) -> list[_Span]:
    """Each listed term, and each run of terms that follow one another; the most
    precise first, so a reason quotes the fullest dates."""
    spans = [_Span(t.start_date, t.end_date, (t,)) for t in own]
    run: list[Fact] = []
    for term in own:
        if run and not _follows(run[-1], term):
            spans += _joined(run)
            run = []
        run.append(term)
    spans += _joined(run)
    return sorted(spans, key=lambda s: -len(f"{s.start or ''}{s.end or ''}"))


def _follows(before: Fact, after: Fact) -> bool:
    if before.end_date is None or after.start_date is None:
        return False
    return int(after.start_date[:4]) - int(before.end_date[:4]) <= _JOIN_YEARS


def _joined(run: list[Fact]) -> list[_Span]:
    if len(run) < 2:
        return []
    return [_Span(run[0].start_date, run[-1].end_date, tuple(run))]


def _agrees(claimed: str | None, listed: str | None) -> bool | None:
    """Equal at the coarser precision; None when either is not given."""
    if claimed is None or listed is None:
        return None
    width = min(len(claimed), len(listed))
    return claimed[:width] == listed[:width]


def _agrees_end(claimed: str | None, listed: str | None) -> bool | None:
    """An end on 1 January also agrees with the year before: the handover day."""
    same = _agrees(claimed, listed)
    if same is False and claimed and listed and listed[4:] == "-01-01" and len(claimed) == 4:
        return int(listed[:4]) - int(claimed) == 1
    return same


def _text(span: _Span) -> str:
    term = span.terms[-1]
    since = f" from {span.start}" if span.start else ""
    until = f" to {span.end}" if span.end else " (no end given)"
    return f"{term.holder} was {term.office}{since}{until}"
