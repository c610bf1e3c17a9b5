"""ISO dates as the periods of days they cover.

Dates are ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD", each covering the days of its
period: "2021-11" is the whole of November 2021. Terms of office, counts and
values as of a date, and conflicts between articles all compare such periods,
so the reading lives here once: ``period`` for a date that must be valid,
``days`` for one that may be missing or malformed, ``by_date`` to put dated
facts in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from verify.records import Fact

Days = tuple[date, date]  # half-open [first day, day after the last)

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


# Dates repeat across every claim of a run (terms, events, the as-of date);
# errors are not cached, so a bad date raises each time.
@lru_cache(maxsize=65536)
def period(value: str) -> Days:
    """The days an ISO date covers, half-open: "2021-11" -> [2021-11-01, 2021-12-01)."""
    match = _ISO.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = match.groups()
    first = date(int(year), int(month or 1), int(day or 1))  # ValueError for "2021-13"
    if day:
        return first, first + timedelta(days=1)
    if month:
        return first, (first + timedelta(days=31)).replace(day=1)
    return first, first.replace(year=first.year + 1)


def days(value: str | None) -> Days | None:
    """The days an ISO date covers, or None for a missing or malformed date."""
    try:
        return period(value) if value else None
    except ValueError:
        return None


def by_date(facts: Iterable[Fact]) -> list[tuple[Days, Fact]]:
    """Facts with a readable date, in date order (input order among equal dates)."""
    found = [(span, fact) for fact in facts if (span := days(fact.date))]
    return sorted(found, key=lambda item: item[0])
