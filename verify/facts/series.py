"""A measure's values over time, read from a table keyed by dates, and the changes
they make.

A table with a date column and a numeric column ("Date | Toll (%) | Change",
"Year | Fare") is a series: each row gives the value from its date until the next
row's date, whatever order the page lists the rows in (newest first is common).
The changes between consecutive rows are events of their own: a rise when the
value went up, a cut when it went down. So "raised for the fourth time in a row",
"last cut in May 2011", "cut three times between A and B" and "has not gone up
since 2016" are counted from the values, not from words the page may never use.

A table lists what it lists: a change before its first row, or after its last, is
unknown, so every question here says when the rows cannot answer it (``None``).
Pure functions, no database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from verify.facts.periods import Days, days
from verify.facts.rows import header_key, row_cells
from verify.records import Fact

MIN_POINTS = 3  # fewer rows than this make no series worth reading changes from
_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent\b", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    date: str
    value: float
    fact: Fact

    @property
    def span(self) -> Days:
        found = days(self.date)
        assert found is not None  # series_of keeps readable dates only
        return found


@dataclass(frozen=True)
class Change:
    """The step from one row to the next: ``direction`` 1 up, -1 down."""

    before: Point
    after: Point

    @property
    def date(self) -> str:
        return self.after.date

    @property
    def direction(self) -> int:
        return (self.after.value > self.before.value) - (self.after.value < self.before.value)


@dataclass(frozen=True)
class Series:
    measure: str  # the column's header, as ``header_key`` writes it ("harbour levy")
    unit: str | None  # "percent" when the column or its cells say so
    points: tuple[Point, ...]  # in date order

    @property
    def first(self) -> Point:
        return self.points[0]

    def changes(self) -> list[Change]:
        return [
            Change(before, after)
            for before, after in zip(self.points, self.points[1:], strict=False)
            if after.value != before.value
        ]

    def covers(self, span: Days) -> bool:
        """Whether the rows reach back to ``span``: the first row is no later than its start."""
        return self.first.span[0] <= span[0]

    def held_at(self, at: str) -> list[Point]:
        """The rows in force at ``at``: the latest to have begun; on the day of a change
        the one before it too (an article of that day may be written either side).
        [] before the first row."""
        when = days(at)
        if when is None:
            return []
        begun = [p for p in self.points if p.span[0] < when[1]]
        if not begun:
            return []
        latest = begun[-1]
        if when[0] <= latest.span[0] and len(begun) > 1:
            return [begun[-2], latest]
        return [latest]

    def run_start(self, point: Point) -> Point | None:
        """The row from which ``point``'s value held without a break; None when the
        value already held at the first row (it may have begun before)."""
        index = self.points.index(point)
        while index > 0 and self.points[index - 1].value == point.value:
            index -= 1
        return self.points[index] if index > 0 else None


def series_of(facts: Sequence[Fact]) -> list[Series]:
    """The series of a run's facts: the row values of one column of one table
    (``document_id``, ``group``, ``measure``), at least ``MIN_POINTS`` dates."""
    columns: dict[tuple[int | None, str | None, str], list[Fact]] = {}
    for fact in facts:
        # Row values carry no ``dated_by``: their date is their own row's cell.
        if fact.kind == "value" and fact.measure and fact.value is not None and not fact.dated_by:
            columns.setdefault((fact.document_id, fact.group, fact.measure), []).append(fact)
    found = []
    for (_, _, measure), column in columns.items():
        points = sorted(
            (Point(f.date or "", f.value or 0.0, f) for f in column if days(f.date)),
            key=lambda p: p.span,
        )
        if len({p.date for p in points}) == len(points) >= MIN_POINTS:
            found.append(Series(measure, _unit(measure, column), tuple(points)))
    return found


def _unit(measure: str, column: Sequence[Fact]) -> str | None:
    """ "percent" when the column's header ("Toll (%)") or its cells ("4.25%") say so."""
    for fact in column:
        for header, value in row_cells(fact.text):
            if header_key(header) == measure and (
                _PERCENT.search(header) or _PERCENT.search(value)
            ):
                return "percent"
    return None


# --- changes of one direction --------------------------------------------------------------


def changes_within(series: Series, direction: int, start: Days, end: Days) -> list[Change]:
    """The changes of ``direction`` from the start of ``start`` to the end of ``end``."""
    return [
        c
        for c in series.changes()
        if c.direction == direction and start[0] <= c.after.span[0] < end[1]
    ]


def last_before(series: Series, direction: int, before: Days) -> Change | None:
    """The latest change of ``direction`` that began before ``before`` starts."""
    found = [
        c for c in series.changes() if c.direction == direction and c.after.span[0] < before[0]
    ]
    return found[-1] if found else None


def consecutive_run(series: Series, change: Change) -> int | None:
    """How many changes of ``change``'s direction in a row end with ``change``;
    None when the run reaches back to the first row (it may have begun earlier)."""
    moves = series.changes()
    index = moves.index(change)
    count = 0
    while index >= 0 and moves[index].direction == change.direction:
        count += 1
        index -= 1
    return count if index >= 0 else None


def change_on(series: Series, when: Days) -> Change | None:
    """The change made within ``when`` (one day, or a month holding one change)."""
    found = [c for c in series.changes() if when[0] <= c.after.span[0] < when[1]]
    return found[0] if len(found) == 1 else None
