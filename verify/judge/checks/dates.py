"""Dates and years: the same event, in the same context, must agree."""

from __future__ import annotations

from collections.abc import Sequence

from verify.claims import find_dates
from verify.judge.checks.context import compare_detail
from verify.records import DateRef, Evidence, Finding, StoredClaim

# A date's relation says what kind of time it is: a point ("on", "in") or the
# start or end of a span ("since 1949"). Only times of one kind compare.
RELATION_KINDS = {
    "since": "start",
    "from": "start",
    "after": "start",
    "until": "end",
    "by": "end",
    "before": "end",
}


def _same_kind(left: DateRef, right: DateRef) -> bool:
    return RELATION_KINDS.get(left.relation, "point") == RELATION_KINDS.get(right.relation, "point")


def agrees(claimed: str, found: str) -> bool:
    """ "1949" agrees with "1949-04-04": compare at the coarser precision."""
    width = min(len(claimed), len(found))
    return claimed[:width] == found[:width]


def check_date(claim: StoredClaim, date: DateRef, evidence: Sequence[Evidence]) -> Finding | None:
    return compare_detail(
        claim,
        date,
        evidence,
        found_in=lambda p: (
            d for d in find_dates(p.text, p.start, None) if d.value and _same_kind(date, d)
        ),
        agrees=lambda found: agrees(date.value, found.value),
        supported=lambda found: f"the reference also dates it {found.text} ({found.value})",
        contradicted=lambda found: (
            f"the claim says {date.text} ({date.value}), the reference says {found.text}"
        ),
        check="date",
    )
