"""Dates as reference pages write them, read for the facts in ``verify.facts.document``.

A page's own date stands on a short line ("Last updated: 12 July 2023",
"As of 1 March 2024"); a table cell holds a whole date, a bare year, a range
("12 July 2009 – 12 July 2019", "2009–present") or an open end ("Incumbent");
a sentence gives a term's start and end by its date words ("since", "from",
"until") or by its verb ("became ... on"). Dates are never invented: "June
2012" stays "2012-06".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.claims import FIRST_YEAR, LAST_YEAR, find_dates
from verify.records import DateRef, Passage

MAX_PAGE_DATE_LINE = 80  # a page's date stands on a short line of its own
_PAGE_DATE = re.compile(
    r"^\W*(?:this\s+(?:page|article|entry)\s+was\s+)?(?:(?:last|page|content)\s+)?"
    r"(?:updated|reviewed|modified|revised|edited|checked)(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.+)$"
    r"|^\W*(?:correct\s+|accurate\s+)?as\s+(?:of|at)\s*:?\s*(?P<asof>.+)$",
    re.IGNORECASE,
)
_AFTER_DATE = re.compile(r"[\s.,;)\]]*(?:(?:at\s+)?\d{1,2}[:.]\d\d\b.*)?$")
_BARE_YEAR = re.compile(r"(?<![\w.,£$€])(?P<year>\d{4})(?![\w%]|[.,]\d)")
_OPEN_END = re.compile(
    r"^\W*(?:incumbent|present|current|now|to date|in office|ongoing)?\W*$", re.I
)
# What joins a range's two ends: "2009 – 2019", "2009-present", "2001 to 2005".
RANGE = re.compile(r"\s*(?:[–—]|\s-\s|(?<=\d{4})-(?=\d{4}|present)|\bto\b|\buntil\b)\s*", re.I)


def page_date_line(passages: Sequence[Passage]) -> tuple[int, str] | None:
    """(index, date) of the latest page-level date line."""
    best: tuple[int, str] | None = None
    for index, passage in enumerate(passages):
        if passage.kind == "table_row" or len(passage.text) > MAX_PAGE_DATE_LINE:
            continue
        match = _PAGE_DATE.match(passage.text.strip())
        value = _leading_date(match.group("rest") or match.group("asof")) if match else None
        if value and (best is None or value > best[1]):
            best = (index, value)
    return best


def is_page_date_line(text: str) -> bool:
    """Whether ``text`` is a page's own date line ("Last updated 3 May 2024"): a
    fact about the page, never an event."""
    if len(text) > MAX_PAGE_DATE_LINE:
        return False
    match = _PAGE_DATE.match(text.strip())
    return bool(match and _leading_date(match.group("rest") or match.group("asof")))


def _leading_date(text: str) -> str | None:
    """The date ``text`` consists of, allowing a time or full stop after it."""
    refs = [ref for ref in find_dates(text) if ref.value]
    if refs and refs[0].start == 0 and _AFTER_DATE.match(text, refs[0].end):
        return refs[0].value
    return None


def whole_date(text: str) -> str | None:
    """The date a cell holds when the cell is nothing but a date ("4 April 1949", "2015")."""
    text = re.sub(r"\[[^\]]*\]", "", text).strip(" .,;*")
    refs = [ref for ref in find_dates(text) if ref.value]
    if len(refs) == 1 and refs[0].start == 0 and refs[0].end == len(text):
        return refs[0].value
    bare = _BARE_YEAR.fullmatch(text)
    return plausible_year(bare.group("year")) if bare else None


def plausible_year(text: str) -> str | None:
    """``text``, a four-digit year, when it lies in the years dates are read for."""
    return text if FIRST_YEAR <= int(text) <= LAST_YEAR else None


def cell_date(text: str) -> str | None:
    """The first date in a start or end cell; "Incumbent", "present" or "–" is None."""
    if _OPEN_END.match(text):
        return None
    refs = [ref for ref in find_dates(text) if ref.value]
    if refs:
        return refs[0].value
    bare = _BARE_YEAR.search(text)  # a bare year in a date column is a year
    return plausible_year(bare.group("year")) if bare else None


def range_dates(text: str) -> tuple[str | None, str | None]:
    """(start, end) of "12 July 2009 – 12 July 2019", "2009–present", "2001 to 2005"."""
    parts = RANGE.split(text, maxsplit=1)
    end = cell_date(parts[1]) if len(parts) == 2 else None
    return cell_date(parts[0]), end


def span_from_refs(refs: Sequence[DateRef], verb: str | None) -> tuple[str | None, str | None]:
    """(start, end) of a term from its dates: "since"/"from" start it, "until" ends it;
    a date without a relation word follows ``verb`` ("became ... on"), and a second
    plain date after a start ends the term ("from 2001 and 2005", "2009 – 2019")."""
    start, end = span_refs(refs, verb)
    return (start.value if start else None), (end.value if end else None)


def span_refs(refs: Sequence[DateRef], verb: str | None) -> tuple[DateRef | None, DateRef | None]:
    """The dates that start and end a term, as ``span_from_refs`` reads them."""
    start = end = None
    for ref in refs:
        if ref.relation in ("since", "from") and start is None:
            start = ref
        elif ref.relation == "until" and end is None:
            end = ref
        elif ref.relation in ("", "in", "on"):
            if start is not None and end is None and ref.relation == "":
                end = ref
            elif verb == "start" and start is None:
                start = ref
            elif verb == "end" and end is None:
                end = ref
    return start, end
