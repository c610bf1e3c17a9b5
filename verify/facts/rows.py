"""Dated facts read from rows: table rows, infobox rows and dated list items.

Reference pages put who held an office when, and what a measure was as of a
date, in rows; they are read by column header and cell content, never by topic:

- table rows ``Header: value; Header: value`` with a person, an office and start/end
  columns (terms), or one date column and numeric columns (values) or none (events);
- infobox rows ``Label: value``: "Members: 32 (as of 7 March 2024)", "Chair: Jane Roe
  (since 2020)";
- list items that open with a date ("10 February 2003 – ...").

Events and values of one list or table share ``group``, the heading they sit
under, or ``NO_HEADING``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims import NAME, ROLE, ROLE_HEADS, find_dates, find_quantities, is_plausible_name
from verify.facts.dates import (
    RANGE,
    cell_date,
    plausible_year,
    range_dates,
    span_from_refs,
    whole_date,
)
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


def _header_key(header: str) -> str:
    return " ".join(re.sub(r"\[[^\]]*\]|[^\w\s#-]", " ", header.lower()).split())


def _column_kind(header: str) -> str | None:
    key = _header_key(header)
    for kind, names in _COLUMN_NAMES.items():
        if key in names:
            return kind
    return None


def row_facts(text: str, heading: str | None, page: Page) -> list[Fact]:
    cells = row_cells(text)
    if len(cells) == 1 and cells[0][0]:
        return _infobox_facts(cells[0][0], cells[0][1], text, heading, page)
    term = _row_term(cells, text, heading)
    return [term] if term else _row_series(cells, text, heading)


def _row_term(cells: list[tuple[str, str]], text: str, heading: str | None) -> Fact | None:
    columns: dict[str, tuple[str, str]] = {}
    for header, value in cells:
        kind = _column_kind(header)
        if kind and kind not in columns:
            columns[kind] = (header, value)
    person = columns.get("person") or _role_named_column(cells)
    holder = _holder(person[1]) if person else None
    if person is None or holder is None:
        return None
    start = cell_date(columns["start"][1]) if "start" in columns else None
    end = cell_date(columns["end"][1]) if "end" in columns else None
    if start is None and end is None and "range" in columns:
        start, end = range_dates(columns["range"][1])
    office = columns["office"][1] if "office" in columns else _office_from_heading(heading)
    office = office or (person[0] if _is_role(person[0]) else None)
    if (start is None and end is None) or not office:
        return None
    return Fact("term", text, start_date=start, end_date=end, holder=holder, office=office)


def _role_named_column(cells: list[tuple[str, str]]) -> tuple[str, str] | None:
    """A column headed by an office ("President") that holds a name."""
    for header, value in cells:
        if _is_role(header) and _holder(value):
            return header, value
    return None


def _is_role(text: str) -> bool:
    return bool(text) and re.fullmatch(ROLE, text.strip()) is not None


def _holder(value: str) -> str | None:
    name = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", value).strip(" ,;*")
    if re.fullmatch(NAME, name) and is_plausible_name(name):
        return name
    return None


def _singular(word: str) -> str:
    lowered = word.lower()
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if lowered.endswith(suffix) and lowered[: -len(suffix)] + replacement in ROLE_HEADS:
            return word[: -len(suffix)] + replacement
    return word


def _office_from_heading(heading: str | None) -> str | None:
    """ "Presidents of Ruritania" over a table of names -> "President of Ruritania"."""
    if not heading:
        return None
    text = re.sub(r"^(?:list|table|timeline)\s+of\s+", "", heading.strip(), flags=re.I)
    head, sep, rest = text.partition(" of ")
    head = " ".join(_singular(word) for word in head.split())
    return head + sep + rest if _is_role(head) else None


def _row_series(cells: list[tuple[str, str]], text: str, heading: str | None) -> list[Fact]:
    """A row of a dated series: numeric columns make values, none makes an event."""
    dated = [(header, date) for header, value in cells if (date := _column_date(header, value))]
    spans = any(_column_kind(header) in ("start", "end", "range") for header, _ in cells)
    if len(dated) != 1 or spans:  # a row with a start or end is a term, not a moment
        return []
    date_header, date = dated[0]
    group = heading or NO_HEADING
    values = [
        Fact("value", text, date=date, measure=_header_key(header), value=number, group=group)
        for header, value in cells
        if header and header != date_header and _header_key(header) not in _ID_HEADERS
        if (number := _cell_number(value)) is not None
    ]
    return values or [Fact("event", text, date=date, group=group)]


def _column_date(header: str, value: str) -> str | None:
    if _header_key(header) in _DATE_HEADERS or "date" in _header_key(header).split():
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
    term = _infobox_term(label, value, text, heading, page)
    if term is not None:
        return [term]
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
        measure = _header_key(label)
        return [Fact("value", text, date=as_of, measure=measure, value=number, dated_by=dated_by)]
    # "Membership: 193 member states; 2 observer states": each counted figure.
    return [
        Fact("value", text, date=as_of, measure=q.counted.lower(), value=q.value, dated_by=dated_by)
        for q in find_quantities(value)
        if q.counted
    ]


def _infobox_term(
    label: str, value: str, text: str, heading: str | None, page: Page
) -> Fact | None:
    """ "Secretary General: Jane Roe (since 1 October 2024)" on a page about a body."""
    name, _, rest = value.partition("(")
    holder = _holder(name)
    if not _is_role(label) or holder is None:
        return None
    if RANGE.search(rest):
        start, end = range_dates(rest.rstrip(") "))
    else:
        start, end = span_from_refs([r for r in find_dates(rest) if r.value], "start")
    if start is None and end is None:
        return None
    body = _page_subject(heading, page.title)
    office = label if " of " in label or not body else f"{label} of {body}"
    return Fact("term", text, start_date=start, end_date=end, holder=holder, office=office)


def _page_subject(heading: str | None, title: str | None) -> str | None:
    """The page's subject; an infobox caption that extends it ("X (XO)") says more."""
    if heading and title and heading.lower().startswith(title.lower()):
        return heading
    return title


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
    return Fact("event", text, date=date, group=heading or NO_HEADING) if date else None
