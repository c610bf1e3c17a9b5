"""A claim's date against the row a dated table keeps for that date.

A table with a date or year column keeps one row per event: "1934 | Calderon | Calderon |
2–1". A claim that something happened to a name at a date ("Norvania won ... in
1934") is about the row for that date, in the column whose header names the same
kind of happening ("Winner" for "won" or "title", "Admitted" for "joined":
``event_stems``). The claim is supported when that row holds the name in that
column, and contradicted when the rows for the date hold someone else there while
other rows of the table hold the name in that column: the table covers the name,
and this date's event went to another. A row that says the event was not held
("Not held", "cancelled") contradicts a claim that it was, and supports one that
it was not.

A table without a row for the date says nothing: many tables list a selection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from verify.claims import event_stems, find_names, fold, is_negated
from verify.claims import mentions_name as mentions
from verify.facts import LastBuilt, event_status, row_cells
from verify.judge.checks.asof import FactBase, fact_evidence
from verify.judge.checks.event_match import agrees
from verify.records import DateRef, Fact, Finding, StoredClaim, Verdict

CHECK = "date"


@dataclass(frozen=True)
class _Row:
    fact: Fact
    cells: tuple[tuple[str, str], ...]

    @property
    def date(self) -> str:
        return self.fact.date or ""

    @property
    def not_held(self) -> bool:
        return event_status(self.fact.text) == "not held"


class _Tables:
    """The dated tables of the references (rows of one group of one document), and
    which tables have rows in each year, so a claim's date is looked up in those
    alone rather than in every row of every table (issue 14)."""

    def __init__(self, all_facts: tuple[Fact, ...]) -> None:
        tables: dict[tuple[int | None, str | None], dict[str, _Row]] = {}
        for fact in all_facts:
            if fact.kind not in ("event", "value") or not fact.date:
                continue
            cells = tuple(row_cells(fact.text))
            if len(cells) < 2 or not all(header for header, _ in cells):
                continue
            rows = tables.setdefault((fact.document_id, fact.group), {})
            rows.setdefault(fact.text, _Row(fact, cells))
        self.tables = [list(rows.values()) for rows in tables.values() if len(rows) > 1]
        self.by_year: dict[str, list[int]] = {}
        self.any_year: list[int] = []  # tables with a row dated less than a year
        for number, table in enumerate(self.tables):
            years = {row.date[:YEAR] for row in table}
            for year in years:
                if len(year) == YEAR:
                    self.by_year.setdefault(year, []).append(number)
            if any(len(year) < YEAR for year in years):
                self.any_year.append(number)

    def dated(self, value: str) -> Iterator[tuple[list[_Row], list[_Row]]]:
        """(table, its rows that ``agrees`` with ``value``) for each table that has some,
        in table order."""
        if len(value) < YEAR:
            numbers: Iterable[int] = range(len(self.tables))
        else:
            numbers = sorted({*self.by_year.get(value[:YEAR], []), *self.any_year})
        for number in numbers:
            rows = self.tables[number]
            on_date = [r for r in rows if agrees(value, r.date)]
            if on_date:
                yield rows, on_date


YEAR = 4  # characters of a date's year
_tables = LastBuilt(_Tables)  # a run's tables, read once
_AT_THE_DATE = frozenset({"", "in", "on", "at"})  # relations that put the claim at the row's date


def _column(words: frozenset[str], rows: Sequence[_Row]) -> str | None:
    """The header naming the claim's kind of happening, when exactly one does."""
    headers = {header for row in rows for header, _ in row.cells}
    fitting = [h for h in headers if event_stems(h) & words]
    return fitting[0] if len(fitting) == 1 else None


def _cell(row: _Row, header: str) -> str | None:
    return next((value for h, value in row.cells if h == header), None)


def check_row_date(
    claim: StoredClaim, date: DateRef, facts: FactBase, words: frozenset[str]
) -> Finding | None:
    """The verdict of the table rows kept for ``date`` on the claim, or None."""
    if date.relation == "until":
        return None  # "reigned until 2013": 2013's row is often the successor's
    text, base = claim.claim.text, claim.claim.start
    names = [
        n.text
        for n in find_names(text, skip_relational=True)
        if n.end <= date.start - base or n.start >= date.end - base
    ]
    negated = is_negated(text)
    for rows, on_date in _tables(facts.facts).dated(date.value):
        if negated and date.relation in _AT_THE_DATE:
            found = _not_held(claim, date, on_date, words, facts)
        elif negated:
            # "Has not won since 1998" says nothing against 1998's row, which is
            # the last time; only rows after it could deny it.
            found = None
        else:
            found = _holder(claim, date, rows, on_date, names, words, facts)
        if found is not None:
            return found
    return None


def _holder(
    claim: StoredClaim,
    date: DateRef,
    rows: list[_Row],
    on_date: list[_Row],
    names: list[str],
    words: frozenset[str],
    facts: FactBase,
) -> Finding | None:
    header = _column(words, rows)
    if header is None:
        return None
    held = [r for r in on_date if not r.not_held]
    covered = [n for n in names if any(mentions(_cell(r, header) or "", n) for r in rows)]
    if not covered:
        # "In 2016 he beat Ada Lusk": the table gives Ada Lusk in another year's row.
        return _astray(claim, rows, held, names, "", facts)
    name = covered[0]
    matching = [r for r in held if mentions(_cell(r, header) or "", name)]
    others = [n for n in names if n != name]
    if matching:
        row = matching[0]
        # "beat Ada Lusk in Orsk": the row's opponent or venue is another.
        blocked = _astray(claim, rows, [row], others, header, facts)
        if blocked is not None:
            return blocked
        reason = f"the reference's row for {row.date} gives {header}: {_cell(row, header)}"
        return _finding(claim, Verdict.SUPPORTED, reason, row, facts)
    row = on_date[0]
    every = [n.text for n in find_names(claim.claim.text)]  # "after X, who reigned ..." too
    if any(mentions(_cell(row, header) or "", other) for other in every if other != name):
        return None  # the row's holder is someone else the claim names: the date may be theirs
    given = "the event was not held" if row.not_held else f"{header}: {_cell(row, header)}"
    reason = (
        f"the claim says {name} in {date.text} ({date.value}); "
        f"the reference's row for {row.date} gives {given}"
    )
    return _finding(claim, Verdict.CONTRADICTED, reason, row, facts)


def _astray(
    claim: StoredClaim,
    rows: list[_Row],
    dated: list[_Row],
    names: list[str],
    holder: str,
    facts: FactBase,
) -> Finding | None:
    """The claim's names the table gives elsewhere but not in the ``dated`` rows (see
    ``_sits_in``): those rows confirm nothing, and since a row is the reference's
    account of its date, no other passage may confirm that date instead."""
    astray = [n for n in names if not all(_sits_in(r, rows, n, holder) for r in dated)]
    if not dated or not astray:
        return None
    reason = f"the reference's row for {dated[0].date} does not give {', '.join(astray)}"
    return _finding(claim, Verdict.UNVERIFIED, reason, dated[0], facts)


def _sits_in(row: _Row, rows: list[_Row], name: str, holder: str) -> bool:
    """Whether ``name``, where the table gives it as a cell's value in a column other
    than the holder's, is this row's value there: a claim's opponent or venue that
    the table lists in other rows must be this row's. Another holder ("before
    Brisbane takes its turn in 2032") belongs to another date's row."""
    columns = {
        header
        for r in rows
        for header, value in r.cells
        if header != holder and _is_value(value, name)
    }
    return not columns or any(_is_value(_cell(row, header) or "", name) for header in columns)


def _is_value(value: str, name: str) -> bool:
    """A cell that is the name ("Ada Lusk", "Orsk", "Orsk (2)"), not a note that
    mentions it ("First Games held in Orsk")."""
    bare = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", value)
    return bool(name.strip()) and fold(bare).split() == fold(name).split()


def _not_held(
    claim: StoredClaim, date: DateRef, on_date: list[_Row], words: frozenset[str], facts: FactBase
) -> Finding | None:
    """ "Not held in 1950" against the row for 1950."""
    row = on_date[0]
    if not (event_stems(row.fact.text) & words):
        return None
    if row.not_held:
        reason = f"the reference's row for {row.date} says it was not held"
        return _finding(claim, Verdict.SUPPORTED, reason, row, facts)
    listed = "; ".join(f"{h}: {v}" for h, v in row.cells[1:3])
    reason = (
        f"the claim says it was not held {date.text}; the reference's row for {row.date} "
        f"lists {listed}"
    )
    return _finding(claim, Verdict.CONTRADICTED, reason, row, facts)


def _finding(
    claim: StoredClaim, verdict: Verdict, reason: str, row: _Row, facts: FactBase
) -> Finding:
    return Finding(verdict, reason, fact_evidence(claim.claim.text, row.fact, facts), CHECK)
