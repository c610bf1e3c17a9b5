"""Claims about the changes of a measure's series (``verify.facts.series``): a
rise or a cut by the sign of the step between two rows.

"last raised the levy in February 2016" (the latest rise before the article's
date), "cut for the first time since March 2017" (the cut before this one), "cut
three times between July 2016 and March 2017" (the cuts in that period), "raised
for the fourth time in a row" (the run of rises ending with this one), "has not
gone up since 2016" (none after it), and the date of a change a level claim names.
A question the rows cannot answer (a date before the first row, a run reaching
back to it) is left open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.claims import clause_bounds, find_ordinals, is_negated
from verify.facts import (
    Change,
    Days,
    Series,
    change_on,
    changes_within,
    consecutive_run,
    days,
    last_before,
)
from verify.judge.checks.asof import AsOf, fact_evidence
from verify.records import DateRef, Finding, Quantity, StoredClaim, Verdict

Slot = Quantity | DateRef  # the claim's detail a finding is about

RISE = re.compile(
    r"\b(?:rais(?:e|ed|es|ing)|ris(?:e|es|en|ing)|rose|increas(?:e|ed|es|ing)|"
    r"hik(?:e|ed|es|ing)|lift(?:ed|s|ing)?|put\s+up|went\s+up|gone\s+up)\b",
    re.IGNORECASE,
)
CUT = re.compile(
    r"\b(?:cut(?:s|ting)?|lower(?:ed|s|ing)?|reduc(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|"
    r"f(?:all|alls|ell|allen)|drop(?:ped|s|ping)?|slash(?:ed|es|ing)?|halv(?:e|ed|es|ing)|"
    r"trim(?:med|s|ming)?)\b",
    re.IGNORECASE,
)
# Words that move a level's time away from the one the claim is judged at.
ELSEWHEN = re.compile(
    r"\b(?:before|after|ago|until|previous(?:ly)?|earlier|expected|forecasts?|will|would|"
    r"could|might|should|if)\b|(?-i:\bmay\b)",
    re.IGNORECASE,
)
_CONSECUTIVE = re.compile(r"\b(?:consecutive|successive|straight|running)\b|\bin\s+a\s+row\b")
_FIRST_SINCE = re.compile(r"\bfirst\s+time\s*$", re.IGNORECASE)
# "last raised", "last cut the levy": "last" just before the verb of a change.
_LAST = re.compile(rf"\blast\s+(?:\w+\s+)?(?:{RISE.pattern}|{CUT.pattern})", re.IGNORECASE)


def direction_of(clause: str) -> int:
    """1 for a rise, -1 for a cut, 0 when the clause says neither or both."""
    up, down = bool(RISE.search(clause)), bool(CUT.search(clause))
    return 0 if up == down else 1 if up else -1


def occurrences(
    claim: StoredClaim, quantity: Quantity, series: Series, asof: AsOf
) -> Finding | None:
    clause, base = clause_of(claim, quantity.start, quantity.end)
    direction = direction_of(claim.claim.text)
    if not direction or ELSEWHEN.search(clause):
        return None
    dates = [d for d in claim.claim.slots.dates if d.value]
    ordinal = bool(find_ordinals(quantity.text))
    if _FIRST_SINCE.search(quantity.text):
        since = [d for d in dates if d.relation == "since" and d.start >= quantity.end]
        event = _event_day(dates, asof)
        return _first_since(claim, since[0], series, direction, event, asof) if since else None
    if ordinal and _CONSECUTIVE.search(quantity.text + " " + clause):
        return _consecutive(claim, quantity, series, direction, _event_day(dates, asof), asof)
    if ordinal:
        return None
    period = _period(dates, asof.at or "")
    if period is None or not series.covers(period[0]):
        return None
    counted = changes_within(series, direction, *period)
    kind = "rises" if direction > 0 else "cuts"
    listed = ", ".join(c.date for c in counted)
    said = f"the reference's {series.measure} shows {len(counted)} {kind}" + (
        f" ({listed})" if listed else ""
    )
    ends = f" from {period[0][0].isoformat()} to {(period[1][1]).isoformat()}"
    if len(counted) == quantity.value:
        return _change_finding(claim, Verdict.SUPPORTED, said + ends, counted, asof, "count")
    reason = f"the claim says {quantity.text}; {said}{ends}"
    return _change_finding(claim, Verdict.CONTRADICTED, reason, counted, asof, "count")


def _event_day(dates: Sequence[DateRef], asof: AsOf) -> str:
    """The day the claim's change was made: its own "on" date, else the article's."""
    own = [d.value for d in dates if d.relation in ("on", "")]
    return own[0] if own else asof.at or ""


def _period(dates: Sequence[DateRef], at: str) -> tuple[Days, Days] | None:
    """The period a count of changes covers: "between A and B", "from A to B", "since
    A" (to the article's date), "in Y"."""
    spans = [(d.relation, days(d.value)) for d in dates]
    starts = [s for r, s in spans if r in ("from", "since") and s]
    ends = [s for r, s in spans if r in ("", "until", "to") and s]
    now = days(at)
    if starts and ends and now and ends[-1][0] < now[1]:
        return starts[0], ends[-1]
    if starts and now and starts[0][1] <= now[0]:
        return starts[0], now
    within = [s for r, s in spans if r == "in" and s]
    return (within[0], within[0]) if len(within) == 1 else None


def _first_since(
    claim: StoredClaim, since: DateRef, series: Series, direction: int, event: str, asof: AsOf
) -> Finding | None:
    """ "cut for the first time since March 2017": the previous cut fell in that month."""
    span, when = days(since.value), days(event)
    if span is None or when is None or when[0] < span[1]:
        return None
    previous = last_before(series, direction, when)
    kind = "rise" if direction > 0 else "cut"
    if previous is not None and span[0] <= previous.after.span[0] < span[1]:
        reason = (
            f"the reference's {series.measure} shows the {kind} before {event} on {previous.date}"
        )
        return _change_finding(claim, Verdict.SUPPORTED, reason, [previous], asof, "count")
    if not series.covers(span) and (previous is None or previous.after.span[0] < span[0]):
        return None  # the rows do not reach back to when the previous one may have been
    found = f"on {previous.date}" if previous else "none"
    reason = (
        f"the claim says the first {kind} {since.text}; the reference's {series.measure} "
        f"shows the {kind} before {event} {found}"
    )
    shown = [previous] if previous else []
    return _change_finding(claim, Verdict.CONTRADICTED, reason, shown, asof, "count")


def _consecutive(
    claim: StoredClaim, quantity: Quantity, series: Series, direction: int, event: str, asof: AsOf
) -> Finding | None:
    """ "raised for the fourth time in a row": the run of rises ending with this one."""
    when = days(event)
    change = change_on(series, when) if when else None
    if change is None or change.direction != direction:
        return None
    run = consecutive_run(series, change)
    if run is None:
        return None  # the run reaches back to the first row: it may be longer
    kind = "rises" if direction > 0 else "cuts"
    said = f"the reference's {series.measure} shows {run} {kind} in a row to {change.date}"
    if run == quantity.value:
        return _change_finding(claim, Verdict.SUPPORTED, said, [change], asof, "count")
    reason = f"the claim says {quantity.text}; {said}"
    return _change_finding(claim, Verdict.CONTRADICTED, reason, [change], asof, "count")


def change_date(
    claim: StoredClaim, date: DateRef, series: Series, found: dict[Slot, Finding]
) -> Finding | None:
    """The date of a change a level finding read ("cut from 2.5% to 2% on 2 March
    2017"): confirmed when the rows change within it, the way the clause says."""
    span = days(date.value)
    if span is None or date.relation not in ("on", "in", ""):
        return None
    clause, base = clause_of(claim, date.start, date.end)
    levels = [
        f
        for q, f in found.items()
        if isinstance(q, Quantity) and base <= q.start < base + len(clause)
    ]
    direction = direction_of(clause)
    moves = [c for c in series.changes() if span[0] <= c.after.span[0] < span[1]]
    moves = [c for c in moves if not direction or c.direction == direction]
    if not levels or not moves or any(f.verdict is not Verdict.SUPPORTED for f in levels):
        return None
    reason = f"the reference's {series.measure} changed on {moves[0].date}"
    return Finding(Verdict.SUPPORTED, reason, levels[0].evidence, "date")


def dated_change(claim: StoredClaim, date: DateRef, series: Series, asof: AsOf) -> Finding | None:
    """ "last raised the levy in March 2017"; "has not gone up since 2016"."""
    clause, _ = clause_of(claim, date.start, date.end)
    direction = direction_of(clause)
    span, now = days(date.value), days(asof.at)
    if not direction or span is None or now is None or ELSEWHEN.search(clause):
        return None
    kind = "rise" if direction > 0 else "cut"
    if is_negated(clause) and date.relation == "since" and span[1] < now[0]:
        after = changes_within(series, direction, (span[1], span[1]), now)
        if not series.covers((span[1], span[1])):
            return None
        if not after:
            reason = (
                f"the reference's {series.measure} shows no {kind} after {date.value} to {asof.at}"
            )
            return _change_finding(claim, Verdict.SUPPORTED, reason, [], asof, "date")
        reason = (
            f"the claim says no {kind} {date.text}; the reference's {series.measure} "
            f"shows one on {after[0].date}"
        )
        return _change_finding(claim, Verdict.CONTRADICTED, reason, after[:1], asof, "date")
    if (
        _LAST.search(clause)
        and date.relation in ("in", "on", "")
        and not is_negated(clause)
        and span[1] <= now[0]
    ):
        last = last_before(series, direction, now)
        if last is None:
            return None
        said = (
            f"the reference's {series.measure} shows the last {kind} before {asof.at} "
            f"on {last.date}"
        )
        if span[0] <= last.after.span[0] < span[1]:
            return _change_finding(claim, Verdict.SUPPORTED, said, [last], asof, "date")
        if last.after.span[0] < span[0] and not series.covers(span):
            return None
        reason = f"the claim says {date.text}; {said}"
        return _change_finding(claim, Verdict.CONTRADICTED, reason, [last], asof, "date")
    return None


def _change_finding(
    claim: StoredClaim,
    verdict: Verdict,
    reason: str,
    changes: Sequence[Change],
    asof: AsOf,
    check: str,
) -> Finding:
    evidence = next(
        (e for c in changes if (e := fact_evidence(claim.claim.text, c.after.fact, asof.facts))),
        None,
    )
    return Finding(verdict, reason, evidence, check)


def clause_of(claim: StoredClaim, start: int, end: int) -> tuple[str, int]:
    text, base = claim.claim.text, claim.claim.start
    begin, finish = clause_bounds(text, start - base, end - base)
    return text[begin:finish], begin + base
