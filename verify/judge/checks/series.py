"""Claims about a measure over time, against a series of dated values
(``verify.facts.series``): its level at a date, and (``series_changes``) the rises
and cuts between its rows.

A claim is about a series when it names the series' measure: the measure's head
noun in the claim's sentence ("the levy", "levies") and its other words there or
in the sentence before ("the port ... harbour levy"); another kind of the same
noun ("the pilotage levy") is not that measure. Levels read, each judged at the
claim's own date, else the article's:

- "raised the levy to 3 per cent on D", "brings the toll to 4%": the value a
  change made then, or the one in force;
- "had stayed at 1.5 per cent from January 2018": the value in force, and
  the row from which it held without a break;
- "lowered from 2.5% to 2% on 2 March": the change made that day, the value
  before it for the first figure and after it for the second.

A question the rows cannot answer (a date before the first row) is left open,
never guessed; a level of another time than the claim's ("before the cuts",
"will be") is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from verify.claims import (
    content_stems,
    find_dates,
    stem,
)
from verify.facts import Days, LastBuilt, Point, Series, change_on, days, series_of
from verify.judge.checks.asof import AsOf, FactBase, fact_evidence
from verify.judge.checks.series_changes import (
    CUT,
    ELSEWHEN,
    RISE,
    Slot,
    change_date,
    clause_of,
    dated_change,
    occurrences,
)
from verify.judge.details import checked_dates, checked_quantities
from verify.records import DateRef, Fact, Finding, Quantity, StoredClaim, Verdict

# Verbs that move a level to a value without saying which way: "brings the toll to 4%".
_MOVE = re.compile(
    r"\b(?:tak(?:e|es|ing)|took|bring(?:s|ing)?|brought|set(?:s|ting)?|mov(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
_STATE_AT = re.compile(
    r"\b(?:held|kept|stood|stand|stands|stayed|stays?|remained|remains?|left|been|unchanged)"
    r"\s+at\s*$",
    re.IGNORECASE,
)
_TO = re.compile(r"\bto\s*$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
# Words before a measure's head that only say it is the main one of its kind, in
# general English ("the key levy", "the benchmark toll").
_GENERIC_KINDS = frozenset(stem(w) for w in "interest key benchmark base policy official".split())
OCCURRENCES = frozenset({"time", "times", "occasion", "occasions"})


class _SeriesIndex:
    """The series of a run's facts, each with its measure's stems, by the stem of the
    measure's head: a claim is compared only with the series whose head it names,
    not with every series of the run (issue 14: judging at thousands of pages)."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.series = series_of(facts)
        self.words = [[stem(w) for w in s.measure.split()] for s in self.series]
        self.by_head: dict[str, list[int]] = {}
        for number, words in enumerate(self.words):
            if words:
                self.by_head.setdefault(words[-1], []).append(number)

    def naming(self, stems: frozenset[str]) -> list[int]:
        """The series whose head is one of ``stems``, in the order of the run's series."""
        return sorted({n for one in stems for n in self.by_head.get(one, [])})


_series = LastBuilt(_SeriesIndex)  # the series of a run's facts, indexed once


def check_series(claim: StoredClaim, asof: AsOf) -> dict[Slot, Finding]:
    """Findings on the claim's quantities and dates that a series settles, by slot."""
    if asof.at is None or not asof.facts.facts:
        return {}
    series = _series_for(claim, asof)
    if series is None:
        return {}
    claim = _dated(claim, asof.at)
    found: dict[Slot, Finding] = {}
    for quantity in checked_quantities(claim):
        finding = _quantity(claim, quantity, series, asof)
        if finding is not None:
            found[quantity] = finding
    for date in checked_dates(claim):
        if found:
            finding = change_date(claim, date, series, found)
        else:
            finding = dated_change(claim, date, series, asof)
        if finding is not None:
            found[date] = finding
    return found


def _dated(claim: StoredClaim, at: str | None) -> StoredClaim:
    """The claim with its dates that need a year ("on 2 March", "on Friday") read
    against the date it is judged at, when the article gave none to read them by."""
    when = days(at) if at and len(at) == 10 else None
    if when is None:
        return claim
    dates = []
    for ref in claim.claim.slots.dates:
        if not ref.value:
            base = ref.start - claim.claim.start
            found = [d for d in find_dates(claim.claim.text, 0, when[0]) if d.start == base]
            ref = replace(ref, value=found[0].value, resolved=True) if found else ref
        dates.append(ref)
    slots = replace(claim.claim.slots, dates=tuple(dates))
    return replace(claim, claim=replace(claim.claim, slots=slots))


# --- which series ---------------------------------------------------------------------------


def _series_for(claim: StoredClaim, asof: AsOf) -> Series | None:
    text = claim.claim.text
    own = content_stems(text)
    around = own | content_stems(asof.context(claim))
    index = _series(asof.facts.facts)
    fitting = []
    for number in index.naming(own):
        series, words = index.series[number], index.words[number]
        if set(words) <= around and _same_kind(text, words):
            fitting.append(series)
    return fitting[0] if len(fitting) == 1 else None


def _same_kind(text: str, words: list[str]) -> bool:
    """Whether every word the claim puts before the measure's head is the measure's own
    or a generic one: "the pilotage levy" is not the series of "Harbour levy"."""
    head = words[-1]
    for match in re.finditer(r"(\w+)\s+(?=(\w+))", text):
        word = match.group(1)
        if stem(match.group(2)) == head and word[0].islower() and not _is_verb(word):
            before = stem(word)
            if before not in words and before not in _GENERIC_KINDS and len(before) > 3:
                if not re.fullmatch(r"the|its|their|this|that|his|her", match.group(1), re.I):
                    return False
    return True


def _is_verb(word: str) -> bool:
    """A verb before the noun ("raised levies", "cut tolls"), not a kind of levy."""
    return bool(
        RISE.fullmatch(word)
        or CUT.fullmatch(word)
        or _MOVE.fullmatch(word)
        or re.fullmatch(r"\w+(?:ed|ing)", word)
    )


# --- levels -------------------------------------------------------------------------------


def _quantity(claim: StoredClaim, quantity: Quantity, series: Series, asof: AsOf) -> Finding | None:
    if quantity.counted == "percent":
        return _level(claim, quantity, series, asof) if series.unit == "percent" else None
    if quantity.counted in OCCURRENCES:
        return occurrences(claim, quantity, series, asof)
    return None


def _level(claim: StoredClaim, quantity: Quantity, series: Series, asof: AsOf) -> Finding | None:
    clause, base = clause_of(claim, quantity.start, quantity.end)
    before = clause[: quantity.start - base]
    dates = [d for d in claim.claim.slots.dates if d.value and base <= d.start < base + len(clause)]
    points = [d for d in dates if d.relation in ("on", "in", "")]
    pair = _pair(claim, quantity, base, clause)
    if pair is not None:
        return _from_to(claim, quantity, pair, series, asof, points)
    if ELSEWHEN.search(clause):
        return None
    if _STATE_AT.search(before):
        since = [d for d in dates if d.relation == "since"]
        return _held_since(claim, quantity, series, asof, since[0] if since else None)
    moved = RISE.search(clause) or CUT.search(clause) or _MOVE.search(clause)
    if _TO.search(before) and moved:
        when = points[0].value if points else asof.at
        return _level_at(claim, quantity, series, asof, when)
    return None


def _pair(
    claim: StoredClaim, quantity: Quantity, base: int, clause: str
) -> tuple[Quantity, Quantity] | None:
    """The two percentages of "from 2.5% to 2%" when ``quantity`` is one of them."""
    shares = [
        q
        for q in claim.claim.slots.quantities
        if q.counted == "percent" and base <= q.start and q.end <= base + len(clause)
    ]
    for first, second in zip(shares, shares[1:], strict=False):
        between = clause[first.end - base : second.start - base]
        if _FROM.search(clause[: first.start - base]) and re.fullmatch(r"\s*to\s*", between):
            if quantity in (first, second):
                return first, second
    return None


def _number(value: float) -> str:
    return f"{value:g}"


def _level_at(
    claim: StoredClaim, quantity: Quantity, series: Series, asof: AsOf, when: str | None
) -> Finding | None:
    """ "brings the toll to 4 per cent": the value a change set at the time, or the one
    in force then."""
    span = days(when)
    if span is None or not series.covers(span):
        return None
    held = _held_during(series, span)
    agreeing = [p for p in held if p.value == quantity.value]
    if agreeing:
        point = agreeing[-1]
        reason = f"the reference gives {series.measure} {_number(point.value)} from {point.date}"
        return _finding(claim, Verdict.SUPPORTED, reason, point, asof.facts)
    said = "; ".join(f"{_number(p.value)} from {p.date}" for p in held)
    reason = (
        f"the claim says {quantity.text}; in {when} the reference gives {series.measure} {said}"
    )
    return _finding(claim, Verdict.CONTRADICTED, reason, held[-1], asof.facts)


def _held_during(series: Series, span: Days) -> list[Point]:
    """The values a change made within ``span`` set, else the one in force at its start."""
    within = [p for p in series.points if span[0] <= p.span[0] < span[1]]
    return within or [p for p in series.points if p.span[0] < span[0]][-1:]


def _held_since(
    claim: StoredClaim, quantity: Quantity, series: Series, asof: AsOf, since: DateRef | None
) -> Finding | None:
    """ "had stayed at 1.5 per cent since 2017": the value then, and when it began."""
    held = series.held_at(asof.at or "")  # [] when the date is unreadable
    if not held:
        return None
    matching = [p for p in held if p.value == quantity.value]
    if not matching:
        said = " or ".join(f"{_number(p.value)} from {p.date}" for p in held)
        reason = f"the claim says {quantity.text}; as of {asof.at} the reference gives {said}"
        return _finding(claim, Verdict.CONTRADICTED, reason, held[-1], asof.facts)
    point = matching[0]
    begun = series.run_start(point)
    if since is None:
        reason = f"the reference gives {series.measure} {_number(point.value)} as of {asof.at}"
        return _finding(claim, Verdict.SUPPORTED, reason, point, asof.facts)
    span = days(since.value)
    if begun is None or span is None:
        return None  # it held from the first row: when it began is not listed
    run = f"{series.measure} {_number(point.value)} from {begun.date}"
    if span[0] <= begun.span[0] < span[1]:
        reason = f"the reference gives {run}"
        return _finding(claim, Verdict.SUPPORTED, reason, begun, asof.facts)
    reason = f"the claim says {quantity.text} {since.text}; the reference gives {run}"
    return _finding(claim, Verdict.CONTRADICTED, reason, begun, asof.facts)


def _from_to(
    claim: StoredClaim,
    quantity: Quantity,
    pair: tuple[Quantity, Quantity],
    series: Series,
    asof: AsOf,
    points: Sequence[DateRef],
) -> Finding | None:
    """ "lowered from 2.5% to 2% on 2 March": the change made on that day, its value
    before for the first figure and after for the second."""
    span = days(points[0].value) if points else None
    change = change_on(series, span) if span else None
    if change is None:
        return None
    found = change.before if quantity == pair[0] else change.after
    step = f"from {_number(change.before.value)} to {_number(change.after.value)}"
    reason = f"on {change.date} the reference's {series.measure} went {step}"
    if found.value == quantity.value:
        return _finding(claim, Verdict.SUPPORTED, reason, change.after, asof.facts)
    reason = f"the claim says {pair[0].text} to {pair[1].text}; {reason}"
    return _finding(claim, Verdict.CONTRADICTED, reason, change.after, asof.facts)


def _finding(
    claim: StoredClaim, verdict: Verdict, reason: str, point: Point, facts: FactBase
) -> Finding:
    """A finding on a level: a value the rows give."""
    return Finding(verdict, reason, fact_evidence(claim.claim.text, point.fact, facts), "value")
