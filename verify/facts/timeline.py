"""Counts as of a date, from the dated facts of reference timelines.

A 2022 article's "invoked six times" is right if the references list six entries
before its date, even when a 2025 page lists nine. This module compares such
claims with ``Fact`` records (see ``verify.facts.document``) at the claim's date;
which list a count is about is decided in ``verify.facts.counted_list``; figures
such as "30 member states" are read in ``verify.facts.values``.

Dates are ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD", each covering the days of its
period ("2021-11" is the whole of November 2021, see ``verify.facts.periods``). The
rules, one for every use:

- a fact is *on or before* ``at`` when its period starts before ``at``'s ends, so a
  coarse ``at`` ("2021-11") is read as the end of that period;
- an event is *strictly before* ``at`` when its period ends before ``at``'s starts;
  an event whose period overlaps ``at`` counts only in the inclusive count, so the
  two counts bracket what an article of that date could have said;
- an event is *on or after* ``since`` when its period ends after ``since`` starts.

Pure functions, no database. Every rule is about the shape of lists and words,
never about a particular story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from verify.claims import find_dates, fold, is_partitive, is_time_unit
from verify.facts.count_subjects import (
    apart,
    appositive_name,
    context_filter,
    in_column,
    is_n_time,
)
from verify.facts.counted_list import (
    choose_group,
    count_filter,
    counts_entries,
    mentions,
    other_provision,
    quantity_clause,
    subject_groups,
    unknown_agent,
)
from verify.facts.periods import by_date, days
from verify.facts.rows import NO_HEADING
from verify.records import Fact, Quantity, Verdict


@dataclass(frozen=True)
class CountResult:
    verdict: Verdict
    reason: str
    facts: tuple[Fact, ...]  # the entries counted, or the values compared


# --- dates -------------------------------------------------------------------------------


def _iso(day: date) -> str:
    return day.isoformat()


def _unit(at: str) -> str:
    return {4: "year", 7: "month"}.get(len(at), "day")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


# --- counting events -----------------------------------------------------------------------


def count_events(
    events: Sequence[Fact], at: str, must_mention: Iterable[str] = (), since: str | None = None
) -> tuple[int, int]:
    """(events strictly before ``at``, events on or before ``at``), optionally only
    those whose text names every one of ``must_mention`` and those on or after
    ``since`` (see the module's date rules)."""
    strict, inclusive = _counted(events, at, tuple(must_mention), since)
    return len(strict), len(inclusive)


def _counted(
    events: Sequence[Fact], at: str, names: Sequence[str], since: str | None
) -> tuple[list[Fact], list[Fact]]:
    when, start = days(at), days(since)
    if when is None:
        return [], []
    kept = [
        (span, fact)
        for span, fact in by_date(e for e in events if e.kind == "event" and not e.status)
        if (start is None or span[1] > start[0]) and all(mentions(fact.text, n) for n in names)
    ]
    strict = [fact for span, fact in kept if span[1] <= when[0]]
    return strict, [fact for span, fact in kept if span[0] < when[1]]


# --- the verdict on a count --------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    at: str  # the cut-off: ``at``, or earlier when the clause says "in 2012", "by 2020"
    since: str | None
    words: str  # the clause's own date words, for the reason


def _scope(clause: str, at: str) -> _Scope:
    """Dates in the quantity's clause narrow the count: "since 2014", "after 2010"
    start it, "in 2012" bounds it on both sides, "by"/"until"/"before" end it."""
    cutoff, since, said = at, None, []
    for ref in find_dates(clause):
        span = days(ref.value)
        if span is None or not ref.relation:
            continue
        said.append(ref.text)
        if ref.relation in ("since", "from", "in", "on"):
            since = ref.value
        elif ref.relation == "after":
            since = _iso(span[1])
        if ref.relation in ("in", "on", "by", "until"):
            cutoff = _earlier(cutoff, span[1] - timedelta(days=1))
        elif ref.relation == "before":
            cutoff = _earlier(cutoff, span[0] - timedelta(days=1))
    return _Scope(cutoff, since, " ".join(said))


def _earlier(at: str, day: date) -> str:
    """``day`` when it falls before the last day of ``at``, else ``at`` unchanged."""
    when = days(at)
    return _iso(day) if when is not None and day < when[1] - timedelta(days=1) else at


def check_count(
    quantity: Quantity,
    claim_text: str,
    at: str,
    events: Sequence[Fact],
    context: str = "",
    base: int | None = None,
) -> CountResult | None:
    """A count claim ("invoked six times", "five of them by Turkey") against the
    list of events it is about, as of ``at``: supported when it equals the count of
    entries strictly before ``at`` or the count including ``at`` itself.

    None when no list fits, the quantity counts something else than entries, the
    clause names who did it and no entry names them, or the count is about a
    provision the list's document never names while naming others. ``events`` may
    hold any facts: only events are counted, the rest of a list's document tells
    which provision it is about.
    """
    if is_time_unit(quantity.counted):
        return None  # "five years ago" is a duration, whatever column a list dates by
    if _EACH.match(claim_text, _end(quantity, claim_text, base)):
        return _check_each(quantity, claim_text, at, events, base)
    group = choose_group(quantity, claim_text, events, context, base)
    if not group or days(at) is None or not counts_entries(quantity, group):
        return None
    if not _names_its_kind(quantity.counted, group[0].group or ""):
        return None  # "two SpaDeX satellites": a named kind the list's heading does not name
    clause = quantity_clause(quantity, claim_text, base)
    if unknown_agent(clause, group) or other_provision(clause, context, group, events):
        return None
    names = count_filter(quantity, claim_text, group, base)
    if not names and _unnamed_agent(clause):
        # "it became the second town to host the regatta twice": a count of what one
        # of the list's many doers did, so only that doer's entries count; the doer
        # is the name before that some but not all entries give, or none is counted.
        names = context_filter(context, group)[:1]
        if not names:
            return None
    if not names and is_n_time(quantity) and not group[0].subject:
        # "Ana Bell, a five-time champion": a list of many doers is nobody's five
        # times (a name's own list, "Ana Bell won in ...", is all hers).
        start = _end(quantity, claim_text, base) - len(quantity.text)
        found = appositive_name(claim_text, start, group)
        if found is None:
            return None
        names = [found]
    if is_partitive(quantity) and not names:
        return None  # "four of them" with no filter we can read: a part of an unknown whole
    scope = _scope(clause, at)
    if apart(names, group):
        return _check_apart(quantity, names, clause, group, scope, at)
    for name in names:
        group, fits = in_column(name, clause, group)
        if not fits:
            return None
    return _verdict(quantity, names, group, scope, at)


def _names_its_kind(counted: str, heading: str) -> bool:
    """Whether every name inside what is counted ("Vesper missions") is in the
    list's heading: a count of a named kind is not a count of the whole list."""
    named = [w for w in counted.split() if w[:1].isupper()]
    return all(fold(w) in fold(heading) for w in named)


def _verdict(
    quantity: Quantity, names: Sequence[str], group: Sequence[Fact], scope: _Scope, at: str
) -> CountResult | None:
    """Supported when the claim's count is the entries' before ``at`` or including it,
    contradicted when it is neither.

    A claim that reports an occurrence ("won it for the second time on Sunday")
    counts the entry of its own day; a standing ("begins the season as a three-time
    champion") may or may not include an entry dated more coarsely than ``at`` (a
    "2023" title for an article of March 2023), so it is left open then (None)."""
    strict, inclusive = _counted(group, scope.at, names, scope.since)
    if names and not inclusive:
        return None  # a list that never names them is not a list of theirs
    listed = _count_text(len(strict), len(inclusive), names, scope, group[0].group)
    if quantity.value in (len(strict), len(inclusive)):
        coarse = [f for f in inclusive if f not in strict and len(f.date or "") < len(scope.at)]
        if coarse and is_n_time(quantity):
            return None
        counted = strict if quantity.value == len(strict) else inclusive
        return CountResult(Verdict.SUPPORTED, f"as of {at}, {listed}", tuple(counted))
    reason = f"the claim says {quantity.text}; as of {at}, {listed}, not {_number(quantity.value)}"
    return CountResult(Verdict.CONTRADICTED, reason, tuple(inclusive))


def _check_apart(
    quantity: Quantity,
    names: Sequence[str],
    clause: str,
    group: Sequence[Fact],
    scope: _Scope,
    at: str,
) -> CountResult | None:
    """ "Bo joins Ana and Cy as a four-time winner": each name's own entries. Only a
    count every name's entries confirm is supported; otherwise the claim may count
    them together ("five titles between them") and nothing is said."""
    results = []
    for name in names:
        entries, fits = in_column(name, clause, group)
        found = _verdict(quantity, [name], entries, scope, at) if fits else None
        if found is None or found.verdict is not Verdict.SUPPORTED:
            return None
        results.append(found)
    reason = "; ".join(r.reason for r in results)
    return CountResult(Verdict.SUPPORTED, reason, tuple(f for r in results for f in r.facts))


_EACH = re.compile(r"\s+each\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|they|he|she)\b", re.IGNORECASE)
_PASSIVE = re.compile(
    r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|held|won|led|run|met)\b",
    re.IGNORECASE,
)


def _unnamed_agent(clause: str) -> bool:
    """Whether the clause says a pronoun did what is counted ("it hosted twice"), in
    the active voice: "it has been invoked six times" counts every entry of a list
    about it, "it hosted the Games twice" only its own."""
    return bool(_PRONOUN.search(clause)) and not _PASSIVE.search(clause)


def _end(quantity: Quantity, claim_text: str, base: int | None) -> int:
    if (
        base is not None
        and claim_text[quantity.start - base : quantity.end - base] == quantity.text
    ):
        return quantity.end - base
    found = claim_text.find(quantity.text)
    return found + len(quantity.text) if found >= 0 else len(claim_text)


def _check_each(
    quantity: Quantity, claim_text: str, at: str, events: Sequence[Fact], base: int | None
) -> CountResult | None:
    """ "Calderon and Tessaly have four titles each": every name's own list must
    count that many; one that does not contradicts."""
    groups = [
        g for g in subject_groups(quantity, claim_text, events, base) if counts_entries(quantity, g)
    ]
    if not groups or days(at) is None:
        return None
    scope = _scope(quantity_clause(quantity, claim_text, base), at)
    results = []
    for group in groups:
        strict, inclusive = _counted(group, scope.at, (), scope.since)
        listed = _count_text(len(strict), len(inclusive), (), scope, group[0].group)
        results.append((quantity.value in (len(strict), len(inclusive)), listed, inclusive))
    wrong = [r for r in results if not r[0]]
    if wrong:
        reason = f"the claim says {quantity.text} each; as of {at}, {wrong[0][1]}"
        return CountResult(Verdict.CONTRADICTED, reason, tuple(wrong[0][2]))
    reason = f"as of {at}, " + "; ".join(listed for _, listed, _ in results)
    return CountResult(Verdict.SUPPORTED, reason, tuple(f for _, _, g in results for f in g))


def _count_text(
    strict: int, inclusive: int, names: Sequence[str], scope: _Scope, heading: str | None
) -> str:
    """ "the references list 5 entries naming Turkey under 'X' before 2022-02-24 (6
    including that day)"."""
    noun = "entry" if strict == 1 else "entries"
    text = f"the references list {strict} {noun}"
    text += f" naming {' and '.join(names)}" if names else ""
    text += f" under '{heading}'" if heading and heading != NO_HEADING else ""
    text += f" {scope.words}" if scope.words else ""
    text += f" before {scope.at}"
    if inclusive != strict:
        text += f" ({inclusive} including that {_unit(scope.at)})"
    return text
