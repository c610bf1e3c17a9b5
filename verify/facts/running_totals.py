"""Running totals written into a dated list: "1 March 1990 – Ostmark and Lissa (9)."

A list of dated entries often closes each entry with how large the whole became,
in parentheses: the count of members after each accession, of ships after each
launch. The noun it counts is written in an entry ("(4 member teams)") or in the
sentence that introduces the list ("giving the count of member teams following
each intake"); once named, it holds for the entries after it. Each such entry gives a
``value`` fact of that noun from the entry's date, so "the league had nine clubs in
1992" is read against the total in force then. Pure functions, no database.
"""

from __future__ import annotations

import re

from verify.records import Fact

_TOTAL = re.compile(
    r"\((?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:\s+(?P<noun>[A-Za-z][A-Za-z -]{0,40}?))?\)\s*[.;]?\s*$"
)
# "giving the count of member teams following each intake", "the total of clubs after each".
_INTRO = re.compile(
    r"\b(?:number|total|count)\s+of\s+(?P<noun>[a-z][a-z -]{0,40}?)\s+"
    r"(?:after|following|at\s+the\s+end\s+of|as\s+of)\s+each\b",
    re.IGNORECASE,
)


def intro_measure(text: str) -> str | None:
    """The noun a list's introduction says its entries total ("member teams")."""
    match = _INTRO.search(text)
    return match.group("noun").strip().lower() if match else None


def running_total(event: Fact, measure: str | None) -> tuple[Fact | None, str | None]:
    """The total a dated entry ends with, as a value fact, and the noun counted from
    here on (the entry's own, else ``measure``); (None, measure) without one."""
    match = _TOTAL.search(event.text)
    if match is None or not event.date or event.status:
        return None, measure
    noun = (match.group("noun") or "").strip().lower() or measure
    if not noun:
        return None, measure
    value = float(match.group("n").replace(",", ""))
    fact = Fact(
        "value",
        event.text,
        date=event.date,
        start_date=event.date,
        measure=noun,
        value=value,
        group=event.group,
        dated_by="text",
    )
    return fact, noun
