"""Terms of office read from rows: table rows, infobox rows and list items.

Reference pages list who held an office when in rows of many shapes; they are
read by column header, cell content and the heading above, never by topic:

- a table row with a person column and start/end columns ("Took office", "Left
  office"), or one cell of years ("Years: 2014–2019", "1 Nov 2014 – 30 Nov 2019");
  the office from its own column, else from the heading above the table
  ("Secretaries-General of the Tarn Compact" -> "Secretary-General of the Tarn
  Compact", "Wardens of Tarnmoor since 2005"), else from a column headed by the
  office, else from the page's title; a "No." column is the holder's number and a
  note "Acting" makes the term an acting one;
- an infobox row "Chair: Jane Roe (since 2020)" on a page about a body;
- a list item (or ``<dl>`` pair) under a heading naming the office: "Ada Lusk —
  4 May 2010 to 1 June 2015", "Ada Lusk: since 2019", "Ada Lusk (2001–2009)".

An office without its body ("Chair") is completed from the rest of the page by
``verify.facts.office_bodies``.
"""

from __future__ import annotations

import re

from verify.claims import (
    DEMONYMS,
    NAME,
    ROLE,
    ROLE_HEADS,
    find_dates,
    is_plausible_name,
)
from verify.facts.dates import RANGE, cell_date, range_dates, span_from_refs, whole_date
from verify.facts.rows import Page, column_kind, header_key, row_cells
from verify.records import Fact

_ORDINAL_HEADERS = frozenset("no # number order".split())
_OFFICE_HEADER = re.compile(r"\b(?:office|term|tenure|incumbent|sworn|inaugurated)\b")
_MAX_ORDINAL = 1000
_ACTING = re.compile(r"(?i:acting|interim|caretaker)(?:\s+\w+)?")
_OPEN_END = re.compile(r"\W*(?i:present|incumbent|now|to\s+date)?\W*")


# --- table rows ----------------------------------------------------------------------


def row_term(text: str, heading: str | None, page: Page) -> Fact | None:
    """The term a table or infobox row gives, or None."""
    cells = row_cells(text)
    if len(cells) == 1 and cells[0][0]:
        return _infobox_term(cells[0][0], cells[0][1], text, heading, page)
    return _table_term(cells, text, heading, page)


def _table_term(
    cells: list[tuple[str, str]], text: str, heading: str | None, page: Page
) -> Fact | None:
    columns: dict[str, tuple[str, str]] = {}
    for header, value in cells:
        kind = column_kind(header)
        if kind and kind not in columns:
            columns[kind] = (header, value)
    person = columns.get("person") or _role_named_column(cells) or _subject_column(cells, columns)
    holder = is_holder(person[1]) if person else None
    if person is None or holder is None:
        return None
    start, end = _term_dates(cells, columns)
    office = columns["office"][1] if "office" in columns else office_from_heading(heading)
    office = office or (person[0] if _is_role(person[0]) else None)
    office = office or office_from_heading(page.title)
    if start is None and end is None:
        return None
    if not office and not _office_columns(cells):
        return None  # "Name; From; To": dates of something, not necessarily an office
    if office and _acting_note(cells, columns) and not _ACTING.match(office):
        office = f"Acting {office}"
    return Fact(
        "term",
        text,
        start_date=start,
        end_date=end,
        holder=holder,
        office=office,
        ordinal=_ordinal(cells),
    )


def _term_dates(
    cells: list[tuple[str, str]], columns: dict[str, tuple[str, str]]
) -> tuple[str | None, str | None]:
    """Start and end from their own columns, else from one cell of both."""
    start = cell_date(columns["start"][1]) if "start" in columns else None
    end = cell_date(columns["end"][1]) if "end" in columns else None
    if start is not None or end is not None:
        return start, end
    if "range" in columns:
        return range_dates(columns["range"][1])
    spans = [value for _, value in cells if _is_date_range(value)]
    return range_dates(spans[0]) if len(spans) == 1 else (None, None)


def _office_columns(cells: list[tuple[str, str]]) -> bool:
    """Columns that say the dates are a term of office ("Took office"), so a table
    whose office is named only in the prose before it is still a table of terms
    (``verify.facts.office_bodies`` names its office)."""
    return any(_OFFICE_HEADER.search(header_key(header)) for header, _ in cells)


def _is_date_range(value: str) -> bool:
    """ "2014–2019", "1 Nov 2014 – 30 Nov 2019", "2017–": a cell of nothing but a span."""
    parts = RANGE.split(value.strip(), maxsplit=1)
    if len(parts) != 2 or whole_date(parts[0]) is None:
        return False
    return whole_date(parts[1]) is not None or _OPEN_END.fullmatch(parts[1]) is not None


def _ordinal(cells: list[tuple[str, str]]) -> int | None:
    """The holder's number from a "No." column; "–" for an unnumbered (acting) holder."""
    for header, value in cells:
        if header_key(header).strip("#. ") in _ORDINAL_HEADERS or header.strip() == "#":
            digits = value.strip().rstrip(".")
            if digits.isdigit() and 0 < int(digits) <= _MAX_ORDINAL:
                return int(digits)
    return None


def _acting_note(cells: list[tuple[str, str]], columns: dict[str, tuple[str, str]]) -> bool:
    """A note cell that says only "Acting" (or "Interim")."""
    used = {value for value in (columns.get(k) for k in ("person", "office")) if value}
    return any(
        _ACTING.fullmatch(value.strip()) for header, value in cells if (header, value) not in used
    )


def _role_named_column(cells: list[tuple[str, str]]) -> tuple[str, str] | None:
    """A column headed by an office ("President") that holds a name."""
    for header, value in cells:
        if _is_role(header) and is_holder(value):
            return header, value
    return None


# Columns that name someone other than the row's subject ("Appointed by", "Successor").
_RELATION_HEADER = re.compile(r"\b(?:by|successor|predecessor|deputy|nominee|nominated)$")


def _subject_column(
    cells: list[tuple[str, str]], columns: dict[str, tuple[str, str]]
) -> tuple[str, str] | None:
    """ "Justice: Ada Lusk; Position: Chief Judge; From: ...; To: ...": with an office
    column and dated columns, the first column that holds a name is whom the row is
    about, whatever its header calls them (a table lists its subject first)."""
    if "office" not in columns or not ({"start", "end", "range"} & columns.keys()):
        return None
    used = set(columns.values())
    for header, value in cells:
        if (header, value) in used or header_key(header).strip("#. ") in _ORDINAL_HEADERS:
            continue
        if _RELATION_HEADER.search(header_key(header)) or not is_holder(value):
            return None  # the first other column is not a name: no subject column
        return header, value
    return None


def _is_role(text: str | None) -> bool:
    return bool(text) and re.fullmatch(ROLE, (text or "").strip()) is not None


def is_holder(value: str) -> str | None:
    """The person's name a cell holds, without notes in brackets; None if it holds none."""
    name = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", value).strip(" ,;*")
    if re.fullmatch(NAME, name) and is_plausible_name(name):
        return name
    return None


# --- offices named by headings ---------------------------------------------------------

_LIST_OF = re.compile(r"^(?:list|table|timeline|history|register)\s+of\s+(?:the\s+)?", re.I)
_YEAR = re.compile(r"\b\d{4}\b")
_TRAILING = re.compile(r"[\s(,:;–—-]*(?:\b(?:since|from|between|until|to|in|after|before))?\W*$")
_ACRONYM = re.compile(r"[A-Z][A-Z&.]+")
# A word shaped like a demonym ("Velmoran", "Ostmarkish"), not like "Earlier" or "Recent".
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish)")


def office_from_heading(heading: str | None) -> str | None:
    """The office a heading names: "Presidents of Ruritania" -> "President of
    Ruritania", "Secretaries-General of the Tarn Compact since 2005" ->
    "Secretary-General of the Tarn Compact", "Chairs" -> "Chair", "Velmoran
    Chancellors" -> "Velmoran Chancellor"."""
    if not heading:
        return None
    text = _without_dates(_LIST_OF.sub("", heading.strip()))
    head, sep, rest = text.partition(" of ")
    head = re.sub(r"[^\s-]+", lambda m: singular(m.group()), head)
    if _is_role(head) or (not sep and _body_before_role(head)):
        return head + sep + rest
    return None


def _without_dates(text: str) -> str:
    """ "Wardens of Tarnmoor since 2005" -> "Wardens of Tarnmoor"."""
    cuts = [ref.start for ref in find_dates(text) if ref.value]
    cuts += [m.start() for m in _YEAR.finditer(text)]
    if not cuts:
        return text
    return _TRAILING.sub("", text[: min(cuts)]).strip()


def _body_before_role(head: str) -> bool:
    """ "Harbour Administrator", "Velmoran Chancellor": a body or demonym, then the office."""
    match = re.search(rf"(?:^|\s)({ROLE})$", head)
    if match is None or match.start(1) == 0:
        return False
    body = head[: match.start(1)].split()
    return all(
        _ACRONYM.fullmatch(w) or _DEMONYM.fullmatch(w) or w.lower() in DEMONYMS for w in body
    )


def singular(word: str) -> str:
    """ "Secretaries" -> "Secretary" when the singular is an office's head word."""
    lowered = word.lower()
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if lowered.endswith(suffix) and lowered[: -len(suffix)] + replacement in ROLE_HEADS:
            return word[: -len(suffix)] + replacement
    return word


# --- infobox rows ------------------------------------------------------------------------


def _infobox_term(
    label: str, value: str, text: str, heading: str | None, page: Page
) -> Fact | None:
    """ "Secretary General: Jane Roe (since 1 October 2024)" on a page about a body."""
    name, _, rest = value.partition("(")
    holder = is_holder(name)
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


# --- list items ----------------------------------------------------------------------------

_LIST_HOLDER = re.compile(
    rf"^(?:\d{{1,3}}[.)]\s+)?(?P<name>{NAME})\s*(?:[–—:|,(]|-\s)\s*(?P<rest>.+)$"
)
_MAX_DATE_OFFSET = 6  # "from ", "since ": the dates open what follows the name


_NOTE = re.compile(r"^(?P<note>[^()\d]{1,40})\)\s*[,;:–—-]?\s*(?=\S)")


def _after_note(rest: str) -> str:
    """ "Canada), 21 July 1948 – 1953" -> "21 July 1948 – 1953": a note in brackets after
    the name (a country, a party) that holds no date is not part of the term."""
    match = _NOTE.match(rest)
    return rest[match.end() :] if match else rest


# "Ada Lusk Mayor from 4 May 2000 to 4 May 2008. Elected ...": a name, its office and
# its term, with nothing between them (a name set in bold, then the office).
_NAME_OFFICE_TERM = re.compile(
    rf"^(?P<name>{NAME})\s+(?P<office>{ROLE})\s+(?P<rest>(?:from|since)\s[^.;]+)"
)


def _named_office_term(text: str, heading: str | None) -> Fact | None:
    match = _NAME_OFFICE_TERM.match(text.strip())
    holder = is_holder(match.group("name")) if match else None
    if match is None or holder is None:
        return None
    rest = match.group("rest")
    refs = [ref for ref in find_dates(rest) if ref.value]
    after_word = rest.split(maxsplit=1)[1]  # the dates, without "from" or "since"
    start, end = range_dates(after_word) if RANGE.search(rest) else span_from_refs(refs, "start")
    if start is None:
        return None
    office = office_from_heading(heading)
    written = match.group("office")
    if office is None or not office.lower().startswith(written.lower()):
        office = written
    return Fact("term", text, start_date=start, end_date=end, holder=holder, office=office)


def list_term(text: str, heading: str | None) -> Fact | None:
    """ "Ada Lusk — 4 May 2010 to 1 June 2015" under a heading naming an office, or
    "Ada Lusk Mayor from 4 May 2010 to 1 June 2015" under any heading."""
    named = _named_office_term(text, heading)
    if named is not None:
        return named
    office = office_from_heading(heading)
    match = _LIST_HOLDER.match(text.strip()) if office else None
    holder = is_holder(match.group("name")) if match else None
    if match is None or holder is None:
        return None
    rest = _after_note(match.group("rest").strip()).rstrip(").; ")
    refs = [ref for ref in find_dates(rest) if ref.value]
    years = _YEAR.search(rest)
    opening = min([ref.start for ref in refs] + ([years.start()] if years else []), default=-1)
    if opening < 0 or opening > _MAX_DATE_OFFSET:
        return None
    start, end = range_dates(rest) if RANGE.search(rest) else span_from_refs(refs, "start")
    if start is None and end is None:
        return None
    return Fact("term", text, start_date=start, end_date=end, holder=holder, office=office)
