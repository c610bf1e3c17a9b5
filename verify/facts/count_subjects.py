"""Whose entries a count of a list counts, when the list is of many doers.

A table of finals or champions names many teams and people; a count in a claim
is usually of one of them ("a five-time champion", "it hosted twice"). These rules
say which entries are that one's, or that the claim does not say:

- ``context_filter``: "it" is the name the sentence before gives, when some but
  not all entries name it;
- ``appositive_name``: "Ana Bell, a five-time champion" counts Ana Bell's;
- ``in_column``: a name the rows give under several columns ("Host" in some,
  "Winner" in others) is counted in the column whose header the claim's words
  name ("two-time winners"), or not at all;
- ``together``: names that no entry gives together ("Bo joins Ana as a four-time
  winner") are each counted on their own.

Pure functions, no database. Every rule is about the shape of lists and words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.claims import plain_stems, shared_stems
from verify.facts.counted_list import clause_names, mentions
from verify.records import Fact, Quantity

# "five-time", "5-time": a count joined to "time" describes who did it that often.
_N_TIME = re.compile(r"-times?$", re.IGNORECASE)


def context_filter(context: str, group: Sequence[Fact]) -> list[str]:
    """The names of ``context`` (the sentence before a claim) that some but not all
    entries of ``group`` name, capitalised: who "it" may be."""
    lines = context.splitlines()  # a heading above is no part of a name below it
    names = [name for line in lines for name, _ in clause_names(line)]
    return [n for n in dict.fromkeys(names) if _some_entries(n, group) and _one_column(n, group)]


def _some_entries(name: str, group: Sequence[Fact]) -> bool:
    heading = group[0].group if group else None
    named = sum(mentions(fact.text, name, cased=True) for fact in group)
    return 0 < named < len(group) and not (heading is not None and mentions(heading, name))


def _columns(name: str, group: Sequence[Fact]) -> set[str]:
    """The headers of the cells naming ``name`` in rows written "Header: value; ..."."""
    return {
        header
        for fact in group
        for header, value in (part.partition(": ")[::2] for part in fact.text.split("; "))
        if value and mentions(value, name, cased=True)
    }


def _one_column(name: str, group: Sequence[Fact]) -> bool:
    """Whether the entries name ``name`` in one column only: a table that gives it as
    host in some rows and as winner in others does not say which the claim counts."""
    return len(_columns(name, group)) == 1


def is_n_time(quantity: Quantity) -> bool:
    """ "five-time champion": a count that describes a doer, never a whole list's."""
    return bool(_N_TIME.search(quantity.text))


def appositive_name(claim_text: str, start: int, group: Sequence[Fact]) -> str | None:
    """The name a "N-time" count describes: the last before it in the sentence
    ("Ana Bell, a five-time champion", "Ana Bell became a three-time winner"),
    when some but not all entries name it."""
    before = [name for name, _ in clause_names(claim_text[:start])]
    if before and _some_entries(before[-1], group):
        return before[-1]
    return None


def in_column(name: str, words: str, group: Sequence[Fact]) -> tuple[list[Fact], bool]:
    """The entries that count for ``name``: all that name it when the rows give it
    in one column (or are no table), else those naming it in the one column whose
    header shares a word with ``words`` (the claim's clause). (entries, False) when
    no single column fits: the claim does not say which of its roles it counts."""
    columns = _columns(name, group)
    if len(columns) <= 1:
        return list(group), True
    said = plain_stems(words)
    scored = {header: shared_stems(said, plain_stems(header)) for header in columns}
    best = max(scored.values())
    chosen = [header for header, score in scored.items() if score == best]
    if best == 0 or len(chosen) != 1:
        return [], False
    cell = f"{chosen[0]}: "
    kept = [
        fact
        for fact in group
        for part in fact.text.split("; ")
        if part.startswith(cell) and mentions(part[len(cell) :], name, cased=True)
    ]
    return kept, True


def apart(names: Sequence[str], group: Sequence[Fact]) -> bool:
    """Whether the names are several and no entry gives two of them: "Bo joins Ana
    and Cy as a four-time winner" counts each one's entries, not entries naming all."""
    if len(names) < 2:
        return False
    return not any(sum(mentions(f.text, n, cased=True) for n in names) > 1 for f in group)
