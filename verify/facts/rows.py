"""Dated facts read from rows: table rows, infobox rows and dated list items.

Reference pages put what a measure was as of a date, and what happened when, in
rows; they are read by column header and cell content, never by topic:

- table rows ``Header: value; Header: value`` with one date column and numeric
  columns (values) or none (events);
- infobox rows ``Label: value``: "Members: 32 (as of 7 March 2024)";
- list items that open with a date ("10 February 2003 – ...").

Terms of office in rows (a person with start/end columns, "Chair: Jane Roe
(since 2020)") are read by ``verify.facts.row_terms``, which uses the cell
helpers here.

Events and values of one list or table share ``group``, the heading they sit
under, or ``NO_HEADING``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims import find_dates, find_quantities
from verify.facts.dates import cell_date, plausible_year, whole_date
from verify.records import Fact

NO_HEADING = "(no heading)"


@dataclass(frozen=True)
class Page:
    """What a row's facts may need from its page."""

    title: str | None  # the first heading: what the page is about
    as_of: str | None  # the page's date, for counts that carry no date of their own


# --- table rows ------------------------------------------------------------------------

_CELL_BREAK = re.compile(r";\s+(?=[^;:]{1,60}:\s)")
_COLUMNS = {
    "person": "holder, name, person, incumbent, officeholder, office holder, office-holder, "
    "leader, member, officer, name of holder",
    "office": "office, position, title, role, post, portfolio, office held, seat",
    "start": "took office, assumed office, entered office, from, start, since, term start, "
    "term began, start date, began, in office from, appointed, sworn in, inaugurated, "
    "start of term",
    "end": "left office, to, until, end, term end, term ended, end date, ended, "
    "in office until, left, end of term",
    "range": "term, term of office, in office, tenure, years, period, years in office, served, "
    "dates",
}
_COLUMN_NAMES = {
    kind: frozenset(name.strip() for name in names.split(",")) for kind, names in _COLUMNS.items()
}
_DATE_HEADERS = frozenset("date year as of when day month".split())
_ID_HEADERS = frozenset("no number # rank id code ref seq order".split())
_NUMBER_CELL = re.compile(
    r"^[~≈]?\s*(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<scale>thousand|million|billion|trillion|bn|m|k)?\s*(?:%|per\s?cent|percent)?\s*"
    r"(?:\([^)]*\))?\s*(?:\[[^\]]*\])?\s*$",
    re.IGNORECASE,
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def row_cells(text: str) -> list[tuple[str, str]]:
    """(header, value) cells of a table row passage; header "" when unlabelled."""
    cells = []
    for segment in _CELL_BREAK.split(text):
        label, sep, value = segment.partition(": ")
        if sep and len(label) <= 60:
            cells.append((label.strip(), value.strip()))
        else:
            cells.append(("", segment.strip()))
    return cells


def header_key(header: str) -> str:
    return " ".join(re.sub(r"\[[^\]]*\]|[^\w\s#-]", " ", header.lower()).split())


def column_kind(header: str) -> str | None:
    key = header_key(header)
    for kind, names in _COLUMN_NAMES.items():
        if key in names:
            return kind
    return None


def row_facts(text: str, heading: str | None, page: Page) -> list[Fact]:
    """The values or the event of a row (its term, if any, is read by
    ``verify.facts.row_terms`` first)."""
    cells = row_cells(text)
    if len(cells) == 1 and cells[0][0]:
        return _infobox_facts(cells[0][0], cells[0][1], text, heading, page)
    return _row_series(cells, text, heading)


def _row_series(cells: list[tuple[str, str]], text: str, heading: str | None) -> list[Fact]:
    """A row of a dated series: numeric columns make values, none makes an event."""
    dated = [(header, date) for header, value in cells if (date := _column_date(header, value))]
    spans = any(column_kind(header) in ("start", "end", "range") for header, _ in cells)
    if len(dated) != 1 or spans:  # a row with a start or end is a term, not a moment
        return []
    date_header, date = dated[0]
    group = heading or NO_HEADING
    values = [
        Fact("value", text, date=date, measure=header_key(header), value=number, group=group)
        for header, value in cells
        if header and header != date_header and header_key(header) not in _ID_HEADERS
        if (number := _cell_number(value)) is not None
    ]
    return values or [Fact("event", text, date=date, group=group, status=event_status(text))]


# What a list entry says when its event did not take place, or has yet to.
_NOT_HELD = re.compile(
    r"\b(?:not\s+held|cancell?ed|called\s+off|abandoned|postponed|scrapped|did\s+not\s+take\s+place)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:to\s+be\s+(?:played|held|decided|announced)|planned|scheduled|upcoming|will\s+be\s+held)\b",
    re.IGNORECASE,
)


def event_status(text: str) -> str | None:
    """ "not held" or "planned" when an entry says so; None when it took place."""
    if _NOT_HELD.search(text):
        return "not held"
    return "planned" if _PLANNED.search(text) else None


def _column_date(header: str, value: str) -> str | None:
    if header_key(header) in _DATE_HEADERS or "date" in header_key(header).split():
        return cell_date(value)
    return whole_date(value)


def _cell_number(value: str) -> float | None:
    match = _NUMBER_CELL.match(value.strip())
    if match is None:
        return None
    scale = _SCALES.get((match.group("scale") or "").lower(), 1.0)
    return float(match.group("n").replace(",", "")) * scale


# --- infobox rows ----------------------------------------------------------------------


def _infobox_facts(
    label: str, value: str, text: str, heading: str | None, page: Page
) -> list[Fact]:
    date = whole_date(value)
    if date:
        return [Fact("event", text, date=date, group=heading or NO_HEADING)]
    number = _cell_number(value)
    own = [ref.value for ref in find_dates(value) if ref.value]
    as_of = own[0] if own else page.as_of
    dated_by = "text" if own else "page"
    if as_of is None:
        return []
    if number is not None:
        measure = header_key(label)
        return [Fact("value", text, date=as_of, measure=measure, value=number, dated_by=dated_by)]
    # "Membership: 193 member states; 2 observer states": each counted figure.
    return [
        Fact("value", text, date=as_of, measure=q.counted.lower(), value=q.value, dated_by=dated_by)
        for q in find_quantities(value)
        if q.counted
    ]


# --- list items --------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s*(?:[–—:|]|-\s|,)\s*\S")
_LEADING_YEAR = re.compile(r"(?P<year>\d{4})(?=\s*(?:[–—:|]|-\s|,)\s*\S)")


def list_event(text: str, heading: str | None) -> Fact | None:
    """ "10 February 2003 – X requested ...", "June 2012: ...", "2015 — ..."."""
    refs = [ref for ref in find_dates(text) if ref.value]
    date = None
    if refs and refs[0].start == 0 and refs[0].relation in ("", "in", "on"):
        date = refs[0].value if _SEPARATOR.match(text, refs[0].end) else None
    elif match := _LEADING_YEAR.match(text):
        date = plausible_year(match.group("year"))
    if not date:
        return None
    return Fact("event", text, date=date, group=heading or NO_HEADING, status=event_status(text))
